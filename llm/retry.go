package llm

import (
	"context"
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
}

type attemptKey struct{}

// recordingDoer is the go-openai HTTP client: it notes each response's
// status and Retry-After in the attempt's context.
type recordingDoer struct{ client *http.Client }

func (d recordingDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.client.Do(req)
	if info, ok := req.Context().Value(attemptKey{}).(*attemptInfo); ok && resp != nil {
		info.status = resp.StatusCode
		info.retryAfter = resp.Header.Get("Retry-After")
	}
	return resp, err
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
		e := c.classify(ctx, op, err, info.status)
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
			return c.classify(ctx, op, err, 0)
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
