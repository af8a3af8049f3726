package retrieval

import "sync/atomic"

// termImpact is a term's BM25 value at each of its postings (the
// exhaustive path's float32 expression, posting by posting, so the same
// bits) and the highest of them, its bound.
type termImpact struct {
	v   []float32
	max float32
	// The term as a concept of its own (merger.single): its values cut
	// into layers (cutLayers), their walk index (walkIndex) and its best
	// per block (blockBestsOf).
	layer  []uint8
	bounds []float32
	counts []int
	walks  [][]uint32
	blocks blockBests
}

// termImpacts returns term id's values and bound, computing them on the
// term's first pruned search: one pass over its postings, off every later
// request's path. They are kept for the index's life, so that a walk
// reads a posting's value beside it instead of the chunk's length
// normalisation, far away in memory, and a division: 4 bytes per posting
// of every term ever searched, and for the layered search a byte more,
// the walk index of its top layers (4 bytes for each of their postings,
// at most an eighth of the term's, per layer) and its best per block of
// chunks holding it (8 bytes). The file is not changed. Concurrent first uses may both compute them; they compute
// the same.
func (x *lexicalIndex) termImpacts(id uint32, plist []posting, idf float32) *termImpact {
	x.impactsOnce.Do(func() { x.impacts = make([]atomic.Pointer[termImpact], x.v.nVocab+int(x.v.vocabBase)) })
	if int(id) < len(x.impacts) {
		if t := x.impacts[id].Load(); t != nil {
			return t
		}
	}
	norms := x.lengthNorms()
	t := &termImpact{v: make([]float32, len(plist))}
	for i, p := range plist {
		tf := float32(p.tf)
		v := idf * tf * (bm25K1 + 1) / (tf + norms[p.chunk])
		t.v[i] = v
		t.max = max(t.max, v)
	}
	t.layer, t.bounds, t.counts = cutLayers(t.v, nil, nil, nil)
	t.walks = walkIndex(t.layer, t.counts)
	t.blocks = blockBestsOf(plist, t.v)
	if int(id) < len(x.impacts) {
		x.impacts[id].Store(t)
	}
	return t
}
