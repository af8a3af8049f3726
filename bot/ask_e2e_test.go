package bot

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/internal/fakediscord"
)

func TestAskDefersFirstThenPublishesAnswer(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	gate := h.ans.hold()

	dispatched := time.Now()
	sent := h.ask(alice, "Apa yang disepakati Putin dan Kim?")
	ack := h.waitReq(callbackOf(sent))
	if got := num(ack.Object()["type"]); got != 5 {
		t.Fatalf("first response type %d, want 5 (deferred)", got)
	}
	if d := ack.Time.Sub(dispatched); d >= fakediscord.AckWindow {
		t.Fatalf("deferred %v after dispatch; Discord allows %v", d, fakediscord.AckWindow)
	}
	if q := <-h.ans.queries; q.Question != "Apa yang disepakati Putin dan Kim?" || len(q.History) != 0 {
		t.Fatalf("answerer got %+v", q)
	}
	close(gate) // the answer is only produced after the deferral was seen

	final := h.waitReq(finalEditOf(sent))
	var mine []fakediscord.Request
	for _, r := range h.fake.Requests() {
		if forToken(sent)(r) {
			mine = append(mine, r)
		}
	}
	if len(mine) == 0 || mine[0].Seq != ack.Seq || !ack.Time.Before(final.Time) {
		t.Fatalf("the deferral is not the first response: %v", mine)
	}
	body := final.Object()
	contains(t, "answer", str(body["content"]), "perjanjian kemitraan strategis komprehensif di Pyongyang [1]", "[2]")
	embeds, _ := body["embeds"].([]any)
	if len(embeds) != 1 {
		t.Fatalf("want one sources embed, got %d", len(embeds))
	}
	if got := sourceNumbers(body); len(got) != 2 {
		t.Fatalf("want 2 sources, got %v", got)
	}
	desc := str(embeds[0].(map[string]any)["description"])
	contains(t, "sources", desc, "**[1]** [Antara · 19 Juni 2025 — Putin dan Kim Jong Un teken perjanjian kemitraan](https://example.com/antara/putin-kim)",
		"> Kedua pemimpin menandatangani")
	if strings.Contains(desc, "antara-putin-kim") || strings.Contains(desc, "¶") {
		t.Errorf("members see article ids or locators: %s", desc)
	}
	// The quote is shown once: in Sources, not again in the content.
	if strings.Contains(str(body["content"]), "“") {
		t.Errorf("the content repeats quotes: %s", body["content"])
	}
	rows, _ := body["components"].([]any)
	buttons, _ := rows[0].(map[string]any)["components"].([]any)
	var ids []string
	for _, b := range buttons {
		ids = append(ids, str(b.(map[string]any)["custom_id"]))
	}
	want := []string{"kabar:up:" + sent.ID, "kabar:down:" + sent.ID} // the passages add nothing to these quotes: no 📚
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("buttons %v, want %v", ids, want)
	}
	h.stop() // the log line is written once the answer is published
	contains(t, "logs", h.logs.String(), "command=ask", "mode=extractive", "outcome=answered", "latency_ms=")
	if strings.Contains(h.logs.String(), "Putin dan Kim?") {
		t.Error("the question's text was logged")
	}
}

