package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A count question that asks a bound ("what is the maximum number of
// members", "berapa jumlah maksimal anggota") is answered by the figure
// the text bounds the same way: "consists of up to 8 Developers, and
// should usually have at least 4 members" gives the maximum as 8, though
// it counts developers, and the minimum as 4. Without the bound, the
// counted noun decides (countingAsked), and the maximum would be the
// "4 members".

type bound int

const (
	noBound bound = iota
	upperBound
	lowerBound
)

// boundWord returns the bound a word names: the maximum or the minimum.
// It qualifies what a count question counts; it is not the thing counted
// (unfocusBounds).
func boundWord(w string) bound {
	switch w {
	case "maximum", "max", "maximal", "maksimum", "maksimal", "maks":
		return upperBound
	case "minimum", "min", "minimal":
		return lowerBound
	}
	return noBound
}

// askedBound returns the bound a question asks: a word for the maximum
// or the minimum, or "paling banyak", "paling sedikit".
func askedBound(q lexicon.Query) bound {
	toks := lexicon.Tokenize(q.Text)
	for i, t := range toks {
		if b := boundWord(t.Norm); b != noBound {
			return b
		}
		switch t.Norm {
		case "banyak", "sedikit":
			if i > 0 && toks[i-1].Norm == "paling" {
				if t.Norm == "banyak" {
					return upperBound
				}
				return lowerBound
			}
		}
	}
	return noBound
}

// boundBefore returns the bound the words right before token i put on
// the figure there: "up to", "at most", "no more than", "maximum",
// "hingga" (not between two figures: "5 hingga 9" is a range),
// "paling banyak", "maksimal" for an upper bound; "at least",
// "minimum", "setidaknya", "paling sedikit" for a lower one.
func boundBefore(toks []lexicon.Token, i int) bound {
	at := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].Norm
	}
	one, two := at(i-1), at(i-2)
	switch {
	case one == "to" && two == "up", one == "most" && two == "at", one == "than" && two == "more" && at(i-3) == "no",
		one == "maximum" || one == "max" || one == "maksimum" || one == "maksimal",
		one == "hingga" && (i < 2 || !toks[i-2].Num), one == "banyak" && two == "paling":
		return upperBound
	case one == "least" && two == "at", one == "than" && (two == "fewer" || two == "less") && at(i-3) == "no",
		one == "minimum" || one == "minimal" || one == "setidaknya" || one == "sedikitnya", one == "sedikit" && two == "paling":
		return lowerBound
	}
	return noBound
}

// boundKeys keeps the number keys bounded as the question asks; nil
// when the question asks no bound or the sentence bounds no figure so.
func boundKeys(c *candidate, keys []key, q lexicon.Query) []key {
	b := askedBound(q)
	if b == noBound {
		return nil
	}
	var out []key
	for _, k := range keys {
		if boundBefore(c.toks, k.first) == b {
			out = append(out, k)
		}
	}
	return out
}

// unfocusBounds clears the focus and salience the analyser gives a bound
// word ("the maximum number of members"): the thing counted is the noun
// after it, which countingAsked and the decline stage look for, and a
// corpus that never writes "maximum" ("up to 8") still answers.
func unfocusBounds(q lexicon.Query) lexicon.Query {
	copied := false
	for i, c := range q.Concepts {
		if !(c.Focus || c.Salient) || boundWord(strings.ToLower(c.Surface)) == noBound {
			continue
		}
		if !copied {
			q.Concepts, copied = append([]lexicon.Concept(nil), q.Concepts...), true // the caller's query stays as analysed
		}
		q.Concepts[i].Focus, q.Concepts[i].Salient = false, false
	}
	return q
}
