package cite

import "github.com/kabar-bot/kabar/lexicon"

// Fusion: two sentences of different passages that tell of the same event
// (they share two of the claim's names, a person's among them) may
// support together a one-clause claim that takes one detail from each:
// "On Thursday, Lavrov met Rubio in Kuala Lumpur" from "Lavrov pada hari
// Kamis telah bertemu dengan … Rubio di Malaysia" and "Lavrov berada di
// Kuala Lumpur, di mana ia bertemu dengan … Rubio". Co-referent
// descriptions of one event add up; descriptions of different events do
// not, so the shared names are required — two of them, neither a country
// nor its capital, which too many sentences share — and neither sentence
// may give another figure, date or time than the claim.

// minShared is how many of the claim's names, other than countries and
// capitals, both sentences must hold.
const minShared = 2

// fusedSentence is the best sentence of one passage for a claim.
type fusedSentence struct {
	text, context, outlet string
	vd                    verdict
}

// bestSentence is the sentence of p that best matches c, with its text.
func (v *Verifier) bestSentence(c claim, text, context, outlet string) (fusedSentence, bool) {
	p := v.analysePassage(text, context, outlet)
	vd := v.check(c, p, true)
	if vd.span.Start < 0 || vd.span.End > len(text) || vd.span.Start >= vd.span.End || vd.score < minRelated {
		return fusedSentence{}, false
	}
	if vd.contradiction != "" && hardConflict[vd.conflictRule] {
		return fusedSentence{}, false
	}
	return fusedSentence{text: text[vd.span.Start:vd.span.End], context: context, outlet: outlet, vd: vd}, true
}

// fuses reports whether sentences a and b, read as one, support c, and
// tell of one event: they share minShared of its names other than
// countries, neither alone supports it, and each lacks a fact the other
// gives.
func (v *Verifier) fuses(c claim, a, b fusedSentence) bool {
	// Each must lack a name, number or date the other gives: fusion adds
	// facts up, it does not pool two sentences' wording.
	if a.vd.supports || b.vd.supports || len(a.vd.missing) == 0 || len(b.vd.missing) == 0 || !v.shareNames(c, a.text, b.text) {
		return false
	}
	// A sentence dated otherwise than the claim ("pada hari Senin" beside
	// a claim's "in November") tells of another occasion.
	if v.otherDate(c, a.text) || v.otherDate(c, b.text) {
		return false
	}
	p := v.analysePassage(a.text+" "+b.text, a.context+"\n"+b.context, a.outlet+"\n"+b.outlet)
	p.sents = [][2]int{{0, len(p.toks)}}
	return v.check(c, p, true).supports
}

// shareNames reports whether both texts name at least minShared of the
// claim's names that are not countries or their capitals.
func (v *Verifier) shareNames(c claim, a, b string) bool {
	ta, tb := v.tokens(a), v.tokens(b)
	shared := 0
	for _, k := range c.concepts {
		if k.kind == kindEntity && !v.countryConcept(k) && nameIn(k, ta) && nameIn(k, tb) {
			shared++
		}
	}
	return shared >= minShared
}

// maxFused bounds how many passages are tried in pairs for fusion.
const maxFused = 8

// fusedEvidence is, for a claim no passage supports alone, the two
// sentences of different passages that fuse to support it, quoted; nil
// when none do.
func (v *Verifier) fusedEvidence(c claim, passages []Passage) []Evidence {
	type cand struct {
		i  int
		fs fusedSentence
	}
	var cands []cand
	for i, p := range passages {
		if p.Start < 0 || len(cands) == maxFused {
			continue
		}
		if fs, ok := v.bestSentence(c, p.Text, p.Context, p.Outlet); ok {
			cands = append(cands, cand{i, fs})
		}
	}
	for x := range cands {
		for y := x + 1; y < len(cands); y++ {
			a, b := cands[x], cands[y]
			if !v.fuses(c, a.fs, b.fs) {
				continue
			}
			var out []Evidence
			for _, cd := range []cand{a, b} {
				p := passages[cd.i]
				sp := sentenceSpan(p, cd.fs.vd.span)
				if sp.Start < 0 || sp.End > len(p.Text) || sp.Start >= sp.End {
					sp = Span{0, len(p.Text)}
				}
				out = append(out, Evidence{DocID: p.DocID, Title: p.Title, Quote: p.Text[sp.Start:sp.End], Start: p.Start + sp.Start, End: p.Start + sp.End,
					Score: round3(cd.fs.vd.score), Supports: true, Stance: StanceSupports})
			}
			return out
		}
	}
	return nil
}

// otherDate reports a month or weekday in text that the claim does not
// name.
func (v *Verifier) otherDate(c claim, text string) bool {
	for _, t := range v.tokens(text) {
		if !t.Upper || !lexicon.IsCalendarWord(t.Norm) {
			continue
		}
		named := false
		for _, k := range c.concepts {
			if k.kind != kindDate {
				continue
			}
			for _, a := range k.Alts {
				for _, w := range a {
					for _, f := range w {
						named = named || f == t.Norm || lexicon.MonthNumber(f) != 0 && lexicon.MonthNumber(f) == lexicon.MonthNumber(t.Norm)
					}
				}
			}
		}
		if !named {
			return true
		}
	}
	return false
}
