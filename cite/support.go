package cite

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/lexicon"
)

// kind is what a concept of a claim is, which decides how hard it is
// checked: numbers, names and dates must be in the passage; content words
// only add to the support score.
type kind int

const (
	kindContent kind = iota
	kindMeta         // about the coverage itself ("report", "artikel")
	kindNumber
	kindEntity
	kindDate // a month or weekday name
)

// Weights of a concept in the support score.
const (
	weightFact    = 2.0
	weightContent = 1.0
	weightMeta    = 0.3
	// creditContext is the credit for a name found only in the passage's
	// context, and creditCognate for a content word matched only by a
	// shared stem ("reconstruction" ~ "rekonstruksi").
	creditContext = 0.75
	creditCognate = 0.75
)

// concept is one idea of a claim, ready to be looked for in passages.
type concept struct {
	lexicon.Concept
	kind   kind
	weight float64
	value  float64 // numbers: the value, scaled ("6 ribu" is 6000)
	parsed bool    // numbers: value is set
	norm   string  // numbers: canonical form, for the few that do not parse
	// anchor is what a number counts or dates ("engineers" in "9,000
	// engineers", "July" in "12 July"), used to tell that a passage gives
	// a different figure for the same thing.
	anchor []lexicon.Alt
	// anchorBack is set when the anchor is a word before the number, the
	// number ending its clause ("deaths … at upwards of 6,000"): what it
	// counts is named earlier in the clause, not beside it.
	anchorBack bool
	words      map[string]bool // every word of the concept's alternatives, for names
	// person marks a one-word content concept naming people by what they
	// are or do ("tourists", "pejabat"): see Verifier.personsFor.
	person bool
}

// claim is an analysed sentence or clause.
type claim struct {
	text     string
	concepts []concept
	total    float64
	negation string // the word that makes the claim negative ("not"), or ""
	toks     []lexicon.Token
	breaks   []bool   // per token: a comma or the like before it
	cspans   [][2]int // per concept: its token span in toks, or -1, -1
	roles    []role   // per concept: what a name does in its clause
	// clauses are the claim's clauses, each analysed alone; nil when the
	// claim is one clause (or is itself a clause).
	clauses []claim
	// stated are the numbers the whole sentence states, for a clause or
	// piece judged alone: a passage figure another clause states is that
	// clause's, not a conflicting figure for this one.
	stated []float64
}

// placeSlot reports whether concept i is a place or destination of the
// claim ("in Moscow", "to Russia"): the sentence itself must name it.
func (c *claim) placeSlot(i int) bool {
	return i < len(c.roles) && (c.roles[i] == rolePlace || c.roles[i] == roleGoal)
}

// facts reports whether the claim states something checkable: a number,
// a name, a date or a content word.
func (c claim) facts() bool {
	for _, k := range c.concepts {
		if k.kind != kindMeta {
			return true
		}
	}
	return false
}

// hardFacts reports whether it has numbers, names or dates.
func (c claim) hardFacts() bool {
	for _, k := range c.concepts {
		if k.kind == kindNumber || k.kind == kindEntity || k.kind == kindDate {
			return true
		}
	}
	return false
}

func (c claim) numbers() bool {
	for _, k := range c.concepts {
		if k.kind == kindNumber {
			return true
		}
	}
	return false
}

// attributionRE matches a parenthesised attribution, "(according to
// Kompas)": it names the source, which the marker already binds, and
// Kabar's own answers shorten long titles in it.
var attributionRE = regexp.MustCompile(`(?i)\(\s*(?:according to|menurut|via|per)\s[^()]*\)`)

// countAttributionRE matches an attribution to a count of reports,
// ", according to 2 reports", "menurut satu laporan": it is about the
// coverage, which the markers cite.
var countAttributionRE = regexp.MustCompile(`(?i),?\s*\b(?:according to|menurut)\s[^,;.\[\]]{0,80}?\b(?:reports?|laporan(?:\s+lain)?)\b`)

func (v *Verifier) analyseClaim(text string) claim {
	text = undotInitialisms(text)
	text = expandYearRanges(text)
	text = attributionRE.ReplaceAllString(text, "")
	text = countAttributionRE.ReplaceAllString(text, "")
	c := v.analyseClause(text)
	if parts := splitClauses(text); len(parts) > 1 {
		for _, p := range parts {
			pc := v.analyseClause(p)
			if pc.facts() {
				c.clauses = append(c.clauses, pc)
			} else if n := len(c.clauses); n > 0 {
				c.clauses[n-1] = v.analyseClause(c.clauses[n-1].text + p)
			}
		}
		if len(c.clauses) < 2 {
			c.clauses = nil
		}
	}
	return c
}

