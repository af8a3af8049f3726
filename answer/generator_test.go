package answer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/prompts"
	"github.com/kabar-bot/kabar/retrieval"
)

const (
	engineersQ  = "How many engineers did North Korea promise?"
	engineersID = "6.000 insinyur dan pekerja militer" // 002: "Korut juga setuju mengirim 6.000 insinyur ..."
	troopsID    = "setidaknya 10.000 tentara"          // 000: "Korea Utara mengirim setidaknya 10.000 tentara ke Rusia ..."
)

func TestGenerateSendsNumberedSourcesAndQuestion(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	h.scriptAnswer(func(srcs map[int]string) string {
		return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d].", findSource(srcs, engineersID))
	})
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	reqs := h.srv.Requests()
	if len(reqs) != 2 || !isRewrite(*reqs[0].Chat) {
		t.Fatalf("want a query rewrite then an answer request, got %d requests", len(reqs))
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+sentinelKey {
			t.Errorf("request carried Authorization %q", got)
		}
	}
	ans := *reqs[1].Chat
	system, _ := mustPrompts(t).System()
	if len(ans.Messages) != 2 || ans.Messages[0].Role != "system" || ans.Messages[0].Content != system {
		t.Fatalf("answer request does not start with the system prompt: %+v", ans.Messages)
	}
	user := ans.Messages[1].Content
	if !strings.Contains(user, "<<<QUESTION>>>\n"+engineersQ+"\n<<<END QUESTION>>>") {
		t.Errorf("the question is not in the user message:\n%s", user)
	}
	srcs := requestSources(ans)
	if len(srcs) < 2 {
		t.Fatalf("want several numbered sources, got %d:\n%s", len(srcs), user)
	}
	for n := 1; n <= len(srcs); n++ {
		text, ok := srcs[n]
		if !ok {
			t.Fatalf("sources are not numbered 1..%d: %v", len(srcs), srcs)
		}
		if !chunkExists(h, text) {
			t.Errorf("source [%d] is not an indexed chunk: %q", n, text)
		}
	}
	if findSource(srcs, engineersID) == 0 {
		t.Errorf("the passage about the engineers was not among the sources")
	}
	if res.Mode != ModeLLM || !res.Answered || res.FallbackReason != "" {
		t.Fatalf("got mode %q answered %v reason %q", res.Mode, res.Answered, res.FallbackReason)
	}
	if res.Answer != "North Korea agreed to send 6,000 engineers [1]." {
		t.Errorf("answer = %q", res.Answer)
	}
	if len(res.Citations) != 1 || !strings.Contains(res.Citations[0].Quote, "6.000 insinyur") {
		t.Fatalf("citations = %+v", res.Citations)
	}
	checkCitations(t, h.ix, res)
}

func chunkExists(h *llmHarness, text string) bool {
	for _, d := range h.ix.Documents() {
		for _, c := range h.ix.DocumentChunks(d.ID) {
			if c.Text == text {
				return true
			}
		}
	}
	return false
}

