package fakeopenai

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// call sends one raw HTTP request and returns the response with its body.
func call(t *testing.T, ctx context.Context, method, url, key, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, data
}

func start(t *testing.T, opts Options) *Server {
	t.Helper()
	s := New(opts)
	t.Cleanup(s.Close)
	return s
}

const chatBody = `{"model":"m1","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"halo"}]}`

func TestChatCompletionJSON(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	resp, body := call(t, t.Context(), http.MethodPost, s.URL+"/chat/completions", "", chatBody)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		Object  string `json:"object"`
		Model   string `json:"model"`
		Choices []struct {
			Message      Message `json:"message"`
			FinishReason string  `json:"finish_reason"`
		} `json:"choices"`
		Usage struct {
			TotalTokens int `json:"total_tokens"`
		} `json:"usage"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Object != "chat.completion" || got.Model != "m1" || len(got.Choices) != 1 ||
		got.Choices[0].Message.Role != "assistant" || got.Choices[0].Message.Content != "fake reply: halo" ||
		got.Choices[0].FinishReason != "stop" || got.Usage.TotalTokens == 0 {
		t.Errorf("unexpected completion: %s", body)
	}
	reqs := s.Requests()
	if len(reqs) != 1 || reqs[0].Chat == nil {
		t.Fatalf("recorded %+v", reqs)
	}
	want := []Message{{"system", "be brief"}, {"user", "halo"}}
	if c := reqs[0].Chat; c.Model != "m1" || c.Stream || !equalMessages(c.Messages, want) || reqs[0].Status != 200 {
		t.Errorf("recorded chat %+v status %d", c, reqs[0].Status)
	}
}

func equalMessages(a, b []Message) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMessageContentParts(t *testing.T) {
	t.Parallel()
	var m Message
	err := json.Unmarshal([]byte(`{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{}},{"type":"text","text":"b"}]}`), &m)
	if err != nil || m.Content != "ab" || m.Role != "user" {
		t.Errorf("got %+v, %v", m, err)
	}
}

// sseFrames splits a server-sent event body into its data payloads and
// fails on anything that is not a "data: ...\n\n" frame.
func sseFrames(t *testing.T, body []byte) []string {
	t.Helper()
	var frames []string
	for _, ev := range strings.SplitAfter(string(body), "\n\n") {
		if ev == "" {
			continue
		}
		if !strings.HasPrefix(ev, "data: ") || !strings.HasSuffix(ev, "\n\n") || strings.Count(ev, "\n") != 2 {
			t.Fatalf("malformed SSE frame %q", ev)
		}
		frames = append(frames, strings.TrimSuffix(strings.TrimPrefix(ev, "data: "), "\n\n"))
	}
	return frames
}

func TestChatStreamWireFormat(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	s.OnChat(func(ChatRequest) Reply { return Reply{Chunks: []string{"Satu", " dua", " tiga"}} })
	resp, body := call(t, t.Context(), http.MethodPost, s.URL+"/chat/completions", "",
		`{"model":"m1","stream":true,"messages":[{"role":"user","content":"x"}]}`)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	frames := sseFrames(t, body)
	if len(frames) != 6 || frames[len(frames)-1] != "[DONE]" {
		t.Fatalf("frames %q", frames)
	}
	var text strings.Builder
	for i, f := range frames[:len(frames)-1] {
		var c struct {
			Object  string `json:"object"`
			Model   string `json:"model"`
			Choices []struct {
				Delta struct {
					Role    string  `json:"role"`
					Content *string `json:"content"`
				} `json:"delta"`
				FinishReason *string `json:"finish_reason"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(f), &c); err != nil {
			t.Fatal(err)
		}
		if c.Object != "chat.completion.chunk" || c.Model != "m1" || len(c.Choices) != 1 {
			t.Fatalf("chunk %d: %s", i, f)
		}
		ch := c.Choices[0]
		switch {
		case i == 0 && ch.Delta.Role != "assistant":
			t.Errorf("first chunk has no role: %s", f)
		case i == len(frames)-2 && (ch.FinishReason == nil || *ch.FinishReason != "stop"):
			t.Errorf("last chunk does not finish: %s", f)
		case i < len(frames)-2 && ch.FinishReason != nil:
			t.Errorf("chunk %d finishes early: %s", i, f)
		}
		if ch.Delta.Content != nil {
			text.WriteString(*ch.Delta.Content)
		}
	}
	if text.String() != "Satu dua tiga" {
		t.Errorf("streamed %q", text.String())
	}
}

