package timeline

import (
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/lexicon"
)

// English lines for Indonesian reports. When a report does not read as
// names doing something to names (the composition of compose.go), an
// English reader is not given the Indonesian clause: the line is composed
// in English from the clause that holds the date, from the parts a
// dictionary can render faithfully: the subject (names in their English
// form, "kedua negara" as "the two countries", the noun a relative clause
// is about), the event word's English gloss in the past tense, its
// object (names, a figure with what it counts, or a noun with one
// modifier) and its place. What cannot be rendered so is left out, never
// guessed; a report that gives too little for a sentence is told as its
// kind of event and who it names ("Statement by Ukraine"). The verbatim
// quote stays the line's evidence.

// englishNamer is what rendering names in English needs of the lexicon.
type englishNamer interface {
	Abbreviations(phrase string) []string
	GlossText(text string) string
	IsPlaceName(norm string) bool
}

// nameEN writes a name the English way when the dictionaries know it as a
// place ("Korea Utara" → "North Korea", "Korut" → "North Korea", "Rusia"
// → "Russia"); people's names and places the dictionaries do not know
// stay as the text spells them.
func (c composer) nameEN(show string) string {
	en, ok := c.lex.(englishNamer)
	if !ok {
		return show
	}
	key := strings.ToLower(strings.Join(strings.Fields(show), " "))
	words := strings.Fields(key)
	if len(words) == 1 {
		if !en.IsPlaceName(key) {
			return show
		}
		for _, long := range en.Abbreviations(key) {
			if strings.Contains(long, " ") {
				key = long // a short form: its long form is what the dictionaries render
				break
			}
		}
	}
	out := en.GlossText(key)
	if out == key || out == "" || strings.ContainsAny(out, ",/") {
		return show
	}
	if !strings.Contains(key, " ") && strings.HasPrefix(out, key) {
		return show // "belarus" → "belarusian": the adjective, not the name
	}
	if len(words) > 1 && len(strings.Fields(out)) >= len(words) && strings.Contains(out, words[len(words)-1]) {
		return show // the phrase was not rendered as one name
	}
	parts := strings.Fields(out)
	for i, p := range parts {
		if strings.Contains(p, ".") {
			parts[i] = strings.ToUpper(p) // "u.s."
			continue
		}
		parts[i] = capitalise(p)
	}
	return strings.Join(parts, " ")
}

// joinNamesEN spells names[ks] in English, joined with "and".
func (c composer) joinNamesEN(names []name, ks []int) string {
	var parts []string
	for _, k := range ks {
		parts = append(parts, c.nameEN(names[k].show))
	}
	if len(parts) <= 2 {
		return strings.Join(parts, " and ")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// clauseSpan is a clause of a sentence: token indices, inclusive.
type clauseSpan struct{ from, to int }

func clausesOf(text string, toks []lexicon.Token) []clauseSpan {
	var out []clauseSpan
	from := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) || strings.ContainsAny(text[toks[i-1].End:toks[i].Start], ",;:()“”\"—–") {
			out = append(out, clauseSpan{from, i - 1})
			from = i
		}
	}
	return out
}

// inMention reports a token of the event's date expression.
func inMention(e Event, t lexicon.Token) bool {
	off := e.Sentence.Start
	return t.Start+off >= e.Mention.Start && t.End+off <= e.Mention.End
}

