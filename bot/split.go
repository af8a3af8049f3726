package bot

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// protectedToken matches what a split must never cut: citation markers
// and Discord's mention, channel, emoji and timestamp tokens. Lengths are
// bounded so that any limit of at least maxTokenLen leaves a legal cut.
var protectedToken = regexp.MustCompile(`\[\d{1,6}\]|<(?:@[!&]?|#)\d{1,20}>|<a?:\w{1,32}:\d{1,20}>|<t:-?\d{1,20}(?::[tTdDfFR])?>`)

// maxTokenLen is the longest protectedToken match, in bytes (all ASCII).
const maxTokenLen = 57

// textLen counts s as Discord's length limits may count it: in UTF-16
// code units, which is never less than the number of characters, so a
// text within the limit by this measure is within it by any.
func textLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeUnits(r, size)
		i += size
	}
	return n
}

// fits reports whether textLen(s) <= limit, reading no more than needed.
func fits(s string, limit int) bool {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n += runeUnits(r, size); n > limit {
			return false
		}
		i += size
	}
	return true
}

func runeUnits(r rune, size int) int {
	if size > 1 && r >= 0x10000 {
		return 2
	}
	return 1
}

// splitText cuts s into consecutive parts of at most limit (textLen) each;
// joined, the parts are s. Cuts fall on paragraph, line, sentence or word
// boundaries when one is in the second half of a part, never inside a
// UTF-8 sequence or a protected token.
func splitText(s string, limit int) []string {
	if limit < 2 {
		limit = 2 // one astral character needs two units
	}
	var parts []string
	for !fits(s, limit) {
		cut := cutPoint(s, limit)
		parts = append(parts, s[:cut])
		s = s[cut:]
	}
	if s != "" || len(parts) == 0 {
		parts = append(parts, s)
	}
	return parts
}

// cutPoint returns where to end the first part of s, which is longer
// than limit.
func cutPoint(s string, limit int) int {
	var bounds []int // rune boundaries within the limit, ascending
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n+runeUnits(r, size) > limit {
			break
		}
		n += runeUnits(r, size)
		i += size
		bounds = append(bounds, i)
	}
	if len(bounds) == 0 {
		_, size := utf8.DecodeRuneInString(s)
		return size
	}
	max := bounds[len(bounds)-1]
	window := s[:min(len(s), max+maxTokenLen)]
	tokens := protectedToken.FindAllStringIndex(window, -1)
	legal := func(c int) bool {
		for _, t := range tokens {
			if t[0] < c && c < t[1] {
				return false
			}
		}
		return true
	}
	for _, sep := range []string{"\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " "} {
		head := s[:max]
		for {
			at := strings.LastIndex(head, sep)
			if at < 0 {
				break
			}
			c := at + len(sep)
			if c < max/2 {
				break
			}
			if legal(c) {
				return c
			}
			head = head[:at]
		}
	}
	for k := len(bounds) - 1; k >= 0; k-- {
		if legal(bounds[k]) {
			return bounds[k]
		}
	}
	return max
}

// truncate shortens s to at most limit (textLen), ending with "…" when
// anything was cut, and never cuts a protected token or UTF-8 sequence.
func truncate(s string, limit int) string {
	if fits(s, limit) {
		return s
	}
	if limit < 2 {
		return ""
	}
	head := splitText(s, limit-1)[0]
	return strings.TrimRight(head, " \n") + "…"
}
