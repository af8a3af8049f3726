package cite

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markerRE matches one citation marker: [1], [1, 2], [1; 2], [1-3],
// [^1], [Source 1] or [sumber 2]. Numbers have at most three digits, so a
// bracketed year such as [2025] is text, not a marker.
var markerRE = regexp.MustCompile(`\[\s*(?:\^|(?i:source|sumber)\s*)?\d{1,3}(?:\s*(?:,|;|-|–)\s*(?:(?i:source|sumber)\s*)?\d{1,3})*\s*\]`)

// markerAtStartRE matches a marker at the start of a text only, so that
// looking for one after each full stop does not scan the whole line.
var markerAtStartRE = regexp.MustCompile(`^(?:` + markerRE.String() + `)`)

var markerNumberRE = regexp.MustCompile(`\d{1,3}`)

// maxRange bounds how many numbers a range marker such as [1-3] expands to,
// so "[1-999]" cannot cite everything.
const maxRange = 10

// listPrefixRE matches what may open a line before its first sentence: a
// bullet, a list number, a heading or a quote mark of Markdown.
var listPrefixRE = regexp.MustCompile(`^(?:[-*•]\s+|\d{1,2}[.)]\s+|#{1,6}\s+|>\s*)`)

// Sentence is a sentence of an answer with the markers that cite it.
type Sentence struct {
	Text    string // without markers, white space collapsed
	Start   int    // byte offsets of the whole sentence (markers included) in the answer
	End     int
	Line    int   // 0-based line of the answer the sentence is on
	Markers []int // every marker of the sentence, in order of appearance, duplicates removed
	// Parts are the sentence's clauses, each with the markers that follow
	// it: "X [1], Y [2]." has two parts, so [1] must support X and [2] Y.
	// A sentence with markers only at its end has one part.
	Parts []Part
	// Tail is trailing punctuation after the last part's markers ("." in
	// "Claim [1].").
	Tail string
}

// Part is a clause of a sentence and the markers that follow it.
type Part struct {
	Text    string // without markers, white space collapsed and trimmed
	Markers []int
	// lead is Text as it is glued to the previous part: with its leading
	// space when it had one, so "X [1], Y [2]" is rebuilt without a
	// space before the comma.
	lead string
}

// line is a line of an answer: its Markdown prefix and its sentences.
type line struct {
	prefix    string
	blank     bool
	sentences []Sentence
}

// ParseSentences splits an answer into sentences and attaches each marker
// to the clause it follows: "Claim [1]." and "Claim. [1]" both cite the
// claim, and "X [1], Y [2]." cites X with [1] and Y with [2]. Sentences end
// at a line break or at '.', '!', '?' or '…' followed by white space and
// something other than a lower-case letter, except after an initial
// ("U.S.") or a common abbreviation ("Dr.", "No.").
func ParseSentences(answer string) []Sentence {
	var out []Sentence
	for _, l := range parseLines(answer) {
		out = append(out, l.sentences...)
	}
	return out
}

func parseLines(answer string) []line {
	var lines []line
	start := 0
	for n := 0; start <= len(answer); n++ {
		end := strings.IndexByte(answer[start:], '\n')
		if end < 0 {
			end = len(answer)
		} else {
			end += start
		}
		lines = append(lines, parseLine(answer, start, end, n))
		start = end + 1
	}
	return lines
}

func parseLine(answer string, start, end, n int) line {
	i := start
	for i < end && isSpaceByte(answer[i]) {
		i++
	}
	if i == end {
		return line{blank: true}
	}
	var l line
	if loc := listPrefixRE.FindStringIndex(answer[i:end]); loc != nil {
		l.prefix = strings.TrimSpace(answer[i:i+loc[1]]) + " "
		i += loc[1]
	}
	sentStart := i
	for i < end {
		r, size := utf8.DecodeRuneInString(answer[i:end])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < end && (answer[j] == '.' || answer[j] == '!' || answer[j] == '?') {
			j++ // "...", "?!"
		}
		j = skipClosers(answer, j, end)
		closed := j
		j = skipMarkers(answer, j, end)
		isEnd := boundaryAfter(answer, j, end)
		if isEnd && r == '.' && closed == i+1 && j == closed && abbreviationBefore(answer, sentStart, i) {
			isEnd = false
		}
		if !isEnd {
			i += size
			continue
		}
		if s, ok := makeSentence(answer, sentStart, j, n); ok {
			l.sentences = append(l.sentences, s)
		}
		i = j
		sentStart = j
	}
	if s, ok := makeSentence(answer, sentStart, end, n); ok {
		l.sentences = append(l.sentences, s)
	}
	return l
}