func mustPrompts(t *testing.T) *prompts.Prompts {
	t.Helper()
	p, err := prompts.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGenerateVerifiesCitations scripts model replies with wrong, invented
// and unsupported citations and checks what reaches the user.
func TestGenerateVerifiesCitations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		reply func(eng, troops int) string
		// want matches the whole final answer; "" means a decline.
		want      string
		wantDoc   string // document of citation 1
		wantQuote string // in citation 1's quote
	}{
		{
			name: "nonexistent source removed",
			reply: func(eng, _ int) string {
				return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d][7].", eng)
			},
			want: `North Korea agreed to send 6,000 engineers \[1\]\.`, wantDoc: "002_546dc01b2ce7994a", wantQuote: "6.000 insinyur",
		},
		{
			name:  "only a nonexistent source: re-pointed",
			reply: func(int, int) string { return "North Korea agreed to send 6,000 engineers [7]." },
			want:  `North Korea agreed to send 6,000 engineers \[1\](\[2\])?\.`, wantQuote: "6.000",
		},
		{
			name:  "number missing from the cited passage: declined",
			reply: func(eng, _ int) string { return fmt.Sprintf("North Korea promised 9,000 engineers [%d].", eng) },
		},
		{
			name: "unsupported sentence dropped, supported kept",
			reply: func(eng, _ int) string {
				return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d]. North Korea promised 9,000 engineers [%d].", eng, eng)
			},
			want: `North Korea agreed to send 6,000 engineers \[1\]\.`, wantDoc: "002_546dc01b2ce7994a",
		},
		{
			name: "cited to the wrong source: re-pointed",
			reply: func(eng, _ int) string {
				return fmt.Sprintf("North Korea sent at least 10,000 troops to Russia [%d].", eng)
			},
			want: `North Korea sent at least 10,000 troops to Russia \[1\](\[2\])?(\[3\])?\.`, wantQuote: "10.000",
		},
		{
			name: "markers renumbered in order of appearance",
			reply: func(eng, troops int) string {
				return fmt.Sprintf("North Korea sent at least 10,000 troops to Russia [%d]. It also agreed to send 6,000 engineers [%d].", troops, eng)
			},
			want: `North Korea sent at least 10,000 troops to Russia \[1\]\. It also agreed to send 6,000 engineers \[2\]\.`, wantQuote: "10.000 tentara",
		},
		{
			name: "each clause checked against its own marker",
			reply: func(eng, troops int) string {
				return fmt.Sprintf("North Korea sent at least 10,000 troops [%d], and it agreed to send 6,000 engineers [%d].", troops, eng)
			},
			want: `North Korea sent at least 10,000 troops \[1\], and it agreed to send 6,000 engineers \[2\]\.`, wantQuote: "10.000 tentara",
		},
		{
			name: "clauses citing each other's source: both re-pointed",
			reply: func(eng, troops int) string {
				return fmt.Sprintf("North Korea sent at least 10,000 troops [%d], and it agreed to send 6,000 engineers [%d].", eng, troops)
			},
			want: `North Korea sent at least 10,000 troops (\[\d\])+, and it agreed to send 6,000 engineers (\[\d\])+\.`,
		},
		{
			name: "uncited gap sentence kept",
			reply: func(eng, _ int) string {
				return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d]. The coverage does not say when they will arrive.", eng)
			},
			want: `North Korea agreed to send 6,000 engineers \[1\]\. The coverage does not say when they will arrive\.`,
		},
		{
			name: "uncited invented sentence dropped",
			reply: func(eng, _ int) string {
				return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d]. Putin will visit Pyongyang in 2026.", eng)
			},
			want: `North Korea agreed to send 6,000 engineers \[1\]\.`,
		},
		{
			name:  "model declines",
			reply: func(int, int) string { return prompts.DeclineMarker },
		},
	}
	ix := llmSeedIndex(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var numbers [2]int
			srv := fakeopenai.New(fakeopenai.Options{APIKey: sentinelKey})
			t.Cleanup(srv.Close)
			gen := generatorFor(t, ix, srv)
			srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
				if isRewrite(req) {
					return fakeopenai.Reply{Text: "Korea Utara insinyur tentara Rusia North Korea engineers troops"}
				}
				srcs := requestSources(req)
				eng, troops := findSource(srcs, engineersID), findSource(srcs, troopsID)
				mu.Lock()
				numbers = [2]int{eng, troops}
				mu.Unlock()
				return fakeopenai.Reply{Text: tc.reply(eng, troops)}
			})
			res, reason, err := gen.Generate(context.Background(), Query{Question: "How many engineers and troops did North Korea send or promise?"}, nil)
			if err != nil || reason != "" {
				t.Fatalf("Generate: reason %q, err %v", reason, err)
			}
			mu.Lock()
			if numbers[0] == 0 || numbers[1] == 0 {
				t.Fatalf("the sources lack the engineers (%d) or troops (%d) passage", numbers[0], numbers[1])
			}
			mu.Unlock()
			if res.Mode != ModeLLM {
				t.Errorf("mode = %q", res.Mode)
			}
			if tc.want == "" {
				if res.Answered || len(res.Citations) != 0 || !strings.HasPrefix(res.Answer, "The coverage does not say.") {
					t.Errorf("want a decline, got answered=%v %q %+v", res.Answered, res.Answer, res.Citations)
				}
				return
			}
			if !res.Answered || !regexp.MustCompile("^"+tc.want+"$").MatchString(res.Answer) {
				t.Errorf("answer = %q (answered %v)\nwant     %s", res.Answer, res.Answered, tc.want)
			}
			checkCitations(t, ix, res)
			if len(res.Citations) == 0 {
				t.Fatal("no citations")
			}
			if tc.wantDoc != "" && res.Citations[0].Doc != tc.wantDoc {
				t.Errorf("citation 1 is from %s; want %s", res.Citations[0].Doc, tc.wantDoc)
			}
			if tc.wantQuote != "" && !strings.Contains(res.Citations[0].Quote, tc.wantQuote) {
				t.Errorf("citation 1 quotes %q; want it to contain %q", res.Citations[0].Quote, tc.wantQuote)
			}
		})
	}
}