// englishLine composes the English line of an Indonesian report, or "".
func (c composer) englishLine(e Event, toks []lexicon.Token, names []name, mi int) string {
	if mi < 0 || c.gl == nil {
		return ""
	}
	cls, ci := dateClause(e, toks, mi)
	if ci < 0 {
		return ""
	}
	cl := cls[ci]
	// The event word: the clause's nearest to the date, specific kinds
	// first ("… menjanjikan kerja sama di bawah perjanjian yang
	// ditandatangani tahun lalu" dates the signing).
	v := -1
	dist := func(i int) int {
		if i < mi {
			return mi - i
		}
		return i - mi
	}
	for _, specificOnly := range []bool{true, false} {
		for i := cl.from; i <= cl.to; i++ {
			if w, ok := verbOf(toks[i].Norm); ok && !isNoun(toks[i].Norm) && (w.specific() || !specificOnly) && w.en != "deaths" {
				if v < 0 || dist(i) < dist(v) {
					v = i
				}
			}
		}
		if v >= 0 {
			break
		}
	}
	// No event word: the clause's first verb the dictionary renders as
	// one ("Gempa … mengguncang Cianjur": shook).
	for i := cl.from; i <= cl.to && v < 0; i++ {
		if c.plainVerb(toks[i].Norm) {
			v = i
		}
	}
	if v < 0 {
		return ""
	}
	w, _ := verbOf(toks[v].Norm)
	verb := pastTense(c.gloss(toks[v].Norm))
	if w.en == "statement" {
		verb = "said"
	}
	passive := strings.HasPrefix(toks[v].Norm, "di") && !intransitive(verb) && verb != ""
	if passive {
		verb = "was " + verb // "ditandatangani": was signed
	}
	if verb == "" {
		return ""
	}
	next := v + 1
	// "setuju untuk mengirim": agreed to send.
	if next+1 <= cl.to && (toks[next].Norm == "untuk" || toks[next].Norm == "akan") {
		if _, ok := verbOf(toks[next+1].Norm); ok {
			if g := c.gloss(toks[next+1].Norm); g != "" && !strings.Contains(g, " ") {
				verb += " to " + baseForm(g)
				next += 2
			}
		}
	}
	subj := c.subjectEN(e, toks, names, cls, ci, v)
	if subj == "" {
		return ""
	}
	obj, after := "", next
	if w.en != "arrival" && w.en != "start" && !passive {
		obj, after = c.objectEN(e, toks, names, next, cl.to)
	}
	// "dilantik sebagai presiden": was inaugurated as president.
	if obj == "" && after+1 <= cl.to && toks[after].Norm == "sebagai" {
		if g := c.gloss(toks[after+1].Norm); g != "" && !strings.Contains(g, " ") && !toks[after+1].Num {
			obj, after = "as "+g, after+2
		}
	}
	for k := after; w.en == "statement" && k <= cl.to && k <= after+3; k++ {
		if isVerbForm(toks[k].Norm) && !isNoun(toks[k].Norm) {
			return "" // the object is a clause's subject ("menyatakan pengiriman senjata … telah dilanjutkan")
		}
	}
	place := c.placeEN(e, toks, names, after, cl.to, verb)
	if obj == "" && place == "" && !intransitive(verb) && !passive {
		return ""
	}
	parts := []string{capitalise(subj), verb}
	if obj != "" {
		parts = append(parts, obj)
	}
	if place != "" {
		parts = append(parts, place)
	}
	return strings.Join(parts, " ")
}

// dateClause returns the sentence's clauses and the one the date at
// token mi dates: its own, or, when the date stands alone, the clause it
// introduces ("Pada April, kedua negara …") or, closing a sentence ("…,
// pada Minggu pagi, kata …"), the nearest one before it that tells
// something. -1 when mi is in none.
func dateClause(e Event, toks []lexicon.Token, mi int) ([]clauseSpan, int) {
	cls := clausesOf(e.Text, toks)
	ci := -1
	for k, cl := range cls {
		if mi >= cl.from && mi <= cl.to {
			ci = k
		}
	}
	if ci < 0 || content(e, toks, cls[ci]) >= 2 {
		return cls, ci
	}
	switch {
	case ci > 0 && hasVerb(toks, cls[ci-1]):
		ci--
	case ci > 1 && hasVerb(toks, cls[ci-2]):
		ci -= 2
	case ci+1 < len(cls):
		ci++
	}
	return cls, ci
}

func hasVerb(toks []lexicon.Token, cl clauseSpan) bool {
	for i := cl.from; i <= cl.to; i++ {
		if _, ok := verbOf(toks[i].Norm); ok && !isNoun(toks[i].Norm) {
			return true
		}
	}
	return false
}

// content counts a clause's words that are not the date or function words.
func content(e Event, toks []lexicon.Token, cl clauseSpan) int {
	n := 0
	for i := cl.from; i <= cl.to; i++ {
		if !inMention(e, toks[i]) && !isBetweenSubjectVerb(toks[i].Norm) && !lexicon.IsCalendarWord(toks[i].Norm) {
			n++
		}
	}
	return n
}

