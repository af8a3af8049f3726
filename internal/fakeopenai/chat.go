package fakeopenai

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// chatCompletion is OpenAI's non-streaming chat answer.
type chatCompletion struct {
	ID                string       `json:"id"`
	Object            string       `json:"object"`
	Created           int64        `json:"created"`
	Model             string       `json:"model"`
	Choices           []chatChoice `json:"choices"`
	Usage             usage        `json:"usage"`
	SystemFingerprint *string      `json:"system_fingerprint"`
}

type chatChoice struct {
	Index        int         `json:"index"`
	Message      chatMessage `json:"message"`
	Logprobs     *struct{}   `json:"logprobs"`
	FinishReason string      `json:"finish_reason"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// chatChunk is one chat.completion.chunk event of a stream.
type chatChunk struct {
	ID                string        `json:"id"`
	Object            string        `json:"object"`
	Created           int64         `json:"created"`
	Model             string        `json:"model"`
	SystemFingerprint *string       `json:"system_fingerprint"`
	Choices           []chunkChoice `json:"choices"`
}

type chunkChoice struct {
	Index        int        `json:"index"`
	Delta        chunkDelta `json:"delta"`
	Logprobs     *struct{}  `json:"logprobs"`
	FinishReason *string    `json:"finish_reason"`
}

type chunkDelta struct {
	Role    string  `json:"role,omitempty"`
	Content *string `json:"content,omitempty"`
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request, rec *Request) {
	var req ChatRequest
	if err := json.Unmarshal(rec.Body, &req); err != nil {
		s.badRequest(w, rec, "", fmt.Sprintf("We could not parse the JSON body of your request: %v", err))
		return
	}
	if req.Model == "" {
		s.badRequest(w, rec, "model", "you must provide a model parameter")
		return
	}
	if len(req.Messages) == 0 {
		s.badRequest(w, rec, "messages", "[] is too short - 'messages'")
		return
	}

	s.mu.Lock()
	rec.Chat = &req
	handler := s.chat
	stall := s.stall
	s.chatSeq++
	id := fmt.Sprintf("chatcmpl-fake-%d", s.chatSeq)
	s.mu.Unlock()

	if handler == nil {
		handler = defaultChat
	}
	reply := handler(req)
	if reply.Fault != nil {
		s.fail(w, rec, *reply.Fault)
		return
	}
	if reply.Write != nil {
		s.setStatus(rec, http.StatusOK)
		reply.Write(w, r, req)
		return
	}
	if req.Stream {
		s.streamChat(w, r, rec, req, id, reply, stall)
		return
	}
	text := reply.Text
	if text == "" {
		text = strings.Join(reply.Chunks, "")
	}
	s.setStatus(rec, http.StatusOK)
	writeJSON(w, http.StatusOK, chatCompletion{
		ID:      id,
		Object:  "chat.completion",
		Created: created,
		Model:   req.Model,
		Choices: []chatChoice{{Message: chatMessage{Role: "assistant", Content: text}, FinishReason: "stop"}},
		Usage:   countUsage(req, text),
	})
}

// streamChat sends reply as server-sent events: a role chunk, one chunk per
// content delta, a finish chunk and the [DONE] sentinel. With stall >= 0 it
// hangs after stall content chunks instead of finishing.
func (s *Server) streamChat(w http.ResponseWriter, r *http.Request, rec *Request, req ChatRequest, id string, reply Reply, stall int) {
	chunks := reply.Chunks
	if chunks == nil {
		chunks = splitWords(reply.Text)
	}
	s.setStatus(rec, http.StatusOK)
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)

	send := func(delta chunkDelta, finish *string) bool {
		data, err := json.Marshal(chatChunk{
			ID: id, Object: "chat.completion.chunk", Created: created, Model: req.Model,
			Choices: []chunkChoice{{Delta: delta, FinishReason: finish}},
		})
		if err != nil {
			return false
		}
		if _, err := fmt.Fprintf(w, "data: %s\n\n", data); err != nil {
			return false
		}
		return rc.Flush() == nil
	}

	empty := ""
	if !send(chunkDelta{Role: "assistant", Content: &empty}, nil) {
		return
	}
	for i, c := range chunks {
		if i == stall {
			s.hang(r)
			return
		}
		if !send(chunkDelta{Content: &c}, nil) {
			return
		}
	}
	if stall >= len(chunks) {
		s.hang(r)
		return
	}
	stop := "stop"
	if !send(chunkDelta{}, &stop) {
		return
	}
	_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
	_ = rc.Flush()
}

// defaultChat answers with the last user message so tests can see what
// reached the server.
func defaultChat(req ChatRequest) Reply {
	last := ""
	for _, m := range req.Messages {
		if m.Role == "user" {
			last = m.Content
		}
	}
	return Reply{Text: "fake reply: " + last}
}

// splitWords cuts text after each space, so joining the pieces gives the
// text back.
func splitWords(text string) []string {
	if text == "" {
		return []string{}
	}
	return strings.SplitAfter(text, " ")
}

// countUsage approximates token counts by words; clients only display them.
func countUsage(req ChatRequest, answer string) usage {
	prompt := 0
	for _, m := range req.Messages {
		prompt += len(strings.Fields(m.Content))
	}
	completion := len(strings.Fields(answer))
	return usage{PromptTokens: prompt, CompletionTokens: completion, TotalTokens: prompt + completion}
}