func TestAskPrivateLongAnswerSplitsIntoEphemeralFollowups(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	h.ans.set(func(answer.Query) (answer.Result, error) { return longResult(h.lib), nil })
	sent := h.ask(alice, "Ceritakan semuanya", fakediscord.Bool("private", true))

	ack := h.waitReq(callbackOf(sent))
	data, _ := ack.Object()["data"].(map[string]any)
	if num(data["flags"]) != 64 {
		t.Fatalf("private deferral flags = %v, want 64 (ephemeral)", data["flags"])
	}
	h.waitReq(finalEditOf(sent))
	// 5,000+ characters and 30 citations: several follow-ups.
	n := len(renderAnswer(longResult(h.lib), sent.ID)) - 1
	if n < 2 {
		t.Fatalf("the long answer renders as %d follow-ups; the test needs at least 2", n)
	}
	followups := h.waitReqs(n, followupOf(sent))
	for _, f := range followups {
		if num(f.Object()["flags"]) != 64 {
			t.Errorf("follow-up of a private answer is not ephemeral: %s", f.Raw)
		}
	}
	// The fake answers 400 to anything over Discord's limits; check no
	// message-bearing request was refused and the parts add up.
	var text strings.Builder
	fields := 0
	for _, r := range h.fake.Requests() {
		if !forToken(sent)(r) {
			continue
		}
		if r.Status >= 400 {
			t.Errorf("Discord refused %v: %s", r, r.Raw)
		}
		if (r.Method == "PATCH" && finalEditOf(sent)(r)) || followupOf(sent)(r) {
			body := r.Object()
			if c := str(body["content"]); textLen(c) > maxContent {
				t.Errorf("content of %d units", textLen(c))
			} else {
				text.WriteString(c)
			}
			fields += len(sourceNumbers(body))
		}
	}
	if got, want := strings.Join(strings.Fields(text.String()), " "), strings.Join(strings.Fields(plain(longResult(h.lib).Answer)), " "); got != want {
		t.Errorf("the parts do not add up to the answer")
	}
	if fields != 30 {
		t.Errorf("%d sources published, want 30", fields)
	}
}

func TestAskStreamsPartialTextBeforeTheAnswer(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	h.ans.mu.Lock()
	h.ans.partials = []string{"Putin dan Kim", "Putin dan Kim Jong Un menandatangani"}
	h.ans.mu.Unlock()
	gate := h.ans.hold()
	sent := h.ask(alice, "Apa yang disepakati?")
	partial := h.waitReq(func(r fakediscord.Request) bool {
		return originalEditOf(sent)(r) && strings.HasSuffix(str(r.Object()["content"]), "…")
	})
	close(gate)
	final := h.waitReq(finalEditOf(sent))
	if !partial.Time.Before(final.Time) {
		t.Fatal("partial edit after the final answer")
	}
	contains(t, "partial", str(partial.Object()["content"]), "Putin dan Kim")
	// After the final edit, no partial may overwrite it.
	for _, r := range h.fake.Requests() {
		if originalEditOf(sent)(r) && r.Seq > final.Seq {
			t.Errorf("edit after the final answer: %s", r.Raw)
		}
	}
}

func TestDeclinedAnswerSaysTheCoverageDoesNotSay(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	h.ans.set(func(answer.Query) (answer.Result, error) { return declinedResult(), nil })
	sent := h.ask(alice, "Siapa juara Piala Dunia 2030?")
	final := h.waitReq(finalEditOf(sent))
	// The answerer's own (Indonesian) decline, with a hint in the same language.
	contains(t, "decline", str(final.Object()["content"]), "**Liputan tidak menjawab pertanyaan ini.**", "Coba tanyakan")
	if embeds, _ := final.Object()["embeds"].([]any); len(embeds) != 0 {
		t.Errorf("a decline has no sources, got %d embeds", len(embeds))
	}
}

func TestAnswerErrorsAreShortAndSecretFree(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	h.ans.set(func(answer.Query) (answer.Result, error) {
		return answer.Result{}, errors.New("openai: 500 from https://llm.internal/v1 (Authorization: Bearer sk-live-123)")
	})
	sent := h.ask(alice, "Apa?")
	final := h.waitReq(finalEditOf(sent))
	if got := str(final.Object()["content"]); got != msgAnswerFailed {
		t.Fatalf("user saw %q, want %q", got, msgAnswerFailed)
	}
	rec := httptest.NewRecorder()
	h.bot.metrics.handler(h.bot.healthy).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	contains(t, "metrics", rec.Body.String(), "kabar_llm_errors_total 1")
}