// subjectEN finds who did it: the names just before the verb, "kedua
// negara" (the two countries), or, in a relative clause ("perang di
// Ukraina, yang dimulai …"), the noun it is about.
func (c composer) subjectEN(e Event, toks []lexicon.Token, names []name, cls []clauseSpan, ci, v int) string {
	cl := cls[ci]
	// Words between subject and verb: auxiliaries, adverbs, the date, and
	// where it was said ("dalam pidato malam Jumat").
	j := v - 1
	for j >= cl.from && (isBetweenSubjectVerb(toks[j].Norm) || inMention(e, toks[j]) || lexicon.IsCalendarWord(toks[j].Norm) || isTimeWord(toks[j].Norm)) {
		j--
	}
	for k := j; k >= cl.from && k >= j-3; k-- {
		if toks[k].Norm == "dalam" && !toks[k].Upper {
			j = k - 1
			break
		}
	}
	// "…, yang dimulai …" (a clause of its own) or "perjanjian kemitraan
	// yang ditandatangani …" (within the clause).
	relative := j >= cl.from && toks[j].Norm == "yang"
	if j >= cl.from && !relative {
		for k := len(names) - 1; k >= 0; k-- {
			if names[k].last != j || names[k].place {
				continue
			}
			first := k
			for first > 0 && names[first-1].last+2 == names[first].first && isAnd(toks[names[first].first-1].Norm) && !names[first-1].place {
				first--
			}
			if names[first].first < cl.from || names[first].first > 0 && noSubjectBefore(toks[names[first].first-1].Norm) {
				return ""
			}
			var ks []int
			for x := first; x <= k; x++ {
				ks = append(ks, x)
			}
			// "12.500 tentara Korea Utara tiba": the troops, from the country.
			if at := names[first].first - 1; at >= cl.from && classOf(toks[at].Norm) != nil {
				for s := at - 1; s >= cl.from && s >= at-3; s-- {
					if f, next := c.figureEN(toks, s, at); f != "" && next == at+1 {
						return f + " from " + c.joinNamesEN(names, ks)
					}
				}
			}
			return c.joinNamesEN(names, ks)
		}
		// "kedua negara": the two countries.
		if j-1 >= cl.from && toks[j-1].Norm == "kedua" {
			if g := c.gloss(toks[j].Norm); g != "" && !strings.Contains(g, " ") {
				return "the two " + plural(g)
			}
		}
		// A noun opening the clause ("Gempa bermagnitudo 5,6 mengguncang",
		// "pemerintah menaikkan"): the thing itself.
		if j-cl.from <= 3 && !relative {
			if t := toks[cl.from]; !t.Num && !isFunctionWord(t.Norm) && !isVerbForm(t.Norm) && nameAt(names, cl.from) < 0 {
				if g := c.gloss(t.Norm); g != "" && !strings.Contains(g, " ") && c.englishNoun(g) {
					ok := true
					for k := cl.from + 1; k <= j; k++ {
						if _, isVerb := verbOf(toks[k].Norm); isVerb || isFunctionWord(toks[k].Norm) {
							ok = false
						}
					}
					if ok {
						return "the " + g
					}
				}
			}
		}
		// "mereka", "ia": a pronoun stands for who the sentence names
		// before; not rendered.
		return ""
	}
	// A relative clause: the noun before it (a head and one modifier,
	// "perjanjian kemitraan" → "the partnership treaty"), with its place.
	if relative {
		k, from := j-1, cl.from
		if j == cl.from {
			if ci == 0 {
				return ""
			}
			k, from = cls[ci-1].to, cls[ci-1].from
		}
		placeText := ""
		if n := nameAt(names, k); n >= 0 && names[n].place && names[n].first >= from+2 {
			placeText = " " + map[string]string{"di": "in", "ke": "to"}[toks[names[n].first-1].Norm] + " " + c.nameEN(names[n].show)
			k = names[n].first - 2
		}
		noun := func(i int) string {
			if i < from || toks[i].Upper || toks[i].Num || isFunctionWord(toks[i].Norm) || isVerbForm(toks[i].Norm) {
				return ""
			}
			if g := c.gloss(toks[i].Norm); g != "" && !strings.Contains(g, " ") {
				return g
			}
			return ""
		}
		head := noun(k)
		if head == "" {
			return ""
		}
		if h2 := noun(k - 1); h2 != "" && placeText == "" {
			return "the " + head + " " + h2 // head first in Indonesian: "perjanjian kemitraan"
		}
		return "the " + head + placeText
	}
	return ""
}

// nameStartsAt reports a name beginning at token k.
func nameStartsAt(names []name, k int) bool {
	for _, n := range names {
		if n.first == k {
			return true
		}
	}
	return false
}

// nameAt returns the name ending at token k, or -1.
func nameAt(names []name, k int) int {
	for i, n := range names {
		if n.last == k {
			return i
		}
	}
	return -1
}

