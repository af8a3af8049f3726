package llm

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
)

const sentinelKey = "sk-SENTINEL-123"

func TestMain(m *testing.M) {
	// Idle keep-alive connections of clients that tests dropped are not
	// leaks of ours; everything else (watchdogs, streams) must be gone.
	goleak.VerifyTestMain(m,
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
	)
}

// syncBuffer is a bytes.Buffer safe for concurrent writes from slog.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// sleeper records the waits the client asks for instead of waiting. With
// block set it waits for the context instead, like a very long backoff.
type sleeper struct {
	mu    sync.Mutex
	slept []time.Duration
	block bool
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.slept = append(s.slept, d)
	block := s.block
	s.mu.Unlock()
	if block {
		<-ctx.Done()
	}
	return ctx.Err()
}

func (s *sleeper) Slept() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.slept...)
}

type harness struct {
	srv    *fakeopenai.Server
	client *Client
	sleep  *sleeper
	logs   *syncBuffer
}

// newHarness starts a fake server expecting sentinelKey and a client for
// it; tweak adjusts the client's config.
func newHarness(t *testing.T, tweak func(*Config)) *harness {
	t.Helper()
	srv := fakeopenai.New(fakeopenai.Options{APIKey: sentinelKey})
	t.Cleanup(srv.Close)
	h := &harness{srv: srv, sleep: &sleeper{}, logs: &syncBuffer{}}
	cfg := Config{
		BaseURL:           srv.URL,
		APIKey:            sentinelKey,
		Model:             "chat-model",
		EmbeddingModel:    "embed-model",
		StreamIdleTimeout: 5 * time.Second,
		Sleep:             h.sleep.Sleep,
		Logger:            slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.client = c
	return h
}

// awaitRequests polls until the server has seen n requests or ctx ends;
// it is safe to call from any goroutine.
func awaitRequests(ctx context.Context, srv *fakeopenai.Server, n int) {
	for len(srv.Requests()) < n {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Millisecond): // polling, not timing
		}
	}
}

var userMsg = []Message{{Role: "user", Content: "Kapan Lavrov tiba di Wonsan?"}}