func TestCooldownNoticeOnRapidRepeat(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{config: func(c *Config) { c.UserCooldown = time.Hour }})
	first := h.ask(alice, "Pertama?")
	h.waitReq(finalEditOf(first))
	second := h.ask(alice, "Kedua?")
	cb := h.waitReq(callbackOf(second))
	data, _ := cb.Object()["data"].(map[string]any)
	if num(cb.Object()["type"]) != 4 || num(data["flags"]) != 64 {
		t.Fatalf("cooldown reply is not an ephemeral message: %s", cb.Raw)
	}
	contains(t, "notice", str(data["content"]), "Please wait")
	// Another user is not affected.
	other := h.ask(bob, "Ketiga?")
	h.waitReq(finalEditOf(other))
	if n := len(h.ans.queries); n != 2 {
		t.Fatalf("answerer called %d times, want 2", n)
	}
}

func TestGuildConcurrencyLimit(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{config: func(c *Config) { c.GuildConcurrency = 1 }})
	gate := h.ans.hold()
	first := h.ask(alice, "Pertama?")
	<-h.ans.queries // in flight
	second := h.ask(bob, "Kedua?")
	cb := h.waitReq(callbackOf(second))
	data, _ := cb.Object()["data"].(map[string]any)
	contains(t, "notice", str(data["content"]), "try again in a moment")
	if num(data["flags"]) != 64 {
		t.Error("busy notice is not ephemeral")
	}
	close(gate)
	h.waitReq(finalEditOf(first))
}

func TestChannelAllowList(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{config: func(c *Config) { c.AllowedChannels = []string{testChannel} }})
	sent := h.dispatch(fakediscord.Interaction{ChannelID: "999", User: alice,
		Data: fakediscord.Command("ask", fakediscord.String("question", "Apa?"))})
	cb := h.waitReq(callbackOf(sent))
	data, _ := cb.Object()["data"].(map[string]any)
	if str(data["content"]) != msgNotHere || num(data["flags"]) != 64 {
		t.Fatalf("reply outside the allow-list: %s", cb.Raw)
	}
	ok := h.ask(alice, "Apa?")
	h.waitReq(finalEditOf(ok))
}

