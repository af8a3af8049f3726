package llm

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
)

func TestCompleteSendsModelMessagesAndKey(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	msgs := []Message{{Role: "system", Content: "jawab singkat"}, {Role: "user", Content: "halo"}, {Role: "assistant", Content: "hai"}, {Role: "user", Content: "apa kabar?"}}
	got, err := h.client.Complete(t.Context(), msgs)
	if err != nil {
		t.Fatal(err)
	}
	if got != "fake reply: apa kabar?" {
		t.Errorf("answer %q", got)
	}
	reqs := h.srv.Requests()
	if len(reqs) != 1 || reqs[0].Chat == nil {
		t.Fatalf("requests %+v", reqs)
	}
	r := reqs[0]
	if r.Path != "/v1/chat/completions" || r.Chat.Model != "chat-model" || r.Chat.Stream {
		t.Errorf("path %s model %q stream %v", r.Path, r.Chat.Model, r.Chat.Stream)
	}
	if auth := r.Header.Get("Authorization"); auth != "Bearer "+sentinelKey {
		t.Errorf("Authorization %q", auth)
	}
	for i, m := range msgs {
		if r.Chat.Messages[i].Role != m.Role || r.Chat.Messages[i].Content != m.Content {
			t.Errorf("message %d sent as %+v", i, r.Chat.Messages[i])
		}
	}
}

func TestCompleteRejectsBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		model string
		msgs  []Message
	}{
		{"no model", "", userMsg},
		{"no messages", "m", nil},
		{"bad role", "m", []Message{{Role: "tool", Content: "x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, func(c *Config) { c.Model = tt.model })
			_, err := h.client.Complete(t.Context(), tt.msgs)
			if KindOf(err) != BadRequest || len(h.srv.Requests()) != 0 {
				t.Errorf("err %v after %d requests", err, len(h.srv.Requests()))
			}
		})
	}
}

