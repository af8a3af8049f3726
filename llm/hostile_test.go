package llm

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
)

// TestHostileReplies drives the client against servers that flood, drip
// keep-alives forever, answer only tool calls or cut their JSON: every
// call ends, with a precise kind and never more text than the cap.
func TestHostileReplies(t *testing.T) {
	t.Parallel()
	const replyCap = 8 << 10
	cases := []struct {
		name     string
		reply    fakeopenai.Reply
		wantKind ErrorKind
		stream   bool
	}{
		{"flood", fakeopenai.Flood(50<<20, "Korea Utara mengirim 6.000 insinyur [1]. "), TooLarge, false},
		{"flood stream", fakeopenai.Flood(50<<20, "Korea Utara mengirim 6.000 insinyur [1]. "), TooLarge, true},
		{"empty drip", fakeopenai.DripEmpty(5 * time.Millisecond), Timeout, false},
		{"empty drip stream", fakeopenai.DripEmpty(5 * time.Millisecond), Timeout, true},
		{"tool calls only", fakeopenai.ToolCallsOnly(), ToolCalls, false},
		{"tool calls only stream", fakeopenai.ToolCallsOnly(), ToolCalls, true},
		{"truncated JSON", fakeopenai.TruncatedJSON("Korea Utara mengirim 6.000 insinyur [1]."), Malformed, false},
		{"truncated JSON stream", fakeopenai.TruncatedJSON("Korea Utara mengirim 6.000 insinyur [1]."), Malformed, true},
		{"empty", fakeopenai.Reply{Text: " "}, Empty, false},
		{"empty stream", fakeopenai.Reply{Chunks: []string{"", " "}}, Empty, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, func(c *Config) {
				c.MaxReplyBytes = replyCap
				// The drip never sends text: the idle watchdog or the
				// request deadline must end it, whichever comes first.
				// Every other reply must end on its own, however slow the
				// machine.
				c.Timeout, c.StreamIdleTimeout = 10*time.Minute, 10*time.Minute
				if tc.wantKind == Timeout {
					c.Timeout, c.StreamIdleTimeout = 500*time.Millisecond, 200*time.Millisecond
				}
				c.MaxRetries = -1
			})
			h.srv.OnChat(func(fakeopenai.ChatRequest) fakeopenai.Reply { return tc.reply })
			var text string
			var err error
			if tc.stream {
				delivered := 0
				text, err = h.client.Stream(t.Context(), userMsg, func(d string) { delivered += len(d) })
				if delivered != len(text) {
					t.Errorf("delivered %d bytes, returned %d", delivered, len(text))
				}
			} else {
				text, err = h.client.Complete(t.Context(), userMsg)
			}
			if KindOf(err) != tc.wantKind {
				t.Fatalf("err = %v (kind %v), want kind %v", err, KindOf(err), tc.wantKind)
			}
			if len(text) > replyCap {
				t.Errorf("returned %d bytes of text, more than the %d-byte cap", len(text), replyCap)
			}
			if tc.wantKind == TooLarge && tc.stream && !strings.HasPrefix(text, "Korea Utara") {
				t.Errorf("a cut stream should return its text up to the cap, got %.40q", text)
			}
		})
	}
}

// TestMaxTokensIsSent checks every chat request carries max_tokens.
func TestMaxTokensIsSent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		set, want int
	}{{0, DefaultMaxTokens}, {123, 123}, {-1, 0}} {
		h := newHarness(t, func(c *Config) { c.MaxTokens = tc.set })
		if _, err := h.client.Complete(t.Context(), userMsg); err != nil {
			t.Fatal(err)
		}
		if _, err := h.client.Stream(t.Context(), userMsg, nil); err != nil {
			t.Fatal(err)
		}
		for _, r := range h.srv.Requests() {
			var body struct {
				MaxTokens int `json:"max_tokens"`
			}
			if err := json.Unmarshal(r.Body, &body); err != nil {
				t.Fatal(err)
			}
			if body.MaxTokens != tc.want {
				t.Errorf("MaxTokens %d: request sent max_tokens %d, want %d", tc.set, body.MaxTokens, tc.want)
			}
		}
	}
}
