// Package fakeopenai is an in-process OpenAI-compatible server on loopback
// for tests. It speaks the real wire protocol (chat completions as JSON or
// as server-sent events, embeddings, model listing, OpenAI error bodies), so
// tests drive real clients such as go-openai end to end instead of mocking
// our own code. It can be scripted to answer, and to fail the way providers
// do: error statuses with Retry-After, periodic or seeded-random failures,
// slow answers and streams that stall. Every request is recorded so tests
// can assert what was sent, including the Authorization header.
package fakeopenai

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// maxBody bounds how much of a request body is read.
const maxBody = 16 << 20

// Options configures a Server.
type Options struct {
	// APIKey, when set, must arrive as "Authorization: Bearer <APIKey>";
	// other requests get 401 with OpenAI's invalid_api_key body.
	APIKey string
	// EmbeddingDim is the length of generated embeddings; 0 means 8.
	EmbeddingDim int
	// Models are listed by GET /v1/models; nil lists "fake-chat" and
	// "fake-embed".
	Models []string
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the API base URL including the /v1 prefix, ready for a
	// client's BaseURL, e.g. "http://127.0.0.1:41234/v1".
	URL string

	ts        *httptest.Server
	apiKey    string
	models    []string
	closing   chan struct{}
	closeOnce sync.Once

	mu       sync.Mutex
	chat     ChatHandler
	embed    EmbeddingsHandler
	dim      int
	delay    time.Duration
	stall    int // content chunks sent before a stream hangs; <0 never
	requests []*Request
	calls    int // authenticated API calls so far
	faults   faultPlan
	chatSeq  int
}

// faultPlan is the scripted failure schedule, consulted once per call.
type faultPlan struct {
	next       []Fault
	every      int
	everyFrom  int
	everyFault Fault
	rate       float64
	rng        *rand.Rand
	rateFault  Fault
}

// New starts a server on a loopback port. Close it when done, typically
// with t.Cleanup(srv.Close).
func New(opts Options) *Server {
	s := &Server{
		apiKey:  opts.APIKey,
		models:  opts.Models,
		closing: make(chan struct{}),
		dim:     opts.EmbeddingDim,
		stall:   -1,
	}
	if s.models == nil {
		s.models = []string{"fake-chat", "fake-embed"}
	}
	if s.dim <= 0 {
		s.dim = 8
	}
	s.ts = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.ts.URL + "/v1"
	return s
}

// Close stops the server. Stalled and delayed requests are released first,
// so Close never waits for a client that keeps a stream open.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closing)
		s.ts.CloseClientConnections()
		s.ts.Close()
	})
}

// OnChat sets the chat script; nil restores the default, which answers
// "fake reply: " followed by the last user message.
func (s *Server) OnChat(h ChatHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chat = h
}

// OnEmbeddings sets the embeddings script; nil restores the default, which
// answers Vector(input, dimension) for each input.
func (s *Server) OnEmbeddings(h EmbeddingsHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embed = h
}

// SetEmbeddingDim changes the length of default embeddings; n <= 0 means 8.
func (s *Server) SetEmbeddingDim(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n <= 0 {
		n = 8
	}
	s.dim = n
}

// SetDelay makes every later request wait d before it is answered (or
// until the client goes away).
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// StallStreams makes later streamed chat answers send their role chunk and
// afterChunks content chunks, then hang until the client goes away or the
// server closes. A negative afterChunks turns stalling off.
func (s *Server) StallStreams(afterChunks int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stall = afterChunks
}

// FailNext makes the next n API calls fail with f.
func (s *Server) FailNext(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults.next = append(s.faults.next, f)
	}
}

// FailEvery makes every k-th API call from now on fail with f (the k-th,
// 2k-th, ...). k <= 0 turns it off.
func (s *Server) FailEvery(k int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.every, s.faults.everyFrom, s.faults.everyFault = k, s.calls, f
}

// FailRandomly makes API calls fail with f with probability rate, drawn
// from a generator seeded with seed so a run is reproducible. rate <= 0
// turns it off.
func (s *Server) FailRandomly(rate float64, seed uint64, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.rate, s.faults.rateFault = rate, f
	s.faults.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// ClearFaults cancels every scripted failure, stall and delay.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = faultPlan{}
	s.stall = -1
	s.delay = 0
}

// Requests returns copies of the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
		out[i].Header = r.Header.Clone()
		out[i].Body = bytes.Clone(r.Body)
	}
	return out
}

