package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

// writeWords prints a header comment and the words, one a line, sorted.
func writeWords(header string, words []string) error {
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "# "+header)
	for _, w := range sorted {
		fmt.Fprintln(out, w)
	}
	return out.Flush()
}

// writeTSV prints a header comment and each word with its values
// (word<TAB>value|value…), sorted by word.
func writeTSV(header string, values map[string][]string) error {
	words := make([]string, 0, len(values))
	for w := range values {
		words = append(words, w)
	}
	sort.Strings(words)
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "# "+header)
	for _, w := range words {
		fmt.Fprintf(out, "%s\t%s\n", w, strings.Join(values[w], "|"))
	}
	return out.Flush()
}
