package answer

import (
	"slices"
	"sort"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// candidate is one sentence of a retrieved chunk, judged against a question.
type candidate struct {
	doc       *retrieval.Document
	paragraph int
	span      retrieval.Span // byte offsets of the sentence in the document
	chunk     retrieval.Chunk
	hitRank   int
	toks      []lexicon.Token
	termsAt   [][]string // index terms of each token

	coverage float64 // weighted share of the question's concepts found, 0..1
	entities bool    // every name and number of the question is present, one at least in the sentence
	// namesOnly: the question asks about something besides its names and
	// the sentence matches none of it (it only names the same people).
	namesOnly bool
	inDoc     bool // every name and number of the question is in the sentence's article
	allHere   bool // ... and all of them in the sentence itself
	// roleMissing: a who-question asks for the holder of a role ("the
	// Belarusian foreign minister") and the sentence names no such role:
	// whoever it names is not shown to hold it.
	roleMissing bool
	// prev is the previous sentence of the paragraph when this one refers
	// back to it ("With 301 attendees it was …", "Ia mendirikan …");
	// prevTerms its index terms, nil otherwise. namedBefore: a name of the
	// question was found there, so the quote starts with it.
	prev        retrieval.Span
	prevTerms   [][]string
	pointsBack  bool // a demonstrative ("pertemuan tersebut", "this meeting") refers to what the previous sentence describes
	namedBefore bool
	matched     []conceptMatch
	listTerms   [][]string // a list item's list: its earlier items, lead and page title (docs_list.go); nil otherwise
	score       float64
	keys        []key // answer-type matches in the sentence, nearest to the focus first
}

type conceptMatch struct {
	concept int
	weight  float64
	credit  float64 // 1 in the sentence; less when only the paragraph or document has it
	pos     int     // token index of the first matching word, -1 when outside the sentence
}

// answers reports whether the candidate may answer at all: every name of
// the question present, and enough of the question's weighted concepts.
// A sentence holding every name itself needs less of the rest, since the
// names already pin down what it is about.
func (c *candidate) answers() bool {
	if !c.entities || c.namesOnly || c.roleMissing {
		return false
	}
	if c.allHere {
		return c.coverage >= minCoverageNamed
	}
	return c.coverage >= minCoverage
}

// corroborates reports whether the candidate may back an answer found in
// other sentences: its article has every name of the question, though the
// sentence itself may say "the government" for "North Korea".
func (c *candidate) corroborates() bool {
	return c.inDoc && c.coverage >= minCoverage
}

func (c *candidate) text() string { return c.doc.Text[c.span.Start:c.span.End] }

// conceptWeights weighs each concept by how informative its words are in
// this corpus: the IDF of its alternatives' terms; a concept the corpus
// never mentions gets the highest weight so that an answer missing it
// falls short.
const entityMinWeight = 1.5

// absentWordWeight weighs a question word no article uses in any of its
// translations and that names no thing ("ballpark", "talked up"): it may
// be paraphrased, so missing it costs little.
const absentWordWeight = 0.5

// focusWeight multiplies the weight of the thing a wh-question asks
// about: a sentence naming it answers before one naming the rest.
const focusWeight = 1.5

func conceptWeights(corpus Corpus, q lexicon.Query) []float64 {
	w := make([]float64, len(q.Concepts))
	maxIDF := corpus.MaxIDF()
	for i, c := range q.Concepts {
		var sum float64
		var n int
		for _, a := range c.Alts {
			var altIDF float64
			present := true
			for _, word := range a {
				best := 0.0
				for _, t := range word {
					if v := corpus.IDF(t); v > best {
						best = v
					}
				}
				if best == 0 {
					present = false
					break
				}
				altIDF += best
			}
			if present && len(a) > 0 {
				sum += altIDF / float64(len(a))
				n++
			}
		}
		switch {
		case n == 0 && (c.Salient || c.Entity || c.Number):
			w[i] = maxIDF // a thing the coverage never mentions
		case n == 0:
			w[i] = absentWordWeight // a verb or chat word the coverage words otherwise
		default:
			w[i] = sum / float64(n)
		}
		if w[i] < 0.2 {
			w[i] = 0.2
		}
		// A name the whole coverage is about (Lavrov, Korea Utara) has a
		// low IDF, yet a sentence about someone else does not answer a
		// question about them.
		if (c.Entity || c.Number) && w[i] < entityMinWeight {
			w[i] = entityMinWeight
		}
		if c.Meta {
			w[i] *= 0.3
		}
	}
	return w
}

// absentThing returns the thing a question asks about (its focus, a
// salient noun: "how many tanks", "apa isi"; for a yes/no question every
// thing it names) that no article mentions in any of its translations, or
// "". Then no sentence answers the question: a sentence about the rest of
// it answers another one. Other things the question names ("ballpark",
// "the mutual defence clause") only weigh in its coverage: a reader may
// describe what an article says in words it does not use. A phrase is
// present when its head is ("construction workers": workers).
func absentThing(corpus Corpus, q lexicon.Query) string {
	present := func(c lexicon.Concept) bool {
		return conceptInCorpus(corpus, c) || headInCorpus(corpus, c, q.Lang)
	}
	otherLang := -1 // whether some article is in a language the question is not: computed when needed
	for _, c := range q.Concepts {
		if !c.Salient || !(c.Focus || q.Polar) || present(c) || anyListed(q, c, present) {
			continue
		}
		if !translated(c, q.Lang) {
			// A word the dictionaries cannot render ("pics") may be in the
			// other language's articles under a word no one can look up.
			if otherLang < 0 {
				otherLang = 0
				if hasArticleNotIn(corpus, q.Lang) {
					otherLang = 1
				}
			}
			if otherLang == 1 {
				continue
			}
		}
		return c.Surface
	}
	return ""
}

// translated reports whether a concept has an alternative in a language
// other than the question's own.
func translated(c lexicon.Concept, lang string) bool {
	for i := range c.Alts {
		if l := c.AltLang(i); l != "" && l != lang {
			return true
		}
	}
	return false
}

// hasArticleNotIn reports whether some article of the corpus is written
// in another language than lang.
func hasArticleNotIn(corpus Corpus, lang string) bool {
	for _, d := range corpus.Documents() {
		if d.Lang != "" && d.Lang != lang {
			return true
		}
	}
	return false
}

// anyListed reports whether another member of c's coordinated list
// ("construction workers and engineers") satisfies ok: a list asks about
// any of its members.
func anyListed(q lexicon.Query, c lexicon.Concept, ok func(lexicon.Concept) bool) bool {
	if c.List == 0 {
		return false
	}
	for _, o := range q.Concepts {
		if o.List == c.List && o.Surface != c.Surface && ok(o) {
			return true
		}
	}
	return false
}

// absentPlace returns a word an English question puts after a locative
// ("in donetsk", "from xinjiang") that is no ordinary English word and
// that no article uses, in any of its translations: a place typed in
// lower case that the coverage never mentions; "" when none.
func absentPlace(corpus Corpus, q lexicon.Query) string {
	if q.Lang != "en" {
		return "" // Indonesian chat words the dictionaries lack are no places
	}
	lex := corpus.Lexicon()
	toks := lexicon.Tokenize(q.Text)
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		switch toks[i-1].Norm {
		case "in", "from", "di", "ke", "dari":
		default:
			continue
		}
		if t.Num || len(t.Norm) < 3 || lex.IsStop(t.Norm) || lex.EnglishWord(t.Norm) || lexicon.IsCalendarWord(t.Norm) {
			continue
		}
		seen := false
		for _, lang := range []string{"en", "id"} {
			for _, term := range lex.WordTerms(t, lang) {
				seen = seen || corpus.DF(term) > 0
			}
		}
		for _, c := range q.Concepts {
			// its translations ("moscow": Moskow) may be there
			if !seen && strings.Contains(" "+strings.ToLower(c.Surface)+" ", " "+t.Norm+" ") {
				seen = conceptInCorpus(corpus, c)
			}
		}
		if !seen {
			return t.Norm
		}
	}
	return ""
}

