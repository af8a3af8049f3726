package lexicon

import "strings"

// Abbreviations returns the other forms of an Indonesian short or long
// form from the abbreviation table (data/abbrev-id.tsv), read both ways:
// "amerika serikat" → ["as"], "korut" → ["korea utara"]. The phrase is
// matched lower-cased with single spaces; nil when the table has none.
func (l *Lexicon) Abbreviations(phrase string) []string {
	key := strings.ToLower(strings.Join(strings.Fields(phrase), " "))
	return append([]string(nil), l.abbrev[key]...)
}