func TestStreamDeliversDeltasInOrder(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	chunks := []string{"Lavrov ", "tiba ", "di ", "Wonsan", " [1]."}
	h.srv.OnChat(func(fakeopenai.ChatRequest) fakeopenai.Reply { return fakeopenai.Reply{Chunks: chunks} })
	var deltas []string
	full, err := h.client.Stream(t.Context(), userMsg, func(d string) { deltas = append(deltas, d) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(deltas, chunks) || full != strings.Join(chunks, "") {
		t.Errorf("deltas %q full %q", deltas, full)
	}
	if r := h.srv.Requests(); len(r) != 1 || !r[0].Chat.Stream || r[0].Chat.Model != "chat-model" {
		t.Errorf("requests %+v", r)
	}
}

// call is one of the client's network operations, for tables that check
// all of them behave alike.
type call struct {
	name string
	run  func(ctx context.Context, c *Client) error
}

var calls = []call{
	{"complete", func(ctx context.Context, c *Client) error { _, err := c.Complete(ctx, userMsg); return err }},
	{"stream", func(ctx context.Context, c *Client) error { _, err := c.Stream(ctx, userMsg, nil); return err }},
	{"embed", func(ctx context.Context, c *Client) error { _, err := c.Embed(ctx, []string{"a", "b"}); return err }},
}

func TestRetries(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 7, 12, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		faults    []fakeopenai.Fault
		wantKind  ErrorKind // 0: success
		wantReqs  int
		wantSleep []time.Duration // nil: any backoff within its ceiling
	}{
		{
			name:      "429 with Retry-After seconds, then success",
			faults:    []fakeopenai.Fault{{Status: 429, RetryAfter: "3"}},
			wantReqs:  2,
			wantSleep: []time.Duration{3 * time.Second},
		},
		{
			name:      "429 with Retry-After date, then success",
			faults:    []fakeopenai.Fault{{Status: 429, RetryAfter: now.Add(5 * time.Second).Format(http.TimeFormat)}},
			wantReqs:  2,
			wantSleep: []time.Duration{5 * time.Second},
		},
		{
			name:      "429 asking for longer than the cap is not retried",
			faults:    []fakeopenai.Fault{{Status: 429, RetryAfter: "120"}},
			wantKind:  RateLimited,
			wantReqs:  1,
			wantSleep: []time.Duration{},
		},
		{
			name:     "500 twice, then success",
			faults:   []fakeopenai.Fault{{Status: 500}, {Status: 500}},
			wantReqs: 3,
		},
		{
			name:     "500 three times",
			faults:   []fakeopenai.Fault{{Status: 500}, {Status: 500}, {Status: 500}},
			wantKind: Server,
			wantReqs: 3,
		},
		{
			name:     "proxy error page, then success",
			faults:   []fakeopenai.Fault{{Status: 502, RawBody: "<html><body>502 Bad Gateway</body></html>"}},
			wantReqs: 2,
		},
		{
			name:      "400 is not retried",
			faults:    []fakeopenai.Fault{{Status: 400, Code: "context_length_exceeded"}},
			wantKind:  BadRequest,
			wantReqs:  1,
			wantSleep: []time.Duration{},
		},
		{
			name:      "401 is not retried",
			faults:    []fakeopenai.Fault{{Status: 401}},
			wantKind:  Auth,
			wantReqs:  1,
			wantSleep: []time.Duration{},
		},
		{
			name:      "404 is not retried",
			faults:    []fakeopenai.Fault{{Status: 404}},
			wantKind:  BadRequest,
			wantReqs:  1,
			wantSleep: []time.Duration{},
		},
	}
	for _, op := range calls {
		for _, tt := range tests {
			t.Run(op.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, func(c *Config) { c.Now = func() time.Time { return now } })
				for _, f := range tt.faults {
					h.srv.FailNext(1, f)
				}
				err := op.run(t.Context(), h.client)
				if got := KindOf(err); got != tt.wantKind || (tt.wantKind == 0) != (err == nil) {
					t.Fatalf("error %v (kind %v), want kind %v", err, got, tt.wantKind)
				}
				if n := len(h.srv.Requests()); n != tt.wantReqs {
					t.Errorf("%d requests, want %d", n, tt.wantReqs)
				}
				slept := h.sleep.Slept()
				if tt.wantSleep != nil {
					if !slices.Equal(slept, tt.wantSleep) {
						t.Errorf("slept %v, want %v", slept, tt.wantSleep)
					}
					return
				}
				if len(slept) != tt.wantReqs-1 {
					t.Errorf("slept %d times for %d requests", len(slept), tt.wantReqs)
				}
				for i, d := range slept {
					if ceiling := min(DefaultBackoffBase<<i, DefaultBackoffMax); d < 0 || d > ceiling {
						t.Errorf("backoff %d = %v, outside [0, %v]", i, d, ceiling)
					}
				}
				if err != nil {
					var e *Error
					if errors.As(err, &e); e.Status != tt.faults[len(tt.faults)-1].Status {
						t.Errorf("status %d in %v", e.Status, err)
					}
				}
			})
		}
	}
}

func TestMaxRetriesNegativeMeansNone(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(c *Config) { c.MaxRetries = -1 })
	h.srv.FailNext(1, fakeopenai.Fault{Status: 503})
	if _, err := h.client.Complete(t.Context(), userMsg); KindOf(err) != Server || len(h.srv.Requests()) != 1 {
		t.Errorf("err %v after %d requests", err, len(h.srv.Requests()))
	}
}

func TestRetryNeverSleepsPastDeadline(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	h.srv.FailNext(1, fakeopenai.Fault{Status: 429, RetryAfter: "20"})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	_, err := h.client.Complete(ctx, userMsg)
	if KindOf(err) != RateLimited || len(h.sleep.Slept()) != 0 || len(h.srv.Requests()) != 1 {
		t.Errorf("err %v, slept %v, %d requests", err, h.sleep.Slept(), len(h.srv.Requests()))
	}
}

