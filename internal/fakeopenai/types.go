package fakeopenai

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Message is one chat message as the client sent it. Content given as an
// array of parts is flattened to its text parts.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// UnmarshalJSON accepts content as a string or as OpenAI's array of parts.
func (m *Message) UnmarshalJSON(data []byte) error {
	var wire struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	}
	if err := json.Unmarshal(data, &wire); err != nil {
		return err
	}
	m.Role = wire.Role
	m.Content = ""
	if len(wire.Content) == 0 || string(wire.Content) == "null" {
		return nil
	}
	if err := json.Unmarshal(wire.Content, &m.Content); err == nil {
		return nil
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(wire.Content, &parts); err != nil {
		return fmt.Errorf("content is neither a string nor an array of parts: %w", err)
	}
	var b strings.Builder
	for _, p := range parts {
		if p.Type == "text" {
			b.WriteString(p.Text)
		}
	}
	m.Content = b.String()
	return nil
}

// ChatRequest is a decoded POST /v1/chat/completions body.
type ChatRequest struct {
	Model       string    `json:"model"`
	Messages    []Message `json:"messages"`
	Stream      bool      `json:"stream"`
	Temperature *float64  `json:"temperature,omitempty"`
	MaxTokens   int       `json:"max_tokens,omitempty"`
}

// EmbeddingsRequest is a decoded POST /v1/embeddings body; Input is always
// a list, even when the client sent a single string.
type EmbeddingsRequest struct {
	Model          string
	Input          []string
	EncodingFormat string // "", "float" or "base64"
	Dimensions     int    // 0 when the client did not ask for a size
}

// Reply is what a ChatHandler answers.
type Reply struct {
	// Text is the whole answer. For a non-streaming call an empty Text with
	// Chunks set answers the concatenated chunks.
	Text string
	// Chunks are the content deltas of a streamed answer, in order. Nil
	// splits Text after each space.
	Chunks []string
	// Fault, when set, answers this call with an error instead.
	Fault *Fault
	// Write, when set, writes the whole HTTP answer itself (status 200 is
	// recorded): the hostile replies of hostile.go. It should return when
	// r's context is done.
	Write func(w http.ResponseWriter, r *http.Request, req ChatRequest)
}

// ChatHandler scripts chat answers. It is called concurrently when clients
// call concurrently.
type ChatHandler func(req ChatRequest) Reply

// EmbeddingsHandler scripts embedding answers: one vector per input, in
// order. Vectors of different lengths are sent as they are, so tests can
// provoke dimension mismatches.
type EmbeddingsHandler func(req EmbeddingsRequest) [][]float32

// Request is one recorded HTTP request.
type Request struct {
	Method string
	Path   string
	Header http.Header // as received, including Authorization
	Body   []byte
	// Chat or Embeddings is the decoded body of a well-formed call to that
	// endpoint; both are nil otherwise.
	Chat       *ChatRequest
	Embeddings *EmbeddingsRequest
	// Status is the status the server answered with: 200 for streams,
	// stalled or not, and 0 while the answer is not decided yet.
	Status int
}

// Fault is a scripted failure. Zero fields take the values OpenAI uses
// for the status.
type Fault struct {
	Status     int    // HTTP status; 0 means 500
	Message    string // error.message
	Type       string // error.type
	Code       string // error.code; "" sends the status's usual code or null
	RetryAfter string // Retry-After header, e.g. "2" or an HTTP date; "" sends none
	// RawBody, when set, is sent verbatim as text/html instead of an OpenAI
	// error body, the way a proxy in front of the API fails.
	RawBody string
}

// withDefaults fills the fields a test left empty the way OpenAI would.
func (f Fault) withDefaults() Fault {
	if f.Status == 0 {
		f.Status = http.StatusInternalServerError
	}
	type defaults struct{ message, typ, code string }
	var d defaults
	switch {
	case f.Status == http.StatusTooManyRequests:
		d = defaults{"Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded"}
	case f.Status == http.StatusUnauthorized:
		d = defaults{"Incorrect API key provided.", "invalid_request_error", "invalid_api_key"}
	case f.Status == http.StatusNotFound:
		d = defaults{"The model does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"}
	case f.Status == http.StatusServiceUnavailable:
		d = defaults{"The engine is currently overloaded, please try again later.", "server_error", ""}
	case f.Status >= 500:
		d = defaults{"The server had an error while processing your request. Sorry about that!", "server_error", ""}
	default:
		d = defaults{"Invalid request.", "invalid_request_error", ""}
	}
	if f.Message == "" {
		f.Message = d.message
	}
	if f.Type == "" {
		f.Type = d.typ
	}
	if f.Code == "" {
		f.Code = d.code
	}
	return f
}
