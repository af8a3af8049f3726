package retrieval

// window bounds the chunks from d (the walk's next candidate) up to upTo,
// the first last chunk of a block any term's bound at d covers: within
// it each term's postings lie in one block, so its block bound bounds
// it. It returns upTo and what any chunk there can score at most, every
// term counted by its block bound (all), and, when that does not already
// rule the window out (all·up < theta), leaves in p.wordAside and p.sb
// the set-aside terms' share by their block bounds, tighter than their
// global bounds, for cheapBound.
func (p *plan) window(d uint32, theta, up float64) (upTo uint32, all float64) {
	upTo = end - 1
	p.cval = append(p.cval[:0], make([]float32, len(p.cursors))...)
	for c := range p.cursors {
		b, ok := p.cursors[c].blockAt(d)
		if !ok {
			p.cval[c] = -1 // no posting left at or after d
			continue
		}
		p.cval[c] = b.max
		upTo = min(upTo, b.last)
	}
	p.wordAll = append(p.wordAll[:0], make([]float32, len(p.wordSets))...)
	p.sbAll = append(p.sbAll[:0], make([]float64, len(p.concepts))...)
	all = p.boundFrom(p.cval, p.wordAll, p.sbAll)
	if all*up < theta {
		return upTo, all
	}
	for c := range p.cursors {
		if !p.cursors[c].aside {
			p.cval[c] = -1
		}
	}
	p.boundFrom(p.cval, p.wordAside, p.sb)
	return upTo, all
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
