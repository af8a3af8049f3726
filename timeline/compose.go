package timeline

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
)

// Line is an event told in one language, composed from one report.
type Line struct {
	Text   string // "Kim Jong Un greeted Sergei Lavrov in Wonsan", or a “verbatim clause”
	Doc    string // the report it was composed from
	Quoted bool   // Text is a verbatim clause of the report, in its language
}

// glosser gives English words for Indonesian ones (lexicon.Lexicon.Gloss).
type glosser interface{ Gloss(id string) string }

// composer writes event lines from the evidence: who did what, to whom,
// where — every word either the report's own (names whole, the
// Indonesian verb and prepositions verbatim) or, in English, the
// dictionary's gloss of the report's verb. When a report does not read as
// subject, verb, object or place, its shortest clause that names someone
// and says what happened is quoted verbatim.
type composer struct {
	ents *entities
	lex  knownWorder
	gl   glosser
}

// candidate is one composition from one report.
type candidate struct {
	line    map[string]Line
	score   int
	nominal bool   // an event told by its noun ("Kunjungan Lavrov ke Pyongyang")
	lang    string // the report's language
}

// isSayWord reports the words that attribute speech ("kata", "ujar",
// "said").
func isSayWord(w string) bool {
	switch w {
	case "kata", "katanya", "ujar", "ujarnya", "tutur", "said", "says":
		return true
	}
	return false
}

// speakerNear returns the person a say-word in the date's clause, or the
// clause just before it, attributes the sentence to; "" when none.
func speakerNear(e Event, toks []lexicon.Token, names []name, mi int, clauseOf func(int) int) string {
	say := -1
	for i := range toks {
		if d := clauseOf(mi) - clauseOf(i); d >= 0 && d <= 2 && isSayWord(toks[i].Norm) {
			say = i
		}
	}
	if say < 0 {
		return ""
	}
	for _, n := range names {
		if n.first > say && n.last < mi && !n.place && strings.Contains(n.key, " ") {
			sh := n.show
			if k := strings.LastIndex(sh, ", "); k >= 0 {
				sh = sh[k+2:] // "… Rusia, Maria Zakharova": a title's country, then the person
			}
			return sh
		}
	}
	return ""
}

// lowerFirst lower-cases a line's first letter unless it begins a name.
func lowerFirst(s string, names []name) string {
	for _, n := range names {
		if strings.HasPrefix(s, n.show) {
			return s
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[size:]
}

// compose writes the group's line in English and Indonesian from its best
// report: a full composition beats a partial one, the group's own kind of
// event beats another, a shorter report beats a longer one.
func (c composer) compose(g Group) map[string]Line {
	var best candidate
	bestLen := 0
	for _, e := range g.Events {
		cand := c.fromReport(e, g.Kind)
		n := utf8.RuneCountInString(e.Text)
		if cand.line == nil {
			continue
		}
		if e.Date == g.Date && cand.score > 0 {
			cand.score++ // a report at the line's own date tells it best
		}
		if best.line == nil || cand.score > best.score || cand.score == best.score && n < bestLen {
			best, bestLen = cand, n
		}
	}
	if best.line == nil {
		return nil
	}
	if en := best.line["en"]; en.Quoted && best.lang != "en" {
		best.line["en"] = c.englishOf(g, en.Doc)
	}
	return best.line
}

// englishOf composes the English line of a group whose best report could
// only be quoted, in Indonesian: from that report when it reads in
// English (englishLine), else from another of the group's reports, else
// as the event's kind and names (skeletonEN).
func (c composer) englishOf(g Group, doc string) Line {
	evs := append([]Event(nil), g.Events...)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Doc == doc && evs[j].Doc != doc })
	for _, e := range evs {
		toks := lexicon.Tokenize(e.Text)
		if e.Lang == "en" || e.Lang == "" && looksEnglish(toks) {
			continue
		}
		if l := c.englishLine(e, toks, c.ents.sentenceNames(e.Text, toks, c.lex), mentionToken(e, toks)); l != "" {
			return Line{Text: l, Doc: e.Doc}
		}
	}
	e := evs[0]
	toks := lexicon.Tokenize(e.Text)
	return Line{Text: c.skeletonEN(g, e, toks, c.ents.sentenceNames(e.Text, toks, c.lex)), Doc: e.Doc}
}