// skipClosers moves past closing quotes and brackets after a full stop.
func skipClosers(s string, j, end int) int {
	for j < end {
		r, size := utf8.DecodeRuneInString(s[j:end])
		if !strings.ContainsRune("\"'”’»)", r) {
			break
		}
		j += size
	}
	return j
}

// skipMarkers moves past markers (and the spaces before them) that follow
// a full stop: they cite the sentence it ends.
func skipMarkers(s string, j, end int) int {
	for {
		k := j
		for k < end && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k >= end || s[k] != '[' {
			return j
		}
		loc := markerAtStartRE.FindStringIndex(s[k:end])
		if loc == nil {
			return j
		}
		j = k + loc[1]
		j = skipClosers(s, j, end)
		if j < end && (s[j] == '.' || s[j] == ',') && (j+1 == end || isSpaceByte(s[j+1])) {
			j++ // "Claim. [1]." keeps its stray full stop
		}
	}
}

// boundaryAfter reports whether what follows position j may start a new
// sentence: the end of the line, or white space then anything but a
// lower-case letter.
func boundaryAfter(s string, j, end int) bool {
	k := j
	for k < end && isSpaceByte(s[k]) {
		k++
	}
	if k == end {
		return true
	}
	if k == j {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[k:end])
	return !unicode.IsLower(r)
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "sen": true, "rep": true, "gov": true,
	"no": true, "nos": true, "vs": true, "approx": true, "inc": true, "ltd": true, "corp": true,
	"jan": true, "feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "agu": true, "okt": true, "des": true,
	"hlm": true, "yth": true, "bpk": true, "tn": true, "ny": true, "sdr": true, "kol": true, "jend": true,
	"letjen": true, "mayjen": true, "brigjen": true, "ir": true, "drs": true,
}

