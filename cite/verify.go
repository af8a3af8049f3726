package cite

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
)

// minSupport is the share of a sentence's weighted concepts a passage must
// contain, on top of every number, name and date, to support it.
const minSupport = 0.5

// minWords is the share of a sentence's ordinary words (not names,
// numbers or dates) a supporting passage must hold.
const minWords = 0.34

// maxRepoint bounds how many other sources a sentence is re-pointed to.
const maxRepoint = 3

// Verifier checks citations. It is safe for concurrent use.
type Verifier struct {
	lex *lexicon.Lexicon
}

// NewVerifier returns a verifier using lex to match English claims against
// Indonesian passages (and the reverse).
func NewVerifier(lex *lexicon.Lexicon) *Verifier { return &Verifier{lex: lex.ForClaims()} }

// Check verifies one claim against one source, as Verify does for each
// marker: N and DocID are copied from src and Known is true.
func (v *Verifier) Check(claimText string, src Source) CitationVerdict {
	c := v.analyseClaim(StripMarkers(claimText))
	return v.citationVerdict(c, src, passageOf(v, src))
}

func (v *Verifier) citationVerdict(c claim, src Source, p passage) CitationVerdict {
	vd := v.check(c, p, true)
	cv := CitationVerdict{N: src.N, DocID: src.DocID, Known: true, Supports: vd.supports, Score: round3(vd.score), Missing: vd.missing}
	if cv.Missing == nil {
		cv.Missing = []string{}
	}
	if !vd.supports {
		cv.Conflict = vd.contradiction
		cv.Reason = reasonOf(vd)
	}
	return cv
}

// Verify checks every sentence of answer against the sources its markers
// name. Markers naming no source are removed, and so are markers whose
// source does not support their clause; a clause no cited source supports
// is re-pointed to the sources that do, and a sentence with a clause no
// source supports is dropped. Sentences that claim nothing checkable
// ("The reports differ:", "The coverage does not say how long it
// lasted.") are kept without markers. Report.Text keeps the answer's lines
// and list prefixes.
func (v *Verifier) Verify(answer string, sources []Source) Report {
	known := map[int]int{} // N → index in sources
	for i, s := range sources {
		if _, dup := known[s.N]; !dup {
			known[s.N] = i
		}
	}
	passages := make([]passage, len(sources))
	for i, s := range sources {
		passages[i] = passageOf(v, s)
	}
	rep := Report{Sentences: []SentenceVerdict{}}
	var out strings.Builder
	blank, anySupported := false, false
	for _, l := range parseLines(answer) {
		if l.blank {
			blank = true
			continue
		}
		var kept []string
		for _, s := range l.sentences {
			sv, text := v.verifySentence(s, sources, passages, known)
			rep.Sentences = append(rep.Sentences, sv)
			anySupported = anySupported || sv.Supported
			if sv.Kept {
				kept = append(kept, text)
			}
		}
		if len(kept) == 0 {
			continue
		}
		if out.Len() > 0 {
			if blank {
				out.WriteString("\n\n")
			} else {
				out.WriteString("\n")
			}
		}
		blank = false
		out.WriteString(l.prefix)
		out.WriteString(strings.Join(kept, " "))
	}
	if anySupported {
		rep.Text = out.String()
	}
	return rep
}

