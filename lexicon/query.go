package lexicon

import (
	"sort"
	"strings"
	"unicode"
)

// AnswerType is the kind of answer a question asks for.
type AnswerType int

const (
	AnswerAny AnswerType = iota
	AnswerNumber
	AnswerPercent
	AnswerDuration
	AnswerDate
	AnswerPerson
	AnswerPlace
	AnswerYesNo   // "Did …?", "Apakah …?": yes, no, or the coverage does not say
	AnswerOrdinal // "which round", "ke berapa": the second, ketiga
	AnswerName    // "what's the name of the museum": the name of a thing, written next to it
	AnswerTitle   // "what's Zakharova's job?", "who is Kyrylo Budanov?": the title written beside the name
)

func (t AnswerType) String() string {
	return [...]string{"any", "number", "percent", "duration", "date", "person", "place", "yesno", "ordinal", "name", "title"}[t]
}

// Word is one word of a phrase: the candidate index terms it may match.
type Word []string

// Alt is one way a concept may be written in the corpus: a phrase whose
// every word must match.
type Alt []Word

// Concept is one idea of a question (a name, a number, a content word or a
// dictionary phrase) with the ways the corpus may express it.
type Concept struct {
	Surface string // as written in the question
	Alts    []Alt
	// AltWeights gives each alternative's credit (1 when nil): a curated
	// translation counts fully, a loose synonym less.
	AltWeights []float64
	// AltLangs gives the language of each alternative's text ("en", "id"),
	// or "" for names and cognates, which any document may contain: an
	// English word does not match an Indonesian article, nor its
	// Indonesian translation an English one.
	AltLangs []string
	Entity   bool // a name: evidence must contain it
	Number   bool // a number written in the question
	Meta     bool // about the coverage itself ("article", "liputan"): low weight
	// Salient marks a thing the question names ("tanks", "prisoners"):
	// evidence that never mentions it answers another question.
	Salient bool
	// Owner is 1 + the index of the name this concept belongs to in the
	// question ("Russia's defence ministry", "tentara Korea Selatan",
	// "South Korean soldiers"); 0 when none.
	Owner int
	// Focus marks the thing a wh-question asks about, right after its
	// question word ("how many tanks", "what's the name", "berapa drone",
	// "apa isi").
	Focus bool
	// Kind marks the focus of a place question that names the kind of
	// place asked for ("which city", "kota mana", "negara apa"): the
	// answer is a place name, which the evidence writes instead of the
	// noun ("di Pyongyang", not "di kota"), so the noun tells where the
	// answer sits in a sentence, not which sentence answers.
	Kind bool
	// List is 1 + the index of the first concept of the coordinated list
	// this concept belongs to ("construction workers and engineers",
	// "insinyur dan pekerja"); 0 when none. A list asks about any of its
	// members.
	List int
	// NamingYear marks a year that names a thing ("the 2024 pact",
	// "pakta pertahanan 2024") rather than setting the question's time
	// ("in 2024", "pada tahun 2024"): an article may write it relative to
	// its own date ("tahun lalu").
	NamingYear bool
	// Setting marks a name or thing in a fronted clause of time ("before the
	// Wonsan trip, when had Choe …", "setelah ke Wonsan, …"): it places
	// the question's event, which a report may tell without it.
	Setting bool
	// Role marks a title or role the question asks a person by ("the
	// foreign minister", "juru bicara"): the person answering must be
	// the one the evidence gives that role.
	Role bool

	first, last int // token range in the question
}

// AltWeight returns the credit of alternative i.
func (c Concept) AltWeight(i int) float64 {
	if c.AltWeights == nil || i >= len(c.AltWeights) {
		return 1
	}
	return c.AltWeights[i]
}

// KeepAlts returns c with only the alternatives keep accepts, each with
// its own weight and language.
func (c Concept) KeepAlts(keep func(i int, a Alt) bool) Concept {
	k := c
	k.Alts = nil
	var weights []float64
	var langs []string
	for i, a := range c.Alts {
		if keep(i, a) {
			k.Alts = append(k.Alts, a)
			weights = append(weights, c.AltWeight(i))
			langs = append(langs, c.AltLang(i))
		}
	}
	k.AltWeights, k.AltLangs = nil, nil
	if c.AltWeights != nil {
		k.AltWeights = weights
	}
	if c.AltLangs != nil {
		k.AltLangs = langs
	}
	return k
}

// AltLang returns the language of alternative i ("" when any).
func (c Concept) AltLang(i int) string {
	if i >= len(c.AltLangs) {
		return ""
	}
	return c.AltLangs[i]
}

// addAlt appends a, in any language, unless an equal alternative is
// there already (keeping the higher weight).
func (c *Concept) addAlt(a Alt, w float64) { c.addAltIn(a, w, "") }

// addAltIn appends a as text of language lang; an equal alternative in
// another language becomes language-neutral.
func (c *Concept) addAltIn(a Alt, w float64, lang string) {
	if len(a) == 0 {
		return
	}
	for len(c.AltWeights) < len(c.Alts) {
		c.AltWeights = append(c.AltWeights, 1)
	}
	for len(c.AltLangs) < len(c.Alts) {
		c.AltLangs = append(c.AltLangs, "")
	}
	for i, x := range c.Alts {
		if altEqual(x, a) {
			if w > c.AltWeight(i) {
				c.AltWeights[i] = w
			}
			if c.AltLangs[i] != lang {
				c.AltLangs[i] = ""
			}
			return
		}
	}
	c.Alts = append(c.Alts, a)
	c.AltWeights = append(c.AltWeights, w)
	c.AltLangs = append(c.AltLangs, lang)
}

// Query is an analysed question.
type Query struct {
	Text     string
	Lang     string
	Type     AnswerType
	Concepts []Concept
	// Polar marks a yes/no question, whose every named thing is asked
	// about ("did North Korea send tanks?").
	Polar bool
	// Future marks a question about what will happen ("when will Kim
	// visit Moscow?", "kapan Kim bakal ke Moskow?"): a date the articles
	// report as past does not answer it.
	Future bool
	// DateUnit is the part of a date the question asks for: "month"
	// ("bulan apa", "which month"), "year" ("tahun berapa", "what year"),
	// "weekday" ("hari apa", "what day of the week"), "day" ("which day":
	// the weekday if the coverage gives one, else the date), or "" for any.
	DateUnit string
	// AsksWords marks a question about what someone said ("what did Putin
	// say about …", "what phrase did Lavrov use", "Budanov bilang apa"):
	// the answer is quoted words.
	AsksWords bool
	// Topic is 1 + the index of the name the asked words are about ("what
	// did Zakharova say about Rubio", "Lavrov bilang apa soal Kursk"), 0
	// when none: words about someone else do not answer.
	Topic int
	// AsksFrequency marks a question of how often ("how often", "seberapa
	// sering"): the answer is a rate ("once a week", "setiap 2 tahun").
	AsksFrequency bool
	// Speaker is 1 + the index of the concept whose words are asked for
	// ("what did Kim tell Putin": Kim; "kata Lavrov apa": Lavrov), 0 when
	// the question does not say.
	Speaker int
	// Owned is 1 + the index of the thing whose owner a question asks
	// ("whose intel says …", "perusahaan milik siapa"), 0 when none: the
	// answer is the name the evidence writes as its owner.
	Owned int
	// AsksExpansion marks a question for what a short form stands for
	// ("what does KCNA stand for?", "singkatan dari apa"): the answer is
	// the long form the evidence spells out.
	AsksExpansion bool
	// TitleOf is 1 + the index of the name whose job, title or role the
	// question asks ("what's Maria Zakharova's job?", "budanov itu
	// jabatannya apa?", "who is Kyrylo Budanov?"), 0 when it asks none:
	// the answer is the title the evidence writes beside the name.
	TitleOf int
	// AsksReason marks a why-question ("why", "mengapa", "kenapa"): the
	// answer is a cause or a purpose.
	AsksReason bool
	// Exact marks a question asking for a precise value ("the exact
	// date", "tanggal berapa persisnya"): a coarser one does not answer it.
	Exact bool
	// Choices are the indices of the two concepts an alternative question
	// offers ("in Wonsan or Pyongyang?", "juni atau juli?"), nil when it
	// offers none: the answer is one of them (choices.go).
	Choices []int
	// Chosen marks the open question an alternative question leaves once
	// its choices are asked one by one (the answerer's choices.go): every
	// offer the coverage states is an answer, each with its source.
	Chosen bool
}

// Terms returns every index term the query may match, for lexical search.
func (q Query) Terms() []string {
	var out []string
	for _, c := range q.Concepts {
		for _, a := range c.Alts {
			for _, w := range a {
				for _, t := range w {
					out = appendUnique(out, t)
				}
			}
		}
	}
	return out
}