// objectEN renders what follows the verb up to a preposition: names, a
// figure ("6.000 pekerja militer tambahan" → "6,000 extra military
// workers"), or a noun with one modifier ("perjanjian militer" → "a
// military treaty", "pengiriman pasukan" → "the deployment of troops").
// It returns the text and the token after it.
func (c composer) objectEN(e Event, toks []lexicon.Token, names []name, i, end int) (string, int) {
	// Titles and an office's field before a person ("menangkap Gubernur
	// Bengkulu Rohidin Mersyah").
	field := func(i int) bool {
		return i > 0 && isTitleWord(toks[i-1].Norm) && toks[i].Upper && i+1 <= end && nameStartsAt(names, i+1)
	}
	// The date is not the object ("mengatakan pada hari Sabtu bahwa …").
	date := func(i int) bool {
		return inMention(e, toks[i]) || isTimeWord(toks[i].Norm) || toks[i].Norm == "pada" || toks[i].Norm == "on"
	}
	for i <= end && (skippable(toks[i].Norm) || isAdverb(toks[i].Norm) || field(i) || date(i)) {
		i++
	}
	if i > end {
		return "", i
	}
	for k, n := range names {
		if n.first == i && !n.place {
			// A title's country before a person ("Rusia Sergei Lavrov"):
			// the person.
			for k+1 < len(names) && names[k+1].run == names[k].run && !names[k+1].place {
				k++
			}
			ks := coordinated(e, toks, names, k)
			return c.joinNamesEN(names, ks), names[ks[len(ks)-1]].last + 1
		}
	}
	if f, next := c.figureEN(toks, i, end); f != "" {
		return f, next
	}
	t := toks[i]
	if t.Upper || t.Num || isFunctionWord(t.Norm) || isVerbForm(t.Norm) {
		return "", i
	}
	head := ""
	article := "the"
	if cls := classOf(t.Norm); cls != nil {
		return englishCounted(t.Norm, cls, c.gloss(t.Norm)), i + 1 // "mengirimkan senjata": sent weapons
	}
	if v, ok := verbOf(t.Norm); ok && isNoun(t.Norm) && v.specific() {
		head, article = v.en, "the"
	} else if g := c.gloss(t.Norm); g != "" && !strings.Contains(g, " ") {
		head = g
	}
	if head == "" {
		return "", i
	}
	i++
	mod, of := "", ""
	if i <= end && !toks[i].Upper && !toks[i].Num && !isFunctionWord(toks[i].Norm) && !isVerbForm(toks[i].Norm) && (i+1 > end || !isVerbForm(toks[i+1].Norm)) {
		if cls := classOf(toks[i].Norm); cls != nil {
			of = englishCounted(toks[i].Norm, cls, c.gloss(toks[i].Norm))
			i++
		} else if g := c.gloss(toks[i].Norm); g != "" && !strings.Contains(g, " ") && !isFunctionWord(toks[i].Norm) {
			mod = g + " "
			i++
		}
	}
	if of != "" {
		// "pasukan Korut": North Korea's troops.
		for _, n := range names {
			if n.first == i && !n.place {
				of = c.nameEN(n.show) + "’s " + of
				i = n.last + 1
				break
			}
		}
		if en, ok := c.lex.(englishNamer); ok && i <= end && toks[i].Upper && en.IsPlaceName(toks[i].Norm) && !isPlacePreposition(toks[i].Norm) {
			of = c.nameEN(toks[i].Text) + "’s " + of // a country's short form ("Korut", "AS")
			i++
		}
		return article + " " + head + " of " + of, i
	}
	return "the " + mod + head, i
}

// figureEN renders a figure at token i: an optional qualifier, the
// number, what it counts and up to two modifiers after it.
func (c composer) figureEN(toks []lexicon.Token, i, end int) (string, int) {
	qual := ""
	for _, q := range qualifiers {
		n := len(q.words)
		if i+n > end {
			continue
		}
		ok := true
		for k, w := range q.words {
			if toks[i+k].Norm != w {
				ok = false
			}
		}
		if ok && toks[i+n].Num {
			qual, i = q.en+" ", i+n
			break
		}
	}
	if i > end || !toks[i].Num {
		return "", i
	}
	if _, isYear := yearNumber(toks[i]); isYear {
		return "", i
	}
	num := toks[i].Norm
	k := i + 1
	if k > end {
		return "", i
	}
	cls := classOf(toks[k].Norm)
	if cls == nil {
		return "", i
	}
	counted := englishCounted(toks[k].Norm, cls, c.gloss(toks[k].Norm))
	k++
	var mods []string
	for k <= end && len(mods) < 2 && counted != cls.en && !toks[k].Upper && !toks[k].Num && !isFunctionWord(toks[k].Norm) && !isVerbForm(toks[k].Norm) {
		g := c.gloss(toks[k].Norm)
		if g == "" || strings.Contains(g, " ") {
			break
		}
		mods = append([]string{g}, mods...)
		k++
	}
	v := 0.0
	for _, r := range num {
		if r < '0' || r > '9' {
			return "", i
		}
		v = v*10 + float64(r-'0')
	}
	out := qual + FormatNumber(v, "en") + " "
	if len(mods) > 0 {
		out += strings.Join(mods, " ") + " "
	}
	return out + counted, k
}

