package retrieval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
)

// Header is what an article's opening lines state about itself, each fact
// with the span of Text stating it: the byline, the date line and the
// dateline. A fact the opening does not state is empty, its span zero.
// Questions about the article itself ("who wrote it", "where is it
// datelined", "when did it go up") are answered from it, and the span is
// the verbatim citation.
type Header struct {
	Author     string // the byline's names as written: "Yati Maulana", "Jane Doe and John Roe"
	AuthorLine Span   // the byline line
	Published  string // yyyy-mm-dd, from the date line
	Time       string // the time of day the date line states, as written: "09:05 WIB"
	DateLine   Span   // the line stating the publication date
	Place      string // the dateline's place as written: "LONDON", "Pyongyang"
	Outlet     string // the outlet the dateline names ("Suarathailand", "Reuters"), if any
	Dateline   Span   // the line the dateline opens
}

// ReadHeader reads the byline, date line and dateline among the first
// lines of an article's text.
func ReadHeader(text string) Header {
	var h Header
	for _, l := range headerLineSpans(text, headerLines) {
		line := text[l.Start:l.End]
		if h.Author == "" {
			if name := bylineName(line); name != "" {
				h.Author, h.AuthorLine = name, l
			}
		}
		if h.Published == "" {
			iso, ok := bylineDate(line)
			if !ok && h.AuthorLine == l {
				iso, _, _, _ = findDate(line) // a byline bylineDate does not read ("By Min-jun Park | July 15, 2025")
			}
			if iso != "" && isFullDate(iso) {
				h.Published, h.DateLine, h.Time = iso, l, statedTime(line)
			}
		}
		if h.Place == "" && classifyLine(line) == lineContent {
			if place, outlet, ok := parseDatelineDated(line); ok {
				h.Place, h.Outlet, h.Dateline = place, outlet, l
			}
		}
	}
	return h
}

// isFullDate reports whether s is a yyyy-mm-dd date (bylineDate may return
// a month and year as stated).
func isFullDate(s string) bool {
	_, _, _, ok := findDate(s)
	return ok && len(s) == len("2006-01-02")
}

// headerLineSpans returns the spans of the first limit non-empty lines of
// text, trimmed of surrounding space.
func headerLineSpans(text string, limit int) []Span {
	var out []Span
	for start := 0; start < len(text) && len(out) < limit; {
		end := lineEnd(text, start)
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, Span{Start: s, End: e})
		}
		start = end + 1
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\v' || b == '\f' }

// bylineLabels open a byline that names its authors. Editors are left
// out: they did not write the article.
func bylineLabels() []string {
	return []string{"written by", "ditulis oleh", "by", "oleh", "penulis", "reporter", "pewarta", "author"}
}

// bylineName returns the author named by a byline line: "By Jane Doe",
// "Oleh: Yati Maulana", "Reporter: Budi Santoso | Editor: …", or an
// unlabelled "Yati Maulana | Senin, 14/07/2025 09:05 WIB". It returns ""
// for any other line, and for an agency or outlet in the author's place
// ("Reuters | 14 July 2025").
func bylineName(line string) string {
	if len(line) > 160 {
		return ""
	}
	lower := strings.ToLower(line)
	rest, labelled := line, false
	if label := matchedPrefix(lower, bylineLabels()); label != "" {
		rest, labelled = strings.TrimLeft(line[len(label):], " :"), true
	}
	part := cutAtSeparator(rest)
	name := strings.TrimSpace(part)
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 8 || (!labelled && len(words) < 2) {
		return ""
	}
	if _, _, _, hasDate := findDate(name); hasDate || isAgency(name) || strings.Contains(strings.ToLower(name), ".com") {
		return ""
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		switch lw {
		case "and", "dan", "&", "de", "van", "von", "bin", "binti", "al", "el", "da", "di", "la", "le":
			continue
		}
		if isWeekday(strings.TrimSuffix(lw, ",")) || isDateLabelWord(lw) || isTimeToken(w) || isKnownPlace(lw) {
			return ""
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return ""
		}
	}
	// What follows the name is the byline's date, outlet or nothing: never
	// the rest of a sentence. A name need not pass leftoverIsName itself
	// (a hyphenated given name, "Min-jun Park", has a lower-case part).
	after := strings.TrimSpace(rest[len(part):])
	if after == "" {
		if labelled {
			return name
		}
		return ""
	}
	if _, ds, de, ok := findDate(after); ok {
		if leftoverIsName(after[:ds] + " " + after[de:]) {
			return name
		}
		return ""
	}
	if labelled && leftoverIsName(after) {
		return name
	}
	return ""
}