// analyseClause analyses one clause of a claim.
func (v *Verifier) analyseClause(text string) claim {
	q := v.lex.Analyze(text)
	toks := lexicon.Tokenize(text)
	used := make([]bool, len(toks))
	c := claim{text: text}
	for _, con := range v.splitTitles(v.splitOpeningWord(q.Concepts, toks)) {
		k := concept{Concept: con, kind: kindContent, weight: weightContent}
		low := strings.ToLower(con.Surface)
		switch {
		case con.Number:
			k.kind, k.weight = kindNumber, weightFact
			k.value, k.parsed, k.anchor, k.anchorBack = v.numberInClaim(toks, used, con.Surface)
			if len(con.Alts) > 0 && len(con.Alts[0]) > 0 && len(con.Alts[0][0]) > 0 {
				k.norm = con.Alts[0][0][0]
			}
		case con.Entity && !(len(toks) > 0 && con.Surface == toks[0].Text && v.derivedWord(toks[0].Norm)):
			k.kind, k.weight = kindEntity, weightFact
		case lexicon.IsCalendarWord(strings.ToLower(con.Surface)) && startsUpper(con.Surface):
			k.kind, k.weight = kindDate, weightFact
			k = monthOnly(k)
		case con.Meta || reportingWords[low] || ruleWord(low) || sequenceAdverbs[low] || lightWords[low] || ordinalSuffixes[low] || prepositionalQualifier(toks, low) || clockWord(toks, low) || dayNoun(toks, low) || backBeforeDate(toks, low) || companionHead(toks, low) || publicationWords[low] || v.superlativeMost(toks, low):
			// Words a meaning rule reads (negators, modals, ordinals,
			// "former") are checked by that rule, not as vocabulary.
			k.kind, k.weight = kindMeta, weightMeta
		case len(toks) > 0 && toks[0].Upper && con.Surface == toks[0].Text && !starters[toks[0].Norm] && !isNumberWord(toks[0].Norm) && !isQualifier(toks[0].Norm) && !qualifierWord(toks[0].Norm) && !v.derivedWord(toks[0].Norm) && !v.translatedCommonWord(toks[0].Norm):
			// The lexicon reads a capitalised first word as an ordinary
			// word when its dictionaries know it ("Putin", "Russia"); in
			// a claim it is far more often the subject's name, so it
			// must be in the passage (in any of its translations). Read as
			// a name, it has a name's alternatives too: a capital stands
			// for its country ("Washington worries" = "AS khawatir").
			k.kind, k.weight = kindEntity, weightFact
			if v.lex.IsPlaceName(toks[0].Norm) {
				if nc, ok := v.lex.NameConcept(con.Surface); ok {
					k.Alts, k.AltWeights, k.AltLangs = nc.Alts, nc.AltWeights, nc.AltLangs
				}
			}
		}
		if k.kind == kindEntity {
			k.words = map[string]bool{}
			for _, w := range strings.Fields(strings.ToLower(con.Surface)) {
				k.words[w] = true
			}
			for _, a := range con.Alts {
				for _, w := range a {
					for _, t := range w {
						k.words[t] = true
					}
				}
			}
		}
		if k.kind == kindEntity || k.kind == kindContent && titleSurface(con.Surface) {
			k = v.withAbbreviations(k) // "Menlu" = "menteri luar negeri"
		}
		if k.kind == kindEntity {
			k = v.withWordByWord(k)
		}
		c.concepts = append(c.concepts, k)
	}
	c.concepts = v.spelledNumbers(text, toks, c.concepts)
	for _, k := range c.concepts {
		c.total += k.weight
	}
	c.negation = negated(toks, negationWords)
	c.toks = toks
	c.breaks = clauseBreaks(text, toks)
	c.cspans = locateConcepts(text, toks, c.concepts)
	c.qualifiersAsMeta()
	v.withPivot(&c)
	v.withWordNet(&c)
	c.roles = claimRoles(&c)
	v.capitalsAsCities(&c)
	for i := range c.concepts {
		k := &c.concepts[i]
		w := strings.ToLower(k.Surface)
		k.person = k.kind == kindContent && !strings.Contains(w, " ") && (v.lex.PersonNoun(w, "en") || v.lex.PersonNoun(w, "id"))
	}
	return c
}

