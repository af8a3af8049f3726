package cite

import (
	"regexp"
	"strconv"
)

// yearRangeRE matches a span of years whose second year is written by
// its last two digits, "2026–27", "1998-99".
var yearRangeRE = regexp.MustCompile(`\b((?:19|20)(\d\d))(\s?[–—-]\s?)(\d\d)\b`)

// expandYearRanges writes a span's short second year in full ("2026–27"
// → "2026–2027"), as a passage that says "2026-2027" writes it. Only a
// later year in the same century is a short year; "2026-15" is left as
// it is.
func expandYearRanges(text string) string {
	return yearRangeRE.ReplaceAllStringFunc(text, func(m string) string {
		g := yearRangeRE.FindStringSubmatch(m)
		first, _ := strconv.Atoi(g[2])
		second, _ := strconv.Atoi(g[4])
		if second <= first {
			return m
		}
		return g[1] + g[3] + g[1][:2] + g[4]
	})
}