// verifySentence checks one sentence and rewrites it with the markers that
// hold.
func (v *Verifier) verifySentence(s Sentence, sources []Source, passages []passage, known map[int]int) (SentenceVerdict, string) {
	sv := SentenceVerdict{Sentence: s.Text, Start: s.Start, End: s.End, Citations: []CitationVerdict{}, RepointedTo: []int{}}
	whole := v.analyseClaim(s.Text)
	switch {
	case v.framing(s.Text, whole):
		sv.Note = "framing"
	case v.gap(s.Text, whole, passages):
		sv.Note = "gap"
	}
	checkable := sv.Note == ""
	byN := map[int]int{} // N → index in sv.Citations
	finals := make([][]int, len(s.Parts))
	factualParts, okParts := 0, 0
	for pi, part := range s.Parts {
		c := v.analyseClaim(part.Text)
		var good []int
		for _, n := range part.Markers {
			cv := CitationVerdict{N: n, Missing: []string{}}
			if i, ok := known[n]; ok {
				cv = v.citationVerdict(c, sources[i], passages[i])
			}
			if j, seen := byN[n]; seen {
				sv.Citations[j] = mergeVerdicts(sv.Citations[j], cv)
			} else {
				byN[n] = len(sv.Citations)
				sv.Citations = append(sv.Citations, cv)
			}
			if cv.Supports {
				good = append(good, n)
			}
		}
		factual := checkable && c.facts()
		if factual && len(good) == 0 {
			good = v.combined(part, sources, known)
		}
		if factual && len(good) == 0 {
			good = v.repoint(c, sources, passages, part.Markers)
			for _, n := range good {
				if !containsInt(sv.RepointedTo, n) {
					sv.RepointedTo = append(sv.RepointedTo, n)
				}
			}
		}
		if factual {
			factualParts++
			if len(good) > 0 {
				okParts++
			}
		}
		finals[pi] = good
	}
	switch {
	case factualParts > 0:
		sv.Supported = okParts == factualParts
		sv.Kept = sv.Supported
		if !sv.Supported {
			for _, cv := range sv.Citations {
				if !cv.Supports {
					sv.Reason = cv.Reason
					if !cv.Known {
						sv.Reason = fmt.Sprintf("[%d] names no source", cv.N)
					}
					break
				}
			}
			if sv.Reason == "" {
				sv.Reason = "no source states it"
			}
		}
	default:
		sv.Kept = true // nothing checkable: kept, uncited
		for i := range finals {
			finals[i] = nil
		}
	}
	if !sv.Kept {
		return sv, ""
	}
	return sv, rebuild(s, finals)
}

// combined returns the markers of a clause citing several sources when,
// together, they support it: each piece of it ("Lavrov arrived on
// Saturday, and met Kim") stated by a sentence of one of them.
func (v *Verifier) combined(part Part, sources []Source, known map[int]int) []int {
	var cited []int
	var texts, ctxs, outlets []string
	for _, n := range part.Markers {
		if i, ok := known[n]; ok && !containsInt(cited, n) {
			cited = append(cited, n)
			texts = append(texts, sources[i].Text)
			ctxs = append(ctxs, sources[i].Context)
			outlets = append(outlets, sources[i].Outlet)
		}
	}
	if len(cited) == 1 {
		return v.acrossSentences(part.Text, passageOf(v, sources[known[cited[0]]]), cited)
	}
	if len(cited) < 2 {
		return nil
	}
	c := v.analyseClaim(part.Text)
	if v.clausesCombine(c, texts, ctxs, outlets) || v.sentencesFuse(c, texts, ctxs, outlets) {
		return cited
	}
	return nil
}

// clausesCombine reports whether each clause of c is stated by one of
// the texts, joined.
func (v *Verifier) clausesCombine(c claim, texts, ctxs, outlets []string) bool {
	p := v.analysePassage(strings.Join(texts, "\n"), strings.Join(ctxs, "\n"), strings.Join(outlets, "\n"))
	// Cut at every connector, else with each relative clause kept with
	// its noun (splitCoarse).
	for _, parts := range [][]string{splitFine(c.text), splitCoarse(c.text)} {
		clauses := v.piecesOf(parts)
		if len(clauses) < 2 {
			continue
		}
		c.clauses = clauses
		if v.check(c, p, true).supports {
			return true
		}
	}
	return false
}

// sentencesFuse reports whether two of the texts tell of one event in
// sentences that, read together, state c (see fuse.go).
func (v *Verifier) sentencesFuse(c claim, texts, ctxs, outlets []string) bool {
	var best []fusedSentence
	for i := range texts {
		if fs, ok := v.bestSentence(c, texts[i], ctxs[i], outlets[i]); ok {
			best = append(best, fs)
		}
	}
	for i := range best {
		for j := i + 1; j < len(best); j++ {
			if v.fuses(c, best[i], best[j]) {
				return true
			}
		}
	}
	return false
}

