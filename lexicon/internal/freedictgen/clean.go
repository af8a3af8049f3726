package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isEnglishFunctionWord reports whether w is a word that occurs in English
// gloss text but is not an Indonesian word, so a multi-word "translation"
// containing it is almost certainly misplaced gloss. ("as" is deliberately
// absent: it is the Indonesian abbreviation of Amerika Serikat.)
func isEnglishFunctionWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "to", "in", "on", "is", "are", "was", "be",
		"and", "or", "for", "by", "from", "with", "which", "that", "this",
		"it", "its", "used", "someone", "something", "not":
		return true
	}
	return false
}

// cleanTranslation normalises one raw translation piece and reports whether
// it is worth keeping. It lowercases, strips wiki link brackets and trailing
// sentence punctuation and collapses spaces; it rejects pieces that carry
// markup, parentheses or pronunciation, affix fragments and English text.
func cleanTranslation(raw string) (string, bool) {
	if !utf8.ValidString(raw) {
		return "", false
	}
	s := strings.ReplaceAll(raw, "[[", "")
	s = strings.ReplaceAll(s, "]]", "")
	if strings.ContainsAny(s, "()[]{}<>/\\|\t\"") {
		return "", false
	}
	s = strings.TrimRight(s, " .?!;:")
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, r := range s { // after lowercasing: some capitals map into the IPA block
		if isPhonetic(r) || unicode.IsControl(r) {
			return "", false
		}
	}
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return "", false
	}
	if words := strings.Fields(s); len(words) > 1 {
		for _, w := range words {
			if isEnglishFunctionWord(w) {
				return "", false
			}
		}
	}
	return s, true
}

// isPhonetic reports whether r belongs to the IPA or spacing-modifier blocks,
// which only appear when pronunciation leaked into a translation.
func isPhonetic(r rune) bool {
	return r >= 0x0250 && r <= 0x02FF
}

// normaliseHeadword lowercases a headword and collapses its spaces. It
// reports false for headwords that cannot be written as a TSV key.
func normaliseHeadword(h string) (string, bool) {
	if !utf8.ValidString(h) || strings.ContainsAny(h, "\t|") {
		return "", false
	}
	h = strings.Join(strings.Fields(strings.ToLower(h)), " ")
	return h, h != ""
}
