package cite

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markerRE matches citation markers: [1], [1, 2], [1][2] (each bracket
// separately), at most three digits so years in brackets are not taken.
var markerRE = regexp.MustCompile(`\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]`)

// Sentence is a sentence of an answer with the markers that cite it.
type Sentence struct {
	Text    string // without markers, trimmed
	Start   int    // byte offsets of the whole sentence (markers included) in the answer
	End     int
	Markers []int // in order of appearance, duplicates removed
}

// ParseSentences splits an answer into sentences and attaches each marker
// to the sentence it follows: "Claim [1]." and "Claim. [1]" both cite the
// claim.
func ParseSentences(answer string) []Sentence {
	var out []Sentence
	start := 0
	i := 0
	for i < len(answer) {
		r, size := utf8.DecodeRuneInString(answer[i:])
		end := -1
		switch {
		case r == '\n':
			end = i
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			// keep closing quotes and brackets with the sentence
			for j < len(answer) && strings.ContainsRune("\"'”’»)", rune(answer[j])) {
				j++
			}
			// markers after the full stop belong to this sentence
			for {
				k := j
				for k < len(answer) && answer[k] == ' ' {
					k++
				}
				if loc := markerRE.FindStringIndex(answer[k:]); loc != nil && loc[0] == 0 {
					j = k + loc[1]
					continue
				}
				break
			}
			if j >= len(answer) || unicode.IsSpace(rune(answer[j])) {
				if !isNumberDot(answer, i) {
					end = j
				}
			}
		}
		if end >= 0 {
			if s, ok := makeSentence(answer, start, end); ok {
				out = append(out, s)
			}
			start = end
			if start < len(answer) && answer[start] == '\n' {
				start++
			}
			i = start
			continue
		}
		i += size
	}
	if s, ok := makeSentence(answer, start, len(answer)); ok {
		out = append(out, s)
	}
	return out
}

// isNumberDot reports a '.' inside a number ("6.000", "2.5").
func isNumberDot(s string, i int) bool {
	return s[i] == '.' && i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9'
}

func makeSentence(answer string, start, end int) (Sentence, bool) {
	raw := answer[start:end]
	s := Sentence{Start: start, End: end}
	for _, m := range markerRE.FindAllStringSubmatch(raw, -1) {
		for _, part := range strings.Split(m[1], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(part))
			if err == nil && !containsInt(s.Markers, n) {
				s.Markers = append(s.Markers, n)
			}
		}
	}
	text := markerRE.ReplaceAllString(raw, "")
	text = strings.Join(strings.Fields(text), " ")
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), " ."))
	if text == "" || text == "." {
		return s, false
	}
	s.Text = text
	return s, true
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// FormatMarkers writes ns as "[1][2]".
func FormatMarkers(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString("[")
		b.WriteString(strconv.Itoa(n))
		b.WriteString("]")
	}
	return b.String()
}
