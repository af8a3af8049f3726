package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// possession is a thing an English question gives a person by a
// possessive ("choe's kremlin visit", "lavrov's trip"): 1 + the index of
// the person and of the thing.
type possession struct{ person, thing int }

// possessions returns the things an English question gives a named person
// (not a place: placeModifiers judges those) with "'s", the thing being the
// first thing named within the next few words, past other names and
// calendar words ("choe's october trip", "choe's kremlin visit").
func (e *Extractive) possessions(lq lexicon.Query) []possession {
	if lq.Lang != "en" {
		return nil
	}
	toks := lexicon.Tokenize(lq.Text)
	starts := map[int]int{}
	spans := make([][2]int, len(lq.Concepts))
	for i, c := range lq.Concepts {
		spans[i] = surfaceSpan(toks, c.Surface)
		if spans[i][0] >= 0 {
			starts[spans[i][0]] = i
		}
	}
	var out []possession
	for i, c := range lq.Concepts {
		end := spans[i][1]
		if !c.Entity || end < 0 || end+2 >= len(toks) || e.lex.PlaceNamed(c) {
			continue
		}
		if toks[end+1].Norm != "s" || !strings.ContainsAny(lq.Text[toks[end].End:toks[end+1].Start], "'’") {
			continue
		}
		for k := end + 2; k < len(toks) && k <= end+4; k++ {
			j, ok := starts[k]
			if !ok {
				continue
			}
			o := lq.Concepts[j]
			if o.Entity || o.Number || lexicon.IsCalendarWord(toks[k].Norm) {
				continue // "choe's kremlin visit", "choe's october trip": the thing follows
			}
			out = append(out, possession{person: i + 1, thing: j + 1})
			break
		}
	}
	return out
}

// possessedByAnother returns the person of the question whose thing the
// sentence gives someone else by name ("Kunjungan Lavrov ke Pyongyang"
// for "choe's visit", "Lavrov's visit" in English), never naming the
// asked person; "" when none: the sentence speaks of another's visit.
func (e *Extractive) possessedByAnother(c *candidate, lq lexicon.Query) string {
	for _, p := range e.possessions(lq) {
		person := lq.Concepts[p.person-1]
		if namesWhole(person, c.termsAt) {
			continue
		}
		for _, m := range c.matched {
			if m.concept != p.thing-1 || m.pos < 0 {
				continue
			}
			if other := nameBeside(c, m.pos, c.doc.Lang); other {
				return person.Surface
			}
		}
	}
	return ""
}

// nameBeside reports whether a capitalised name stands where a language
// writes a thing's owner: right after it in Indonesian ("kunjungan
// Lavrov"), before "'s" in English ("Lavrov's visit").
func nameBeside(c *candidate, pos int, lang string) bool {
	if lang == "en" {
		return pos >= 2 && c.toks[pos-1].Norm == "s" && c.toks[pos-2].Upper
	}
	return pos+1 < len(c.toks) && c.toks[pos+1].Upper && !c.toks[pos+1].Num && !isFunctionWord(c.toks[pos+1].Norm)
}
