package bot

import (
	"context"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/retrieval"
)

// Answerer answers questions and writes summaries of the coverage.
type Answerer interface {
	// Answer answers q. onPartial, when not nil, receives the growing answer
	// text while an LLM streams it; the returned Result is final and verified.
	Answer(ctx context.Context, q answer.Query, onPartial func(text string)) (answer.Result, error)
	// Summarize summarises the coverage, optionally narrowed to a topic
	// and/or one document id.
	Summarize(ctx context.Context, topic, docID string) (answer.Result, error)
}

// Checker re-verifies citations for moderators.
type Checker interface {
	// CheckAnswer re-verifies an answer text with [n] markers against the
	// citations it was published with, using the current index.
	CheckAnswer(ctx context.Context, text string, citations []answer.Citation) (cite.Report, error)
	// CheckClaim checks a claim against the whole coverage.
	CheckClaim(ctx context.Context, claim string) (cite.ClaimResult, error)
}

// Library gives read access to the indexed articles.
type Library interface {
	Documents() []retrieval.Document // sorted by id
	Document(id string) (retrieval.Document, bool)
	Paragraphs(id string) []retrieval.Paragraph
}
