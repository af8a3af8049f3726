package prompts

import (
	"regexp"
	"strings"
)

// Data from articles and users is cleaned before it goes between fences:
//   - runs of three or more '<' or '>' become look-alike '‹'/'›', so no
//     text can forge a <<<...>>> fence line and escape its block;
//   - bracketed numbers such as "[9]" become "(9)", so text cannot pose
//     as a citation marker the model might copy.
//
// The cleaning only touches the prompt's copy; citations are verified
// against the verbatim article text elsewhere.
var (
	openRun   = regexp.MustCompile(`<{3,}`)
	closeRun  = regexp.MustCompile(`>{3,}`)
	markerish = regexp.MustCompile(`\[\s*(\d+)\s*\]`)
	spaceRun  = regexp.MustCompile(`\s+`)
)

// fenceData cleans multi-line data for a fenced block.
func fenceData(s string) string {
	s = openRun.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat("‹", len(m)) })
	s = closeRun.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat("›", len(m)) })
	s = markerish.ReplaceAllString(s, "($1)")
	return strings.TrimSpace(s)
}

// fenceLine cleans data for a single header line: like fenceData, with
// all whitespace, newlines included, collapsed to single spaces.
func fenceLine(s string) string {
	return spaceRun.ReplaceAllString(fenceData(s), " ")
}
