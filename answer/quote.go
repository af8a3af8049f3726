package answer

import (
	"regexp"

	"github.com/kabar-bot/kabar/cite"
)

// bracketGroup is a bracketed run of text that may read as a citation
// marker.
var bracketGroup = regexp.MustCompile(`\[[^\[\]\n]{1,40}\]`)

// lineBreak is a line break with the indentation around it.
var lineBreak = regexp.MustCompile(`[ \t]*\r?\n[ \t]*`)

// asQuoted makes article text safe to quote in an answer's text. A line
// break inside a quote (a hard-wrapped text's sentence runs over lines)
// is layout, and reads as one space. A
// bracketed number the article itself carries ("[7]": a footnote, or text
// planted to pose as a citation) would read as one of the answer's markers,
// naming a source the answer does not have, or the wrong one; so the
// brackets of anything the citation parser would take for a marker become
// parentheses. Citations keep the verbatim text.
func asQuoted(s string) string {
	s = lineBreak.ReplaceAllString(s, " ")
	return bracketGroup.ReplaceAllStringFunc(s, func(m string) string {
		if cite.StripMarkers(m) != "" {
			return m
		}
		return "(" + m[1:len(m)-1] + ")"
	})
}