// Expansion is the query rewritten as plain text in the corpus languages,
// for the vector embedder.
func (q Query) Expansion() string {
	var b strings.Builder
	b.WriteString(q.Text)
	for _, c := range q.Concepts {
		for _, a := range c.Alts {
			b.WriteByte(' ')
			for i, w := range a {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(w[0])
			}
		}
	}
	return b.String()
}

// Analyze turns a question into concepts in the corpus languages: names
// kept whole and translated when the dictionaries know them, dictionary
// phrases before single words, English inflections undone, Indonesian short
// forms and curated synonyms added.
func (l *Lexicon) Analyze(question string) Query { return l.AnalyzeWith(question, nil) }

// AnalyzeWith is Analyze for a question whose names may be written in
// lower case, as people type in chat ("who did lavrov meet?"): isName
// reports the folded words the corpus writes as names.
func (l *Lexicon) AnalyzeWith(question string, isName func(norm string) bool) Query {
	toks := Tokenize(question)
	if isName == nil {
		isName = func(string) bool { return false } // listed places are names still
	}
	{
		for i := range toks {
			if toks[i].Upper || toks[i].Num || l.IsStop(toks[i].Norm) || l.titleAbbrev(toks[i].Norm) {
				continue
			}
			if i > 0 && toks[i-1].Norm == "how" {
				continue // "how long", "how far": the question's type, though the coverage capitalises "Long Term Support"
			}
			// A country or capital the tables list is a name however it
			// is typed ("why are washington and seoul uneasy").
			if !isName(toks[i].Norm) && !l.IsPlaceName(toks[i].Norm) {
				continue
			}
			// A dictionary name the word belongs to ("north korea", where
			// the coverage writes only "Korea") is capitalised whole.
			from, to := l.namePhraseAround(toks, i)
			for k := from; k < to; k++ {
				toks[k].Upper = true
			}
		}
	}
	// A word in backticks is a literal, a command or a file as typed
	// ("what does `ls -a` show"): a name the evidence must hold. A stop
	// word ("`at`") is indexed in no article, so it cannot be required.
	literal := make([]bool, len(toks))
	for _, span := range backticked(question) {
		for i, t := range toks {
			if t.Start >= span.start && t.End <= span.end && !t.Num && len(t.Norm) >= 2 && !l.IsStop(t.Norm) {
				literal[i], toks[i].Upper = true, true
			}
		}
	}
	// A word of letters and digits ("riscv64", "amd64", "DebConf20",
	// "i386") is a name of a thing, however it is cased: an architecture,
	// an event, a model. Chat's reduplication is not ("sumber2nya",
	// "kata2": sumber-sumbernya, kata-kata).
	for i := range toks {
		if !toks[i].Num && hasLetterAndDigit(toks[i].Text) && !chatReduplication(toks[i].Text) {
			toks[i].Upper = true
		}
	}
	expanded := false
	for i := range toks {
		if long := l.chatShortForm(toks[i].Norm); long != "" {
			toks[i].Norm, expanded = long, true // "brp" is berapa, "yg" yang
		}
		toks[i].Norm = l.unapostrophed(toks[i].Norm)
		if i == 0 {
			toks[i].Norm = l.misspeltQuestionWord(toks[i].Norm) // "wher did …", "wat is …"
		}
	}
	for i := 1; i < len(toks); i++ {
		// "won't", "can't": the tokenizer splits them at the apostrophe,
		// and "won" or "can" alone would be a word of their own.
		if toks[i].Norm == "t" && contractedNegation(toks[i-1].Norm) && toks[i-1].End+1 >= toks[i].Start {
			toks[i-1].Norm = "not"
		}
	}
	q := Query{Text: question, Lang: l.DetectLang(question)}
	if expanded && q.Lang == "en" && l.mostlyIndonesian(toks) {
		// "cara batalin job at yg udah kejadwal gmn": chat's short forms
		// are Indonesian. One short form among English function words
		// ("what did lavrov say back to rubio in kl") is not.
		q.Lang = ""
	}
	if q.Lang == "" {
		q.Lang = "en"
		if l.looksIndonesian(toks) {
			q.Lang = "id"
		}
	}
	q.Type = l.answerType(question, toks)
	if q.Type == AnswerAny && intonationQuestion(question, toks) {
		q.Type = AnswerYesNo
	}
	if (q.Type == AnswerAny || q.Type == AnswerYesNo) && asksAgreementOnFigure(toks) {
		// "do the reports agree on the number of troops?", "sumbernya
		// sama gak soal jumlah pasukan": each source's figure answers.
		q.Type = AnswerNumber
	}
	used := make([]bool, len(toks))

	// Names: runs of capitalised words (and all-caps acronyms).
	for i := 0; i < len(toks); {
		if literal[i] {
			c := Concept{Surface: toks[i].Text, Entity: true}
			c.addAlt(nameAlt([]string{toks[i].Norm}), 1)
			c.first, c.last = i, i
			q.Concepts = append(q.Concepts, c)
			used[i] = true
			i++
			continue
		}
		if !l.startsName(toks, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Upper && !toks[j].Num && !IsCalendarWord(toks[j].Norm) && adjacent(question, toks[j-1], toks[j]) {
			j++
		}
		run := toks[i:j]
		// "signed in Moscow", "di Moskow": a capital after a preposition of
		// place is the city, not its government.
		located := i > 0 && (toks[i-1].Norm == "in" || toks[i-1].Norm == "at" || toks[i-1].Norm == "di")
		c := l.nameConcept(run, located)
		l.addNameTranslation(&c, run, q.Lang)
		c.first, c.last = i, j-1
		q.Concepts = append(q.Concepts, c)
		for k := i; k < j; k++ {
			used[k] = true
		}
		i = j
	}
	// Numbers.
	for i, t := range toks {
		if t.Num && !used[i] {
			used[i] = true
			c := Concept{Surface: t.Text, Number: true, Alts: []Alt{{Word{t.Norm}}}, first: i, last: i}
			c.NamingYear = isYear(t.Norm) && (i == 0 || !temporalWord(toks[i-1].Norm))
			if full := yearRangeEnd(question, toks, i); full != "" {
				c.Alts = append(c.Alts, Alt{Word{full}}) // "2026-27" is 2026 to 2027
				c.NamingYear = toks[i-1].Num && isYear(toks[i-1].Norm) && (i < 2 || !temporalWord(toks[i-2].Norm))
			}
			q.Concepts = append(q.Concepts, c)
		}
	}
	// Content words and dictionary phrases.
	for i := 0; i < len(toks); i++ {
		if used[i] || l.IsStop(toks[i].Norm) || questionWord(toks[i].Norm) || len(toks[i].Norm) < 2 ||
			lightVerb(toks[i].Norm) || typeWord(q.Type, toks[i].Norm) || q.Lang == "id" && (ChatNegation(toks[i].Norm) || chatParticle(toks[i].Norm)) ||
			exactWord(toks[i].Norm) { // "the exact date": how precise, not what about (Exact)
			continue
		}
		n := l.phraseAt(toks, used, i, q.Lang)
		if n > 1 {
			surface := question[toks[i].Start:toks[i+n-1].End]
			c := l.wordConcept(surface, joinNorms(toks[i:i+n]), q.Lang)
			c.first, c.last = i, i+n-1
			// A phrase names a thing when its head does ("defence ministry").
			head := toks[i+n-1].Norm
			if q.Lang == "id" {
				head = toks[i].Norm
			}
			c.Salient = l.namesThing(head, q.Lang)
			q.Concepts = append(q.Concepts, c)
			for k := i; k < i+n; k++ {
				used[k] = true
			}
			i += n - 1
			continue
		}
		used[i] = true
		c := l.wordConcept(toks[i].Text, toks[i].Norm, q.Lang)
		c.Meta = metaWords[toks[i].Norm]
		// "the two ministers", "kedua negara": a small spelled-out number
		// in a question is a determiner, weighed like a word about the
		// coverage itself.
		if v, ok := NumberWord(toks[i].Norm); ok && v <= 10 {
			c.Meta = true
		}
		c.Salient = !c.Meta && l.namesThing(toks[i].Norm, q.Lang)
		c.first, c.last = i, i
		q.Concepts = append(q.Concepts, c)
	}
	l.setOwners(&q, question, toks)
	setLists(&q, toks)
	l.setChoices(&q, toks)
	markSetting(&q, question, toks)
	q.Polar = q.Type == AnswerYesNo
	f := focusOf(q, toks, l.PlaceNamed)
	if f == 0 && q.Type == AnswerNumber {
		f = quantityOf(q, toks)
	}
	if f > 0 {
		f = countedThing(q, toks, f)
		q.Concepts[f-1].Focus = true
		if q.Type == AnswerPlace && placeKindNoun(q.Concepts[f-1].Surface) {
			q.Concepts[f-1].Kind, q.Concepts[f-1].Salient = true, false
		}
	}
	for i := range q.Concepts {
		q.Concepts[i].Role = l.isRole(q.Concepts[i], q.Lang)
	}
	q.DateUnit = dateUnit(toks)
	for _, t := range toks {
		q.Future = q.Future || FutureWord(t.Norm)
		q.Exact = q.Exact || exactWord(t.Norm)
		q.AsksFrequency = q.AsksFrequency || q.Type == AnswerDuration && (t.Norm == "often" || t.Norm == "sering" || t.Norm == "frequently")
		q.AsksWords = q.AsksWords || q.Type == AnswerAny && speechWord(t.Norm)
		q.AsksReason = q.AsksReason || q.Type == AnswerAny && (t.Norm == "why" || t.Norm == "mengapa" || t.Norm == "kenapa")
	}
	if q.AsksWords && asksName(toks) {
		q.AsksWords = false // "what is the new resort called?": its name, not someone's words
	}
	if q.AsksWords {
		q.Speaker = speakerOf(q, toks)
		q.Topic = topicOf(q, toks)
	}
	q.Owned = ownedAsked(q, toks)
	if q.AsksExpansion = asksExpansion(toks); q.AsksExpansion {
		l.widenExpansion(&q)
	}
	if q.TitleOf = l.titleAsked(q, toks); q.TitleOf > 0 {
		q.Type = AnswerTitle
		for i := range q.Concepts {
			if jobNoun(strings.ToLower(q.Concepts[i].Surface)) {
				// "job" is what the title answers, not a thing the
				// evidence must name.
				q.Concepts[i].Salient, q.Concepts[i].Focus = false, false
			}
		}
	}
	return q
}

// speakerOf returns 1 + the index of the name whose words a question
// asks for: the name just before its verb of saying ("did Kim tell",
// "Budanov bilang") or just after Indonesian "kata" ("kata Lavrov"); 0
// when no name stands there.
// topicOf returns 1 + the index of the name right after a word of
// aboutness in a question about what was said, or 0.
func topicOf(q Query, toks []Token) int {
	for i, c := range q.Concepts {
		if c.Entity && c.first > 0 && aboutWord(toks[c.first-1].Norm) {
			return i + 1
		}
	}
	return 0
}

// aboutWord reports a preposition of aboutness ("about", "tentang",
// chat's "ttg" and "soal").
func aboutWord(w string) bool {
	switch w {
	case "about", "regarding", "concerning", "tentang", "soal", "mengenai", "perihal", "terkait", "ttg":
		return true
	}
	return false
}

// asksName reports a question for what a thing is called: "called" is its
// only word of saying, after a copula with no one before it to say it
// ("what's the zone called?", "what is it called"), as opposed to "what
// did Putin call the soldiers?".
func asksName(toks []Token) bool {
	copula := false
	for _, t := range toks {
		switch {
		case t.Norm == "is" || t.Norm == "are" || t.Norm == "was" || t.Norm == "were" || t.Norm == "s":
			copula = true
		case t.Norm == "called":
			if !copula {
				return false
			}
		case speechWord(t.Norm):
			return false
		}
	}
	return copula
}

func speakerOf(q Query, toks []Token) int {
	nameEndingAt := func(i int) int {
		for k, c := range q.Concepts {
			if c.Entity && c.last == i {
				return k + 1
			}
		}
		return 0
	}
	nameStartingAt := func(i int) int {
		for k, c := range q.Concepts {
			if c.Entity && c.first == i {
				return k + 1
			}
		}
		return 0
	}
	for i, t := range toks {
		if !speechWord(t.Norm) {
			continue
		}
		if t.Norm == "kata" || t.Norm == "katanya" {
			if n := nameStartingAt(i + 1); n > 0 {
				return n
			}
		}
		if n := nameEndingAt(i - 1); n > 0 {
			return n
		}
	}
	return 0
}

// IsPlaceNoun reports a common noun that names a kind of place, written
// before a place's name ("wilayah Kursk", "kota Wonsan", "the region"):
// in a place question it only restates that a place is asked ("which
// city", "di kota mana").
func IsPlaceNoun(w string) bool {
	switch w {
	case "wilayah", "kota", "provinsi", "kawasan", "daerah", "negara", "desa", "region", "city", "province", "town", "country", "village":
		return true
	}
	return false
}

// yearRangeEnd returns the full year that token i ends a range of years
// with when it is written short ("2026-27", "2014/15": 2027, 2015), or "".
func yearRangeEnd(text string, toks []Token, i int) string {
	if i == 0 || len(toks[i].Norm) != 2 || !toks[i].Num || !toks[i-1].Num || !isYear(toks[i-1].Norm) {
		return ""
	}
	if gap := text[toks[i-1].End:toks[i].Start]; gap != "-" && gap != "–" && gap != "/" {
		return ""
	}
	full := toks[i-1].Norm[:2] + toks[i].Norm
	if full <= toks[i-1].Norm {
		return "" // "2026-25" is no range
	}
	return full
}

func isYear(norm string) bool {
	if len(norm) != 4 {
		return false
	}
	for _, r := range norm {
		if r < '0' || r > '9' {
			return false
		}
	}
	return norm >= "1900" && norm <= "2100"
}

// temporalWord reports a word that puts a question in a time ("in 2024",
// "pada tahun 2024", "sejak 2019").
func temporalWord(w string) bool {
	switch w {
	case "in", "on", "during", "since", "until", "before", "after", "by", "year",
		"pada", "tahun", "sejak", "hingga", "sampai", "sebelum", "setelah", "sesudah", "di", "selama":
		return true
	}
	return false
}

// isRole reports a concept that names a person by title or role: its
// head is a person noun ("foreign minister", "spokesperson"), directly in
// English, by its English gloss in Indonesian ("menteri luar negeri",
// "menlu").
func (l *Lexicon) isRole(c Concept, lang string) bool {
	if c.Entity || c.Number || c.Meta {
		return false
	}
	words := strings.Fields(strings.ToLower(c.Surface))
	if len(words) == 0 {
		return false
	}
	head := strings.Trim(words[len(words)-1], "'’")
	if lang == "id" {
		head = words[0]
		for _, long := range l.abbrev[head] {
			head = strings.Fields(long)[0] // "menlu": menteri luar negeri
		}
		head = l.Gloss(head)
	}
	return personNouns[head] && !genericPersonNouns[head]
}

// TitleWord reports a word that heads a person's title in either language
// ("menteri", "minister", "presiden"): news capitalises it before a name,
// and it is no name itself.
func (l *Lexicon) TitleWord(norm string) bool {
	head := norm
	for _, long := range l.abbrev[head] {
		head = strings.Fields(long)[0] // "menlu": menteri luar negeri
	}
	if !personNouns[head] {
		head = l.Gloss(head)
	}
	return personNouns[head] && !genericPersonNouns[head]
}

// genericPersonNouns name anyone ("which US official"): the evidence may
// give the person's particular title instead.
var genericPersonNouns = map[string]bool{
	"official": true, "person": true, "man": true, "woman": true, "leader": true, "chief": true,
}

// dateUnit reads which part of a date a question asks for.
func dateUnit(toks []Token) string {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].Norm, toks[i+1].Norm
		switch {
		case (a == "which" || a == "what") && b == "month", a == "bulan" && (b == "apa" || b == "berapa"):
			return "month"
		case (a == "which" || a == "what") && b == "year", a == "tahun" && (b == "apa" || b == "berapa"):
			return "year"
		case a == "hari" && b == "apa", (a == "which" || a == "what") && b == "weekday",
			(a == "which" || a == "what") && b == "day" && i+4 < len(toks) && toks[i+2].Norm == "of" && toks[i+4].Norm == "week":
			return "weekday" // "hari apa", "what day of the week"
		case (a == "which" || a == "what") && b == "day":
			return "day" // "which day did putin receive choe": the weekday when the coverage gives one, with the date
		}
	}
	return ""
}

