package fakediscord

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Request is one REST request the server received.
type Request struct {
	Seq    int // 0-based position among all recorded requests
	Time   time.Time
	Method string
	Path   string // without the /api/v9 prefix, e.g. "/channels/1/messages"
	Query  url.Values
	Raw    []byte // the body as sent
	Body   any    // Raw decoded as JSON (map[string]any, []any, …); nil when empty
	Status int    // the status the server answered
	Files  []File // files uploaded with a multipart body (Raw and Body are then its payload_json)
}

// Object returns the body as a JSON object, or nil.
func (r Request) Object() map[string]any {
	m, _ := r.Body.(map[string]any)
	return m
}

// Is reports whether r has the method and its path matches pattern, where
// "*" in pattern matches one path segment.
func (r Request) Is(method, pattern string) bool {
	return r.Method == method && pathMatch(pattern, r.Path)
}

func (r Request) String() string {
	return fmt.Sprintf("#%d %s %s → %d", r.Seq, r.Method, r.Path, r.Status)
}

func pathMatch(pattern, path string) bool {
	ps := strings.Split(strings.Trim(pattern, "/"), "/")
	xs := strings.Split(strings.Trim(path, "/"), "/")
	if len(ps) != len(xs) {
		return false
	}
	for i := range ps {
		if ps[i] != "*" && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// Frame is one gateway message a client sent.
type Frame struct {
	Time time.Time
	Op   int
	Data json.RawMessage
}

// Requests returns a copy of every REST request recorded so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Frames returns a copy of every gateway frame clients sent so far.
func (s *Server) Frames() []Frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Frame(nil), s.frames...)
}

// WaitRequest waits until a recorded request satisfies match and returns
// the first such request.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	rs, err := s.WaitRequests(ctx, 1, match)
	if err != nil {
		return Request{}, err
	}
	return rs[0], nil
}

// WaitRequests waits until n recorded requests satisfy match and returns
// the first n of them, in arrival order.
func (s *Server) WaitRequests(ctx context.Context, n int, match func(Request) bool) ([]Request, error) {
	var found []Request
	err := s.waitFor(ctx, fmt.Sprintf("%d matching request(s)", n), func() bool {
		found = found[:0]
		for _, r := range s.requests {
			if match(r) {
				found = append(found, r)
				if len(found) == n {
					return true
				}
			}
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("%w; recorded: %v", err, s.Requests())
	}
	return found, nil
}

// WaitFrame waits until a client has sent a gateway frame with opcode op
// at or after since, and returns it.
func (s *Server) WaitFrame(ctx context.Context, op int, since time.Time) (Frame, error) {
	var f Frame
	err := s.waitFor(ctx, fmt.Sprintf("gateway op %d", op), func() bool {
		for _, x := range s.frames {
			if x.Op == op && !x.Time.Before(since) {
				f = x
				return true
			}
		}
		return false
	})
	return f, err
}

// record appends a request. Callers hold s.mu.
func (s *Server) record(r Request) {
	r.Seq = len(s.requests)
	s.requests = append(s.requests, r)
	s.notify()
}
