package retrieval

import (
	"github.com/kabar-bot/kabar/lexicon"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind says what a line of article text is. Scraped articles carry the
// page furniture around them (share buttons, "read also" links, photo
// credits, bylines); those lines are kept in Document.Text so offsets stay
// stable, but must never be retrieved or quoted as reporting.
type lineKind int

const (
	lineContent    lineKind = iota
	lineReadAlso            // "MEMBACA …", "Baca juga:", "Read more"
	lineShare               // "Klik di sini untuk membagikan …", "share2"
	lineNavigation          // "Cerita Rekomendasi", "list of 3 items", "Advertisement"
	lineCredit              // "Kantor Berita Pusat Korea via AP", "Foto: Antara"
	lineByline              // "Yati Maulana | Senin, 14/07/2025 09:05 WIB", "Diterbitkan Pada 27 Okt 2025"
	lineLabel               // "• News": a one- or two-word section label
)

// classifyLine classifies one trimmed line of article text.
func classifyLine(line string) lineKind {
	line = strings.TrimSpace(line)
	switch {
	case line == "":
		return lineNavigation
	case isAdornment(line):
		// A reST or plain-text rule ("=====", "-----") is layout.
		return lineNavigation
	case isMarkdownHeading(line):
		// A heading is part of the article's structure, however short.
		return lineContent
	case isReadAlso(line):
		return lineReadAlso
	case isShare(line):
		return lineShare
	case isNavigation(line):
		return lineNavigation
	case isCredit(line):
		return lineCredit
	case isByline(line):
		return lineByline
	case isLabel(line):
		return lineLabel
	}
	return lineContent
}

func isMarkdownHeading(line string) bool {
	return strings.HasPrefix(line, "#")
}

// readAlsoUpper are link-teaser markers written in capitals; matched
// case-sensitively because "Membaca" is also an ordinary Indonesian verb.
func readAlsoUpper() []string {
	return []string{
		"MEMBACA JUGA", "MEMBACA", "BACA JUGA", "BACA", "LIHAT JUGA", "SIMAK JUGA",
		"READ MORE", "READ ALSO", "ALSO READ", "READ", "SEE ALSO", "RELATED",
	}
}

// readAlsoAnyCase are teaser markers unlikely to open a real sentence.
func readAlsoAnyCase() []string {
	return []string{
		"baca juga", "baca selengkapnya", "lihat juga", "simak juga", "read more",
		"read also", "also read", "see also", "related:", "baca:", "read:",
	}
}

func isReadAlso(line string) bool {
	for _, p := range readAlsoUpper() {
		if strings.HasPrefix(line, p) && endsWord(line[len(p):]) {
			return true
		}
	}
	lower := strings.ToLower(prefix(line, 32))
	for _, p := range readAlsoAnyCase() {
		if strings.HasPrefix(lower, p) && endsWord(lower[len(p):]) {
			return true
		}
	}
	return false
}

// endsWord reports whether rest (the text after a matched prefix) starts
// at a word boundary.
func endsWord(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

var shareWordRE = regexp.MustCompile(`^(?i:share|bagikan|sharing|tweet|whatsapp|facebook|twitter|email|copy link|salin tautan)\d*$`)

func isShare(line string) bool {
	lower := strings.ToLower(prefix(line, 32))
	for _, p := range []string{
		"klik di sini untuk membagikan", "click here to share", "share this",
		"share on ", "bagikan artikel", "bagikan ke ", "bagikan di ", "bagikan melalui",
	} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return len(line) <= 32 && shareWordRE.MatchString(line)
}

// prefix returns at most the first n bytes of s: enough to match the
// markers above without copying a long paragraph.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

var listMarkerRE = regexp.MustCompile(`^(?i:list of \d+ items?|end of list)$`)

func isNavigation(line string) bool {
	if len(line) > 64 {
		return false
	}
	if listMarkerRE.MatchString(line) {
		return true
	}
	switch strings.ToLower(strings.TrimRight(line, " :")) {
	case "cerita rekomendasi", "recommended stories", "recommended", "berita terkait",
		"artikel terkait", "berita lainnya", "topik terkait", "related stories",
		"related articles", "related news", "more stories", "advertisement",
		"iklan", "scroll to continue", "scroll untuk melanjutkan",
		"scroll to continue with content", "lanjutkan membaca", "continue reading",
		"tonton video", "watch video", "ikuti kami", "follow us", "tags", "tag",
		"editor's picks", "pilihan editor", "terpopuler", "most read":
		return true
	}
	return false
}

// isCredit reports whether s is a photo credit: a labelled credit
// ("Foto: …"), a short run of capitalised words ending "via <agency>" or
// "melalui <agency>" ("Kantor Berita Pusat Korea via AP"), or an agency and
// photographer ("REUTERS/Kim Hong-Ji"). A sentence with lower-case words
// before the agency is never a credit, so "Data itu dirilis melalui
// Reuters." stays content.
func isCredit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 150 {
		return false
	}
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "("), ")"))
	// Every sentence of every article comes here: only as many runes as
	// the longest label are lower-cased (each rune lower-cases to a byte
	// or more, so no label can reach past them), and the words are split
	// out only when there are few enough of them to be a credit.
	labels := [...]string{"foto:", "foto :", "photo:", "image:", "gambar:", "credit:", "kredit:", "sumber foto:", "sumber gambar:", "photo credit:"}
	longest := 0
	for _, p := range labels {
		longest = max(longest, len(p))
	}
	lower := strings.ToLower(runePrefix(inner, longest))
	for _, p := range labels {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	inner = strings.TrimSuffix(inner, ".")
	if fieldCount(inner) > 12 {
		return false
	}
	words := strings.Fields(inner)
	if len(splitSentences(inner, 0, len(inner))) > 1 {
		return false // a caption sentence followed by a credit is not all credit
	}
	for n := 1; n <= 2 && n < len(words); n++ {
		prep := len(words) - n - 1
		if isAgency(strings.Join(words[prep+1:], " ")) && isCreditPreposition(words[prep]) && allCapitalised(words[:prep]) {
			return true
		}
	}
	if len(words) <= 8 {
		for n := 1; n <= 2 && n <= len(words); n++ {
			head := strings.Join(words[:n], " ")
			if i := strings.IndexByte(head, '/'); i > 0 && isAgency(head[:i]) {
				return true
			}
		}
	}
	return false
}