// speechWord reports a verb or noun of speaking ("say", "call",
// "describe", "words", "phrase"; "bilang", "kata", "menyebut").
func speechWord(w string) bool {
	switch w {
	case "say", "said", "says", "tell", "told", "call", "called", "describe", "described", "words", "phrase", "quote", "quoted",
		"bilang", "kata", "katanya", "mengatakan", "menyebut", "sebut", "menyatakan", "ucap", "mengucapkan", "ungkapan", "kalimat",
		// chat's verbs of saying ("Choe ngomong apa", "nyebut apa")
		"ngomong", "ngomongin", "omong", "nyebut", "nyebutin":
		return true
	}
	return false
}

// ReportsSpeech reports a word that marks reported speech in a sentence
// ("said", "told", "ujar", "menyatakan", "menurut"): what someone said is
// found in sentences that report it.
func ReportsSpeech(w string) bool {
	if speechWord(w) {
		return true
	}
	switch w {
	case "stated", "states", "added", "warned", "noted", "according", "announced", "praised", "thanked", "urged",
		"ujar", "ujarnya", "kata", "menegaskan", "mengungkapkan", "menyampaikan", "menurut", "memuji", "berterima", "mendesak",
		"mengumumkan", "menambahkan", "memperingatkan", "katanya", "tuturnya", "tegasnya",
		"denied", "denies", "rejected", "dismissed", "membantah", "bantah", "menepis", "menolak", "mengklaim", "claimed", "claims":
		return true
	}
	return false
}