// TestGoOpenAIClient checks that a real client understands every endpoint.
func TestGoOpenAIClient(t *testing.T) {
	t.Parallel()
	s := start(t, Options{APIKey: "sk-test", EmbeddingDim: 5})
	cfg := openai.DefaultConfig("sk-test")
	cfg.BaseURL = s.URL
	c := openai.NewClientWithConfig(cfg)
	ctx := t.Context()
	msgs := []openai.ChatCompletionMessage{{Role: "user", Content: "apa kabar"}}

	resp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "m", Messages: msgs})
	if err != nil || resp.Choices[0].Message.Content != "fake reply: apa kabar" {
		t.Fatalf("completion %+v, %v", resp, err)
	}

	stream, err := c.CreateChatCompletionStream(ctx, openai.ChatCompletionRequest{Model: "m", Messages: msgs})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range chunk.Choices {
			text.WriteString(ch.Delta.Content)
		}
	}
	stream.Close()
	if text.String() != "fake reply: apa kabar" {
		t.Errorf("streamed %q", text.String())
	}

	emb, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Model: "e", Input: []string{"a", "b"}})
	if err != nil || len(emb.Data) != 2 || len(emb.Data[1].Embedding) != 5 {
		t.Fatalf("embeddings %+v, %v", emb, err)
	}
	b64, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Model: "e", Input: []string{"a", "b"}, EncodingFormat: openai.EmbeddingEncodingFormatBase64})
	if err != nil || !equalVectors(b64.Data[1].Embedding, emb.Data[1].Embedding) {
		t.Errorf("base64 embeddings %+v, %v", b64, err)
	}

	models, err := c.ListModels(ctx)
	if err != nil || len(models.Models) != 2 || models.Models[0].ID != "fake-chat" {
		t.Errorf("models %+v, %v", models, err)
	}

	for _, r := range s.Requests() {
		if r.Header.Get("Authorization") != "Bearer sk-test" {
			t.Errorf("%s %s sent Authorization %q", r.Method, r.Path, r.Header.Get("Authorization"))
		}
	}

	bad := openai.DefaultConfig("sk-wrong")
	bad.BaseURL = s.URL
	_, err = openai.NewClientWithConfig(bad).CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "m", Messages: msgs})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 401 || apiErr.Code != "invalid_api_key" {
		t.Errorf("wrong key gave %v", err)
	}
}