func passageOf(v *Verifier, s Source) passage {
	return v.withBefore(v.analysePassage(s.Text, s.Context, s.Outlet), s.Before)
}

// acrossSentences returns cited when the one cited passage states the
// clause in two of its sentences together ("When Putin met Kim in
// Beijing, he praised …"): each piece of it supported by a sentence, at
// least two sentences, none contradicting.
func (v *Verifier) acrossSentences(text string, p passage, cited []int) []int {
	if out := v.acrossSentencesOf(v.pieces(text), p, cited); out != nil {
		return out
	}
	return v.acrossSentencesOf(v.piecesOf(splitCoarse(text)), p, cited)
}

// acrossSentencesOf is acrossSentences for one cut of the claim.
func (v *Verifier) acrossSentencesOf(pieces []claim, p passage, cited []int) []int {
	if len(pieces) < 2 || len(p.sents) < 2 {
		return nil
	}
	spans := map[int]bool{}
	for i := range pieces {
		vd := v.checkClause(&pieces[i], p, true)
		if !vd.supports {
			return nil
		}
		spans[vd.span.Start] = true
	}
	if len(spans) < 2 {
		return nil
	}
	return cited
}

// mergeVerdicts combines the checks of one marker cited by two clauses of
// a sentence: it supports the sentence only if it supports both.
func mergeVerdicts(a, b CitationVerdict) CitationVerdict {
	a.Supports = a.Supports && b.Supports
	a.Score = min(a.Score, b.Score)
	for _, m := range b.Missing {
		if !containsString(a.Missing, m) {
			a.Missing = append(a.Missing, m)
		}
	}
	if a.Conflict == "" {
		a.Conflict = b.Conflict
	}
	return a
}

