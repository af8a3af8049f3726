package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// The title a sentence writes beside a person: what answers "what's
// Maria Zakharova's job?" or "who is Kyrylo Budanov?". News writes it
// before the name ("juru bicara Kementerian Luar Negeri Rusia, Maria
// Zakharova"; "Russian Foreign Minister Sergei Lavrov") or in an
// apposition after it ("Kyrylo Budanov, kepala intelijen militer
// Ukraina, …"). A title is recognised by its head, a person noun
// (lexicon.PersonNoun: WordNet's noun.person, in Indonesian through the
// dictionaries): first in Indonesian, last in English.

// maxTitleWords bounds a title's length, in tokens: a longer run is a
// clause, not a title.
const maxTitleWords = 8

// titleKeys returns the titles the sentence gives the person the question
// asks about, nearest the name first.
func titleKeys(c *candidate, q lexicon.Query, lex knownWorder) []key {
	if q.TitleOf <= 0 || q.TitleOf > len(q.Concepts) {
		return nil
	}
	person := q.Concepts[q.TitleOf-1]
	lang := c.doc.Lang
	var keys []key
	for i := 0; i < len(c.toks); {
		if !tokenOf(person, c.termsAt[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(c.toks) && tokenOf(person, c.termsAt[j+1]) && strings.TrimSpace(c.gap(j, j+1)) == "" {
			j++
		}
		// The rest of the name the question shortened ("lavrov": Sergei
		// Lavrov): capitalised words no dictionary knows.
		for i > 0 && partOfName(c, i-1, lex) && strings.TrimSpace(c.gap(i-1, i)) == "" {
			i--
		}
		for j+1 < len(c.toks) && partOfName(c, j+1, lex) && strings.TrimSpace(c.gap(j, j+1)) == "" {
			j++
		}
		if from, ok := titleBefore(c, i, lang, lex); ok {
			keys = append(keys, c.titleKey(from, i-1))
		}
		if from, to, ok := titleAfter(c, j, lang, lex); ok {
			keys = append(keys, c.titleKey(from, to))
		}
		i = j + 1
	}
	return keys
}

// partOfName reports whether token i may be part of a person's name: a
// capitalised word that is no dictionary word, place or title.
func partOfName(c *candidate, i int, lex knownWorder) bool {
	t := c.toks[i]
	return t.Upper && !t.Num && !lex.KnownWord(t.Norm) && !lex.IsPlaceName(t.Norm)
}

// gap is the text between tokens a and b of the sentence.
func (c *candidate) gap(a, b int) string { return c.doc.Text[c.toks[a].End:c.toks[b].Start] }

func (c *candidate) titleKey(from, to int) key {
	text := c.doc.Text[c.toks[from].Start:c.toks[to].End]
	return key{norm: strings.ToLower(text), first: from, last: to, start: c.toks[from].Start, end: c.toks[to].End}
}

// personNounAt reports whether a person noun starts at token i, as one
// word or as a two-word phrase ("juru bicara"); n is its length.
func personNounAt(c *candidate, i int, lang string, lex knownWorder) (n int, ok bool) {
	if i+1 < len(c.toks) && strings.TrimSpace(c.gap(i, i+1)) == "" && lex.PersonNoun(c.toks[i].Norm+" "+c.toks[i+1].Norm, lang) {
		return 2, true
	}
	return 1, lex.PersonNoun(c.toks[i].Norm, lang)
}

// titleBefore finds a title ending right before the name at token name
// (a comma may stand between them: "juru bicara …, Maria Zakharova") and
// returns its first token.
func titleBefore(c *candidate, name int, lang string, lex knownWorder) (int, bool) {
	if name == 0 {
		return 0, false
	}
	if g := strings.TrimSpace(c.gap(name-1, name)); g != "" && g != "," {
		return 0, false
	}
	if lang == "id" {
		// Head first: the person noun nearest the name, with the words
		// between as its modifiers ("kepala intelijen militer Ukraina").
		for m := name - 1; m >= 0 && name-m <= maxTitleWords; m-- {
			if m < name-1 && strings.TrimSpace(c.gap(m, m+1)) != "" {
				break
			}
			t := c.toks[m]
			if t.Num || !t.Upper && lex.IsStop(t.Norm) && !lex.PersonNoun(t.Norm, lang) {
				break
			}
			if m > 0 && strings.TrimSpace(c.gap(m-1, m)) == "" && lex.PersonNoun(c.toks[m-1].Norm+" "+t.Norm, lang) {
				return m - 1, true // "juru bicara"
			}
			if lex.PersonNoun(t.Norm, lang) {
				return m, true
			}
		}
		return 0, false
	}
	// English: head last, right before the name ("Foreign Minister
	// Sergei Lavrov"), its modifiers before it: capitalised words,
	// nouns and possessives ("Ukraine's military intelligence chief").
	if !lex.PersonNoun(c.toks[name-1].Norm, lang) {
		return 0, false
	}
	from := name - 1
	for m := name - 2; m >= 0 && name-m <= maxTitleWords; m-- {
		g := c.gap(m, m+1)
		t := c.toks[m]
		if t.Norm == "s" && (g == "'" || g == "’") {
			continue // the "s" of "Ukraine's"
		}
		if strings.TrimSpace(g) != "" && g != "'" && g != "’" || t.Num || lex.IsStop(t.Norm) || !t.Upper && !lex.IsNoun(t.Norm) {
			break
		}
		from = m
	}
	return from, true
}

// titleAfter finds an apposition after the name at token name ("Kyrylo
// Budanov, kepala intelijen militer Ukraina, kepada …") that a person noun
// heads, and returns its token range.
func titleAfter(c *candidate, name int, lang string, lex knownWorder) (int, int, bool) {
	from := name + 1
	if from >= len(c.toks) || strings.TrimSpace(c.gap(name, from)) != "," {
		return 0, 0, false
	}
	to := from
	for to+1 < len(c.toks) && to-from+1 < maxTitleWords && !strings.ContainsAny(c.gap(to, to+1), ",.;:()\"“”") {
		to++
	}
	if to+1 < len(c.toks) && !strings.ContainsAny(c.gap(to, to+1), ",.;:") {
		return 0, 0, false // runs on: a clause, not an apposition
	}
	head := from
	if lang != "id" && (c.toks[head].Norm == "the" || c.toks[head].Norm == "a" || c.toks[head].Norm == "an") {
		head++
	}
	if head > to {
		return 0, 0, false
	}
	if lang == "id" {
		if _, ok := personNounAt(c, head, lang, lex); ok {
			return from, to, true
		}
		return 0, 0, false
	}
	for m := head; m <= to; m++ {
		if lex.PersonNoun(c.toks[m].Norm, lang) {
			return from, to, true
		}
	}
	return 0, 0, false
}
