package timeline

import "time"

// Ref is the date relative expressions are read against.
type Ref struct {
	Date time.Time
	// Published is true when Date is the article's own publication date:
	// a day name then means the most recent such day on or before it. An
	// anchor (the date of the event the article reports) is not when the
	// article appeared, so a day name means the nearest such day, within
	// three days either side.
	Published bool
}

// Resolve turns a mention into a date, at the precision the text gives.
// ref is nil when the article has no reference date: then only absolute
// mentions resolve. future says the sentence speaks of what will happen
// ("akan", "expected"), which puts year-less dates after the reference.
func Resolve(m Mention, ref *Ref, future bool) (Date, bool) {
	switch m.Kind {
	case KindFull:
		return Date{Year: m.Year, Month: m.Month, Day: m.Day, Prec: Day}, true
	case KindYearMonth:
		if m.Or != 0 {
			return Date{Year: m.Year, Prec: Year}, true
		}
		return Date{Year: m.Year, Month: m.Month, Prec: Month}, true
	case KindYear:
		return Date{Year: m.Year, Prec: Year}, true
	}
	if ref == nil {
		return Date{}, false
	}
	r := ref.Date
	ry, rm := r.Year(), int(r.Month())
	switch m.Kind {
	case KindDayMonth:
		y := ry
		md, rmd := m.Month*100+m.Day, rm*100+r.Day()
		if future && md < rmd {
			y++
		} else if !future && md > rmd {
			y--
		}
		if !validDay(y, m.Month, m.Day) {
			return Date{}, false
		}
		return Date{Year: y, Month: m.Month, Day: m.Day, Prec: Day}, true
	case KindMonth:
		y := ry
		if future && m.Month < rm {
			y++
		} else if !future && m.Month > rm {
			y--
		}
		if m.Or != 0 {
			// "Juli atau Agustus": the year both months fall in, when they do.
			alt, _ := Resolve(Mention{Kind: KindMonth, Month: m.Or, Weekday: -1}, ref, future)
			if alt.Year != y {
				return Date{}, false
			}
			return Date{Year: y, Prec: Year}, true
		}
		return Date{Year: y, Month: m.Month, Prec: Month}, true
	case KindMonthLast:
		y := ry
		if m.Month >= rm {
			y--
		}
		return Date{Year: y, Month: m.Month, Prec: Month}, true
	case KindRelYear:
		return Date{Year: ry + m.Offset, Prec: Year}, true
	case KindRelMonth:
		t := time.Date(ry, time.Month(rm)+time.Month(m.Offset), 1, 0, 0, 0, 0, time.UTC)
		return Date{Year: t.Year(), Month: int(t.Month()), Prec: Month}, true
	case KindRelDay:
		if !ref.Published {
			return Date{}, false // "kemarin" counts from when the article appeared, which an anchor is not
		}
		return dayDate(r.AddDate(0, 0, m.Offset)), true
	case KindWeekday:
		d := weekdayNear(r, time.Weekday(m.Weekday), ref.Published, future && m.Offset == 0)
		if m.Offset < 0 && !d.Before(r) {
			d = d.AddDate(0, 0, -7) // "Rabu lalu": strictly before the reference day
		}
		return dayDate(d), true
	}
	return Date{}, false
}

// weekdayNear finds the day named wd around ref: from a publication
// date, the most recent one on or before it (the next one on or after it
// when future); from an anchor, the nearest one.
func weekdayNear(ref time.Time, wd time.Weekday, published, future bool) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7 // days back to the previous wd (0: ref itself)
	if published {
		if future && back != 0 {
			return ref.AddDate(0, 0, 7-back)
		}
		return ref.AddDate(0, 0, -back)
	}
	if back <= 3 {
		return ref.AddDate(0, 0, -back)
	}
	return ref.AddDate(0, 0, 7-back)
}