// capitalsAsCities keeps a capital to the city where it names a place:
// news names a government by its capital ("Moscow denied", "ties between
// Moscow and Pyongyang", "invited Pyongyang"), while a capital where
// something happens or that something reaches ("held in Moscow",
// "invited him to visit Moscow") is the city, not matched by a passage's
// "Rusia".
func (v *Verifier) capitalsAsCities(c *claim) {
	for i := range c.concepts {
		k := &c.concepts[i]
		if k.kind != kindEntity || i >= len(c.roles) || !v.lex.IsSeatOfPower(strings.ToLower(k.Surface)) || c.capitalActs(i) {
			continue
		}
		kept := k.KeepAlts(func(_ int, a lexicon.Alt) bool {
			words := make([]string, 0, len(a))
			for _, w := range a {
				if len(w) > 0 {
					words = append(words, w[0])
				}
			}
			joined := strings.Join(words, " ")
			return joined == strings.ToLower(k.Surface) || v.lex.IsSeatOfPower(joined)
		})
		if len(kept.Alts) == 0 {
			continue
		}
		k.Concept = kept
	}
}

// qualifiersAsMeta makes the words of a quantity qualifier before a
// number ("at least", "more than", "paling sedikit") words the qualifier
// rule reads, not vocabulary a sentence must hold ("least" has no
// Indonesian word of its own).
func (c *claim) qualifiersAsMeta() {
	norms := normsOf(c.toks)
	inQual := make([]bool, len(c.toks))
	for i := 0; i < len(c.toks); i++ {
		// A figure is a number token or a spelled-out run ("empat puluh").
		last := i
		if !c.toks[i].Num {
			_, end, _ := numberWordRun(c.toks, i)
			if end <= i {
				continue
			}
			last = end - 1
		}
		if _, q := preQualifierAt(norms, i); q != "" {
			for k := i - len(strings.Fields(q)); k < i; k++ {
				inQual[k] = true
			}
		} else if _, q := postQualifierAt(norms, last); q != "" {
			j := last + 1
			if j < len(norms) && scaleOf(norms[j]) > 0 {
				j++
			}
			for k := j; k < j+len(strings.Fields(q)) && k < len(inQual); k++ {
				inQual[k] = true
			}
		}
		// "40 persen" is the passage's "40%", whose sign is no token.
		for j := last + 1; j < len(norms) && j <= last+2 && percentWords[norms[j]]; j++ {
			inQual[j] = true
		}
		i = last
	}
	c.spansAsMeta(inQual)
}

// spansAsMeta turns the content concepts whose tokens all have in set
// into meta concepts.
func (c *claim) spansAsMeta(in []bool) {
	for i := range c.concepts {
		k := &c.concepts[i]
		s, e := c.claimSpan(i)
		if k.kind != kindContent || s < 0 {
			continue
		}
		all := true
		for j := s; j < e; j++ {
			all = all && in[j]
		}
		if all {
			c.total += weightMeta - k.weight
			k.kind, k.weight = kindMeta, weightMeta
		}
	}
}

// withWordByWord adds to an English name of several words that has no
// Indonesian form the name translated word by word ("Korean People's
// Army": korea, rakyat, …), matched in any order, as Indonesian puts
// the head first ("Angkatan Darat Rakyat Korea").
func (v *Verifier) withWordByWord(k concept) concept {
	words := strings.Fields(k.Surface)
	if len(words) < 2 || len(k.Alts) > 3 {
		return k
	}
	var alt lexicon.Alt
	for _, w := range words {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		cs := v.lex.Analyze(strings.ToLower(w)).Concepts
		if len(cs) != 1 {
			return k
		}
		var forms lexicon.Word
		for _, a := range cs[0].Alts {
			if len(a) == 1 {
				forms = append(forms, a[0]...)
			}
		}
		if len(forms) == 0 {
			return k
		}
		alt = append(alt, forms)
	}
	k.Alts = append(k.Alts, alt)
	return k
}

// titleSurface reports whether a concept's words hold a title's head.
func titleSurface(surface string) bool {
	for _, w := range strings.Fields(strings.ToLower(surface)) {
		if titleHeads[w] {
			return true
		}
	}
	return false
}

// ruleWord reports a word one of the meaning rules reads.
func ruleWord(w string) bool {
	if _, ok := ordinalWords[w]; ok {
		return true
	}
	return negators[w] || disputeVerbs[w] || hedges[w] || certainties[w] || formerWords[w] || currentWords[w]
}

// derivedWord reports an Indonesian word built with affixes from a
// shorter stem ("pengiriman" from "kirim"): a common word, not a name,
// even when it opens a sentence.
func (v *Verifier) derivedWord(norm string) bool {
	for _, s := range lexicon.StemID(norm) {
		if s != norm && len(s) >= 3 && len(s) <= len(norm)-3 && v.lex.KnownWord(s) {
			return true
		}
	}
	return false
}

