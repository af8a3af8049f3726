package retrieval

import (
	"context"
	"math"

	"github.com/philippgille/chromem-go"

	"github.com/kabar-bot/kabar/lexicon"
)

// Embedder turns texts into vectors. Implementations must be deterministic
// for a given Name: the index records the name and dimension and refuses to
// mix vectors from different embedders.
type Embedder interface {
	Name() string
	Dimension() int
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// EmbeddingFunc adapts an Embedder to chromem-go's seam.
func EmbeddingFunc(e Embedder) chromem.EmbeddingFunc {
	return func(ctx context.Context, text string) ([]float32, error) {
		v, err := e.Embed(ctx, []string{text})
		if err != nil {
			return nil, err
		}
		return v[0], nil
	}
}

// LocalEmbedder is the offline default: feature hashing of folded words and
// character 4-grams into a fixed number of dimensions, with sub-linear term
// frequencies, L2-normalised. Character n-grams let cognates and inflected
// forms meet (Ukraine/Ukraina, mengirim/dikirim). It is a pure function of
// the text, with no corpus statistics, so unchanged articles never need
// re-embedding when others change; corpus-level IDF is the lexical ranking's
// job.
type LocalEmbedder struct {
	dim int
}

// LocalDimension is the local embedder's vector size.
const LocalDimension = 512

// NewLocalEmbedder returns the offline embedder.
func NewLocalEmbedder() *LocalEmbedder { return &LocalEmbedder{dim: LocalDimension} }

func (e *LocalEmbedder) Name() string   { return "kabar-hash-v1" }
func (e *LocalEmbedder) Dimension() int { return e.dim }

// Embed embeds each text. It never fails; the context is honoured between
// texts so a large batch can be cancelled.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	flat := make([]float32, len(texts)*e.dim)
	for i, t := range texts {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v := flat[i*e.dim : (i+1)*e.dim : (i+1)*e.dim]
		e.embedInto(v, t)
		out[i] = v
	}
	return out, nil
}

// EmbeddingFunc returns the embedder as a chromem-go EmbeddingFunc.
func (e *LocalEmbedder) EmbeddingFunc() chromem.EmbeddingFunc { return EmbeddingFunc(e) }

func (e *LocalEmbedder) embedInto(v []float32, text string) {
	counts := make(map[uint64]float32, 64)
	for _, t := range lexicon.Tokenize(text) {
		w := t.Norm
		counts[hashFeature("w:", w)] += 1
		if t.Num || len(w) < 4 {
			continue
		}
		padded := " " + w + " "
		for i := 0; i+4 <= len(padded); i++ {
			counts[hashFeature("g:", padded[i:i+4])] += 0.25
		}
	}
	for h, c := range counts {
		idx := h % uint64(len(v))
		val := float32(1 + math.Log(float64(1+c)))
		if h>>63 == 1 {
			val = -val
		}
		v[idx] += val
	}
	normalize(v)
}

// hashFeature is FNV-1a over kind+s, inlined to avoid allocations on the
// indexing hot path.
func hashFeature(kind, s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(kind); i++ {
		h = (h ^ uint64(kind[i])) * prime
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return h
}

// normalize scales v to unit length; an all-zero vector gets a fixed unit
// component so it stays a valid (if uninformative) embedding.
func normalize(v []float32) {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		v[0] = 1
		return
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range v {
		v[i] *= inv
	}
}
