package fakeopenai

// Hostile replies: what a broken or malicious OpenAI-compatible server
// sends. Each is a Reply for a ChatHandler and answers streamed and plain
// calls alike, on the real wire format, so clients are tested for bounds
// they must enforce themselves.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Flood answers with total bytes of text made of piece repeated: as one
// JSON body, or as SSE chunks of about 16 KiB of text each. It stops early
// when the client goes away.
func Flood(total int64, piece string) Reply {
	if piece == "" {
		piece = "flood "
	}
	return Reply{Write: func(w http.ResponseWriter, r *http.Request, req ChatRequest) {
		block := strings.Repeat(piece, max(1, (16<<10)/len(piece)))
		if req.Stream {
			sse := startSSE(w)
			sse.chunk(req, chunkDelta{Role: "assistant"})
			for sent := int64(0); sent < total && r.Context().Err() == nil; sent += int64(len(block)) {
				if !sse.chunk(req, chunkDelta{Content: &block}) {
					return
				}
			}
			sse.done(req)
			return
		}
		// {"id":…,"choices":[{"index":0,"message":{"role":"assistant","content":"<flood>"},…}]}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		fmt.Fprintf(w, `{"id":"chatcmpl-flood","object":"chat.completion","created":%d,"model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":"`, created, req.Model)
		esc, _ := json.Marshal(block)
		body := esc[1 : len(esc)-1]
		for sent := int64(0); sent < total && r.Context().Err() == nil; sent += int64(len(body)) {
			if _, err := w.Write(body); err != nil {
				return
			}
		}
		fmt.Fprint(w, `"},"finish_reason":"stop"}]}`+"\n")
	}}
}

// DripEmpty keeps the call open forever without saying anything: a stream
// sends a chunk with empty content every interval, a plain call sends its
// 200 headers and then a space (valid JSON white space) every interval.
// It ends when the client goes away or the server closes.
func DripEmpty(interval time.Duration) Reply {
	return Reply{Write: func(w http.ResponseWriter, r *http.Request, req ChatRequest) {
		t := time.NewTicker(interval)
		defer t.Stop()
		var beat func() bool
		if req.Stream {
			sse := startSSE(w)
			empty := ""
			beat = func() bool { return sse.chunk(req, chunkDelta{Content: &empty}) }
			sse.chunk(req, chunkDelta{Role: "assistant", Content: &empty})
		} else {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			rc := http.NewResponseController(w)
			beat = func() bool {
				_, err := w.Write([]byte(" "))
				return err == nil && rc.Flush() == nil
			}
			beat()
		}
		for {
			select {
			case <-r.Context().Done():
				return
			case <-t.C:
				if !beat() {
					return
				}
			}
		}
	}}
}

// ToolCallsOnly answers with a tool call and no text, as a model does that
// decides to call a function nobody offered it.
func ToolCallsOnly() Reply {
	const name, args = "search_web", `{"query":"north korea engineers"}`
	return Reply{Write: func(w http.ResponseWriter, r *http.Request, req ChatRequest) {
		if req.Stream {
			sse := startSSE(w)
			sse.raw(req, `{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"`+name+`","arguments":""}}]}`, "null")
			sse.raw(req, `{"tool_calls":[{"index":0,"function":{"arguments":`+strconv.Quote(args)+`}}]}`, "null")
			sse.raw(req, `{}`, `"tool_calls"`)
			sse.done(req)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		fmt.Fprintf(w, `{"id":"chatcmpl-tools","object":"chat.completion","created":%d,"model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":%q,"arguments":%q}}]},"finish_reason":"tool_calls"}]}`+"\n",
			created, req.Model, name, args)
	}}
}

// TruncatedJSON answers with text whose JSON stops halfway: a plain call
// gets a body cut in the middle (with a Content-Length that matches the
// cut, so the HTTP exchange itself is complete), a stream gets its first
// chunk cut the same way and then ends.
func TruncatedJSON(text string) Reply {
	return Reply{Write: func(w http.ResponseWriter, r *http.Request, req ChatRequest) {
		if req.Stream {
			data, _ := json.Marshal(chatChunk{ID: "chatcmpl-cut", Object: "chat.completion.chunk", Created: created, Model: req.Model,
				Choices: []chunkChoice{{Delta: chunkDelta{Content: &text}}}})
			sse := startSSE(w)
			fmt.Fprintf(w, "data: %s\n\n", data[:len(data)/2])
			_ = sse.rc.Flush()
			return
		}
		data, _ := json.Marshal(chatCompletion{ID: "chatcmpl-cut", Object: "chat.completion", Created: created, Model: req.Model,
			Choices: []chatChoice{{Message: chatMessage{Role: "assistant", Content: text}, FinishReason: "stop"}}})
		cut := data[:len(data)/2]
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(cut)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(cut)
	}}
}

// sseWriter writes server-sent chat chunks.
type sseWriter struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

func startSSE(w http.ResponseWriter) *sseWriter {
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	return &sseWriter{w: w, rc: http.NewResponseController(w)}
}

func (s *sseWriter) chunk(req ChatRequest, d chunkDelta) bool {
	data, err := json.Marshal(chatChunk{ID: "chatcmpl-hostile", Object: "chat.completion.chunk", Created: created, Model: req.Model,
		Choices: []chunkChoice{{Delta: d}}})
	if err != nil {
		return false
	}
	if _, err := fmt.Fprintf(s.w, "data: %s\n\n", data); err != nil {
		return false
	}
	return s.rc.Flush() == nil
}

// raw sends a chunk whose delta and finish_reason are given as JSON.
func (s *sseWriter) raw(req ChatRequest, delta, finish string) {
	fmt.Fprintf(s.w, `data: {"id":"chatcmpl-hostile","object":"chat.completion.chunk","created":%d,"model":%q,"choices":[{"index":0,"delta":%s,"finish_reason":%s}]}`+"\n\n",
		created, req.Model, delta, finish)
	_ = s.rc.Flush()
}

func (s *sseWriter) done(req ChatRequest) {
	stop := "stop"
	data, _ := json.Marshal(chatChunk{ID: "chatcmpl-hostile", Object: "chat.completion.chunk", Created: created, Model: req.Model,
		Choices: []chunkChoice{{FinishReason: &stop}}})
	fmt.Fprintf(s.w, "data: %s\n\ndata: [DONE]\n\n", data)
	_ = s.rc.Flush()
}
