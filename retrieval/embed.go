package retrieval

import (
	"context"
	"math"
	"sync"

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
	// logTF[q] is the sub-linear weight of a feature counted q/4 times
	// (counts are sums of 1 and 0.25): precomputed, as the logarithm was a
	// tenth of embedding time.
	logTF   []float32
	scratch sync.Pool // *featureCounts
}

// LocalDimension is the local embedder's vector size.
const LocalDimension = 512

// NewLocalEmbedder returns the offline embedder.
func NewLocalEmbedder() *LocalEmbedder {
	e := &LocalEmbedder{dim: LocalDimension, logTF: make([]float32, 512)}
	for q := range e.logTF {
		e.logTF[q] = tfWeight(float32(q) * 0.25)
	}
	return e
}

func (e *LocalEmbedder) Name() string   { return "kabar-hash-v1" }
func (e *LocalEmbedder) Dimension() int { return e.dim }

// Embed embeds each text. It never fails; the context is honoured between
// texts so a large batch can be cancelled.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	flat := make([]float32, len(texts)*e.dim)
	f, _ := e.scratch.Get().(*featureCounts)
	if f == nil {
		f = newFeatureCounts()
	}
	defer e.scratch.Put(f)
	for i, t := range texts {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v := flat[i*e.dim : (i+1)*e.dim : (i+1)*e.dim]
		e.embedInto(v, t, f)
		out[i] = v
	}
	return out, nil
}

// EmbeddingFunc returns the embedder as a chromem-go EmbeddingFunc.
func (e *LocalEmbedder) EmbeddingFunc() chromem.EmbeddingFunc { return EmbeddingFunc(e) }

func (e *LocalEmbedder) embedInto(v []float32, text string, f *featureCounts) {
	f.reset()
	for t := range lexicon.Tokens(text) {
		f.addToken(t)
	}
	e.finish(v, f)
}

// addToken adds one token's features: its folded word and, for a word of
// four letters or more, the character 4-grams of " "+word+" ". Kept
// apart from the tokenising so the indexer can feed it the tokens it
// reads a chunk's index terms from, instead of tokenising the chunk a
// second time (analyse.go).
func (f *featureCounts) addToken(t lexicon.Token) {
	w := t.Norm
	f.add(hashMore(f.wordSeed, w), 1)
	if t.Num || len(w) < 4 {
		return
	}
	// The 4-grams of " "+w+" ", hashed without building the string.
	padded := append(append(append(f.pad[:0], ' '), w...), ' ')
	f.pad = padded
	for i := 0; i+4 <= len(padded); i++ {
		h := f.gramSeed
		for _, c := range padded[i : i+4] {
			h = (h ^ uint64(c)) * fnvPrime
		}
		f.add(h, 0.25)
	}
}

// finish writes the vector of the features added since f.reset into v
// (zeroed, of the embedder's dimension).
func (e *LocalEmbedder) finish(v []float32, f *featureCounts) {
	// A power-of-two dimension (the local one, 512) places a feature by
	// masking its hash, the same slot as h % len(v): the 64-bit division
	// was most of this loop's time.
	n := uint64(len(v))
	mask, pow2 := n-1, n&(n-1) == 0
	counts := f.counts[:len(f.keys)]
	// Features are added in the order they first occur, so the vector's
	// sums are rounded the same way on every run.
	for j, h := range f.keys {
		idx := h & mask
		if !pow2 {
			idx = h % n
		}
		var val float32
		if q := counts[j] * 4; q < float32(len(e.logTF)) && q == float32(int(q)) {
			val = e.logTF[int(q)]
		} else {
			val = tfWeight(counts[j])
		}
		if h>>63 == 1 {
			val = -val
		}
		v[idx] += val
	}
	normalize(v)
}

// tfWeight is the sub-linear weight of a feature counted c times.
func tfWeight(c float32) float32 {
	return float32(1 + math.Log(float64(1+c)))
}

// featureCounts sums feature weights by 64-bit hash: an open-addressing
// table reused across texts, where a map per text was half of embedding
// time.
type featureCounts struct {
	slots  []int32 // 0: empty; otherwise 1 + index into keys and counts
	keys   []uint64
	counts []float32
	pad    []byte
	// wordSeed and gramSeed are the hashes of the word and 4-gram
	// features' prefixes, which every feature continues.
	wordSeed, gramSeed uint64
}

func newFeatureCounts() *featureCounts {
	return &featureCounts{slots: make([]int32, 1024), wordSeed: hashFeature("w:", ""), gramSeed: hashFeature("g:", "")}
}

func (f *featureCounts) reset() {
	clear(f.slots)
	f.keys, f.counts = f.keys[:0], f.counts[:0]
}

func (f *featureCounts) add(h uint64, c float32) {
	mask := uint64(len(f.slots) - 1)
	for i := (h ^ h>>32) & mask; ; i = (i + 1) & mask {
		s := f.slots[i]
		if s == 0 {
			f.keys = append(f.keys, h)
			f.counts = append(f.counts, c)
			f.slots[i] = int32(len(f.keys))
			if 2*len(f.keys) > len(f.slots) {
				f.grow()
			}
			return
		}
		if f.keys[s-1] == h {
			f.counts[s-1] += c
			return
		}
	}
}

// grow doubles the table, keeping it at most half full so probes stay short.
func (f *featureCounts) grow() {
	f.slots = make([]int32, 2*len(f.slots))
	mask := uint64(len(f.slots) - 1)
	for k, h := range f.keys {
		i := (h ^ h>>32) & mask
		for f.slots[i] != 0 {
			i = (i + 1) & mask
		}
		f.slots[i] = int32(k + 1)
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashFeature is FNV-1a over kind+s, inlined to avoid allocations on the
// indexing hot path.
func hashFeature(kind, s string) uint64 {
	return hashMore(hashMore(fnvOffset, kind), s)
}

// hashMore continues an FNV-1a hash over s.
func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
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
