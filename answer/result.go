// Package answer turns a question into a cited answer: it retrieves passages,
// then either composes an extractive answer from verbatim sentences (offline,
// the default) or asks an LLM and verifies every citation it writes.
package answer

// Mode says which answerer produced a Result.
const (
	ModeExtractive = "extractive"
	ModeLLM        = "llm"
)

// Turn is an earlier exchange in a conversation (a Discord thread), oldest
// first, used to make follow-up questions standalone.
type Turn struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Query is one question to answer.
type Query struct {
	Question string
	History  []Turn // earlier turns of the thread, oldest first; may be empty
	K        int    // passages to retrieve; 0 means the default
}

// Citation backs an [N] marker of an answer with verbatim article text.
// Quote == document text[ByteStart:ByteEnd]; Start and End count Unicode
// characters (code points) from the start of the document text.
type Citation struct {
	N         int    `json:"n"`
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"` // the article's address, when its front matter gives one
	Quote     string `json:"quote"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	ByteStart int    `json:"byte_start"`
	ByteEnd   int    `json:"byte_end"`
	Paragraph int    `json:"paragraph"`
	Passage   string `json:"passage,omitempty"` // the retrieved chunk the quote lies in
	Verified  *bool  `json:"verified,omitempty"`
}

// Result is a complete answer. When the coverage does not answer the
// question, Answered is false and Answer says so.
type Result struct {
	Question       string     `json:"question"`
	Answered       bool       `json:"answered"`
	Answer         string     `json:"answer"`
	Lang           string     `json:"lang"` // the language the answer is written in: "en" or "id"
	Citations      []Citation `json:"citations"`
	Mode           string     `json:"mode"`
	FallbackReason string     `json:"fallback_reason,omitempty"`
	// Verification says who judged the answer's sentences: "lexical" (the
	// citation verifier) or "lexical+model" (and the model agreed).
	Verification string `json:"verification"`
	TookMS       int64  `json:"took_ms"`
}
