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
	// Before is the text of the passage's paragraph before Text, as on
	// Source.
	Before string
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
	analysed := make([]passage, len(passages))
	add := func(r ranked) {
		key := [3]any{r.ev.DocID, r.ev.Start, r.ev.End}
		if seen[key] {
			return
		}
		seen[key] = true
		all = append(all, r)
	}
	for i, p := range passages {
		if p.Start < 0 {
			continue
		}
		pa := v.withBefore(v.analysePassage(p.Text, p.Context, p.Outlet), p.Before)
		if len(p.Sentences) > 0 {
			pa.sents = tokenRanges(pa.toks, p.Sentences, len(p.Text))
		}
		analysed[i] = pa
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
		case vd.contradiction != "" && !notContradiction[vd.conflictRule]:
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
	// A claim that joins two things the coverage states in different
	// passages ("X met Y on Thursday, before travelling to Z") is
	// supported by them together: each of its pieces by one passage.
	supported := false
	for _, r := range all {
		supported = supported || r.rank == 0
	}
	if !supported {
		combined := v.combinedEvidence(c, passages, analysed)
		if len(combined) == 0 {
			combined = v.fusedEvidence(c, passages)
		}
		for _, e := range combined {
			key := [3]any{e.DocID, e.Start, e.End}
			for i := range all {
				if [3]any{all[i].ev.DocID, all[i].ev.Start, all[i].ev.End} == key {
					all[i].rank = 3 // the same quote, now supporting
				}
			}
			seen[key] = false
			add(ranked{e, 0})
		}
		kept := all[:0]
		for _, r := range all {
			if r.rank != 3 {
				kept = append(kept, r)
			}
		}
		all = kept
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		// Contradictions in the rules' order: a figure or a place told
		// otherwise before another actor.
		if pi, pj := rulePriority(all[i].ev.rule), rulePriority(all[j].ev.rule); all[i].rank == 1 && pi != pj {
			return pi < pj
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

// pieces are the parts of a claim a combination of passages may support
// one by one: cut at its commas and connectors, each factual one, a part
// without facts joined to the one before.
func (v *Verifier) pieces(text string) []claim { return v.piecesOf(splitFine(text)) }

// piecesOf analyses the parts of a claim as pieces, a part without facts
// joined to the one before.
func (v *Verifier) piecesOf(parts []string) []claim {
	var pieces []claim
	for _, piece := range parts {
		pc := v.analyseClause(piece)
		if pc.facts() {
			pieces = append(pieces, pc)
		} else if n := len(pieces); n > 0 {
			pieces[n-1] = v.analyseClause(pieces[n-1].text + piece)
		}
	}
	return pieces
}

// shortPiece is how many concepts a piece may have at most to be
// judged whole: a fragment that short ("yang dihadiri Duta Besar Rusia")
// has no words to spare.
const shortPiece = 3

// pieceWhole reports whether a sentence chosen for a short piece of a
// combined claim states all of it: the paraphrase allowance of a clause
// (a word in three may go unmatched) would let a fragment be "stated"
// by a sentence holding only its one name.
func pieceWhole(pc claim, vd verdict) bool {
	return len(pc.concepts) > shortPiece || vd.score >= 0.999
}

// antecedentIn reports whether the sentence at span of text, chosen for
// piece k, holds what the piece refers back to. A piece that names no one
// speaks of names given before it: one opening with "where" ("where the
// two signed a new treaty", "di mana", "tempat") of the place named
// before, any other ("and promised them medals", "was a three-day
// trip") of the claim's subject. A sentence without that name tells of
// another event.
func (v *Verifier) antecedentIn(pieces []claim, k int, text string, span Span) bool {
	for _, c := range pieces[k].concepts {
		if c.kind == kindEntity {
			return true // it names its own
		}
	}
	if k == 0 || span.Start < 0 || span.End > len(text) || span.Start >= span.End {
		return true
	}
	toks := v.tokens(text[span.Start:span.End])
	var want []concept
	if pt := pieces[k].toks; len(pt) > 0 && (pt[0].Norm == "where" || pt[0].Norm == "tempat" || pt[0].Norm == "di" && len(pt) > 1 && pt[1].Norm == "mana") {
		for j := k - 1; j >= 0 && len(want) == 0; j-- {
			for m, c := range pieces[j].concepts {
				if c.kind == kindEntity && m < len(pieces[j].roles) && pieces[j].roles[m] == rolePlace {
					want = append(want, c)
				}
			}
		}
	} else {
		want = subjectOf(pieces[0])
	}
	if len(want) == 0 {
		return true
	}
	for _, c := range want {
		if nameIn(c, toks) {
			return true
		}
	}
	return false
}

// subjectOf is the name that acts in a claim: its subject, else its first
// name.
func subjectOf(c claim) []concept {
	var first []concept
	for m, k := range c.concepts {
		if k.kind != kindEntity {
			continue
		}
		if m < len(c.roles) && c.roles[m] == roleSubject {
			return []concept{k}
		}
		if first == nil {
			first = []concept{k}
		}
	}
	return first
}

// Pieces returns the texts of a claim's pieces (see combinedEvidence),
// for looking each up in the coverage.
func Pieces(text string) []string {
	var out []string
	for _, p := range splitFine(StripMarkers(text)) {
		if t := strings.TrimSpace(p); len(strings.Fields(t)) >= 2 {
			out = append(out, t)
		}
	}
	return out
}

// combinedEvidence returns, when every piece of the claim (cut at its
// commas and connectors, as for a sentence citing two sources) is
// supported by some passage sentence, none contradicted by a passage
// joined, and at least two sentences are needed, one supporting quote
// per sentence; nil otherwise.
func (v *Verifier) combinedEvidence(c claim, passages []Passage, analysed []passage) []Evidence {
	if out := v.combinedFrom(v.pieces(c.text), c, passages, analysed); out != nil {
		return out
	}
	// A relative clause kept with its noun (splitCoarse).
	return v.combinedFrom(v.piecesOf(splitCoarse(c.text)), c, passages, analysed)
}

// combinedFrom is combinedEvidence for one cut of the claim into pieces.
func (v *Verifier) combinedFrom(pieces []claim, c claim, passages []Passage, analysed []passage) []Evidence {
	if len(pieces) < 2 {
		return nil
	}
	vds := make([][]verdict, len(pieces))
	chosen := make([]int, len(pieces))
	nums := c.statedNumbers()
	for k, pc := range pieces {
		pc.stated = nums
		vds[k] = make([]verdict, len(passages))
		chosen[k] = -1
		for i, p := range passages {
			if p.Start < 0 {
				continue
			}
			vd := v.check(pc, analysed[i], true)
			vds[k][i] = vd
			if vd.supports && (!v.antecedentIn(pieces, k, p.Text, vd.span) || !pieceWhole(pc, vd)) {
				continue
			}
			if vd.supports && (chosen[k] < 0 || vd.score > vds[k][chosen[k]].score) {
				chosen[k] = i
			}
		}
		if chosen[k] < 0 {
			return nil
		}
	}
	// The passages joined must tell one story: none of them may say
	// otherwise about another piece ("which killed hundreds" beside a
	// passage that says thousands). A place told differently ("in Kuala
	// Lumpur", "di Malaysia") is most often the same event.
	used := map[int]bool{}
	sentences := map[[2]int]bool{}
	for k, i := range chosen {
		used[i] = true
		sentences[[2]int{i, vds[k][i].span.Start}] = true
	}
	if len(sentences) < 2 {
		return nil // one sentence holds every piece but not the whole: not a combination
	}
	for k := range pieces {
		for i := range used {
			if vd := vds[k][i]; !vd.supports && vd.contradiction != "" && (hardConflict[vd.conflictRule] || storyConflict[vd.conflictRule]) {
				return nil
			}
		}
	}
	var out []Evidence
	done := map[[2]int]bool{}
	for k, i := range chosen {
		if key := [2]int{i, vds[k][i].span.Start}; done[key] {
			continue
		} else {
			done[key] = true
		}
		p := passages[i]
		sp := sentenceSpan(p, vds[k][i].span)
		if sp.Start < 0 || sp.End > len(p.Text) || sp.Start >= sp.End {
			sp = Span{0, len(p.Text)}
		}
		out = append(out, Evidence{DocID: p.DocID, Title: p.Title, Quote: p.Text[sp.Start:sp.End], Start: p.Start + sp.Start, End: p.Start + sp.End,
			Score: round3(vds[k][i].score), Supports: true, Stance: StanceSupports})
	}
	return out
}

// notContradiction are the rules whose finding keeps a passage from
// supporting a claim but does not make it contradict it: a passage that
// says something may happen neither states nor denies that it certainly
// will ("contradicted" is a different figure, date, place, person or the
// opposite).
var notContradiction = map[string]bool{"modality": true}

// rulePriority is a rule's place in meaningRules.
func rulePriority(name string) int {
	for i, r := range meaningRules {
		if r.name == name {
			return i
		}
	}
	return len(meaningRules)
}

// storyConflict are the rules besides hardConflict whose contradiction
// of one piece of a combined claim, by a passage supporting another,
// keeps the passages from being joined.
var storyConflict = map[string]bool{"vague-quantity": true, "negation": true, "modality": true}

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
