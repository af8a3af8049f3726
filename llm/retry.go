package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// attemptInfo carries what the transport saw of one attempt's response
// back to the retry loop: go-openai's errors keep the status but drop the
// headers, and Retry-After lives in the headers.
type attemptInfo struct {
	status     int
	retryAfter string
	bodyEnded  bool // the body ended cleanly (the server finished sending it)
}

type attemptKey struct{}

// recordingDoer is the go-openai HTTP client: it notes each response's
// status and Retry-After in the attempt's context, and caps the body at
// limit bytes (0: no cap) so a flooding server cannot fill memory.
type recordingDoer struct {
	client *http.Client
	limit  int64
}

func (d recordingDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.client.Do(req)
	if info, ok := req.Context().Value(attemptKey{}).(*attemptInfo); ok && resp != nil {
		info.status = resp.StatusCode
		info.retryAfter = resp.Header.Get("Retry-After")
	}
	if resp != nil {
		info, _ := req.Context().Value(attemptKey{}).(*attemptInfo)
		resp.Body = &cappedBody{ReadCloser: resp.Body, left: d.limit, limit: d.limit, info: info}
	}
	return resp, err
}

// errBodyTooLarge is what a capped body returns once its cap is reached.
var errBodyTooLarge = errors.New("the reply is too large")

// cappedBody reads at most limit bytes (0: no cap), then fails with
// errBodyTooLarge. It notes in info when the body ended cleanly, so a
// truncated reply can be told from a dropped connection.
type cappedBody struct {
	io.ReadCloser
	left, limit int64
	info        *attemptInfo
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.limit > 0 {
		if b.left <= 0 {
			return 0, fmt.Errorf("%w: cut at %d bytes", errBodyTooLarge, b.limit)
		}
		if int64(len(p)) > b.left {
			p = p[:b.left]
		}
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	if errors.Is(err, io.EOF) && b.info != nil {
		b.info.bodyEnded = true
	}
	return n, err
}

// withRetry runs attempt until it succeeds, fails in a way not worth
// retrying, or runs out of retries. mayRetry, when not nil, can forbid a
// retry (a stream that already delivered text must not start over).
func (c *Client) withRetry(ctx context.Context, op string, mayRetry func() bool, attempt func(ctx context.Context) error) error {
	for try := 0; ; try++ {
		info := &attemptInfo{}
		err := attempt(context.WithValue(ctx, attemptKey{}, info))
		if err == nil {
			return nil
		}
		e := c.classify(ctx, op, err, info.status, info.bodyEnded)
		if !e.retryable || try >= c.cfg.MaxRetries || (mayRetry != nil && !mayRetry()) {
			return e
		}
		delay, ok := c.retryDelay(try, info.retryAfter)
		if !ok {
			c.log.Warn("llm: not retrying, server asks to wait too long",
				"op", op, "retry_after", info.retryAfter, "error", e.Error())
			return e
		}
		if deadline, has := ctx.Deadline(); has && time.Until(deadline) < delay {
			return e // waiting would only end in the caller's timeout
		}
		c.log.Warn("llm: retrying", "op", op, "retry", try+1, "of", c.cfg.MaxRetries,
			"kind", e.Kind.String(), "status", e.Status, "delay", delay, "error", e.Error())
		if err := c.cfg.Sleep(ctx, delay); err != nil {
			return c.classify(ctx, op, err, 0, false)
		}
	}
}

// retryDelay is how long to wait before retry number try+1: the server's
// Retry-After when it gave a usable one, else exponential backoff with full
// jitter. It reports false when the server asks for more than MaxRetryAfter.
func (c *Client) retryDelay(try int, retryAfter string) (time.Duration, bool) {
	if d, ok := parseRetryAfter(retryAfter, c.cfg.Now()); ok {
		return d, d <= MaxRetryAfter
	}
	ceiling := c.cfg.BackoffMax
	if try < 62 {
		if exp := c.cfg.BackoffBase << try; exp > 0 && exp < ceiling {
			ceiling = exp
		}
	}
	if ceiling <= 0 {
		return 0, true
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1)), true
}

// parseRetryAfter reads a Retry-After value: delay seconds (fractions are
// accepted, as some servers send them) or an HTTP date. Dates in the past
// mean no wait.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if math.IsNaN(secs) || secs < 0 {
			return 0, false
		}
		if secs > math.MaxInt64/float64(time.Second) {
			return time.Duration(math.MaxInt64), true
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
