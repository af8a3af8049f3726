package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minDuplicateBytes is the shortest line whose repetition marks the later
// copy as page furniture; short lines repeat legitimately.
const minDuplicateBytes = 20

// Segment splits doc.Text into paragraphs and sentences and marks
// boilerplate. Every non-empty line is a paragraph, because some articles
// separate paragraphs with a single newline and others with blank lines;
// in a hard-wrapped text (see hardWrapped) a paragraph runs on over the
// lines that continue it. Offsets refer to doc.Text, which Segment never
// rewrites.
func Segment(doc Document) []Paragraph {
	text := doc.Text
	wrapped := hardWrapped(text)
	var paras []Paragraph
	seen := make(map[string]bool)
	titleSeen := false
	for start := 0; start < len(text); {
		end := lineEnd(text, start)
		s, e := trimSpan(text, start, end)
		if wrapped && s < e && classifyLine(text[s:e]) == lineContent && !isMarkdownHeading(text[s:e]) {
			for end < len(text) {
				next := end + 1
				if text[end] == '\r' && next < len(text) && text[next] == '\n' {
					next++
				}
				nextEnd := lineEnd(text, next)
				if next >= len(text) || !continuesLine(text[next:nextEnd]) {
					break
				}
				end = nextEnd
			}
			s, e = trimSpan(text, start, end)
		}
		start = end + 1
		if s >= e {
			continue
		}
		p := Paragraph{Index: len(paras) + 1, Span: Span{Start: s, End: e}, NotEvidence: within(doc.NotEvidence, s, e)}
		line := text[s:e]
		duplicate := seen[line] && len(line) >= minDuplicateBytes
		seen[line] = true
		if duplicate || classifyLine(line) != lineContent {
			p.Boilerplate = true
			paras = append(paras, p)
			continue
		}
		cs, ce := s+markupPrefixLen(line), e
		cs, ce, titleSeen = skipRepeatedTitle(text, cs, ce, doc.Title, titleSeen)
		for _, sp := range splitSentences(text, cs, ce) {
			if isCredit(text[sp.Start:sp.End]) {
				continue // "… 12 Juli 2025. KCNA via REUTERS": the credit is not a sentence
			}
			p.Sentences = append(p.Sentences, sp)
		}
		p.Boilerplate = len(p.Sentences) == 0
		paras = append(paras, p)
	}
	return paras
}

// within reports whether [start, end) lies inside one of spans.
func within(spans []Span, start, end int) bool {
	for _, sp := range spans {
		if sp.Start <= start && end <= sp.End {
			return true
		}
	}
	return false
}

