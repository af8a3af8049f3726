package llm

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	chromem "github.com/philippgille/chromem-go"
)

// DefaultEmbedBatch is how many texts go in one embeddings request.
const DefaultEmbedBatch = 64

// ErrDimensionMismatch means the server returned vectors of a different
// length than earlier ones (or than the cache holds), e.g. because the
// model behind the name changed. Delete the cache and re-index.
var ErrDimensionMismatch = errors.New("embedding dimension mismatch")

// Embedder embeds texts through /v1/embeddings in batches, with an on-disk
// cache keyed by (model, sha256(text)) so re-indexing never pays twice.
// The cache is one append-only file per model under the cache directory.
// An Embedder is safe for concurrent use; use one per model and directory
// in a process.
type Embedder struct {
	client *Client
	model  string
	path   string // "" keeps the cache in memory only
	batch  int

	mu      sync.Mutex
	vectors map[textKey][]float32
	dim     int

	fileMu sync.Mutex // serialises appends to path
}

// NewEmbedder returns an embedder for model (or the client's embedding
// model when model is "") that caches under cacheDir; "" keeps the cache
// in memory only. It loads the existing cache, dropping a torn tail.
func NewEmbedder(c *Client, model, cacheDir string) (*Embedder, error) {
	if c == nil {
		return nil, errors.New("llm: NewEmbedder needs a client")
	}
	if model == "" {
		model = c.cfg.EmbeddingModel
	}
	if model == "" {
		return nil, errors.New("llm: no embedding model configured: set the embedding model in the LLM configuration")
	}
	e := &Embedder{client: c, model: model, batch: DefaultEmbedBatch, vectors: map[textKey][]float32{}}
	if cacheDir == "" {
		return e, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("llm: creating embedding cache directory: %w", err)
	}
	e.path = filepath.Join(cacheDir, cacheFileName(model))
	lc, err := loadCacheFile(e.path, model)
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	e.vectors, e.dim = lc.vectors, lc.dim
	c.log.Debug("llm: embedding cache loaded", "model", model, "vectors", len(lc.vectors), "dimension", lc.dim)
	return e, nil
}

// Name identifies the embedding space: "openai:<model>".
func (e *Embedder) Name() string { return "openai:" + e.model }

// Dimension is the length of this model's vectors, 0 until one is known
// (from the cache or a first answer).
func (e *Embedder) Dimension() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dim
}

// Embed returns one vector per text, in order, asking the server only for
// texts the cache lacks. Every vector has the same dimension, else the
// error wraps ErrDimensionMismatch.
func (e *Embedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	keys := make([]textKey, len(texts))
	out := make([][]float32, len(texts))
	var missing []int // index of the first occurrence of each uncached text
	seen := map[textKey]bool{}
	e.mu.Lock()
	for i, t := range texts {
		keys[i] = keyOf(t)
		if v, ok := e.vectors[keys[i]]; ok {
			out[i] = slices.Clone(v)
		} else if !seen[keys[i]] {
			seen[keys[i]] = true
			missing = append(missing, i)
		}
	}
	e.mu.Unlock()

	fresh := make(map[textKey][]float32, len(missing))
	for start := 0; start < len(missing); start += e.batch {
		idx := missing[start:min(start+e.batch, len(missing))]
		batch := make([]string, len(idx))
		for j, i := range idx {
			batch[j] = texts[i]
		}
		vecs, err := e.client.embed(ctx, e.model, batch)
		if err != nil {
			return nil, fmt.Errorf("embedding %d texts with %s: %w", len(batch), e.model, err)
		}
		batchKeys := make([]textKey, len(idx))
		for j, i := range idx {
			batchKeys[j] = keys[i]
		}
		if err := e.store(batchKeys, vecs); err != nil {
			return nil, err
		}
		for j, k := range batchKeys {
			fresh[k] = vecs[j]
		}
	}
	for i := range out {
		if out[i] == nil {
			out[i] = slices.Clone(fresh[keys[i]])
		}
	}
	return out, nil
}

// store checks a batch's dimensions, then adds it to the memory cache and
// appends it to the cache file.
func (e *Embedder) store(keys []textKey, vecs [][]float32) error {
	e.mu.Lock()
	want := e.dim
	if want == 0 {
		want = len(vecs[0])
	}
	for _, v := range vecs {
		if len(v) == 0 {
			e.mu.Unlock()
			return fmt.Errorf("embedding with %s: the server returned an empty vector", e.model)
		}
		if len(v) != want {
			e.mu.Unlock()
			return fmt.Errorf("embedding with %s: got a %d-dimensional vector, expected %d: %w; if the model changed, delete the embedding cache and re-index",
				e.model, len(v), want, ErrDimensionMismatch)
		}
	}
	e.dim = want
	var records []byte
	for j, k := range keys {
		if _, ok := e.vectors[k]; ok {
			continue // a concurrent call cached it first
		}
		e.vectors[k] = vecs[j]
		if e.path != "" {
			records = encodeRecord(records, k, vecs[j])
		}
	}
	e.mu.Unlock()

	if len(records) == 0 {
		return nil
	}
	e.fileMu.Lock()
	defer e.fileMu.Unlock()
	if err := appendCacheFile(e.path, e.model, records); err != nil {
		// The vectors are good; only the next run pays for them again.
		e.client.log.Warn("llm: writing embedding cache failed", "path", e.path, "error", err.Error())
	}
	return nil
}

// EmbeddingFunc adapts the embedder to chromem-go.
func (e *Embedder) EmbeddingFunc() chromem.EmbeddingFunc {
	return func(ctx context.Context, text string) ([]float32, error) {
		vecs, err := e.Embed(ctx, []string{text})
		if err != nil {
			return nil, err
		}
		return vecs[0], nil
	}
}