func exactWord(w string) bool {
	switch w {
	case "exact", "exactly", "precise", "precisely", "persis", "persisnya", "tepatnya", "pastinya":
		return true
	}
	return false
}

// FutureWord reports a word that puts a question or a sentence in the
// future: an auxiliary or adverb of English ("will", "next", "upcoming",
// "scheduled") or Indonesian ("akan", "bakal", "mendatang", "depan",
// "dijadwalkan").
func FutureWord(w string) bool {
	switch w {
	case "will", "ll", "upcoming", "next", "scheduled", "expected",
		"akan", "bakal", "mendatang", "berikutnya", "nanti", "depan", "dijadwalkan", "diperkirakan":
		return true
	}
	return false
}

// focusWindow is how many tokens after its last question word a
// wh-question names what it asks about: "how many [tanks]", "what's the
// [name]", "which putin [aide]" are within it.
const focusWindow = 3

// setLists links concepts joined by a conjunction ("X and Y", "X, Y or
// Z", "X dan Y") into one list.
func setLists(q *Query, toks []Token) {
	at := map[int]int{} // first token → concept
	for i, c := range q.Concepts {
		at[c.first] = i
	}
	for i := range q.Concepts {
		c := q.Concepts[i]
		if c.Entity || c.Number {
			continue
		}
		next := c.last + 1
		if next >= len(toks) || !conjunction(toks[next].Norm) {
			continue
		}
		j, ok := at[next+1]
		if !ok || q.Concepts[j].Entity || q.Concepts[j].Number {
			continue
		}
		if q.Concepts[i].List == 0 {
			q.Concepts[i].List = i + 1
		}
		q.Concepts[j].List = q.Concepts[i].List
	}
}

func conjunction(w string) bool {
	switch w {
	case "and", "or", "dan", "atau", "serta":
		return true
	}
	return false
}

// thingQuestionWord reports a question word that asks for a thing named
// after it: "what tanks", "which aide", "how many ships", "berapa drone",
// "apa isi".
func thingQuestionWord(w string) bool {
	switch w {
	case "what", "which", "how", "berapa", "apa", "mana":
		return true
	}
	return false
}

// focusOf returns 1 + the index of the first thing (a salient concept
// that is no name) within focusWindow tokens after the question's first
// run of question words, or 0.
func focusOf(q Query, toks []Token, place func(Concept) bool) int {
	qw := -1
	for i, t := range toks {
		if questionWord(t.Norm) {
			if !thingQuestionWord(t.Norm) {
				return 0 // "why are Washington and Seoul uneasy": asks no thing
			}
			qw = i
			for qw+1 < len(toks) && questionWord(toks[qw+1].Norm) {
				qw++
			}
			break
		}
	}
	if qw < 0 {
		return 0
	}
	// Indonesian may name the thing before the question word: "hadiah
	// apa", "negara mana".
	if q.Lang == "id" {
		for i, c := range q.Concepts {
			if c.Salient && !c.Entity && !c.Number && c.last == qw-1 {
				return i + 1
			}
		}
	}
	best := 0
	for i, c := range q.Concepts {
		if !c.Salient || c.Entity || c.Number || c.first <= qw || c.first > qw+focusWindow {
			continue
		}
		if best == 0 || c.first < q.Concepts[best-1].first {
			best = i + 1
		}
	}
	if q.Lang == "en" {
		// English puts a demonym or a country before the thing it
		// qualifies: "how many Russian troops", "how many NK soldiers"
		// count troops and soldiers.
		for moved := true; best > 0 && moved; {
			moved = false
			for i, c := range q.Concepts {
				b := q.Concepts[best-1]
				if c.Salient && !c.Entity && !c.Number && c.first == b.last+1 && (demonym(b.Surface) || place(b)) {
					best, moved = i+1, true
					break
				}
			}
		}
	}
	return best
}

// countedThing returns the thing an ordinal question counts: in "which
// round of strategic dialogue" or "which edition of the festival" the
// focus is a classifier the answer may leave out ("dialog strategis
// kedua mereka"), and the thing after "of" is what is counted. The
// classifier then weighs as an ordinary word. f and the result are 1 +
// the concept's index.
func countedThing(q Query, toks []Token, f int) int {
	if q.Type != AnswerOrdinal {
		return f
	}
	c := q.Concepts[f-1]
	of := c.last + 1
	if of+1 >= len(toks) || toks[of].Norm != "of" {
		return f
	}
	for i, d := range q.Concepts {
		if d.first == of+1 && d.Salient && !d.Entity && !d.Number {
			q.Concepts[f-1].Salient = false
			return i + 1
		}
	}
	return f
}

// setOwners links a thing to the name it belongs to, as the question
// writes it: English "Russia's ministry" and "South Korean soldiers" (the
// name before), Indonesian "tentara Korea Selatan" (the name after).
func (l *Lexicon) setOwners(q *Query, text string, toks []Token) {
	at := map[int]int{} // first token → concept
	for i, c := range q.Concepts {
		at[c.first] = i
	}
	for i, c := range q.Concepts {
		if !c.Entity {
			continue
		}
		next := c.last + 1
		if q.Lang == "en" && next+1 < len(toks) && toks[next].Norm == "s" && strings.ContainsAny(text[toks[c.last].End:toks[next].Start], "'’") {
			next++ // "Russia's": past the s
		}
		if q.Lang == "en" {
			// "Russia's ministry", "South Korean soldiers": a possessive
			// or a demonym before a thing.
			possessive := next != c.last+1
			if j, ok := at[next]; ok && q.Concepts[j].Salient && (possessive || demonym(c.Surface)) {
				q.Concepts[j].Owner = i + 1
			}
			continue
		}
		// Indonesian writes the owner after the thing; only a place owns
		// ("tentara Korea Selatan"), other names stand beside it
		// ("perusahaan Progeny": the company Progeny).
		if !l.PlaceNamed(c) {
			continue
		}
		for j, o := range q.Concepts {
			if !o.Entity && !o.Number && o.last+1 == c.first && l.namesThingID(toks[o.first].Norm) {
				q.Concepts[j].Owner = i + 1
			}
		}
	}
}

// countriesOf returns the countries a capital or seat of power stands
// for in news ("pyongyang" → korea utara), sorted.
func (l *Lexicon) countriesOf(metonym string) []string {
	var out []string
	for country, ms := range l.metonyms {
		for _, m := range ms {
			if m == metonym {
				out = append(out, country)
			}
		}
	}
	sort.Strings(out)
	return out
}

// PlaceNamed reports whether a name concept is a place's: its words, or
// one of its alternatives, a place name ("Korea Selatan", "Korsel").
func (l *Lexicon) PlaceNamed(c Concept) bool {
	if l.IsPlaceName(strings.ToLower(c.Surface)) {
		return true
	}
	for _, a := range c.Alts {
		words := make([]string, 0, len(a))
		for _, w := range a {
			if len(w) > 0 {
				words = append(words, w[0])
			}
		}
		if l.IsPlaceName(strings.Join(words, " ")) {
			return true
		}
	}
	return false
}

// titleAbbrev reports a short form of an ordinary phrase ("menlu" for
// menteri luar negeri): the coverage capitalises it before names, yet it
// is a title, not a name. Short forms of countries ("korut") are names.
func (l *Lexicon) titleAbbrev(norm string) bool {
	longs := l.abbrev[norm]
	if len(longs) == 0 {
		return false
	}
	for _, lf := range longs {
		if l.metonyms[lf] != nil {
			return false
		}
	}
	return true
}

// namePhraseAround returns the token range of the longest English
// dictionary phrase that covers token i, or just i.
func (l *Lexicon) namePhraseAround(toks []Token, i int) (int, int) {
	for n := l.maxPhrase; n >= 2; n-- {
		for from := max(0, i-n+1); from <= i && from+n <= len(toks); from++ {
			key := joinNorms(toks[from : from+n])
			if l.news[key] != nil || l.freedict[key] != nil || l.abbrev[key] != nil {
				return from, from + n
			}
		}
	}
	return i, i + 1
}

