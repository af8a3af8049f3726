// Package live keeps the coverage Kabar serves current while it serves:
// an Updater watches the corpus folder, re-indexes it in the background
// through retrieval's incremental Build, and swaps the new index into a
// Corpus atomically.
//
// The swap is per generation, not per call: a Corpus hands each request
// the generation that is current when the request starts (its index and
// the answering service built over it), so an answer in flight finishes
// on the index it began with even when a newer one is swapped in
// meanwhile, and never mixes a search on one index with a document lookup
// on another.
package live

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/retrieval"
)

// Service is what the bot asks of an answering pipeline over one index;
// *answer.Service implements it.
type Service interface {
	Answer(ctx context.Context, q answer.Query, onPartial func(string)) (answer.Result, error)
	Summarize(ctx context.Context, topic, docID string) (answer.Result, error)
	CheckAnswer(ctx context.Context, text string, citations []answer.Citation) (cite.Report, error)
	CheckClaim(ctx context.Context, claim string) (cite.ClaimResult, error)
}

// Generation is one index and the service answering from it.
type Generation struct {
	N       uint64 // 1 for the index served at start, +1 per swap
	Index   *retrieval.Index
	Service Service
	Updated time.Time // when this generation was swapped in (or loaded)
}

// Corpus holds the current generation. It implements the bot's Answerer,
// Checker and Library (bot.New takes it for all three) and reports the
// generation to /healthz and /metrics (IndexGeneration).
type Corpus struct {
	mu  sync.Mutex // serialises swaps so generations count up by one
	cur atomic.Pointer[Generation]
}

// NewCorpus starts at generation 1 with ix and svc.
func NewCorpus(ix *retrieval.Index, svc Service, loaded time.Time) *Corpus {
	c := &Corpus{}
	c.cur.Store(&Generation{N: 1, Index: ix, Service: svc, Updated: loaded})
	return c
}

// Current returns the generation new requests use.
func (c *Corpus) Current() *Generation { return c.cur.Load() }

// Swap makes ix and svc the current generation and returns it. Requests
// already running keep the generation they started with.
func (c *Corpus) Swap(ix *retrieval.Index, svc Service, at time.Time) *Generation {
	c.mu.Lock()
	defer c.mu.Unlock()
	g := &Generation{N: c.cur.Load().N + 1, Index: ix, Service: svc, Updated: at}
	c.cur.Store(g)
	return g
}

// IndexGeneration reports the current generation and when it was swapped in.
func (c *Corpus) IndexGeneration() (uint64, time.Time) {
	g := c.cur.Load()
	return g.N, g.Updated
}

// Answer answers q on the current generation.
func (c *Corpus) Answer(ctx context.Context, q answer.Query, onPartial func(string)) (answer.Result, error) {
	return c.cur.Load().Service.Answer(ctx, q, onPartial)
}

// Summarize summarises the current generation's coverage.
func (c *Corpus) Summarize(ctx context.Context, topic, docID string) (answer.Result, error) {
	return c.cur.Load().Service.Summarize(ctx, topic, docID)
}

// CheckAnswer re-verifies an answer against the current generation.
func (c *Corpus) CheckAnswer(ctx context.Context, text string, citations []answer.Citation) (cite.Report, error) {
	return c.cur.Load().Service.CheckAnswer(ctx, text, citations)
}

// CheckClaim checks a claim against the current generation.
func (c *Corpus) CheckClaim(ctx context.Context, claim string) (cite.ClaimResult, error) {
	return c.cur.Load().Service.CheckClaim(ctx, claim)
}

// Documents lists the current generation's articles, sorted by id.
func (c *Corpus) Documents() []retrieval.Document { return c.cur.Load().Index.Documents() }

// Document returns one article of the current generation.
func (c *Corpus) Document(id string) (retrieval.Document, bool) {
	return c.cur.Load().Index.Document(id)
}

// Paragraphs returns the paragraphs of one article of the current generation.
func (c *Corpus) Paragraphs(id string) []retrieval.Paragraph {
	return c.cur.Load().Index.Paragraphs(id)
}
