package retrieval

import "sync/atomic"

// termImpact is a term's BM25 value at each of its postings (the
// exhaustive path's float32 expression, posting by posting, so the same
// bits) and the highest of them, its bound.
type termImpact struct {
	v   []float32
	max float32
	// list is the term as a concept of its own (merger.single): its
	// postings and values, cut into layers (cutLayers), their walk index
	// (walkIndex), its best per block (blockBestsOf) and, for a long one,
	// its rank index; built on the first search that needs it (asList),
	// not with the values: a term searched only inside a name's concept
	// (merger.merge) needs just its values.
	list atomic.Pointer[conceptList]
}

// termImpacts returns term id's values and bound, computing them on the
// term's first pruned search: one pass over its postings, off every later
// request's path. They are kept for the index's life, so that a walk
// reads a posting's value beside it instead of the chunk's length
// normalisation, far away in memory, and a division: 4 bytes per posting
// of every term ever searched, and for the layered search, once the term
// is searched as a concept of its own, a byte more, the walk index of its
// top layers (4 bytes for each of their postings, at most an eighth of
// the term's, per layer), its best per block of chunks holding it (12
// bytes) and, in a term held by one chunk in rankMinShare or more, its
// rank index (16 bytes per 64 chunks of the index). The file is not
// changed. Concurrent first uses may both compute them; they compute the
// same.
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
	if x.layeredBase {
		t.asList(x, plist) // as before: with the values
	}
	if int(id) < len(x.impacts) {
		x.impacts[id].Store(t)
	}
	return t
}

// asList returns the term as a concept list of its own, building it on
// first use (concurrent first uses may both build it; they build the
// same). plist is the term's postings.
func (t *termImpact) asList(x *lexicalIndex, plist []posting) *conceptList {
	if l := t.list.Load(); l != nil {
		return l
	}
	l := &conceptList{chunks: plist, vals: t.v}
	l.layer, l.bounds, l.counts = cutLayers(t.v, nil, nil, nil)
	l.walks = walkIndex(l.layer, l.counts)
	l.blocks = blockBestsOf(plist, t.v)
	if !x.layeredBase {
		l.rank = rankOf(plist, x.n)
		l.byBlock = l.blocks.dense(l.rank, x.n)
	}
	t.list.Store(l)
	return l
}
