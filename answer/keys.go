package answer

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/timeline"
)

// key is a span of a sentence that answers the question's type: a figure,
// a duration, a date, a name. norm is its comparison form (a number's
// value, a name's last word) so keys from different outlets can be counted
// together and told apart.
type key struct {
	norm       string
	value      float64 // for numeric keys
	first      int     // token range [first, last] in the sentence
	last       int
	start, end int            // byte offsets in the document of the key phrase, with its qualifier and unit
	dist       int            // tokens from the question's focus
	ordinal    bool           // an ordinal ("ketiga"), not a count
	date       *timeline.Date // a date key resolved to the calendar
}

// KnownWord is what key extraction needs from the lexicon: whether a word
// is an ordinary dictionary word (and so not a person's name).
type knownWorder interface {
	KnownWord(norm string) bool
	IsStop(norm string) bool
	IsPlaceName(norm string) bool
	PersonNoun(norm, lang string) bool
	IsNoun(norm string) bool
}

func extractKeys(c *candidate, typ lexicon.AnswerType, focus int, q lexicon.Query, lex knownWorder) []key {
	mark := c.questionTokens(q)
	var keys []key
	switch typ {
	case lexicon.AnswerNumber, lexicon.AnswerPercent:
		keys = numberKeys(c, typ, mark)
		if bounded := boundKeys(c, keys, q); bounded != nil {
			keys = bounded // docs_bound.go: "the maximum number": the figure after "up to"
		} else if typ == lexicon.AnswerNumber {
			keys = countingAsked(c, keys, q, lex)
		}
		if typ == lexicon.AnswerNumber && asksHowMuch(q) {
			keys = notCountingPeople(c, keys, lex) // "how much is Moscow paying": no number of soldiers
		}
		if len(keys) == 0 && typ == lexicon.AnswerNumber && !countsPeople(q, lex) && !asksHowMuch(q) {
			// "How many visits?" — "his third visit" counts them. An
			// ordinal ranks events, never counts people ("how many people
			// attended" is not "the twenty-first DebConf") nor measures
			// an amount ("how much").
			keys = countingAsked(c, ordinalKeys(c, mark), q, lex)
		}
	case lexicon.AnswerOrdinal:
		keys = ordinalKeys(c, mark)
	case lexicon.AnswerDuration:
		if q.AsksFrequency {
			keys = frequencyKeys(c, mark) // "how often": a rate, not a length
		} else {
			keys = durationKeys(c, mark)
		}
	case lexicon.AnswerDate:
		keys = dateKeys(c, mark)
	case lexicon.AnswerName:
		// The name of a thing is written next to it ("museum Perang
		// Pembebasan", "the Wonsan-Kalma zone").
		for _, k := range nameKeys(c, lexicon.AnswerPerson, c.askedTokens(q, mark), lex) {
			if focus >= 0 && (k.first-focus <= 3 && k.first > focus || focus-k.last <= 3 && focus > k.last) {
				keys = append(keys, k)
			}
		}
	case lexicon.AnswerTitle:
		keys = titleKeys(c, q, lex)
	case lexicon.AnswerPerson, lexicon.AnswerPlace:
		keys = nameKeys(c, typ, c.askedTokens(q, mark), lex)
		if typ == lexicon.AnswerPerson {
			keys = notSpeakers(c, agentsOnly(c, personLike(c, keys), q), q, lex) // docs_person.go, speaker_agent.go
		}
		if typ == lexicon.AnswerPerson && q.Owned > 0 {
			if owners := ownerKeys(c, q, lex); len(owners) > 0 {
				keys = owners // "whose intel": its owner, a person or not
			}
		}
		if typ == lexicon.AnswerPerson && len(keys) == 0 && asksSource(q) {
			keys = sourceKeys(c, mark) // answer/source.go: "according to whom": "Departemen Luar Negeri AS mengatakan"
		}
		if typ == lexicon.AnswerPlace {
			keys = placeLike(c, keys, lex)
			keys = notSources(c, keys)
			keys = append(keys, pathKeys(c)...) // "where does APT keep …": /var/cache/apt/archives
		}
	}
	for i := range keys {
		if focus < 0 {
			keys[i].dist = 0
			continue
		}
		d := keys[i].first - focus
		if keys[i].first <= focus && focus <= keys[i].last {
			d = 0
		} else if d < 0 {
			d = focus - keys[i].last
		}
		keys[i].dist = d
	}
	if typ == lexicon.AnswerPerson {
		titledAsAsked(c, keys, q, lex, focus)
		kept := keys[:0]
		for _, k := range keys {
			if k.dist != dropped {
				kept = append(kept, k)
			}
		}
		keys = kept
	}
	if typ == lexicon.AnswerDate && q.Future {
		keys = futureKeys(c, keys)
	}
	if typ == lexicon.AnswerDate && q.DateUnit != "" && q.DateUnit != "day" {
		keys = withUnit(c, keys, q.DateUnit) // "bulan apa": "Juni", not "akhir pekan ini"
	}
	if typ == lexicon.AnswerDate && q.Exact {
		keys = dayPrecise(c, keys) // "the exact date": "in October" does not say it
	}
	// nearest first; between places as near, the one a locative
	// preposition governs ("di Kremlin" before "kantor berita negara
	// Rusia", where a place noun only qualifies an agency); other ties to
	// the earlier key
	nearer := func(a, b key) bool {
		if typ == lexicon.AnswerDate || typ == lexicon.AnswerPerson && !asksSpeech(q) && !asksSource(q) {
			// the date of the asked event when the sentence dates two; the
			// person it names beside the question's words (who said it is
			// the name by the verb of saying, however far the rest lies)
			if da, db := eventDistance(c, a), eventDistance(c, b); da != db {
				return da < db
			}
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return typ == lexicon.AnswerPlace && afterLocativePreposition(c, a.first) && !afterLocativePreposition(c, b.first)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && nearer(keys[j], keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// eventDistance is how far a date key lies from the event the question
// asks about: the mean of its distances, in tokens, to each of the
// question's words the sentence holds, weighed as they are matched. A
// "when" has no focus word, and a sentence often dates two events:
// "Kunjungan akhir pekan ini terjadi … setelah Pyongyang setuju untuk
// mengirim 6.000 pekerja militer … pada pertemuan bulan Juni antara Kim
// dan Sergei Shoigu" dates the meeting of Kim and Shoigu in June, the
// date beside the question's words, not the visit that opens it.
func eventDistance(c *candidate, k key) int {
	sum, weight := 0.0, 0.0
	for _, m := range c.matched {
		if m.pos < 0 || m.pos >= k.first && m.pos <= k.last {
			continue
		}
		d := k.first - m.pos
		if m.pos > k.last {
			d = m.pos - k.last
		}
		sum += m.weight * float64(d)
		weight += m.weight
	}
	if weight == 0 {
		return 0
	}
	return int(math.Round(sum / weight))
}

// afterLocativePreposition reports a locative preposition right before
// token i ("di", "in", "at").
func afterLocativePreposition(c *candidate, i int) bool {
	if i == 0 {
		return false
	}
	switch c.toks[i-1].Norm {
	case "di", "in", "at":
		return true
	}
	return false
}

// placeStartsAt reports whether token i of the sentence starts a place name
// ("Korea Utara", "Rusia").
func placeStartsAt(c *candidate, i int, lex knownWorder) bool {
	if lex.IsPlaceName(c.toks[i].Norm) {
		return true
	}
	return i+1 < len(c.toks) && lex.IsPlaceName(c.toks[i].Norm+" "+c.toks[i+1].Norm)
}

// dropped marks a key that cannot answer: a person the sentence titles
// as another country's when the question asks by title.
const dropped = -1

// titledAsAsked ranks people by the title written before their name
// (Indonesian and English news put it there: "Menteri Luar Negeri Korea
// Utara Choe Son Hui", "Russian Foreign Minister Sergei Lavrov"). A name
// whose title names what the question names fills the asked role; one
// whose title names another country does not.
//
// The title also belongs to the name when measuring how near the name is
// to the question's focus: "bertemu dengan Menteri Luar Negeri AS Marco
// Rubio" names Rubio right after "bertemu dengan".
func titledAsAsked(c *candidate, keys []key, q lexicon.Query, lex knownWorder, focus int) {
	otherTitle := map[string]bool{} // a person some mention titles as another country's
	defer func() {
		// "Menteri Luar Negeri AS Marco Rubio … setelah itu Rubio
		// mengatakan": the later, untitled mention is the same person.
		if !asksRole(q) {
			return
		}
		for i := range keys {
			if otherTitle[keys[i].norm] || !holdsRole(c, keys[i], q, lex) {
				keys[i].dist = dropped
			}
		}
	}()
	for i := range keys {
		from := keys[i].first
		for from > 0 && keys[i].first-from < 6 && c.toks[from-1].Upper && !strings.ContainsAny(c.doc.Text[c.toks[from-1].End:c.toks[from].Start], ",.;:()\"“”") {
			from--
		}
		if from == keys[i].first {
			continue
		}
		if focus >= 0 && focus < from && from-focus < keys[i].dist {
			keys[i].dist = from - focus
		}
		window := c.termsAt[from:keys[i].first]
		asked, other := false, false
		for _, con := range q.Concepts {
			for _, a := range con.Alts {
				if ok, p := matchAlt(a, window); ok {
					// a name, or a place typed in lower case ("the north
					// korean foreign minister": "Menteri Luar Negeri Korea Utara")
					asked = asked || con.Entity || placeStartsAt(c, from+p, lex)
				}
			}
		}
		for k := from; k < keys[i].first; k++ {
			if lex.IsPlaceName(c.toks[k].Norm) && !tokenInQuestion(c.termsAt[k], q) {
				other = true
			}
		}
		switch {
		case asked && !other:
			keys[i].dist = 0
		case other:
			// A question asking by title ("North Korea's foreign
			// minister") is not answered by someone of another country's
			// title (applied above, to every mention of the person); a
			// question asking otherwise ("whose frustration") may be.
			otherTitle[keys[i].norm] = true
		}
	}
}

// holdsRole reports whether the sentence gives the person of key k the
// role a question asks by: in the title before the name ("Menteri Luar
// Negeri Korea Utara Choe Son Hui") or in an apposition after it ("Choe
// Son Hui, the foreign minister"). A sentence that names the role for
// others ("Kim bertemu Lavrov …, tempat para menteri luar negeri kedua
// negara …") does not make Kim one.
func holdsRole(c *candidate, k key, q lexicon.Query, lex knownWorder) bool {
	from := k.first
	for from > 0 && k.first-from < 8 && !strings.ContainsAny(c.doc.Text[c.toks[from-1].End:c.toks[from].Start], ".;:()\"“”") &&
		(c.toks[from-1].Upper || lex.IsStop(c.toks[from-1].Norm) || roleWord(c.termsAt[from-1], q)) {
		from--
	}
	after := k.last + 1
	appositive := after < len(c.toks) && strings.TrimSpace(c.doc.Text[c.toks[k.last].End:c.toks[after].Start]) == ","
	to := k.first
	if appositive {
		// the appositive runs to the next punctuation: "Sergei Shoigu,
		// ajudan keamanan utama Putin dan mantan menteri pertahanan Rusia."
		to = after + 1
		for to < len(c.toks) && to-after < maxAppositive && !strings.ContainsAny(c.doc.Text[c.toks[to-1].End:c.toks[to].Start], ",.;:()\"“”") {
			to++
		}
	}
	for i := from; i < to; i++ {
		if i >= k.first && i <= k.last {
			continue
		}
		if roleWord(c.termsAt[i], q) {
			return true
		}
	}
	return false
}

// maxAppositive bounds, in tokens, the appositive after a name that may
// give its role.
const maxAppositive = 12

// roleWord reports whether a token's terms belong to the question's role.
func roleWord(terms []string, q lexicon.Query) bool {
	for _, con := range q.Concepts {
		if !con.Role {
			continue
		}
		for _, a := range con.Alts {
			for _, w := range a {
				if anyIn(w, terms) {
					return true
				}
			}
		}
	}
	return false
}

func tokenInQuestion(terms []string, q lexicon.Query) bool {
	for _, con := range q.Concepts {
		for _, a := range con.Alts {
			for _, w := range a {
				if anyIn(w, terms) {
					return true
				}
			}
		}
	}
	return false
}

func numberKeys(c *candidate, typ lexicon.AnswerType, mark []bool) []key {
	var keys []key
	for i, t := range c.toks {
		if mark[i] {
			continue
		}
		v, err := strconv.ParseFloat(t.Norm, 64)
		if !t.Num {
			// "enam konsol", "thirty-odd developers": a spelled-out count
			// of two or more ("one", "satu" mostly mean "a").
			w, ok := lexicon.NumberWord(t.Norm)
			if !ok || w < 2 {
				continue
			}
			if i+1 < len(c.toks) && c.doc.Text[t.End:c.toks[i+1].Start] == "-" && c.toks[i+1].Norm != "odd" {
				continue // "twenty-first", "twenty-five": a compound this does not read
			}
			v, err = w, nil
		}
		if err != nil || isIdentifier(c.doc.Text, t) || ordinalSuffixed(c.doc.Text, t) {
			continue
		}
		next := ""
		if i+1 < len(c.toks) {
			next = c.toks[i+1].Norm
		}
		isYear := len(t.Norm) == 4 && v >= 1900 && v <= 2100
		inDate := isMonthWord(next) || i > 0 && isMonthWord(c.toks[i-1].Norm)
		percent := strings.HasPrefix(c.doc.Text[t.End:], "%") || next == "persen" || next == "percent"
		if typ == lexicon.AnswerPercent && !percent {
			continue
		}
		if typ == lexicon.AnswerNumber && (isYear || inDate || isTimeUnit(next)) {
			continue // a year, a date, or a length of time ("tiga tahun") counts no thing
		}
		k := key{norm: strconv.FormatFloat(v, 'f', -1, 64), value: v, first: i, last: i}
		if i+1 < len(c.toks) && c.toks[i+1].Norm == "odd" && c.doc.Text[t.End:c.toks[i+1].Start] == "-" {
			k.last = i + 1 // "thirty-odd": some more than thirty
		}
		k.start, k.end = phraseAround(c, i, k.last, true)
		if percent {
			k.end = max(k.end, t.End+1)
		}
		keys = append(keys, k)
	}
	return keys
}

// ordinalKeys finds ordinals: "kedua", "pertama", "ke-3", "second".
func ordinalKeys(c *candidate, mark []bool) []key {
	var keys []key
	for i, t := range c.toks {
		if mark[i] {
			continue
		}
		v, ok := lexicon.OrdinalWord(t.Norm)
		first := i
		if !ok && t.Num && i > 0 && c.toks[i-1].Norm == "ke" && c.doc.Text[c.toks[i-1].End:t.Start] == "-" {
			n, err := strconv.ParseFloat(t.Norm, 64)
			v, ok, first = n, err == nil, i-1
		}
		if !ok {
			continue
		}
		keys = append(keys, key{norm: "#" + strconv.FormatFloat(v, 'f', -1, 64), value: v, first: first, last: i,
			start: c.toks[first].Start, end: t.End, ordinal: true})
	}
	return keys
}

func durationKeys(c *candidate, mark []bool) []key {
	var keys []key
	for i := 0; i+1 < len(c.toks); i++ {
		t := c.toks[i]
		if mark[i] {
			continue
		}
		if k, ok := yearRangeKey(c, i); ok {
			keys = append(keys, k)
			i++
			continue
		}
		n, ok := lexicon.NumberWord(t.Norm)
		if t.Num {
			v, err := strconv.ParseFloat(t.Norm, 64)
			n, ok = v, err == nil
		}
		vague := !ok && vagueQuantity(t.Norm)
		if !ok && !vague || !isTimeUnit(c.toks[i+1].Norm) {
			continue
		}
		norm := strconv.FormatFloat(n, 'f', -1, 64) + " " + unitCanon(c.toks[i+1].Norm)
		if vague {
			norm = "few " + unitCanon(c.toks[i+1].Norm) // "beberapa hari", "a few days", "several weeks"
		}
		k := key{norm: norm, value: n, first: i, last: i + 1}
		k.start, _ = phraseAround(c, i, i, false) // "sekitar 5 tahun", "at least two weeks"
		k.end = c.toks[i+1].End
		keys = append(keys, k)
	}
	return keys
}

// vagueQuantity reports a word that counts time without a figure
// ("beberapa hari", "several weeks", "a few days").
func vagueQuantity(w string) bool {
	switch w {
	case "beberapa", "several", "few":
		return true
	}
	return false
}

// yearRangeKey reads a span of years ("2026-2027", "2019–2021") at token
// i as a duration: the plan that runs 2026-2027 lasts two years.
func yearRangeKey(c *candidate, i int) (key, bool) {
	a, b := c.toks[i], c.toks[i+1]
	if !a.Num || !b.Num || len(a.Norm) != 4 || len(b.Norm) != 4 {
		return key{}, false
	}
	gap := strings.TrimSpace(c.doc.Text[a.End:b.Start])
	if gap != "-" && gap != "–" && gap != "—" {
		return key{}, false
	}
	y1, err1 := strconv.Atoi(a.Norm)
	y2, err2 := strconv.Atoi(b.Norm)
	if err1 != nil || err2 != nil || y1 < 1800 || y2 <= y1 || y2-y1 > 50 {
		return key{}, false
	}
	n := float64(y2 - y1 + 1)
	return key{norm: strconv.FormatFloat(n, 'f', -1, 64) + " year", value: n, first: i, last: i + 1, start: a.Start, end: b.End}, true
}

// capitalisedInside reports whether text writes word, capitalised,
// somewhere other than at the start of a sentence: a name keeps its
// capital everywhere, an ordinary word only where a sentence begins.
func capitalisedInside(text, word string) bool {
	inside := false
	eachOccurrence(text, word, func(at int) {
		gap := strings.TrimRight(text[max(0, at-3):at], " ")
		inside = inside || at > 0 && gap != "" && !sentenceStartBetween(gap) && strings.HasSuffix(text[:at], " ")
	})
	return inside
}

// eachOccurrence calls f with the offset of every occurrence of word in
// text.
func eachOccurrence(text, word string, f func(at int)) {
	for from := 0; ; {
		k := strings.Index(text[from:], word)
		if k < 0 {
			return
		}
		f(from + k)
		from += k + len(word)
	}
}

// countingAsked keeps the figures that count what the question asks to
// count: "how many tanks" is not answered by "10.000 tentara". A figure
// whose counted noun (the word after it) is none of the question's asked
// thing (its focus, or another member of the focus's list) counts
// something else; a figure with no noun after it may count anything.
func countingAsked(c *candidate, keys []key, q lexicon.Query, lex knownWorder) []key {
	if m := askedMeasure(q); m != "" {
		// "berapa luas wilayah …": a figure in a unit of that measure
		// ("90 kilometer persegi") measures the thing asked about
		var out []key
		for _, k := range keys {
			if measureOf(c.doc.Text[k.start:k.end]) == m {
				out = append(out, k)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	var asked []lexicon.Concept
	for _, con := range q.Concepts {
		if con.Focus && !genericCount[strings.ToLower(con.Surface)] {
			asked = append(asked, con)
		}
	}
	if len(asked) == 0 {
		return keys
	}
	for _, con := range q.Concepts {
		if asked[0].List != 0 && con.List == asked[0].List && con.Surface != asked[0].Surface {
			asked = append(asked, con)
		}
	}
	isAsked := func(i int) bool {
		for _, con := range asked {
			if i >= 0 && i < len(c.toks) && tokenOf(con, c.termsAt[i]) {
				return true
			}
		}
		return false
	}
	var out []key
	for _, k := range keys {
		n := k.last + 1
		if k.ordinal {
			// "kunjungan ketiga", "his third visit": the counted noun is
			// on either side.
			if isAsked(k.first-1) || isAsked(k.first-2) || isAsked(n) || isAsked(n+1) {
				out = append(out, k)
			}
			continue
		}
		if n >= len(c.toks) || c.toks[n].Num || lex.IsStop(c.toks[n].Norm) || isFunctionWord(c.toks[n].Norm) ||
			lexicon.IsQuantityQualifier(c.toks[n].Norm) || strings.ContainsAny(c.doc.Text[c.toks[k.last].End:c.toks[n].Start], ",.;:()") {
			// No counted noun after the figure: it counts the asked thing
			// only when the sentence named that before it ("10.000
			// pasukan …, setidaknya 600 di antaranya tewas").
			for d := 1; d <= k.first; d++ {
				if isAsked(k.first - d) {
					out = append(out, k)
					break
				}
			}
			continue
		}
		if isAsked(countedNounAfter(c, k.last)) {
			out = append(out, k)
		}
	}
	return out
}

// countedNounAfter returns the token a figure ending at token last counts:
// the next one, or the one after the capitalised words that qualify it
// in English ("30 Debian developers", "6,000 North Korean troops").
func countedNounAfter(c *candidate, last int) int {
	n := last + 1
	for k := n; k < len(c.toks) && k <= last+2 && c.toks[k].Upper && !c.toks[k].Num; k++ {
		if k+1 < len(c.toks) && !c.toks[k+1].Upper && !c.toks[k+1].Num && strings.TrimSpace(c.doc.Text[c.toks[k].End:c.toks[k+1].Start]) == "" {
			return k + 1
		}
	}
	return n
}

// ordinalSuffixed reports a figure written as an ordinal ("29th",
// "23rd"): a day or a rank, not a count.
func ordinalSuffixed(text string, t lexicon.Token) bool {
	rest := strings.ToLower(text[t.End:min(len(text), t.End+3)])
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasPrefix(rest, suf) {
			r, _ := utf8.DecodeRuneInString(rest[len(suf):])
			return len(rest) == len(suf) || !unicode.IsLetter(r)
		}
	}
	return false
}

// countsPeople reports whether a how-many question counts people
// ("how many people", "berapa orang").
func countsPeople(q lexicon.Query, lex knownWorder) bool {
	for _, con := range q.Concepts {
		if !con.Focus {
			continue
		}
		switch w := strings.ToLower(con.Surface); w {
		case "people", "persons", "orang", "attendees", "participants", "peserta", "troops", "personnel", "pasukan":
			return true // nouns of a group of people, which WordNet files as groups
		default:
			if lex.PersonNoun(w, q.Lang) {
				return true // "soldiers", "engineers", "tentara"
			}
		}
	}
	return false
}

// asksHowMuch reports an English "how much" question: an amount (money,
// a share, a mass), never a count of people.
func asksHowMuch(q lexicon.Query) bool {
	toks := lexicon.Tokenize(q.Text)
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm == "how" && toks[i+1].Norm == "much" {
			return true
		}
	}
	return false
}

// notCountingPeople drops the figures that count people ("10.000
// tentara", "6,000 soldiers"): the nouns WordNet's noun.person lists.
func notCountingPeople(c *candidate, keys []key, lex knownWorder) []key {
	var out []key
	for _, k := range keys {
		n := countedNounAfter(c, k.last)
		if n < len(c.toks) && lex.PersonNoun(c.toks[n].Norm, c.doc.Lang) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// genericCount are nouns that count anything ("how many people",
// "berapa orang"): the evidence may count attendees or soldiers.
var genericCount = map[string]bool{"people": true, "persons": true, "orang": true, "times": true, "kali": true}

// notSources drops the places a sentence gives as the source of what it
// reports ("menurut perkiraan dari Seoul dan Kyiv", "according to
// Washington"): the sentence's scene is elsewhere.
func notSources(c *candidate, keys []key) []key {
	var out []key
	for _, k := range keys {
		if !inAttribution(c, k.first) {
			out = append(out, k)
		}
	}
	return out
}

// inAttribution reports whether token i sits in an "according to"
// phrase: after "menurut" or "according to" with no clause break
// between.
func inAttribution(c *candidate, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if strings.ContainsAny(c.doc.Text[c.toks[k].End:c.toks[k+1].Start], ",;:()") {
			return false
		}
		switch c.toks[k].Norm {
		case "menurut":
			return true
		case "according":
			return k+1 < len(c.toks) && c.toks[k+1].Norm == "to"
		}
	}
	return false
}

// placeLike keeps the name keys the article writes as places: a place
// name the lexicon knows, or a name that, across the article, follows a
// locative ("di Wonsan", "ke Kuala Lumpur") at least a quarter of the
// times it is written. A person the sentence names after "dari" ("harapan
// hangat dari Kim") is written otherwise everywhere else.
func placeLike(c *candidate, keys []key, lex knownWorder) []key {
	var out []key
	for _, k := range keys {
		text := c.doc.Text[k.start:k.end]
		if lex.IsPlaceName(strings.ToLower(text)) || locativeShare(c.doc.Text, text) >= minLocativeShare {
			out = append(out, k)
		}
	}
	return out
}

// minLocativeShare is the share of a name's mentions after a locative
// that marks it as a place.
const minLocativeShare = 0.25

// locativeShare is the share of the mentions of name in text that follow
// a locative preposition or a place noun.
func locativeShare(text, name string) float64 {
	total, after := 0, 0
	eachOccurrence(text, name, func(at int) {
		total++
		before := strings.Fields(strings.ToLower(text[max(0, at-24):at]))
		if n := len(before); n > 0 {
			switch w := strings.Trim(before[n-1], "“”\"'("); w {
			case "di", "ke", "dari", "in", "at", "to", "from", "near", "dekat":
				after++
			default:
				if lexicon.IsPlaceNoun(w) {
					after++
				}
			}
		}
	})
	if total == 0 {
		return 0
	}
	return float64(after) / float64(total)
}

// personLike drops name keys that cannot be a person's name: one letter
// ("V"), an acronym in capitals on its own, plural or not ("IP", "BTS",
// "IPs", "IP-IP"), or a name after a preposition of place ("in Python").
func personLike(c *candidate, keys []key) []key {
	var out []key
	for _, k := range keys {
		text := c.doc.Text[k.start:k.end]
		single := k.first == k.last
		if a, b, ok := strings.Cut(text, "-"); ok && a == b {
			text, single = a, true // "IP-IP": Indonesian's plural, one word
		}
		if k.first > 0 && locativeWord(c.toks[k.first-1].Norm) {
			continue // "written in Python", "di Wonsan": a place or a medium, not an agent
		}
		acronym := strings.TrimSuffix(text, "s")
		if single && (utf8.RuneCountInString(text) < 2 || acronym == strings.ToUpper(acronym) && utf8.RuneCountInString(acronym) > 1) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// pathKeys finds file-system paths written in a sentence
// ("/var/cache/apt/archives/"): in documentation, the answer to where a
// program keeps something.
func pathKeys(c *candidate) []key {
	var keys []key
	for i, t := range c.toks {
		start := t.Start
		if start == 0 || c.doc.Text[start-1] != '/' {
			continue
		}
		start--
		if start > 0 && !isSpaceOrQuote(c.doc.Text[start-1]) {
			continue // "and/or", a URL's path
		}
		end := start
		for end < len(c.doc.Text) && isPathByte(c.doc.Text[end]) {
			end++
		}
		for end > start && strings.ContainsRune(".,;:", rune(c.doc.Text[end-1])) {
			end--
		}
		if strings.Count(c.doc.Text[start:end], "/") < 2 {
			continue
		}
		last := i
		for last+1 < len(c.toks) && c.toks[last+1].End <= end {
			last++
		}
		keys = append(keys, key{norm: c.doc.Text[start:end], first: i, last: last, start: start, end: end})
	}
	return keys
}

func isSpaceOrQuote(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '"' || b == '\'' || b == '(' || b == '`'
}

func isPathByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("/._-+", b) >= 0
}

// futureKeys keeps, for a question about what will happen, the dates
// the sentence puts in the future: one its clause marks so ("akan
// diadakan di Minsk pada bulan Oktober", "awal minggu depan"), unless the
// article's date shows it past. The day something was said ("…, kata
// Lavrov, Sabtu") and dates the article reports as past do not answer.
func futureKeys(c *candidate, keys []key) []key {
	pub, dated := timeline.ParsePublished(c.doc.Published)
	var out []key
	for _, k := range keys {
		if k.date != nil && dated && endsBefore(*k.date, pub) {
			continue
		}
		if c.futureClause(k) {
			out = append(out, k)
		}
	}
	return out
}

// futureClause reports whether a future word is in the key or in its
// clause before it (no comma between, at most eight words back).
func (c *candidate) futureClause(k key) bool {
	for i := k.last; i >= 0 && i >= k.first-8; i-- {
		if lexicon.FutureWord(c.toks[i].Norm) {
			return true
		}
		if i > 0 && i <= k.first && strings.ContainsAny(c.doc.Text[c.toks[i-1].End:c.toks[i].Start], ",;:") {
			return false
		}
	}
	return false
}

// withUnit keeps the date keys that state the asked unit: a month (a
// month name, or a date resolved to the month or day) or a year (a
// four-digit year, or a date resolved to one).
func withUnit(c *candidate, keys []key, unit string) []key {
	var out []key
	for _, k := range keys {
		ok := false
		if k.date != nil && unit != "weekday" {
			ok = unit == "year" || k.date.Prec != timeline.Year
		}
		for i := k.first; i <= k.last && !ok; i++ {
			n := c.toks[i].Norm
			switch unit {
			case "month":
				ok = lexicon.IsMonthName(n)
			case "year":
				ok = c.toks[i].Num && len(n) == 4
			case "weekday":
				ok = lexicon.IsWeekday(n)
			}
		}
		if ok {
			out = append(out, k)
		}
	}
	return out
}

// dayPrecise keeps the date keys that name a day: resolved to the day,
// or written with a day number ("12 Juli").
func dayPrecise(c *candidate, keys []key) []key {
	var out []key
	for _, k := range keys {
		if k.date != nil && k.date.Prec == timeline.Day {
			out = append(out, k)
			continue
		}
		if k.date == nil {
			for i := k.first; i <= k.last; i++ {
				if c.toks[i].Num && len(c.toks[i].Norm) <= 2 {
					out = append(out, k)
					break
				}
			}
		}
	}
	return out
}

// endsBefore reports whether every instant of d, at its precision, is
// before t ("June 2025" ends before 14 July 2025; "July 2025" does not).
func endsBefore(d timeline.Date, t time.Time) bool {
	end := d.Time()
	switch d.Prec {
	case timeline.Day:
		end = end.AddDate(0, 0, 1)
	case timeline.Month:
		end = end.AddDate(0, 1, 0)
	default:
		end = end.AddDate(1, 0, 0)
	}
	return !end.After(t)
}

// dateKeys finds the sentence's date expressions with the timeline
// package's reader ("12 Juli 2025", "pada hari Senin", "November lalu")
// and resolves relative ones against the article's own publication date,
// at the precision the text gives; a date the article's date cannot pin
// down keeps the words it is written in.
func dateKeys(c *candidate, mark []bool) []key {
	text := c.text()
	var ref *timeline.Ref
	if t, ok := timeline.ParsePublished(c.doc.Published); ok {
		ref = &timeline.Ref{Date: t, Published: true}
	}
	var keys []key
	for _, m := range timeline.FindMentions(text) {
		start, end := c.span.Start+m.Start, c.span.Start+m.End
		first, last := -1, -1
		questionDate := false
		for i, t := range c.toks {
			if t.Start >= start && t.End <= end {
				if first < 0 {
					first = i
				}
				last = i
				questionDate = questionDate || mark[i]
			}
		}
		if first < 0 || questionDate {
			continue // the question's own date is not its answer
		}
		k := key{first: first, last: last, start: start, end: end}
		if d, ok := timeline.Resolve(m, ref, false); ok {
			k.date = &d
			k.norm = d.String()
		} else {
			k.norm = strings.ToLower(c.doc.Text[start:end])
		}
		keys = append(keys, k)
	}
	keys = append(keys, weekKeys(c, mark, keys)...)
	return joinDates(c, sortKeys(keys))
}

// weekKeys finds the weeks a sentence names relative to its own time
// ("awal minggu depan", "pekan lalu", "early next week"), which the
// timeline's reader does not date: kept in their words, unresolved.
func weekKeys(c *candidate, mark []bool, have []key) []key {
	var out []key
	for i, t := range c.toks {
		if t.Norm != "minggu" && t.Norm != "pekan" && t.Norm != "week" {
			continue
		}
		first, last := i, i
		switch {
		case i+1 < len(c.toks) && (c.toks[i+1].Norm == "depan" || c.toks[i+1].Norm == "lalu" || c.toks[i+1].Norm == "ini" || c.toks[i+1].Norm == "mendatang"):
			last = i + 1
		case i > 0 && (c.toks[i-1].Norm == "next" || c.toks[i-1].Norm == "last" || c.toks[i-1].Norm == "this"):
			first = i - 1
		default:
			continue
		}
		if first > 0 {
			switch c.toks[first-1].Norm {
			case "awal", "akhir", "pertengahan", "early", "late", "mid":
				first--
			}
		}
		if mark[first] || overlaps(have, c.toks[first].Start, c.toks[last].End) {
			continue
		}
		start, end := c.toks[first].Start, c.toks[last].End
		out = append(out, key{norm: strings.ToLower(c.doc.Text[start:end]), first: first, last: last, start: start, end: end})
	}
	return out
}

func overlaps(keys []key, start, end int) bool {
	for _, k := range keys {
		if k.start < end && start < k.end {
			return true
		}
	}
	return false
}

// sortKeys orders keys by their place in the sentence.
func sortKeys(keys []key) []key {
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].start < keys[j].start })
	return keys
}

// joinDates makes one key of two dates the sentence joins ("pada Juli
// atau Agustus", "from June to August"): the answer is both.
func joinDates(c *candidate, keys []key) []key {
	var out []key
	for _, k := range keys {
		if n := len(out); n > 0 {
			prev := out[n-1]
			gap := strings.ToLower(strings.TrimSpace(c.doc.Text[prev.end:k.start]))
			switch gap {
			case "atau", "or", "dan", "and", "hingga", "sampai", "to", "-", "–":
				prev.end, prev.last = k.end, k.last
				prev.date = nil
				prev.norm = strings.ToLower(c.doc.Text[prev.start:prev.end])
				out[n-1] = prev
				continue
			}
		}
		out = append(out, k)
	}
	return out
}

// nameKeys finds runs of capitalised words that are not ordinary words,
// question names, dates or titles. Places must follow a locative
// preposition ("di", "ke", "in", "at") within a few lower-case words;
// persons must not.
func nameKeys(c *candidate, typ lexicon.AnswerType, mark []bool, lex knownWorder) []key {
	var keys []key
	isName := func(i int) bool {
		t := c.toks[i]
		if !t.Upper || t.Num || mark[i] || isMonthWord(t.Norm) || lexicon.IsWeekday(t.Norm) || lex.IsStop(t.Norm) {
			return false
		}
		if typ == lexicon.AnswerPerson && lex.KnownWord(t.Norm) {
			return false
		}
		if i == 0 && !capitalisedInside(c.doc.Text, c.doc.Text[t.Start:t.End]) {
			return false // "Voilà", "Pengerjaan": capitalised only for starting the sentence
		}
		return true
	}
	for i := 0; i < len(c.toks); {
		if !isName(i) {
			i++
			continue
		}
		j := i
		adjacent := func(a, b int) bool {
			gap := c.doc.Text[c.toks[a].End:c.toks[b].Start]
			return strings.TrimSpace(gap) == "" || gap == "-" // "Wonsan-Kalma" is one name
		}
		for j+1 < len(c.toks) && adjacent(j, j+1) {
			if isName(j + 1) {
				j++
				continue
			}
			// A capitalised ordinary word between two name words belongs
			// to the name ("Choe Son Hui"), and so does one after a name
			// that is no place or calendar word ("Donald Trump").
			if j+2 < len(c.toks) && c.toks[j+1].Upper && !mark[j+1] && isName(j+2) && adjacent(j+1, j+2) {
				j += 2
				continue
			}
			if n := c.toks[j+1]; typ == lexicon.AnswerPerson && n.Upper && !n.Num && !mark[j+1] && !lex.IsStop(n.Norm) &&
				!lex.IsPlaceName(n.Norm) && !isMonthWord(n.Norm) && !lexicon.IsWeekday(n.Norm) {
				j++
				continue
			}
			break
		}
		locative := precededByLocative(c, i, typ == lexicon.AnswerPlace || lex.IsPlaceName(c.toks[i].Norm))
		if (typ == lexicon.AnswerPlace) == locative {
			norms := make([]string, 0, j-i+1)
			for k := i; k <= j; k++ {
				norms = append(norms, c.toks[k].Norm)
			}
			norm := strings.Join(norms, " ")
			if typ == lexicon.AnswerPerson {
				norm = norms[len(norms)-1] // "Maria Zakharova" and "Zakharova" are one person
			}
			keys = append(keys, key{norm: norm, first: i, last: j, start: c.toks[i].Start, end: c.toks[j].End})
		}
		i = j + 1
	}
	return keys
}

// precededByLocative reports whether the name at token i follows a
// preposition of place ("di", "in", "at") or a place noun ("wilayah
// Kursk"): it names a place. A direction ("to", "from", "ke", "dari")
// counts only when directional: a person comes from, and is sent to, as
// well ("di bawah arahan dari Cyril Brulebois", "a letter to Kim").
func precededByLocative(c *candidate, i int, directional bool) bool {
	if i > 0 && lexicon.IsPlaceNoun(c.toks[i-1].Norm) {
		return true // "wilayah Kursk", "the city of"
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch c.toks[k].Norm {
		case "di", "in", "at":
			return true
		case "ke", "to", "dari", "from":
			return directional
		}
		if c.toks[k].Upper {
			return false
		}
	}
	return false
}

// phraseAround widens a figure to its qualifier ("lebih dari", "sekitar",
// "at least") and the noun it counts, so "6.000" reads "sekitar 6.000
// insinyur".
func phraseAround(c *candidate, first, last int, withNoun bool) (int, int) {
	start, end := c.toks[first].Start, c.toks[last].End
	for k := first - 1; k >= 0 && k >= first-2; k-- {
		if lexicon.IsQuantityQualifier(c.toks[k].Norm) {
			start = c.toks[k].Start
			continue
		}
		break
	}
	if withNoun && last+1 < len(c.toks) {
		ni := last + 1
		if m := countedNounAfter(c, last); m > last+1 {
			ni = m // "thirty-odd Debian developers"
		}
		n := c.toks[ni]
		if !n.Num && !n.Upper && len(n.Norm) > 2 && !lexicon.IsQuantityQualifier(n.Norm) && !isFunctionWord(n.Norm) &&
			!strings.ContainsAny(c.doc.Text[c.toks[last].End:n.Start], ",.;:") {
			end = n.End
			// a unit's power after it belongs to the unit: "90 kilometer
			// persegi" is an area, not a length
			if p := ni + 1; p < len(c.toks) && c.toks[p].Start-n.End <= 1 {
				if _, ok := unitPowerEN(c.toks[p].Norm); ok {
					end = c.toks[p].End
				}
			}
		}
	}
	return start, end
}

// isFunctionWord spots prepositions and particles that cannot be the noun
// a figure counts ("600 di antaranya").
func isFunctionWord(w string) bool {
	switch w {
	case "di", "ke", "dari", "dan", "yang", "dalam", "untuk", "pada", "dengan", "atau", "per", "of", "in", "to", "and", "for", "on", "at", "by", "from", "with":
		return true
	}
	return false
}

func isTimeUnit(w string) bool { return unitCanon(w) != "" }

func unitCanon(w string) string {
	switch w {
	case "hari", "day", "days":
		return "day"
	case "pekan", "week", "weeks":
		return "week"
	case "bulan", "month", "months":
		return "month"
	case "tahun", "year", "years":
		return "year"
	case "jam", "hour", "hours":
		return "hour"
	}
	return ""
}

// isMonthWord reports a month name or abbreviation.
func isMonthWord(w string) bool { return lexicon.MonthNumber(w) > 0 }

// monthCanon writes a month in one form so "Juli" and "July" compare equal.
func monthCanon(w string) string {
	if m := lexicon.MonthNumber(w); m > 0 {
		return time.Month(m).String()
	}
	return w
}

// isIdentifier spots digits that are an id, not a quantity: Discord
// mention and channel tokens (<@123…>, <@&123…>, <#123…>), other
// snowflake-length runs, and the number of a name it is joined to
// ("COVID-19", "F-16", "MH-17").
func isIdentifier(text string, t lexicon.Token) bool {
	if len(t.Norm) > 12 {
		return true
	}
	if t.Start > 0 {
		switch text[t.Start-1] {
		case '@', '&', '#', '<':
			return true
		case '-':
			if t.Start > 1 {
				r, _ := utf8.DecodeLastRuneInString(text[:t.Start-1])
				return unicode.IsLetter(r)
			}
		}
	}
	return false
}

// locativeWord reports a preposition of place or medium: what follows it
// is where or in what something is, not who did it.
func locativeWord(w string) bool {
	switch w {
	case "in", "at", "di", "dalam":
		return true
	}
	return false
}
