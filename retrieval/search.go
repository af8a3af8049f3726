package retrieval

import (
	"context"
	"fmt"
	"sort"

	"github.com/kabar-bot/kabar/lexicon"
)

// Ranking selects how Search ranks chunks.
type Ranking int

const (
	RankHybrid  Ranking = iota // lexical and vector fused by reciprocal rank
	RankLexical                // BM25 over analysed terms only
	RankVector                 // embedding similarity only
)

func (r Ranking) String() string { return [...]string{"hybrid", "lexical", "vector"}[r] }

// rrfK is the reciprocal-rank-fusion constant from Cormack et al. (2009).
const rrfK = 60

// vectorWeight is the vector ranking's share in fusion, relative to the
// lexical ranking's 1 (measured on the dev set: see README).
const vectorWeight = 0.5

// candidates each ranking contributes before fusion.
const fusionDepth = 50

// duplicateJaccard is the term-set overlap above which two chunks say the
// same thing (one outlet repeating another's sentence).
const duplicateJaccard = 0.6

// Hit is a retrieved chunk. Duplicates are near-identical chunks of other
// documents folded into this one so they don't crowd out other evidence;
// they remain available as corroborating sources.
type Hit struct {
	Chunk      Chunk
	Score      float64
	Duplicates []Chunk
}

// Search returns the k best chunks for q (best first), near-duplicates
// folded together.
func (ix *Index) Search(ctx context.Context, q lexicon.Query, k int, ranking Ranking) ([]Hit, error) {
	if k <= 0 {
		k = 8
	}
	if len(ix.chunks) == 0 {
		return nil, nil
	}
	var lists [][]scored
	if ranking != RankVector {
		lists = append(lists, ix.lexical.search(q, fusionDepth))
	}
	if ranking != RankLexical {
		vs, err := ix.vectorSearch(ctx, q.Expansion(), fusionDepth)
		if err != nil {
			return nil, err
		}
		lists = append(lists, vs)
	}
	ranked := lists[0]
	if len(lists) > 1 {
		ranked = fuse(lists[0], lists[1])
	}
	return ix.dedupe(ranked, k), nil
}

// SearchText analyses text and searches for it.
func (ix *Index) SearchText(ctx context.Context, text string, k int, ranking Ranking) ([]Hit, error) {
	return ix.Search(ctx, ix.lex.Analyze(text), k, ranking)
}

func (ix *Index) vectorSearch(ctx context.Context, text string, k int) ([]scored, error) {
	vecs, err := ix.embedder.Embed(ctx, []string{text})
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	if len(vecs) != 1 || len(vecs[0]) != ix.vectors.dim {
		return nil, fmt.Errorf("embed query: got a vector of %d dimensions, the index has %d", len(vecs[0]), ix.vectors.dim)
	}
	return ix.vectors.search(vecs[0], k), nil
}

// QueryVector embeds text with the index's embedder and returns the k most
// similar chunk indexes by exact scan.
func (ix *Index) QueryVector(ctx context.Context, text string, k int) ([]int, error) {
	s, err := ix.vectorSearch(ctx, text, k)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(s))
	for i, x := range s {
		out[i] = x.idx
	}
	return out, nil
}

// fuse combines the lexical and vector rankings by weighted reciprocal
// rank fusion.
func fuse(lexical, vector []scored) []scored {
	acc := map[int]float32{}
	for w, l := range [][]scored{lexical, vector} {
		weight := float32(1)
		if w == 1 {
			weight = vectorWeight
		}
		for rank, s := range l {
			acc[s.idx] += weight / float32(rrfK+rank+1)
		}
	}
	out := make([]scored, 0, len(acc))
	for idx, sc := range acc {
		out = append(out, scored{idx: idx, score: sc})
	}
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j]) })
	return out
}

// dedupe walks the ranking and folds each chunk that nearly repeats an
// already kept one into it, until k distinct hits are kept. At most
// maxPerDoc hits come from one article while others are waiting, so one
// long article cannot crowd out the other outlets.
func (ix *Index) dedupe(ranked []scored, k int) []Hit {
	var hits []Hit
	var sets []map[uint32]bool
	perDoc := map[string]int{}
	var deferred []scored
	for _, s := range ranked {
		if perDoc[ix.chunks[s.idx].DocID] >= maxPerDoc {
			deferred = append(deferred, s)
			continue
		}
		if ix.keep(&hits, &sets, s, k) {
			perDoc[ix.chunks[s.idx].DocID]++
		}
	}
	for _, s := range deferred {
		ix.keep(&hits, &sets, s, k)
	}
	return hits
}

// maxPerDoc caps one article's hits while other articles have candidates.
const maxPerDoc = 2

// keep folds s into a near-duplicate hit or appends it when there is room;
// it reports whether s became a hit of its own.
func (ix *Index) keep(hits *[]Hit, sets *[]map[uint32]bool, s scored, k int) bool {
	{
		set := termSet(ix.chunkTerms(s.idx))
		for h := range *sets {
			if jaccard(set, (*sets)[h]) >= duplicateJaccard {
				(*hits)[h].Duplicates = append((*hits)[h].Duplicates, ix.chunks[s.idx])
				return false
			}
		}
		if len(*hits) == k {
			return false // later chunks may still duplicate kept ones
		}
		*hits = append(*hits, Hit{Chunk: ix.chunks[s.idx], Score: float64(s.score)})
		*sets = append(*sets, set)
		return true
	}
}

func termSet(ids []uint32) map[uint32]bool {
	m := make(map[uint32]bool, len(ids))
	for _, t := range ids {
		m[t] = true
	}
	return m
}

func jaccard(a, b map[uint32]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