// conceptInCorpus reports whether some alternative of c has every word
// in the corpus.
func conceptInCorpus(corpus Corpus, c lexicon.Concept) bool {
	for _, a := range c.Alts {
		if altInCorpus(corpus, a) {
			return true
		}
	}
	return false
}

func altInCorpus(corpus Corpus, a lexicon.Alt) bool {
	for _, word := range a {
		any := false
		for _, t := range word {
			if corpus.DF(t) > 0 {
				any = true
				break
			}
		}
		if !any {
			return false
		}
	}
	return len(a) > 0
}

// headInCorpus reports whether the head word of a phrase concept (the
// last word in English, the first in Indonesian), as written in the
// question, is in the corpus in one of its forms or translations.
func headInCorpus(corpus Corpus, c lexicon.Concept, lang string) bool {
	words := strings.Fields(strings.ToLower(c.Surface))
	if len(words) < 2 {
		return false
	}
	head := words[len(words)-1]
	if lang == "id" {
		head = words[0]
	}
	for _, hc := range corpus.Lexicon().Analyze(head).Concepts {
		if conceptInCorpus(corpus, hc) {
			return true
		}
	}
	return false
}

// matchAlt reports whether every word of a is among the term sets, and the
// token index of its first word.
func matchAlt(a lexicon.Alt, termsAt [][]string) (bool, int) {
	first := -1
	for _, word := range a {
		found := -1
		for i, terms := range termsAt {
			if anyIn(word, terms) {
				found = i
				break
			}
		}
		if found < 0 {
			return false, -1
		}
		if first < 0 || found < first {
			first = found
		}
	}
	return true, first
}