// phraseAt returns the length (≥2) of the longest dictionary phrase starting
// at token i, or 1.
func (l *Lexicon) phraseAt(toks []Token, used []bool, i int, lang string) int {
	for n := l.maxPhrase; n >= 2; n-- {
		if i+n > len(toks) {
			continue
		}
		free := true
		for k := i; k < i+n; k++ {
			if used[k] || toks[k].Num {
				free = false
			}
		}
		if !free {
			continue
		}
		key := joinNorms(toks[i : i+n])
		if lang == "en" && (l.news[key] != nil || l.freedict[key] != nil) {
			return n
		}
		if lang == "id" && l.abbrev[key] != nil {
			return n
		}
	}
	return 1
}

// wordConcept builds the alternatives of a content word or phrase.
// Weights: the word itself and curated translations 1, FreeDict
// translations and the untranslated English word 0.8, Indonesian thesaurus synonyms
// 0.6.
func (l *Lexicon) wordConcept(surface, norm string, lang string) Concept {
	c := Concept{Surface: surface}
	// add analyses text as language lang; in says which documents it may
	// match ("" for any: a cognate such as "museum").
	add := func(text, lang, in string, w float64) { c.addAltIn(l.alt(text, lang), w, in) }
	if lang == "en" {
		trs, curated := l.translate(norm)
		w := 1.0
		if !curated {
			w = 0.8
		}
		for _, tr := range trs {
			add(tr, "id", "id", w)
		}
		if len(trs) == 0 {
			// A word the dictionaries lack is translated through its
			// WordNet synonyms, as loosely as FreeDict's own senses
			// ("ammo" → ammunition → amunisi); an English page may
			// use the synonym itself.
			for _, syn := range l.EnglishSynonyms(norm) {
				strs, _ := l.translate(syn)
				for _, tr := range strs {
					add(tr, "id", "id", 0.8)
				}
				add(syn, "en", "en", 0.8)
				trs = append(trs, strs...)
			}
		}
		// The translations' Indonesian synonyms, weakly: a paraphrase
		// the dictionary did not list ("soldiers" → tentara → laskar).
		for _, tr := range trs {
			for _, syn := range l.Synonyms(tr) {
				add(syn, "id", "id", 0.3)
			}
		}
		add(norm, "en", "en", 1) // the word itself, in English articles
		add(norm, "id", "", 0.8) // a cognate in an Indonesian one
		if one := acronymSingular(norm); one != "" {
			add(one, "en", "", 1) // "dvds": the DVD of "DVD-ROMs", "19 DVD"
		}
		return c
	}
	add(norm, "id", "id", 1)
	for _, s := range l.abbrev[norm] {
		add(s, "id", "id", 1)
	}
	if !l.Listed(norm) {
		for _, f := range chatVerbForms(norm) {
			add(f, "id", "id", 0.8) // "ngedit" is mengedit, "batalin" membatalkan
		}
		// A word no Indonesian dictionary lists may be a name typed in
		// lower case ("raspbian itu apa?"), which the pages write in
		// English sentences: where Indonesian suffix stripping changes it
		// ("raspbian" → "raspbi"), it is read as written too.
		if id := l.alt(norm, "id"); len(id) != 1 || !anyIn(norm, id[0]) {
			add(norm, "en", "", 1)
		}
	}
	for _, s := range l.Synonyms(norm) {
		add(s, "id", "id", 0.6)
	}
	// Indonesian questions may still use English words and names.
	trs, _ := l.translate(norm)
	for _, tr := range trs {
		add(tr, "id", "id", 0.6)
	}
	if speechWord(norm) && !saysOtherwise(c, norm) {
		// Chat's verbs of saying ("bilang", "ngomong") are listed by the
		// dictionaries in other senses only ("bilang": sejumlah) or not
		// at all: they are read as "say", whose translations are the
		// articles' verbs of saying (mengatakan, menyatakan, berkata).
		c = l.WithReading(c, "say", 0.8)
	}
	return c
}

// saysOtherwise reports whether concept c, built for the word norm, has
// an alternative other than norm that reports speech.
func saysOtherwise(c Concept, norm string) bool {
	for _, a := range c.Alts {
		for _, w := range a {
			for _, term := range w {
				if term != norm && ReportsSpeech(term) {
					return true
				}
			}
		}
	}
	return false
}

// WithReading returns c read also as the English word english (its
// translations and itself, each at weight w): a clipped word's full form
// ("intel" as intelligence), which the answerer adds where the coverage
// does not use the clipped word itself.
func (l *Lexicon) WithReading(c Concept, english string, w float64) Concept {
	out := c
	out.Alts = append([]Alt(nil), c.Alts...)
	out.AltWeights = append([]float64(nil), c.AltWeights...)
	out.AltLangs = append([]string(nil), c.AltLangs...)
	trs, _ := l.translate(english)
	for _, tr := range trs {
		out.addAltIn(l.alt(tr, "id"), w, "id")
	}
	out.addAltIn(l.alt(english, "en"), w, "en")
	return out
}

// translate looks an English word or phrase up, the curated list first,
// then FreeDict, trying simple lemmas of the last word.
func (l *Lexicon) translate(norm string) (translations []string, curated bool) {
	head, last := "", norm
	if k := strings.LastIndexByte(norm, ' '); k >= 0 {
		head, last = norm[:k+1], norm[k+1:]
	}
	for i, d := range []map[string][]string{l.news, l.freedict} {
		for _, lemma := range append(lemmaCandidates(last), derivationBases(last)...) {
			if tr := d[head+lemma]; tr != nil {
				var out []string
				for _, t := range tr {
					out = append(out, t)
					for _, short := range l.abbrev[t] {
						if !strings.Contains(short, " ") && strings.Contains(t, " ") {
							// The short form of a name is written in capitals
							// ("AS" for Amerika Serikat), which also keeps it
							// from reading as a stop word.
							short = strings.ToUpper(short)
						}
						out = append(out, short)
					}
				}
				return out, i == 0
			}
		}
	}
	return nil, false
}

// namesThing reports whether a question word names a thing (a noun, by
// WordNet): an English word directly, an Indonesian one through its
// English gloss or, for loanwords ("drone", "museum"), as written.
func (l *Lexicon) namesThing(norm, lang string) bool {
	if lang == "en" {
		return l.IsNoun(norm) || l.translatesToPlace(norm)
	}
	if len(norm) > 1 && !strings.ContainsAny(norm[1:], "aiueo") && !l.KnownWord(norm) && l.EnglishSynonyms(norm) == nil {
		return false // "emg", "bgt": chat's vowelless short forms, not WordNet's EMG; "km" is a unit
	}
	return !l.KnownWord(norm) && (l.IsNoun(norm) || l.borrowedNoun(norm)) || l.namesThingID(norm)
}

// translatesToPlace reports an English word the news dictionary
// translates to a country or its seat of power ("nk" → korea utara):
// typed in lower case it still names a place.
func (l *Lexicon) translatesToPlace(norm string) bool {
	for _, t := range l.news[norm] {
		if l.IsPlaceName(t) {
			return true
		}
	}
	return false
}

// borrowedNoun reports whether an Indonesian word the dictionaries lack is
// spelled as an English word it was borrowed from and is no verb or
// adjective by its ending ("konsol": console). Nouns are most of what a
// language borrows, so a loan whose ending says nothing counts as one.
func (l *Lexicon) borrowedNoun(norm string) bool {
	en, pos := l.loanGloss(norm)
	return en != "" && (pos == 'n' || pos == 0)
}

// Synonyms returns the thesaurus synonyms of a folded Indonesian word,
// looked up as written and, failing that, by its stems ("dikirim" →
// kirim).
func (l *Lexicon) Synonyms(norm string) []string {
	if s := l.synonyms[norm]; s != nil {
		return s
	}
	for _, st := range StemID(norm) {
		if s := l.synonyms[st]; s != nil {
			return s
		}
	}
	return nil
}

// acronymSingular returns the singular of an acronym's plural as chat
// writes it, in lower case ("dvds" → dvd, "cds" → cd), or "": the stemmer
// leaves a word without vowels as it is, so "dvds" would never meet the
// DVD of a page.
func acronymSingular(norm string) string {
	n := len(norm)
	if n < 3 || norm[n-1] != 's' || !isAlpha(norm) || strings.ContainsAny(norm[:n-1], "aeiouy") {
		return ""
	}
	return norm[:n-1]
}

// demonym reports an English adjective of nationality ("Korean",
// "Russian", "Chinese", "Ukrainian"), by its regular endings.
func demonym(surface string) bool {
	w := strings.ToLower(surface)
	return strings.HasSuffix(w, "an") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "i")
}

// namesThingID reports whether an Indonesian word names a thing, by its
// English gloss.
func (l *Lexicon) namesThingID(norm string) bool {
	g := l.Gloss(norm)
	return g != "" && l.IsNoun(g)
}

