package retrieval

import "math/bits"

// blockChunks is how many consecutive chunks walkBlocks gathers the
// walked terms' postings for at a time: its per-chunk list heads (4 bytes
// a chunk) and occupancy bits stay in the first-level cache.
const blockChunks = 4096

// blockEnt is one walked term's posting in the block being walked: the
// term's cursor, the posting's index in the cursor's postings, and the
// next entry of the same chunk (-1: none).
type blockEnt struct {
	cursor, idx, next int32
}

// walkBlocks is walk with the same chunks looked at, bounded and scored
// in the same order, so the same results and work counts, without
// visiting every walked term at every chunk. walk finds the next chunk by
// the least position of all the walked (not set-aside) terms' cursors,
// then bounds it by checking each of them for a posting there and steps
// each one that has: a pass over every walked cursor per chunk, which for
// a question of dozens of walked terms (a concept with many translations
// kept walking by a rare one) is most of its cost. walkBlocks instead
// takes the walked terms' postings a block of blockChunks chunks at a
// time, lists them per chunk (a linked list per chunk and a bit per
// occupied chunk), and then visits the occupied chunks in order with
// just the terms found there.
//
// Within a block the walked cursors stand past the block's postings
// (their blockEnd), so scoring seeks (conceptScore) find nothing at a
// chunk of the block for a term absent there; a term found at the chunk
// being bounded stands at its posting until the chunk is done. A term set
// aside mid-block goes back to where it stood when the block began
// (blockStart), from where later seeks move forward as they do in walk;
// its postings still listed in the block are ignored, as walk ignores a
// set-aside term's, so a chunk only they hold is not looked at.
func (p *plan) walkBlocks(top *topK, theta *float64) {
	up := 1 + p.slack
	size := p.blockSize
	if size <= 0 {
		size = blockChunks
	}
	size = (size + 63) &^ 63
	if len(p.head) != size {
		p.head = make([]int32, size)
		for i := range p.head {
			p.head[i] = -1
		}
		p.bits = make([]uint64, size/64)
	}
	for {
		if p.shared != nil {
			*theta = max(*theta, p.shared.load())
		}
		if *theta > p.retry {
			p.retry = p.growSetAside(*theta, up)
		}
		d0 := uint32(end)
		for _, c := range p.active {
			d0 = min(d0, p.cursors[c].doc())
		}
		if d0 == end {
			return
		}
		hi := uint32(min(uint64(d0)+uint64(size), end))
		p.gather(d0, hi)
		for wi, word := range p.bits {
			if word == 0 {
				continue
			}
			p.bits[wi] = 0
			for ; word != 0; word &= word - 1 {
				off := uint32(wi*64 + bits.TrailingZeros64(word))
				p.visit(d0+off, off, top, theta, up)
			}
		}
		// Every term still walked stands past the block (its blockEnd).
	}
}

// gather lists, per chunk of [d0, hi), the postings of the walked terms
// there, leaving each walked cursor past them.
func (p *plan) gather(d0, hi uint32) {
	p.ents = p.ents[:0]
	p.blockCur = append(p.blockCur[:0], p.active...)
	for _, c := range p.active {
		cur := &p.cursors[c]
		cur.blockStart = cur.i
		i, ps := cur.i, cur.p
		for ; i < len(ps) && ps[i].chunk < hi; i++ {
			off := ps[i].chunk - d0
			p.ents = append(p.ents, blockEnt{cursor: c, idx: int32(i), next: p.head[off]})
			p.head[off] = int32(len(p.ents) - 1)
			p.bits[off>>6] |= 1 << (off & 63)
		}
		cur.i, cur.blockEnd = i, i
	}
}

// visit looks at chunk d, the off-th of the block, as walk does: with the
// terms still walked that have a posting there, first bounded without a
// search, then scored if it may reach theta.
func (p *plan) visit(d, off uint32, top *topK, theta *float64, up float64) {
	if p.shared != nil {
		*theta = max(*theta, p.shared.load())
	}
	if *theta > p.retry {
		p.retry = p.growSetAside(*theta, up)
		p.rewindSetAside()
	}
	p.present = p.present[:0]
	for e := p.head[off]; e >= 0; e = p.ents[e].next {
		ent := &p.ents[e]
		if cur := &p.cursors[ent.cursor]; !cur.aside {
			cur.i = int(ent.idx)
			p.present = append(p.present, ent.cursor)
		}
	}
	p.head[off] = -1
	if len(p.present) == 0 {
		return // only terms set aside since the block began: walk skips it too
	}
	p.stats.candidates++
	if bound := p.boundPresent(d, p.present); bound*up >= *theta && p.score(d, *theta, up) {
		p.stats.full++
		p.keep(d, top, theta)
	}
	for _, c := range p.present {
		cur := &p.cursors[c]
		cur.i = cur.blockEnd
	}
}

// rewindSetAside moves each cursor set aside since the block began back
// to where it stood then, so that seeks can find its postings in the
// block.
func (p *plan) rewindSetAside() {
	kept := p.blockCur[:0]
	for _, c := range p.blockCur {
		if cur := &p.cursors[c]; cur.aside {
			cur.i = cur.blockStart
		} else {
			kept = append(kept, c)
		}
	}
	p.blockCur = kept
}

// run walks the cursors' window with walkBlocks, or with walk when asked
// to (tests and benchmarks, and the legacy walk).
func (p *plan) run(top *topK, theta *float64) {
	if p.chunkWalk {
		p.walk(top, theta)
		return
	}
	p.walkBlocks(top, theta)
}