// mentionToken is the index of the first token of the event's date, or -1.
func mentionToken(e Event, toks []lexicon.Token) int {
	for i, t := range toks {
		if t.Start >= e.Mention.Start-e.Sentence.Start {
			return i
		}
	}
	return -1
}

// Words a composition may skip between a verb and its object: titles of
// office and articles ("bertemu dengan Menteri Luar Negeri AS Marco
// Rubio"). "dengan"/"with" is kept in Indonesian.
func skippable(w string) bool {
	switch w {
	case "dengan", "with", "the", "a", "sang", "para", "kepada", "to", "langsung", "secara", "resmi", "kembali", "directly", "officially":
		return true
	}
	return isNameStop(w)
}

// noSubjectBefore are words after which a name is not the subject of the
// verb that follows ("menurut Pentagon", "oleh Kim", "dari Seoul").
func noSubjectBefore(w string) bool {
	switch w {
	case "menurut", "oleh", "dari", "dengan", "antara", "kepada", "by", "from", "with", "according", "of", "between", "dan", "and":
		return true
	}
	return isPlacePreposition(w)
}

// clauseBreak reports punctuation that ends a clause between a and b.
func clauseBreak(gap string) bool {
	return strings.ContainsAny(gap, ".;:!?()“”\"—–")
}

func (c composer) fromReport(e Event, kind string) candidate {
	cand := c.composeReport(e, kind)
	cand.lang = e.Lang
	if cand.lang != "id" && cand.lang != "en" {
		cand.lang = "id"
		if looksEnglish(lexicon.Tokenize(e.Text)) {
			cand.lang = "en"
		}
	}
	return cand
}

func (c composer) composeReport(e Event, kind string) candidate {
	toks := lexicon.Tokenize(e.Text)
	names := c.ents.sentenceNames(e.Text, toks, c.lex)
	lang := e.Lang
	if lang != "id" && lang != "en" {
		lang = "id"
		if looksEnglish(toks) {
			lang = "en"
		}
	}
	// The event words near the date are what the date dates ("perjanjian
	// yang ditandatangani tahun lalu" dates the signing, not the meeting
	// the sentence opens with).
	mi := -1
	for i, t := range toks {
		if t.Start >= e.Mention.Start-e.Sentence.Start {
			mi = i
			break
		}
	}
	if lang == "en" && mi >= 0 {
		// An English report is its own best English line: quoted, not
		// recomposed.
		if cand := verbatimEN(e, toks, mi); cand.line != nil {
			return cand
		}
	}
	// The event words of the date's clause, when it has any, are what the
	// date dates; a date standing alone after commas ("…, di Wonsan,
	// Korea Utara, 12 Juli 2025") dates the whole sentence.
	clauseOf := func(i int) int {
		n := 0
		for k := 1; k <= i; k++ {
			if strings.ContainsAny(e.Text[toks[k-1].End:toks[k].Start], ",;:()“”\"—–") {
				n++
			}
		}
		return n
	}
	near := func(i int) bool {
		return mi < 0 || i >= mi-verbWindow && i <= mi+verbWindow || clauseOf(i) == clauseOf(mi)
	}
	anyNear := false
	for i, t := range toks {
		if v, ok := verbOf(t.Norm); ok && v.specific() && mi >= 0 && clauseOf(i) == clauseOf(mi) {
			anyNear = true
		}
	}
	best := candidate{}
	bestAt := -1
	consider := func(cand candidate, at int) {
		if cand.line != nil && cand.score > best.score {
			best, bestAt = cand, at
		}
	}
	for vi, t := range toks {
		v, ok := verbOf(t.Norm)
		if !ok || !v.specific() || v.en == "deaths" || anyNear && !near(vi) {
			continue
		}
		if isNoun(t.Norm) {
			cand := c.nominal(e, toks, names, vi, v, kind, lang)
			cand.nominal = true
			consider(cand, vi)
			continue
		}
		if strings.HasPrefix(t.Norm, "di") && lang == "id" {
			continue // passive: the agent follows "oleh"
		}
		consider(c.clause(e, toks, names, vi, v, kind, lang), vi)
	}
	// A date in a clause of its own that says who said it ("…, kata juru
	// bicara …, Maria Zakharova, pada hari Rabu") dates the saying: the
	// line is what the speaker spoke about.
	if best.line != nil && best.nominal && mi >= 0 && clauseOf(bestAt) != clauseOf(mi) {
		if sp := speakerNear(e, toks, names, mi, clauseOf); sp != "" {
			for l, text := range map[string]string{"en": " on ", "id": " tentang "} {
				ln := best.line[l]
				ln.Text = sp + text + lowerFirst(ln.Text, names)
				best.line[l] = ln
			}
		}
	}
	if best.line != nil {
		return best
	}
	if q := shortestClause(e, toks, names, mi); q != "" {
		l := Line{Text: "“" + q + "”", Doc: e.Doc, Quoted: true}
		return candidate{line: map[string]Line{"en": l, "id": l}, score: 0}
	}
	return candidate{}
}