// derivationBases undoes English derivational suffixes ("closeness" →
// "close", "deployment" → "deploy", "heroically" → "heroic"), so a word
// the dictionaries lack meets its base: Indonesian derives the same way
// with affixes (kedekatan ← dekat) that the stemmer strips.
func derivationBases(w string) []string {
	var out []string
	for _, suf := range []string{"ness", "ment", "ity", "ally", "ly", "ion", "ation"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			out = append(out, w[:len(w)-len(suf)])
		}
	}
	return out
}

// hasLetterAndDigit reports whether a word mixes letters and digits.
func hasLetterAndDigit(w string) bool {
	letter, digit := false, false
	for _, r := range w {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	return letter && digit
}

// chatReduplication reports an Indonesian plural typed with a "2" after
// the word, a suffix or none after it ("orang2", "sumber2nya"); not a
// name such as "fail2ban".
func chatReduplication(w string) bool {
	i := strings.IndexByte(w, '2')
	if i < 3 || strings.IndexFunc(w[:i], unicode.IsDigit) >= 0 {
		return false
	}
	switch strings.ToLower(w[i+1:]) {
	case "", "nya", "an", "kan", "i", "mu", "ku", "lah":
		return true
	}
	return false
}

// nameConcept builds a name's alternatives: its translation when the
// dictionaries know it (North Korea → Korea Utara, Korut), the name itself,
// and its most distinctive word so "Sergei Lavrov" matches "Sergey Lavrov".
func (l *Lexicon) nameConcept(run []Token, located bool) Concept {
	surface := run[0].Text
	norms := make([]string, len(run))
	for i, t := range run {
		norms[i] = t.Norm
		if i > 0 {
			surface += " " + t.Text
		}
	}
	c := Concept{Surface: surface, Entity: true}
	full := strings.Join(norms, " ")
	trs, _ := l.translate(full)
	for _, tr := range trs {
		if l.abbrev[tr] != nil {
			tr = shortForm(tr)
		}
		c.addAlt(l.alt(tr, "id"), 1)
	}
	for _, s := range l.abbrev[full] {
		c.addAlt(l.alt(shortForm(s), "id"), 1)
	}
	// News names a country by its capital ("Pyongyang setuju …"), and a
	// question may name by the capital what the article names as the
	// country ("how many is Pyongyang sending" — "Korut juga setuju
	// mengirim").
	for _, country := range append([]string{full}, trs...) {
		for _, m := range l.metonyms[country] {
			c.addAlt(l.alt(m, "id"), 0.8)
		}
	}
	for _, country := range l.countriesOf(full) {
		if located {
			break
		}
		c.addAlt(l.alt(country, "id"), 0.8)
		for _, short := range l.abbrev[country] {
			c.addAlt(l.alt(shortForm(short), "id"), 0.8)
		}
	}
	c.addAlt(nameAlt(norms), 1)
	for _, v := range l.sameNameSpellings(full) {
		c.addAlt(l.alt(v, "id"), 1) // "moskow": the Moskwa another outlet writes
	}
	// A person's distinctive word alone ("Lavrov" for "Sergei Lavrov");
	// not for places, whose last word is an ordinary one ("Utara").
	// Any distinctive word of the name may stand for it: the family name
	// comes first in Korean and Chinese names ("Choe" for "Choe Son Hui"),
	// last in most others ("Lavrov").
	if len(norms) > 1 && len(trs) == 0 && l.abbrev[full] == nil {
		for _, w := range []string{norms[len(norms)-1], norms[0]} {
			if len(w) > 2 && !l.KnownWord(w) {
				c.addAlt(nameAlt([]string{w}), 1)
			}
		}
		// A body named after its organisation ("Debian Technical
		// Committee") is written without it once the context is set ("the
		// Technical Committee may …").
		if len(norms) >= 3 {
			c.addAlt(nameAlt(norms[1:]), 1)
		}
	}
	return c
}

// sameNameSpellings returns the other spellings the dictionaries give
// one name in Indonesian: the translations of the English name it renders
// that are the same name written another way (Moscow: moskow, moskwa;
// Pyongyang: pyongyang, pyongjang) — one word, the same first letter and
// nearly the same length, as transliterations differ.
func (l *Lexicon) sameNameSpellings(name string) []string {
	if strings.Contains(name, " ") {
		return nil
	}
	g, ok := l.glosses()[name]
	if !ok || g.en == "" {
		return nil
	}
	trs, _ := l.translate(g.en)
	var out []string
	for _, tr := range trs {
		if tr == name || strings.Contains(tr, " ") || tr[0] != name[0] || len(tr)-len(name) > 2 || len(name)-len(tr) > 2 {
			continue
		}
		out = append(out, tr)
	}
	return out
}

// addNameTranslation gives a name made of ordinary words ("Kontrak
// Sosial Debian", "the Technical Committee") its word-by-word
// translation as an alternative in the other language ("social contract
// debian"), for articles in that language: such names are translated,
// not transliterated. Words no dictionary knows (Debian) stay as they
// are; at least two words must translate. Word order does not matter to
// matching, so Indonesian's head-first order needs no reordering.
func (l *Lexicon) addNameTranslation(c *Concept, run []Token, lang string) {
	if len(run) < 2 {
		return
	}
	other := "en"
	if lang == "en" {
		other = "id"
	}
	words := make([]string, 0, len(run))
	translated := 0
	for _, t := range run {
		var tr string
		if lang == "id" {
			if tr = l.Gloss(t.Norm); tr == "" {
				tr, _ = l.loanGloss(t.Norm) // "sosial": social
			}
		} else if trs, _ := l.translate(t.Norm); len(trs) > 0 {
			tr = trs[0]
		}
		switch {
		case tr != "" && l.KnownWord(t.Norm):
			words = append(words, tr)
			translated++
		case l.KnownWord(t.Norm):
			return // an ordinary word without a translation: the name cannot be rendered
		default:
			words = append(words, t.Norm) // a name proper: as written
		}
	}
	if translated < 2 {
		return
	}
	c.addAltIn(l.alt(strings.Join(words, " "), other), 0.8, other)
}

// shortForm writes a one-word short form in capitals ("as" → "AS", for
// Amerika Serikat), as news does: so written it is an acronym, not the
// stop word "as". A phrase is left as it is.
func shortForm(s string) string {
	if strings.Contains(s, " ") {
		return s
	}
	return strings.ToUpper(s)
}

// nameAlt keeps names unstemmed apart from the candidates StemID gives, so
// a name matches however the index stemmed it.
func nameAlt(norms []string) Alt {
	a := make(Alt, 0, len(norms))
	for _, n := range norms {
		w := Word{n}
		for _, s := range StemID(n) {
			if !containsString(w, s) {
				w = append(w, s)
			}
		}
		if s := StemEN(n); !containsString(w, s) {
			w = append(w, s)
		}
		a = append(a, w)
	}
	return a
}

// alt analyses a phrase into index terms, dropping stop words.
func (l *Lexicon) alt(text, lang string) Alt {
	var a Alt
	for _, t := range Tokenize(text) {
		if terms := l.WordTerms(t, lang); len(terms) > 0 {
			a = append(a, Word(terms))
		}
	}
	return a
}

func (l *Lexicon) startsName(toks []Token, i int) bool {
	t := toks[i]
	if !t.Upper || t.Num || IsCalendarWord(t.Norm) {
		return false
	}
	if IsAcronym(t.Text) {
		return true
	}
	if l.IsStop(t.Norm) || questionWord(t.Norm) {
		return false
	}
	if i == 0 {
		// A capitalised first word is a name when the next word is
		// capitalised too ("North Korea", "Kim Jong Un") or when it is not
		// an ordinary word the dictionaries know ("Putin").
		if len(toks) > 1 && toks[1].Upper && !IsCalendarWord(toks[1].Norm) {
			return true
		}
		return !l.KnownWord(t.Norm)
	}
	return true
}

// functionWords counts the tokens that are function words of only one
// language: Indonesian-only and English-only.
func (l *Lexicon) functionWords(toks []Token) (id, en int) {
	for _, t := range toks {
		switch inID, inEN := l.stopID[t.Norm], l.stopEN[t.Norm]; {
		case inID && !inEN:
			id++
		case inEN && !inID:
			en++
		}
	}
	return id, en
}

// looksIndonesian reports whether any token is a function word only
// Indonesian has.
func (l *Lexicon) looksIndonesian(toks []Token) bool {
	id, _ := l.functionWords(toks)
	return id > 0
}

// mostlyIndonesian reports whether the tokens hold at least as many
// function words only Indonesian has as function words only English has
// (it is asked after a chat short form was read, itself a sign of
// Indonesian, so a tie goes to Indonesian).
func (l *Lexicon) mostlyIndonesian(toks []Token) bool {
	id, en := l.functionWords(toks)
	return id >= en
}

func (l *Lexicon) answerType(question string, toks []Token) AnswerType {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	if yesNoQuestion(words) {
		return AnswerYesNo
	}
	// The first question word decides: "who cut the ribbon when the zone
	// opened?" asks for a person, not a date. A clause "when …," before
	// the question sets the situation the question word after it asks
	// about (whenClauseEnd).
	for i := whenClauseEnd(question, words, toks) + 1; i < len(words); i++ {
		if t, n := typeAt(words, i); n > 0 {
			if t == AnswerAny {
				break
			}
			return t
		}
	}
	// "what is the maximum number of members", "what's the size of":
	// a count or measure asked after "what".
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "what" && words[i] != "which" {
			continue
		}
		for k := i + 1; k < len(words) && k <= i+5; k++ {
			if measureNouns[words[k]] {
				return AnswerNumber
			}
			if words[k] == "name" || words[k] == "called" {
				return AnswerName // "what's the name of the museum"
			}
			if words[k] == "date" || words[k] == "day" || words[k] == "month" || words[k] == "year" {
				return AnswerDate // "what's the exact start date of"
			}
		}
		break
	}
	for i := 0; i+1 < len(words); i++ {
		if (words[i] == "which" || words[i] == "what") && personNouns[words[i+1]] ||
			i+2 < len(words) && (words[i] == "which" || words[i] == "what") && personNouns[words[i+2]] {
			return AnswerPerson
		}
	}
	return AnswerAny
}