// abbreviationBefore reports whether the word ending at the full stop at i
// is an initial or a known abbreviation.
func abbreviationBefore(s string, from, i int) bool {
	k := i
	for k > from {
		r, size := utf8.DecodeLastRuneInString(s[from:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= size
	}
	word := s[k:i]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(word)]
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v'
}

// makeSentence builds the sentence answer[start:end], splitting it into
// parts at its markers.
func makeSentence(answer string, start, end, lineNo int) (Sentence, bool) {
	for start < end && isSpaceByte(answer[start]) {
		start++
	}
	for end > start && isSpaceByte(answer[end-1]) {
		end--
	}
	raw := answer[start:end]
	s := Sentence{Start: start, End: end, Line: lineNo}
	locs := markerRE.FindAllStringIndex(raw, -1)
	var pending []int // markers seen before any clause: they cite the next one
	prev := 0
	for g := 0; g < len(locs); {
		// a group is markers separated only by spaces, commas or semicolons
		h := g + 1
		for h < len(locs) && strings.Trim(raw[locs[h-1][1]:locs[h][0]], " \t,;") == "" {
			h++
		}
		var ns []int
		for _, loc := range locs[g:h] {
			ns = appendMarkerNumbers(ns, raw[loc[0]:loc[1]])
		}
		text := raw[prev:locs[g][0]]
		switch {
		case hasContent(text):
			p := newPart(text, len(s.Parts) == 0)
			p.Markers = appendUnique(pending, ns...)
			pending = nil
			s.Parts = append(s.Parts, p)
		case len(s.Parts) > 0:
			last := &s.Parts[len(s.Parts)-1]
			last.Markers = appendUnique(last.Markers, ns...)
		default:
			pending = appendUnique(pending, ns...)
		}
		s.Markers = appendUnique(s.Markers, ns...)
		prev = locs[h-1][1]
		g = h
	}
	rest := raw[prev:]
	switch {
	case hasContent(rest) && len(s.Parts) > 0 && len(pending) == 0:
		// An uncited clause after the last marker: the last markers must
		// cover it too.
		last := &s.Parts[len(s.Parts)-1]
		joined := newPart(joinClause(last.lead, rest), len(s.Parts) == 1)
		last.Text, last.lead = joined.Text, joined.lead
	case hasContent(rest):
		p := newPart(rest, len(s.Parts) == 0)
		p.Markers = pending
		s.Parts = append(s.Parts, p)
	case len(s.Parts) > 0:
		s.Tail = strings.TrimSpace(rest)
	}
	if len(s.Parts) == 0 {
		return s, false
	}
	texts := make([]string, len(s.Parts))
	for i, p := range s.Parts {
		texts[i] = p.lead
	}
	joined := strings.Join(texts, "")
	if strings.Trim(s.Tail, ".!?…") == "" && endsWithTerminal(joined) {
		s.Tail = "" // "Claim. [1]." has one full stop
	}
	s.Text = strings.TrimSpace(collapse(joined + s.Tail))
	return s, true
}

// joinClause appends an uncited clause to the clause before it.
func joinClause(lead, rest string) string {
	rest = strings.TrimLeft(rest, " \t")
	if rest != "" && strings.ContainsRune(",;:.)", rune(rest[0])) {
		return lead + rest
	}
	return lead + " " + rest
}

// newPart cleans a clause's text; first clauses lose their leading space.
func newPart(text string, first bool) Part {
	// Removing markers can join brackets into a new one ("[ [9] 5]"
	// leaves "[ 5]"): remove until none is left, so no marker hides in a
	// clause's text.
	for markerRE.MatchString(text) {
		text = markerRE.ReplaceAllString(text, "")
	}
	lead := collapse(text)
	lead = strings.TrimRight(lead, " ")
	if first {
		lead = strings.TrimLeft(lead, " ")
	}
	return Part{Text: strings.TrimSpace(lead), lead: lead}
}

// collapse turns every run of white space into one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// hasContent reports whether text holds a letter or a digit.
func hasContent(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// appendMarkerNumbers adds the numbers a marker names, expanding ranges.
func appendMarkerNumbers(ns []int, marker string) []int {
	locs := markerNumberRE.FindAllStringIndex(marker, -1)
	for i := 0; i < len(locs); i++ {
		a, _ := strconv.Atoi(marker[locs[i][0]:locs[i][1]])
		if i+1 < len(locs) && isRangeDash(marker[locs[i][1]:locs[i+1][0]]) {
			b, _ := strconv.Atoi(marker[locs[i+1][0]:locs[i+1][1]])
			if a <= b && b-a < maxRange {
				for n := a; n <= b; n++ {
					ns = appendUnique(ns, n)
				}
				i++
				continue
			}
		}
		ns = appendUnique(ns, a)
	}
	return ns
}

func isRangeDash(sep string) bool {
	sep = strings.TrimSpace(sep)
	return sep == "-" || sep == "–"
}

func appendUnique(list []int, ns ...int) []int {
	for _, n := range ns {
		if !containsInt(list, n) {
			list = append(list, n)
		}
	}
	return list
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

// Renumber rewrites the markers of text so that sources are numbered 1..m
// in order of first appearance, with no gaps, and each group of markers
// is written "[1][2]". order[i] is the old number of new source i+1.
func Renumber(text string) (out string, order []int) {
	index := map[int]int{}
	out = markerRE.ReplaceAllStringFunc(text, func(m string) string {
		var ns []int
		for _, old := range appendMarkerNumbers(nil, m) {
			if _, ok := index[old]; !ok {
				order = append(order, old)
				index[old] = len(order)
			}
			ns = appendUnique(ns, index[old])
		}
		return FormatMarkers(ns)
	})
	return out, order
}

// FilterMarkers removes the numbers keep rejects from the markers of
// text, and markers left empty, leaving the rest of the text as it is.
func FilterMarkers(text string, keep func(n int) bool) string {
	return markerRE.ReplaceAllStringFunc(text, func(m string) string {
		var ns []int
		for _, n := range appendMarkerNumbers(nil, m) {
			if keep(n) {
				ns = append(ns, n)
			}
		}
		if len(ns) == len(appendMarkerNumbers(nil, m)) {
			return m
		}
		return FormatMarkers(ns)
	})
}

// StripMarkers removes every marker from text.
func StripMarkers(text string) string {
	return strings.TrimSpace(collapse(markerRE.ReplaceAllString(text, "")))
}
