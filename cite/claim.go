package cite

import (
	"sort"
	"strings"
)

// Span is a half-open byte range.
type Span struct {
	Start int
	End   int
}

// Passage is a located piece of an article a free-standing claim is
// checked against.
type Passage struct {
	DocID  string
	Title  string
	Outlet string
	Text   string // verbatim article text
	Start  int    // byte offset of Text in the document
	// Sentences are the sentences of Text, relative to Text; quotes are
	// cut along them. Empty means Text is one sentence.
	Sentences []Span
	// Context is text around Text whose names count for it, such as the
	// paragraph; a name found only there counts at reduced credit. Leave
	// out the title: a name in it would vouch for every passage.
	Context string
}

// minRelated is the support score a passage needs to be shown as related
// evidence when it neither supports nor contradicts.
const minRelated = 0.4

// maxEvidence bounds the evidence of a claim.
const maxEvidence = 6

// CheckClaim checks a claim against passages of the coverage. It is
// supported when a passage holds all its numbers, names and dates and
// enough of its words; contradicted when none does but a passage holding
// its names and most of its words gives a different figure for the same
// thing; not in the coverage otherwise. Evidence quotes the smallest
// verbatim span that makes the case: one sentence when it suffices.
func (v *Verifier) CheckClaim(claimText string, passages []Passage) ClaimResult {
	c := v.analyseClaim(StripMarkers(claimText))
	res := ClaimResult{Claim: claimText, Status: ClaimNotInCoverage, Evidence: []Evidence{}}
	type ranked struct {
		ev   Evidence
		rank int // 0 supports, 1 conflicts, 2 related
	}
	var all []ranked
	seen := map[[3]any]bool{}
	add := func(r ranked) {
		key := [3]any{r.ev.DocID, r.ev.Start, r.ev.End}
		if seen[key] {
			return
		}
		seen[key] = true
		all = append(all, r)
	}
	for _, p := range passages {
		if p.Start < 0 {
			continue
		}
		pa := v.analysePassage(p.Text, p.Context, p.Outlet)
		if len(p.Sentences) > 0 {
			pa.sents = tokenRanges(pa.toks, p.Sentences, len(p.Text))
		}
		vd := v.check(c, pa, true)
		ev := Evidence{DocID: p.DocID, Title: p.Title}
		quote := func(s Span, score float64) Evidence {
			if s.Start < 0 || s.End > len(p.Text) || s.Start >= s.End {
				s = Span{0, len(p.Text)}
			}
			e := ev
			e.Quote = p.Text[s.Start:s.End]
			e.Start, e.End = p.Start+s.Start, p.Start+s.End
			e.Score = round3(score)
			return e
		}
		span := sentenceSpan(p, vd.span)
		switch {
		case vd.supports:
			e := quote(span, vd.score)
			e.Supports, e.Stance = true, StanceSupports
			add(ranked{e, 0})
		case vd.contradiction != "":
			e := quote(sentenceSpan(p, Span{vd.conflictAt, vd.conflictAt + 1}), vd.score)
			e.Conflict, e.Stance = vd.contradiction, StanceContradicts
			e.rule = vd.conflictRule
			add(ranked{e, 1})
		case vd.score >= minRelated && span.Start >= 0:
			e := quote(span, vd.score)
			e.Stance = StanceRelated
			add(ranked{e, 2})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		return all[i].ev.Score > all[j].ev.Score
	})
	// Beside a passage that states the claim, only a different figure,
	// date or time is a contradiction (another outlet's version); a
	// different place or role there is most often the same event told
	// differently ("in Wonsan", "in North Korea").
	if len(all) > 0 && all[0].rank == 0 {
		for i := range all {
			if all[i].rank == 1 && !hardConflict[all[i].ev.rule] {
				all[i].rank, all[i].ev.Stance, all[i].ev.Conflict = 2, StanceRelated, ""
			}
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].rank < all[j].rank })
	}
	for i, r := range all {
		if i == maxEvidence {
			break
		}
		res.Evidence = append(res.Evidence, r.ev)
	}
	switch {
	case len(all) > 0 && all[0].rank == 0:
		res.Status = ClaimSupported
	case len(all) > 0 && all[0].rank == 1:
		res.Status = ClaimContradicted
	}
	if strings.TrimSpace(claimText) == "" || !c.facts() {
		res.Status = ClaimNotInCoverage
	}
	return res
}

// hardConflict are the rules whose contradictions stand beside support.
var hardConflict = map[string]bool{"number-conflict": true, "date-conflict": true, "time": true, "ordinal": true, "qualifier": true}

// Evidence stances.
const (
	StanceSupports    = "supports"
	StanceContradicts = "contradicts"
	StanceRelated     = "related"
)

// tokenRanges turns byte spans of sentences into token ranges.
func tokenRanges(toks []token, spans []Span, n int) [][2]int {
	var out [][2]int
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		from, to := -1, -1
		for i, t := range toks {
			if t.Start >= s.Start && t.End <= s.End {
				if from < 0 {
					from = i
				}
				to = i + 1
			}
		}
		if from >= 0 {
			out = append(out, [2]int{from, to})
		}
	}
	return out
}

// sentenceSpan widens a span to the passage sentences it touches, so a
// quote is whole sentences, verbatim.
func sentenceSpan(p Passage, s Span) Span {
	if s.Start < 0 {
		return Span{-1, -1}
	}
	if len(p.Sentences) == 0 {
		return s
	}
	out := Span{-1, -1}
	for _, ps := range p.Sentences {
		if ps.End > s.Start && ps.Start < max(s.End, s.Start+1) {
			if out.Start < 0 {
				out.Start = ps.Start
			}
			out.End = ps.End
		}
	}
	if out.Start < 0 {
		return s
	}
	return out
}

// sentenceAt returns the sentence holding byte offset at, or the whole
// text.
func sentenceAt(sents []Span, at, n int) Span {
	for _, s := range sents {
		if s.Start <= at && at < s.End {
			return s
		}
	}
	return Span{0, n}
}
