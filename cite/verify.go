package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// minSupport is the share of a sentence's weighted concepts a passage must
// contain, on top of every number and name, to support it.
const minSupport = 0.5

// Verifier checks citations. It is safe for concurrent use.
type Verifier struct {
	lex *lexicon.Lexicon
}

// NewVerifier returns a verifier using lex to match English claims against
// Indonesian passages (and the reverse).
func NewVerifier(lex *lexicon.Lexicon) *Verifier { return &Verifier{lex: lex} }

// Verify checks every sentence of answer against the sources its markers
// name. Markers naming no source are removed; a sentence its sources do not
// support is re-pointed to the sources that do, or dropped. Sentences
// without facts of their own (no numbers, names or content words, e.g.
// "The reports differ:") are kept uncited.
func (v *Verifier) Verify(answer string, sources []Source) Report {
	byN := map[int]Source{}
	for _, s := range sources {
		byN[s.N] = s
	}
	passages := map[int]passage{}
	for _, s := range sources {
		passages[s.N] = v.analysePassage(s.Text)
	}
	var rep Report
	var out []string
	for _, s := range ParseSentences(answer) {
		sv := SentenceVerdict{Sentence: s.Text, Start: s.Start, End: s.End}
		claim := v.lex.Analyze(s.Text)
		var supported []int
		for _, n := range s.Markers {
			cv := CitationVerdict{N: n}
			src, ok := byN[n]
			if ok {
				cv.Known, cv.DocID = true, src.DocID
				cv.Score, cv.Missing = support(claim, passages[n])
				cv.Supports = len(cv.Missing) == 0 && cv.Score >= minSupport
				if cv.Supports {
					supported = append(supported, n)
				}
			}
			if cv.Missing == nil {
				cv.Missing = []string{}
			}
			sv.Citations = append(sv.Citations, cv)
		}
		factual := hasFacts(claim)
		if len(supported) == 0 && factual {
			for _, src := range sources {
				if containsInt(s.Markers, src.N) {
					continue
				}
				if score, missing := support(claim, passages[src.N]); len(missing) == 0 && score >= minSupport {
					sv.RepointedTo = append(sv.RepointedTo, src.N)
				}
			}
			supported = sv.RepointedTo
		}
		if sv.RepointedTo == nil {
			sv.RepointedTo = []int{}
		}
		if sv.Citations == nil {
			sv.Citations = []CitationVerdict{}
		}
		sv.Supported = len(supported) > 0
		rep.Sentences = append(rep.Sentences, sv)
		switch {
		case sv.Supported:
			out = append(out, withMarkers(s.Text, supported))
		case !factual && len(s.Markers) == 0:
			out = append(out, s.Text)
		}
	}
	anySupported := false
	for _, sv := range rep.Sentences {
		anySupported = anySupported || sv.Supported
	}
	if anySupported {
		rep.Text = strings.Join(out, " ")
	}
	return rep
}

// withMarkers re-attaches markers before the sentence's final punctuation.
func withMarkers(text string, ns []int) string {
	trimmed := strings.TrimRight(text, ".!?")
	return trimmed + " " + FormatMarkers(ns) + text[len(trimmed):]
}

// passage is a source analysed once: every index term it contains, in
// either language's analysis.
type passage struct {
	terms [][]string
}

func (v *Verifier) analysePassage(text string) passage {
	toks := lexicon.Tokenize(text)
	p := passage{terms: make([][]string, len(toks))}
	for i, t := range toks {
		terms := v.lex.WordTerms(t, "id")
		for _, e := range v.lex.WordTerms(t, "en") {
			if !containsString(terms, e) {
				terms = append(terms, e)
			}
		}
		if !t.Num && !containsString(terms, t.Norm) && !v.lex.IsStop(t.Norm) {
			terms = append(terms, t.Norm)
		}
		p.terms[i] = terms
	}
	return p
}

// support returns the weighted share of the claim's concepts found in the
// passage and the numbers and names of the claim that are missing from it.
func support(claim lexicon.Query, p passage) (float64, []string) {
	var got, total float64
	var missing []string
	for _, c := range claim.Concepts {
		w := 1.0
		switch {
		case c.Number || c.Entity:
			w = 2
		case c.Meta:
			w = 0.3
		}
		total += w
		found := false
		for _, a := range c.Alts {
			if altIn(a, p.terms) {
				found = true
				break
			}
		}
		if found {
			got += w
		} else if c.Number || c.Entity {
			missing = append(missing, c.Surface)
		}
	}
	if total == 0 {
		return 0, missing
	}
	return got / total, missing
}

// hasFacts reports whether a sentence claims something checkable: a
// number, a name, or at least two content words. "The reports differ:"
// does not.
func hasFacts(q lexicon.Query) bool {
	content := 0
	for _, c := range q.Concepts {
		if c.Number || c.Entity {
			return true
		}
		if !c.Meta {
			content++
		}
	}
	return content >= 2
}

func altIn(a lexicon.Alt, terms [][]string) bool {
	for _, word := range a {
		found := false
		for _, ts := range terms {
			for _, t := range ts {
				for _, w := range word {
					if w == t {
						found = true
					}
				}
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
