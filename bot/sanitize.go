package bot

import "strings"

// plain makes article or model text safe to show: a masked link
// "[text](url)" would render as "text" pointing anywhere, so the "](" is
// broken up and Discord shows the brackets and the address as typed; and
// invisible characters that reorder or hide text are removed (see
// invisible). Only what is shown changes: JSON and offsets keep the
// article's text verbatim.
func plain(s string) string {
	return strings.ReplaceAll(stripInvisible(s), "](", "] (")
}

// invisible reports characters that change how text reads without being
// seen: bidirectional embeddings, overrides and isolates (a right-to-left
// override makes "gnp.exe" read as "exe.png"), directional marks, and
// zero-width spaces, joiners and the byte order mark, which hide words
// from readers and filters alike.
func invisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, // zero-width space, non-joiner, joiner; LRM, RLM
		r >= 0x202A && r <= 0x202E, // LRE, RLE, PDF, LRO, RLO
		r >= 0x2066 && r <= 0x2069, // LRI, RLI, FSI, PDI
		r == 0x2060, r == 0xFEFF, r == 0x061C, r == 0x180E, r == 0x00AD:
		return true
	}
	return false
}

func stripInvisible(s string) string {
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

// oneLine flattens s to a single line of plain text.
func oneLine(s string) string {
	return strings.Join(strings.Fields(plain(s)), " ")
}

// codeSafe makes s usable inside a `code span`.
func codeSafe(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "\n", " ")
}

// quoteBlock renders s as a Discord block quote, line by line.
func quoteBlock(s string) string {
	lines := strings.Split(strings.TrimSpace(plain(s)), "\n")
	for i, l := range lines {
		lines[i] = "> " + strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}
