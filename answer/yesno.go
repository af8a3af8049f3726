package answer

import (
	"context"
	"strconv"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// yesNo is the polarity of the answer to a polar question.
type yesNo int

const (
	yesNoNone yesNo = iota // not a polar question
	yesNoYes
	yesNoNo
	yesNoDisputed // one report says yes, another (a different story) no
)

// yesNoEvidence answers a polar question.
//
//  0. An order question ("before", "setelah") is answered only by a
//     stated order (yesno_order.go).
//  1. The proposition as asked: sentences stating everything the question
//     names. They say yes, unless the clause holding the proposition
//     negates what the question affirms (or the reverse), the sentence
//     restricts to something else ("only"), the figure it states falls
//     outside the asked comparison, or the next sentence negates the
//     asked word: then no. A verdict must rest on the proposition, not
//     on a sentence stating only a when-clause's situation.
//  2. A question with a when-clause whose sentence states only the
//     proposition: the proposition alone, in the situation's passages
//     (yesno_setting.go).
//  3. The proposition with one figure, place or date left open: a
//     sentence naming everyone else and stating the rest with a
//     different value (a place in the asked relation) says no, and that
//     value is the answer ("Did they meet in Pyongyang?" → "No: Wonsan").
//
// Otherwise the coverage does not say.
func (e *Extractive) yesNoEvidence(ctx context.Context, lq lexicon.Query, k int, hits []retrieval.Hit) ([]Evidence, yesNo, error) {
	if ev, polarity, decided, err := e.inOrder(ctx, lq, k, hits); err != nil || decided {
		return ev, polarity, err // "before", "after": only a stated order answers
	}
	ev, polarity, decided, err := e.asAsked(ctx, lq, k, hits)
	if err != nil {
		return nil, yesNoNone, err
	}
	if decided && e.restsOnProposition(lq, ev) {
		return ev, polarity, nil
	}
	if ev, polarity, decided, err := e.inSetting(ctx, lq, k, hits); err != nil || decided {
		return ev, polarity, err
	}
	for i, c := range lq.Concepts {
		typ, ok := openType(lq, c)
		if !ok {
			continue
		}
		open := lq
		open.Type = typ
		open.Concepts = append(append([]lexicon.Concept{}, lq.Concepts[:i]...), lq.Concepts[i+1:]...)
		if typ == lexicon.AnswerTitle {
			if open.TitleOf = e.titledPerson(open); open.TitleOf == 0 {
				continue
			}
		}
		ev, err := e.evidence(ctx, open, k)
		if err != nil {
			return nil, yesNoNone, err
		}
		ev = allNamed(ev) // another value of the same event: the sentence names everyone else asked
		if len(ev) == 0 || ev[0].Backer || ev[0].Key == "" || conceptMatches(c, ev[0].Key, e.lex) {
			continue
		}
		if typ == lexicon.AnswerPlace && !samePlaceRelation(lq, c, ev[0]) {
			continue // "to Moscow?" is not answered by "the war in Ukraine"
		}
		return ev, yesNoNo, nil
	}
	return nil, yesNoNone, nil
}

// asAsked is the first step: the sentences stating the proposition as
// asked, and what they say of it. decided is false when none states it.
func (e *Extractive) asAsked(ctx context.Context, lq lexicon.Query, k int, hits []retrieval.Hit) ([]Evidence, yesNo, bool, error) {
	asked := lq
	asked.Type = lexicon.AnswerAny
	ev, err := e.evidenceFrom(ctx, asked, k, hits) // the same concepts: the same passages
	if err != nil {
		return nil, yesNoNone, false, err
	}
	// Yes needs a sentence that names everyone the question names: "did
	// Rubio meet Choe too?" is not answered by Rubio meeting Lavrov in a
	// paragraph that also names Choe.
	ev = allNamed(ev)
	if len(ev) > 0 && (!e.placesAsAsked(lq, ev[0]) || !e.statesEveryValue(lq, ev[0])) {
		ev = nil // the asked place, figure, date or ordinal is not what the sentence says
	}
	if len(ev) == 0 {
		return nil, yesNoNone, false, nil
	}
	// The best sentence decides; a near-equal sentence of another story
	// saying the opposite makes it a disagreement.
	if yes, no, ok := e.disputed(lq, ev); ok && !e.negatedDifferently(lq, ev[0]) {
		return []Evidence{yes, no}, yesNoDisputed, true, nil
	}
	if e.negatedDifferently(lq, ev[0]) || e.restrictsOut(lq, ev[0]) || sameWhereChangeAsked(lq, ev[0]) {
		return ev[:1], yesNoNo, true, nil // "not affected"; "only downloads" for "installs?"; "the same size" for "bigger?" (docs_same.go)
	}
	if other, v, ok := e.comparedQuantity(lq, ev[0]); ok {
		switch v {
		case verdictApart:
			return []Evidence{other}, yesNoNo, true, nil // "more than half?" — "up to 40%"
		case verdictUnknown:
			return nil, yesNoNone, true, nil // the stated figure neither fits nor excludes the asked one
		}
	}
	if other, ok := e.otherCount(lq, ev[0]); ok {
		return []Evidence{other}, yesNoNo, true, nil // "three CD-ROMs?" — "2 CD-ROMs"
	}
	if both, ok := e.negatedNext(lq, ev[0]); ok && !questionNegates(lq) {
		return []Evidence{both}, yesNoNo, true, nil // "… downloads them. It does not install them."
	}
	if opposite, ok, err := e.statesOpposite(ctx, lq, ev[0], k); err != nil || ok {
		return []Evidence{opposite}, yesNoNo, err == nil, err // "west coast?" — "pesisir timur" (yesno_antonym.go)
	}
	if note := e.contradictedMeaning(lq, ev[0], answerLang(lq)); note != "" {
		no := ev[0]
		no.Why = note
		return []Evidence{no}, yesNoNo, true, nil // "still defence minister?" — "mantan menteri pertahanan" (yesno_verifier.go)
	}
	return ev, yesNoYes, true, nil
}

// openType says which answer type a concept of a polar question can be
// left open as: a figure as a number, a name after a locative as a place,
// a month or date as a date. People and other names stay fixed, since a
// question about someone else is not answered by what this person did.
func openType(lq lexicon.Query, c lexicon.Concept) (lexicon.AnswerType, bool) {
	switch {
	case c.Number && inName(lq.Text, c.Surface):
		return lexicon.AnswerAny, false // "Debian 2.1 Slink", "DebConf 20": a version names the thing
	case c.Number && isYearLike(c.Surface):
		return lexicon.AnswerDate, true
	case c.Number:
		return lexicon.AnswerNumber, true
	case c.Entity && locativeBefore(lq.Text, c.Surface):
		return lexicon.AnswerPlace, true
	case lexicon.MonthNumber(foldWord(c.Surface)) > 0:
		return lexicon.AnswerDate, true
	case isOrdinal(c.Surface):
		return lexicon.AnswerOrdinal, true
	case c.Role:
		return lexicon.AnswerTitle, true // "is Choe the defence minister?" — "Menteri Luar Negeri … Choe Son Hui"
	}
	return lexicon.AnswerAny, false
}

// titledPerson returns 1 + the index of the name of lq whose title a
// polar question asks about (the first name that is no place), or 0.
func (e *Extractive) titledPerson(lq lexicon.Query) int {
	for i, c := range lq.Concepts {
		if c.Entity && !e.lex.IsPlaceName(foldWord(c.Surface)) {
			return i + 1
		}
	}
	return 0
}

// conceptMatches reports whether a key phrase states the concept itself
// (so the other value is the same one, not a different answer).
func conceptMatches(c lexicon.Concept, keyText string, lex *lexicon.Lexicon) bool {
	toks := lexicon.Tokenize(keyText)
	terms := make([][]string, len(toks))
	for i, t := range toks {
		terms[i] = lex.WordTerms(t, "id")
		terms[i] = append(terms[i], lex.WordTerms(t, "en")...)
	}
	for _, a := range c.Alts {
		if ok, _ := matchAlt(a, terms); ok {
			return true
		}
	}
	return false
}

// allNamed keeps the evidence whose sentence names everyone the
// question names.
func allNamed(ev []Evidence) []Evidence {
	var out []Evidence
	for _, x := range ev {
		if x.AllNamed {
			out = append(out, x)
		}
	}
	return out
}

// negatesAsked reports whether a negator of the sentence stands within a
// few words of a word the question asks about, after it ("tidak dapat
// memverifikasi" for "did Bloomberg verify") or before it ("klaim yang
// dibantah Ukraina"): a sentence that negates something else ("… tidak
// ada paket baru") does not dispute the proposition, however near its
// score.
func (e *Extractive) negatesAsked(lq lexicon.Query, x Evidence) bool {
	text := x.Doc.Text[x.Span.Start:x.Span.End]
	toks := lexicon.Tokenize(text)
	terms := e.termsOf(text, x.Doc.Lang)
	for j, t := range toks {
		if !lexicon.IsNegator(t.Norm) {
			continue
		}
		for k := max(0, j-negatedReach); k < len(toks) && k <= j+negatedReach && k < len(terms); k++ {
			if k == j {
				continue
			}
			for _, c := range lq.Concepts {
				if !c.Meta && !c.Number && conceptAt(c, terms[k]) {
					return true
				}
			}
		}
	}
	return false
}

// negatedReach is how many words from a negator the word it negates may
// stand ("tidak dapat secara independen memverifikasi").
const negatedReach = 4

// disputed finds a report that states the proposition and another story
// that states its opposite ("membantah", "denied", "tidak"), both about
// everything the question asks: the reports disagree.
func (e *Extractive) disputed(lq lexicon.Query, ev []Evidence) (yes, no Evidence, ok bool) {
	var haveYes, haveNo bool
	for _, x := range ev {
		if x.Backer || !e.placesAsAsked(lq, x) || !e.statesEveryValue(lq, x) {
			continue
		}
		if e.negatedDifferently(lq, x) {
			if !haveNo && (questionNegates(lq) || e.negatesAsked(lq, x)) {
				no, haveNo = x, true
			}
		} else if !haveYes {
			yes, haveYes = x, true
		}
	}
	return yes, no, haveYes && haveNo && yes.Story != no.Story
}

// negatedDifferently reports whether the evidence sentence and the
// question disagree on negation: one says "not" (tidak, tak, bukan,
// belum, gagal, never, failed …) of the proposition and the other does
// not.
func (e *Extractive) negatedDifferently(lq lexicon.Query, ev Evidence) bool {
	s := e.negatesProposition(lq, ev.Doc.Text[ev.Span.Start:ev.Span.End], ev.Doc.Lang)
	return questionNegates(lq) != s
}

// questionNegates reports whether the question itself negates ("didn't
// they …?"); a tag ("… lagi gak?", "… gak sih?") asks, it does not negate.
func questionNegates(lq lexicon.Query) bool {
	qt := lexicon.Tokenize(lq.Text)
	norms := tokenNorms(qt)
	if i := lexicon.TagIndex(norms); i >= 0 {
		qt, norms = qt[:i], norms[:i]
	}
	for i, t := range qt {
		if chatTagAt(norms, i) {
			continue // "bener gak sih …", "… gak sih": asks, does not negate
		}
		if lexicon.IsNegator(t.Norm) || deniesWord(norms, i) {
			return true
		}
		if t.Norm == "t" && lexicon.HasNegation(qt[max(0, i-1):i+1]) {
			return true // "didn't", split at the apostrophe
		}
	}
	return false
}

// tokenNorms returns the tokens' folded forms.
func tokenNorms(toks []lexicon.Token) []string {
	norms := make([]string, len(toks))
	for i, t := range toks {
		norms[i] = t.Norm
	}
	return norms
}

// chatTagAt reports a chat "not" that asks rather than negates: right
// after "bener", "benar", "betul" ("bener gak sih kim sama lavrov
// pelukan?": is it true or not), right before a particle ("… gak sih
// …") or before the clause of when ("… gak pas ketemu choe?").
func chatTagAt(norms []string, i int) bool {
	if !lexicon.ChatNegation(norms[i]) {
		return false
	}
	if i > 0 {
		switch norms[i-1] {
		case "bener", "benar", "betul", "beneran", "emang", "memang":
			return true
		}
	}
	if i+1 < len(norms) {
		switch norms[i+1] {
		case "sih", "pas", "waktu", "saat", "ketika":
			return true // "… gak sih", "… buat kim gak pas ketemu choe?": or not, when …
		}
	}
	return false
}

// deniesWord reports a verb of denial a question asks about, beyond the
// negators: "did the Kremlin push back on the claim", "reject",
// "dispute", chat's "ngebantah". A sentence reporting the denial ("…
// pernyataan yang dibantah oleh Kremlin") then agrees with the question.
func deniesWord(norms []string, i int) bool {
	switch w := norms[i]; w {
	case "reject", "rejects", "rejected", "dispute", "disputes", "disputed", "refute", "refutes", "refuted":
		return true
	case "push", "pushed", "pushes", "pushing":
		return i+1 < len(norms) && norms[i+1] == "back"
	default:
		return strings.HasPrefix(w, "nge") && lexicon.IsNegator(w[3:]) // "ngebantah"
	}
}

func isYearLike(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[0] == '1' || s[0] == '2'
}

// locativeBefore reports whether the word before surface in text is a
// locative preposition ("in", "at", "di", "ke").
func locativeBefore(text, surface string) bool {
	toks := lexicon.Tokenize(text)
	for i, t := range toks {
		if t.Text == firstWord(surface) && i > 0 {
			switch toks[i-1].Norm {
			case "in", "at", "to", "di", "ke", "from", "dari":
				return true
			}
		}
	}
	return false
}

// otherCount checks a count the question spells out ("did it need three
// CD-ROMs?") against the sentence: when the sentence counts the same
// thing with another figure ("2 CD-ROMs"), it says no, and the evidence
// returned carries that figure as its value.
func (e *Extractive) otherCount(lq lexicon.Query, ev Evidence) (Evidence, bool) {
	qt := lexicon.Tokenize(lq.Text)
	for i := 0; i+1 < len(qt); i++ {
		want, ok := figureOf(qt[i])
		if !ok || want < 2 {
			continue
		}
		noun := e.termsOfToken(qt[i+1])
		text := ev.Doc.Text[ev.Span.Start:ev.Span.End]
		st := lexicon.Tokenize(text)
		for j := 0; j+1 < len(st); j++ {
			got, ok := figureOf(st[j])
			if !ok || !sharesTerm(noun, e.termsOfToken(st[j+1])) {
				continue
			}
			if got == want {
				break // as asked
			}
			end := j + 1
			for end+1 < len(st) && text[st[end].End:st[end+1].Start] == "-" {
				end++ // "2 CD-ROMs"
			}
			other := ev
			other.Key = text[st[j].Start:st[end].End]
			other.KeyNorm = strconv.FormatFloat(got, 'f', -1, 64)
			other.KeyStart, other.KeyEnd = ev.Span.Start+st[j].Start, ev.Span.Start+st[end].End
			other.KeyType = lexicon.AnswerNumber
			return other, true
		}
	}
	return Evidence{}, false
}

// figureOf reads a token as a figure, in digits or spelled out.
func figureOf(t lexicon.Token) (float64, bool) {
	if !t.Num {
		return lexicon.NumberWord(t.Norm)
	}
	v, err := strconv.ParseFloat(t.Norm, 64)
	return v, err == nil
}

// termsOfToken is a token's index terms in both languages.
func (e *Extractive) termsOfToken(t lexicon.Token) []string {
	return append(e.lex.WordTerms(t, "id"), e.lex.WordTerms(t, "en")...)
}

func sharesTerm(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// inName reports whether the number surface follows a capitalised word of
// the question that is no calendar word and does not start it: it is part
// of a name ("Debian 2.1 Slink", "Windows 10"), not a figure to check.
func inName(text, surface string) bool {
	toks := lexicon.Tokenize(text)
	for i, t := range toks {
		if t.Text == firstWord(surface) && i > 1 {
			p := toks[i-1]
			return p.Upper && !p.Num && !lexicon.IsCalendarWord(p.Norm) && strings.TrimSpace(text[p.End:t.Start]) == ""
		}
	}
	return false
}

func firstWord(s string) string {
	toks := lexicon.Tokenize(s)
	if len(toks) == 0 {
		return s
	}
	return toks[0].Text
}

func foldWord(s string) string {
	toks := lexicon.Tokenize(s)
	if len(toks) == 0 {
		return ""
	}
	return toks[0].Norm
}

// placesAsAsked reports whether every place the question names after a
// locative ("in Pyongyang", "ke Moskow") is a place of the evidence
// sentence too, not merely a word of it ("Pyongyang said …" names the
// government; "tindakan Moskow" is Russia's action, not a trip there).
func (e *Extractive) placesAsAsked(lq lexicon.Query, ev Evidence) bool {
	return e.placesOK(e.newCandidate(&ev.Doc, ev.Span), lq)
}

func (e *Extractive) placesOK(c *candidate, lq lexicon.Query) bool {
	qtoks := lexicon.Tokenize(lq.Text)
	for _, con := range lq.Concepts {
		if !con.Entity || !locativeBefore(lq.Text, con.Surface) {
			continue
		}
		if thingSentTo(qtoks, con, lq) && receives(c, con) {
			continue // "senjata ke moskow" over "mempersenjatai Moskwa": the government receives it (decline_place.go)
		}
		found := false
		for _, k := range nameKeys(c, lexicon.AnswerPlace, make([]bool, len(c.toks)), e.lex) {
			if conceptMatches(con, c.doc.Text[k.start:k.end], e.lex) {
				found = true
				break
			}
		}
		if !found && !(namesWhole(con, c.termsAt) && referredPlace(c.toks, askedRelation(lq, con))) {
			return false
		}
	}
	return true
}

// receives reports whether the sentence writes the name as what a verb
// acts on or gives to ("mempersenjatai Moskwa", "kepada Moskow"): not
// after a preposition of another relation ("melawan Ukraina", "dari
// Seoul", "in Kyiv").
func receives(c *candidate, con lexicon.Concept) bool {
	for i := range c.toks {
		if !tokenOf(con, c.termsAt[i]) || !namesWhole(con, c.termsAt[i:min(i+3, len(c.termsAt))]) {
			continue
		}
		if i == 0 {
			continue // a sentence's subject acts
		}
		switch c.toks[i-1].Norm {
		case "melawan", "against", "menurut", "according", "dari", "from", "di", "in", "at", "of", "oleh", "by", "dengan", "with", "and", "dan", "the":
			continue
		}
		return true
	}
	return false
}

func isOrdinal(surface string) bool {
	_, ok := lexicon.OrdinalWord(foldWord(surface))
	return ok
}

// statesEveryValue reports whether the sentence itself states each figure,
// place, date and ordinal of a polar question: a "yes" must rest on them,
// not on the rest of the question.
func (e *Extractive) statesEveryValue(lq lexicon.Query, ev Evidence) bool {
	sentence := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	for _, c := range lq.Concepts {
		if _, open := openType(lq, c); open && !conceptMatches(c, sentence, e.lex) {
			return false
		}
	}
	return true
}
