package retrieval

import (
	"strings"
	"unicode"
)

// textLine is one line of a text with its byte range (without the line
// break).
type textLine struct {
	start, end int
	text       string
}

func splitLines(text string) []textLine {
	var out []textLine
	for start := 0; start <= len(text); {
		end := lineEnd(text, start)
		out = append(out, textLine{start: start, end: end, text: text[start:end]})
		if end >= len(text) {
			break
		}
		start = end + 1
		if text[end] == '\r' && start < len(text) && text[start] == '\n' {
			start++
		}
	}
	return out
}

// markdownCodeBlocks returns the spans of fenced code blocks (``` or ~~~)
// in a Markdown body, fences included. An unclosed fence runs to the end.
func markdownCodeBlocks(text string) []Span {
	var out []Span
	open, fence := -1, ""
	lines := splitLines(text)
	for _, l := range lines {
		t := strings.TrimLeft(l.text, " ")
		if len(l.text)-len(t) > 3 {
			continue
		}
		switch {
		case open < 0 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			open, fence = l.start, t[:3]
		case open >= 0 && strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "":
			out = append(out, Span{Start: open, End: l.end})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, Span{Start: open, End: len(text)})
	}
	return out
}

// rstLiteralBlocks returns the spans of reStructuredText literal blocks in
// a plain-text article: the indented lines after a paragraph ending in
// "::" or after a ".. code-block::" / ".. code::" / ".. sourcecode::"
// directive. Plain articles without such markers have none.
func rstLiteralBlocks(text string) []Span {
	var out []Span
	lines := splitLines(text)
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].text)
		if !strings.HasSuffix(t, "::") || strings.HasPrefix(t, "..") && !isCodeDirective(t) {
			continue
		}
		base := indentOf(lines[i].text)
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j].text) == "" {
			j++
		}
		// Directive options (":linenos:") belong to the directive.
		start, end := -1, -1
		for ; j < len(lines); j++ {
			l := lines[j]
			if strings.TrimSpace(l.text) == "" {
				continue
			}
			if indentOf(l.text) <= base {
				break
			}
			if start < 0 {
				start = l.start
			}
			end = l.end
		}
		if start >= 0 {
			out = append(out, Span{Start: start, End: end})
		}
		i = j - 1
	}
	return out
}

func isCodeDirective(t string) bool {
	for _, d := range []string{".. code-block::", ".. code::", ".. sourcecode::", ".. highlight::", ".. doctest::"} {
		if strings.HasPrefix(t, d) {
			return true
		}
	}
	return false
}

func indentOf(line string) int {
	n := 0
	for _, r := range line {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 8 - n%8
		default:
			return n
		}
	}
	return n
}

// rstTitle returns the document title of a reStructuredText text: the
// first line under (or between) adornment lines of one repeated
// punctuation character at least as long as the title ("Title" over
// "====="). Text that is not reST has none.
func rstTitle(text string) string {
	lines := nonEmptyLines(text, 3)
	if len(lines) < 2 {
		return ""
	}
	if isAdornment(lines[0]) && len(lines) >= 3 && isAdornment(lines[2]) && !isAdornment(lines[1]) {
		return strings.TrimSpace(lines[1])
	}
	if !isAdornment(lines[0]) && isAdornment(lines[1]) && len([]rune(lines[1])) >= len([]rune(strings.TrimSpace(lines[0]))) {
		return strings.TrimSpace(lines[0])
	}
	return ""
}

// isAdornment reports whether line is a reST section adornment: one
// punctuation character repeated at least three times.
func isAdornment(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) < 3 {
		return false
	}
	c := rune(line[0])
	if c > unicode.MaxASCII || !unicode.IsPunct(c) && !unicode.IsSymbol(c) {
		return false
	}
	for _, r := range line {
		if r != c {
			return false
		}
	}
	return true
}
