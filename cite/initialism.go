package cite

import (
	"regexp"
	"strings"
)

// initialismRE matches an initialism written with dots, "U.S.", "U.K.",
// "U.N.": two to four capitals each followed by a dot.
var initialismRE = regexp.MustCompile(`\b(?:[A-Z]\.){2,4}`)

// undotInitialisms writes a dotted initialism solid ("U.S." → "US"):
// the tokenizer splits it at its dots into one-letter words no passage
// holds, while the dictionaries know the solid form ("US" = "AS").
func undotInitialisms(text string) string {
	return initialismRE.ReplaceAllStringFunc(text, func(m string) string {
		return strings.ReplaceAll(m, ".", "")
	})
}
