package retrieval

import "math"

// end is past every chunk: an exhausted cursor's position.
const end = math.MaxUint32

// cursor walks one term's postings in chunk order.
type cursor struct {
	p   []posting
	i   int
	idf float32
	max float32 // the term's best value over its postings
	// blocks bound its postings by blocks of blockSize; bi is the first
	// whose last chunk is at or after the walk's window.
	blocks []blockMax
	bi     int
	aside  bool    // set aside: looked up, never proposing chunks
	wAside bool    // set aside in the walk's current window only
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
// path's expression, operation for operation.
func (c *cursor) value(norms []float32) float32 {
	p := c.p[c.i]
	tf := float32(p.tf)
	return c.idf * tf * (bm25K1 + 1) / (tf + norms[p.chunk])
}

// blockAt returns the bound of the term's postings from chunk d on up to
// its block's last chunk, or ok false when it has none at or after d. d
// must not decrease between calls (the walk's windows).
func (c *cursor) blockAt(d uint32) (b blockMax, ok bool) {
	for c.bi < len(c.blocks) && c.blocks[c.bi].last < d {
		c.bi++
	}
	if c.bi == len(c.blocks) {
		return blockMax{}, false
	}
	return c.blocks[c.bi], true
}

// blockUpTo returns the best bound of the term's blocks holding postings
// from chunk d to chunk upTo, or -1 when it has none at or after d. d
// must not decrease between calls.
func (c *cursor) blockUpTo(d, upTo uint32) float32 {
	b, ok := c.blockAt(d)
	if !ok {
		return -1
	}
	m := b.max
	for j := c.bi + 1; b.last < upTo && j < len(c.blocks); j++ {
		b = c.blocks[j]
		m = max(m, b.max)
	}
	return m
}
