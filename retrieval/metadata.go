package retrieval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/langid"
	"github.com/kabar-bot/kabar/lexicon"
)

// metadata is what an article states about itself. Every field is either
// read from the article or empty: a wrong date or outlet in a citation is
// worse than none.
type metadata struct {
	Title, Outlet, Published, Lang, URL string
	Modified, Author                    string
	Alternates                          string // the page's addresses in other languages, space-separated
}

// fillMissing copies into d the fields of m that d lacks.
func (m metadata) fillMissing(d *Document) {
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	set(&d.Title, m.Title)
	set(&d.Outlet, m.Outlet)
	set(&d.Published, m.Published)
	set(&d.Lang, m.Lang)
	set(&d.URL, m.URL)
	set(&d.Modified, m.Modified)
	set(&d.Author, m.Author)
	set(&d.Alternates, m.Alternates)
}

// documentLanguage identifies an article's language among all the
// languages langid knows, preferring Indonesian and English (the languages
// Kabar translates between) when the text is not clear.
var documentLanguage = langid.New().Prefer("id", "en")

// settleLanguage decides between the language a page declares and the
// one identified in its prose (detected, "" when unsure). The declaration
// stands when the prose agrees or is unclear, and also on a half
// translated page: when at least half of its prose paragraphs (by
// letters) are identified as the declared language. Otherwise, as when
// an Indonesian article sits in a template declaring lang="en", or a
// translation leaves most of its original untranslated, the prose's
// language wins; the paragraphs in the other language are tagged on
// their own (SetParagraphLanguages).
func settleLanguage(declared, detected, prose string) string {
	if detected == "" || detected == declared {
		return declared
	}
	letters := map[string]int{}
	total := 0
	for _, l := range nonEmptyLines(sample(prose, declaredSampleBytes), maxLines) {
		n := 0
		for _, r := range l {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n < minParagraphLetters {
			continue
		}
		if lang := documentLanguage.Detect(l); lang != "" {
			letters[lang] += n
			total += n
		}
	}
	if total == 0 || 2*letters[declared] >= total {
		return declared
	}
	return detected
}

// declaredSampleBytes is how much prose settleLanguage reads paragraph by
// paragraph, and minParagraphLetters how many letters a paragraph needs
// to count: shorter lines (headings, captions) are identified unreliably.
const (
	declaredSampleBytes = 64 << 10
	minParagraphLetters = 40
	maxLines            = 1 << 20
)

// sample cuts text to at most n bytes at a line break.
func sample(text string, n int) string {
	if len(text) <= n {
		return text
	}
	if i := strings.LastIndexByte(text[:n], '\n'); i > 0 {
		return text[:i]
	}
	return text[:n]
}

// headerLines is how many leading lines may hold a byline, date line or
// dateline; dates further down are events the article reports on.
const headerLines = 10

// maxTitleBytes bounds a headline; a longer first line is a lede.
const maxTitleBytes = 200

// inferMetadata reads metadata from plain article text: a headline as the
// first line, a byline or "published on" line, the byline's author, a
// dateline naming the outlet ("Pyongyang, Suarathailand- …") and the
// language of the prose.
func inferMetadata(text string) metadata {
	m := inferHeader(text)
	m.Lang = documentLanguage.Detect(text)
	return m
}

// inferHeader is inferMetadata less the language, which is the costliest
// part and not always needed (see ParseDocumentContext).
func inferHeader(text string) metadata {
	lines := nonEmptyLines(text, titleLookahead+headerLines)
	var m metadata
	head := lines[:min(len(lines), headerLines)]
	for _, l := range head {
		if p, ok := bylineDate(l); ok && p != "" {
			m.Published = p
			break
		}
	}
	content := 0
	for _, l := range head {
		if classifyLine(l) != lineContent {
			continue
		}
		if _, outlet, ok := parseDateline(l); ok {
			m.Outlet = outlet
			break
		}
		if content++; content >= 3 {
			break
		}
	}
	m.Title = inferTitle(lines)
	m.Author = ReadHeader(text).Author // the byline: "By Jane Doe", "Yati Maulana | Senin, 14/07/2025"
	return m
}

// titleLookahead is how far past a headline candidate inferTitle looks for
// the article text that must follow it.
const titleLookahead = 50

// inferTitle returns the headline: the first real line among the header
// lines when it is short, a single sentence, not a dateline, and followed
// by more text.
func inferTitle(lines []string) string {
	for i, l := range lines[:min(len(lines), headerLines)] {
		if classifyLine(l) != lineContent {
			continue
		}
		l = strings.TrimSpace(l[markupPrefixLen(l):])
		if l == "" || len(l) > maxTitleBytes || strings.HasSuffix(l, ":") || strings.HasSuffix(l, ",") {
			return ""
		}
		if _, _, ok := parseDateline(l); ok {
			return ""
		}
		if len(splitSentences(l, 0, len(l))) != 1 {
			return ""
		}
		for _, rest := range lines[i+1 : min(len(lines), i+1+titleLookahead)] {
			if classifyLine(rest) == lineContent {
				return dropSectionSuffix(l)
			}
		}
		return ""
	}
	return ""
}

// dropSectionSuffix removes the " | Section" or " | Site" tail pages add
// to headlines.
func dropSectionSuffix(title string) string {
	parts := strings.Split(title, " | ")
	if len(parts) == 1 {
		return strings.TrimSpace(title)
	}
	if first := strings.TrimSpace(parts[0]); len(strings.Fields(first)) >= 3 {
		return first
	}
	longest := ""
	for _, p := range parts {
		if p = strings.TrimSpace(p); len(p) > len(longest) {
			longest = p
		}
	}
	return longest
}

// nonEmptyLines returns the first limit trimmed non-empty lines of text.
func nonEmptyLines(text string, limit int) []string {
	var lines []string
	for start := 0; start < len(text) && len(lines) < limit; {
		end := lineEnd(text, start)
		if l := strings.TrimSpace(text[start:end]); l != "" {
			lines = append(lines, l)
		}
		start = end + 1
	}
	return lines
}

// lineEnd returns the index of the line break (\n or \r) ending the line
// that starts at start, or len(text).
func lineEnd(text string, start int) int {
	if i := strings.IndexAny(text[start:], "\r\n"); i >= 0 {
		return start + i
	}
	return len(text)
}

// parseDateline recognises a dateline opening a news paragraph: "LONDON – ",
// "Pyongyang, Suarathailand- ", "JAKARTA (ANTARA) - ". outlet is set only
// when the dateline names one (a single word that is not a place).
func parseDateline(line string) (place, outlet string, ok bool) {
	limit := min(len(line), 64)
	for i, r := range line[:limit] {
		if r != '-' && r != '–' && r != '—' {
			continue
		}
		if i == 0 {
			return "", "", false
		}
		after := i + utf8.RuneLen(r)
		for after < len(line) && (line[after] == '-') {
			after++
		}
		if !startsAfterDash(line[after:]) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(line[:i])
		if !unicode.IsSpace(before) && !unicode.IsLetter(before) && before != ')' && before != '.' {
			return "", "", false
		}
		return parseDatelinePrefix(strings.TrimSpace(line[:i]))
	}
	return "", "", false
}

// startsAfterDash reports whether rest (the text after a dash) is a space
// and then the start of a sentence.
func startsAfterDash(rest string) bool {
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	if len(trimmed) == len(rest) || trimmed == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(trimmed)
	return startsSentence(r)
}

func parseDatelinePrefix(prefix string) (place, outlet string, ok bool) {
	var extra string
	switch {
	case strings.HasSuffix(prefix, ")") && strings.Contains(prefix, "("):
		open := strings.LastIndex(prefix, "(")
		extra = strings.TrimSpace(prefix[open+1 : len(prefix)-1])
		prefix = strings.TrimSpace(prefix[:open])
	case strings.Contains(prefix, ","):
		comma := strings.Index(prefix, ",")
		extra = strings.TrimSpace(prefix[comma+1:])
		prefix = strings.TrimSpace(prefix[:comma])
		if extra == "" {
			return "", "", false
		}
	}
	if !isPlaceName(prefix) {
		return "", "", false
	}
	if extra == "" {
		return prefix, "", true
	}
	words := strings.Fields(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(extra))
	if len(words) > 5 {
		return "", "", false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.Contains(strings.ToLower(w), ".com") {
			return "", "", false
		}
	}
	if len(words) == 1 && isOutletName(words[0]) {
		return prefix, words[0], true
	}
	return prefix, "", true
}

// isPlaceName reports whether s looks like a dateline city: one to three
// capitalised words of letters.
func isPlaceName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 || len(s) > 40 {
		return false
	}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' && r != '-' {
				return false
			}
		}
	}
	return true
}

