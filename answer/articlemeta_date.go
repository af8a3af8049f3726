package answer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
)

// askedDate is a publication date a question describes an article by
// ("the monday 14 july article", "artikel 27 okt"); zero fields are
// unsaid.
type askedDate struct {
	day, month, year int
	weekday          string // English day name, "" when unsaid
}

func (d askedDate) empty() bool { return d.day == 0 && d.month == 0 && d.weekday == "" }

var (
	dayMonthAskRE = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(\pL{3,10})\.?(?:,?\s+(\d{4}))?\b`)
	monthDayAskRE = regexp.MustCompile(`\b(\pL{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	wordRE        = regexp.MustCompile(`\pL+`)
)

// dateInQuestion reads the date a question describes its article by, and
// returns the question without it (its words would otherwise be searched
// for in the articles' text, where a date line writes 14/07/2025).
func dateInQuestion(q string) (askedDate, string) {
	var d askedDate
	for _, re := range []*regexp.Regexp{dayMonthAskRE, monthDayAskRE} {
		m := re.FindStringSubmatchIndex(q)
		if m == nil {
			continue
		}
		dayG, monthG := 2, 4
		if re == monthDayAskRE {
			dayG, monthG = 4, 2
		}
		month := lexicon.MonthNumber(strings.ToLower(q[m[monthG]:m[monthG+1]]))
		if month == 0 {
			continue
		}
		d.day, _ = strconv.Atoi(q[m[dayG]:m[dayG+1]])
		d.month = month
		if m[6] >= 0 {
			d.year, _ = strconv.Atoi(q[m[6]:m[7]])
		}
		q = q[:m[0]] + " " + q[m[1]:]
		break
	}
	for _, loc := range wordRE.FindAllStringIndex(q, -1) {
		if en := lexicon.WeekdayEN(strings.ToLower(q[loc[0]:loc[1]])); en != "" {
			d.weekday = en
			q = q[:loc[0]] + " " + q[loc[1]:]
			break
		}
	}
	return d, q
}

// matches reports whether an article published on iso (yyyy-mm-dd) fits
// the date; ok is false when either is unknown.
func (d askedDate) matches(iso string) (match, ok bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil || d.empty() {
		return false, false
	}
	if d.day != 0 && (t.Day() != d.day || int(t.Month()) != d.month) {
		return false, true
	}
	if d.year != 0 && t.Year() != d.year {
		return false, true
	}
	if d.weekday != "" && t.Weekday().String() != d.weekday {
		return false, true
	}
	return true, true
}

var (
	monthsID   = [...]string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	weekdaysID = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
)

// publicationDate writes a yyyy-mm-dd date with its day of the week in the
// answer's language: "Monday, 14 July 2025", "Senin, 14 Juli 2025".
func publicationDate(iso, lang string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	if lang == "id" {
		return fmt.Sprintf("%s, %d %s %d", weekdaysID[t.Weekday()], t.Day(), monthsID[t.Month()], t.Year())
	}
	return fmt.Sprintf("%s, %d %s %d", t.Weekday(), t.Day(), t.Month(), t.Year())
}

// timeIn writes a stated time of day the answer's language's way: 09.05
// in Indonesian, 09:05 in English.
func timeIn(stated, lang string) string {
	sep := "$1:$2"
	if lang == "id" {
		sep = "$1.$2"
	}
	return clockRE.ReplaceAllString(stated, sep)
}

var clockRE = regexp.MustCompile(`^(\d{1,2})[:.](\d{2})`)
