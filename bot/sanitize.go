package bot

import "strings"

// plain makes article or model text safe to show: a masked link
// "[text](url)" would render as "text" pointing anywhere, so the "](" is
// broken up and Discord shows the brackets and the address as typed.
func plain(s string) string {
	return strings.ReplaceAll(s, "](", "] (")
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