// generatorFor returns an LLM answerer over ix talking to srv.
func generatorFor(t *testing.T, ix *retrieval.Index, srv *fakeopenai.Server) *LLMGenerator {
	t.Helper()
	client, err := llm.New(llm.Config{BaseURL: srv.URL, APIKey: sentinelKey, Model: "fake-chat",
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }})
	if err != nil {
		t.Fatal(err)
	}
	gen, err := NewLLMGenerator(client, ix, LLMConfig{K: 8, Ranking: retrieval.RankLexical})
	if err != nil {
		t.Fatal(err)
	}
	return gen
}

func TestGenerateDeclinesInTheQuestionsLanguage(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	h.scriptAnswer(func(map[int]string) string { return prompts.DeclineMarker })
	for _, tc := range []struct{ q, want string }{
		{"Who won the 2022 World Cup?", "The coverage does not say."},
		{"Siapa yang memenangkan Piala Dunia 2022?", "Liputan tidak menyebutkannya."},
	} {
		var partial []string
		res, err := h.svc.Answer(context.Background(), Query{Question: tc.q}, func(s string) { partial = append(partial, s) })
		if err != nil {
			t.Fatal(err)
		}
		if res.Answered || res.Mode != ModeLLM || !strings.HasPrefix(res.Answer, tc.want) || len(res.Citations) != 0 {
			t.Errorf("%q: got answered=%v mode=%q %q", tc.q, res.Answered, res.Mode, res.Answer)
		}
		if len(partial) != 0 {
			t.Errorf("%q: the decline marker was streamed to the user: %q", tc.q, partial)
		}
	}
}