// coordinated extends the name at k with "dan"/"and" and a following name
// ("Putin dan Lavrov"), returning the names' indices.
func coordinated(e Event, toks []lexicon.Token, names []name, k int) []int {
	out := []int{k}
	for k+1 < len(names) {
		a, b := names[k], names[k+1]
		if b.place || b.first != a.last+2 || !isAnd(toks[a.last+1].Norm) || clauseBreak(e.Text[toks[a.last].End:toks[b.first].Start]) {
			break
		}
		k++
		out = append(out, k)
	}
	return out
}

func isAnd(w string) bool { return w == "dan" || w == "and" }

// joinNames spells names[ks] joined with lang's "and".
func joinNames(names []name, ks []int, lang string) string {
	and := " and "
	if lang == "id" {
		and = " dan "
	}
	var parts []string
	for _, k := range ks {
		parts = append(parts, names[k].show)
	}
	if len(parts) <= 2 {
		return strings.Join(parts, and)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}

// clause composes subject, verb, object and place around the verb at vi.
func (c composer) clause(e Event, toks []lexicon.Token, names []name, vi int, v eventVerb, kind, lang string) candidate {
	t := toks[vi]
	var subj []int
	for k := len(names) - 1; k >= 0; k-- {
		n := names[k]
		if n.last >= vi {
			continue
		}
		if n.place || clauseBreak(e.Text[toks[n.last].End:toks[vi].Start]) {
			break
		}
		ok := true
		for j := n.last + 1; j < vi; j++ {
			if !isBetweenSubjectVerb(toks[j].Norm) && !lexicon.IsCalendarWord(toks[j].Norm) && !isNameStop(toks[j].Norm) && !toks[j].Num {
				ok = false
			}
		}
		if !ok {
			break
		}
		// The head of a coordinated subject ("Rusia dan Korea Utara").
		first := k
		for first > 0 && names[first-1].last+2 == names[first].first && isAnd(toks[names[first].first-1].Norm) && !names[first-1].place {
			first--
		}
		if names[first].first > 0 && noSubjectBefore(toks[names[first].first-1].Norm) {
			break
		}
		for x := first; x <= k; x++ {
			subj = append(subj, x)
		}
		break
	}
	if len(subj) == 0 {
		return candidate{}
	}
	motion := v.en == "visit" || v.en == "deployment"
	var obj []int
	place := -1
	withWord := ""
	for k := 0; k < len(names); k++ {
		n := names[k]
		if n.first <= vi {
			continue
		}
		if clauseBreak(e.Text[toks[vi].End:toks[n.first].Start]) {
			break
		}
		if n.place {
			prep := toks[n.first-1].Norm
			from := vi
			if obj != nil {
				from = names[obj[len(obj)-1]].last
			}
			if place < 0 && (prep != "ke" && prep != "to" || motion) && closeAfter(toks, from, n.first-1) {
				place = k
			}
			continue
		}
		if obj != nil || place >= 0 {
			continue
		}
		ok := true
		for j := vi + 1; j < n.first; j++ {
			if toks[j].Norm == "dengan" || toks[j].Norm == "with" {
				withWord = toks[j].Text
			}
			if !skippable(toks[j].Norm) && !isNameTokIn(names, j) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		// A title's country before a person ("Rusia Sergei Lavrov"): the person.
		for k+1 < len(names) && names[k+1].run == n.run && !names[k+1].place {
			k++
		}
		obj = coordinated(e, toks, names, k)
		k = obj[len(obj)-1]
	}
	if obj == nil && place < 0 {
		return candidate{}
	}
	score := 1
	if obj != nil {
		score++
	}
	if place >= 0 {
		score++
	}
	if v.en == kind {
		score += 2
	}
	line := map[string]Line{}
	for _, l := range []string{"en", "id"} {
		verb := t.Text
		if l == "en" && lang == "id" {
			verb = pastTense(c.gloss(t.Norm))
		}
		if verb == "" {
			return candidate{}
		}
		parts := []string{joinNames(names, subj, lang), verb}
		if obj != nil {
			if withWord != "" && (l == lang || !transitiveGloss(verb)) {
				w := strings.ToLower(withWord)
				if l == "en" && lang == "id" {
					w = "with"
				}
				parts = append(parts, w)
			}
			parts = append(parts, joinNames(names, obj, lang))
		}
		if place >= 0 {
			p := names[place]
			prep := toks[p.first-1].Text
			if l == "en" && lang == "id" {
				prep = map[string]string{"di": "in", "ke": "to"}[toks[p.first-1].Norm]
				if prep == "to" && v.en == "visit" {
					prep = ""
				}
			}
			if prep != "" {
				parts = append(parts, prep)
			}
			parts = append(parts, p.show)
		}
		if l != lang {
			parts[0] = joinNames(names, subj, l)
			if obj != nil {
				parts[len(parts)-1-placeParts(place, parts, toks, names)] = joinNames(names, obj, l)
			}
		}
		line[l] = Line{Text: strings.Join(parts, " "), Doc: e.Doc}
	}
	return candidate{line: line, score: score}
}

// closeAfter reports that the words from token i to token j (a place's
// preposition) are few and none is another verb: the place is where the
// verb at i happened, not where a later clause is.
func closeAfter(toks []lexicon.Token, i, j int) bool {
	if j-i-1 > 4 {
		return false
	}
	for k := i + 1; k < j; k++ {
		w := toks[k].Norm
		if _, ok := verbOf(w); ok && !isNoun(w) {
			return false
		}
		if len(w) > 5 && (strings.HasPrefix(w, "me") || strings.HasPrefix(w, "ber")) {
			return false
		}
	}
	return true
}

// placeParts is how many trailing parts the place took (its preposition
// and name), so the object before it can be found.
func placeParts(place int, parts []string, toks []lexicon.Token, names []name) int {
	if place < 0 {
		return 0
	}
	if parts[len(parts)-1] == names[place].show && len(parts) >= 2 && (parts[len(parts)-2] == "in" || parts[len(parts)-2] == "to" || parts[len(parts)-2] == "di" || parts[len(parts)-2] == "ke" || parts[len(parts)-2] == toks[names[place].first-1].Text) {
		return 2
	}
	return 1
}

// nominal composes an event named by a noun: "pertemuan … antara Kim dan
// Sergei Shoigu" (a meeting between them), "Kunjungan Lavrov ke
// Pyongyang" (Lavrov's visit to Pyongyang).
func (c composer) nominal(e Event, toks []lexicon.Token, names []name, vi int, v eventVerb, kind, lang string) candidate {
	t := toks[vi]
	j := vi + 1
	for j < len(toks) && (lexicon.IsCalendarWord(toks[j].Norm) || toks[j].Norm == "bulan" || toks[j].Num || toks[j].Start >= e.Mention.Start-e.Sentence.Start && toks[j].End <= e.Mention.End-e.Sentence.Start) {
		j++
	}
	if j >= len(toks) || clauseBreak(e.Text[t.End:toks[j].Start]) {
		return candidate{}
	}
	at := func(i int) int {
		for k, n := range names {
			if n.first == i {
				return k
			}
		}
		return -1
	}
	score := 3
	if v.en == kind {
		score += 2
	}
	noun := func(l string) string {
		if l == lang {
			return t.Text
		}
		g := c.gloss(t.Norm)
		if l == "id" || g == "" {
			return ""
		}
		return g
	}
	// … antara A dan B / between A and B
	if w := toks[j].Norm; w == "antara" || w == "between" {
		k := at(j + 1)
		if k < 0 {
			return candidate{}
		}
		ks := coordinated(e, toks, names, k)
		if len(ks) < 2 {
			return candidate{}
		}
		line := map[string]Line{}
		for _, l := range []string{"en", "id"} {
			n := noun(l)
			if n == "" {
				return candidate{}
			}
			between := toks[j].Text
			if l != lang {
				between = map[string]string{"en": "between", "id": "antara"}[l]
			}
			line[l] = Line{Text: capitalise(n) + " " + between + " " + joinNames(names, ks, l), Doc: e.Doc}
		}
		return candidate{line: line, score: score}
	}
	// pertemuan A dan B: a meeting of two or more
	if k := at(j); k >= 0 && !names[k].place && v.en == "meeting" {
		if ks := coordinated(e, toks, names, k); len(ks) >= 2 {
			line := map[string]Line{}
			for _, l := range []string{"en", "id"} {
				n := noun(l)
				if n == "" {
					return candidate{}
				}
				text := capitalise(n) + " " + joinNames(names, ks, l)
				if l == "en" {
					text = capitalise(n) + " between " + joinNames(names, ks, l)
				}
				line[l] = Line{Text: text, Doc: e.Doc}
			}
			return candidate{line: line, score: score}
		}
	}
	// Kunjungan A ke P / visit of A to P
	k := at(j)
	if k < 0 || names[k].place || names[k].last+2 >= len(toks) {
		return candidate{}
	}
	p := at(names[k].last + 2)
	if p < 0 || !names[p].place {
		return candidate{}
	}
	prep := toks[names[p].first-1]
	line := map[string]Line{}
	for _, l := range []string{"en", "id"} {
		n := noun(l)
		if n == "" {
			return candidate{}
		}
		var text string
		switch {
		case l == "id":
			text = capitalise(n) + " " + names[k].show + " " + prep.Text + " " + names[p].show
		default:
			pr := map[string]string{"ke": "to", "di": "in"}[prep.Norm]
			if lang == "en" {
				pr = prep.Text
			}
			if pr == "" {
				return candidate{}
			}
			text = names[k].show + "’s " + strings.ToLower(n) + " " + pr + " " + names[p].show
		}
		line[l] = Line{Text: text, Doc: e.Doc}
	}
	return candidate{line: line, score: score}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

func isNameTokIn(names []name, j int) bool {
	for _, n := range names {
		if j >= n.first && j <= n.last {
			return true
		}
	}
	return false
}

func (c composer) gloss(norm string) string {
	if c.gl == nil {
		return ""
	}
	return c.gl.Gloss(norm)
}

// isNoun reports event words that name an event rather than do it.
func isNoun(w string) bool {
	switch w {
	case "pertemuan", "pertemuannya", "kunjungan", "pembicaraan", "penandatanganan", "pengiriman", "pengerahan",
		"pidato", "konferensi", "parade", "upacara", "meeting", "talks", "visit", "visits", "trip", "deployment",
		"speech", "conference", "ceremony", "signing", "release", "kedatangan", "arrival":
		return true
	}
	return false
}

// isBetweenSubjectVerb are the words that may stand between a subject and
// its verb: auxiliaries and adverbs of time ("Lavrov pada hari Kamis telah
// bertemu").
func isBetweenSubjectVerb(w string) bool {
	switch w {
	case "telah", "sudah", "juga", "pun", "kemudian", "lalu", "pada", "hari", "itu", "sempat", "secara", "resmi",
		"langsung", "terakhir", "kali", "pertama", "has", "had", "have", "also", "then", "on", "officially", "first", "later", "finally":
		return true
	}
	return false
}

// transitiveGloss reports English verbs that take their object directly
// ("met Rubio", not "met with Rubio").
func transitiveGloss(v string) bool {
	switch v {
	case "met", "greeted", "welcomed", "received", "visited", "accepted", "signed":
		return true
	}
	return false
}

// looksEnglish tells an English report by its function words.
func looksEnglish(toks []lexicon.Token) bool {
	en, id := 0, 0
	for _, t := range toks {
		switch t.Norm {
		case "the", "of", "and", "was", "is", "to", "in", "for", "with", "by", "on", "were", "this", "that":
			en++
		case "yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "ini", "itu", "telah", "akan":
			id++
		}
	}
	return en > id
}

// pastTense puts an English gloss in the past: "greet" → "greeted",
// "meet" → "met"; a form already past ("met", "visited") stays, a
// participle ("visiting") loses its ending first.
func pastTense(v string) string {
	if v == "" || strings.Contains(v, " ") {
		return ""
	}
	if irregularPast[v] != "" {
		return irregularPast[v]
	}
	for _, p := range irregularPast {
		if p == v {
			return v
		}
	}
	if strings.HasSuffix(v, "ed") {
		return v
	}
	if strings.HasSuffix(v, "ing") && len(v) > 5 {
		v = strings.TrimSuffix(v, "ing")
		if irregularPast[v] != "" {
			return irregularPast[v]
		}
	}
	switch {
	case doubleFinal[v]:
		return v + v[len(v)-1:] + "ed"
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		return v[:len(v)-1] + "ied"
	}
	return v + "ed"
}

// irregularPast covers the irregular English verbs news events use.
var irregularPast = map[string]string{
	"meet": "met", "send": "sent", "say": "said", "speak": "spoke", "hold": "held", "begin": "began", "make": "made",
	"give": "gave", "take": "took", "go": "went", "see": "saw", "tell": "told", "come": "came", "lead": "led",
	"leave": "left", "sell": "sold", "buy": "bought", "bring": "brought", "win": "won", "fight": "fought",
	"build": "built", "pay": "paid", "keep": "kept", "find": "found", "lose": "lost", "run": "ran", "write": "wrote",
	"become": "became", "know": "knew", "think": "thought", "stand": "stood", "set": "set", "put": "put", "cut": "cut",
	"hit": "hit", "shake": "shook", "sign": "signed", "die": "died", "seek": "sought", "fly": "flew", "arise": "arose",
	"rise": "rose", "fall": "fell", "grow": "grew", "strike": "struck", "break": "broke", "drive": "drove", "choose": "chose",
	"catch": "caught", "teach": "taught", "hear": "heard", "feel": "felt", "spend": "spent", "lend": "lent", "bear": "bore",
}

// doubleFinal are verbs that double their last consonant in the past.
var doubleFinal = map[string]bool{"admit": true, "commit": true, "stop": true, "plan": true, "ship": true, "drop": true, "submit": true, "permit": true, "transfer": true}

// shortestClause returns the report's shortest clause (between commas,
// semicolons, dashes and quotes) that names someone and holds an event
// word or the date: the part of the sentence that says what happened.
func shortestClause(e Event, toks []lexicon.Token, names []name, mi int) string {
	type span struct{ from, to int } // token indices, inclusive
	var clauses []span
	from := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) || strings.ContainsAny(e.Text[toks[i-1].End:toks[i].Start], ",;:()“”\"—–") {
			clauses = append(clauses, span{from, i - 1})
			from = i
		}
	}
	mentionFrom := e.Mention.Start - e.Sentence.Start
	mentionTo := e.Mention.End - e.Sentence.Start
	// The clause holding the date, when it is a clause and not a label.
	for ci, cl := range clauses {
		if mi >= cl.from && mi <= cl.to && cl.to-cl.from+1 >= 4 && content(e, toks, clauseSpan{cl.from, cl.to}) >= 2 {
			from := cl.from
			// "…perang di Ukraina, yang dimulai pada Februari 2022": a
			// relative clause needs what it is about.
			if w := toks[cl.from].Norm; ci > 0 && (w == "yang" || w == "which" || w == "who") {
				from = clauses[ci-1].from
			}
			return e.Text[toks[from].Start:toks[cl.to].End]
		}
		// A date standing alone ("Pada April, kedua negara …"): the clause
		// it introduces.
		if mi >= cl.from && mi <= cl.to && ci+1 < len(clauses) && clauses[ci+1].to-clauses[ci+1].from+1 >= 4 {
			nx := clauses[ci+1]
			return e.Text[toks[nx.from].Start:toks[nx.to].End]
		}
	}
	best := ""
	for _, cl := range clauses {
		if cl.to-cl.from+1 < 4 {
			continue
		}
		hasName, hasWhat := false, false
		for _, n := range names {
			if n.first >= cl.from && n.last <= cl.to {
				hasName = true
			}
		}
		for i := cl.from; i <= cl.to; i++ {
			if _, ok := verbOf(toks[i].Norm); ok {
				hasWhat = true
			}
			if toks[i].Start >= mentionFrom && toks[i].End <= mentionTo {
				hasWhat = true
			}
		}
		if !hasName || !hasWhat {
			continue
		}
		q := e.Text[toks[cl.from].Start:toks[cl.to].End]
		if best == "" || utf8.RuneCountInString(q) < utf8.RuneCountInString(best) {
			best = q
		}
	}
	if best == "" {
		best = strings.TrimRight(strings.TrimSpace(e.Text), ".")
	}
	return best
}

// maxVerbatimWords bounds a verbatim English line.
const maxVerbatimWords = 28

// verbatimEN quotes an English report from the start of the sentence (or
// of the date's clause, when the sentence is long) to the end of the
// clause that holds the date: "Debian 4.0 (etch) was released April 8th,
// 2007 for the same number of architectures as in sarge". A date in
// parentheses after a heading ("Debian 4.0 Etch (8 April 2007): named for
// …") gives the heading. A quote with an event word scores above a
// heading, a heading above a bare clause.
func verbatimEN(e Event, toks []lexicon.Token, mi int) candidate {
	rel := func(off int) int { return off - e.Sentence.Start }
	mEnd := mi
	for mEnd+1 < len(toks) && toks[mEnd+1].End <= rel(e.Mention.End) {
		mEnd++
	}
	line := func(text string, score int) candidate {
		text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), ",;:"))
		if text == "" {
			return candidate{}
		}
		l := Line{Text: "“" + text + "”", Doc: e.Doc, Quoted: true}
		return candidate{line: map[string]Line{"en": l, "id": l}, score: score}
	}
	// A heading: "Name (date):".
	if open := strings.LastIndex(e.Text[:rel(e.Mention.Start)], "("); open > 0 && strings.TrimSpace(e.Text[open+1:rel(e.Mention.Start)]) == "" &&
		strings.HasPrefix(strings.TrimSpace(e.Text[rel(e.Mention.End):]), ")") {
		return line(e.Text[:open], 1)
	}
	end := len(toks) - 1
	for k := mEnd + 1; k < len(toks); k++ {
		if strings.ContainsAny(e.Text[toks[k-1].End:toks[k].Start], ",;:()“”\"—–") {
			end = k - 1
			break
		}
	}
	start := 0
	if end-start+1 > maxVerbatimWords {
		for k := mi; k > 0; k-- {
			if strings.ContainsAny(e.Text[toks[k-1].End:toks[k].Start], ",;:()“”\"—–") {
				start = k
				break
			}
		}
	}
	if end-start+1 > maxVerbatimWords {
		return candidate{}
	}
	score := 1
	for i := start; i <= end; i++ {
		if _, ok := verbOf(toks[i].Norm); ok {
			score = 2
		}
	}
	if start > 0 || end-start+1 < 3 {
		score-- // a clause without its sentence's subject, or a bare date
	}
	return line(e.Text[toks[start].Start:toks[end].End], score)
}
