package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A file-system path typed in a question ("does host check /etc/hosts?",
// "what goes in /etc/fstab?") names one file, as a name names one person:
// a sentence that writes no such path is about something else. The
// index reads "/etc/hosts" as the word "hosts", stemmed to "host", so
// without this any sentence about host names matches it ("You check the
// real host name with the following").

// questionPaths returns the absolute paths written in the question: a
// run of non-space characters that starts with "/" and a letter, after a
// space, a quote or a bracket. A trailing slash or full stop is dropped.
func questionPaths(question string) []string {
	var out []string
	for i := 0; i < len(question); i++ {
		if question[i] != '/' || i > 0 && !strings.ContainsRune(" \t\"'(`", rune(question[i-1])) {
			continue
		}
		end := i + 1
		for end < len(question) && !strings.ContainsRune(" \t\"'`),?!", rune(question[end])) {
			end++
		}
		p := strings.TrimRight(question[i:end], "./,:;")
		if len(p) > 1 && isASCIILetter(p[1]) {
			out = append(out, p)
		}
		i = end
	}
	return out
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// writesPath reports whether text writes path p as a whole file name:
// "/etc/hosts" is not "/etc/hosts.deny" nor "/etc/hostsfoo".
func writesPath(text, p string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], p)
		if i < 0 {
			return false
		}
		end := from + i + len(p)
		if end >= len(text) || !pathContinues(text[end:]) {
			return true
		}
		from = end
	}
}

// pathContinues reports whether rest, the text right after a path, goes
// on with more of a file name: a letter or digit, or a dot, dash or
// underscore before one.
func pathContinues(rest string) bool {
	if isPathWordByte(rest[0]) {
		return true
	}
	return len(rest) > 1 && strings.ContainsRune("._-", rune(rest[0])) && isPathWordByte(rest[1])
}

func isPathWordByte(b byte) bool { return isASCIILetter(b) || b >= '0' && b <= '9' }

// missesPath reports whether the question types a path and neither the
// candidate's sentence nor the sentence it refers back to writes any of
// them.
func missesPath(c *candidate, lq lexicon.Query) bool {
	paths := questionPaths(lq.Text)
	if len(paths) == 0 {
		return false
	}
	text := c.text()
	if c.prev.End > c.prev.Start {
		text = c.doc.Text[c.prev.Start:c.prev.End] + " " + text
	}
	for _, p := range paths {
		if writesPath(text, strings.TrimSuffix(p, "/")) {
			return false
		}
	}
	return true
}
