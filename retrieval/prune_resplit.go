package retrieval

// The set-aside terms are chosen afresh once theta has grown by
// resplitGrowth and the walk has looked at resplitEvery chunks since they
// last were: each choice costs a bound per term (about 10 µs for a
// question of 40 terms), so it is made a few times a search, not at every
// rise of theta (which, from a low start, rises by 2 % hundreds of times).
const (
	resplitGrowth = 1.02
	resplitEvery  = 2048
)

// resplit chooses the set-aside terms afresh for theta, most frequent
// first from none, and keeps that choice when its walked terms hold fewer
// postings than those of the set as it stands.
//
// growSetAside only ever adds to the set, and the order terms join it in
// depends on when theta let each one in: a term that costs nothing alone
// (the second word of a two-word name, whose phrase also needs the
// first) joins while theta is low, and then forbids setting aside the
// first word, common (a first name), which joining would have cost only
// the name's one-word alternative. Chosen afresh at the higher theta, the
// common word is set aside first and the rare one stays walked, so the
// walk looks only at the chunks holding the rare one or another walked
// term.
//
// A term taken back from the set-aside ones is moved to the first chunk
// the walk has not looked at (p.next): a set-aside cursor is only ever
// sought to chunks already looked at, so it stands at or before it.
func (p *plan) resplit(theta, up float64) {
	p.resplitAt = 0
	if theta > 0 {
		p.resplitAt = theta * resplitGrowth
	}
	if theta <= 0 {
		return
	}
	p.resplitAfter = p.stats.candidates + resplitEvery
	p.wasAside = p.wasAside[:0]
	walked := 0
	for c := range p.cursors {
		cur := &p.cursors[c]
		p.wasAside = append(p.wasAside, cur.aside)
		if !cur.aside {
			walked += len(cur.p)
		}
		cur.aside = false
	}
	setAside, retry := p.setAside, p.retry
	p.setAside = 0
	fresh := p.growSetAside(theta, up)
	walkedFresh := 0
	for _, c := range p.active {
		walkedFresh += len(p.cursors[c].p)
	}
	if walkedFresh >= walked {
		for c := range p.cursors {
			p.cursors[c].aside = p.wasAside[c]
		}
		p.setAside, p.retry = setAside, retry
		p.asideBound() // the set as it stood
		return
	}
	p.retry = fresh
	for c := range p.cursors {
		if cur := &p.cursors[c]; p.wasAside[c] && !cur.aside {
			cur.seek(p.next)
		}
	}
}