// titleWords are the closed class of titles and offices that stand before
// a name ("Presiden", "Menteri Luar Negeri", "Secretary of State").
var titleWords = map[string]bool{
	"president": true, "presiden": true, "minister": true, "menteri": true, "prime": true, "perdana": true,
	"foreign": true, "luar": true, "negeri": true, "secretary": true, "sekretaris": true, "leader": true, "pemimpin": true,
	"chief": true, "kepala": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "juru": true, "bicara": true,
	"ambassador": true, "duta": true, "besar": true, "general": true, "jenderal": true, "deputy": true, "wakil": true,
	"defence": true, "defense": true, "pertahanan": true, "envoy": true, "utusan": true, "aide": true, "ajudan": true,
	"king": true, "raja": true, "chairman": true, "ketua": true, "governor": true, "gubernur": true, "commander": true,
	"komandan": true, "panglima": true, "director": true, "direktur": true, "menlu": true, "of": true, "state": true,
	"top": true, "diplomat": true, "senior": true, "premier": true, "chancellor": true, "kanselir": true,
}

// splitTitles takes the titles off the front of a name ("Presiden Putin",
// "US Secretary of State Marco Rubio"): the title becomes ordinary words,
// checked like any others, and the name keeps only its name words. A
// country name inside the title ("US", "Rusia") stays a name.
func (v *Verifier) splitTitles(cs []lexicon.Concept) []lexicon.Concept {
	var out []lexicon.Concept
	for _, con := range cs {
		words := strings.Fields(con.Surface)
		if !con.Entity || len(words) < 2 {
			out = append(out, con)
			continue
		}
		i := 0
		var pre []string
		for i < len(words)-1 && titleWords[strings.ToLower(words[i])] {
			pre = append(pre, words[i])
			i++
		}
		// "US Secretary (of State)", "North Korean Defence Minister": a
		// country of one or two words, then a title.
		country := ""
		for k := 1; len(pre) == 0 && k <= 2 && k < len(words); k++ {
			if !titleWords[strings.ToLower(words[k])] || strings.ToLower(words[k]) == "of" {
				continue
			}
			country = strings.Join(words[:k], " ")
			i = k
			for i < len(words) && titleWords[strings.ToLower(words[i])] {
				pre = append(pre, words[i])
				i++
			}
		}
		if len(pre) == 0 {
			out = append(out, v.splitCountry(con, words)...)
			continue
		}
		if country != "" {
			out = append(out, v.lex.Analyze(country).Concepts...)
		}
		out = append(out, v.lex.Analyze(strings.ToLower(strings.Join(pre, " "))).Concepts...)
		if i < len(words) {
			out = append(out, v.asNames(v.splitCountry(con, words[i:]))...)
		}
	}
	return out
}

// splitCountry splits a run of capitalised words that starts with a
// country or other name the dictionaries translate ("Amerika Serikat
// Donald Trump") into that name and the rest.
func (v *Verifier) splitCountry(con lexicon.Concept, words []string) []lexicon.Concept {
	whole := v.lex.Analyze(strings.Join(words, " ")).Concepts
	if len(words) >= 3 {
		for j := 1; j < len(words); j++ {
			head := v.lex.Analyze(strings.Join(words[:j], " ")).Concepts
			if len(head) == 1 && head[0].Entity && translated(head[0], words[:j]) {
				return append(head, v.lex.Analyze(strings.Join(words[j:], " ")).Concepts...)
			}
		}
	}
	if tail := v.placeTail(words); tail > 0 {
		return append(v.lex.Analyze(strings.Join(words[:tail], " ")).Concepts, v.lex.Analyze(strings.Join(words[tail:], " ")).Concepts...)
	}
	if len(whole) == 0 || strings.Join(words, " ") == con.Surface {
		return []lexicon.Concept{con}
	}
	return whole
}

// placeTail is where a country or other place the dictionaries translate
// starts at the end of a run of capitalised words that is not itself one
// name: two names side by side ("told Bloomberg North Korea supplies …")
// are read apart, so each must be in the passage on its own. 0 when there
// is none.
func (v *Verifier) placeTail(words []string) int {
	if len(words) < 2 {
		return 0
	}
	if whole := v.lex.Analyze(strings.Join(words, " ")).Concepts; len(whole) == 1 && v.placeConcept(whole[0]) {
		return 0
	}
	for j := 1; j < len(words); j++ {
		tc := v.lex.Analyze(strings.Join(words[j:], " ")).Concepts
		hc := v.lex.Analyze(strings.Join(words[:j], " ")).Concepts
		if len(tc) == 1 && tc[0].Entity && v.placeConcept(tc[0]) && len(hc) == 1 && hc[0].Entity && !v.placeConcept(hc[0]) {
			return j
		}
	}
	return 0
}

