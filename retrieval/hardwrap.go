package retrieval

import (
	"strings"
	"unicode/utf8"
)

// Plain text and Markdown are often hard-wrapped: a paragraph is written
// as several lines of at most 80 or so characters, and a blank line ends
// it (RFCs, constitutions, READMEs, mailing-list posts). Read line by
// line, every sentence of such a text is cut at its line breaks, so the
// line holding an answer ("… consists of up to 8 Developers, and should")
// loses its subject or its figure. A hard-wrapped text's paragraphs are
// therefore its runs of lines, while a text whose lines are paragraphs
// (news as scraped, extracted HTML) keeps one paragraph per line.

// wrapWidth is the longest line a hard-wrapping editor or formatter
// writes, with some slack (the usual fill column is 72–80).
const wrapWidth = 100

// hardWrapped reports whether text reads as hard-wrapped: it has enough
// lines to tell, almost none longer than wrapWidth, and many that stop
// mid-sentence near the fill column, the sentence going on in the next
// line. A short line without a final stop (a caption, a headline, a list
// of names) is no wrap: the writer ended it there.
func hardWrapped(text string) bool {
	var lengths []int
	var open []bool // the line stops mid-sentence and the next line is not blank
	for start := 0; start < len(text); {
		end := lineEnd(text, start)
		line := strings.TrimSpace(text[start:end])
		start = end + 1
		if line == "" {
			if n := len(open); n > 0 {
				open[n-1] = false
			}
			continue
		}
		lengths = append(lengths, utf8.RuneCountInString(line))
		open = append(open, !endsSentence(line))
	}
	if n := len(open); n > 0 {
		open[n-1] = false
	}
	if len(lengths) < 8 {
		return false
	}
	width, long := 0, 0
	for _, n := range lengths {
		if n > wrapWidth {
			long++
		} else {
			width = max(width, n)
		}
	}
	if long*50 > len(lengths) || width < 40 {
		return false
	}
	broken := 0
	for i, n := range lengths {
		if open[i] && n*10 >= width*6 {
			broken++
		}
	}
	return broken*4 >= len(lengths)
}

// endsSentence reports whether a line ends with sentence punctuation (or
// a closing quote or bracket after it).
func endsSentence(line string) bool {
	line = strings.TrimRight(line, `"'”’)]*_`)
	r, _ := utf8.DecodeLastRuneInString(line)
	return isTerminator(r) || r == ':' || r == ';'
}

// continuesLine reports whether next, the line after a line of a
// hard-wrapped text, goes on with that line's paragraph: it is not blank
// and starts no list item, heading or rule of its own.
func continuesLine(next string) bool {
	next = strings.TrimSpace(next)
	return next != "" && markupPrefixLen(next) == 0 && !strings.HasPrefix(next, "§") &&
		!isAdornment(next) && !isMarkdownHeading(next)
}
