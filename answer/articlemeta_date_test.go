package answer

import "testing"

// TestMetaDates writes publication dates and times in the answer's
// language and reads the date a question describes its article by.
func TestMetaDates(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{publicationDate("2025-07-14", "en"), "Monday, 14 July 2025"},
		{publicationDate("2025-07-14", "id"), "Senin, 14 Juli 2025"},
		{timeIn("09:05 WIB", "id"), "09.05 WIB"},       // Indonesian writes the clock with a point
		{timeIn("9.05 WIB", "en"), "9:05 WIB"},         // English with a colon
		{timeIn("3:40 p.m. ET", "en"), "3:40 p.m. ET"}, // the points of "p.m." stay
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, tc := range []struct {
		q          string
		want       askedDate
		match, not string
	}{
		{"the monday 14 july article", askedDate{day: 14, month: 7, weekday: "Monday"}, "2025-07-14", "2025-07-15"},
		{"artikel tanggal 27 okt 2025", askedDate{day: 27, month: 10, year: 2025}, "2025-10-27", "2024-10-27"},
		{"the march 3 story", askedDate{day: 3, month: 3}, "2024-03-03", "2024-03-04"},
		{"the tuesday report", askedDate{weekday: "Tuesday"}, "2025-07-15", "2025-07-14"},
	} {
		got, _ := dateInQuestion(tc.q)
		if got != tc.want {
			t.Errorf("dateInQuestion(%q) = %+v, want %+v", tc.q, got, tc.want)
		}
		if m, ok := got.matches(tc.match); !m || !ok {
			t.Errorf("%q does not match %s", tc.q, tc.match)
		}
		if m, ok := got.matches(tc.not); m || !ok {
			t.Errorf("%q matches %s", tc.q, tc.not)
		}
	}
}
