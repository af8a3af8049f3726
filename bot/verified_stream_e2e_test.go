package bot

// The model's words reach Discord only after verification: through the
// fake Discord, a streaming model that writes a lie first never has it
// shown, not even in an intermediate edit, and hostile models (floods,
// keep-alives forever, tool calls only) end in the quote answer inside the
// answer timeout.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakediscord"
	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/llm"
)

const engineersQuestionID = "Berapa insinyur yang dijanjikan Korea Utara?"

// sourceWith returns the number of the first source in the prompt whose
// passage contains phrase, or 0.
func sourceWith(req fakeopenai.ChatRequest, phrase string) int {
	for _, m := range req.Messages {
		for _, sm := range sourceBlockRE.FindAllStringSubmatch(m.Content, -1) {
			if strings.Contains(sm[3], phrase) {
				var n int
				fmt.Sscan(sm[1], &n)
				return n
			}
		}
	}
	return 0
}

// sseChunk writes one chat.completion.chunk event carrying text.
func sseChunk(w http.ResponseWriter, text string) {
	data, _ := json.Marshal(map[string]any{
		"id": "chatcmpl-liar", "object": "chat.completion.chunk", "created": 1735689600, "model": "fake-chat",
		"choices": []map[string]any{{"index": 0, "delta": map[string]any{"content": text}, "finish_reason": nil}},
	})
	fmt.Fprintf(w, "data: %s\n\n", data)
	_ = http.NewResponseController(w).Flush()
}

func TestLyingStreamNeverReachesDiscordUnverified(t *testing.T) {
	t.Parallel()
	// The model holds its reply back until the bot has edited: no client
	// limit may end the stream first, however slow the machine.
	p := newPipeline(t, pipelineOptions{llm: true, client: func(c *llm.Config) {
		c.Timeout, c.StreamIdleTimeout = 10*time.Minute, 10*time.Minute
	}})
	var h *harness
	started := make(chan struct{})
	lies := []string{"75.000", "tank", "menjanjikan"}
	p.llm.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		n := sourceWith(req, "6.000 insinyur")
		if n == 0 || !req.Stream {
			return fakeopenai.Reply{Text: "NOT_IN_COVERAGE"}
		}
		return fakeopenai.Reply{Write: func(w http.ResponseWriter, r *http.Request, _ fakeopenai.ChatRequest) {
			w.Header().Set("Content-Type", "text/event-stream")
			w.WriteHeader(http.StatusOK)
			<-started
			// The lie first, word by word, then the truth.
			for _, word := range strings.SplitAfter(fmt.Sprintf("Korut juga berjanji mengirim 75.000 tank [%d]. ", n), " ") {
				sseChunk(w, word)
			}
			for _, word := range strings.SplitAfter(fmt.Sprintf("Korut setuju mengirim 6.000 insinyur dan pekerja militer [%d]. ", n), " ") {
				sseChunk(w, word)
			}
			// Hold the rest back until the bot has shown what it verified,
			// so there is an intermediate edit to inspect.
			sseChunk(w, "Kim ")
			ctx, cancel := context.WithTimeout(r.Context(), time.Minute)
			defer cancel()
			_, _ = h.fake.WaitRequest(ctx, func(fr fakediscord.Request) bool {
				return fr.Is("PATCH", "/webhooks/*/*/messages/@original") && fr.Status == 200 &&
					strings.Contains(str(fr.Object()["content"]), "6.000 insinyur")
			})
			for _, word := range strings.SplitAfter(fmt.Sprintf("Jong Un menjanjikan 75.000 tank lagi [%d]. Kim Jong", n), " ") {
				sseChunk(w, word)
			}
			fmt.Fprint(w, "data: [DONE]\n\n")
		}}
	})
	h = startReal(t, p, harnessOptions{config: func(c *Config) { c.AnswerTimeout = 2 * time.Minute }})
	sent := h.ask(alice, engineersQuestionID)
	close(started)
	final := h.waitReq(finalEditOf(sent)).Object()
	content := str(final["content"])
	h.stop() // the interaction's log line is written by now
	if !strings.Contains(h.logs.String(), "mode=llm outcome=answered") {
		t.Fatalf("not a verified LLM answer:\n%s", content)
	}
	contains(t, "verified answer", content, "6.000 insinyur")

	partials, payloads := 0, 0
	for _, r := range h.fake.Requests() {
		if !messageBearing(r) {
			continue
		}
		payloads++
		if originalEditOf(sent)(r) && !finalEditOf(sent)(r) {
			partials++
		}
		for _, text := range payloadTexts(r) {
			for _, lie := range lies {
				if strings.Contains(text, lie) {
					t.Errorf("a payload carries the unverified %q: %s", lie, r.Raw)
				}
			}
		}
	}
	if partials == 0 {
		t.Error("no intermediate edit was made; the test proves nothing")
	}
	t.Logf("%d message payloads (%d intermediate edits), none with an unverified sentence", payloads, partials)
}

func TestHostileModelsGetTheQuoteAnswerInTime(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		reply fakeopenai.Reply
	}{
		{"flood 50 MB", fakeopenai.Flood(50<<20, "Korut mengirim 75.000 tank [1]. ")},
		{"empty chunks forever", fakeopenai.DripEmpty(20 * time.Millisecond)},
		{"tool calls only", fakeopenai.ToolCallsOnly()},
		{"truncated JSON", fakeopenai.TruncatedJSON("Korut setuju mengirim 6.000 insinyur [1].")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// The client's own limits are far away: only the answer
			// timeout, through the model's budget inside it, ends the drip.
			p := newPipeline(t, pipelineOptions{llm: true, client: func(c *llm.Config) {
				c.Timeout, c.StreamIdleTimeout = time.Hour, time.Hour
				c.MaxRetries = -1
			}})
			p.llm.OnChat(func(fakeopenai.ChatRequest) fakeopenai.Reply { return tc.reply })
			// The model gets three quarters of the answer timeout; the
			// quarter left (10 s) is ample for the quote answer even on a
			// loaded machine.
			h := startReal(t, p, harnessOptions{config: func(c *Config) { c.AnswerTimeout = 40 * time.Second }})
			sent := h.ask(alice, engineersQuestionID)
			// Generous: the outcome is asserted, not how long it took.
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			r, err := h.fake.WaitRequest(ctx, finalEditOf(sent))
			if err != nil {
				t.Fatal(err)
			}
			final := r.Object()
			content, embeds := str(final["content"]), fmt.Sprint(final["embeds"])
			h.stop() // the interaction's log line is written by now
			if !strings.Contains(h.logs.String(), "mode=extractive outcome=answered") {
				t.Errorf("want the quote answer after the model's failure, got\n%s", content)
			}
			contains(t, "quote answer", strings.ReplaceAll(content, "6,000", "6.000"), "6.000") // English leads write 6,000
			if !strings.Contains(content, "[1]") || !strings.Contains(embeds, "6.000 insinyur") {
				t.Errorf("the quote answer has no citation backed by a quote:\n%s\n%s", content, embeds)
			}
			for _, r := range h.fake.Requests() {
				for _, text := range payloadTexts(r) {
					if strings.Contains(text, "75.000") || strings.Contains(text, "search_web") {
						t.Errorf("a payload carries the model's text: %s", r.Raw)
					}
				}
			}
		})
	}
}
