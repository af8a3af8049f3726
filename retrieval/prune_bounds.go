package retrieval

import (
	"math"
	"sync/atomic"
)

// blockSize is how many postings share one block bound (unless a test
// sets lexicalIndex.blockSize).
const blockSize = 128

// blockMax bounds one block of a term's postings: its last chunk and the
// highest value any of its postings gets.
type blockMax struct {
	last uint32
	max  float32
}

// termBoundsOf returns the highest BM25 value any posting of term id gets
// (the exhaustive path's float32 expression, posting by posting) and, per
// block of blockSize postings, the same over the block, computing them on
// the term's first pruned search: one pass over its postings, off every
// later request's path. The global bound then takes 4 bytes per
// vocabulary term (allocated for the whole vocabulary on the first use),
// the block bounds 8 bytes per block of the terms searched, for the
// index's life. The file is not changed. Concurrent first uses may both
// compute them; they compute the same.
func (x *lexicalIndex) termBoundsOf(id uint32, plist []posting, idf float32) (float32, []blockMax) {
	x.boundsOnce.Do(func() { x.termBounds = make([]atomic.Uint32, x.v.nVocab) })
	known := int(id) < len(x.termBounds)
	if known {
		if b := x.termBounds[id].Load(); b != 0 {
			if blocks, ok := x.blockBounds.Load(id); ok {
				return math.Float32frombits(b), blocks.([]blockMax)
			}
		}
	}
	norms := x.lengthNorms()
	size := blockSize
	if x.blockSize > 0 {
		size = x.blockSize
	}
	m := float32(0)
	blocks := make([]blockMax, 0, (len(plist)+size-1)/size)
	for lo := 0; lo < len(plist); lo += size {
		bm := float32(0)
		for _, p := range plist[lo:min(lo+size, len(plist))] {
			tf := float32(p.tf)
			if v := idf * tf * (bm25K1 + 1) / (tf + norms[p.chunk]); v > bm {
				bm = v
			}
		}
		blocks = append(blocks, blockMax{last: plist[min(lo+size, len(plist))-1].chunk, max: bm})
		m = max(m, bm)
	}
	if known {
		x.blockBounds.Store(id, blocks)
		x.termBounds[id].Store(math.Float32bits(m))
	}
	return m, blocks
}