// restOfNameCredit is the credit of a name written without its first
// word in an article that names it whole: nearly a full match.
const restOfNameCredit = 0.9

// restOfNameAt returns the token where the sentence writes the rest of a
// name of two words or more without its first word, capitalised as a
// name ("Setiap rilis Stable …" for "Debian Stable", "the LTS team" for
// "Debian LTS"), in an article that has the first word elsewhere; or -1.
// A name qualified by its organisation or product is written that way
// once the page has set the context. Capitals tell the name from the
// ordinary word ("a stable release").
func restOfNameAt(con lexicon.Concept, c *candidate, docTerms [][]string) int {
	toks := lexicon.Tokenize(con.Surface)
	if len(toks) < 2 {
		return -1
	}
	first := lexicon.Word{toks[0].Norm}
	for _, a := range con.Alts {
		if len(a) == len(toks) && slices.Contains(a[0], toks[0].Norm) {
			first = a[0] // with its stems, as the index writes it
		}
	}
	if ok, _ := matchAlt(lexicon.Alt{first}, docTerms); !ok {
		return -1
	}
	rest := toks[1:]
	for i := 0; i+len(rest) <= len(c.toks); i++ {
		match := true
		for j, r := range rest {
			t := c.toks[i+j]
			match = match && t.Norm == r.Norm && t.Upper && (i+j > 0 || isAcronymText(t.Text))
		}
		if match {
			return i
		}
	}
	return -1
}