// isOutletName reports whether w can name an outlet in a dateline: a
// capitalised word (or a domain such as "KOMPAS.com") that is not a
// place, weekday or month.
func isOutletName(w string) bool {
	lower := strings.ToLower(w)
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) && !strings.Contains(lower, ".com") {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '&' {
			return false
		}
	}
	return !isDigits(w) && !isKnownPlace(lower) && !isWeekday(lower) && lexicon.MonthNumber(lower) == 0
}

// isKnownPlace reports whether a lower-case word names a country, state or
// region that follows a city in datelines ("Austin, Texas –").
func isKnownPlace(w string) bool {
	switch w {
	case "indonesia", "malaysia", "singapura", "singapore", "thailand", "filipina",
		"philippines", "vietnam", "kamboja", "cambodia", "laos", "myanmar", "brunei",
		"timor-leste", "rusia", "russia", "ukraina", "ukraine", "belarus", "china",
		"tiongkok", "taiwan", "jepang", "japan", "korea", "korut", "korsel", "mongolia",
		"india", "pakistan", "bangladesh", "nepal", "afghanistan", "iran", "irak", "iraq",
		"suriah", "syria", "israel", "palestina", "palestine", "gaza", "lebanon", "libanon",
		"yordania", "jordan", "turki", "turkey", "türkiye", "mesir", "egypt", "qatar",
		"arab", "yaman", "yemen", "inggris", "britain", "england", "uk", "u.k.", "skotlandia",
		"scotland", "irlandia", "ireland", "prancis", "perancis", "france", "jerman",
		"germany", "italia", "italy", "spanyol", "spain", "portugal", "belanda",
		"netherlands", "belgia", "belgium", "swiss", "switzerland", "austria", "polandia",
		"poland", "swedia", "sweden", "norwegia", "norway", "finlandia", "finland",
		"denmark", "yunani", "greece", "hungaria", "hungary", "ceko", "rumania", "romania",
		"georgia", "armenia", "azerbaijan", "kazakhstan", "amerika", "america", "as", "us",
		"u.s.", "usa", "kanada", "canada", "meksiko", "mexico", "brasil", "brazil",
		"argentina", "chile", "kolombia", "colombia", "venezuela", "kuba", "cuba", "peru",
		"australia", "selandia", "zealand", "afrika", "africa", "nigeria", "kenya",
		"ethiopia", "sudan", "eropa", "europe", "asia",
		// Indonesian provinces and US states written as one word.
		"aceh", "bali", "banten", "bengkulu", "gorontalo", "jambi", "lampung", "papua",
		"riau", "maluku", "yogyakarta", "diy", "dki", "jatim", "jateng", "jabar",
		"alabama", "alaska", "arizona", "arkansas", "california", "colorado",
		"connecticut", "delaware", "florida", "hawaii", "idaho", "illinois", "indiana",
		"iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
		"michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
		"ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah",
		"vermont", "virginia", "washington", "wisconsin", "wyoming", "d.c.", "calif.",
		"fla.", "mass.", "n.y.", "ill.", "pa.", "va.", "wash.":
		return true
	}
	return false
}