func TestRateLimitedEditIsRetried(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	h.fake.RateLimit("PATCH", "/webhooks/*/*/messages/@original", 2, 50*time.Millisecond, false)
	sent := h.ask(alice, "Apa?")
	final := h.waitReq(finalEditOf(sent))
	contains(t, "answer", str(final.Object()["content"]), "[1]")
	limited := 0
	for _, r := range h.fake.Requests() {
		if r.Is("PATCH", "/webhooks/*/"+sent.Token+"/messages/@original") && r.Status == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited != 2 {
		t.Fatalf("%d rate-limited edits, want 2", limited)
	}
}

func TestSummaryWithArticle(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	sent := h.dispatch(fakediscord.Interaction{User: alice, Data: fakediscord.Command("summary",
		fakediscord.String("topic", "energi"), fakediscord.String("article", "kompas-kerja-sama"))})
	if got := <-h.ans.summaries; got != [2]string{"energi", "kompas-kerja-sama"} {
		t.Fatalf("Summarize(%q, %q)", got[0], got[1])
	}
	final := h.waitReq(finalEditOf(sent))
	contains(t, "summary", str(final.Object()["content"]), "[1]")

	unknown := h.dispatch(fakediscord.Interaction{User: bob, Data: fakediscord.Command("summary",
		fakediscord.String("article", "tidak-ada"))})
	cb := h.waitReq(callbackOf(unknown))
	contains(t, "notice", str(cb.Object()["data"].(map[string]any)["content"]), "pick one from the list")
}

func TestArticleAutocomplete(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	tests := []struct {
		command, option, typed string
		want                   []string
	}{
		{"summary", "article", "", []string{"antara-putin-kim", "kompas-kerja-sama"}},
		{"summary", "article", "KOREA", []string{"kompas-kerja-sama"}},
		{"summary", "article", "zzz", nil},
		{"source", "doc", "antara", []string{"antara-putin-kim"}},
	}
	for _, tc := range tests {
		sent := h.dispatch(fakediscord.Interaction{Type: fakediscord.InteractionAutocomplete, User: alice,
			Data: fakediscord.Command(tc.command, fakediscord.Focus(tc.option, tc.typed))})
		cb := h.waitReq(callbackOf(sent))
		if num(cb.Object()["type"]) != 8 {
			t.Fatalf("autocomplete answered with type %v", cb.Object()["type"])
		}
		choices, ok := cb.Object()["data"].(map[string]any)["choices"].([]any)
		if !ok {
			t.Fatalf("%q: no choices array: %s", tc.typed, cb.Raw)
		}
		var got []string
		for _, c := range choices {
			ch := c.(map[string]any)
			if n := len([]rune(str(ch["name"]))); n == 0 || n > 100 {
				t.Errorf("choice name of %d characters", n)
			}
			got = append(got, str(ch["value"]))
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: choices %v, want %v", tc.typed, got, tc.want)
		}
	}
}

func TestSourcesAndFeedbackButtons(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	long := h.lib.cite(1, "kompas-kerja-sama", longParagraph)
	h.ans.set(func(answer.Query) (answer.Result, error) {
		return answer.Result{Answered: true, Answer: "Putin menyebut babak baru [1].",
			Citations: []answer.Citation{long}, Mode: answer.ModeExtractive}, nil
	})
	sent := h.ask(alice, "Apa kata Putin?")
	h.waitReq(finalEditOf(sent))
	orig, ok := h.fake.Original(sent.Token)
	if !ok {
		t.Fatal("no original message")
	}

	// From memory, then (unknown key) read back from the embed and the article.
	for _, key := range []string{sent.ID, "123"} {
		click := h.dispatch(fakediscord.Interaction{Type: fakediscord.InteractionComponent, User: bob,
			Data: fakediscord.Button("kabar:src:" + key), Message: orig})
		cb := h.waitReq(callbackOf(click))
		data, _ := cb.Object()["data"].(map[string]any)
		if num(cb.Object()["type"]) != 4 || num(data["flags"]) != 64 {
			t.Fatalf("sources reply is not ephemeral: %s", cb.Raw)
		}
		var all strings.Builder
		all.WriteString(str(data["content"]))
		for _, f := range h.fake.Requests() {
			if followupOf(click)(f) {
				all.WriteString(str(f.Object()["content"]))
			}
		}
		// The embed truncates this quote; the full passage is shown.
		contains(t, "sources for key "+key, strings.Join(strings.Fields(all.String()), " "),
			"**[1]** Kompas · 20 Juni 2025 — Rusia dan Korea Utara perluas kerja sama", "sebelum kembali ke Moskwa.")
	}

	up := h.dispatch(fakediscord.Interaction{Type: fakediscord.InteractionComponent, User: bob,
		Data: fakediscord.Button("kabar:up:" + sent.ID), Message: orig})
	cb := h.waitReq(callbackOf(up))
	contains(t, "feedback reply", str(cb.Object()["data"].(map[string]any)["content"]), "Thanks")
	rec := httptest.NewRecorder()
	h.bot.metrics.handler(h.bot.healthy).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	contains(t, "metrics", rec.Body.String(), `kabar_feedback_total{vote="up"} 1`, `kabar_feedback_total{vote="down"} 0`,
		`kabar_questions_total{source="ask"} 1`, "kabar_answer_latency_seconds_count")
	contains(t, "logs", h.logs.String(), "msg=feedback", "vote=up")
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	rec := httptest.NewRecorder()
	h.bot.metrics.handler(h.bot.healthy).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("healthz while connected: %d %s", rec.Code, rec.Body)
	}
	h.stop()
	rec = httptest.NewRecorder()
	h.bot.metrics.handler(h.bot.healthy).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("healthz after shutdown: %d", rec.Code)
	}
}

func TestMetricsServer(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{config: func(c *Config) { c.MetricsAddr = "127.0.0.1:0" }})
	m := regexp.MustCompile(`msg="serving metrics".* addr=(127\.0\.0\.1:\d+)`).FindStringSubmatch(h.logs.String())
	if m == nil {
		t.Fatalf("metrics address not logged:\n%s", h.logs.String())
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: waitLimit}
	for path, want := range map[string]string{"/healthz": "ok", "/metrics": "kabar_declines_total 0"} {
		resp, err := client.Get("http://" + m[1] + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		contains(t, path, string(body), want)
	}
}