// isAcronymText reports whether a word is written in capitals ("LTS").
func isAcronymText(s string) bool {
	return len(s) > 1 && strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// namesWhole reports whether one of con's alternatives is written whole
// within termsAt: "Korea Utara" is not "Korea Selatan", though both
// have "Korea".
func namesWhole(con lexicon.Concept, termsAt [][]string) bool {
	for _, a := range con.Alts {
		if ok, _ := matchAlt(a, termsAt); ok {
			return true
		}
	}
	return false
}

// antecedentCredit is the credit of a word the sentence's demonstrative
// subject refers back to: stated, one sentence away.
const antecedentCredit = 0.8

// cognateCredit is the credit of a loan word spelled the other language's
// way: the same word, matched less surely than a dictionary translation.
const cognateCredit = 0.6

// cognateAt returns the token of the sentence that is a cognate of one of
// the concept's single-word alternatives, or -1.
func cognateAt(con lexicon.Concept, c *candidate) int {
	for _, a := range con.Alts {
		if len(a) != 1 {
			continue
		}
		for _, x := range a[0] {
			for i, terms := range c.termsAt {
				if c.toks[i].Num {
					continue
				}
				for _, t := range terms {
					if lexicon.Cognates(x, t) {
						return i
					}
				}
			}
		}
	}
	return -1
}

// inLanguage reports whether text of language altLang may appear in a
// document of language docLang.
func inLanguage(altLang, docLang string) bool {
	return altLang == "" || docLang == "" || altLang == docLang
}

func anyIn(word lexicon.Word, terms []string) bool {
	for _, w := range word {
		for _, t := range terms {
			if w == t {
				return true
			}
		}
	}
	return false
}

// judge scores a candidate against the analysed question.
func judge(c *candidate, q lexicon.Query, weights []float64, paraTerms, topicTerms, docTerms [][]string) {
	var got, total float64
	c.entities = true
	named, namedHere := 0, 0
	docOnly := false // a name of the question only elsewhere in the article
	content, contentHere := false, false
	// salientMissing: a thing the question names is not in the sentence.
	// A typed question whose every name the sentence holds may have its
	// verb paraphrased ("dijadwalkan ke Kyiv" for "akan mengirim … ke
	// Kyiv"), not its things.
	salientMissing := false
	c.matched = c.matched[:0]
	// A sentence that names someone the question names is about them; the
	// previous sentence lends it names when it names no one itself ("Ia
	// mendirikan …", "With 301 attendees it was …") or points back to an
	// event described there ("Lavrov juga hadir dalam pertemuan tersebut").
	// A pronoun after a name of the sentence stands for that name ("Lavrov
	// berada di Kuala Lumpur, di mana ia bertemu …").
	ownName := false
	for _, con := range q.Concepts {
		if !con.Entity {
			continue
		}
		for ai, a := range con.Alts {
			if inLanguage(con.AltLang(ai), c.doc.Lang) {
				if ok, _ := matchAlt(a, c.termsAt); ok {
					ownName = true
				}
			}
		}
	}
	// Asked what someone said, a sentence that reports speech with a
	// pronoun for its speaker ("Ia mengatakan penempatan mereka …") says
	// it on the occasion the sentence before sets ("Kim menggelar upacara
	// meresmikan museum …"): that sentence's words count for it, as a
	// demonstrative subject's do.
	speechBack := q.AsksWords && !ownName && c.prevTerms != nil && reportsSpeech(c)
	for i, con := range q.Concepts {
		// The thing a wh-question asks about ("transportasi apa") counts
		// more in the coverage; it does not move the focus of the
		// answer's value, which sits by the question's predicate.
		cw := weights[i]
		if con.Focus {
			cw *= focusWeight
		}
		if con.Kind {
			cw = 0 // "kota mana": the answer is a city's name, not the word (lexicon.Concept.Kind)
		}
		total += cw
		credit, pos := 0.0, -1
		for ai, a := range con.Alts {
			if !inLanguage(con.AltLang(ai), c.doc.Lang) {
				continue
			}
			if w := con.AltWeight(ai); w > credit {
				if ok, p := matchAlt(a, c.termsAt); ok {
					credit, pos = w, p
				}
			}
		}
		if pos < 0 && !con.Entity && !con.Number {
			if p := cognateAt(con, c); p >= 0 {
				credit, pos = cognateCredit, p // "conspiring" ~ "berkonspirasi"
			}
		}
		if pos < 0 && con.Entity {
			if p := restOfNameAt(con, c, docTerms); p >= 0 {
				credit, pos = restOfNameCredit, p // "rilis Stable" in a page on Debian Stable
			}
		}
		antecedent := false
		if pos < 0 && (con.Entity || con.Number) && c.prevTerms != nil && (!ownName || c.pointsBack) && namesWhole(con, c.prevTerms) {
			credit, antecedent = 0.9, true // "it", "ia": the name just before
		}
		if pos < 0 && credit == 0 && !con.Entity && !con.Number && (c.pointsBack || speechBack) && c.prevTerms != nil {
			// "This is accomplished by …", "Hal ini …": a demonstrative
			// subject stands for what the sentence before says.
			for ai, a := range con.Alts {
				if !inLanguage(con.AltLang(ai), c.doc.Lang) {
					continue
				}
				if w := antecedentCredit * con.AltWeight(ai); w > credit {
					if ok, _ := matchAlt(a, c.prevTerms); ok {
						credit, antecedent = w, true
					}
				}
			}
		}
		listed := false
		if pos < 0 && con.Entity && credit == 0 && c.listTerms != nil && namesWhole(con, c.listTerms) {
			credit, listed = listCredit, true // docs_list.go: the list's lead names the item's subject
		}
		if pos < 0 && con.Entity && credit == 0 {
			switch {
			case namesWhole(con, paraTerms):
				credit = 0.8
			case namesWhole(con, topicTerms):
				credit = 0.8 // the article's title or lead names it: the sentence is about it
			case namesWhole(con, docTerms):
				credit, docOnly = 0.3, !con.Setting
			}
		}
		if q.Topic == i+1 && pos < 0 && !antecedent {
			// the words asked for are about this name: words said of
			// someone else, in an article that names it elsewhere, are not
			c.entities = false
		}
		if con.Entity && !(con.Setting && credit == 0) {
			named++
			if pos >= 0 || antecedent || listed {
				namedHere++
			}
		}
		c.namedBefore = c.namedBefore || antecedent
		// A year naming a thing ("pakta pertahanan 2024") may be written
		// relative to the article's date ("tahun lalu"): it weighs, but a
		// sentence without it may still answer.
		year := con.NamingYear
		if credit == 0 && (con.Entity && !con.Setting || con.Number && !year) {
			c.entities = false // a name of a fronted clause of time only dates the event: it may be untold
		}
		if con.Number && !year && pos < 0 && !antecedent {
			c.entities = false // a figure the sentence (or the one it points back to) does not state
		}
		if credit > 0 {
			got += cw * credit
			c.matched = append(c.matched, conceptMatch{concept: i, weight: weights[i], credit: credit, pos: pos})
		}
		if !con.Entity && !con.Number && !con.Meta && !con.Kind && weights[i] > absentWordWeight {
			content = true
			contentHere = contentHere || pos >= 0
			salientMissing = salientMissing || con.Salient && pos < 0
		}
	}
	c.namesOnly = content && !contentHere && !(q.Type != lexicon.AnswerAny && q.Type != lexicon.AnswerYesNo && named >= 2 && namedHere == named && !salientMissing)
	c.roleMissing = q.Type == lexicon.AnswerPerson && asksRole(q) && !c.roleHere(q)
	if c.ownerElsewhere(q) {
		c.entities = false
	}
	// The sentence itself must be about something the question names; the
	// rest of its names may come from the surrounding article.
	c.inDoc = c.entities
	// A name found only elsewhere in the article may back an answer, not
	// give one: the sentence (with its paragraph) must be about everyone
	// the question names.
	// Quoted words asked for ("what did Putin say about …") are quoted
	// in a sentence naming the speaker; where and to whom they were said
	// the article has set before.
	quoted := q.AsksWords && namedHere > 0 && hasQuotation(c.text())
	if named > 0 && namedHere == 0 && !c.thingsHere(q) || docOnly && !quoted {
		c.entities = false
	}
	c.allHere = c.entities && namedHere == named
	if total > 0 {
		c.coverage = got / total
	}
}

// ownerElsewhere reports whether the sentence speaks of a thing the
// question gives an owner ("South Korean soldiers", "tentara Korea
// Selatan") while that owner is named only around the sentence: whose
// soldiers the sentence means is then not the asked owner's.
func (c *candidate) ownerElsewhere(q lexicon.Query) bool {
	pos := map[int]int{}
	for _, m := range c.matched {
		pos[m.concept] = m.pos
	}
	for _, m := range c.matched {
		owner := q.Concepts[m.concept].Owner
		if owner == 0 || m.pos < 0 || q.Concepts[m.concept].Setting {
			continue // a fronted clause's thing ("the wonsan trip") only dates the event
		}
		if p, ok := pos[owner-1]; !ok || p < 0 {
			return true
		}
	}
	return false
}

// thingsHere reports whether the sentence itself names every thing the
// question names besides its names, at least two of them ("the exchange
// plan signed"): then a name its paragraph gives ("in Wonsan") is the
// scene of the sentence, not another story.
func (c *candidate) thingsHere(q lexicon.Query) bool {
	here := map[int]bool{}
	for _, m := range c.matched {
		if m.pos >= 0 && m.credit >= synonymCredit {
			here[m.concept] = true
		}
	}
	n := 0
	for i, con := range q.Concepts {
		if con.Entity || con.Number || con.Meta {
			continue
		}
		if con.Salient && !here[i] {
			return false
		}
		if here[i] {
			n++
		}
	}
	return n >= 2
}

// asksRole reports whether the question names a role its answer holds.
func asksRole(q lexicon.Query) bool {
	for _, con := range q.Concepts {
		if con.Role {
			return true
		}
	}
	return false
}

// roleHere reports whether the sentence itself matches one of the
// question's roles.
func (c *candidate) roleHere(q lexicon.Query) bool {
	for _, m := range c.matched {
		if q.Concepts[m.concept].Role && m.pos >= 0 {
			return true
		}
	}
	return false
}

// focus is the token position of the question's most informative concept
// found in the sentence (preferring content words over names): answers
// sit next to what the question is about.
func (c *candidate) focus(q lexicon.Query) int {
	best, pos := -1.0, -1
	for _, m := range c.matched {
		if m.pos < 0 {
			continue
		}
		w := m.weight
		if q.Concepts[m.concept].Entity {
			w *= 0.25
		}
		if w > best {
			best, pos = w, m.pos
		}
	}
	return pos
}

// questionTokens marks sentence tokens that belong to the question's names
// or numbers, which cannot be the answer.
func (c *candidate) questionTokens(q lexicon.Query) []bool {
	mark := make([]bool, len(c.toks))
	for _, con := range q.Concepts {
		if !con.Entity && !con.Number {
			continue
		}
		for _, a := range con.Alts {
			for _, word := range a {
				for i, terms := range c.termsAt {
					if anyIn(word, terms) {
						mark[i] = true
					}
				}
			}
		}
	}
	return mark
}

// askedTokens extends mark with the tokens any concept of the question
// matches closely (its own words and translations, not loose synonyms):
// a person or place the question already names ("russia", written in
// lower case) is not what it asks for.
func (c *candidate) askedTokens(q lexicon.Query, mark []bool) []bool {
	out := append([]bool(nil), mark...)
	for _, con := range q.Concepts {
		for ai, a := range con.Alts {
			if con.AltWeight(ai) < 0.8 {
				continue
			}
			for _, word := range a {
				for i, terms := range c.termsAt {
					if anyIn(word, terms) {
						out[i] = true
					}
				}
			}
		}
	}
	return out
}

func sortCandidates(cs []*candidate) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		if cs[i].doc.ID != cs[j].doc.ID {
			return cs[i].doc.ID < cs[j].doc.ID
		}
		return cs[i].span.Start < cs[j].span.Start
	})
}