func TestStalledStreamTimesOut(t *testing.T) {
	t.Parallel()
	for _, after := range []int{0, 2} {
		h := newHarness(t, func(c *Config) { c.StreamIdleTimeout = 200 * time.Millisecond })
		h.srv.OnChat(func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Chunks: []string{"Satu ", "dua ", "tiga"}}
		})
		h.srv.StallStreams(after)
		text, err := h.client.Stream(t.Context(), userMsg, nil)
		if KindOf(err) != Timeout {
			t.Fatalf("stall after %d: err %v", after, err)
		}
		if want := strings.Join([]string{"Satu ", "dua ", "tiga"}[:after], ""); text != want {
			t.Errorf("stall after %d: partial text %q, want %q", after, text, want)
		}
		if n := len(h.srv.Requests()); n != 1 {
			t.Errorf("stall after %d: %d requests; an idle stream must not be retried", after, n)
		}
	}
}

// TestStreamNotRetriedAfterToken cuts a stream after its first token: the
// dropped connection is retryable, but not once text reached the caller.
func TestStreamNotRetriedAfterToken(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	h.srv.OnChat(func(fakeopenai.ChatRequest) fakeopenai.Reply {
		return fakeopenai.Reply{Chunks: []string{"Satu ", "dua"}}
	})
	h.srv.StallStreams(1)
	text, err := h.client.Stream(t.Context(), userMsg, func(string) { go h.srv.Close() })
	if KindOf(err) != Unreachable || text != "Satu " {
		t.Errorf("text %q, err %v", text, err)
	}
	if s := h.sleep.Slept(); len(s) != 0 {
		t.Errorf("retried after a token was delivered (slept %v)", s)
	}
}

func TestCancelReturnsCanceled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(h *harness)
		run   func(ctx context.Context, h *harness, cancel func()) error
	}{
		{
			name:  "complete while server is slow",
			setup: func(h *harness) { h.srv.SetDelay(time.Hour) },
			run: func(ctx context.Context, h *harness, cancel func()) error {
				go func() { awaitRequests(ctx, h.srv, 1); cancel() }()
				_, err := h.client.Complete(ctx, userMsg)
				return err
			},
		},
		{
			name:  "stream mid-answer",
			setup: func(h *harness) { h.srv.StallStreams(1) },
			run: func(ctx context.Context, h *harness, cancel func()) error {
				_, err := h.client.Stream(ctx, userMsg, func(string) { cancel() })
				return err
			},
		},
		{
			name: "during retry backoff",
			setup: func(h *harness) {
				h.sleep.block = true
				h.srv.FailNext(1, fakeopenai.Fault{Status: 500})
			},
			run: func(ctx context.Context, h *harness, cancel func()) error {
				go func() { awaitRequests(ctx, h.srv, 1); cancel() }()
				_, err := h.client.Embed(ctx, []string{"a"})
				return err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, nil)
			tt.setup(h)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			err := tt.run(ctx, h, cancel)
			if KindOf(err) != Canceled || !errors.Is(err, context.Canceled) {
				t.Errorf("err %v", err)
			}
		})
	}
}

func TestPerRequestTimeout(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(c *Config) { c.Timeout = 100 * time.Millisecond })
	h.srv.SetDelay(time.Hour)
	_, err := h.client.Complete(t.Context(), userMsg)
	if KindOf(err) != Timeout || len(h.srv.Requests()) != 1 {
		t.Errorf("err %v after %d requests", err, len(h.srv.Requests()))
	}
}

func TestCallerDeadlineIsTimeout(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	h.srv.SetDelay(time.Hour)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := h.client.Complete(ctx, userMsg)
	if KindOf(err) != Timeout || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v", err)
	}
}

func TestUnreachable(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	s := &sleeper{}
	c, err := New(Config{BaseURL: "http://" + addr + "/v1", APIKey: sentinelKey, Model: "m", EmbeddingModel: "e", Sleep: s.Sleep})
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range calls {
		err := op.run(t.Context(), c)
		if KindOf(err) != Unreachable || strings.Contains(err.Error(), sentinelKey) {
			t.Errorf("%s: err %v", op.name, err)
		}
	}
	if len(s.Slept()) != 0 {
		t.Errorf("refused connections were retried: slept %v", s.Slept())
	}
}