// skipRepeatedTitle narrows the content range [cs, ce) of a paragraph that
// starts with the document title. The first occurrence is the headline: a
// " | Section" tail after it is dropped. Later occurrences are the headline
// glued before a photo caption by the scraper: the title part is dropped.
func skipRepeatedTitle(text string, cs, ce int, title string, titleSeen bool) (int, int, bool) {
	if len(title) < 12 || !strings.HasPrefix(text[cs:ce], title) {
		return cs, ce, titleSeen
	}
	after := cs + len(title)
	rest := text[after:ce]
	if !titleSeen {
		if isTitleTail(rest) {
			ce = after
		}
		return cs, ce, true
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsSpace(r) {
		return after, ce, true
	}
	return cs, ce, true
}

// isTitleTail reports whether rest is a short " | Section" or " - Site"
// suffix of a headline.
func isTitleTail(rest string) bool {
	if len(rest) > 80 {
		return false
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

// trimSpan shrinks [start, end) of text past surrounding white space.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}

// markupPrefixLen returns the length of the light Markdown markup opening a
// line ("## ", "> ", "- ", "1. ") so sentences start at the words.
func markupPrefixLen(line string) int {
	n := 0
	for range 3 {
		rest := line[n:]
		skip := 0
		switch {
		case strings.HasPrefix(rest, "#"):
			skip = len(rest) - len(strings.TrimLeft(rest, "#"))
		case strings.HasPrefix(rest, ">"):
			skip = 1
		case strings.HasPrefix(rest, "- "), strings.HasPrefix(rest, "* "), strings.HasPrefix(rest, "+ "):
			skip = 1
		case strings.HasPrefix(rest, "• "):
			skip = len("•")
		default:
			digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
			if digits > 0 && digits <= 3 && len(rest) > digits+1 &&
				(rest[digits] == '.' || rest[digits] == ')') && rest[digits+1] == ' ' {
				skip = digits + 1
			}
		}
		if skip == 0 {
			break
		}
		n += skip
		n += len(rest[skip:]) - len(strings.TrimLeftFunc(rest[skip:], unicode.IsSpace))
	}
	return n
}

// splitSentences splits text[start:end] into trimmed, non-empty sentence
// spans. A sentence ends at . ! ? or … (with any closing quotes and
// brackets) followed by white space and something that can open a
// sentence: an upper-case letter, a digit or an opening quote. Periods
// after abbreviations and initials do not end sentences; periods inside
// numbers (10.000, 3.5) are never followed by space.
func splitSentences(text string, start, end int) []Span {
	var out []Span
	sentStart := start
	for i := start; i < end; {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if !isTerminator(r) {
			i += w
			continue
		}
		j, terms, onlyDots := i, 0, true
		for j < end {
			r2, w2 := utf8.DecodeRuneInString(text[j:end])
			if isTerminator(r2) {
				terms++
				onlyDots = onlyDots && r2 == '.'
			} else if !isClosing(r2) {
				break
			}
			j += w2
		}
		if j >= end {
			break
		}
		if r3, _ := utf8.DecodeRuneInString(text[j:end]); !unicode.IsSpace(r3) {
			i = j
			continue
		}
		k, _ := trimSpan(text, j, end)
		if k >= end {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:end])
		if !startsSentence(next) || (terms == 1 && onlyDots && isAbbreviation(text[sentStart:i])) {
			i = j
			continue
		}
		out = appendSpan(out, text, sentStart, j)
		sentStart, i = k, k
	}
	return appendSpan(out, text, sentStart, end)
}

func appendSpan(out []Span, text string, start, end int) []Span {
	if start, end = trimSpan(text, start, end); start < end {
		out = append(out, Span{Start: start, End: end})
	}
	return out
}

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// startsSentence reports whether r can open a sentence.
func startsSentence(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '(', '[', '¿', '¡':
		return true
	}
	return unicode.IsDigit(r) || (unicode.IsLetter(r) && !unicode.IsLower(r))
}

// isAbbreviation reports whether the period right after before (the
// sentence so far) belongs to an abbreviation, an initial or a list number
// rather than ending the sentence.
func isAbbreviation(before string) bool {
	token := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
	token = strings.TrimLeft(token, "(\"'“‘[«")
	if token == "" {
		return false
	}
	if first, w := utf8.DecodeRuneInString(token); w == len(token) && unicode.IsUpper(first) {
		return true // an initial: "J. Smith"
	}
	if isDottedAbbreviation(token) {
		return true // "U.S", "e.g", "S.H"
	}
	if token == before && isDigits(token) && len(token) <= 3 {
		return true // a list number opening the paragraph
	}
	switch strings.ToLower(token) {
	case "mr", "mrs", "ms", "dr", "drs", "dra", "prof", "jl", "jln", "no", "nos", "nr",
		"st", "sdr", "sdri", "bpk", "yth", "ir", "h", "hj", "kh", "gen", "jend", "brigjen",
		"mayjen", "letjen", "kol", "lt", "col", "sgt", "capt", "kapt", "sen", "rep", "gov",
		"pres", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "approx", "vol", "hlm",
		"tel", "telp", "fig", "kec", "kab", "kel", "prov",
		"jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "aug", "sep", "sept",
		"okt", "oct", "nov", "nop", "des", "dec":
		return true
	}
	return false
}

// isDottedAbbreviation reports whether token is single letters joined by
// periods, such as "U.S" or "e.g".
func isDottedAbbreviation(token string) bool {
	parts := strings.Split(token, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		r, w := utf8.DecodeRuneInString(p)
		if w != len(p) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
