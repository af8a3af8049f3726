package retrieval

import "math"

// end is past every chunk: an exhausted cursor's position.
const end = math.MaxUint32

// cursor walks one term's postings in chunk order.
type cursor struct {
	all    []posting // the term's postings
	allImp []float32 // their values (termImpacts)
	p      []posting // those of the window walked (plan.window)
	imp    []float32 // their values; nil: computed from norms
	norms  []float32 // the chunks' length normalisations
	i      int
	idf    float32
	max    float32 // the term's best value over its postings
	aside  bool    // set aside: looked up, never proposing chunks
	occs   []occ   // the alternatives the term is a candidate in, once each
	v      float32 // its value at the chunk being bounded
}

// occ is an alternative a term is a candidate in.
type occ struct{ alt int32 }

func (c *cursor) doc() uint32 {
	if c.i < len(c.p) {
		return c.p[c.i].chunk
	}
	return end
}

// seek moves to the first posting at or after chunk d, galloping from
// where the cursor is.
func (c *cursor) seek(d uint32) {
	p, i := c.p, c.i
	if i >= len(p) || p[i].chunk >= d {
		return
	}
	lo, step := i, 1 // p[lo].chunk < d
	for lo+step < len(p) && p[lo+step].chunk < d {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(p)) // p[hi].chunk >= d, or hi == len(p)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if p[mid].chunk < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	c.i = hi
}

// value is the term's BM25 value at the cursor's posting: the exhaustive
// path's expression, operation for operation, computed beforehand
// (termImpacts).
func (c *cursor) value() float32 {
	if c.imp != nil {
		return c.imp[c.i]
	}
	p := c.p[c.i] // lexicalIndex.legacyWalk: as it was computed before
	tf := float32(p.tf)
	return c.idf * tf * (bm25K1 + 1) / (tf + c.norms[p.chunk])
}