// repoint returns up to maxRepoint sources, other than those already
// cited, that support c: the best-scoring ones, in source order.
func (v *Verifier) repoint(c claim, sources []Source, passages []passage, cited []int) []int {
	type cand struct {
		n     int
		score float64
	}
	var cands []cand
	seen := map[int]bool{}
	for i, src := range sources {
		if containsInt(cited, src.N) || seen[src.N] {
			continue
		}
		seen[src.N] = true
		if vd := v.check(c, passages[i], false); vd.supports {
			cands = append(cands, cand{src.N, vd.score})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > maxRepoint {
		cands = cands[:maxRepoint]
	}
	out := make([]int, len(cands))
	for i, c := range cands {
		out[i] = c.n
	}
	sort.Ints(out)
	return out
}

// rebuild writes a sentence back with each clause's final markers.
func rebuild(s Sentence, finals [][]int) string {
	var b strings.Builder
	for i, p := range s.Parts {
		lead := p.lead
		if i == 0 {
			lead = strings.TrimLeft(lead, " ")
		}
		b.WriteString(attachMarkers(lead, finals[i]))
	}
	text := b.String()
	tail := s.Tail
	if tail != "" && strings.Trim(tail, ".!?…") == "" && endsWithTerminal(text) {
		tail = ""
	}
	return text + tail
}

// attachMarkers puts markers after a clause: before its final full stop,
// or after a closing quote.
func attachMarkers(text string, ns []int) string {
	if len(ns) == 0 {
		return text
	}
	m := FormatMarkers(ns)
	last, _ := utf8.DecodeLastRuneInString(text)
	if strings.ContainsRune("\"'”’»)", last) {
		return text + " " + m
	}
	trimmed := strings.TrimRight(text, ".!?…")
	if trimmed == "" {
		return text + " " + m
	}
	return trimmed + " " + m + text[len(trimmed):]
}

func endsWithTerminal(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// framing spots a sentence that introduces what follows ("The reports
// differ:") and states nothing itself.
func (v *Verifier) framing(text string, c claim) bool {
	return strings.HasSuffix(strings.TrimSpace(text), ":") && !c.hardFacts()
}

// gapPhrases say that the coverage lacks something.
var gapPhrases = []string{
	"does not say", "do not say", "doesn't say", "don't say", "did not say", "does not mention", "do not mention",
	"doesn't mention", "don't mention", "not mentioned", "does not specify", "do not specify", "not specified",
	"does not state", "do not state", "no information", "does not report", "do not report", "not reported",
	"does not include", "do not include", "does not answer", "do not answer", "not clear", "unclear",
	"does not give", "do not give", "does not provide", "do not provide",
	"tidak menyebut", "tidak disebut", "tidak dijelaskan", "tidak menjelaskan", "tidak ada informasi",
	"tidak memuat", "tidak merinci", "tidak dirinci", "tidak diketahui", "belum diketahui", "tidak mengatakan",
	"tidak diungkap", "tidak mengungkap", "tidak menyatakan", "tidak memberikan", "tidak memberi", "tidak jelas",
}

// gap spots a sentence saying what the coverage does not say. It is kept
// only when it cannot smuggle a fact in: it has no number, and every name
// in it appears in some source.
func (v *Verifier) gap(text string, c claim, passages []passage) bool {
	l := " " + strings.ToLower(collapse(text)) + " "
	found := false
	for _, p := range gapPhrases {
		if i := strings.Index(l, " "+p); i >= 0 && coverageSubject(l[:i]) {
			found = true
			break
		}
	}
	if !found || c.numbers() {
		return false
	}
	for _, k := range c.concepts {
		if k.kind != kindEntity || coverageWords[strings.ToLower(k.Surface)] {
			continue // "Liputan tidak menyebut …": the coverage, not a name
		}
		inSome := false
		for _, p := range passages {
			if nameIn(k, p.toks) || nameIn(k, p.context) {
				inSome = true
				break
			}
		}
		if !inSome {
			return false
		}
	}
	return true
}

// coverageWords may stand before a gap phrase in its clause: the
// coverage itself ("the reports", "liputan itu"), a dummy subject ("it is
// not clear"), or nothing ("Tidak dijelaskan …"). Anything else makes the
// sentence a claim about someone ("State media did not say …"), which a
// passage must support.
var coverageWords = wordSet(`the these this those its their our my
		coverage report reports reporting article articles source sources passage passages story stories text texts
		indexed available cited retrieved given bundled other any none
		it is are was were remains remain still yet also so far
		liputan laporan berita artikel sumber teks itu ini tersebut yang ada masih juga pun`)

// wordSet is the set of the words of a space-separated list.
func wordSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// coverageSubject reports whether the text before a gap phrase, from its
// clause's start, names only the coverage.
func coverageSubject(before string) bool {
	if i := strings.LastIndexAny(before, ",;:—–("); i >= 0 {
		before = before[i+1:]
	}
	fields := strings.Fields(before)
	for i := len(fields) - 1; i >= 0; i-- {
		if f := fields[i]; clauseOpeners[f] {
			fields = fields[i+1:]
			break
		}
	}
	for _, f := range fields {
		if !coverageWords[strings.Trim(f, `"'“”‘’.`)] {
			return false
		}
	}
	return true
}

// clauseOpeners start a clause inside a sentence ("…, but the reports do
// not say …").
var clauseOpeners = map[string]bool{"but": true, "and": true, "although": true, "though": true, "while": true,
	"however": true, "tetapi": true, "namun": true, "dan": true, "meski": true, "meskipun": true, "sedangkan": true, "tapi": true}

// reasonOf says in plain words why a passage does not support a claim.
func reasonOf(vd verdict) string {
	switch {
	case vd.contradiction != "":
		return vd.contradiction
	case len(vd.missing) > 0:
		return "the passage does not mention " + joinQuoted(vd.missing)
	case len(vd.problems) > 0:
		return vd.problems[0]
	}
	return "the passage does not state enough of it"
}

func joinQuoted(xs []string) string {
	out := ""
	for i, x := range xs {
		if i == 3 {
			break
		}
		if i > 0 {
			out += ", "
		}
		out += "“" + x + "”"
	}
	return out
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
