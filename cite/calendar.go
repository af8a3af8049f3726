package cite

import (
	"strconv"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// markCalendar reads the dates and clock times a passage writes in
// figures, as news bylines do ("Senin, 14/07/2025 09:05 WIB"), so that a
// claim writing them in words meets them: the month of a day/month/year
// date is that month ("14 Juli 2025" meets "14/07/2025"), and an hour and
// minute joined by a colon are the time a claim writes with a dot
// ("pukul 09.05" meets "09:05"). A month name, or a capitalised month
// abbreviation after a day ("27 Okt 2025"), is its month too.
func markCalendar(text string, toks []token) {
	between := func(i int) string {
		if i+1 >= len(toks) || toks[i].End > toks[i+1].Start || toks[i+1].Start > len(text) {
			return ""
		}
		return text[toks[i].End:toks[i+1].Start]
	}
	for i := range toks {
		t := &toks[i]
		if !t.Num {
			if m := lexicon.MonthNumber(t.Norm); m > 0 && (lexicon.IsMonthName(t.Norm) || t.Upper && i > 0 && toks[i-1].Num) {
				t.month = m
			}
			continue
		}
		if i+2 < len(toks) && toks[i+1].Num && toks[i+2].Num && between(i) == "/" && between(i+1) == "/" {
			d, m, y := figure(toks[i].Norm), figure(toks[i+1].Norm), figure(toks[i+2].Norm)
			if d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && len(toks[i+2].Norm) == 4 {
				toks[i+1].month = m
			}
		}
		if i+1 < len(toks) && toks[i+1].Num && between(i) == ":" && len(toks[i+1].Norm) == 2 {
			if h, m := figure(t.Norm), figure(toks[i+1].Norm); h >= 0 && h < 24 && m >= 0 && m < 60 {
				t.clock = float64(h) + float64(m)/100
			}
		}
	}
}

// figure is the integer a token of digits writes, or -1.
func figure(s string) int {
	n, err := strconv.Atoi(strings.TrimLeft(s, "0"))
	if s != "" && strings.Trim(s, "0") == "" {
		return 0
	}
	if err != nil {
		return -1
	}
	return n
}

// monthSpans are the tokens of toks that give the month a claim's
// month name names.
func monthSpans(k concept, toks []token) [][2]int {
	m := lexicon.MonthNumber(strings.ToLower(k.Surface))
	if m == 0 {
		return nil
	}
	var out [][2]int
	for j, t := range toks {
		if t.month == m {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}

// clockMatches reports whether token t is the clock time a claim's
// figure with a fraction ("09.05") writes.
func clockMatches(k concept, t token) bool {
	return k.parsed && t.clock > 0 && k.value == t.clock
}

// clockWords introduce a time of day ("pukul 09.05", "jam 10.00"); the
// figure after them is the time, which the number check reads, and a
// byline writes it without them ("09:05 WIB").
var clockWords = map[string]bool{"pukul": true, "jam": true}

// clockWord reports whether low is a clock word followed in the claim by
// a figure.
func clockWord(toks []lexicon.Token, low string) bool {
	if !clockWords[low] {
		return false
	}
	for j := 0; j+1 < len(toks); j++ {
		if toks[j].Norm == low && toks[j+1].Num {
			return true
		}
	}
	return false
}

// dayNoun reports "hari" before a weekday ("hari Minggu"): Indonesian
// may write the weekday with its noun or without it ("hingga Minggu"),
// so the noun is part of the date, not a word the passage must repeat.
func dayNoun(toks []lexicon.Token, low string) bool {
	if low != "hari" {
		return false
	}
	for j := 0; j+1 < len(toks); j++ {
		if toks[j].Norm == low && toks[j+1].Upper && lexicon.IsCalendarWord(toks[j+1].Norm) {
			return true
		}
	}
	return false
}