// englishCounted is the English plural of a counted noun: its gloss when
// the figure class lists it, else the class's own English word
// ("pasukan" glosses as "force", but the class says "troops").
func englishCounted(w string, cls *figureClass, gloss string) string {
	var en []string
	for _, x := range cls.words {
		if x == w && isASCIIWord(x) && strings.HasSuffix(x, "s") {
			return x // an English word already
		}
	}
	for _, x := range cls.words {
		if strings.HasSuffix(x, "s") && isASCIIWord(x) {
			en = append(en, x)
		}
	}
	if gloss != "" {
		for _, x := range en {
			if x == plural(gloss) {
				return x
			}
		}
	}
	if len(en) > 0 {
		return en[0]
	}
	return cls.en // "kilometer persegi": the class says "square kilometres"
}

func isASCIIWord(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// placeEN renders the place right after the object: "di X" → "in X", "ke
// X" → "to X", skipping one common noun ("ke wilayah Kursk" → "to
// Kursk").
func (c composer) placeEN(e Event, toks []lexicon.Token, names []name, i, end int, verb string) string {
	for i <= end && (isAdverb(toks[i].Norm) || inMention(e, toks[i]) || isTimeWord(toks[i].Norm) || toks[i].Norm == "pada") {
		i++
	}
	if i > end {
		return ""
	}
	prep := map[string]string{"di": "in", "ke": "to"}[toks[i].Norm]
	if prep == "" {
		return ""
	}
	for _, n := range names {
		if n.first == i+1 || n.first == i+2 && !toks[i+1].Upper && !isFunctionWord(toks[i+1].Norm) {
			if strings.HasPrefix(verb, "visit") {
				return c.nameEN(n.show)
			}
			return prep + " " + c.nameEN(n.show)
		}
	}
	return ""
}

// nounTeller is what telling nouns from verbs needs of the lexicon.
type nounTeller interface{ IsNoun(norm string) bool }

// englishNoun reports an English gloss that names a thing.
func (c composer) englishNoun(g string) bool {
	if n, ok := c.lex.(nounTeller); ok {
		return n.IsNoun(g)
	}
	return false
}

// plainVerb reports an Indonesian verb outside the event words that a
// line can still be told with: an active me- verb, or a di- passive,
// whose English gloss is not a noun ("mengguncang" → shake, "dilantik" →
// inaugurate); not a function word or a common word shaped like one
// ("menteri", "menurut").
func (c composer) plainVerb(w string) bool {
	if isFunctionWord(w) || isNameStop(w) || len(w) < 6 {
		return false
	}
	if !strings.HasPrefix(w, "me") && !strings.HasPrefix(w, "di") {
		return false
	}
	g := c.gloss(w)
	if g == "" || strings.Contains(g, " ") || c.englishNoun(g) {
		return false // a noun ("menteri"), or a verb the dictionary renders by a noun: not told
	}
	return pastTense(g) != ""
}

// isTimeWord reports the words of a relative date and of a time of day
// ("tahun lalu", "bulan ini", "malam Jumat").
func isTimeWord(w string) bool {
	switch w {
	case "bulan", "tahun", "lalu", "ini", "malam", "pagi", "siang", "sore", "hari", "minggu":
		return true
	}
	return false
}

// isFunctionWord reports the Indonesian and English closed-class words a
// phrase ends at.
func isFunctionWord(w string) bool {
	switch w {
	case "yang", "untuk", "dengan", "dari", "di", "ke", "pada", "dan", "atau", "bahwa", "karena", "setelah", "sebelum",
		"tempat", "dimana", "mana", "sementara", "sedangkan", "namun", "tetapi",
		"saat", "ketika", "oleh", "menurut", "tentang", "terhadap", "sebagai", "dalam", "antara", "selama", "sejak",
		"hingga", "sampai", "itu", "ini", "tersebut", "mereka", "ia", "dia", "kami", "kita", "telah", "akan", "sudah",
		"juga", "tidak", "bukan", "belum", "lebih", "sangat", "para", "sebuah", "seorang", "the", "of", "to", "in", "and":
		return true
	}
	return false
}

// isAdverb reports the manner words an English line leaves out ("secara
// resmi", "kembali"): they qualify, they do not tell what happened.
func isAdverb(w string) bool {
	switch w {
	case "secara", "resmi", "kembali", "langsung", "juga", "pun", "lagi", "sekali", "terus", "segera", "saling":
		return true
	}
	return false
}

// isVerbForm reports an Indonesian word shaped like a verb (me-, ber-,
// di-, ter- with a root): a phrase's nouns stop before it.
func isVerbForm(w string) bool {
	if _, ok := verbOf(w); ok && !isNoun(w) {
		return true
	}
	for _, p := range []string{"mem", "men", "meng", "meny", "ber", "di", "ter"} {
		if strings.HasPrefix(w, p) && len(w) >= len(p)+4 {
			return true
		}
	}
	return false
}

// intransitive reports English verbs a line may end with.
func intransitive(v string) bool {
	switch v {
	case "began", "started", "died", "arrived", "landed", "ended", "resumed":
		return true
	}
	return false
}

// baseForm is the English verb's plain form ("send" from "send", "sent").
func baseForm(v string) string {
	for base, past := range irregularPast {
		if past == v && base != v {
			return base
		}
	}
	return v
}

// plural is the English plural of a noun.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "x"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"):
		return n + "es"
	case strings.HasSuffix(n, "y") && len(n) > 2 && !strings.ContainsAny(n[len(n)-2:len(n)-1], "aeiou"):
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}

