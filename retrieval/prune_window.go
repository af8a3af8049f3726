package retrieval

// window starts a window of the walk at chunk d0 (the next chunk a term
// not set aside has): the chunks up to upTo, the first last chunk of the
// block of any such term at d0, so that each of those terms' postings
// there lie in one block. Every term is bounded there by its blocks'
// bounds. It reports skip when no chunk of the window can reach theta
// even so; otherwise it sets aside for the window, most frequent first,
// the terms not set aside whose window bounds keep what the set-aside
// terms could give a chunk below theta, lists the others in p.essential
// and leaves the set-aside share in p.wordAside and p.sb, for
// cheapBound. endWindow undoes it.
func (p *plan) window(d0 uint32, theta, up float64) (upTo uint32, skip bool) {
	upTo = end - 1
	for _, c := range p.active {
		if b, ok := p.cursors[c].blockAt(d0); ok {
			upTo = min(upTo, b.last)
		}
	}
	p.cval = append(p.cval[:0], make([]float32, len(p.cursors))...)
	for c := range p.cursors {
		p.cval[c] = p.cursors[c].blockUpTo(d0, upTo)
	}
	p.wordAll = append(p.wordAll[:0], make([]float32, len(p.wordSets))...)
	p.sbAll = append(p.sbAll[:0], make([]float64, len(p.concepts))...)
	if all := p.boundFrom(p.cval, p.wordAll, p.sbAll); all*up < theta {
		return upTo, true
	}
	// p.wval: the window bounds of the terms set aside in it, -1 for the
	// others.
	p.wval = append(p.wval[:0], p.cval...)
	for _, c := range p.active {
		p.wval[c] = -1
	}
	for _, c := range p.byDF {
		cur := &p.cursors[c]
		if cur.aside {
			continue
		}
		p.wval[c] = p.cval[c]
		if b := p.boundFrom(p.wval, p.wordAll, p.sbAll); b*up < theta {
			cur.wAside = true
		} else {
			p.wval[c] = -1
		}
	}
	p.boundFrom(p.wval, p.wordAside, p.sb)
	p.essential = p.essential[:0]
	for _, c := range p.active {
		if !p.cursors[c].wAside {
			p.essential = append(p.essential, c)
		}
	}
	return upTo, false
}

// endWindow ends the walk's window: the terms set aside in it move on to
// chunk from (every chunk before it dealt with) and propose chunks again,
// and the set-aside share is the global one again.
func (p *plan) endWindow(from uint32) {
	for _, c := range p.active {
		if cur := &p.cursors[c]; cur.wAside {
			cur.seek(from)
			cur.wAside = false
		}
	}
	p.asideBound()
}

// boundFrom bounds a chunk's score when each cursor c's term gives it at
// most vals[c] (-1: nothing, not even a match): per word its best
// candidate's value in word (-1 for none), per concept its best weighed
// alternative all of whose words have one in sb, and their sum, which it
// returns. word and sb must be as long as p.wordSets and p.concepts.
func (p *plan) boundFrom(vals []float32, word []float32, sb []float64) float64 {
	for i, w := range p.wordSets {
		m := float32(-1)
		for _, c := range w {
			m = max(m, vals[c])
		}
		word[i] = m
	}
	clear(sb)
	for ai := range p.alts {
		a := &p.alts[ai]
		sum := 0.0
		for wi := range a.words {
			m := word[a.wlo+wi]
			if m < 0 {
				sum = 0 // a word with no candidate: the phrase cannot match
				break
			}
			sum += float64(m)
		}
		ci := a.concept
		sb[ci] = max(sb[ci], float64(p.concepts[ci].weight)*float64(a.aw)*sum)
	}
	total := 0.0
	for _, v := range sb {
		total += v
	}
	return total
}