// ClearRequests forgets the recorded requests.
func (s *Server) ClearRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// serve records the request, applies delay, auth and faults, then routes.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	rec := &Request{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	delay := s.delay
	s.mu.Unlock()

	if delay > 0 && !s.wait(r, delay) {
		return
	}

	route, ok := routeFor(r.URL.Path)
	if !ok {
		s.fail(w, rec, Fault{Status: http.StatusNotFound, Code: "unknown_url", Message: "Invalid URL (" + r.Method + " " + r.URL.Path + ")"})
		return
	}
	if r.Method != route.method {
		s.fail(w, rec, Fault{Status: http.StatusMethodNotAllowed, Message: "Method " + r.Method + " not allowed for " + r.URL.Path})
		return
	}
	if f, ok := s.checkAuth(r); !ok {
		s.fail(w, rec, f)
		return
	}
	if f, ok := s.scheduledFault(); ok {
		s.fail(w, rec, f)
		return
	}
	route.handle(s, w, r, rec)
}

type route struct {
	method string
	handle func(s *Server, w http.ResponseWriter, r *http.Request, rec *Request)
}

// routeFor maps an API path to its method and handler.
func routeFor(path string) (route, bool) {
	switch path {
	case "/v1/chat/completions":
		return route{http.MethodPost, (*Server).handleChat}, true
	case "/v1/embeddings":
		return route{http.MethodPost, (*Server).handleEmbeddings}, true
	case "/v1/models":
		return route{http.MethodGet, (*Server).handleModels}, true
	}
	return route{}, false
}

// checkAuth returns the 401 fault for a missing or wrong key.
func (s *Server) checkAuth(r *http.Request) (Fault, bool) {
	if s.apiKey == "" {
		return Fault{}, true
	}
	got := r.Header.Get("Authorization")
	if got == "Bearer "+s.apiKey {
		return Fault{}, true
	}
	f := Fault{Status: http.StatusUnauthorized, Type: "invalid_request_error"}
	if got == "" {
		f.Message = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
		f.Code = "missing_api_key"
		return f, false
	}
	// Echo the key back unmasked, as some proxies do, so that clients'
	// scrubbing of keys from error text is exercised.
	f.Message = "Incorrect API key provided: " + trimBearer(got) + ". You can find your API key at https://platform.openai.com/account/api-keys."
	return f, false
}

func trimBearer(h string) string {
	const p = "Bearer "
	if len(h) >= len(p) && h[:len(p)] == p {
		return h[len(p):]
	}
	return h
}

// scheduledFault counts the call and returns the fault scripted for it.
func (s *Server) scheduledFault() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	p := &s.faults
	if len(p.next) > 0 {
		f := p.next[0]
		p.next = p.next[1:]
		return f, true
	}
	if p.every > 0 && (s.calls-p.everyFrom)%p.every == 0 {
		return p.everyFault, true
	}
	if p.rate > 0 && p.rng != nil && p.rng.Float64() < p.rate {
		return p.rateFault, true
	}
	return Fault{}, false
}

// wait sleeps d unless the client goes away or the server closes; it
// reports whether the full delay passed.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
	case <-s.closing:
	}
	return false
}

// hang blocks until the client goes away or the server closes. A close
// aborts the connection, so the client sees the stream cut rather than a
// clean end.
func (s *Server) hang(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-s.closing:
		panic(http.ErrAbortHandler)
	}
}

func (s *Server) setStatus(rec *Request, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec.Status = status
}

// errorBody is OpenAI's error envelope; Param and Code marshal as null
// when unset, as OpenAI sends them.
type errorBody struct {
	Error struct {
		Message string  `json:"message"`
		Type    string  `json:"type"`
		Param   *string `json:"param"`
		Code    *string `json:"code"`
	} `json:"error"`
}

// fail answers with f's status and an OpenAI error body.
func (s *Server) fail(w http.ResponseWriter, rec *Request, f Fault) {
	f = f.withDefaults()
	s.setStatus(rec, f.Status)
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	if f.RawBody != "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(f.Status)
		_, _ = io.WriteString(w, f.RawBody)
		return
	}
	var b errorBody
	b.Error.Message, b.Error.Type = f.Message, f.Type
	if f.Code != "" {
		code := f.Code
		b.Error.Code = &code
	}
	writeJSON(w, f.Status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(data, '\n'))
}

// badRequest answers 400 invalid_request_error naming the offending param.
func (s *Server) badRequest(w http.ResponseWriter, rec *Request, param, msg string) {
	s.setStatus(rec, http.StatusBadRequest)
	var b errorBody
	b.Error.Message, b.Error.Type = msg, "invalid_request_error"
	if param != "" {
		b.Error.Param = &param
	}
	writeJSON(w, http.StatusBadRequest, b)
}

type modelList struct {
	Object string  `json:"object"`
	Data   []model `json:"data"`
}

type model struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

// created is the fixed creation time reported for models and completions,
// so recorded responses are reproducible.
const created = 1735689600 // 2025-01-01T00:00:00Z

func (s *Server) handleModels(w http.ResponseWriter, _ *http.Request, rec *Request) {
	list := modelList{Object: "list", Data: []model{}}
	for _, id := range s.models {
		list.Data = append(list.Data, model{ID: id, Object: "model", Created: created, OwnedBy: "fakeopenai"})
	}
	s.setStatus(rec, http.StatusOK)
	writeJSON(w, http.StatusOK, list)
}
