// Package timeline reads dated events and key figures out of news
// articles, offline: it finds date expressions (stage 1, mentions),
// resolves them against the article's publication date or, for an
// undated article, against a dated report of the same event (stage 2,
// resolve; stage 4, anchor), ties each to the sentence that reports it
// (stage 3, extract), merges the same event across outlets (stage 5,
// group) and collects the figures the coverage turns on (figures). It
// never produces a date the text does not support: an expression it
// cannot resolve is dropped.
package timeline

import (
	"fmt"
	"time"
)

// Precision is how much of a date the text gives.
type Precision int

// Precisions, coarsest first.
const (
	Year Precision = iota + 1
	Month
	Day
)

// Date is a calendar date known to Prec: Month and Day are 0 beyond it.
type Date struct {
	Year, Month, Day int
	Prec             Precision
}

// String is the date in ISO 8601 at its precision: "2025-07-12",
// "2025-07" or "2025".
func (d Date) String() string {
	switch d.Prec {
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// Format writes the date for people in lang ("en" or "id"): "12 July
// 2025", "July 2025", "2025".
func (d Date) Format(lang string) string {
	names, ok := monthNames[lang]
	if !ok {
		names = monthNames["en"]
	}
	switch d.Prec {
	case Day:
		return fmt.Sprintf("%d %s %d", d.Day, names[d.Month], d.Year)
	case Month:
		return fmt.Sprintf("%s %d", names[d.Month], d.Year)
	case Year:
		return fmt.Sprintf("%d", d.Year)
	}
	return ""
}

// Time is the first instant the date covers, in UTC.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Before orders dates by their first instant, coarser first on a tie
// ("2025-07" before "2025-07-01").
func (d Date) Before(o Date) bool {
	if a, b := d.Time(), o.Time(); !a.Equal(b) {
		return a.Before(b)
	}
	return d.Prec < o.Prec
}

func dayDate(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Prec: Day}
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// ParsePublished reads a Document.Published value ("2025-07-14"); only a
// full day is a reference date.
func ParsePublished(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
