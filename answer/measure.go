package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// What a figure measures. "90 kilometer persegi" is an area, "35 mil" a
// length, "6.000 insinyur" a count: figures of two measures are two
// facts, a question naming a measure ("berapa luas") is answered by a
// figure of it, and a unit's power stays with its unit in either
// language.

// measureOf names what a figure's phrase measures by its unit ("90
// kilometer persegi": area; "35 mil": length; "40%": share), or "count"
// for a figure of things ("6.000 insinyur"): figures of two measures are
// two facts, never two outlets' versions of one.
func measureOf(phrase string) string {
	if strings.Contains(phrase, "%") {
		return "share"
	}
	toks := lexicon.Tokenize(phrase)
	for i, t := range toks {
		if unitPower(t.Norm) {
			return "area or volume"
		}
		power := i+1 < len(toks) && unitPower(toks[i+1].Norm)
		switch t.Norm {
		case "persen", "percent":
			return "share"
		case "km", "kilometer", "kilometers", "kilometre", "kilometres", "mil", "mile", "miles", "meter", "meters", "metre", "metres":
			if power {
				return "area or volume"
			}
			return "length"
		case "ton", "tons", "tonnes", "kg", "kilogram", "kilograms":
			return "weight"
		}
	}
	return "count"
}

// measuredHere reports whether a quantity question's word for a measure
// ("luas", "area", "panjang", "distance") is answered by a figure of the
// sentence in a unit of that measure (measureOf).
func measuredHere(c *candidate, word string) bool {
	want := dimensionOf(strings.TrimSuffix(word, "nya"))
	if want == "" {
		return false
	}
	for i, t := range c.toks {
		if !t.Num {
			continue
		}
		end := min(i+3, len(c.toks)) - 1
		if measureOf(c.doc.Text[t.Start:c.toks[end].End]) == want {
			return true
		}
	}
	return false
}

// dimensionOf gives the measure a question word asks for ("luas": area),
// in measureOf's names, or "".
func dimensionOf(w string) string {
	switch w {
	case "luas", "area", "size":
		return "area or volume"
	case "panjang", "jarak", "length", "distance":
		return "length"
	case "berat", "weight":
		return "weight"
	}
	return ""
}

// askedMeasure is the measure a quantity question names ("berapa luas",
// "what area", "panjang"), in measureOf's names, or "".
func askedMeasure(q lexicon.Query) string {
	for _, con := range q.Concepts {
		if m := dimensionOf(strings.TrimSuffix(strings.ToLower(con.Surface), "nya")); m != "" {
			return m
		}
	}
	return ""
}

// unitPowerEN gives the English word of an Indonesian unit's power,
// written after the unit ("kilometer persegi": square kilometres; "meter
// kubik": cubic metres).
func unitPowerEN(w string) (string, bool) {
	switch w {
	case "persegi":
		return "square", true
	case "kubik":
		return "cubic", true
	}
	return "", false
}

// unitPower reports a word of a unit's power in either language
// ("persegi", "square", "kubik", "cubic").
func unitPower(w string) bool {
	_, id := unitPowerEN(w)
	return id || w == "square" || w == "cubic"
}
