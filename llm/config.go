package llm

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"time"
)

// Defaults for zero Config fields.
const (
	DefaultTimeout           = 60 * time.Second
	DefaultStreamIdleTimeout = 20 * time.Second
	DefaultMaxRetries        = 2
	DefaultBackoffBase       = 500 * time.Millisecond
	DefaultBackoffMax        = 8 * time.Second
	// DefaultMaxTokens is the reply budget sent as max_tokens: room for a
	// cited answer of a few paragraphs.
	DefaultMaxTokens = 800
	// DefaultMaxReplyBytes caps a reply's text, streamed or not; past it
	// the reply is cut and the call fails with TooLarge.
	DefaultMaxReplyBytes = 256 << 10
	// MaxRetryAfter is the longest Retry-After the client waits; a server
	// asking for longer gets no retry, so callers can fall back at once.
	MaxRetryAfter = 30 * time.Second
)

// Config configures a Client. Zero values take the defaults above.
type Config struct {
	BaseURL        string // e.g. http://localhost:11434/v1; "" means OpenAI's API
	APIKey         string // may be empty for local servers; never logged or put in errors
	Model          string // chat model
	EmbeddingModel string

	// Timeout bounds each request: a non-streaming one whole, a stream
	// from its start to its last chunk, whatever keep-alives it sends.
	Timeout time.Duration
	// StreamIdleTimeout abandons a stream that sends no text for this long
	// (chunks without content, such as keep-alives, do not count).
	StreamIdleTimeout time.Duration
	// MaxTokens is sent as max_tokens; 0 means DefaultMaxTokens, negative
	// sends none.
	MaxTokens int
	// MaxReplyBytes caps the reply text (and, with the JSON around it, the
	// response body); 0 means DefaultMaxReplyBytes.
	MaxReplyBytes int
	// MaxRetries is how many times a call is retried after a 429, a 5xx or
	// a reset connection; 0 means DefaultMaxRetries, negative means never.
	MaxRetries int
	Logger     *slog.Logger // nil discards

	// BackoffBase and BackoffMax shape the exponential backoff with full
	// jitter: retry n waits a random time in [0, min(BackoffMax, BackoffBase*2^n)].
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// Sleep waits between retries and returns early with ctx's error; nil
	// uses a timer. Tests inject a recorder so they never wait.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now reads the clock for Retry-After dates; nil means time.Now.
	Now func() time.Time
}

// withDefaults validates cfg and fills its zero fields.
func (cfg Config) withDefaults() (Config, error) {
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cfg, fmt.Errorf("llm: base URL must be an absolute http(s) URL such as http://localhost:11434/v1")
		}
	}
	for _, d := range []struct {
		name string
		d    time.Duration
	}{
		{"Timeout", cfg.Timeout}, {"StreamIdleTimeout", cfg.StreamIdleTimeout},
		{"BackoffBase", cfg.BackoffBase}, {"BackoffMax", cfg.BackoffMax},
	} {
		if d.d < 0 {
			return cfg, fmt.Errorf("llm: %s must not be negative (got %v)", d.name, d.d)
		}
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.StreamIdleTimeout == 0 {
		cfg.StreamIdleTimeout = DefaultStreamIdleTimeout
	}
	switch {
	case cfg.MaxTokens == 0:
		cfg.MaxTokens = DefaultMaxTokens
	case cfg.MaxTokens < 0:
		cfg.MaxTokens = 0
	}
	if cfg.MaxReplyBytes <= 0 {
		cfg.MaxReplyBytes = DefaultMaxReplyBytes
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.BackoffBase == 0 {
		cfg.BackoffBase = DefaultBackoffBase
	}
	if cfg.BackoffMax == 0 {
		cfg.BackoffMax = DefaultBackoffMax
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return cfg, nil
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
