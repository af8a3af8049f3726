package timeline

import (
	"strconv"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Kind is the shape of a date expression.
type Kind int

// Kinds of date expression.
const (
	KindFull      Kind = iota + 1 // "12 Juli 2025", "June 17th, 1996", "14/07/2025"
	KindYearMonth                 // "Februari 2022", "August-December 1993"
	KindYear                      // "pada tahun 2024", "in 1993"
	KindDayMonth                  // "3 September": the year comes from the reference
	KindMonth                     // "pada bulan Juni", "in June"
	KindMonthLast                 // "November lalu", "last November": strictly before the reference
	KindWeekday                   // "pada hari Sabtu", "on Saturday"
	KindRelYear                   // "tahun lalu" (Offset -1), "tahun ini" (0), "next year" (+1)
	KindRelMonth                  // "bulan lalu" (-1), "awal bulan ini" (0)
	KindRelDay                    // "kemarin" (-1), "hari ini" (0), "besok" (+1), "tiga hari lalu" (-3): from a publication date only
)

// Mention is one date expression of a text. Start and End are byte
// offsets into the text searched; Year, Month, Day are 0 when the text
// does not state them; Weekday is -1 unless a day name is part of it.
type Mention struct {
	Start, End       int
	Kind             Kind
	Year, Month, Day int
	Weekday          int
	Offset           int
	// Span is how many days after the date the expression runs on: 2
	// for "11–13 Juli 2025" and for "dari Jumat hingga Minggu", 0 for a
	// single day.
	Span int
	// Until says the expression ends a stretch of time ("hingga Minggu",
	// "until Sunday"): the date is the last day of what the sentence
	// tells.
	Until bool
	// Or is the other month of "pada Juli atau Agustus": the text gives
	// no one month, so the date resolves to their year only.
	Or int
}

// Absolute reports a mention that needs no reference date.
func (m Mention) Absolute() bool {
	return m.Kind == KindFull || m.Kind == KindYearMonth || m.Kind == KindYear
}

// FindMentions returns the date expressions of text in order. Weekday
// names count only capitalised and not followed by "depan", "lalu" or
// "ini" (Indonesian "minggu" is also "week": "minggu depan" is next week).
// A bare number counts as a year only after "tahun", "pada", "in",
// "since", "sejak", "of" or "until": "rencana pertukaran 2026-2027" names
// a plan, not a date.
func FindMentions(text string) []Mention {
	toks := lexicon.Tokenize(text)
	var out []Mention
	for i := 0; i < len(toks); {
		if m, n := mentionAt(text, toks, i); n > 0 {
			if i > 0 && isUntilWord(toks[i-1].Norm) && !toks[i-1].Upper || i > 1 && isEndWord(toks[i-2].Norm) && (toks[i-1].Norm == "on" || toks[i-1].Norm == "pada") {
				m.Until = true // "hingga Minggu", "ends on Sunday", "berakhir pada Minggu"
			}
			out = append(out, m)
			i += n
			continue
		}
		i++
	}
	return joinRanges(text, out)
}

// isUntilWord introduces the last day of a stretch of time.
func isUntilWord(w string) bool {
	switch w {
	case "hingga", "sampai", "until", "till", "through":
		return true
	}
	return false
}

// isEndWord says what ends ("berakhir pada", "ends on").
func isEndWord(w string) bool {
	switch w {
	case "berakhir", "ends", "ended", "ending", "end":
		return true
	}
	return false
}

// joinRanges joins two day names that make one stretch ("dari Jumat
// hingga Minggu", "from Friday to Sunday", "Jumat-Minggu") into one
// mention of the first day with the span to the second.
func joinRanges(text string, ms []Mention) []Mention {
	var out []Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		// "between August and December of 1993", "from 21 July to 5 August
		// 2018", "from July 18th to July 20th 2003": the start of a range
		// takes the year its end states.
		if i+1 < len(ms) && (m.Kind == KindMonth && ms[i+1].Kind == KindYearMonth || m.Kind == KindDayMonth && (ms[i+1].Kind == KindFull || ms[i+1].Kind == KindDayMonth)) {
			n := ms[i+1]
			gap := strings.ToLower(strings.TrimSpace(text[m.End:n.Start]))
			if gap == "-" || gap == "–" || gap == "to" || gap == "and" || gap == "dan" || gap == "through" || gap == "until" || gap == "hingga" || gap == "sampai" {
				if m.Kind == KindMonth && m.Month <= n.Month {
					m.Kind, m.Year = KindYearMonth, n.Year
				}
				if m.Kind == KindDayMonth && (m.Month < n.Month || m.Month == n.Month && m.Day < n.Day) && (n.Kind == KindDayMonth || validDay(n.Year, m.Month, m.Day)) {
					if n.Kind == KindFull {
						m.Kind, m.Year = KindFull, n.Year
					}
					// Days between the two in a leap year; the same in any
					// year unless the stretch crosses 29 February.
					y := 2000
					if n.Kind == KindFull {
						y = n.Year
					}
					m.Span = int(Date{Year: y, Month: n.Month, Day: n.Day, Prec: Day}.Time().Sub(Date{Year: y, Month: m.Month, Day: m.Day, Prec: Day}.Time()).Hours() / 24)
					m.End = n.End
					out = append(out, m)
					i++
					continue
				}
			}
		}
		if i+1 < len(ms) && m.Kind == ms[i+1].Kind && (m.Kind == KindMonth || m.Kind == KindYearMonth) {
			if gap := strings.ToLower(strings.TrimSpace(text[m.End:ms[i+1].Start])); gap == "atau" || gap == "or" {
				m.Or, m.End = ms[i+1].Month, ms[i+1].End
				if m.Kind == KindYearMonth && ms[i+1].Year != m.Year {
					m.Or = 0
					m.Kind, m.Month = KindYear, 0 // "December 2024 or January 2025": neither year is the date
					i++
					continue
				}
				out = append(out, m)
				i++
				continue
			}
		}
		if i+1 < len(ms) && m.Kind == KindWeekday && ms[i+1].Kind == KindWeekday {
			n := ms[i+1]
			gap := strings.TrimSpace(text[m.End:n.Start])
			if gap == "-" || gap == "–" || gap == "to" || isUntilWord(strings.ToLower(gap)) {
				m.Span = (n.Weekday - m.Weekday + 7) % 7
				m.End = n.End
				out = append(out, m)
				i++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// mentionAt reads a date expression starting at token i; n is the number
// of tokens it spans (0: none).
func mentionAt(text string, toks []lexicon.Token, i int) (Mention, int) {
	if i >= len(toks) {
		return Mention{Weekday: -1}, 0
	}
	t := toks[i]
	at := func(k int) (lexicon.Token, bool) {
		if k < len(toks) {
			return toks[k], true
		}
		return lexicon.Token{}, false
	}
	span := func(m Mention, first, last int) (Mention, int) {
		m.Start, m.End = toks[first].Start, toks[last].End
		return m, last - first + 1
	}
	none := Mention{Weekday: -1}

	// A day name, alone or heading a full date: "Sabtu, 12 Juli 2025".
	if wd := weekdayNumber(t.Norm); wd >= 0 && t.Upper {
		if nx, ok := at(i + 1); ok && (nx.Norm == "lalu" || nx.Norm == "kemarin") {
			// "Rabu lalu": the last Wednesday before the reference day.
			m := none
			m.Kind, m.Weekday, m.Offset = KindWeekday, wd, -1
			return span(m, i, i+1)
		}
		if nx, ok := at(i + 1); ok && (isNextWord(nx.Norm) || isPastWord(nx.Norm) || isThisWord(nx.Norm)) {
			return none, 0
		}
		// "Sabtu, 12 Juli 2025", and the Indonesian press's "Sabtu
		// (23/11/2024)" and "Senin (14/7)".
		if m, n := mentionAt(text, toks, i+1); n > 0 && (m.Kind == KindFull || m.Kind == KindDayMonth) && (tight(text, t, toks[i+1]) || strings.TrimSpace(text[t.End:toks[i+1].Start]) == "(") {
			m.Weekday = wd
			m.Start = t.Start
			if strings.HasPrefix(text[m.End:], ")") {
				m.End++
			}
			return m, n + 1
		}
		m := none
		m.Kind, m.Weekday = KindWeekday, wd
		return span(m, i, i)
	}

	if t.Num {
		day, isDay := smallNumber(t, 1, 31)
		// 14/07/2025
		if isDay {
			if mo, ok := at(i + 1); ok && between(text, t, mo, "/") {
				if y, ok := at(i + 2); ok && between(text, mo, y, "/") {
					month, okM := smallNumber(mo, 1, 12)
					year, okY := yearNumber(y)
					if okM && okY && validDay(year, month, day) {
						m := none
						m.Kind, m.Year, m.Month, m.Day = KindFull, year, month, day
						return span(m, i, i+2)
					}
				}
				// "(14/7)": day and month in parentheses, the press's
				// short form (a bare "1/2" is a fraction).
				if month, okM := smallNumber(mo, 1, 12); okM && validDay(2000, month, day) &&
					strings.HasSuffix(strings.TrimSpace(text[:t.Start]), "(") && strings.HasPrefix(text[mo.End:], ")") {
					m := none
					m.Kind, m.Month, m.Day = KindDayMonth, month, day
					return span(m, i, i+1)
				}
			}
		}
		// 12 Juli 2025, 3 September, 17th of June; 11–13 Juli 2025
		if isDay {
			j := i + 1
			extra := 0
			if nx, ok := at(j); ok && between(text, t, nx, "-–") {
				if d2, ok2 := smallNumber(nx, 1, 31); ok2 && d2 > day {
					if mo, ok := at(j + 1); ok && lexicon.MonthNumber(mo.Norm) > 0 {
						extra = d2 - day
						j++
					}
				}
			}
			// "from 8 to 14 July 2012", "11 hingga 13 Juli"
			if nx, ok := at(j); ok && extra == 0 && (nx.Norm == "to" || isUntilWord(nx.Norm)) && !nx.Upper {
				if d2t, ok := at(j + 1); ok {
					if d2, ok2 := smallNumber(d2t, 1, 31); ok2 && d2 > day {
						if mo, ok := at(j + 2); ok && lexicon.MonthNumber(mo.Norm) > 0 {
							extra = d2 - day
							j += 2
						}
					}
				}
			}
			if nx, ok := at(j); ok && isOrdinalSuffix(nx.Norm) && nx.Start == t.End {
				j++
			}
			if mo, ok := at(j); ok && lexicon.MonthNumber(mo.Norm) > 0 {
				month := lexicon.MonthNumber(mo.Norm)
				if y, ok := at(j + 1); ok {
					if year, okY := yearNumber(y); okY && validDay(year, month, day+extra) && tight(text, mo, y) {
						m := none
						m.Kind, m.Year, m.Month, m.Day, m.Span = KindFull, year, month, day, extra
						return span(m, i, j+1)
					}
				}
				if validDay(2000, month, day+extra) { // 2000 is a leap year: 29 February is a day
					m := none
					m.Kind, m.Month, m.Day, m.Span = KindDayMonth, month, day, extra
					return span(m, i, j)
				}
			}
		}
		// in 1993, tahun 2024, since 2005; not "the late 1980s"
		if year, ok := yearNumber(t); ok && i > 0 && yearIntroducer(toks[i-1].Norm) && !decade(text, t) {
			if nx, ok := at(i + 1); ok && nx.Num && between(text, t, nx, "-") {
				return none, 0 // a span of years: "2026-2027"
			}
			m := none
			m.Kind, m.Year = KindYear, year
			return span(m, i, i)
		}
		return none, 0
	}

	if month := lexicon.MonthNumber(t.Norm); month > 0 {
		full := lexicon.IsMonthName(t.Norm)
		// June 17th, 1996 / July 12, 2025 / July 12
		if d, ok := at(i + 1); ok {
			if day, isDay := smallNumber(d, 1, 31); isDay {
				j := i + 2
				extra := 0 // July 11–13
				if nx, ok := at(j); ok && between(text, d, nx, "-–") {
					if d2, ok2 := smallNumber(nx, 1, 31); ok2 && d2 > day {
						extra = d2 - day
						j++
					}
				}
				if nx, ok := at(j); ok && isOrdinalSuffix(nx.Norm) && nx.Start == toks[j-1].End {
					j++
				}
				if y, ok := at(j); ok {
					if year, okY := yearNumber(y); okY && validDay(year, month, day+extra) {
						m := none
						m.Kind, m.Year, m.Month, m.Day, m.Span = KindFull, year, month, day, extra
						return span(m, i, j)
					}
				}
				if full && validDay(2000, month, day+extra) {
					if _, isYear := yearNumber(d); !isYear {
						m := none
						m.Kind, m.Month, m.Day, m.Span = KindDayMonth, month, day, extra
						return span(m, i, j-1)
					}
				}
			}
			// January of 1999
			if d.Norm == "of" {
				if y, ok := at(i + 2); ok {
					if year, okY := yearNumber(y); okY && !decade(text, y) {
						m := none
						m.Kind, m.Year, m.Month = KindYearMonth, year, month
						return span(m, i, i+2)
					}
				}
			}
			// Februari 2022
			if year, okY := yearNumber(d); okY && tight(text, t, d) && !decade(text, d) {
				m := none
				m.Kind, m.Year, m.Month = KindYearMonth, year, month
				return span(m, i, i+1)
			}
			// August-December 1993: the range's start, with the year it ends in
			if m2 := lexicon.MonthNumber(d.Norm); full && m2 > month && between(text, t, d, "-") {
				if y, ok := at(i + 2); ok {
					if year, okY := yearNumber(y); okY {
						m := none
						m.Kind, m.Year, m.Month = KindYearMonth, year, month
						return span(m, i, i+2)
					}
				}
			}
		}
		if !full || !t.Upper {
			return none, 0
		}
		// November lalu
		if nx, ok := at(i + 1); ok && isPastWord(nx.Norm) {
			m := none
			m.Kind, m.Month = KindMonthLast, month
			return span(m, i, i+1)
		}
		// last November
		if i > 0 && isPastWord(toks[i-1].Norm) {
			m := none
			m.Kind, m.Month = KindMonthLast, month
			return span(m, i-1, i)
		}
		m := none
		m.Kind, m.Month = KindMonth, month
		return span(m, i, i)
	}

	// kemarin / yesterday / besok / tomorrow / hari ini / today
	if off, ok := dayWord(t.Norm); ok {
		if i > 0 && weekdayNumber(toks[i-1].Norm) >= 0 {
			return none, 0 // "Senin kemarin": the day name's
		}
		m := none
		m.Kind, m.Offset = KindRelDay, off
		return span(m, i, i)
	}
	if t.Norm == "hari" || t.Norm == "today" {
		if nx, ok := at(i + 1); ok && t.Norm == "hari" && nx.Norm == "ini" {
			m := none
			m.Kind = KindRelDay
			return span(m, i, i+1)
		}
	}
	if t.Norm == "today" {
		m := none
		m.Kind = KindRelDay
		return span(m, i, i)
	}
	// tiga hari lalu / 3 hari yang lalu / three days ago
	if n, ok := lexicon.NumberWord(t.Norm); ok || t.Num {
		if t.Num {
			v, err := strconv.Atoi(t.Norm)
			n, ok = float64(v), err == nil && v < 32
		}
		if nx, okD := at(i + 1); ok && n >= 1 && okD && isDayWord(nx.Norm) {
			k := i + 2
			if y, okY := at(k); okY && y.Norm == "yang" {
				k++
			}
			if w, okW := at(k); okW && (w.Norm == "lalu" || w.Norm == "ago") {
				m := none
				m.Kind, m.Offset = KindRelDay, -int(n)
				return span(m, i, k)
			}
		}
	}
	// tahun lalu / last year / bulan ini / this month
	if isYearWord(t.Norm) || isMonthWord(t.Norm) {
		kind := KindRelYear
		if isMonthWord(t.Norm) {
			kind = KindRelMonth
		}
		if nx, ok := at(i + 1); ok && (isPastWord(nx.Norm) || isThisWord(nx.Norm) || isNextWord(nx.Norm)) {
			m := none
			m.Kind, m.Offset = kind, offsetOf(nx.Norm)
			return span(m, i, i+1)
		}
	}
	if isPastWord(t.Norm) || isThisWord(t.Norm) || isNextWord(t.Norm) {
		if nx, ok := at(i + 1); ok && (isYearWord(nx.Norm) || isMonthWord(nx.Norm)) {
			kind := KindRelYear
			if isMonthWord(nx.Norm) {
				kind = KindRelMonth
			}
			m := none
			m.Kind, m.Offset = kind, offsetOf(t.Norm)
			return span(m, i, i+1)
		}
	}
	return none, 0
}

// dayWord reads the words for the day before, after and after next.
func dayWord(w string) (int, bool) {
	switch w {
	case "kemarin", "yesterday":
		return -1, true
	case "besok", "tomorrow":
		return 1, true
	case "lusa":
		return 2, true
	}
	return 0, false
}

// decade reports a year written as a decade ("1980s", "1990-an").
func decade(text string, t lexicon.Token) bool {
	rest := text[t.End:]
	return strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "-an")
}

func offsetOf(w string) int {
	switch {
	case isPastWord(w):
		return -1
	case isNextWord(w):
		return 1
	}
	return 0
}

func isOrdinalSuffix(w string) bool { return w == "th" || w == "st" || w == "nd" || w == "rd" }

// yearIntroducer are the words after which a bare four-digit number is a
// year.
func yearIntroducer(w string) bool {
	switch w {
	case "tahun", "pada", "sejak", "hingga", "sampai", "in", "since", "of", "until", "during", "early", "late", "mid":
		return true
	}
	return false
}

// between reports that only characters of sep (and spaces) separate a and b.
func between(text string, a, b lexicon.Token, sep string) bool {
	gap := text[a.End:b.Start]
	if gap == "" {
		return false
	}
	seen := false
	for _, r := range gap {
		switch {
		case r == ' ':
		case containsRune(sep, r):
			seen = true
		default:
			return false
		}
	}
	return seen || sep == " "
}

// tight reports that a and b are separated only by spaces or one comma.
func tight(text string, a, b lexicon.Token) bool {
	for _, r := range text[a.End:b.Start] {
		if r != ' ' && r != ',' {
			return false
		}
	}
	return b.Start > a.End
}

func containsRune(s string, r rune) bool {
	for _, x := range s {
		if x == r {
			return true
		}
	}
	return false
}

func smallNumber(t lexicon.Token, lo, hi int) (int, bool) {
	if !t.Num || len(t.Text) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(t.Text)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

// yearNumber reads a four-digit year between 1800 and 2199.
func yearNumber(t lexicon.Token) (int, bool) {
	if !t.Num || len(t.Text) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(t.Text)
	if err != nil || n < 1800 || n > 2199 {
		return 0, false
	}
	return n, true
}
