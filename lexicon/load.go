package lexicon

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
)

// The embedded data files are read whole, once, into one string each;
// the sets and dictionaries hold substrings of it (a lower-case line is
// its own key), so loading makes a map entry per line and nothing else.

// dataText returns one embedded data file as a string.
func dataText(fsys fs.FS, name string) (string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", fmt.Errorf("lexicon data %s: %w", name, err)
	}
	return string(b), nil
}

// eachTextLine calls fn with every line of text, trimmed, that is neither
// empty nor a comment.
func eachTextLine(text string, fn func(string)) {
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		fn(line)
	}
}

func eachLine(fsys fs.FS, name string, fn func(string)) error {
	text, err := dataText(fsys, name)
	if err != nil {
		return err
	}
	eachTextLine(text, fn)
	return nil
}

// readSet reads a word list, one word a line, folded to lower case.
func readSet(fsys fs.FS, name string) (map[string]bool, error) {
	text, err := dataText(fsys, name)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, strings.Count(text, "\n")+1)
	eachTextLine(text, func(line string) {
		set[strings.ToLower(line)] = true
	})
	return set, nil
}

// readDict reads a dictionary: a headword, a tab, its renderings separated
// by "|", lower-cased and trimmed, each once, in the order listed (a
// headword on several lines gathers them all). The renderings of all
// headwords share one backing array, each headword's slice capped at its
// own, so appending to one copies it.
func readDict(fsys fs.FS, name string) (map[string][]string, error) {
	text, err := dataText(fsys, name)
	if err != nil {
		return nil, err
	}
	lines := strings.Count(text, "\n") + 1
	d := make(map[string][]string, lines)
	pool := make([]string, 0, strings.Count(text, "|")+lines)
	eachTextLine(text, func(line string) {
		head, vals, ok := strings.Cut(line, "\t")
		if !ok {
			return
		}
		head = strings.ToLower(strings.TrimSpace(head))
		start := len(pool)
		for more := true; more; {
			var v string
			v, vals, more = strings.Cut(vals, "|")
			if v = strings.ToLower(strings.TrimSpace(v)); v != "" && !containsString(pool[start:], v) {
				pool = append(pool, v)
			}
		}
		if len(pool) == start {
			return
		}
		vs := pool[start:len(pool):len(pool)]
		if prev, ok := d[head]; ok {
			for _, v := range vs {
				prev = appendUnique(prev, v)
			}
			vs = prev
		}
		d[head] = vs
	})
	return d, nil
}

// fieldCount is len(strings.Fields(s)) without the slice.
func fieldCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in, n = true, n+1
		}
	}
	return n
}