func TestGenerateStreamsOnlyVerifiedSentences(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	const lie = "It also promised to send 75,000 tanks"
	var raw string
	h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		if isRewrite(req) {
			return fakeopenai.Reply{Text: "Korea Utara insinyur North Korea engineers"}
		}
		n := findSource(requestSources(req), engineersID)
		// The lie comes first, then the truth, then the lie again.
		raw = fmt.Sprintf("%s [%d]. North Korea agreed to send 6,000 engineers [%d][9]. %s [%d]. Kim Jong Un",
			lie, n, n, lie, n)
		return fakeopenai.Reply{Text: raw}
	})
	var partial []string
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, func(s string) { partial = append(partial, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(partial) == 0 {
		t.Fatal("nothing was streamed")
	}
	for i, p := range partial {
		if strings.Contains(p, "75,000") || strings.Contains(p, "tanks") || strings.Contains(p, "Kim Jong") || strings.Contains(p, "[9]") {
			t.Errorf("partial %d shows unverified text: %q", i, p)
		}
		if i > 0 && !strings.HasPrefix(p, partial[i-1]) {
			t.Errorf("partial text %d does not extend the one before: %q, %q", i, partial[i-1], p)
		}
	}
	if res.Answer != "North Korea agreed to send 6,000 engineers [1]." {
		t.Errorf("final answer = %q; want the verified text", res.Answer)
	}
	if !strings.HasPrefix(partial[len(partial)-1], "North Korea agreed to send 6,000 engineers [") {
		t.Errorf("last partial = %q; want the verified sentence", partial[len(partial)-1])
	}
	for _, r := range h.srv.Requests() {
		if r.Chat != nil && !isRewrite(*r.Chat) && !r.Chat.Stream {
			t.Errorf("answer request was not streamed")
		}
	}
}

// TestGenerateStreamsSentenceBySentence checks that each verified sentence
// is shown as soon as it is complete, before the reply ends.
func TestGenerateStreamsSentenceBySentence(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		if isRewrite(req) {
			return fakeopenai.Reply{Text: "Korea Utara insinyur North Korea engineers"}
		}
		n := findSource(requestSources(req), engineersID)
		s := fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d]. ", n)
		return fakeopenai.Reply{Chunks: []string{s, "The reports differ: ", s, "Kim "}}
	})
	var partial []string
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, func(s string) { partial = append(partial, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(partial) != 2 {
		t.Fatalf("partials %q; want one per verified sentence", partial)
	}
	if !strings.Contains(partial[1], "The reports differ:") {
		t.Errorf("second partial %q lacks the second sentence", partial[1])
	}
	if strings.Contains(res.Answer, "Kim") {
		t.Errorf("the unfinished last sentence reached the answer: %q", res.Answer)
	}
}

// TestGenerateFallsBackOnHostileReplies: replies that flood, drip empty
// chunks, call tools or cut their JSON end in the quote answer with a
// precise reason, streamed or not, within the model's budget.
func TestGenerateFallsBackOnHostileReplies(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		reply    fakeopenai.Reply
		reason   string
		timesOut bool
	}{
		{"flood of lies", fakeopenai.Flood(50<<20, "Korut mengirim 75.000 tank [1]. "), "the language model's reply was too long", false},
		{"flood without sentences", fakeopenai.Flood(50<<20, "aaaa"), "the language model's reply was too long", false},
		{"empty drip", fakeopenai.DripEmpty(5 * time.Millisecond), "the language model timed out", true},
		{"tool calls only", fakeopenai.ToolCallsOnly(), "the language model answered with tool calls instead of text", false},
		{"truncated JSON", fakeopenai.TruncatedJSON("Korut setuju mengirim 6.000 insinyur [1]."), "the language model sent a malformed reply", false},
		{"empty", fakeopenai.Reply{Text: "  "}, "the language model sent an empty reply", false},
	}
	for _, tc := range cases {
		for _, stream := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s stream=%v", tc.name, stream), func(t *testing.T) {
				t.Parallel()
				h := newLLMHarness(t, func(c *llm.Config) {
					c.MaxRetries = -1
					c.MaxReplyBytes = 64 << 10
					// Only the drip is meant to time out; every other
					// reply must end on its own, however slow the machine.
					c.StreamIdleTimeout, c.Timeout = 10*time.Minute, 10*time.Minute
					if tc.timesOut {
						c.StreamIdleTimeout, c.Timeout = 100*time.Millisecond, 300*time.Millisecond
					}
				}, nil)
				h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply { return tc.reply })
				var onPartial func(string)
				var shown []string
				if stream {
					onPartial = func(s string) { shown = append(shown, s) }
				}
				res, err := h.svc.Answer(context.Background(), Query{Question: "Berapa insinyur yang dijanjikan Korea Utara?"}, onPartial)
				if err != nil {
					t.Fatal(err)
				}
				if res.Mode != ModeExtractive || !strings.HasPrefix(res.FallbackReason, tc.reason) {
					t.Errorf("mode %q, fallback %q; want the quote answer because %q", res.Mode, res.FallbackReason, tc.reason)
				}
				if !res.Answered || !strings.Contains(strings.ReplaceAll(res.Answer, "6,000", "6.000"), "6.000") || len(res.Citations) == 0 {
					t.Errorf("fallback answer %q with %d citations; want the figure, cited", res.Answer, len(res.Citations))
				}
				if len(shown) > 0 {
					t.Errorf("streamed %q from a hostile reply", shown)
				}
			})
		}
	}
}

