package cite

import (
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/lexicon"
)

// A name is written in full or by its initials: "the Korean Central News
// Agency" in a claim is "KCNA" in the passage, "DPRK" in a claim is "the
// Democratic People's Republic of Korea" there. The initials are the
// first letters of the name's capitalised words, its small words ("of",
// "the", "and", "for") left out, as news and documentation form them.

// acronymIn reports whether the claim's name around tokens [s, e) — the
// capitalised run holding them — is written in the passage by its
// initials, or is itself initials the passage spells out.
func acronymIn(claimToks []lexicon.Token, s, e int, toks []token) bool {
	return len(acronymSpans(claimToks, s, e, toks)) > 0
}

// acronymSpans returns where the passage writes that name: its initials,
// or the run of words the claim's initials stand for.
func acronymSpans(claimToks []lexicon.Token, s, e int, toks []token) [][2]int {
	if s < 0 || e > len(claimToks) || s >= e {
		return nil
	}
	if e-s == 1 && isInitials(claimToks[s].Text) {
		return spelledOutSpans(claimToks[s].Text, toks)
	}
	from, to := capitalRun(claimToks, s, e)
	init := initials(claimToks[from:to])
	if len(init) < 2 {
		return nil
	}
	var out [][2]int
	for j, t := range toks {
		if t.Text == init {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}

// capitalRun widens [s, e) to the run of capitalised words and the small
// words between them ("Korean Central News Agency", "Democratic People's
// Republic of Korea").
func capitalRun(toks []lexicon.Token, s, e int) (int, int) {
	for s > 0 && (toks[s-1].Upper || nameJoiner(toks[s-1].Norm) && s > 1 && toks[s-2].Upper) {
		s--
	}
	for e < len(toks) && (toks[e].Upper || nameJoiner(toks[e].Norm) && e+1 < len(toks) && toks[e+1].Upper) {
		e++
	}
	for s < e && nameJoiner(toks[s].Norm) {
		s++
	}
	return s, e
}

// initials are the first letters of a run's capitalised words, upper-
// cased; a possessive's "s" and the small words count for nothing.
func initials(run []lexicon.Token) string {
	var b strings.Builder
	for i, t := range run {
		if !t.Upper || t.Num {
			if t.Norm == "s" && i > 0 {
				continue
			}
			if nameJoiner(t.Norm) {
				continue
			}
			return "" // a word of no name breaks it
		}
		r := []rune(t.Text)
		b.WriteRune(unicode.ToUpper(r[0]))
	}
	return b.String()
}

// spelledOutSpans returns the runs of capitalised words in the passage
// whose initials are abbr.
func spelledOutSpans(abbr string, toks []token) [][2]int {
	lt := make([]lexicon.Token, len(toks))
	for i, t := range toks {
		lt[i] = t.Token
	}
	var out [][2]int
	for i := 0; i < len(lt); i++ {
		if !lt[i].Upper {
			continue
		}
		_, end := capitalRun(lt, i, i+1)
		if initials(lt[i:end]) == abbr {
			out = append(out, [2]int{i, end})
		}
		i = end - 1
	}
	return out
}

// isInitials reports a word of two to six capitals ("KCNA", "DPRK").
func isInitials(w string) bool { return len(w) <= 6 && lexicon.IsAcronym(w) }

func nameJoiner(w string) bool {
	switch w {
	case "of", "the", "and", "for", "s":
		return true
	}
	return false
}