// placeConcept reports a name one of whose written forms is a place the
// lexicon knows (a country, its short form or its seat of power).
func (v *Verifier) placeConcept(c lexicon.Concept) bool {
	for _, a := range c.Alts {
		var ws []string
		for _, w := range a {
			if len(w) > 0 {
				ws = append(ws, w[0])
			}
		}
		if j := strings.Join(ws, " "); v.lex.IsPlaceName(j) || v.lex.IsSeatOfPower(j) {
			return true
		}
	}
	return false
}

// translated reports whether a name has an alternative other than its own
// words: a translation, a short form or a metonym.
func translated(c lexicon.Concept, words []string) bool {
	own := map[string]bool{}
	for _, w := range words {
		own[strings.ToLower(w)] = true
	}
	for _, a := range c.Alts {
		for _, w := range a {
			if len(w) > 0 && !own[w[0]] {
				return true
			}
		}
	}
	return false
}

// claimRoles reads what each name of the claim does: the destination
// after "to", the place after "in", the subject when it opens its clause.
func claimRoles(c *claim) []role {
	roles := make([]role, len(c.concepts))
	for i, k := range c.concepts {
		if k.kind != kindEntity {
			continue
		}
		s, _ := c.claimSpan(i)
		if s < 0 {
			continue
		}
		first := true
		for j := s - 1; j >= 0; j-- {
			if c.breaks[j+1] || reportingWords[c.toks[j].Norm] || c.toks[j].Norm == "that" || c.toks[j].Norm == "bahwa" {
				break
			}
			if c.inConceptKind(j, kindContent) || c.inConceptKind(j, kindEntity) || c.inConceptKind(j, kindNumber) {
				first = false
				break
			}
		}
		roles[i] = roleBefore(c.toks, c.breaks, s, first)
		if _, e := c.claimSpan(i); s > 0 && addresseeVerbs[c.toks[s-1].Norm] && !possessive(c.text, c.toks, e) {
			roles[i] = roleGoal // "told Lavrov": the one told receives
		}
	}
	return roles
}

// capitalActs reports whether the capital at concept i stands for its
// government: anywhere but where something happens, where something
// goes or comes from ("in Moscow", "to Pyongyang", "from Seoul") or what
// is visited ("visit Moscow") — there it is the city. The government is
// who acts, owns, or is acted on ("Moscow denied", "Moscow's war",
// "invited Pyongyang", "ties between Moscow and Pyongyang").
func (c *claim) capitalActs(i int) bool {
	switch {
	case c.roles[i] == roleGoal && c.aidRecipient(i):
		return true // "help to Pyongyang": the government receives it
	case c.roles[i] == rolePlace || c.roles[i] == roleGoal || c.roles[i] == roleSource:
		return false
	}
	s, _ := c.claimSpan(i)
	return s <= 0 || !visitVerbs[c.toks[s-1].Norm]
}

// visitVerbs take the place visited as their object.
var visitVerbs = map[string]bool{"visit": true, "visits": true, "visited": true, "visiting": true, "toured": true, "tour": true,
	"mengunjungi": true, "kunjungi": true, "dikunjungi": true, "menyambangi": true}

