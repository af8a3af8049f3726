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
		whole := v.analysePassage(p.Text, p.Context, p.Outlet)
		wv := v.check(c, whole, true)
		sents := p.Sentences
		if len(sents) == 0 {
			sents = []Span{{0, len(p.Text)}}
		}
		bestS, bestV := -1, verdict{}
		for i, s := range sents {
			if s.Start < 0 || s.End > len(p.Text) || s.Start >= s.End {
				continue
			}
			sp := v.analysePassage(p.Text[s.Start:s.End], p.Text+"\n"+p.Context, p.Outlet)
			sv := v.check(c, sp, true)
			if bestS < 0 || sv.supports && !bestV.supports || sv.supports == bestV.supports && sv.score > bestV.score {
				bestS, bestV = i, sv
			}
		}
		ev := Evidence{DocID: p.DocID, Title: p.Title}
		quote := func(s Span, score float64) Evidence {
			e := ev
			e.Quote = p.Text[s.Start:s.End]
			e.Start, e.End = p.Start+s.Start, p.Start+s.End
			e.Score = round3(score)
			return e
		}
		switch {
		case bestS >= 0 && bestV.supports:
			e := quote(sents[bestS], bestV.score)
			e.Supports = true
			add(ranked{e, 0})
		case wv.supports:
			e := quote(Span{0, len(p.Text)}, wv.score)
			e.Supports = true
			add(ranked{e, 0})
		default:
			if conflict, at := v.conflict(c, whole, wv); conflict != "" {
				e := quote(sentenceAt(sents, at, len(p.Text)), wv.score)
				e.Conflict = conflict
				add(ranked{e, 1})
			} else if bestS >= 0 && bestV.score >= minRelated {
				add(ranked{quote(sents[bestS], bestV.score), 2})
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		return all[i].ev.Score > all[j].ev.Score
	})
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