// whenClauseEnd returns the last word of an opening clause "when …,"
// followed by a question word ("when debian devs vote on a resolution,
// what method picks the winner?"), or -1: "when" there means "in the
// situation that", not "at what time". An auxiliary after "when" asks
// the time.
func whenClauseEnd(question string, words []string, toks []Token) int {
	if len(words) < 4 || words[0] != "when" || yesNoQuestion(words[1:]) {
		return -1 // "when did they meet, and where?" asks both
	}
	for i := 1; i+1 < len(toks); i++ {
		if !strings.Contains(question[toks[i].End:toks[i+1].Start], ",") {
			continue
		}
		for j := i + 1; j < len(words); j++ {
			if _, n := typeAt(words, j); n > 0 {
				return i
			}
		}
		return -1
	}
	return -1
}

// yesNoQuestion reports a polar question: it opens with an English
// auxiliary verb or an Indonesian question particle ("apakah", "benarkah",
// any word ending in the particle -kah), and asks no wh-word.
func yesNoQuestion(words []string) bool {
	if len(words) < 2 {
		return false
	}
	// A question word may follow in a clause ("did they hug when they
	// met?"); one before the verb makes it an open question.
	first := words[0]
	if first == "so" || first == "but" || first == "and" || first == "jadi" || first == "tapi" {
		first = words[1]
	}
	switch first {
	case "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "will", "would", "can", "could",
		"should", "may", "might", "isn", "aren", "wasn", "weren", "didn", "doesn", "don", "hasn", "haven",
		"apakah", "benarkah", "betulkah":
		return true
	case "apa":
		return words[1] == "benar" || words[1] == "betul"
	}
	for _, wh := range []string{"berapa", "siapa", "kapan", "mana", "bagaimana", "mengapa", "kenapa"} {
		if strings.HasPrefix(first, wh) {
			return false
		}
	}
	if len(first) > 4 && strings.HasSuffix(first, "kah") && first != "langkah" && first != "nikah" && first != "menikah" {
		return true
	}
	// Chat Indonesian asks yes or no with a tag at the end ("… lagi
	// gak?", "… udah belum?") and no question word anywhere.
	if TagIndex(words) >= 0 {
		for _, w := range words {
			if _, n := typeAt([]string{w}, 0); n > 0 {
				return false
			}
		}
		return true
	}
	return false
}

// TagIndex returns the index of the tag that ends an Indonesian chat
// yes/no question ("… lagi gak?", "… gak sih?", "… 2023 kan?"), past the
// particles chat adds after it, or -1.
func TagIndex(words []string) int {
	i := len(words) - 1
	for i > 0 && chatParticle(words[i]) {
		i--
	}
	if i > 0 && (IsTagWord(words[i]) || words[i] == "kan") {
		return i
	}
	return -1
}

// ChatParticle reports a discourse particle of chat Indonesian ("sih",
// "dong", "nih"), which carries tone, not content.
func ChatParticle(w string) bool { return chatParticle(w) }

func chatParticle(w string) bool {
	switch w {
	case "sih", "dong", "deh", "nih", "tuh", "ya", "yah", "kok", "lho", "loh":
		return true
	}
	return false
}

// IsTagWord reports the tag Indonesian chat puts at the end of a yes/no
// question ("… lagi gak?", "… udah belum?").
// ChatNegation reports chat's words for "not" ("gak", "ga", "nggak"): in
// a question they ask yes or no ("… ga waktu ketemu choe?"), wherever they
// stand; they name nothing the evidence must hold.
func ChatNegation(w string) bool {
	switch w {
	case "gak", "nggak", "ngga", "ga", "enggak", "gk", "ngak":
		return true
	}
	return false
}

func IsTagWord(w string) bool {
	switch w {
	case "gak", "nggak", "ngga", "ga", "enggak", "tidak", "belum", "bukan", "kah":
		return true
	}
	return false
}

// typeAt reads a question phrase starting at word i: the answer type it
// asks for and its length in words (0 when no question phrase starts
// there). AnswerAny with n > 0 is an open question word ("what", "why").
// locativeID reports an Indonesian preposition of place: "di berkas
// mana" (in which file) asks where.
func locativeID(w string) bool { return w == "di" || w == "ke" || w == "dari" }

func typeAt(w []string, i int) (AnswerType, int) {
	at := func(phrase ...string) bool {
		if i+len(phrase) > len(w) {
			return false
		}
		for k, p := range phrase {
			if w[i+k] != p {
				return false
			}
		}
		return true
	}
	switch {
	case at("how", "long"), at("berapa", "lama"), at("for", "how", "long"), at("how", "often"), at("seberapa", "sering"), at("berapa", "sering"),
		at("how", "many", "days"), at("how", "many", "weeks"), at("how", "many", "months"), at("how", "many", "years"),
		at("berapa", "hari"), at("berapa", "minggu"), at("berapa", "pekan"), at("berapa", "bulan"), at("berapa", "tahun"):
		return AnswerDuration, 2
	case at("what", "share"), at("what", "percentage"), at("what", "proportion"), at("what", "percent"), at("how", "much", "of"),
		at("berapa", "persen"), at("persentase"):
		return AnswerPercent, 2
	case at("ke", "berapa"), at("keberapa"), at("yang", "ke", "berapa"), at("how", "manyth"), at("which", "round"), at("what", "round"),
		at("which", "edition"), at("what", "edition"), at("which", "session"):
		return AnswerOrdinal, 2
	case at("how", "many"), at("how", "much"), at("what", "number"), at("berapa"), at("how", "old"), at("umur", "berapa"), at("usia", "berapa"):
		return AnswerNumber, 2
	case at("when"), at("what", "date"), at("what", "day"), at("what", "year"), at("which", "year"), at("which", "month"),
		at("what", "month"), at("which", "day"), at("on", "which", "day"), at("kapan"), at("tanggal", "berapa"), at("bulan", "apa"),
		at("tahun", "berapa"), at("hari", "apa"):
		return AnswerDate, 1
	case at("where"), at("which", "city"), at("what", "city"), at("which", "country"), at("what", "country"), at("which", "place"),
		at("in", "which", "city"), at("di", "mana"), at("dimana"), at("ke", "mana"), at("kemana"), at("kota", "apa"), at("negara", "apa"),
		at("mana") && (i == 0 || IsPlaceNoun(w[i-1]) || w[i-1] == "dari" || w[i-1] == "tempat" || i > 1 && locativeID(w[i-2])):
		return AnswerPlace, 1
	case at("mana"):
		// "lisensi bebas mana" is "which free licence": a thing by its
		// name, not a place.
		return AnswerName, 1
	case at("who"), at("whom"), at("whose"), at("siapa"):
		return AnswerPerson, 1
	case at("what"), at("which"), at("why"), at("how"), at("apa"), at("mengapa"), at("kenapa"), at("bagaimana"), at("gimana"):
		if i+1 < len(w) && (w[i] == "which" || w[i] == "what") && (personNouns[w[i+1]] || i+2 < len(w) && personNouns[w[i+2]]) {
			return AnswerPerson, 2
		}
		return AnswerAny, 1
	}
	return AnswerAny, 0
}

