package main

import (
	"strings"
	"unicode"
)

// article is one parsed dictd article of the FreeDict eng-ind TEI export.
//
// The text layout is a header line `headword /pron/ ... <pos>` followed by
// translation lines (comma-separated Indonesian equivalents, prefixed "N. "
// when there are several senses) each optionally followed by one English
// gloss line. Upstream data is not always well formed: a sense number can be
// glued to the end of the previous translation line ("sentris 2.") and a
// sense can have a number but no translation (" 3."), so lines are
// classified by shape rather than by position.
type article struct {
	headword     string   // as written in the header, not the index key
	pos          string   // part of speech without angle brackets; may be empty
	translations []string // raw, uncleaned pieces in order of appearance
}

// parseArticle parses one article. It returns ok=false when the text has no
// usable header.
func parseArticle(text string) (article, bool) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	header := strings.TrimRightFunc(lines[0], unicode.IsSpace)
	headword, pos := splitHeader(header)
	if headword == "" {
		return article{}, false
	}
	a := article{headword: headword, pos: pos}
	for i, line := range lines[1:] {
		rest, numbered := cutSenseNumber(line)
		if i != 0 && !numbered {
			continue // English gloss line
		}
		rest = trimStraySenseNumber(rest)
		for _, piece := range strings.Split(rest, ",") {
			if piece = strings.TrimSpace(piece); piece != "" {
				a.translations = append(a.translations, piece)
			}
		}
	}
	return a, true
}

// splitHeader extracts the headword (everything before the first
// pronunciation or part-of-speech marker) and the part of speech.
func splitHeader(header string) (headword, pos string) {
	headword = header
	if i := strings.Index(headword, " /"); i >= 0 {
		headword = headword[:i]
	}
	if i := strings.Index(headword, " <"); i >= 0 {
		headword = headword[:i]
	}
	if strings.HasSuffix(header, ">") {
		if i := strings.LastIndex(header, " <"); i >= 0 {
			pos = header[i+2 : len(header)-1]
		}
	}
	return strings.TrimSpace(headword), pos
}

// cutSenseNumber removes a leading "N." sense number (followed by a space or
// the end of the line) and reports whether there was one.
func cutSenseNumber(line string) (string, bool) {
	s := strings.TrimLeft(line, " \t")
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits >= len(s) || s[digits] != '.' {
		return line, false
	}
	after := s[digits+1:]
	if after != "" && after[0] != ' ' && after[0] != '\t' {
		return line, false // "1.5 m" is text, not a sense number
	}
	return strings.TrimSpace(after), true
}

// trimStraySenseNumber removes a sense number glued to the end of a
// translation line, as in "sentris 2.".
func trimStraySenseNumber(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if !strings.HasSuffix(s, ".") {
		return s
	}
	body := s[:len(s)-1]
	j := len(body)
	for j > 0 && body[j-1] >= '0' && body[j-1] <= '9' {
		j--
	}
	if j == len(body) || (j > 0 && body[j-1] != ' ') {
		return s
	}
	return strings.TrimSpace(body[:j])
}

// isAffixEntry reports whether the article describes a prefix or suffix
// ("-ness", "self-"): their "translations" are Indonesian affix fragments
// that would pollute the ordinary English word they are spelled like.
func (a article) isAffixEntry() bool {
	return a.pos == "prefix" || a.pos == "suffix" ||
		strings.HasPrefix(a.headword, "-") || strings.HasSuffix(a.headword, "-")
}