// TestAPIKeyNeverLeaks makes the server echo the key back in every way it
// can and checks that neither errors nor logs repeat it.
func TestAPIKeyNeverLeaks(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	echo := "upstream rejected Authorization: Bearer " + sentinelKey + " (key " + sentinelKey + ")"
	scenarios := []func(){
		func() { h.srv.FailNext(3, fakeopenai.Fault{Status: 500, Message: echo}) },
		func() { h.srv.FailNext(3, fakeopenai.Fault{Status: 429, Message: echo, Code: sentinelKey}) },
		func() { h.srv.FailNext(3, fakeopenai.Fault{Status: 502, RawBody: "<pre>" + echo + "</pre>"}) },
		func() { h.srv.FailNext(1, fakeopenai.Fault{Status: 400, Message: echo}) },
	}
	var errs []error
	for _, setup := range scenarios {
		for _, op := range calls {
			setup()
			errs = append(errs, op.run(t.Context(), h.client))
			h.srv.ClearFaults()
		}
	}
	// A wrong key: the fake echoes the key it was given in its 401 body.
	wrong := fakeopenai.New(fakeopenai.Options{APIKey: "sk-the-right-one"})
	t.Cleanup(wrong.Close)
	c, err := New(Config{BaseURL: wrong.URL, APIKey: sentinelKey, Model: "m", EmbeddingModel: "e", Logger: h.client.log})
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range calls {
		err := op.run(t.Context(), c)
		if KindOf(err) != Auth {
			t.Errorf("%s with a wrong key: %v", op.name, err)
		}
		errs = append(errs, err)
	}

	for i, err := range errs {
		if err == nil {
			t.Fatalf("scenario %d did not fail", i)
		}
		for e := error(err); e != nil; e = errors.Unwrap(e) {
			if strings.Contains(e.Error(), sentinelKey) {
				t.Errorf("error chain of %d leaks the key: %q", i, e.Error())
			}
		}
		var apiErr *openai.APIError
		if errors.As(err, &apiErr) && strings.Contains(apiErr.Message+fmtCode(apiErr.Code), sentinelKey) {
			t.Errorf("wrapped APIError leaks the key: %+v", apiErr)
		}
	}
	if out := h.logs.String(); strings.Contains(out, sentinelKey) || !strings.Contains(out, "retrying") {
		t.Errorf("logs leak the key or show no retries:\n%s", out)
	}
	for _, r := range append(h.srv.Requests(), wrong.Requests()...) {
		if r.Header.Get("Authorization") != "Bearer "+sentinelKey {
			t.Errorf("%s sent Authorization %q", r.Path, r.Header.Get("Authorization"))
		}
	}
}

func fmtCode(code any) string {
	s, _ := code.(string)
	return s
}

func TestEmbedOrdersByIndex(t *testing.T) {
	t.Parallel()
	got, err := orderEmbeddings([]openai.Embedding{{Index: 1, Embedding: []float32{2}}, {Index: 0, Embedding: []float32{1}}}, 2)
	if err != nil || got[0][0] != 1 || got[1][0] != 2 {
		t.Errorf("got %v, %v", got, err)
	}
	for _, bad := range [][]openai.Embedding{
		{{Index: 0}},
		{{Index: 0}, {Index: 0}},
		{{Index: 0}, {Index: 2}},
	} {
		if _, err := orderEmbeddings(bad, 2); KindOf(err) != Server {
			t.Errorf("%+v accepted: %v", bad, err)
		}
	}
}

func TestEmbedSendsModelAndTexts(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	vecs, err := h.client.Embed(t.Context(), []string{"satu", "dua"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(vecs[1], fakeopenai.Vector("dua", 8)) {
		t.Errorf("vector %v", vecs[1])
	}
	r := h.srv.Requests()
	if len(r) != 1 || r[0].Embeddings.Model != "embed-model" || !slices.Equal(r[0].Embeddings.Input, []string{"satu", "dua"}) {
		t.Errorf("requests %+v", r)
	}
	if v, err := h.client.Embed(t.Context(), nil); v != nil || err != nil || len(h.srv.Requests()) != 1 {
		t.Errorf("empty input: %v, %v", v, err)
	}
}

func TestNewValidatesConfig(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{BaseURL: "localhost:11434"},
		{BaseURL: "ftp://example.com/v1"},
		{Timeout: -time.Second},
		{StreamIdleTimeout: -1},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
	if _, err := New(Config{}); err != nil {
		t.Errorf("zero config: %v", err)
	}
}