// runePrefix is s's first n runes (all of s when it has fewer).
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// fieldCount is len(strings.Fields(s)), without building the slice.
func fieldCount(s string) int {
	n := 0
	inField := false
	for _, r := range s {
		if space := r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r); space {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
	}
	return n
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

func isCreditPreposition(w string) bool {
	switch strings.ToLower(w) {
	case "via", "melalui", "lewat":
		return true
	}
	return false
}

// allCapitalised reports whether every word is capitalised, as in the
// names of agencies and photographers, allowing lower-case connectors.
func allCapitalised(words []string) bool {
	for _, w := range words {
		switch w {
		case "dan", "and", "of", "de", "&", "/", "-", "–":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isAgency reports whether name is a news or photo agency that shows up in
// photo credits.
func isAgency(name string) bool {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "ap", "ap photo", "associated press", "reuters", "afp", "afp photo", "epa",
		"epa-efe", "efe", "getty", "getty images", "antara", "antara foto", "xinhua",
		"kcna", "yonhap", "kyodo", "sputnik", "tass", "ria novosti", "bloomberg",
		"anadolu", "anadolu agency", "shutterstock", "istock", "pool", "handout",
		"bernama", "ani", "pti", "nhk", "kompas", "tempo":
		return true
	}
	return false
}

// isLabel reports whether line is a one- or two-word section label such as
// "• News": too short to carry a claim, and not a sentence.
func isLabel(line string) bool {
	s := strings.TrimLeft(line, "•·▪►■▶*-–—|> ")
	s = strings.TrimSpace(strings.TrimSuffix(s, ":"))
	if s == "" {
		return true
	}
	if len(s) > 40 || len(strings.Fields(s)) > 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !isTerminator(last)
}

// publishLabels open a line that states when an article was published.
func publishLabels() []string {
	return []string{
		"diterbitkan pada", "diterbitkan", "dipublikasikan pada", "dipublikasikan",
		"dipublikasi", "terbit pada", "terbit", "published on", "published", "posted on",
		"posted", "tanggal", "date:", "last updated", "updated", "diperbarui", "diupdate",
	}
}

// isMonthYear reports whether s is a month name and a year: "March 2024",
// "Okt. 2025".
func isMonthYear(s string) bool {
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	return len(f) == 2 && lexicon.MonthNumber(strings.ToLower(strings.TrimSuffix(f[0], "."))) != 0 &&
		len(f[1]) == 4 && isDigits(f[1])
}

// updateLabels open a line that states when an article was last changed:
// a byline, but not the publication date.
func updateLabels() []string {
	return []string{"diperbarui", "updated", "last updated", "diupdate"}
}

// bylineDate reports whether line is a byline or date line, and the
// publication date it states ("" when it states none).
func bylineDate(line string) (published string, ok bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 160 {
		return "", false
	}
	lower := strings.ToLower(line)
	isUpdate := hasAnyPrefix(lower, updateLabels())
	if iso, start, end, found := findDate(line); found {
		rest := line[:start] + " " + line[end:]
		if leftoverIsName(rest) {
			if isUpdate {
				return "", true
			}
			return iso, true
		}
		return "", false
	}
	// A label followed by a month and year ("Published March 2024") states
	// a date, if not a day. A label with no date after it ("Tanggal merah
	// dan cuti bersama", "Tanggal dan Waktu Sistem") is a heading or a
	// sentence, not a byline: nothing is published "on" it.
	if label := matchedPrefix(lower, publishLabels()); label != "" {
		if rest := strings.Trim(line[len(label):], " :,-–—|"); isMonthYear(rest) {
			if isUpdate {
				return "", true
			}
			return rest, true
		}
	}
	return "", isAuthorLine(line)
}

func isByline(line string) bool {
	_, ok := bylineDate(line)
	return ok
}

// leftoverIsName reports whether what remains of a date line once the date
// is removed is only times, weekdays, labels and at most a short name.
func leftoverIsName(rest string) bool {
	tokens := strings.FieldsFunc(rest, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|,-–—/()·•[]", r)
	})
	var name int
	for _, tok := range tokens {
		tok = strings.TrimSuffix(tok, ":")
		lower := strings.ToLower(tok)
		switch {
		case tok == "", isTimeToken(tok), isTimeZone(tok), isWeekday(lower), isDateLabelWord(lower), isDigits(tok):
			continue
		}
		r, _ := utf8.DecodeRuneInString(tok)
		if !unicode.IsUpper(r) {
			return false
		}
		name++
	}
	return name <= 4
}

// isAuthorLine reports whether line is a byline without a date:
// "Oleh: Yati Maulana", "By Jane Doe", "Reporter: …".
func isAuthorLine(line string) bool {
	fields := strings.Fields(line)
	if len(fields) < 2 || len(fields) > 8 {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(fields[0], ":")) {
	case "oleh", "by", "penulis", "reporter", "editor", "pewarta", "redaktur", "author":
	default:
		return false
	}
	for _, f := range fields[1:] {
		if f == ":" || f == "|" || f == "," || f == "&" || f == "and" || f == "dan" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

var timeTokenRE = regexp.MustCompile(`^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$`)

func isTimeToken(s string) bool { return timeTokenRE.MatchString(s) }

func isTimeZone(s string) bool {
	switch strings.ToUpper(strings.TrimRight(s, "+-0123456789:")) {
	case "WIB", "WITA", "WIT", "GMT", "UTC", "ET", "EST", "EDT", "PT", "PST", "PDT",
		"BST", "CET", "CEST", "KST", "JST", "MSK", "AM", "PM", "A.M.", "P.M.":
		return true
	}
	return false
}

func isDateLabelWord(s string) bool {
	switch s {
	case "diterbitkan", "dipublikasikan", "dipublikasi", "terbit", "pada", "published",
		"posted", "on", "at", "updated", "diperbarui", "diupdate", "last", "tanggal",
		"date", "pukul", "jam", "oleh", "by", "penulis", "reporter", "editor", "pewarta":
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func hasAnyPrefix(s string, prefixes []string) bool {
	return matchedPrefix(s, prefixes) != ""
}

// matchedPrefix returns the first of prefixes that s starts with as a
// whole word, or "".
func matchedPrefix(s string, prefixes []string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) && (strings.HasSuffix(p, ":") || endsWord(s[len(p):])) {
			return p
		}
	}
	return ""
}