// possessive reports whether the name ending before token e is a
// possessive ("Russia's top diplomat"): then it is not the one addressed.
func possessive(text string, toks []lexicon.Token, e int) bool {
	if e <= 0 || e > len(toks) {
		return false
	}
	rest := text[toks[e-1].End:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// addresseeVerbs take the one addressed as their object ("Kim told
// Lavrov"): a name right after them receives.
var addresseeVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true, "informed": true, "assured": true, "urged": true, "warned": true}

func (c *claim) inConceptKind(j int, k kind) bool {
	for i, sp := range c.cspans {
		if sp[0] <= j && j < sp[1] && c.concepts[i].kind == k {
			return true
		}
	}
	return false
}

// spelledNumbers turns spelled-out numbers of a claim ("nine thousand",
// "tiga") into number concepts, replacing the word concepts they were
// read as. "one" alone is left as a word: "one report says" counts
// nothing.
func (v *Verifier) spelledNumbers(text string, toks []lexicon.Token, concepts []concept) []concept {
	for i := 0; i < len(toks); i++ {
		value, end, scaled := numberWordRun(toks, i)
		if end == i || value < 2 && !scaled {
			continue
		}
		if i > 0 && (toks[i-1].Norm == "the" || toks[i-1].Norm == "both") && !scaled {
			i = end - 1
			continue // "the two countries" refers; it does not count
		}
		inRun := map[string]bool{}
		for _, t := range toks[i:end] {
			inRun[t.Norm] = true
		}
		kept := concepts[:0]
		for _, k := range concepts {
			words := lexicon.Tokenize(k.Surface)
			all := len(words) > 0 && k.kind != kindEntity && k.kind != kindNumber
			for _, w := range words {
				all = all && inRun[w.Norm]
			}
			if !all {
				kept = append(kept, k)
			}
		}
		anchor, back := v.anchorNear(toks, end, i-1)
		concepts = append(kept, concept{
			Concept: lexicon.Concept{Surface: text[toks[i].Start:toks[end-1].End], Number: true},
			kind:    kindNumber, weight: weightFact, value: value, parsed: true,
			norm:   strconv.FormatFloat(value, 'f', -1, 64),
			anchor: anchor, anchorBack: back,
		})
		i = end - 1
	}
	return concepts
}

// numberInClaim finds the number token written surface, its scaled value
// and the word it counts.
func (v *Verifier) numberInClaim(toks []lexicon.Token, used []bool, surface string) (float64, bool, []lexicon.Alt, bool) {
	for i, t := range toks {
		if !t.Num || used[i] || t.Text != surface {
			continue
		}
		used[i] = true
		val, err := strconv.ParseFloat(t.Norm, 64)
		parsed := err == nil
		next := i + 1
		if next < len(toks) && scaleOf(toks[next].Norm) > 0 {
			val *= scaleOf(toks[next].Norm)
			next++
		}
		anchor, back := v.anchorNear(toks, next, i-1)
		return val, parsed, anchor, back
	}
	return 0, false, nil, false
}

// anchorNear returns the alternatives of the word a number counts: the
// first content word among the two after it (from next) or, failing
// that, the two before it (from prev down).
func (v *Verifier) anchorNear(toks []lexicon.Token, next, prev int) ([]lexicon.Alt, bool) {
	// A bound before the number ("at upwards of 6,000", "more than")
	// says nothing of what it counts: the word before it may.
	if _, q := preQualifierAt(normsOf(toks), prev+1); q != "" {
		prev -= len(strings.Fields(q))
	}
	// Names between the number and what it counts describe it ("6,000
	// North Korean soldiers"): the counted word is past them.
	after := next
	for after < len(toks) && after < next+3 && toks[after].Upper && !toks[after].Num && !lexicon.IsCalendarWord(toks[after].Norm) {
		after++
	}
	// A unit the dictionaries know as a phrase counts as one ("900 square
	// kilometres" is "90 kilometer persegi").
	if after+1 < len(toks) && !toks[after].Upper && !toks[after+1].Upper {
		if an := v.lex.Analyze(strings.ToLower(toks[after].Text + " " + toks[after+1].Text)); len(an.Concepts) == 1 && strings.Contains(an.Concepts[0].Surface, " ") {
			return an.Concepts[0].Alts, false
		}
	}
	for _, j := range []int{after, after + 1, prev, prev - 1} {
		if j < 0 || j >= len(toks) || toks[j].Num || v.lex.IsStop(toks[j].Norm) || len(toks[j].Norm) < 3 || isQualifier(toks[j].Norm) {
			continue
		}
		if isNumberWord(toks[j].Norm) {
			continue
		}
		an := v.lex.Analyze(strings.ToLower(toks[j].Text))
		if len(an.Concepts) > 0 {
			return an.Concepts[0].Alts, j < next
		}
	}
	return nil, false
}

// token is a word or number of a passage with the index terms it matches.
type token struct {
	lexicon.Token
	breakBefore bool // a comma, dash or bracket comes before it
	terms       []string
	value       float64 // numbers: scaled value
	// spelled is set on the first word of a spelled-out number ("tiga",
	// "dua puluh", "kedua"), whose value is then value.
	spelled bool
	month   int     // the month it names, by name or as a date's figure (markCalendar)
	clock   float64 // the hour and minute it starts, "09:05" as 9.05 (markCalendar)
}

// passage is a source analysed once.
type passage struct {
	text    string
	sents   [][2]int // token ranges of its sentences
	toks    []token
	context []token // names only
	outlet  []token // names only
	before  []token // the sentence before the passage in its paragraph
	negated bool    // the passage negates something, so it may back a negative claim
}

func (v *Verifier) analysePassage(text, context, outlet string) passage {
	p := passage{text: text, toks: v.tokens(text), context: v.tokens(context), outlet: v.tokens(outlet)}
	p.sents = sentenceRanges(text, p.toks)
	for j, t := range p.toks {
		p.negated = p.negated || passageNegations[t.Norm] || stopsShortAt(p.toks, j)
	}
	return p
}

// tokens analyses text in both languages' terms, so English and
// Indonesian claims both meet it.
func (v *Verifier) tokens(text string) []token {
	lt := lexicon.Tokenize(text)
	out := make([]token, len(lt))
	breaks := clauseBreaks(text, lt)
	for i, t := range lt {
		tok := token{Token: t, breakBefore: breaks[i]}
		tok.terms = v.lex.WordTerms(t, "id")
		for _, e := range v.lex.WordTerms(t, "en") {
			if !containsString(tok.terms, e) {
				tok.terms = append(tok.terms, e)
			}
		}
		if !t.Num && !containsString(tok.terms, t.Norm) && !v.lex.IsStop(t.Norm) {
			tok.terms = append(tok.terms, t.Norm)
		}
		if t.Num {
			tok.value, _ = strconv.ParseFloat(t.Norm, 64)
			if i+1 < len(lt) && scaleOf(lt[i+1].Norm) > 0 {
				tok.value *= scaleOf(lt[i+1].Norm)
			}
		}
		out[i] = tok
	}
	for i := 0; i < len(lt); i++ {
		if n, ok := collectiveWords[lt[i].Norm]; ok {
			out[i].spelled, out[i].value = true, n
			continue
		}
		if value, end, _ := numberWordRun(lt, i); end > i {
			out[i].spelled, out[i].value = true, value
			i = end - 1
		}
	}
	markCalendar(text, out)
	return out
}

// verdict is the check of one claim against one passage.
type verdict struct {
	problems      []string // meaning findings that keep it from supporting
	contradiction string   // what the passage says instead, when it contradicts
	conflictRule  string   // the rule that found the contradiction
	conflictAt    int      // byte offset in the passage of the contradicting words
	span          Span     // byte offsets in the passage of the sentence(s) judged
	score         float64
	contentScore  float64 // the same, over words and names only (numbers left out)
	missing       []string
	namesPresent  bool
	supports      bool
}

// check weighs how much of the claim the passage holds. It supports the
// claim when every number, name and date is there and the weighted share
// of concepts found reaches minSupport.
func (v *Verifier) checkWhole(c claim, p passage, useContext bool) verdict {
	var got, contentGot, contentTotal, wordGot, wordTotal float64
	out := verdict{namesPresent: true}
	for i, k := range c.concepts {
		credit := 0.0
		switch k.kind {
		case kindNumber:
			if numberIn(k, p.toks) {
				credit = 1
			}
		case kindEntity:
			s, e := c.claimSpan(i)
			switch {
			case nameIn(k, p.toks) || nameIn(k, p.outlet) || acronymIn(c.toks, s, e, p.toks):
				credit = 1
			case useContext && nameIn(k, p.context):
				credit = creditContext
			}
		default:
			if altsIn(k.Alts, p.toks) || k.kind == kindDate && len(monthSpans(k, p.toks)) > 0 {
				credit = 1
			} else if k.kind == kindContent && cognateIn(k.Alts, p.toks) {
				credit = creditCognate
			}
		}
		got += credit * k.weight
		if k.kind != kindNumber {
			contentTotal += k.weight
			contentGot += credit * k.weight
		}
		if k.kind == kindContent {
			wordTotal += k.weight
			wordGot += credit * k.weight
		}
		if credit == 0 && (k.kind == kindNumber || k.kind == kindEntity || k.kind == kindDate) {
			out.missing = append(out.missing, k.Surface)
			if k.kind == kindEntity {
				out.namesPresent = false
			}
		}
	}
	if c.negation != "" && !p.negated {
		out.missing = append(out.missing, c.negation)
	}
	if c.total > 0 {
		out.score = got / c.total
	}
	if contentTotal > 0 {
		out.contentScore = contentGot / contentTotal
	}
	// Names and numbers alone do not make a claim: some of what it says
	// about them ("visited", "signed") must be in the passage too.
	wordsOK := wordTotal == 0 || wordGot/wordTotal >= minWords
	out.supports = c.total > 0 && len(out.missing) == 0 && out.score >= minSupport && wordsOK
	return out
}

// numberIn reports whether the passage states the number, by value, so
// "6,000", "6.000" and "6 ribu" meet while "6 ribu" does not state 6.
func numberIn(k concept, toks []token) bool {
	for _, t := range toks {
		if t.Num && (k.parsed && t.value == k.value || !k.parsed && t.Norm == k.norm) || t.spelled && k.parsed && t.value == k.value || clockMatches(k, t) {
			return true
		}
	}
	return false
}

// nameIn reports whether one of a name's alternatives is in toks. A single
// word standing for a longer name ("Korea" for "North Korea") does not
// count next to a different compass word ("Korea Selatan").
func nameIn(k concept, toks []token) bool {
	for _, a := range k.Alts {
		for _, pos := range altPositions(a, toks) {
			if len(a) == 1 && len(strings.Fields(k.Surface)) > 1 && qualifiedOtherwise(k, toks, pos) {
				continue
			}
			return true
		}
	}
	return len(variantSpans(k, toks)) > 0
}

func qualifiedOtherwise(k concept, toks []token, pos int) bool {
	for _, j := range []int{pos - 1, pos + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		if d := toks[j].Norm; directions[d] && !k.words[d] {
			return true
		}
	}
	return false
}

var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true,
	"utara": true, "selatan": true, "timur": true, "barat": true, "tengah": true,
}