// cutAtSeparator returns s up to the first byline separator: a bar, a
// dash, a comma, a bullet or an opening bracket ("Jane Doe, Reuters",
// "Yati Maulana | Senin").
func cutAtSeparator(s string) string {
	cut := len(s)
	for _, sep := range []string{"|", " - ", " – ", " — ", ",", "·", "•", "(", "/", " pada ", " on "} {
		if i := strings.Index(s, sep); i >= 0 && i < cut {
			cut = i
		}
	}
	return s[:cut]
}

// timeOfDayRE matches a stated time of day with its zone or half of the
// day: "09:05 WIB", "9.05 WIB", "3:40 p.m. ET", "14:30".
var timeOfDayRE = regexp.MustCompile(`(?i)(?:^|[^\d.:])(\d{1,2}[:.]\d{2})(?:[:.]\d{2})?(\s*(?:[ap]\.?m\.?)(?:\s|$|[^\pL]))?(\s*(?:WIB|WITA|WIT|GMT|UTC|ET|EST|EDT|PT|PST|PDT|BST|CET|CEST|KST|JST|MSK)(?:[+-]\d{1,2})?\b)?`)

// statedTime returns the time of day a date line states, as written, or
// "" when it states none. Numbers that are part of the date itself
// (14.07.2025) are not a time.
func statedTime(line string) string {
	_, ds, de, hasDate := findDate(line)
	for _, m := range timeOfDayRE.FindAllStringSubmatchIndex(line, -1) {
		if hasDate && m[2] < de && m[3] > ds {
			continue
		}
		hh := atoi(line[m[2] : m[2]+strings.IndexAny(line[m[2]:], ":.")])
		mm := atoi(line[m[3]-2 : m[3]])
		if hh > 23 || mm > 59 {
			continue
		}
		end := m[3]
		for _, g := range []int{4, 6} {
			if m[g] >= 0 {
				end = max(end, m[g+1])
			}
		}
		return strings.TrimSpace(strings.TrimRight(line[m[2]:end], " ,;|"))
	}
	return ""
}

// parseDatelineDated is parseDateline that also reads datelines carrying
// their date: "WASHINGTON, July 14 (Reuters) -", "JAKARTA, 14 Juli
// (ANTARA) -". The date is dropped; the place and outlet are kept.
func parseDatelineDated(line string) (place, outlet string, ok bool) {
	if place, outlet, ok = parseDateline(line); ok {
		return place, outlet, ok
	}
	comma := strings.Index(line, ", ")
	if comma <= 0 || comma > 40 {
		return "", "", false
	}
	rest := line[comma+2:]
	f := strings.Fields(rest)
	if len(f) < 3 {
		return "", "", false
	}
	monthOf := func(w string) int { return lexicon.MonthNumber(strings.ToLower(strings.TrimSuffix(w, "."))) }
	day, month := f[0], f[1]
	if monthOf(day) != 0 {
		day, month = f[1], f[0]
	}
	if monthOf(month) == 0 || !isDigits(strings.TrimSuffix(day, ",")) {
		return "", "", false
	}
	skip := strings.Index(rest, f[1]) + len(f[1])
	return parseDateline(line[:comma] + rest[skip:])
}