func equalVectors(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEmbeddings(t *testing.T) {
	t.Parallel()
	s := start(t, Options{EmbeddingDim: 12})
	tests := []struct {
		name    string
		body    string
		inputs  []string
		dim     int
		base64  bool
		wantErr string
	}{
		{name: "list", body: `{"model":"e","input":["satu","dua"]}`, inputs: []string{"satu", "dua"}, dim: 12},
		{name: "single string", body: `{"model":"e","input":"satu"}`, inputs: []string{"satu"}, dim: 12},
		{name: "dimensions", body: `{"model":"e","input":["satu"],"dimensions":40}`, inputs: []string{"satu"}, dim: 40},
		{name: "base64", body: `{"model":"e","input":["satu"],"encoding_format":"base64"}`, inputs: []string{"satu"}, dim: 12, base64: true},
		{name: "tokens", body: `{"model":"e","input":[[1,2]]}`, wantErr: "input"},
		{name: "empty", body: `{"model":"e","input":[]}`, wantErr: "input"},
		{name: "no model", body: `{"input":["a"]}`, wantErr: "model"},
		{name: "bad format", body: `{"model":"e","input":["a"],"encoding_format":"int8"}`, wantErr: "encoding_format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := call(t, t.Context(), http.MethodPost, s.URL+"/embeddings", "", tt.body)
			if tt.wantErr != "" {
				var e errorBody
				if resp.StatusCode != 400 || json.Unmarshal(body, &e) != nil || e.Error.Param == nil || *e.Error.Param != tt.wantErr {
					t.Fatalf("status %d body %s", resp.StatusCode, body)
				}
				return
			}
			var list struct {
				Object string `json:"object"`
				Model  string `json:"model"`
				Data   []struct {
					Object    string          `json:"object"`
					Index     int             `json:"index"`
					Embedding json.RawMessage `json:"embedding"`
				} `json:"data"`
			}
			if err := json.Unmarshal(body, &list); err != nil || resp.StatusCode != 200 {
				t.Fatalf("status %d body %s: %v", resp.StatusCode, body, err)
			}
			if list.Object != "list" || list.Model != "e" || len(list.Data) != len(tt.inputs) {
				t.Fatalf("body %s", body)
			}
			for i, d := range list.Data {
				var v []float32
				if tt.base64 {
					var enc string
					if err := json.Unmarshal(d.Embedding, &enc); err != nil {
						t.Fatal(err)
					}
					raw, err := base64.StdEncoding.DecodeString(enc)
					if err != nil {
						t.Fatal(err)
					}
					for j := 0; j+4 <= len(raw); j += 4 {
						v = append(v, math.Float32frombits(binary.LittleEndian.Uint32(raw[j:])))
					}
				} else if err := json.Unmarshal(d.Embedding, &v); err != nil {
					t.Fatal(err)
				}
				if d.Object != "embedding" || d.Index != i || !equalVectors(v, Vector(tt.inputs[i], tt.dim)) {
					t.Errorf("item %d = %s", i, d.Embedding)
				}
			}
		})
	}
}

func TestVector(t *testing.T) {
	t.Parallel()
	a, b := Vector("kabar", 100), Vector("kabar", 100)
	if !equalVectors(a, b) {
		t.Error("same text, different vectors")
	}
	if equalVectors(a, Vector("kabar!", 100)) {
		t.Error("different texts, same vector")
	}
	var norm float64
	for _, x := range a {
		norm += float64(x) * float64(x)
	}
	if math.Abs(norm-1) > 1e-4 {
		t.Errorf("norm %v, want 1", norm)
	}
	if len(Vector("x", 0)) != 0 {
		t.Error("dim 0 gave values")
	}
}

func TestEmbeddingsHandler(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	s.OnEmbeddings(func(r EmbeddingsRequest) [][]float32 {
		return [][]float32{{1, 2}, {3}}
	})
	_, body := call(t, t.Context(), http.MethodPost, s.URL+"/embeddings", "", `{"model":"e","input":["a","b"]}`)
	if !bytes.Contains(body, []byte(`"embedding":[1,2]`)) || !bytes.Contains(body, []byte(`"embedding":[3]`)) {
		t.Errorf("body %s", body)
	}
}

func TestModels(t *testing.T) {
	t.Parallel()
	s := start(t, Options{Models: []string{"a"}})
	resp, body := call(t, t.Context(), http.MethodGet, s.URL+"/models", "", "")
	want := `{"object":"list","data":[{"id":"a","object":"model","created":1735689600,"owned_by":"fakeopenai"}]}` + "\n"
	if resp.StatusCode != 200 || string(body) != want {
		t.Errorf("status %d body %s", resp.StatusCode, body)
	}
}

func TestErrorBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, path, key, body string
		status                        int
		want                          string
	}{
		{
			name: "missing key", method: "POST", path: "/chat/completions", body: chatBody, status: 401,
			want: `{"error":{"message":"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).","type":"invalid_request_error","param":null,"code":"missing_api_key"}}`,
		},
		{
			name: "wrong key", method: "POST", path: "/chat/completions", key: "sk-bad", body: chatBody, status: 401,
			want: `{"error":{"message":"Incorrect API key provided: sk-bad. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`,
		},
		{
			name: "unknown path", method: "POST", path: "/completions", key: "sk-ok", status: 404,
			want: `{"error":{"message":"Invalid URL (POST /v1/completions)","type":"invalid_request_error","param":null,"code":"unknown_url"}}`,
		},
		{
			name: "wrong method", method: "GET", path: "/chat/completions", key: "sk-ok", status: 405,
			want: `{"error":{"message":"Method GET not allowed for /v1/chat/completions","type":"invalid_request_error","param":null,"code":null}}`,
		},
		{
			name: "bad json", method: "POST", path: "/chat/completions", key: "sk-ok", body: `{"model":`, status: 400,
			want: `{"error":{"message":"We could not parse the JSON body of your request: unexpected end of JSON input","type":"invalid_request_error","param":null,"code":null}}`,
		},
		{
			name: "no messages", method: "POST", path: "/chat/completions", key: "sk-ok", body: `{"model":"m","messages":[]}`, status: 400,
			want: `{"error":{"message":"[] is too short - 'messages'","type":"invalid_request_error","param":"messages","code":null}}`,
		},
	}
	s := start(t, Options{APIKey: "sk-ok"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := call(t, t.Context(), tt.method, s.URL+tt.path, tt.key, tt.body)
			if resp.StatusCode != tt.status || strings.TrimSpace(string(body)) != tt.want {
				t.Errorf("status %d body\n%s\nwant %d\n%s", resp.StatusCode, body, tt.status, tt.want)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("content type %q", ct)
			}
		})
	}
}

func TestFailNextWithRetryAfter(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	s.FailNext(2, Fault{Status: 429, RetryAfter: "7"})
	want := `{"error":{"message":"Rate limit reached for requests. Please try again later.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`
	for i := range 2 {
		resp, body := call(t, t.Context(), "POST", s.URL+"/chat/completions", "", chatBody)
		if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" || strings.TrimSpace(string(body)) != want {
			t.Fatalf("call %d: status %d retry-after %q body %s", i, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
	if resp, _ := call(t, t.Context(), "POST", s.URL+"/chat/completions", "", chatBody); resp.StatusCode != 200 {
		t.Errorf("third call status %d", resp.StatusCode)
	}
	var statuses []int
	for _, r := range s.Requests() {
		statuses = append(statuses, r.Status)
	}
	if len(statuses) != 3 || statuses[0] != 429 || statuses[1] != 429 || statuses[2] != 200 {
		t.Errorf("recorded statuses %v", statuses)
	}
}

func TestFaultVariants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		fault Fault
		want  string
		ctype string
	}{
		{"default 500", Fault{}, `{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}`, "application/json"},
		{"custom", Fault{Status: 400, Message: "bad", Code: "context_length_exceeded"}, `{"error":{"message":"bad","type":"invalid_request_error","param":null,"code":"context_length_exceeded"}}`, "application/json"},
		{"raw proxy page", Fault{Status: 502, RawBody: "<html>Bad Gateway</html>"}, `<html>Bad Gateway</html>`, "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := start(t, Options{})
			s.OnChat(func(ChatRequest) Reply { return Reply{Fault: &tt.fault} })
			resp, body := call(t, t.Context(), "POST", s.URL+"/chat/completions", "", chatBody)
			if resp.StatusCode != tt.fault.withDefaults().Status || strings.TrimSpace(string(body)) != tt.want || resp.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("status %d type %q body %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
		})
	}
}

// outcomes makes n chat calls and returns which failed.
func outcomes(t *testing.T, s *Server, n int) []bool {
	t.Helper()
	failed := make([]bool, n)
	for i := range failed {
		resp, _ := call(t, t.Context(), "POST", s.URL+"/chat/completions", "", chatBody)
		failed[i] = resp.StatusCode != 200
	}
	return failed
}

func TestFailEvery(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	outcomes(t, s, 2) // calls before FailEvery do not count
	s.FailEvery(3, Fault{Status: 503})
	got := outcomes(t, s, 7)
	want := []bool{false, false, true, false, false, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("failures %v, want %v", got, want)
		}
	}
	s.FailEvery(0, Fault{})
	for _, f := range outcomes(t, s, 4) {
		if f {
			t.Fatal("failure after FailEvery(0)")
		}
	}
}

