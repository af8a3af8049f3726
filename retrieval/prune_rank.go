package retrieval

import "math/bits"

// rankIndex finds a chunk's place in a long chunk-ordered list in
// constant time: a bit per chunk of the index, set for the list's chunks,
// beside the count of the bits set in the words before. A layered
// search's lookups (of "say" and its translations, in three chunks of
// four, at each chunk holding a person's name) then read a word and a
// value instead of galloping through the list, two or three cache misses
// each on a long one.
type rankIndex []rankWord

type rankWord struct {
	bits   uint64
	before uint32 // the list's chunks in the words before
	_      uint32 // a word to a half cache line of its own
}

// rankMinShare sets the lists given a rank index: those holding at least
// one chunk in rankMinShare. Its 16 bytes per 64 chunks of the index are
// then at most about half the list's own 13 bytes per chunk (a posting,
// a value, a layer).
const rankMinShare = 32

// rankOf returns the rank index of a chunk-ordered list over n chunks, or
// nil when the list is too short to be worth one. Every chunk of the list
// must lie below n.
func rankOf(chunks []posting, n int) rankIndex {
	if len(chunks) == 0 || len(chunks)*rankMinShare < n {
		return nil
	}
	r := make(rankIndex, (n+63)/64)
	for _, p := range chunks {
		r[p.chunk>>6].bits |= 1 << (p.chunk & 63)
	}
	c := uint32(0)
	for w := range r {
		r[w].before = c
		c += uint32(bits.OnesCount64(r[w].bits))
	}
	return r
}

// at returns chunk d's position in the list, or -1 when it is not there.
func (r rankIndex) at(d uint32) int {
	w := int(d >> 6)
	if w >= len(r) {
		return -1
	}
	b, bit := r[w].bits, uint64(1)<<(d&63)
	if b&bit == 0 {
		return -1
	}
	return int(r[w].before) + bits.OnesCount64(b&(bit-1))
}

// size is what the index counts against the concept cache's budget, in
// entries of about 16 bytes.
func (r rankIndex) size() int { return len(r) }