// TestAnswerFallsBackWhenTheModelFails drives the service through server
// failures; every one ends in an extractive answer that says why, and the
// API key appears nowhere.
func TestAnswerFallsBackWhenTheModelFails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		setup      func(h *llmHarness)
		stream     bool
		client     func(*llm.Config)
		wantReason string
	}{
		{name: "server errors", setup: func(h *llmHarness) { h.srv.FailNext(100, fakeopenai.Fault{Status: 500}) }, wantReason: "server failed"},
		{name: "overloaded", setup: func(h *llmHarness) { h.srv.FailNext(100, fakeopenai.Fault{Status: 503}) }, wantReason: "server failed"},
		{name: "rate limited", setup: func(h *llmHarness) {
			h.srv.FailNext(100, fakeopenai.Fault{Status: 429, RetryAfter: "0"})
		}, wantReason: "rate-limiting"},
		{name: "stalled stream", stream: true, setup: func(h *llmHarness) { h.srv.StallStreams(2) },
			client: func(c *llm.Config) { c.StreamIdleTimeout = 200 * time.Millisecond }, wantReason: "timed out"},
		{name: "slow server", setup: func(h *llmHarness) { h.srv.SetDelay(time.Minute) },
			client: func(c *llm.Config) { c.Timeout = 200 * time.Millisecond }, wantReason: "timed out"},
		{name: "unreachable", setup: func(h *llmHarness) { h.srv.Close() }, wantReason: "could not be reached"},
		{name: "wrong key", client: func(c *llm.Config) { c.APIKey = sentinelKey + "-revoked" }, wantReason: "rejected the API key"},
		{name: "key echoed in a proxy error page", setup: func(h *llmHarness) {
			h.srv.FailNext(100, fakeopenai.Fault{Status: 502, RawBody: "<html>bad gateway for Bearer " + sentinelKey + "</html>"})
		}, wantReason: "server failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newLLMHarness(t, tc.client, nil)
			h.scriptAnswer(func(srcs map[int]string) string {
				return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d].", findSource(srcs, engineersID))
			})
			if tc.setup != nil {
				tc.setup(h)
			}
			var onPartial func(string)
			if tc.stream {
				onPartial = func(string) {}
			}
			res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, onPartial)
			if err != nil {
				t.Fatalf("Answer: %v", err)
			}
			if res.Mode != ModeExtractive || !strings.Contains(res.FallbackReason, tc.wantReason) {
				t.Errorf("mode %q, fallback reason %q; want extractive because %q", res.Mode, res.FallbackReason, tc.wantReason)
			}
			if !res.Answered || !strings.Contains(res.Answer, "6.000") && !strings.Contains(res.Answer, "6,000") {
				t.Errorf("the extractive fallback did not answer: %q", res.Answer)
			}
			out, _ := json.Marshal(res)
			if strings.Contains(string(out), "SENTINEL") {
				t.Errorf("the API key leaked into the result: %s", out)
			}
			if strings.Contains(h.logs.String(), "SENTINEL") {
				t.Errorf("the API key leaked into the logs:\n%s", h.logs.String())
			}
			_, reason, gerr := h.gen.Generate(context.Background(), Query{Question: engineersQ}, onPartial)
			if reason == "" || gerr == nil {
				t.Fatalf("Generate: reason %q err %v; want both", reason, gerr)
			}
			if strings.Contains(gerr.Error(), "SENTINEL") || strings.Contains(reason, "SENTINEL") {
				t.Errorf("the API key leaked into the error: %v", gerr)
			}
		})
	}
}