func altsIn(alts []lexicon.Alt, toks []token) bool {
	for _, a := range alts {
		if len(altPositions(a, toks)) > 0 {
			return true
		}
	}
	return false
}

// phraseGap is how many tokens may separate the words of a phrase (stop
// words and particles the alternatives leave out).
const phraseGap = 3

// altPositions returns where the phrase a starts in toks: each word
// within phraseGap tokens after the one before.
func altPositions(a lexicon.Alt, toks []token) []int {
	var out []int
	for _, sp := range altSpansOne(a, toks) {
		out = append(out, sp[0])
	}
	return out
}

func wordAt(w lexicon.Word, t token) bool {
	for _, x := range w {
		if containsString(t.terms, x) {
			return true
		}
	}
	return false
}

// cognateIn matches a single-word alternative against passage words by a
// long shared stem, after folding spelling differences between English and
// Indonesian (c/k, ph/f, doubled letters): "reconstruction" meets
// "rekonstruksi", "strategic" meets "strategis".
func cognateIn(alts []lexicon.Alt, toks []token) bool { return len(cognateSpans(alts, toks)) > 0 }

// scaleOf is the multiplier of a scale word after a number.
func scaleOf(w string) float64 {
	switch w {
	case "ribu", "thousand", "rb", "k": // "10k" is tokenized "10", "k"
		return 1e3
	case "juta", "million", "millions", "jt":
		return 1e6
	case "miliar", "milyar", "billion", "billions":
		return 1e9
	case "triliun", "trilyun", "trillion":
		return 1e12
	}
	return 0
}

