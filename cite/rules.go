package cite

import (
	"fmt"
	"math"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// The meaning rules. A claim is checked clause by clause, each clause
// against one sentence of a passage at a time (names the rest of the
// passage or its context states count at reduced credit, as pronouns
// and "the Kim government" refer back to them). Presence of numbers,
// names, dates and enough words decides whether the sentence is about
// the claim; the rules below then read the words that change what it
// says. Each rule returns a finding: either the sentence cannot support
// the claim (missing), or it states something else about the same thing
// (contradicts). A finding's reason is plain words for a moderator.
//
// Who does what: direction (to/from, ke/dari, and two names traded
// between subject and complement), actor (another person or country of
// the same kind acts in the claim's predicate), speaker (another person
// says it), title (the title the sentence gives the person) and attribute
// (the country the sentence puts on a noun). Each is tested on the
// labelled rows of rules_table_test.go.

// finding is what a rule found wrong with a claim against one sentence.
type finding struct {
	rule        string
	contradicts bool
	reason      string
}

// window is one sentence of a passage matched against a clause.
type window struct {
	toks       []token
	spans      [][][2]int // per concept of the clause: token spans in toks where it matched
	credits    []float64  // per concept: the credit it got
	span       Span       // byte offsets of the sentence in the passage text
	conflictAt int        // byte offset in the passage of what contradicts, or -1
	antecedent []token    // the names a pronoun subject of the sentence stands for
	before     []token    // the sentence before it, in the passage or the paragraph before
}

// lexTokens returns the window's tokens as the lexicon's, for the rules
// that read words rather than matches.
func (w *window) lexTokens() []lexicon.Token {
	out := make([]lexicon.Token, len(w.toks))
	for j, t := range w.toks {
		out[j] = t.Token
	}
	return out
}

// rule is one named meaning check.
type rule struct {
	name  string
	check func(v *Verifier, c *claim, w *window) *finding
}

// meaningRules run in order; the first contradiction found is the one
// reported, and every missing finding keeps the sentence from supporting.
var meaningRules = []rule{
	{"number-conflict", ruleNumberConflict},
	{"date-conflict", ruleDateConflict},
	{"place-conflict", rulePlaceConflict},
	{"direction", ruleDirection},
	{"verb-frame", ruleVerbFrame},
	{"verb-object", ruleVerbObject},
	{"against", ruleAgainst},
	{"aid-recipient", ruleAidRecipient},
	{"actor", ruleActor},
	{"passive-agent", rulePassiveAgent},
	{"by-agent", ruleByAgent},
	{"object-conflict", ruleObjectConflict},
	{"speaker", ruleSpeaker},
	{"attribution", ruleAttribution},
	{"country-of-place", ruleCountryOfPlace},
	{"attribute", ruleAttribute},
	{"owner", ruleOwner},
	{"negation", ruleNegation},
	{"qualifier", ruleQualifier},
	{"vague-quantity", ruleVagueQuantity},
	{"quantifier", ruleQuantifier},
	{"modality", ruleModality},
	{"ordinal", ruleOrdinal},
	{"time", ruleTime},
	{"time-part", ruleTimePart},
	{"ago-span", ruleAgoSpan},
	{"time-span", ruleTimeSpan},
	{"span-value", ruleSpanValue},
	{"sequence", ruleSequence},
	{"former", ruleFormer},
	{"title", ruleTitle},
	{"number-anchor", ruleNumberAnchor},
	{"casualty", ruleCasualty},
}

// ---- claim-side helpers

// claimSpan returns the token span of concept i in the claim.
func (c *claim) claimSpan(i int) (int, int) {
	if i < len(c.cspans) {
		return c.cspans[i][0], c.cspans[i][1]
	}
	return -1, -1
}

// locateConcepts finds the token span of every concept in the claim's
// tokens, by surface, in order.
func locateConcepts(text string, toks []lexicon.Token, concepts []concept) [][2]int {
	out := make([][2]int, len(concepts))
	used := map[int]bool{}
	lower := strings.ToLower(text)
	for i, k := range concepts {
		out[i] = [2]int{-1, -1}
		from := 0
		in, surface := text, k.Surface
		if !strings.Contains(text, surface) && len(lower) == len(text) {
			// A title taken off a name is lower-cased ("Perdana Menteri").
			in, surface = lower, strings.ToLower(surface)
		}
		for {
			j := strings.Index(in[from:], surface)
			if j < 0 || surface == "" {
				break
			}
			start, end := from+j, from+j+len(surface)
			s, e := -1, -1
			for t, tok := range toks {
				if tok.Start >= start && tok.End <= end {
					if s < 0 {
						s = t
					}
					e = t + 1
				}
			}
			if s >= 0 && !used[s] {
				out[i] = [2]int{s, e}
				used[s] = true
				break
			}
			from = end
			if from >= len(text) {
				break
			}
		}
	}
	return out
}

// ---- passage-side helpers

// sentenceRanges splits passage tokens into sentences: a break after a
// full stop, question or exclamation mark or a line break, before an
// upper-case word, a number or an opening quote.
func sentenceRanges(text string, toks []token) [][2]int {
	var out [][2]int
	start := 0
	for i := 1; i < len(toks); i++ {
		gap := text[toks[i-1].End:toks[i].Start]
		brk := strings.ContainsRune(gap, '\n')
		if !brk && strings.ContainsAny(gap, ".!?…") && (toks[i].Upper || toks[i].Num || strings.ContainsAny(gap, "\"“'‘")) {
			brk = len([]rune(toks[i-1].Text)) > 1 || toks[i-1].Num // "U.S." is not two sentences
			if brk && abbreviations[toks[i-1].Norm] && strings.TrimSpace(gap) == "." {
				brk = false
			}
		}
		if brk {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// clauseBreaks marks tokens preceded by a comma, semicolon, colon, dash
// or bracket: a negator's scope and a preposition's reach stop there.
func clauseBreaks(text string, toks []lexicon.Token) []bool {
	out := make([]bool, len(toks))
	for i := 1; i < len(toks); i++ {
		gap := text[toks[i-1].End:toks[i].Start]
		out[i] = strings.ContainsAny(gap, ",;:()—–") || strings.Contains(gap, " - ")
	}
	return out
}

// ---- claim clauses

// clauseJoiners start a new clause after a comma or semicolon ("…, and
// it agreed …"); contrastive ones start one anywhere.
var clauseJoiners = map[string]bool{"and": true, "dan": true, "serta": true, "while": true, "whereas": true, "but": true,
	"although": true, "though": true, "tetapi": true, "namun": true, "sedangkan": true, "meskipun": true, "meski": true, "yet": true}

var contrastJoiners = map[string]bool{"while": true, "whereas": true, "but": true, "tetapi": true, "namun": true, "sedangkan": true, "although": true}

// fineJoiners also start a clause when a claim is checked against the
// union of two cited passages: relative and temporal connectors.
var fineJoiners = map[string]bool{"yang": true, "who": true, "which": true, "when": true, "before": true, "after": true,
	"then": true, "saat": true, "ketika": true, "setelah": true, "sebelum": true, "and": true, "dan": true, "since": true, "sejak": true}

// splitFine cuts a claim at every comma and connector.
func splitFine(text string) []string { return splitAt(text, fineJoiners) }

// relativeJoiners open a relative clause, which says something of the
// noun before it ("perang yang berlangsung lebih dari tiga tahun").
var relativeJoiners = map[string]bool{"yang": true, "who": true, "which": true}

// splitCoarse cuts a claim as splitFine does but keeps each relative
// clause with the piece whose noun it describes: a passage that states
// "selama perang lebih dari tiga tahun" states the war and how long it
// has lasted in one phrase, which a piece of its own ("yang berlangsung
// lebih dari tiga tahun", with no noun) cannot meet.
func splitCoarse(text string) []string {
	joiners := map[string]bool{}
	for w := range fineJoiners {
		if !relativeJoiners[w] {
			joiners[w] = true
		}
	}
	return splitAt(text, joiners)
}

// splitAt cuts text at every comma and semicolon and before every joiner.
func splitAt(text string, joiners map[string]bool) []string {
	toks := lexicon.Tokenize(text)
	var out []string
	prev := 0
	for i := 1; i < len(toks); i++ {
		gap := text[toks[i-1].End:toks[i].Start]
		if strings.ContainsAny(gap, ",;") && !(relativeJoiners[toks[i].Norm] && !joiners[toks[i].Norm]) || joiners[toks[i].Norm] {
			out = append(out, text[prev:toks[i].Start])
			prev = toks[i].Start
		}
	}
	return append(out, text[prev:])
}

// splitClauses cuts a claim's text into its clauses.
func splitClauses(text string) []string {
	toks := lexicon.Tokenize(text)
	var cuts []int
	for i := 1; i < len(toks); i++ {
		gap := text[toks[i-1].End:toks[i].Start]
		n := toks[i].Norm
		if strings.Contains(gap, ";") || strings.ContainsAny(gap, ",") && clauseJoiners[n] && i+2 < len(toks) || contrastJoiners[n] && i > 2 && i+2 < len(toks) {
			cuts = append(cuts, toks[i].Start)
		}
	}
	if len(cuts) == 0 {
		return []string{text}
	}
	var out []string
	prev := 0
	for _, c := range cuts {
		out = append(out, text[prev:c])
		prev = c
	}
	return append(out, text[prev:])
}

// ---- coverage of one clause by one window

// coverWindow matches every concept of c in the window and weighs them.
// ctx holds the rest of the passage and its context: names found only
// there get creditContext, except places, which the sentence must name.
func (v *Verifier) coverWindow(c *claim, w *window, ctx []token, outlet []token, useContext bool) (verdict, []float64) {
	credits := make([]float64, len(c.concepts))
	w.spans = make([][][2]int, len(c.concepts))
	var got, contentGot, contentTotal, wordGot, wordTotal float64
	hardGot, titleMissing, nounMissing := 0, false, false
	out := verdict{namesPresent: true}
	wordsMissing := 0
	ownSubject := useContext && hasOwnSubject(v, w)
	for i, k := range c.concepts {
		credit := 0.0
		switch k.kind {
		case kindNumber:
			w.spans[i] = numberSpans(k, w.toks)
			if len(w.spans[i]) > 0 {
				credit = 1
			}
		case kindEntity:
			w.spans[i] = nameSpans(k, w.toks)
			if len(w.spans[i]) == 0 {
				s, e := c.claimSpan(i)
				w.spans[i] = acronymSpans(c.toks, s, e, w.toks) // "Korean Central News Agency" written "KCNA" (acronym.go)
			}
			switch {
			case len(w.spans[i]) > 0 || nameIn(k, outlet):
				credit = 1
			case c.actor(i) && nameIn(k, w.antecedent):
				credit = 1 // the sentence's pronoun subject stands for it
			case !c.actor(i) && v.groupNamedBefore(c, i, w):
				credit = creditContext // "mereka": the group named before
			case useContext && (!ownSubject || v.countryConcept(k)) && nameIn(k, ctx) && i < len(c.roles) && c.roles[i] == roleSubject:
				credit = creditContext
			}
		default:
			w.spans[i] = altSpans(k.Alts, w.toks)
			if k.kind == kindContent && !isTitleConcept(k) {
				w.spans[i] = outsideTitles(w.spans[i], w.toks)   // "flow" is not the "Luar" of "Menteri Luar Negeri"
				w.spans[i] = v.personsFor(k, w.spans[i], w.toks) // "tourists" are not a "kunjungan"
			}
			if len(w.spans[i]) == 0 && k.kind == kindDate {
				w.spans[i] = monthSpans(k, w.toks) // "Juli" written "/07/"
			}
			if len(w.spans[i]) > 0 {
				credit = 1
			} else if k.kind == kindContent {
				if sp := v.personsFor(k, cognateSpans(k.Alts, w.toks), w.toks); len(sp) > 0 {
					w.spans[i], credit = sp, creditCognate
				} else if c.negatedAffirmation(i) && len(denialSpans(w.toks)) > 0 {
					w.spans[i], credit = denialSpans(w.toks), 1 // "tidak membenarkan" told as "dibantah"
				} else if sayingVerb(strings.ToLower(k.Surface)) {
					if sp := sayingSpans(w.toks); len(sp) > 0 {
						w.spans[i], credit = sp, 1 // "mengungkap" told as "mengatakan"
					}
				} else if sp := stateSpans(strings.ToLower(k.Surface), w.toks); len(sp) > 0 {
					w.spans[i], credit = sp, 1 // "media pemerintah" told as "media negara"
				}
			}
		}
		credits[i] = credit
	}
	// Once every word is matched: two countries the sentence calls
	// "kedua negara" beside the claim's word for them.
	for i, k := range c.concepts {
		if k.kind == kindEntity && credits[i] == 0 && v.pairedCountry(c, i, w) {
			credits[i] = creditContext
		}
	}
	sharedMatches(c, w, credits)
	if useContext {
		v.quoteStandIns(c, w, append(append([]token(nil), w.before...), ctx...), credits)
	}
	for i, k := range c.concepts {
		credit := credits[i]
		if credit == 1 && (k.kind == kindNumber || k.kind == kindEntity || k.kind == kindDate) {
			hardGot++
		}
		got += credit * k.weight
		if k.kind != kindNumber {
			contentTotal += k.weight
			contentGot += credit * k.weight
		}
		if k.kind == kindContent {
			wordTotal += k.weight
			wordGot += credit * k.weight
			if credit == 0 {
				wordsMissing++
				titleMissing = titleMissing || isTitleConcept(k)
				nounMissing = v.nounConcept(k)
			}
		}
		if credit == 0 && (k.kind == kindNumber || k.kind == kindEntity || k.kind == kindDate) {
			out.missing = append(out.missing, k.Surface)
			if k.kind == kindEntity {
				out.namesPresent = false
			}
		}
	}
	if c.total > 0 {
		out.score = got / c.total
	}
	if contentTotal > 0 {
		out.contentScore = contentGot / contentTotal
	}
	allow := maxWordsMissing(wordTotal)
	if allow == 0 && wordsMissing == 1 && wordTotal >= 2 && hardGot >= hardAnchors && len(out.missing) == 0 && !titleMissing && nounMissing {
		// Names, numbers and dates pin the event down: with three or
		// more of them in the sentence, a two-word clause may name one
		// thing otherwise ("signed documents" for "upacara
		// penandatanganan"). Only a thing: a manner word ("warmly"), a
		// verb or a title left unmatched adds to what is said.
		allow = 1
	}
	if t := c.trailingAddition(credits); t != "" {
		// What a claim adds comes at its end: two or more words after
		// everything the sentence holds ("… and promised them medals").
		out.problems = append(out.problems, fmt.Sprintf("the passage does not state “%s”", t))
	}
	if t := c.addedConjunct(w, credits); t != "" {
		out.problems = append(out.problems, fmt.Sprintf("the passage does not state “%s”", t))
	}
	if t := c.relativeAddition(credits); t != "" {
		out.problems = append(out.problems, fmt.Sprintf("the passage does not state “%s”", t))
	}
	if t := c.unmatchedTitle(credits); t != "" {
		// A title the claim gives a name is a fact about its holder, as
		// the name is: the sentence must give it.
		out.problems = append(out.problems, fmt.Sprintf("the passage does not give the title “%s”", t))
	}
	wordsOK := wordTotal == 0 || wordGot/wordTotal >= minWords && wordsMissing <= allow
	if wordTotal > 0 && !wordsOK {
		out.problems = append(out.problems, "the passage does not state "+c.unmatchedWords(credits))
	}
	out.supports = c.total > 0 && len(out.missing) == 0 && out.score >= minSupport && wordsOK
	return out, credits
}

// maxWordsMissing is how many of a clause's ordinary words a supporting
// sentence may lack: paraphrase changes a word or two, an added clause
// more.
func maxWordsMissing(words float64) int {
	return int(math.Floor(words * missingShare))
}

// missingShare is the share of a clause's words that may go unmatched.
const missingShare = 0.34

func (c *claim) unmatchedWords(credits []float64) string {
	var ws []string
	for i, k := range c.concepts {
		if k.kind == kindContent && credits[i] == 0 {
			ws = append(ws, "“"+k.Surface+"”")
		}
	}
	if len(ws) > 3 {
		ws = ws[:3]
	}
	return strings.Join(ws, ", ")
}

// aboutSame reports whether the window is about what the clause says,
// leaving out concept skip: its names are there and most of its words.
func (c *claim) aboutSame(credits []float64, skip int) bool {
	return c.aboutSameExcept(credits, func(i int) bool { return i == skip })
}

// aboutSameExcept is aboutSame leaving out the concepts skip reports.
func (c *claim) aboutSameExcept(credits []float64, skip func(int) bool) bool {
	var got, total float64
	for i, k := range c.concepts {
		if skip(i) {
			continue
		}
		if k.kind == kindEntity && credits[i] == 0 && !c.placeSlot(i) {
			return false
		}
		if k.kind == kindContent {
			total += k.weight
			got += credits[i] * k.weight
		}
	}
	return total == 0 || got/total >= minSame
}

// minSame is the share of a clause's names and words a sentence must hold
// to be about the same thing, so that a different figure in it is a
// contradiction rather than another topic.
const minSame = 0.6

// ---- span matching

func numberSpans(k concept, toks []token) [][2]int {
	var out [][2]int
	for j, t := range toks {
		if t.Num && (k.parsed && t.value == k.value || !k.parsed && t.Norm == k.norm) || t.spelled && k.parsed && t.value == k.value || clockMatches(k, t) {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}

func nameSpans(k concept, toks []token) [][2]int {
	var out [][2]int
	for _, a := range k.Alts {
		spans := altSpansOne(a, toks)
		if len(spans) == 0 && len(a) > 1 {
			spans = unorderedSpans(a, toks) // "Kursk Oblast" = "Oblast Kursk"
		}
		for _, sp := range spans {
			if len(a) == 1 && len(strings.Fields(k.Surface)) > 1 && qualifiedOtherwise(k, toks, sp[0]) {
				continue
			}
			out = append(out, sp)
		}
	}
	for _, sp := range variantSpans(k, toks) {
		if !containsSpan(out, sp) {
			out = append(out, sp)
		}
	}
	return out
}

func containsSpan(list [][2]int, sp [2]int) bool {
	for _, x := range list {
		if x == sp {
			return true
		}
	}
	return false
}

// unorderedSpans matches a name's words in any order, adjacent.
func unorderedSpans(a lexicon.Alt, toks []token) [][2]int {
	var out [][2]int
	n := len(a)
	for i := 0; i+n <= len(toks); i++ {
		used := make([]bool, n)
		ok := true
		for j := i; j < i+n; j++ {
			found := false
			for w := range a {
				if !used[w] && wordAt(a[w], toks[j]) {
					used[w], found = true, true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, [2]int{i, i + n})
		}
	}
	return out
}

func altSpans(alts []lexicon.Alt, toks []token) [][2]int {
	var out [][2]int
	for _, a := range alts {
		out = append(out, altSpansOne(a, toks)...)
	}
	return out
}

// altSpansOne is altPositions with the end of each match.
func altSpansOne(a lexicon.Alt, toks []token) [][2]int {
	if len(a) == 0 {
		return nil
	}
	var out [][2]int
	for i := range toks {
		if !wordAt(a[0], toks[i]) {
			continue
		}
		at, ok := i, true
		for _, w := range a[1:] {
			found := -1
			for j := at + 1; j < len(toks) && j <= at+phraseGap; j++ {
				if wordAt(w, toks[j]) {
					found = j
					break
				}
			}
			if found < 0 {
				ok = false
				break
			}
			at = found
		}
		if ok {
			out = append(out, [2]int{i, at + 1})
		}
	}
	return out
}

func cognateSpans(alts []lexicon.Alt, toks []token) [][2]int {
	var out [][2]int
	for _, a := range alts {
		if len(a) != 1 {
			continue
		}
		for _, x := range a[0] {
			for j, t := range toks {
				if !t.Num && cognateToken(x, t) {
					out = append(out, [2]int{j, j + 1})
				}
			}
		}
	}
	return out
}

// cognateToken reports whether word x is a cognate of the token or of
// one of its stems ("conspir" of "berkonspirasi", stem "konspirasi").
func cognateToken(x string, t token) bool {
	if lexicon.Cognates(x, t.Norm) {
		return true
	}
	for _, s := range t.terms {
		if s != t.Norm && lexicon.Cognates(x, s) {
			return true
		}
	}
	return false
}

// matched reports whether token j of the window is inside a match of
// some concept of the clause.
func (w *window) matched(j int) bool {
	for _, sps := range w.spans {
		for _, sp := range sps {
			if sp[0] <= j && j < sp[1] {
				return true
			}
		}
	}
	return false
}

// matchedElsewhere reports whether every concept matched at token j
// also matched elsewhere in the window, by other words: "Pyongyang" is
// then the place, not a second naming of "North Korean" ("pasukan Korea
// Utara … museum di Pyongyang").
func (w *window) matchedElsewhere(j int) bool {
	any := false
	for _, sps := range w.spans {
		at, other := false, false
		for _, sp := range sps {
			if sp[0] <= j && j < sp[1] {
				at = true
			} else {
				other = true
			}
		}
		if at {
			any = true
			if !other {
				return false
			}
		}
	}
	return any
}

func (w *window) anyMatch(i int) bool { return i < len(w.spans) && len(w.spans[i]) > 0 }

// ---- the rules

// ruleNumberConflict: a number of the claim the sentence lacks, where the
// sentence gives another figure for what it counts ("says 60,000; the
// passage says 6.000").
func ruleNumberConflict(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindNumber || w.anyMatch(i) {
			continue
		}
		j := conflictingNumber(*c, k, w.toks)
		if j < 0 || !c.aboutSame(w.credits, i) {
			continue
		}
		w.conflictAt = w.toks[j].Start
		return &finding{contradicts: true, reason: fmt.Sprintf("says %s; the passage says %s", k.Surface, numberText(w.toks, j))}
	}
	return nil
}

// ruleDateConflict: a month or weekday of the claim the sentence lacks
// where it names another one ("says June; the passage says Juli").
func ruleDateConflict(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindDate || w.anyMatch(i) {
			continue
		}
		norm := strings.ToLower(k.Surface)
		month := lexicon.IsMonthName(norm)
		for j, t := range w.toks {
			if !t.Upper || w.matched(j) {
				continue
			}
			if month && lexicon.IsMonthName(t.Norm) || !month && lexicon.IsWeekday(t.Norm) {
				if lexicon.MonthNumber(t.Norm) != 0 && lexicon.MonthNumber(t.Norm) == lexicon.MonthNumber(norm) {
					continue
				}
				if c.aboutSame(w.credits, i) {
					w.conflictAt = w.toks[j].Start
					return &finding{contradicts: true, reason: fmt.Sprintf("says %s; the passage says %s", k.Surface, t.Text)}
				}
			}
		}
	}
	return nil
}

// rulePlaceConflict: a place of the claim ("in Moscow") the sentence does
// not name, where it names another place in the same role ("di …
// Wonsan").
func rulePlaceConflict(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindEntity || w.anyMatch(i) || !c.placeSlot(i) {
			continue
		}
		if !c.aboutSame(w.credits, i) {
			continue
		}
		if j, name, ok := eventPlace(w, c.eventAnchors(i, w), c.roles[i] == rolePlace); ok {
			w.conflictAt = w.toks[j].Start
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage says %s, not %s", name, k.Surface)}
		}
	}
	return nil
}

// placeAt reports an unmatched name right after a place or goal
// preposition at token j of the window ("di kota pesisir timur Wonsan").
func placeAt(w *window, j int) (string, bool) {
	t := w.toks[j]
	if !placePreps[t.Norm] && !goalPreps[t.Norm] || t.Upper {
		return "", false
	}
	for k := j + 1; k < len(w.toks) && k <= j+5; k++ {
		n := w.toks[k]
		if n.breakBefore {
			return "", false
		}
		if n.Upper && !n.Num {
			if w.matched(k) && !w.matchedElsewhere(k) || lexicon.IsCalendarWord(n.Norm) {
				return "", false
			}
			end := k + 1
			for end < len(w.toks) && w.toks[end].Upper && !w.toks[end].breakBefore && !w.matched(end) {
				end++
			}
			var parts []string
			for _, x := range w.toks[k:end] {
				parts = append(parts, x.Text)
			}
			return strings.Join(parts, " "), true
		}
		if !placeFillers[n.Norm] {
			return "", false
		}
	}
	return "", false
}

// role is what a name does in its clause.
type role int

const (
	roleOther role = iota
	roleSubject
	roleGoal
	roleSource
	rolePlace
)

// roleBefore reads the role of the name starting at token i from the
// preposition within three tokens before it; the first name of a clause
// with no preposition before it is its subject.
func roleBefore(toks []lexicon.Token, breaks []bool, i int, first bool) role {
	for k := i - 1; k >= 0 && k >= i-prepReachMax; k-- {
		n := toks[k].Norm
		if k < i-1 && !prepReach(toks[k+1:i]) {
			break
		}
		switch {
		case goalPreps[n]:
			if k > 0 && toks[k-1].Norm == "according" {
				return roleOther
			}
			return roleGoal
		case sourcePreps[n]:
			return roleSource
		case agentPreps[n]:
			return roleSubject
		case placePreps[n]:
			return rolePlace
		}
		if breaks[k+1] && !(k+1 == i && placeNounBefore(toks, k)) {
			break
		}
	}
	if first {
		return roleSubject
	}
	return roleOther
}

// placeNounBefore reports a place noun at token k ("the capital",
// "ibu kota", "the region"): a name after it and a comma is in apposition
// to it ("held in the capital, Pyongyang"), so the preposition before the
// noun reaches the name.
func placeNounBefore(toks []lexicon.Token, k int) bool {
	switch toks[k].Norm {
	case "the", "of", "timur", "barat", "utara", "selatan", "east", "west", "north", "south", "ibu", "sela":
		return false
	}
	return placeFillers[toks[k].Norm]
}

// prepReachMax is how many tokens before a name its preposition may
// stand, over place and title words ("di kota pesisir timur Nampo").
const prepReachMax = 5

// prepReach reports whether a preposition reaches over words to a name:
// only articles, place words and title words may stand between ("to the
// city of Wonsan", "ke wilayah Kursk"), not a verb ("to show Kim").
// possessiveDeterminers may stand between a preposition and its place
// ("at his Sochi residence").
var possessiveDeterminers = map[string]bool{"his": true, "her": true, "its": true, "their": true, "our": true}

func prepReach(between []lexicon.Token) bool {
	for _, t := range between {
		if t.Upper || placeFillers[t.Norm] || titleWord(t.Norm) || t.Norm == "a" || t.Norm == "an" || possessiveDeterminers[t.Norm] {
			continue
		}
		return false
	}
	return true
}

// ruleDirection: who does what to whom. A name the claim has sending
// (its subject) that the sentence has receiving (after "ke", "kepada"),
// or the reverse, swaps the direction.
func ruleDirection(v *Verifier, c *claim, w *window) *finding {
	ptoks := make([]lexicon.Token, len(w.toks))
	pbreaks := make([]bool, len(w.toks))
	for j, t := range w.toks {
		ptoks[j], pbreaks[j] = t.Token, t.breakBefore
	}
	proles := func(i int) []role {
		var out []role
		for _, sp := range w.spans[i] {
			out = append(out, roleBefore(ptoks, pbreaks, sp[0], firstNameIn(v, w, sp[0])))
		}
		return out
	}
	// The converse ("Russia received troops from North Korea" for "Korea
	// Utara mengirim pasukan ke Rusia"): the claim's source acts in the
	// sentence, so its subject receives there.
	converse := false
	for i, k := range c.concepts {
		if k.kind == kindEntity && w.anyMatch(i) && c.roles[i] == roleSource && containsRole(proles(i), roleSubject) {
			converse = true
		}
	}
	if converse {
		return nil
	}
	for i, k := range c.concepts {
		if k.kind != kindEntity || !w.anyMatch(i) {
			continue
		}
		cr := c.roles[i]
		// From where, to where: a claim's source the sentence has as the
		// destination ("received troops from Russia", "ke Rusia").
		if pr := proles(i); (cr == roleSource && containsRole(pr, roleGoal) && !containsRole(pr, roleSource) ||
			cr == roleGoal && containsRole(pr, roleSource) && !containsRole(pr, roleGoal)) && c.aboutSame(w.credits, -1) {
			return &finding{contradicts: true, reason: fmt.Sprintf("the direction is reversed: in the passage %s is where it goes from or to the other way", k.Surface)}
		}
		if cr != roleSubject && cr != roleGoal {
			continue
		}
		// The name may occur more than once ("Pyongyang, Suarathailand-
		// … ke Pyongyang"): one occurrence in the claim's role is enough.
		var reversed []int
		same := false
		for _, sp := range w.spans[i] {
			if sp[0] > 0 && titleWords[ptoks[sp[0]-1].Norm] && !pbreaks[sp[0]] {
				continue // "Presiden Ukraina Zelenskyy": the country names the office, it does not act
			}
			pr := roleBefore(ptoks, pbreaks, sp[0], firstNameIn(v, w, sp[0]))
			if pr == cr || cr == roleSubject && relativeSubject(ptoks, sp[1]) {
				same = true
			}
			if cr == roleSubject && pr == roleGoal || cr == roleGoal && pr == roleSubject {
				reversed = append(reversed, sp[0], sp[1], int(pr))
			}
		}
		if len(reversed) > 0 && !same {
			if !c.aboutSame(w.credits, -1) {
				return nil
			}
			other := "the one receiving"
			if role(reversed[2]) == roleSubject {
				other = "the one acting"
			}
			return &finding{contradicts: true, reason: fmt.Sprintf("the direction is reversed: in the passage %s is %s", tokensText(w.toks[reversed[0]:reversed[1]]), other)}
		}
	}
	return agencySwap(v, c, w, ptoks, pbreaks)
}

func containsRole(rs []role, r role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// agencySwap: two names of the claim trade places. The claim's subject
// (who supplies) stands in the sentence only as a complement (whose
// ammunition), while a name the claim has as a complement is the
// sentence's subject: "Russia supplies North Korea's ammunition" against
// "Korea Utara memasok amunisi Rusia". A name the claim has as a source
// ("receives … from North Korea") is a converse, not a swap.
func agencySwap(v *Verifier, c *claim, w *window, ptoks []lexicon.Token, pbreaks []bool) *finding {
	if c.reciprocal() {
		return nil // "Choe met Lavrov" is "Lavrov bertemu Choe"
	}
	passageRole := func(i int) (subject, other bool) {
		for _, sp := range w.spans[i] {
			at := nameStart(w, sp[0])
			if relativeSubject(ptoks, sp[1]) {
				subject = true
				continue
			}
			switch roleBefore(ptoks, pbreaks, at, firstNameIn(v, w, at)) {
			case roleSubject:
				subject = true
			case roleOther:
				other = true
			}
		}
		return subject, other
	}
	for i, k := range c.concepts {
		if k.kind != kindEntity || !w.anyMatch(i) || c.roles[i] != roleSubject {
			continue
		}
		if subj, other := passageRole(i); subj || !other {
			continue
		}
		for j, k2 := range c.concepts {
			if j == i || k2.kind != kindEntity || !w.anyMatch(j) || c.roles[j] != roleOther || sameName(k, k2) {
				continue
			}
			if subj, _ := passageRole(j); !subj || !c.aboutSame(w.credits, -1) || coordinated(c, i, j) {
				continue
			}
			// A swap puts the two names the other way round: the sentence
			// names the claim's complement first.
			ci, _ := c.claimSpan(i)
			cj, _ := c.claimSpan(j)
			if ci < 0 || cj < 0 || (ci < cj) != (firstSpan(w, j) < firstSpan(w, i)) || !predicateBetween(c, w, i, j) {
				continue
			}
			sp := w.spans[j][0]
			return &finding{contradicts: true, reason: fmt.Sprintf("who does it is swapped: in the passage %s does it, not %s", tokensText(w.toks[sp[0]:sp[1]]), k.Surface)}
		}
	}
	return nil
}

// predicateBetween reports whether a content word of the claim stands
// between names i and j both in the claim and in the sentence: the same
// predicate ("supplies" = "memasok") with its arguments traded.
func predicateBetween(c *claim, w *window, i, j int) bool {
	ci, _ := c.claimSpan(i)
	cj, _ := c.claimSpan(j)
	pi, pj := firstSpan(w, i), firstSpan(w, j)
	if passiveBetween(c.toks, min(ci, cj), max(ci, cj)) || passiveBetween(w.lexTokens(), min(pi, pj), max(pi, pj)) {
		return false // "dipasok Korea Utara", "denied by": the agent follows
	}
	for m, k := range c.concepts {
		if k.kind != kindContent || !w.anyMatch(m) {
			continue
		}
		cm, ce := c.claimSpan(m)
		if cm < 0 || hasTitleWord(c.toks[cm:ce]) {
			continue // "Ukraine's intelligence chief Kyrylo Budanov": a title, not a predicate
		}
		if cm < min(ci, cj) || cm > max(ci, cj) {
			continue
		}
		for _, sp := range w.spans[m] {
			if sp[0] > min(pi, pj) && sp[0] < max(pi, pj) {
				return true
			}
		}
	}
	return false
}

// passiveBetween reports a passive between tokens a and b: an agent
// preposition (by, oleh) or an Indonesian di- verb, after which the one
// acting comes second.
func passiveBetween(toks []lexicon.Token, a, b int) bool {
	for k := a + 1; k < b && k < len(toks); k++ {
		n := toks[k].Norm
		if agentPreps[n] || len(n) > 4 && strings.HasPrefix(n, "di") && !toks[k].Upper && lexicon.StemID(n)[0] != n {
			return true
		}
	}
	return false
}

// coordinated reports whether concepts i and j of the claim are joined
// by a coordinator ("Korut dan Rusia", "Putin and Kim"): both are
// subjects, in either order.
func coordinated(c *claim, i, j int) bool {
	si, ei := c.claimSpan(i)
	sj, ej := c.claimSpan(j)
	if si > sj {
		si, ei, sj, ej = sj, ej, si, ei
	}
	_ = ej
	_ = si
	if ei < 0 || sj < 0 || sj-ei > 1 {
		return false
	}
	return sj == ei || coordinators[c.toks[ei].Norm]
}

var coordinators = map[string]bool{"and": true, "dan": true, "serta": true, "or": true, "atau": true, "with": true, "dengan": true}

// firstSpan is the first token where concept i matched in the window.
func firstSpan(w *window, i int) int {
	first := len(w.toks)
	for _, sp := range w.spans[i] {
		first = min(first, sp[0])
	}
	return first
}

// nameStart is where the capitalised run holding token j begins ("Kyrylo
// Budanov" for "Budanov").
func nameStart(w *window, j int) int {
	for j > 0 && !w.toks[j].breakBefore && w.toks[j-1].Upper && !w.toks[j-1].Num && !titleWord(w.toks[j-1].Norm) {
		j--
	}
	return j
}

// sameName reports whether two concepts share a word of their names
// ("Kim" and "Kim Jong Un").
func sameName(a, b concept) bool {
	for w := range a.words {
		if b.words[w] {
			return true
		}
	}
	return false
}

// hasOwnSubject reports whether the passage sentence names its own
// subject ("Choe Son Hui bertemu …"): then the article's title cannot
// stand in for the claim's subject, which the sentence says is someone
// else.
func hasOwnSubject(v *Verifier, w *window) bool {
	for j, t := range w.toks {
		if t.Upper && !t.Num && !titleWord(t.Norm) && !lexicon.IsCalendarWord(t.Norm) && !v.lex.KnownWord(t.Norm) && firstNameIn(v, w, j) {
			return true
		}
	}
	return false
}

// countryConcept reports whether a name is a country or its seat of
// power: a passage's own subject may still be that country's ("Pemerintah
// Kim" for North Korea), while a person must be named.
func (v *Verifier) countryConcept(k concept) bool {
	for _, a := range k.Alts {
		var words []string
		for _, w := range a {
			if len(w) > 0 {
				words = append(words, w[0])
			}
		}
		if v.lex.IsPlaceName(strings.Join(words, " ")) {
			return true
		}
	}
	return false
}

// firstNameIn reports whether the name at token j is the first name of
// its sentence, with only lower-case words or a title before it.
func firstNameIn(v *Verifier, w *window, j int) bool {
	for k := j - 1; k >= 0; k-- {
		t := w.toks[k]
		if t.Norm == "bahwa" || t.Norm == "that" || reportingWords[t.Norm] {
			return true // the subject of a reported clause
		}
		if t.Upper && !titleWord(t.Norm) && !lexicon.IsCalendarWord(t.Norm) && (k > 0 || w.matched(k) || !v.lex.KnownWord(t.Norm)) {
			return false
		}
	}
	return true
}

// titleWord are words of titles that stand before a name ("Pemimpin Korea
// Utara Kim Jong Un", "Menteri Luar Negeri"). A closed class of
// government titles.
func titleWord(n string) bool {
	switch n {
	case "pemimpin", "presiden", "menteri", "luar", "negeri", "pemerintah", "wakil", "perdana", "kepala", "juru", "bicara",
		"leader", "president", "minister", "foreign", "prime", "deputy", "chief", "government", "sekretaris", "secretary", "menlu",
		"diplomat", "tertinggi", "top", "senior":
		return true
	}
	return false
}

func tokensText(ts []token) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, " ")
}

// negatedAt reports the negator governing a matched token of the window,
// or "". A negator inside a matched phrase ("tanpa syarat" for
// "unconditional") is part of what is matched, not a negation of it.
func (w *window) negation() string {
	for j, t := range w.toks {
		if !negators[t.Norm] || w.matched(j) {
			continue
		}
		for k := j + 1; k < len(w.toks) && k <= j+negationScope; k++ {
			if w.toks[k].breakBefore {
				break
			}
			if w.matched(k) {
				return negPhrase(w.toks, j)
			}
		}
	}
	return ""
}

// negationFor is negation for claim c: a negator the claim's own
// negator matched ("dibantah" for "dibantah") is still a negator, and
// only a content word's or name's match ("tanpa syarat" for
// "unconditional") makes it part of what is matched.
func (w *window) negationFor(c *claim) string {
	lt := w.lexTokens()
	for j := range w.toks {
		if !negatorAt(lt, j) && !stopsShortAt(w.toks, j) || w.matchedByContent(c, j) || negativeAdjective(w.toks, j) || comparativeNo(lt, j) || negatorAt(lt, j) && cancelledNegation(lt, j) {
			continue
		}
		scope, from := negationScope, j+1
		if stopsShortAt(w.toks, j) {
			scope++ // "berhenti mengatakan": the verb of saying is part of it
			// What is not said is the clause the verb of saying takes:
			// "berhenti mengatakan apa yang ada dalam rencana itu".
			if w.governs(j+1, c) {
				return negPhrase(w.toks, j)
			}
			// The verb of saying is the negator's own word: a claim word
			// it renders loosely ("talks" as "mengatakan") is not what
			// goes unsaid; only a claim's own verb of saying is.
			if !w.sayingMatched(c, j+1) {
				from = j + 2
			}
		}
		for k := from; k < len(w.toks) && k <= j+scope; k++ {
			if w.toks[k].breakBefore {
				break
			}
			if w.matched(k) {
				return negPhrase(w.toks, j)
			}
		}
	}
	return ""
}

// negativeAdjective reports an Indonesian negator before a ter- word
// ("tak terkalahkan", invincible; "tidak terbatas", unlimited): one
// adjective of negative meaning, which a claim may render either way
// ("invincible", "cannot be defeated").
func negativeAdjective(toks []token, j int) bool {
	n := toks[j].Norm
	if n != "tak" && n != "tidak" || j+1 >= len(toks) {
		return false
	}
	next := toks[j+1].Norm
	return len(next) > 5 && strings.HasPrefix(next, "ter")
}

// negativeAdjectiveMatched reports a negative adjective whose ter- word
// the claim matched.
func (w *window) negativeAdjectiveMatched(c *claim) bool {
	for j := range w.toks {
		if negativeAdjective(w.toks, j) && w.matchedByContent(c, j+1) {
			return true
		}
	}
	return false
}

// matchedByContent reports whether token j of the window is inside a
// match of a concept of the claim that is not a meta word: the claim's
// own negator ("failed", which the dictionaries render "kalah" among
// others) matching "tak terkalahkan" says nothing about it.
func (w *window) matchedByContent(c *claim, j int) bool {
	for i, sps := range w.spans {
		if i < len(c.concepts) && (c.concepts[i].kind == kindMeta || c.negatedAffirmation(i)) {
			continue // a negated "membenarkan" meets "dibantah", which still negates
		}
		for _, sp := range sps {
			if sp[0] <= j && j < sp[1] {
				return true
			}
		}
	}
	return false
}

// sayingMatched reports whether token j of the window is matched by a
// verb of saying of the claim.
func (w *window) sayingMatched(c *claim, j int) bool {
	for i, sps := range w.spans {
		if i >= len(c.concepts) || !sayingVerb(strings.ToLower(c.concepts[i].Surface)) {
			continue
		}
		for _, sp := range sps {
			if sp[0] <= j && j < sp[1] {
				return true
			}
		}
	}
	return false
}

// stopsShortAt reports "berhenti" before a verb of saying ("media negara
// berhenti mengatakan apa …", stopped short of saying): the passage does
// not say it, a negation.
func stopsShortAt(toks []token, j int) bool {
	return toks[j].Norm == "berhenti" && j+1 < len(toks) && sayingVerb(toks[j+1].Norm)
}

func negPhrase(toks []token, j int) string {
	end := min(len(toks), j+3)
	return tokensText(toks[j:end])
}

// claimNegation reports the claim's negator governing one of its concepts.
func (c *claim) claimNegation() string {
	for j, t := range c.toks {
		if !negatorAt(c.toks, j) || c.inConceptKind(j, kindContent) || c.inConceptKind(j, kindEntity) || comparativeNo(c.toks, j) || cancelledNegation(c.toks, j) {
			continue
		}
		for k := j + 1; k < len(c.toks) && k <= j+negationScope; k++ {
			if c.breaks[k] {
				break
			}
			if c.inConcept(k) {
				return t.Text
			}
		}
	}
	return ""
}

func (c *claim) inConcept(j int) bool {
	for _, sp := range c.cspans {
		if sp[0] <= j && j < sp[1] {
			return true
		}
	}
	return false
}

// ruleNegation: the claim and the sentence must agree on polarity: "had
// verified" is contradicted by "tidak dapat memverifikasi", and "did not
// agree" by "setuju".
func ruleNegation(v *Verifier, c *claim, w *window) *finding {
	cn, pn := c.claimNegation(), w.negationFor(c)
	if (cn != "") == (pn != "") {
		return nil
	}
	if cn != "" && w.negativeAdjectiveMatched(c) {
		return nil // "cannot be defeated" for "tak terkalahkan"
	}
	if !c.aboutSame(w.credits, -1) {
		// The same one doing the same thing, negated, is the opposite
		// however the rest is worded ("Bloomberg memverifikasi klaim …"
		// against "Bloomberg tidak dapat memverifikasi penilaian …").
		if pn != "" && c.subjectVerbNegated(w) {
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage says the opposite (“%s”)", pn)}
		}
		return &finding{reason: "the passage's polarity differs"}
	}
	if pn != "" {
		return &finding{contradicts: true, reason: fmt.Sprintf("the passage says the opposite (“%s”)", pn)}
	}
	return &finding{contradicts: true, reason: fmt.Sprintf("the claim says “%s”; the passage states it as fact", cn)}
}

// qualifierAt reads the quantity qualifier of the number at token i:
// before it ("at least 600"), else after it ("600 or more").
func qualifierAt(norms []string, i int) (int, string) {
	if q, qs := preQualifierAt(norms, i); q != qualNone {
		return q, qs
	}
	return postQualifierAt(norms, i)
}

// preQualifierAt reads the quantity qualifier before token i.
func preQualifierAt(norms []string, i int) (int, string) {
	for _, q := range qualifierPhrases {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		ok := true
		for k, w := range q.words {
			if norms[i-n+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return q.class, strings.Join(q.words, " ")
		}
	}
	return qualNone, ""
}

// compatible reports whether a claim's qualifier class is a faithful
// rendering of the passage's.
func compatibleQualifier(claim, passage int) bool {
	switch {
	case claim == passage:
		return true
	case claim == qualNone:
		return passage != qualUpTo && passage != qualNearly && passage != qualLessThan
	case claim == qualAbout:
		return passage == qualNone || passage == qualNearly
	case claim == qualExactly:
		return passage == qualNone
	}
	return false
}

// ruleQualifier: the bound on a number must be the passage's ("at least"
// ≠ "up to", "about" ≈ a bare figure).
func ruleQualifier(v *Verifier, c *claim, w *window) *finding {
	cn := normsOf(c.toks)
	pn := make([]string, len(w.toks))
	for j, t := range w.toks {
		pn[j] = t.Norm
	}
	for i, k := range c.concepts {
		if k.kind != kindNumber || !w.anyMatch(i) {
			continue
		}
		s, _ := c.claimSpan(i)
		if s < 0 {
			continue
		}
		cq, cs := qualifierAt(cn, s)
		ok := false
		pq, ps := qualNone, ""
		for _, sp := range w.spans[i] {
			q, qs := qualifierAt(pn, sp[0])
			if compatibleQualifier(cq, q) {
				ok = true
				break
			}
			pq, ps = q, qs
		}
		if ok {
			continue
		}
		if cs == "" {
			cs = "exactly"
		}
		if ps == "" {
			return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s %s; the passage gives the figure without “%s”", cs, k.Surface, cs)}
		}
		_ = pq
		return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s %s; the passage says %s (“%s”)", cs, k.Surface, qualNames[pq], ps)}
	}
	return nil
}

func normsOf(toks []lexicon.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

// vagueAt reads a vague magnitude word at token i ("thousands", "a few
// hundred"): its power of ten and whether "few" makes it small; ok false
// when token i is not one or counts a figure ("6 ribu").
func vagueAt(toks []lexicon.Token, i int) (mag int, few bool, ok bool) {
	m, isMag := vagueMagnitudes[toks[i].Norm]
	if !isMag || toks[i].Num {
		return 0, false, false
	}
	if i > 0 && (toks[i-1].Num || isNumberWord(toks[i-1].Norm) || vagueMagnitudes[toks[i-1].Norm] > 0 && !strings.HasSuffix(toks[i-1].Norm, "an") && !strings.HasSuffix(toks[i-1].Norm, "s")) {
		return 0, false, false // "six thousand", "dua ratus": a figure
	}
	singular := !strings.HasSuffix(toks[i].Norm, "s") && !strings.HasSuffix(toks[i].Norm, "an")
	if i > 0 && fewWords[toks[i-1].Norm] || i > 1 && fewWords[toks[i-2].Norm] {
		few = true
	} else if singular {
		return 0, false, false // "a thousand" is a figure
	}
	// "puluhan ribu", "tens of thousands": the larger word scales.
	if i+1 < len(toks) {
		if m2, ok2 := vagueMagnitudes[toks[i+1].Norm]; ok2 && m2 > m {
			return 0, false, false
		}
	}
	if i > 0 {
		if m0, ok0 := vagueMagnitudes[toks[i-1].Norm]; ok0 && m0 < m {
			m += m0
		}
	} else if i > 1 && toks[i-1].Norm == "of" {
		if m0, ok0 := vagueMagnitudes[toks[i-2].Norm]; ok0 && m0 < m {
			m += m0
		}
	}
	return m, few, true
}

// ruleVagueQuantity: "thousands" is not "a few hundred".
func ruleVagueQuantity(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	for i := range c.toks {
		cm, cf, ok := vagueAt(c.toks, i)
		if !ok {
			continue
		}
		found, other := false, ""
		for j := range ptoks {
			pm, pf, ok := vagueAt(ptoks, j)
			if !ok {
				if t := w.toks[j]; t.Num && t.value >= 10 && !isYear(t) {
					mag := int(math.Floor(math.Log10(t.value)))
					if mag == cm || mag == cm+1 && !cf {
						found = true
					}
				}
				continue
			}
			if pm == cm && pf == cf || pm == cm && cf {
				found = true
			} else {
				other = w.toks[j].Text
			}
		}
		if found {
			continue
		}
		what := c.toks[i].Text
		if cf {
			what = "a few " + what
		}
		if other != "" {
			return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage says %s", what, other)}
		}
		return &finding{reason: fmt.Sprintf("the passage does not say %s", what)}
	}
	return nil
}

// hedgedAt reports whether token j is an epistemic modal: not next to a
// negator ("tidak dapat" is inability), not the month May.
func hedgedAt(toks []lexicon.Token, j int) bool {
	t := toks[j]
	if appearHedgeAt(toks, j) {
		return true
	}
	if !hedges[t.Norm] || t.Upper && t.Norm == "may" && j > 0 {
		return false
	}
	if j > 0 && negators[toks[j-1].Norm] || j+1 < len(toks) && negators[toks[j+1].Norm] {
		return false
	}
	return true
}

// ruleModality: a claim must not state as fact what the passage says may
// happen, nor hedge what it states, nor be certain of a possibility.
func ruleModality(v *Verifier, c *claim, w *window) *finding {
	cHedge, cCertain := "", ""
	for j, t := range c.toks {
		if c.inConcept(j) && !hedges[t.Norm] && !certainties[t.Norm] && !appearHedgeAt(c.toks, j) {
			continue
		}
		if hedgedAt(c.toks, j) && cHedge == "" {
			cHedge = t.Text
		}
		if certainAt(c.toks, j) {
			cCertain = t.Text
		}
	}
	ptoks := w.lexTokens()
	pHedge, pCertain := "", false
	for j := range ptoks {
		pCertain = pCertain || certainAt(ptoks, j)
		if hedgedAt(ptoks, j) && pHedge == "" && w.governs(j, c) {
			pHedge = ptoks[j].Text
		}
	}
	switch {
	case cCertain != "" && pHedge != "":
		return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says “%s”; the passage says only that it may be so (“%s”)", cCertain, pHedge)}
	case cCertain != "" && !pCertain:
		return &finding{reason: fmt.Sprintf("says “%s”; the passage does not say it is certain", cCertain)}
	case cHedge == "" && pHedge != "":
		return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("states it as fact; the passage says only that it may be so (“%s”)", pHedge)}
	case cHedge != "" && pHedge == "":
		return &finding{reason: fmt.Sprintf("says “%s”; the passage does not hedge it", cHedge)}
	}
	return nil
}

// governs reports whether the word at j qualifies what the claim
// matched: a matched token after it in its clause ("… terus
// berkomunikasi, dan kemungkinan akan ada pertemuan" hedges the
// meetings, not the contact).
func (w *window) governs(j int, c *claim) bool {
	end := len(w.toks)
	for k := j + 1; k < len(w.toks); k++ {
		if w.toks[k].breakBefore {
			end = k
			break
		}
	}
	// A concept that also matched before the word is told there; its
	// later matches are loose translations ("heavily" as "lebih banyak").
	for i, sps := range w.spans {
		if i >= len(c.concepts) || c.concepts[i].kind == kindMeta || len(sps) == 0 {
			continue
		}
		after, within := true, false
		for _, sp := range sps {
			after = after && sp[0] > j
			within = within || sp[0] > j && sp[0] < end
		}
		if after && within {
			return true
		}
	}
	return false
}

// ordinalAt reads an ordinal at token i: "third", "ketiga", "ke-3", "3rd".
func (v *Verifier) ordinalAt(toks []lexicon.Token, i int) (int, bool) {
	t := toks[i]
	if n, ok := ordinalWords[t.Norm]; ok {
		// An Indonesian ke- numeral before a common noun is collective:
		// "kedua negara" is "both countries", "ketiga negara" "the three
		// countries"; the ordinal follows its noun ("kunjungan ketiga").
		if strings.HasPrefix(t.Norm, "ke") && i+1 < len(toks) && !toks[i+1].Upper && !toks[i+1].Num && !v.lex.IsStop(toks[i+1].Norm) &&
			toks[i+1].Norm != "kali" && toks[i+1].Norm != "kalinya" && toks[i+1].Start-t.End <= 1 && !ordinalNounBefore(toks, i) {
			return 0, false
		}
		return n, true
	}
	if t.Num && i+1 < len(toks) && ordinalSuffixes[toks[i+1].Norm] && toks[i+1].Start == t.End && !dayOfMonth(toks, i) {
		if v, err := parseInt(t.Norm); err == nil {
			return v, true
		}
	}
	if t.Num && i > 0 && toks[i-1].Norm == "ke" && toks[i-1].End+1 == t.Start {
		if v, err := parseInt(t.Norm); err == nil {
			return v, true
		}
	}
	return 0, false
}

func parseInt(s string) (int, error) {
	var n int
	_, err := fmt.Sscanf(s, "%d", &n)
	return n, err
}

// ordinalNouns take an Indonesian ordinal after them ("putaran kedua",
// the second round; "kunjungan ketiga", the third visit).
var ordinalNouns = map[string]bool{"putaran": true, "tahap": true, "babak": true, "kunjungan": true, "pertemuan": true,
	"ronde": true, "sesi": true, "gelombang": true, "periode": true, "masa": true, "jilid": true, "edisi": true, "tahun": true, "kalinya": true}

// ordinalNounBefore reports whether token i follows a noun that takes an
// ordinal.
func ordinalNounBefore(toks []lexicon.Token, i int) bool {
	return i > 0 && ordinalNouns[toks[i-1].Norm]
}

// ordinalDeterminers stand before an English ordinal "first" ("the first
// visit", "his first trip"); without one, "first" is an adverb.
var ordinalDeterminers = map[string]bool{"the": true, "its": true, "his": true, "her": true, "their": true, "our": true, "this": true, "a": true}

// ruleOrdinal: "fifth visit" is not "kunjungan ketiga".
func ruleOrdinal(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	for i := range c.toks {
		n, ok := v.ordinalAt(c.toks, i)
		if !ok {
			continue
		}
		if (c.toks[i].Norm == "first" || c.toks[i].Norm == "pertama") && (i == 0 || c.breaks[min(i+1, len(c.toks)-1)]) {
			continue // "First, …"
		}
		if c.toks[i].Norm == "first" && !(i > 0 && ordinalDeterminers[c.toks[i-1].Norm]) {
			continue // the adverb: "Lavrov first held talks", "first confirmed"
		}
		found, other := false, ""
		for j := range ptoks {
			m, ok := v.ordinalAt(ptoks, j)
			if !ok {
				continue
			}
			if m == n {
				found = true
				break
			}
			if !ambiguousOrdinals[ptoks[j].Norm] || ordinalNounBefore(ptoks, j) || v.ordinalAfterPhrase(ptoks, j) ||
				j+1 < len(ptoks) && (ptoks[j+1].Norm == "kali" || ptoks[j+1].Norm == "kalinya") {
				other = ptoks[j].Text // "putaran kedua", "pertama kalinya": surely an ordinal
			}
		}
		if found {
			continue
		}
		if other != "" {
			return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage says %s", c.toks[i].Text, other)}
		}
		if again := againAt(ptoks); n == 1 && again != "" {
			// "for the first time" where the passage says "once again"
			return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage says it happened again (“%s”)", c.toks[i].Text, again)}
		}
		return &finding{reason: fmt.Sprintf("the passage does not say %s", c.toks[i].Text)}
	}
	return nil
}

// againAt returns the words saying a thing happened once more ("sekali
// lagi", "once again", "yet again"), or "": not for the first time.
func againAt(toks []lexicon.Token) string {
	for j := 0; j+1 < len(toks); j++ {
		a, b := toks[j].Norm, toks[j+1].Norm
		if a == "sekali" && b == "lagi" || a == "once" && b == "again" || a == "yet" && b == "again" {
			return toks[j].Text + " " + toks[j+1].Text
		}
	}
	return ""
}

// timeRef is a relative time: the unit and its offset from now.
type timeRef struct {
	unit     string
	offset   int
	text     string
	from, to int // its tokens
}

// timeRefs reads the relative time phrases of tokens: "last year",
// "tahun lalu", "earlier this month", "awal bulan ini", "yesterday".
func timeRefs(toks []lexicon.Token) []timeRef {
	var out []timeRef
	for i, t := range toks {
		if t.Upper && t.Norm == "minggu" {
			continue // Sunday
		}
		if off, ok := dayDeictics[t.Norm]; ok && !(t.Norm == "kemarin" && i > 0 && timeUnits[toks[i-1].Norm] != "") {
			out = append(out, timeRef{"day", off, t.Text, i, i + 1})
			continue
		}
		unit, ok := timeUnits[t.Norm]
		if !ok {
			continue
		}
		if t.Norm == "pekan" && i > 0 && toks[i-1].Norm == "akhir" {
			unit = "weekend"
		}
		if i > 0 {
			if off, ok := deicticBefore[toks[i-1].Norm]; ok {
				out = append(out, timeRef{unit, off, toks[i-1].Text + " " + t.Text, i - 1, i + 1})
				continue
			}
		}
		if i+1 < len(toks) {
			if off, ok := deicticAfter[toks[i+1].Norm]; ok {
				out = append(out, timeRef{unit, off, t.Text + " " + toks[i+1].Text, i, i + 2})
			}
		}
	}
	return out
}

// timeScale orders the calendar units that nest.
var timeScale = map[string]int{"week": 1, "month": 2, "year": 3}

// excludesTime reports whether two relative times of different units
// cannot name the same moment in news usage: a month ago is not a year
// ago ("last month", "tahun lalu"), and this month is not last year; a
// finer time inside the current coarser one ("last month", "this year")
// may be.
func excludesTime(a, b timeRef) bool {
	sa, sb := timeScale[a.unit], timeScale[b.unit]
	if sa == 0 || sb == 0 || sa == sb {
		return false
	}
	coarse := b
	if sa > sb {
		coarse = a
	}
	return coarse.offset != 0
}

// ruleTime: "last year" is not "tahun ini".
func ruleTime(v *Verifier, c *claim, w *window) *finding {
	crefs := timeRefs(c.toks)
	if len(crefs) == 0 {
		return nil
	}
	ptoks := w.lexTokens()
	prefs := timeRefs(ptoks)
	for _, cr := range crefs {
		found, other := false, ""
		for _, pr := range prefs {
			if pr.unit != cr.unit {
				if excludesTime(cr, pr) {
					other = pr.text // "bulan lalu" is not "tahun lalu"
				}
				continue
			}
			if pr.offset == cr.offset {
				found = true
				break
			}
			other = pr.text
		}
		if found || monthDated(cr, ptoks) {
			continue
		}
		if other != "" {
			// The time phrase's own words are what differs: the rest
			// tells whether the sentence is about the same thing.
			inPhrase := func(i int) bool {
				s, e := c.claimSpan(i)
				return s >= 0 && s >= cr.from && e <= cr.to
			}
			return &finding{contradicts: c.aboutSameExcept(w.credits, inPhrase), reason: fmt.Sprintf("says %s; the passage says %s", cr.text, other)}
		}
		return &finding{reason: fmt.Sprintf("the passage does not say %s", cr.text)}
	}
	return nil
}

// ruleFormer: "former defence minister" needs "mantan", and a title the
// passage calls former ("mantan menteri pertahanan") is not current.
func ruleFormer(v *Verifier, c *claim, w *window) *finding {
	cFormer, cCurrent := "", ""
	for _, t := range c.toks {
		if formerWords[t.Norm] {
			cFormer = t.Text
		}
		if currentWords[t.Norm] {
			cCurrent = t.Text
		}
	}
	pFormer := ""
	for j, t := range w.toks {
		if formerWords[t.Norm] && j+1 < len(w.toks) && w.matched(j+1) {
			pFormer = t.Text
		}
	}
	switch {
	case cFormer != "" && pFormer == "":
		return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage does not say the title is a former one", cFormer)}
	case cFormer == "" && pFormer != "":
		return &finding{contradicts: c.aboutSame(w.credits, -1) || cCurrent != "", reason: fmt.Sprintf("the passage says the title is a former one (“%s”)", pFormer)}
	}
	return nil
}

// ruleNumberAnchor: the passage's figure must count what the claim's
// counts: "6,000 engineers were killed" is not backed by "6.000 tentara
// tewas" in a sentence that names engineers elsewhere.
func ruleNumberAnchor(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindNumber || !w.anyMatch(i) || len(k.anchor) == 0 {
			continue
		}
		var anchors [][2]int
		for _, a := range k.anchor {
			anchors = append(anchors, altSpansOne(a, w.toks)...)
		}
		if k.year() && c.monthBefore(i) && w.monthBeforeMatch(i) {
			continue // "February 2022" = "Februari 2022": a date, not a count
		}
		if len(anchors) == 0 {
			// What the claim counts is nowhere in the sentence: the
			// figure there counts something else when a word the claim
			// does not have follows it ("6.000 tentara" for "6,000
			// engineers").
			if other := v.countedWord(w, i); other != "" && !k.year() {
				return &finding{reason: fmt.Sprintf("the passage's %s counts “%s”", k.Surface, other)}
			}
			for _, sp := range w.spans[i] {
				if partitiveAfter(w.toks, sp[1]) {
					return &finding{reason: fmt.Sprintf("the passage's %s counts part of something else", k.Surface)}
				}
			}
			continue
		}
		// What a clause-final number counts is named earlier in the
		// clause: the sentence need only name it too.
		near := k.anchorBack
		for _, sp := range w.spans[i] {
			back := partitiveAfter(w.toks, sp[1])
			for _, a := range anchors {
				// "600 di antaranya", "600 of them": the figure counts
				// what the sentence named before it.
				if abs(a[0]-sp[0]) <= conflictWindow+1 || back && a[1] <= sp[0] {
					near = true
				}
			}
		}
		if !near {
			return &finding{reason: fmt.Sprintf("the passage's %s counts something else", k.Surface)}
		}
	}
	return nil
}

// partitiveAfter reports a partitive right after a figure ending at token
// j ("di antaranya", "dari mereka", "of them", "among them"): the figure
// counts part of something named before.
func partitiveAfter(toks []token, j int) bool {
	if j < len(toks) && toks[j].Norm == "antaranya" {
		return true
	}
	if j+1 >= len(toks) {
		return false
	}
	a, b := toks[j].Norm, toks[j+1].Norm
	return (a == "of" || a == "among") && (b == "them" || b == "whom" || b == "those") ||
		(a == "di" || a == "dari") && (b == "antaranya" || b == "mereka")
}

// monthBefore reports a month name right before the claim's number i.
func (c *claim) monthBefore(i int) bool {
	s, _ := c.claimSpan(i)
	return s > 0 && lexicon.IsMonthName(c.toks[s-1].Norm)
}

// monthBeforeMatch reports a month name right before a match of number i
// in the window.
func (w *window) monthBeforeMatch(i int) bool {
	for _, sp := range w.spans[i] {
		if sp[0] > 0 && lexicon.IsMonthName(w.toks[sp[0]-1].Norm) {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// titleZone is the stretch of toks that gives the name at [s, e) its
// title: the title words and the country before it ("Menteri Luar
// Negeri Rusia Sergey Lavrov", "Ukraine's defence minister Kyrylo
// Budanov"), or an apposition after a comma ("Kyrylo Budanov, kepala
// intelijen militer Ukraina,"). ok is false when no title head is there.
func titleZone(toks []lexicon.Token, breaks []bool, s, e int) (from, to int, ok bool) {
	from, to = s, s
	for k := s - 1; k >= 0 && s-k <= 7; k-- {
		n := toks[k].Norm
		// A title may stand before the name and a comma ("juru bicara
		// Kementerian Luar Negeri Rusia, Maria Zakharova").
		if breaks[k+1] && (k+1 != s || !titleBefore(toks, k)) || !(titleHeads[n] || titleModifiers[n] || toks[k].Upper || n == "s" || n == "the" || n == "of") {
			break
		}
		from = k
	}
	for k := from; k < s; k++ {
		if titleHeads[toks[k].Norm] {
			ok = true
		}
	}
	if ok {
		return from, s, true
	}
	if e < len(toks) && breaks[e] {
		to = e
		for to < len(toks) && to-e < 7 && (to == e || !breaks[to]) {
			if titleHeads[toks[to].Norm] {
				ok = true
			}
			to++
		}
		if ok {
			return e, to, true
		}
	}
	return s, s, false
}

// titleBefore reports a title's head within the seven tokens up to k.
func titleBefore(toks []lexicon.Token, k int) bool {
	for j := k; j >= 0 && j > k-7; j-- {
		if titleHeads[toks[j].Norm] {
			return true
		}
	}
	return false
}

// breaks tells, per token of the window, whether a clause break comes
// before it.
func (w *window) breaks() []bool {
	b := make([]bool, len(w.toks))
	for j, t := range w.toks {
		b[j] = t.breakBefore
	}
	return b
}

// ruleTitle: a title the claim gives a person must be the one the
// sentence gives them: "Kyrylo Budanov, menteri pertahanan" is not
// "Kyrylo Budanov, kepala intelijen militer", nor "Perdana Menteri …
// Lavrov" "Menlu … Lavrov". Where the sentence gives the name no title,
// the claim's is not checked here.
func ruleTitle(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	pbreaks := w.breaks()
	for i, k := range c.concepts {
		if k.kind != kindEntity || !w.anyMatch(i) || v.countryConcept(k) {
			continue
		}
		s, e := c.claimSpan(i)
		if s < 0 {
			continue
		}
		cf, ct, ok := titleZone(c.toks, c.breaks, s, e)
		if !ok {
			continue
		}
		var zones [][2]int
		for _, sp := range w.spans[i] {
			if f, t, ok := titleZone(ptoks, pbreaks, nameStart(w, sp[0]), sp[1]); ok {
				zones = append(zones, [2]int{f, t})
			}
		}
		if len(zones) == 0 {
			continue
		}
		// The title's words (modifiers too) are left out of whether the
		// sentence is about the same thing; its heads are checked.
		inTitle := func(m int) bool {
			km := c.concepts[m]
			ms, me := c.claimSpan(m)
			return m != i && km.kind != kindEntity && km.kind != kindNumber && ms >= cf && me <= ct && ms >= 0 && hasTitleWord(c.toks[ms:me])
		}
		for m, km := range c.concepts {
			if ms, me := c.claimSpan(m); !inTitle(m) || !titleHeaded(c.toks[ms:me]) {
				continue
			}
			if titleMatched(w, m) {
				continue // the sentence has the title, if not where expected
			}
			z := fromTitleWord(w.toks, zones[0])
			return &finding{contradicts: c.aboutSameExcept(w.credits, inTitle), reason: fmt.Sprintf("the passage calls %s “%s”, not “%s”", k.Surface, tokensText(w.toks[z[0]:z[1]]), titleText(c.toks[cf:ct], km.Surface))}
		}
		// The heads agree ("secretary", "menteri"); the office may not:
		// "Defence Secretary" where the passage says "Menteri Luar
		// Negeri", "Perdana Menteri" where it says "Menteri Luar Negeri".
		if m, z, ok := officeDiffers(c, w, zones, inTitle); ok {
			z = fromTitleWord(w.toks, z)
			return &finding{contradicts: c.aboutSameExcept(w.credits, inTitle), reason: fmt.Sprintf("the passage calls %s “%s”, not “%s”", k.Surface, tokensText(w.toks[z[0]:z[1]]), titleText(c.toks[cf:ct], c.concepts[m].Surface))}
		}
	}
	return nil
}

// titleLexeme reports a title's head or modifier ("menteri", "luar").
func titleLexeme(norm string) bool { return titleHeads[norm] || titleModifiers[norm] }

// anyWordIn reports whether one of the words is in set.
func anyWordIn(toks []lexicon.Token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.Norm] {
			return true
		}
	}
	return false
}

// fromTitleWord narrows a title zone to start at its first title word, for
// showing: a dateline before it ("Pyongyang, Suarathailand- Menteri Luar
// Negeri …") is not the title.
func fromTitleWord(toks []token, z [2]int) [2]int {
	for j := z[0]; j < z[1] && j < len(toks); j++ {
		if titleLexeme(toks[j].Norm) {
			return [2]int{j, z[1]}
		}
	}
	return z
}

// officeModifiers tell one office from another under the same head
// ("foreign", "defence", "prime" minister; "luar negeri", "pertahanan",
// "perdana" menteri; deputy, wakil). "Top", "senior" or "state" do not:
// "top diplomat" and "Secretary of State" are a foreign minister.
var officeModifiers = map[string]bool{
	"prime": true, "foreign": true, "defence": true, "defense": true, "deputy": true, "vice": true, "interior": true,
	"finance": true, "intelligence": true,
	"perdana": true, "luar": true, "pertahanan": true, "wakil": true, "intelijen": true, "keuangan": true, "dalam": true,
}

// officeDiffers returns a concept of the claim's title (inTitle) holding
// an office modifier the window does not match, where the passage's title
// zone for the same person holds another office modifier the claim does
// not match: two offices. A passage title without a modifier ("Menlu",
// "Menteri") neither confirms nor contradicts it.
func officeDiffers(c *claim, w *window, zones [][2]int, inTitle func(int) bool) (int, [2]int, bool) {
	for m := range c.concepts {
		ms, me := c.claimSpan(m)
		if !inTitle(m) || w.anyMatch(m) || !anyWordIn(c.toks[ms:me], officeModifiers) {
			continue
		}
		for _, z := range zones {
			for j := z[0]; j < z[1] && j < len(w.toks); j++ {
				if officeModifiers[w.toks[j].Norm] && !w.matched(j) {
					return m, z, true
				}
			}
		}
	}
	return -1, [2]int{}, false
}

// hasTitleWord reports whether the words hold a title's head or modifier.
func hasTitleWord(toks []lexicon.Token) bool {
	return anyWordIn(toks, titleHeads) || anyWordIn(toks, titleModifiers)
}

// titleHeaded reports whether the words hold a title's head ("defence
// minister", "menteri"); a modifier alone ("top", "senior") is not
// checked.
func titleHeaded(toks []lexicon.Token) bool { return anyWordIn(toks, titleHeads) }

// personsFor keeps, for a claim word naming people by what they are or
// do ("tourists", "pejabat", "prisoners"), the spans whose word does not
// name something other than people through a shared root
// (lexicon.NamesOtherThanPeople): the root "pengunjung" (visitors) shares
// with "kunjungan" (a visit), or "tahanan" (detainees) with "pertahanan"
// (defence), is not the same thing. Other words keep every span.
func (v *Verifier) personsFor(k concept, spans [][2]int, toks []token) [][2]int {
	if !k.person {
		return spans
	}
	w := strings.ToLower(k.Surface)
	out := spans[:0:0]
	for _, sp := range spans {
		for j := sp[0]; j < sp[1] && j < len(toks); j++ {
			if t := toks[j].Norm; t == w || !v.lex.NamesOtherThanPeople(t) {
				out = append(out, sp)
				break
			}
		}
	}
	return out
}

// outsideTitles drops the spans lying within a title of the passage (a
// run of title words holding a head: "Menteri Luar Negeri", "juru
// bicara"): their words name an office, and a claim word that is no title
// word meets one there only through a stem ("flow": keluar, luar).
func outsideTitles(spans [][2]int, toks []token) [][2]int {
	out := spans[:0:0]
	for _, sp := range spans {
		if !inTitleRun(toks, sp) {
			out = append(out, sp)
		}
	}
	return out
}

// inTitleRun reports whether every token of sp is a title word of a run
// of them that holds a title's head.
func inTitleRun(toks []token, sp [2]int) bool {
	lexeme := func(j int) bool { return titleLexeme(toks[j].Norm) }
	if sp[0] < 0 || sp[1] > len(toks) || sp[0] >= sp[1] {
		return false
	}
	for j := sp[0]; j < sp[1]; j++ {
		if !lexeme(j) {
			return false
		}
	}
	from, to := sp[0], sp[1]
	for from > 0 && lexeme(from-1) && !toks[from].breakBefore {
		from--
	}
	for to < len(toks) && lexeme(to) && !toks[to].breakBefore {
		to++
	}
	for j := from; j < to; j++ {
		if titleHeads[toks[j].Norm] {
			return true
		}
	}
	return false
}

// titleMatched reports whether concept m, a title, matched the window on
// a title's head: "menteri", not the "Kementerian Luar Negeri"
// (ministry) its stem also meets.
func titleMatched(w *window, m int) bool {
	for _, sp := range w.spans[m] {
		for j := sp[0]; j < sp[1] && j < len(w.toks); j++ {
			if titleHeads[w.toks[j].Norm] {
				return true
			}
		}
	}
	return false
}

// titleText is the title words of a claim's title zone, from the first
// to the last ("defence minister" of "Ukraine's defence minister"), or
// def.
func titleText(toks []lexicon.Token, def string) string {
	f, t := -1, -1
	for j, x := range toks {
		if titleHeads[x.Norm] || titleModifiers[x.Norm] {
			if f < 0 {
				f = j
			}
			t = j + 1
		}
	}
	if f < 0 {
		return def
	}
	var parts []string
	for _, x := range toks[f:t] {
		parts = append(parts, x.Text)
	}
	return strings.Join(parts, " ")
}

// ruleActor: another one of the same kind does it. The claim's subject
// (or its agent, "denied by the White House") is not the sentence's:
// the sentence names a different person or country as the one acting
// ("Choe … menyampaikan", "dibantah oleh Kremlin"), and has the claim's
// subject, if at all, only in another role ("dengan Lavrov"). A person
// is replaced only by a person, a country or seat of power only by one.
func ruleActor(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	pbreaks := w.breaks()
	for i, k := range c.concepts {
		if k.kind != kindEntity || c.roles[i] != roleSubject || i < len(w.credits) && w.credits[i] > 0 && !w.anyMatch(i) {
			continue
		}
		if w.anyMatch(i) {
			elsewhere := true
			for _, sp := range w.spans[i] {
				at := nameStart(w, sp[0])
				if r := roleBefore(ptoks, pbreaks, at, firstNameIn(v, w, at)); r == roleSubject || r == roleOther && !(at > 0 && companionPreps[w.toks[at-1].Norm]) && !v.possessorAt(ptoks, pbreaks, at) && !passiveAgentAt(w, at) {
					elsewhere = false
				}
			}
			if !elsewhere {
				continue
			}
		}
		if !c.aboutSame(w.credits, i) {
			continue
		}
		country := v.countryConcept(k)
		for j, t := range w.toks {
			if !t.Upper || t.Num || w.matched(j) || titleWord(t.Norm) || lexicon.IsCalendarWord(t.Norm) || j > 0 && w.toks[j-1].Upper && !t.breakBefore {
				continue
			}
			end := j + 1
			for end < len(w.toks) && w.toks[end].Upper && !w.toks[end].breakBefore && !w.matched(end) {
				end++
			}
			name := strings.ToLower(tokensText(w.toks[j:end]))
			place := v.lex.IsPlaceName(name) || v.lex.IsPlaceName(t.Norm)
			if place != country || !place && v.lex.KnownWord(t.Norm) {
				continue
			}
			agent := j > 0 && agentPreps[w.toks[j-1].Norm]
			if !agent && roleBefore(ptoks, pbreaks, j, firstNameIn(v, w, j)) != roleSubject {
				continue
			}
			// It must be the one acting in the claim's predicate: the
			// claim's verb right after it ("Choe, sebaliknya,
			// menyampaikan"), or right before its "oleh" ("dibantah oleh
			// Kremlin").
			if agent && !c.predicateAt(w, j-5, j-1) || !agent && !c.predicateAt(w, end, end+4) {
				continue
			}
			w.conflictAt = t.Start
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage says %s did it, not %s", tokensText(w.toks[j:end]), k.Surface)}
		}
	}
	return nil
}

// saysAround reports a verb of saying at the name [j, end) of the
// window: right after it ("Lavrov mengatakan"), right before it ("kata
// Lavrov"), or before its title ("kata juru bicara Kementerian Luar
// Negeri Rusia, Maria Zakharova").
func saysAround(w *window, ptoks []lexicon.Token, pbreaks []bool, j, end int) bool {
	if end < len(w.toks) && speechVerbs[w.toks[end].Norm] || j > 0 && speechVerbs[w.toks[j-1].Norm] {
		return true
	}
	if f, _, ok := titleZone(ptoks, pbreaks, j, end); ok && f > 0 && f < j {
		return speechVerbs[w.toks[f-1].Norm]
	}
	return false
}

// speechVerbs say who spoke ("kata Lavrov", "Lavrov mengatakan"); not
// the attributions to a source (menurut, according to, reported).
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "stated": true, "kata": true, "ujar": true,
	"ujarnya": true, "katanya": true, "mengatakan": true, "menyatakan": true, "menyebut": true, "tegas": true, "menegaskan": true}

// ruleSpeaker: the claim's speaker ("Lavrov said …") is not the
// sentence's: the sentence gives the words to another person ("kata
// juru bicara …, Maria Zakharova") and never to the claim's.
func ruleSpeaker(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	pbreaks := w.breaks()
	for i, k := range c.concepts {
		_, e := c.claimSpan(i)
		if k.kind != kindEntity || e <= 0 || e >= len(c.toks) || !speechVerbs[c.toks[e].Norm] || v.countryConcept(k) {
			continue
		}
		other := ""
		for j, t := range w.toks {
			if !t.Upper || t.Num || titleWord(t.Norm) || lexicon.IsCalendarWord(t.Norm) || j > 0 && w.toks[j-1].Upper && !t.breakBefore {
				continue
			}
			end := j + 1
			for end < len(w.toks) && w.toks[end].Upper && !w.toks[end].breakBefore {
				end++
			}
			if !saysAround(w, ptoks, pbreaks, j, end) {
				continue
			}
			for _, sp := range w.spans[i] {
				if sp[0] >= j && sp[0] < end {
					return nil // the claim's speaker speaks here
				}
			}
			name := strings.ToLower(tokensText(w.toks[j:end]))
			unknown := false
			for _, x := range w.toks[j:end] {
				unknown = unknown || !v.lex.KnownWord(x.Norm)
			}
			if other == "" && unknown && (!w.matched(j) || otherPersonAt(v, c, w, j, i)) && !v.lex.IsPlaceName(name) && !v.lex.IsPlaceName(t.Norm) {
				other = tokensText(w.toks[j:end])
				w.conflictAt = t.Start
			}
		}
		if other != "" && c.aboutSame(w.credits, i) {
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage says %s said it, not %s", other, k.Surface)}
		}
	}
	return nil
}

// predicateAt reports a content word of the claim (or a word a rule
// reads, "denied", but not a verb of saying) matched at a token of the
// window in [from, to).
func (c *claim) predicateAt(w *window, from, to int) bool {
	from, to = max(from, 0), min(to, len(w.toks))
	for j := from; j < to; j++ {
		for m, k := range c.concepts {
			if !(k.kind == kindContent || k.kind == kindMeta && !reportingWords[strings.ToLower(k.Surface)]) || m >= len(w.spans) {
				continue
			}
			for _, sp := range w.spans[m] {
				if sp[0] == j {
					return true
				}
			}
		}
	}
	return false
}

// companionPreps put a name beside the one acting ("bertemu dengan
// Lavrov", "talks with Lavrov").
var companionPreps = map[string]bool{"dengan": true, "with": true, "bersama": true}

// passiveAgentAt reports a name at token at right after an Indonesian
// passive verb of its own ("didampingi Lavrov", "disaksikan Kim"),
// which makes it that verb's agent, not the subject of another verb of
// the sentence. A passive the claim's words matched is left out: there
// the name may be the claim's agent ("disambut Putin").
func passiveAgentAt(w *window, at int) bool {
	if at == 0 || w.toks[at].breakBefore {
		return false
	}
	p := w.toks[at-1]
	return !p.Upper && !p.Num && len(p.Norm) >= 6 && strings.HasPrefix(p.Norm, "di") && !w.matched(at-1) && derivedPassive(p)
}

// derivedPassive reports a di- word built on a stem ("didampingi" on
// "damping"), not a word that merely begins so ("diplomat").
func derivedPassive(t token) bool {
	for _, s := range t.terms {
		if s != t.Norm && len(s) >= 3 && len(s) <= len(t.Norm)-2 && !strings.HasPrefix(s, "di") {
			return true
		}
	}
	return false
}

// ruleAttribute: whose the thing is. A country the claim puts on a noun
// ("Ukrainian forces", "pasukan Ukraina") must be the one the sentence
// puts on it: "pasukan Rusia" is Russia's forces, not Ukraine's. The
// noun's matches are read with the word after them (Indonesian order)
// or before them (English); the claim's country within two words of one
// of them is enough ("perang Rusia-Ukraina").
func ruleAttribute(v *Verifier, c *claim, w *window) *finding {
	// Indonesian puts the owner after its noun ("pasukan Korut"): a name
	// before a word there is that word's subject ("Korut membantu"), not
	// its owner.
	indonesian := v.lex.DetectLang(c.text) == "id"
	for i, k := range c.concepts {
		if k.kind != kindEntity || !v.countryConcept(k) {
			continue
		}
		if decided, _ := v.placeApposition(c, w, i); decided {
			continue // ruleCountryOfPlace reads "the North Korean city of Wonsan"
		}
		s, e := c.claimSpan(i)
		if s < 0 {
			continue
		}
		next := e
		if next < len(c.toks) && c.toks[next].Norm == "s" {
			next++ // "Russia's war"
		}
		for m, km := range c.concepts {
			ms, me := c.claimSpan(m)
			if km.kind != kindContent || ms < 0 || !(ms == next && !c.breaks[ms] && !indonesian || me == s && !c.breaks[s]) || !w.anyMatch(m) {
				continue
			}
			other, ok := "", false
			for _, sp := range w.spans[m] {
				for _, j := range []int{sp[1], sp[0] - 1} {
					if j < 0 || j >= len(w.toks) || w.toks[j].breakBefore && j == sp[1] {
						continue
					}
					if w.anyMatchAt(i, j) || w.anyMatchAt(i, j+1) && j+1 < len(w.toks) && j == sp[1] || j > 0 && j == sp[0]-1 && w.anyMatchAt(i, j-1) {
						ok = true
					} else if t := w.toks[j]; t.Upper && !w.matched(j) && (v.lex.IsPlaceName(t.Norm) || v.lex.IsPlaceName(strings.ToLower(t.Text))) && other == "" {
						other = tokensText(w.toks[min(sp[0], j):max(sp[1], j+1)])
						w.conflictAt = w.toks[min(sp[0], j)].Start
					}
				}
			}
			if !ok && other != "" && c.aboutSame(w.credits, i) {
				// Another owner contradicts only a sentence that says all
				// the rest; one that says something else about them
				// ("bertempur bersama" for "captured by") is another story.
				return &finding{contradicts: c.allWordsMatched(w.credits, i), reason: fmt.Sprintf("the passage says %s, not %s", other, strings.TrimSpace(c.text[c.toks[min(s, ms)].Start:c.toks[max(e, me)-1].End]))}
			}
		}
	}
	return nil
}

// allWordsMatched reports whether every content word of the claim but
// concept skip has a match.
func (c *claim) allWordsMatched(credits []float64, skip int) bool {
	for i, k := range c.concepts {
		if i != skip && k.kind == kindContent && i < len(credits) && credits[i] == 0 {
			return false
		}
	}
	return true
}

// anyMatchAt reports whether concept i matched token j of the window.
func (w *window) anyMatchAt(i, j int) bool {
	if i >= len(w.spans) {
		return false
	}
	for _, sp := range w.spans[i] {
		if sp[0] <= j && j < sp[1] {
			return true
		}
	}
	return false
}