// measureNouns ask for a count or a measure after "what".
// quantityOf returns 1 + the index of the thing a quantity noun counts
// ("jumlah pasukan", "the number of troops"), or 0.
func quantityOf(q Query, toks []Token) int {
	for i, t := range toks {
		if t.Norm != "jumlah" && t.Norm != "number" && t.Norm != "angka" {
			continue
		}
		next := i + 1
		if next < len(toks) && toks[next].Norm == "of" {
			next++
		}
		for ci, c := range q.Concepts {
			if c.first == next && !c.Entity && !c.Number {
				return ci + 1
			}
		}
	}
	return 0
}

// asksAgreementOnFigure reports a question about whether sources agree
// on a quantity: an agreement word ("agree", "differ", "same", "sama",
// "beda") and a quantity noun ("number", "jumlah", "angka", "figure").
func asksAgreementOnFigure(toks []Token) bool {
	agree, figure := false, false
	for _, t := range toks {
		switch t.Norm {
		case "agree", "disagree", "differ", "different", "same", "consistent", "match",
			"sama", "beda", "berbeda", "selisih", "cocok", "sepakat":
			agree = true
		case "number", "figure", "figures", "count", "toll", "jumlah", "angka", "total":
			figure = true
		}
	}
	return agree && figure
}

var measureNouns = map[string]bool{
	"number": true, "amount": true, "size": true, "total": true, "count": true, "age": true, "toll": true,
}

// IsMeasureNoun reports a noun that measures another ("number", "toll",
// "total"): in "death toll" the thing spoken of is the death, however the
// measure is written ("6.000 tentara … tewas").
func IsMeasureNoun(w string) bool { return measureNouns[w] }

var personNouns = map[string]bool{
	"official": true, "person": true, "leader": true, "minister": true, "spokesman": true, "spokesperson": true,
	"spokeswoman": true, "president": true, "diplomat": true, "general": true, "envoy": true, "man": true,
	"woman": true, "chief": true, "ambassador": true, "commander": true, "secretary": true, "aide": true,
}

var metaWords = map[string]bool{
	"coverage": true, "article": true, "articles": true, "report": true, "reports": true, "mentioned": true,
	"liputan": true, "artikel": true, "disebut": true, "laporan": true, "berita": true, "news": true, "source": true,
}

// IsQuestionWord reports a question word of either language ("how",
// "berapa", "siapa"), as the analyser reads them.
func IsQuestionWord(w string) bool { return questionWord(w) }

func questionWord(w string) bool {
	switch w {
	case "how", "many", "much", "what", "which", "who", "whom", "whose", "when", "where", "why",
		"berapa", "siapa", "apa", "kapan", "mana", "dimana", "bagaimana", "mengapa", "kenapa", "banyak", "jumlah",
		"ngapain", // chat: "kim keliatan ngapain" (doing what), "ngapain ke sana" (what for)
		"according", "menurut":
		return true
	}
	return false
}

// lightVerb reports English verbs too general to search for ("where
// does it come from").
func lightVerb(w string) bool {
	switch w {
	case "come", "comes", "came", "go", "goes", "went", "get", "gets", "got", "happen", "happens", "happened",
		"become", "becomes", "became", "take", "takes", "took":
		return true
	}
	return false
}

// typeWord reports words that only restate the answer type ("how long",
// "what share"): the answer's form, not its topic.
func typeWord(t AnswerType, w string) bool {
	switch t {
	case AnswerDuration:
		return w == "long" || w == "lama" || w == "duration"
	case AnswerPercent:
		switch w {
		case "share", "percentage", "proportion", "percent", "persen", "persentase", "portion":
			return true
		}
	case AnswerNumber:
		return measureNouns[w] || w == "old" || w == "umur" || w == "usia"
	case AnswerDate:
		return w == "date" || w == "day" || w == "year" || w == "month" || w == "tanggal"
	case AnswerPlace:
		return w == "place" || w == "location" || w == "tempat"
	case AnswerPerson:
		return w == "person" || w == "name" || w == "nama" || w == "orang"
	}
	return false
}

// placeKindNoun reports a noun that names a kind of place whose
// instances have names: a city, a country.
func placeKindNoun(w string) bool {
	switch strings.ToLower(w) {
	case "city", "town", "country", "kota", "negara":
		return true
	}
	return false
}

// IsAcronym reports a word of two or more ASCII capitals ("KCNA", "LTS").
func IsAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// adjacent reports whether two tokens are separated only by spaces, so a
// comma or an apostrophe ends a name.
func adjacent(text string, a, b Token) bool {
	return strings.TrimSpace(text[a.End:b.Start]) == ""
}

func joinNorms(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}

func altEqual(a, b Alt) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			return false
		}
	}
	return true
}

// InLanguage is the query as it reads in documents of language lang: each
// concept keeps only the alternatives such a document may contain, and a
// concept left with none is dropped.
func (q Query) InLanguage(lang string) Query {
	out := q
	out.Concepts = nil
	for _, c := range q.Concepts {
		k := c.KeepAlts(func(i int, _ Alt) bool { l := c.AltLang(i); return l == "" || l == lang })
		if len(k.Alts) > 0 {
			out.Concepts = append(out.Concepts, k)
		}
	}
	return out
}

// intonationQuestion reports a statement asked as a question, as chat
// does in both languages ("jadi korut sekarang nyuplai lebih dari
// setengah amunisi rusia?", "so the pact was signed in moscow?"): it ends
// with a question mark and has no question word. A short fragment ("the
// toll?") is a follow-up, not a yes/no question. Nor is one that opens
// with "cara" or "caranya" (the way to): "cara liat hostname dari
// kernel?" asks how, as "bagaimana cara" does.
func intonationQuestion(question string, toks []Token) bool {
	if !strings.HasSuffix(strings.TrimSpace(question), "?") || len(toks) < 5 {
		return false
	}
	if toks[0].Norm == "cara" || toks[0].Norm == "caranya" {
		return false
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	for i := range words {
		if questionWord(words[i]) {
			return false
		}
		if _, n := typeAt(words, i); n > 0 {
			return false
		}
	}
	return true
}

// misspeltQuestionWord reads a question's first word as the English
// question word it misspells by one letter dropped or two neighbouring
// letters swapped ("wher", "whta", "hwo"), when it is no word of its
// own and no short form of chat; any other word is returned as it is.
func (l *Lexicon) misspeltQuestionWord(w string) string {
	if len(w) < 3 || questionWord(w) || l.KnownWord(w) || l.IsStop(w) || l.EnglishWord(w) || l.chatShortForm(w) != "" {
		return w
	}
	for _, q := range []string{"what", "when", "where", "which", "who", "whose", "why", "how"} {
		if oneDropOrSwap(w, q) {
			return q
		}
	}
	return w
}

// oneDropOrSwap reports whether w is want with one letter dropped or two
// neighbouring letters swapped.
func oneDropOrSwap(w, want string) bool {
	if len(w) == len(want)-1 {
		for i := range want {
			if want[:i]+want[i+1:] == w {
				return true
			}
		}
		return false
	}
	if len(w) != len(want) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[:i-1]+string(w[i])+string(w[i-1])+w[i+1:] == want {
			return true
		}
	}
	return false
}

// unapostrophed reads an English contraction typed without its
// apostrophe, as chat does: "whats" is what('s), "cant" and "didnt" are
// not, "im" is I('m) and "thats" that('s): a function word with a clitic
// that no word list has as a word of its own ("hell",
// "shell", "wed" stay). Other words are returned as they are.
func (l *Lexicon) unapostrophed(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && questionWord(w[:len(w)-1]) {
		return w[:len(w)-1] // whats, hows, wheres, whos
	}
	switch w {
	case "cant", "dont", "didnt", "doesnt", "isnt", "arent", "wasnt", "werent", "wont", "couldnt", "wouldnt",
		"shouldnt", "havent", "hasnt", "hadnt", "mustnt":
		return "not"
	}
	if l.IsStop(w) || l.english.has(w) {
		return w
	}
	// What English writes after an apostrophe on a pronoun or function
	// word: I'm, you're, we've, they'll, she'd, that's.
	for _, clitic := range [...]string{"s", "m", "re", "ve", "ll", "d"} {
		if stem, ok := strings.CutSuffix(w, clitic); ok && stem != "" && l.stopEN[stem] {
			return stem
		}
	}
	return w
}

// backticked returns the spans of text between pairs of backticks, as
// chat writes a command or a file name ("`ls -a`").
func backticked(text string) []struct{ start, end int } {
	var out []struct{ start, end int }
	for i := 0; i < len(text); {
		open := strings.IndexByte(text[i:], '`')
		if open < 0 {
			break
		}
		open += i + 1
		closing := strings.IndexByte(text[open:], '`')
		if closing < 0 {
			break
		}
		out = append(out, struct{ start, end int }{open, open + closing})
		i = open + closing + 1
	}
	return out
}

// anyIn reports whether w is one of terms.
func anyIn(w string, terms []string) bool {
	for _, t := range terms {
		if t == w {
			return true
		}
	}
	return false
}