func TestFailRandomlyIsReproducible(t *testing.T) {
	t.Parallel()
	run := func() []bool {
		s := start(t, Options{})
		s.FailRandomly(0.5, 42, Fault{Status: 500})
		return outcomes(t, s, 20)
	}
	a, b := run(), run()
	fails := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("runs differ: %v vs %v", a, b)
		}
		if a[i] {
			fails++
		}
	}
	if fails == 0 || fails == len(a) {
		t.Errorf("rate 0.5 failed %d of %d calls", fails, len(a))
	}
}

// TestStallReleasedByClient checks that a stalled stream delivers its first
// chunks, then hangs until the client goes away.
func TestStallReleasedByClient(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	s.OnChat(func(ChatRequest) Reply { return Reply{Chunks: []string{"a", "b", "c"}} })
	s.StallStreams(2)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", s.URL+"/chat/completions",
		strings.NewReader(`{"model":"m","stream":true,"messages":[{"role":"user","content":"x"}]}`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	var contents []string
	for len(contents) < 3 { // role chunk, "a", "b"
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, "data: ") {
			contents = append(contents, line)
		}
	}
	if !strings.Contains(contents[2], `"content":"b"`) {
		t.Errorf("third frame %q", contents[2])
	}
	cancel()
	if _, err := io.ReadAll(r); err == nil {
		t.Error("stalled stream ended normally")
	}
	s.Close() // must not wait for anything: the client has gone
}

func TestCloseReleasesStalledAndDelayed(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	s.StallStreams(0)
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	wg.Add(1)
	go func() {
		defer wg.Done()
		resp, err := http.Post(s.URL+"/chat/completions", "application/json",
			strings.NewReader(`{"model":"m","stream":true,"messages":[{"role":"user","content":"x"}]}`))
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		errs <- err
	}()
	waitRequests(t, s, 1)
	s.Close()
	wg.Wait()
	if err := <-errs; err == nil {
		t.Error("stalled stream completed normally")
	}
}

// waitRequests blocks until the server has recorded n requests with a
// decided status.
func waitRequests(t *testing.T, s *Server, n int) {
	t.Helper()
	for {
		reqs := s.Requests()
		if len(reqs) >= n && reqs[n-1].Status != 0 {
			return
		}
		select {
		case <-t.Context().Done():
			t.Fatal("test ended before requests arrived")
		default:
			time.Sleep(time.Millisecond) // polling, not timing
		}
	}
}

func TestDelayAbandonedByClient(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	s.SetDelay(1 << 62)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, "POST", s.URL+"/chat/completions", strings.NewReader(chatBody))
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	for len(s.Requests()) == 0 {
		time.Sleep(time.Millisecond) // polling, not timing
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("delayed call returned %v", err)
	}
	if st := s.Requests()[0].Status; st != 0 {
		t.Errorf("abandoned call recorded status %d", st)
	}
	s.ClearFaults()
	if resp, _ := call(t, t.Context(), "POST", s.URL+"/chat/completions", "", chatBody); resp.StatusCode != 200 {
		t.Errorf("status after ClearFaults %d", resp.StatusCode)
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	s := start(t, Options{APIKey: "k"})
	s.FailEvery(4, Fault{Status: 500})
	var wg sync.WaitGroup
	var mu sync.Mutex
	fails := 0
	for range 16 {
		wg.Go(func() {
			resp, _ := call(t, t.Context(), "POST", s.URL+"/chat/completions", "k", chatBody)
			if resp.StatusCode == 500 {
				mu.Lock()
				fails++
				mu.Unlock()
			}
			s.Requests()
		})
	}
	wg.Wait()
	if len(s.Requests()) != 16 || fails != 4 {
		t.Errorf("recorded %d requests and %d failures, want 16 and 4", len(s.Requests()), fails)
	}
	s.ClearRequests()
	if len(s.Requests()) != 0 {
		t.Error("ClearRequests kept requests")
	}
}
