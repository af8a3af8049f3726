package answer

import (
	"github.com/kabar-bot/kabar/timeline"
)

// Dates an article gives relative to its own publication ("awal bulan
// ini", "earlier this month", "tahun ini") resolve only when the article's
// date is known. When it is not, such a date can still be compared by
// how precise it is, never by which month it means: "June" in one report
// and "earlier this month" in an undated other may be the same month or
// not.

// keyKind is the shape of a date answer's key as written: the first date
// expression in it, 0 when it has none.
func keyKind(e Evidence) timeline.Kind {
	ms := timeline.FindMentions(e.Key)
	if len(ms) == 0 {
		return 0
	}
	return ms[0].Kind
}

// undatedRelativeMonth reports a date answer that names a month relative
// to its article's undated publication ("bulan ini", "last month").
func undatedRelativeMonth(e Evidence) bool {
	return e.KeyDate == nil && keyKind(e) == timeline.KindRelMonth
}

// undatedYearOnly reports a date answer that gives no more than a year
// relative to its article's undated publication ("tahun ini", "this
// year").
func undatedYearOnly(e Evidence) bool {
	return e.KeyDate == nil && keyKind(e) == timeline.KindRelYear
}

// namesMonthOnly reports a date answer that names a month and no year
// or day ("pada bulan Juni", "in June"), left unresolved.
func namesMonthOnly(e Evidence) bool {
	return e.KeyDate == nil && keyKind(e) == timeline.KindMonth
}

// undatedAgainstMonth reports two date answers that cannot be compared:
// one names a month, unresolved ("pada bulan Juni" in an undated
// report), the other a month relative to its own undated article. Both
// are shown, each with its source, and neither is called wrong. A date
// resolved to the calendar outranks an undated relative one instead:
// "Lavrov met Kim on 12 July 2025" is not set against a sentence whose
// "earlier this month" may date something else it tells.
func undatedAgainstMonth(a, b Evidence) bool {
	return undatedRelativeMonth(a) && namesMonthOnly(b) || undatedRelativeMonth(b) && namesMonthOnly(a)
}
