package fakediscord

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

type rateLimit struct {
	method, pattern string
	remaining       int
	retryAfter      time.Duration
	global          bool
}

// RateLimit makes the next n requests matching method and pattern ("*"
// matches one path segment, e.g. "/webhooks/*/*/messages/@original") get
// 429 Too Many Requests with Discord's body {"message", "retry_after",
// "global"}. Requests answered with 429 are recorded with Status 429.
func (s *Server) RateLimit(method, pattern string, n int, retryAfter time.Duration, global bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = append(s.limits, &rateLimit{method: method, pattern: pattern, remaining: n, retryAfter: retryAfter, global: global})
}

// takeRateLimit consumes a pending 429 for req. Callers hold s.mu.
func (s *Server) takeRateLimit(req Request) *rateLimit {
	for _, rl := range s.limits {
		if rl.remaining > 0 && req.Is(rl.method, rl.pattern) {
			rl.remaining--
			return rl
		}
	}
	return nil
}

func writeRateLimited(w http.ResponseWriter, rl *rateLimit) {
	secs := rl.retryAfter.Seconds()
	body, _ := json.Marshal(map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": secs,
		"global":      rl.global,
	})
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Retry-After", strconv.Itoa(int(rl.retryAfter/time.Second)+1))
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", "fake-bucket")
	if rl.global {
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
	} else {
		h.Set("X-RateLimit-Scope", "user")
	}
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = w.Write(body)
}
