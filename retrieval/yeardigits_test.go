package retrieval

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// findDate's shortcut, hasYearDigits, only turns away text none of the
// date patterns matches: random text over digits, separators, month
// names and non-ASCII digits, and dates with a year of fewer digits.
func TestHasYearDigitsGuardsEveryDatePattern(t *testing.T) {
	t.Parallel()
	parts := []string{"1", "2", "0", "9", "12", "202", "2025", "-", "/", ".", " ", ",", "Juli", "July", "Okt", "14th", "٢٠٢٥", "２０２５", "a", "\n"}
	r := rand.New(rand.NewPCG(5, 11))
	texts := []string{"", "14 Juli 202", "2025-07-14", "14/07/2025", "July 14, 2025", "27 Okt 2025", "202-07-14", "1/2/345"}
	for range 20_000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if hasYearDigits(s) {
			continue
		}
		for _, re := range []interface{ MatchString(string) bool }{isoDateRE, numericDateRE, dayMonthRE, monthDayRE} {
			if re.MatchString(s) {
				t.Fatalf("%q: no four digits in a row, yet %v matches", s, re)
			}
		}
	}
}