// qualifierWord reports a one-word quantity qualifier ("Exactly 600
// soldiers"): opening a claim, it is no name.
func qualifierWord(w string) bool {
	for _, q := range qualifierPhrases {
		if len(q.words) == 1 && q.words[0] == w {
			return true
		}
	}
	return false
}

// percentWords write out the per-cent sign after a figure.
var percentWords = map[string]bool{"persen": true, "percent": true, "per": true, "cent": true, "prosen": true}

// isQualifier spots words around a number that do not say what it counts.
func isQualifier(w string) bool { return lexicon.IsQuantityQualifier(w) || scaleOf(w) > 0 }

// starters open sentences without naming anyone: a capitalised first word
// in this list is not taken for a name.
var starters = map[string]bool{
	"meanwhile": true, "earlier": true, "additionally": true, "furthermore": true, "moreover": true, "previously": true,
	"later": true, "according": true, "both": true, "during": true, "after": true, "before": true, "since": true,
	"separately": true, "elsewhere": true, "overall": true, "together": true, "instead": true, "still": true, "yet": true,
	"finally": true, "first": true, "second": true, "third": true, "lastly": true, "last": true, "next": true,
	"reportedly": true, "officially": true, "initially": true, "recently": true, "currently": true, "today": true,
	"yesterday": true, "tomorrow": true, "similarly": true, "likewise": true, "notably": true, "specifically": true,
	"sebelumnya": true, "menurut": true, "setelah": true, "kedua": true, "selanjutnya": true, "sejak": true, "saat": true,
	"ketika": true, "selama": true, "sebelum": true, "lalu": true, "akhirnya": true, "sedangkan": true, "adapun": true,
	"bahkan": true, "meski": true, "meskipun": true, "walaupun": true, "tetapi": true, "selain": true, "pertama": true,
	"terakhir": true, "kini": true, "sekarang": true, "kemarin": true, "hari": true, "baru": true, "dilaporkan": true,
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// aidNouns are what one government gives another, not a place anyone
// travels to: the capital after "help to", "dukungan untuk" is the
// government that receives it.
var aidNouns = map[string]bool{
	"help": true, "support": true, "aid": true, "assistance": true, "backing": true,
	"bantuan": true, "dukungan": true, "sokongan": true,
}

// aidRecipient reports whether claim name i follows an aid noun and its
// preposition ("technological help to Pyongyang", "bantuan kepada
// Pyongyang"), a word describing the aid allowed between.
func (c *claim) aidRecipient(i int) bool {
	s, _ := c.claimSpan(i)
	if s < 2 {
		return false
	}
	switch c.toks[s-1].Norm {
	case "to", "for", "untuk", "kepada", "bagi", "ke":
	default:
		return false
	}
	return aidNouns[c.toks[s-2].Norm] || s >= 3 && aidNouns[c.toks[s-3].Norm] && !c.toks[s-2].Upper
}