func TestGenerateReturnsPromptlyWhenCanceled(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	h.scriptAnswer(func(map[int]string) string { return "Korut setuju mengirim 6.000 insinyur [1]." })
	h.srv.StallStreams(1) // streams hang until the client goes away
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// Cancel once the stream is under way (the server has answered
		// its headers and stalls).
		awaitStream(ctx, h.srv)
		cancel()
	}()
	// An Indonesian question needs no rewrite: the first call streams.
	_, err := h.svc.Answer(ctx, Query{Question: "Berapa insinyur yang dijanjikan Korea Utara?"}, func(string) {})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}

	// Canceled before anything starts: no request at all.
	before := len(h.srv.Requests())
	done, stop := context.WithCancel(context.Background())
	stop()
	if _, err := h.svc.Answer(done, Query{Question: engineersQ}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v; want context.Canceled", err)
	}
	if got := len(h.srv.Requests()); got != before {
		t.Errorf("a canceled call sent %d requests", got-before)
	}
}

// awaitStream polls until srv has answered a streamed request or ctx ends.
func awaitStream(ctx context.Context, srv *fakeopenai.Server) {
	for ctx.Err() == nil {
		for _, r := range srv.Requests() {
			if r.Chat != nil && r.Chat.Stream && r.Status == 200 {
				return
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Millisecond): // polling, not timing
		}
	}
}

func TestGenerateRewritesFollowUps(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	var mu sync.Mutex
	var rewrite string
	h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		if isRewrite(req) {
			mu.Lock()
			rewrite = req.Messages[0].Content
			mu.Unlock()
			return fakeopenai.Reply{Text: "Search query: \"insinyur Korea Utara Kursk engineers North Korea\"\nextra line"}
		}
		return fakeopenai.Reply{Text: fmt.Sprintf("Sekitar 6.000 insinyur [%d].", findSource(requestSources(req), "6.000 insinyur"))}
	})
	q := Query{Question: "Berapa banyak yang dijanjikan?", History: []Turn{{Question: "Apa yang dijanjikan Korut untuk Kursk?", Answer: "Insinyur dan pekerja militer [1]."}}}
	res, err := h.svc.Answer(context.Background(), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(rewrite, "Apa yang dijanjikan Korut untuk Kursk?") || strings.Contains(rewrite, "[1]") {
		t.Errorf("the rewrite request lacks the earlier turn (without markers):\n%s", rewrite)
	}
	if res.Mode != ModeLLM || !res.Answered || !strings.Contains(res.Answer, "6.000 insinyur [1]") {
		t.Fatalf("got %q %q", res.Mode, res.Answer)
	}
	checkCitations(t, h.ix, res)
}

func TestGenerateSearchesWithTheQuestionWhenTheRewriteFails(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	h.scriptAnswer(func(srcs map[int]string) string {
		return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d].", findSource(srcs, engineersID))
	})
	h.srv.FailNext(3, fakeopenai.Fault{Status: 500}) // the rewrite and its two retries
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != ModeLLM || res.Answer != "North Korea agreed to send 6,000 engineers [1]." {
		t.Errorf("got %q %q (%s)", res.Mode, res.Answer, res.FallbackReason)
	}
}

