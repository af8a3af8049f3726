package cite

import (
	"fmt"
	"strings"
)

// conflictWindow is how many tokens from the counted word ("insinyur") a
// passage's number may stand to be its figure.
const conflictWindow = 3

// conflict reports that the passage gives a different figure for what the
// claim counts: the claim's names are all there and most of its content,
// but where the claim says "9,000 engineers" the passage says "6.000
// insinyur". It returns a description such as "claim says 9,000; passage
// says 6.000" and the byte offset of the passage's figure, or "" and -1.
func (v *Verifier) conflict(c claim, p passage, vd verdict) (string, int) {
	if !vd.namesPresent || vd.contentScore < minSupport {
		return "", -1
	}
	var parts []string
	at := -1
	for _, k := range c.concepts {
		if k.kind != kindNumber || numberIn(k, p.toks) {
			continue
		}
		if j := conflictingNumber(c, k, p.toks); j >= 0 {
			parts = append(parts, fmt.Sprintf("claim says %s; passage says %s", k.Surface, numberText(p.toks, j)))
			if at < 0 {
				at = p.toks[j].Start
			}
		}
	}
	return strings.Join(parts, "; "), at
}

// conflictingNumber finds the passage number standing for claim number k:
// one near a word k counts, of the same class (year or not), that the
// claim does not state. Without such a word, a year conflicts with the
// passage's only other year.
func conflictingNumber(c claim, k concept, toks []token) int {
	// A figure written out ("kunjungan tiga hari") stands for one as
	// much as digits do; "one" is left out, which is as often "one of"
	// ("salah satu") as a count.
	usable := func(j int) bool {
		if j < 0 || j >= len(toks) {
			return false
		}
		t := toks[j]
		figure := t.Num || t.spelled && t.value >= 2
		return figure && isYear(t) == k.year() && !claimStates(c, t.value)
	}
	for _, a := range k.anchor {
		for _, pos := range altPositions(a, toks) {
			for d := 1; d <= conflictWindow; d++ {
				if usable(pos - d) {
					return pos - d
				}
				if usable(pos + d) {
					return pos + d
				}
			}
		}
	}
	if !k.year() {
		return -1
	}
	only := -1
	for j := range toks {
		if usable(j) {
			if only >= 0 && toks[only].value != toks[j].value {
				return -1
			}
			only = j
		}
	}
	return only
}

func claimStates(c claim, value float64) bool {
	for _, k := range c.concepts {
		if k.kind == kindNumber && k.parsed && k.value == value {
			return true
		}
	}
	for _, x := range c.stated {
		if x == value {
			return true
		}
	}
	return false
}

// statedNumbers are the values of the numbers c states.
func (c claim) statedNumbers() []float64 {
	out := append([]float64(nil), c.stated...)
	for _, k := range c.concepts {
		if k.kind == kindNumber && k.parsed {
			out = append(out, k.value)
		}
	}
	return out
}

func (k concept) year() bool {
	return k.parsed && len(k.Surface) == 4 && k.value >= 1900 && k.value <= 2100
}

func isYear(t token) bool {
	return len(t.Text) == 4 && t.value >= 1900 && t.value <= 2100
}

// numberText is a passage number as written, with its scale word.
func numberText(toks []token, j int) string {
	if j+1 < len(toks) && scaleOf(toks[j+1].Norm) > 0 {
		return toks[j].Text + " " + toks[j+1].Text
	}
	return toks[j].Text
}