// normaliseLang reduces a stated language tag ("id-ID", "en_US") to its
// primary subtag.
func normaliseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "in", "ind", "indonesian", "bahasa":
		return "id"
	case "eng", "english":
		return "en"
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// normaliseDate turns a stated publication date into yyyy-mm-dd when it
// contains a full date, and otherwise keeps it as stated.
func normaliseDate(s string) string {
	s = strings.TrimSpace(s)
	if iso, _, _, ok := findDate(s); ok {
		return iso
	}
	return s
}

var (
	isoDateRE     = regexp.MustCompile(`(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})(?:[^\d]|$)`)
	numericDateRE = regexp.MustCompile(`(?:^|[^\d/.\-])(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4})(?:[^\d]|$)`)
	dayMonthRE    = regexp.MustCompile(`(?:^|[^\pL\d])(\d{1,2})\s+(\pL{3,10})\.?,?\s+(\d{4})(?:[^\d]|$)`)
	monthDayRE    = regexp.MustCompile(`(?:^|[^\pL\d])(\pL{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[^\d]|$)`)
)

// findDate finds the first full calendar date in s, written as 2025-07-14,
// 14/07/2025, 14 Juli 2025, 27 Okt 2025 or July 14, 2025. It returns the
// date as yyyy-mm-dd and the byte range of s it was read from.
func findDate(s string) (iso string, start, end int, ok bool) {
	if !hasYearDigits(s) {
		return "", 0, 0, false
	}
	start = -1
	consider := func(pos, stop, y, m, d int) {
		if start >= 0 && pos >= start {
			return
		}
		if date, valid := isoDate(y, m, d); valid {
			iso, start, end = date, pos, stop
		}
	}
	for _, g := range isoDateRE.FindAllStringSubmatchIndex(s, -1) {
		consider(g[2], g[7], atoi(s[g[2]:g[3]]), atoi(s[g[4]:g[5]]), atoi(s[g[6]:g[7]]))
	}
	for _, g := range numericDateRE.FindAllStringSubmatchIndex(s, -1) {
		if s[g[4]:g[5]] != s[g[8]:g[9]] {
			continue
		}
		a, b, y := atoi(s[g[2]:g[3]]), atoi(s[g[6]:g[7]]), atoi(s[g[10]:g[11]])
		if b > 12 && a <= 12 {
			a, b = b, a // month/day/year
		}
		consider(g[2], g[11], y, b, a)
	}
	for _, g := range dayMonthRE.FindAllStringSubmatchIndex(s, -1) {
		consider(g[2], g[7], atoi(s[g[6]:g[7]]), lexicon.MonthNumber(strings.ToLower(s[g[4]:g[5]])), atoi(s[g[2]:g[3]]))
	}
	for _, g := range monthDayRE.FindAllStringSubmatchIndex(s, -1) {
		consider(g[2], g[7], atoi(s[g[6]:g[7]]), lexicon.MonthNumber(strings.ToLower(s[g[2]:g[3]])), atoi(s[g[4]:g[5]]))
	}
	return iso, start, end, start >= 0
}

// hasYearDigits reports whether s holds four ASCII digits in a row, as
// every date findDate reads does (its year; \d is ASCII in Go's regexp):
// most lines with a figure have none, and the four patterns were a
// twentieth of indexing time.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			if run++; run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// isoDate formats a calendar date, rejecting impossible ones (31 Feb).
func isoDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

func isWeekday(w string) bool {
	switch w {
	case "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}