func TestGenerateTrimsSourcesToTheTokenBudget(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, func(c *LLMConfig) { c.K = 20; c.MaxContextTokens = 1400; c.ReplyTokens = 300 })
	h.scriptAnswer(func(map[int]string) string { return prompts.DeclineMarker })
	if _, err := h.svc.Answer(context.Background(), Query{Question: "Korea Utara Rusia Lavrov Kim Wonsan"}, nil); err != nil {
		t.Fatal(err)
	}
	reqs := h.answerRequests()
	if len(reqs) != 1 {
		t.Fatalf("got %d answer requests", len(reqs))
	}
	n := len(requestSources(reqs[0]))
	size := 0
	for _, m := range reqs[0].Messages {
		size += estimateTokens(m.Content)
	}
	if n == 0 || size > 1400-300 {
		t.Errorf("sent %d sources in about %d tokens; want at least one within 1100", n, size)
	}
	hits, _ := h.ix.SearchText(context.Background(), "Korea Utara Rusia Lavrov Kim Wonsan", 20, 0)
	if n >= len(hits) {
		t.Errorf("sent all %d sources; the budget should have trimmed some", n)
	}

	tiny := newLLMHarness(t, nil, func(c *LLMConfig) { c.MaxContextTokens = 600; c.ReplyTokens = 100 })
	res, err := tiny.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != ModeExtractive || !strings.Contains(res.FallbackReason, "max_context_tokens") {
		t.Errorf("with no room for sources: mode %q reason %q", res.Mode, res.FallbackReason)
	}
}

func TestSummarize(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	chunks := h.ix.DocumentChunks("002_546dc01b2ce7994a")
	h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		srcs := requestSources(req)
		return fakeopenai.Reply{Text: fmt.Sprintf("North Korea agreed to send 6,000 engineers and military workers [%d]. Lavrov visited Pyongyang to sign a treaty [%d].",
			findSource(srcs, engineersID), findSource(srcs, engineersID))}
	})
	res, reason, err := h.gen.Summarize(context.Background(), "", chunks)
	if err != nil || reason != "" {
		t.Fatalf("Summarize: %q %v", reason, err)
	}
	if !res.Answered || res.Mode != ModeLLM || res.Answer != "North Korea agreed to send 6,000 engineers and military workers [1]." {
		t.Errorf("summary = %q", res.Answer)
	}
	checkCitations(t, h.ix, res)
	if reqs := h.answerRequests(); len(reqs) != 1 || !strings.Contains(reqs[0].Messages[1].Content, "Summarize what the sources above report") {
		t.Errorf("not a summary request")
	}

	h.srv.OnChat(func(fakeopenai.ChatRequest) fakeopenai.Reply { return fakeopenai.Reply{Text: prompts.DeclineMarker} })
	res, _, _ = h.gen.Summarize(context.Background(), "apa kata liputan tentang Piala Dunia", chunks)
	if res.Answered || res.Answer != "Liputan tidak memuat apa pun tentang topik ini." {
		t.Errorf("declined summary = %v %q", res.Answered, res.Answer)
	}

	h.srv.FailNext(100, fakeopenai.Fault{Status: 500})
	if _, reason, err := h.gen.Summarize(context.Background(), "", chunks); reason == "" || err == nil {
		t.Errorf("failed summary: reason %q err %v", reason, err)
	}
}

func TestGenerateKeepsTheLatestTurnsOfALongThread(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, func(c *LLMConfig) { c.MaxContextTokens = 3000; c.ReplyTokens = 500 })
	h.scriptAnswer(func(map[int]string) string { return prompts.DeclineMarker })
	var history []Turn
	for i := range 40 {
		history = append(history, Turn{Question: fmt.Sprintf("Old question %d about Lavrov?", i), Answer: strings.Repeat("Lavrov bertemu Kim di Wonsan. ", 10)})
	}
	history[len(history)-1].Question = "Latest: who did Lavrov meet?"
	if _, err := h.svc.Answer(context.Background(), Query{Question: "And where?", History: history}, nil); err != nil {
		t.Fatal(err)
	}
	var rewrite string
	for _, r := range h.srv.Requests() {
		if r.Chat != nil && isRewrite(*r.Chat) {
			rewrite = r.Chat.Messages[0].Content
		}
	}
	if !strings.Contains(rewrite, "Latest: who did Lavrov meet?") || strings.Contains(rewrite, "Old question 0 ") {
		t.Errorf("want the latest turns kept and the oldest dropped; rewrite request has %d tokens", estimateTokens(rewrite))
	}
	if estimateTokens(rewrite) > 2500 {
		t.Errorf("rewrite request of %d tokens exceeds the budget", estimateTokens(rewrite))
	}
}
