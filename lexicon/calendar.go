package lexicon

// Calendar and quantity words shared by metadata parsing, answer-type
// matching and citation checking, in Indonesian and English.

// MonthNumber reads a lower-case month name or abbreviation (Indonesian or
// English: "juli", "july", "jul", "agu", "nop"); 0 when w is not one.
func MonthNumber(w string) int {
	switch w {
	case "januari", "january", "jan":
		return 1
	case "februari", "pebruari", "february", "feb", "peb":
		return 2
	case "maret", "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "mei", "may":
		return 5
	case "juni", "june", "jun":
		return 6
	case "juli", "july", "jul":
		return 7
	case "agustus", "august", "agu", "agt", "ags", "aug", "agst":
		return 8
	case "september", "sep", "sept":
		return 9
	case "oktober", "october", "okt", "oct":
		return 10
	case "november", "nopember", "nov", "nop":
		return 11
	case "desember", "december", "des", "dec":
		return 12
	}
	return 0
}

// IsMonthName reports a full month name, which unlike an abbreviation
// ("mar", "des") is never an ordinary word in running text.
func IsMonthName(w string) bool {
	switch w {
	case "jan", "feb", "peb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "aug", "agst", "sep", "sept", "okt", "oct", "nov", "nop", "des", "dec":
		return false
	}
	return MonthNumber(w) > 0
}

// IsWeekday reports a full day name.
func IsWeekday(w string) bool {
	switch w {
	case "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// IsCalendarWord reports a month or day name: capitalised, it is a date,
// not a name.
func IsCalendarWord(w string) bool { return IsMonthName(w) || IsWeekday(w) }

// NumberWord reads a spelled-out number ("tiga", "three", "seribu").
func NumberWord(w string) (float64, bool) {
	switch w {
	case "zero", "nol":
		return 0, true
	case "one", "satu":
		return 1, true
	case "two", "dua":
		return 2, true
	case "three", "tiga":
		return 3, true
	case "four", "empat":
		return 4, true
	case "five", "lima":
		return 5, true
	case "six", "enam":
		return 6, true
	case "seven", "tujuh":
		return 7, true
	case "eight", "delapan":
		return 8, true
	case "nine", "sembilan":
		return 9, true
	case "ten", "sepuluh":
		return 10, true
	case "eleven", "sebelas":
		return 11, true
	case "twelve":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	case "seratus":
		return 100, true
	case "seribu":
		return 1000, true
	case "sejuta":
		return 1e6, true
	}
	return 0, false
}

// IsQuantityQualifier spots words that hedge a figure without saying what
// it counts: "sekitar", "lebih dari", "at least", "up to".
func IsQuantityQualifier(w string) bool {
	switch w {
	case "sekitar", "lebih", "dari", "setidaknya", "sedikitnya", "hingga", "sampai", "kurang", "hampir", "kira",
		"sebanyak", "sejumlah", "tambahan", "lagi",
		"about", "around", "more", "than", "least", "at", "up", "to", "nearly", "almost", "over", "some",
		"roughly", "approximately", "additional", "another":
		return true
	}
	return false
}

// WeekdayEN names a day (Indonesian or English, lower-case) in English;
// "" when w is not a day name.
func WeekdayEN(w string) string {
	switch w {
	case "senin", "monday":
		return "Monday"
	case "selasa", "tuesday":
		return "Tuesday"
	case "rabu", "wednesday":
		return "Wednesday"
	case "kamis", "thursday":
		return "Thursday"
	case "jumat", "friday":
		return "Friday"
	case "sabtu", "saturday":
		return "Saturday"
	case "minggu", "ahad", "sunday":
		return "Sunday"
	}
	return ""
}

// OrdinalWord reads an ordinal ("kedua", "ketiga", "pertama", "second",
// "third"); the Indonesian ones are ke- plus a number word, the regular
// Indonesian ordinal formation.
func OrdinalWord(w string) (float64, bool) {
	switch w {
	case "pertama", "first":
		return 1, true
	case "second":
		return 2, true
	case "third":
		return 3, true
	case "fourth":
		return 4, true
	case "fifth":
		return 5, true
	case "sixth":
		return 6, true
	case "seventh":
		return 7, true
	case "eighth":
		return 8, true
	case "ninth":
		return 9, true
	case "tenth":
		return 10, true
	}
	if len(w) > 4 && w[:2] == "ke" {
		if v, ok := NumberWord(w[2:]); ok && v >= 2 && v <= 100 {
			return v, true
		}
		if w == "kesatu" {
			return 1, true
		}
	}
	return 0, false
}