// skeletonEN tells a report an English line cannot be composed for by
// the names of the clause that holds its date: who spoke ("Statement by
// Ukraine"), where an event noun of the sentence took place ("Conference
// in Minsk"), or the event's kind and who it names ("Deployment: North
// Korea, Russia").
func (c composer) skeletonEN(g Group, e Event, toks []lexicon.Token, names []name) string {
	from, to := 0, len(toks)-1
	if cls, ci := dateClause(e, toks, mentionToken(e, toks)); ci >= 0 {
		from, to = cls[ci].from, cls[ci].to
	}
	var in []name
	for _, n := range names {
		if n.first >= from && n.last <= to {
			in = append(in, n)
		}
	}
	// Who speaks: the names before the clause's first event word, when it
	// is a statement or a report.
	for i := from; i <= to; i++ {
		w, ok := verbOf(toks[i].Norm)
		if !ok || isNoun(toks[i].Norm) {
			continue
		}
		if !w.specific() {
			// The name nearest the verb, with any it is coordinated with.
			for k := len(in) - 1; k >= 0; k-- {
				if in[k].last >= i || in[k].place {
					continue
				}
				first := k
				for first > 0 && in[first-1].last+2 == in[first].first && isAnd(toks[in[first].first-1].Norm) && !in[first-1].place {
					first--
				}
				var who []string
				for x := first; x <= k; x++ {
					who = appendNew(who, c.nameEN(in[x].show))
				}
				line := "Statement by " + strings.Join(who, " and ")
				// The figure it gives, if any ("… sekitar 90 kilometer persegi").
				for j := i + 1; j <= to; j++ {
					if f, _ := c.figureEN(toks, j, to); f != "" {
						return line + ": " + f
					}
				}
				return line
			}
		}
		break
	}
	// An event noun of the sentence and the clause's place.
	for _, n := range in {
		if !n.place {
			continue
		}
		for i := 0; i < n.first; i++ {
			if v, ok := verbOf(toks[i].Norm); ok && isNoun(toks[i].Norm) && v.specific() {
				if g := c.gloss(toks[i].Norm); g != "" && !strings.Contains(g, " ") {
					return capitalise(g) + " in " + c.nameEN(n.show)
				}
			}
		}
	}
	kind := g.Kind
	if kind == "" {
		kind = "report"
	}
	var who []string
	for _, n := range in {
		if len(who) < 3 {
			who = appendNew(who, c.nameEN(n.show))
		}
	}
	if len(who) == 0 {
		return capitalise(kind)
	}
	return capitalise(kind) + ": " + strings.Join(who, ", ")
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
