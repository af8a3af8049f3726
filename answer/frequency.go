package answer

import (
	"strconv"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// frequencyKeys finds rates, the answer to "how often": a count per unit
// ("once per week", "twice a year", "3 kali sebulan", "sekali seminggu"),
// an interval ("every 18 to 24 months", "setiap 2 tahun", "tiap hari"),
// or an adverb of rate ("weekly", "harian").
func frequencyKeys(c *candidate, mark []bool) []key {
	var keys []key
	for i := 0; i < len(c.toks); i++ {
		if mark[i] {
			continue
		}
		k, ok := rateAt(c, i)
		if !ok {
			continue
		}
		keys = append(keys, k)
		i = k.last
	}
	return keys
}

// rateAt reads a rate starting at token i.
func rateAt(c *candidate, i int) (key, bool) {
	norm := func(j int) string {
		if j < len(c.toks) {
			return c.toks[j].Norm
		}
		return ""
	}
	mk := func(last int, canon string) (key, bool) {
		return key{norm: "rate " + canon, first: i, last: last, start: c.toks[i].Start, end: c.toks[last].End}, true
	}
	w := norm(i)
	if u := rateAdverb(w); u != "" {
		return mk(i, "1/"+u) // "weekly", "harian"
	}
	// A count per unit: "once a week", "sekali per minggu", "2 kali setahun".
	count, n := 0.0, 0
	switch {
	case w == "once" || w == "sekali":
		count, n = 1, 1
	case w == "twice":
		count, n = 2, 1
	default:
		if v, ok := figureOf(c.toks[i]); ok && (norm(i+1) == "times" || norm(i+1) == "kali") {
			count, n = v, 2
		}
	}
	if n > 0 {
		j := i + n
		if u := seUnit(norm(j)); u != "" {
			return mk(j, num(count)+"/"+u) // "sekali seminggu"
		}
		if perWord(norm(j)) {
			if u := rateUnit(norm(j + 1)); u != "" {
				return mk(j+1, num(count)+"/"+u)
			}
		}
		return key{}, false
	}
	// An interval: "every 18 to 24 months", "setiap 2 tahun", "tiap hari".
	if w != "every" && w != "each" && w != "setiap" && w != "tiap" {
		return key{}, false
	}
	if u := rateUnit(norm(i + 1)); u != "" {
		return mk(i+1, "every 1 "+u)
	}
	a, ok := figureOf(tokAt(c, i+1))
	if !ok {
		return key{}, false
	}
	j, span := i+2, num(a)
	if to := norm(j); to == "to" || to == "hingga" || to == "sampai" || to == "-" {
		if b, ok := figureOf(tokAt(c, j+1)); ok {
			span, j = num(a)+"-"+num(b), j+2
		}
	}
	if u := rateUnit(norm(j)); u != "" {
		return mk(j, "every "+span+" "+u)
	}
	return key{}, false
}

func tokAt(c *candidate, j int) lexicon.Token {
	if j < len(c.toks) {
		return c.toks[j]
	}
	return lexicon.Token{}
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// perWord reports a word that joins a count to its unit: "once a week",
// "twice per year", "sekali dalam sebulan".
func perWord(w string) bool {
	switch w {
	case "a", "an", "per", "every", "each", "setiap", "tiap", "dalam":
		return true
	}
	return false
}

// rateUnit is a time unit in a rate, where Indonesian "minggu" is a week
// (not Sunday, as in "hari Minggu").
func rateUnit(w string) string {
	switch w {
	case "minggu":
		return "week"
	case "menit", "minute", "minutes":
		return "minute"
	}
	if u := unitCanon(w); u != "" {
		return u
	}
	return seUnit(w)
}

// seUnit reads Indonesian se- before a unit: seminggu, setahun, sebulan,
// sehari, sejam (one week, …).
func seUnit(w string) string {
	rest, ok := strings.CutPrefix(w, "se")
	if !ok {
		return ""
	}
	switch rest {
	case "minggu", "pekan":
		return "week"
	}
	return unitCanon(rest)
}

// rateAdverb reads an adverb or adjective of rate.
func rateAdverb(w string) string {
	switch w {
	case "daily", "harian":
		return "day"
	case "weekly", "mingguan":
		return "week"
	case "monthly", "bulanan":
		return "month"
	case "yearly", "annually", "annual", "tahunan":
		return "year"
	case "hourly":
		return "hour"
	}
	return ""
}

// rateEN renders a rate phrase of either language in English ("sekali per
// minggu": once a week; "setiap 18 hingga 24 bulan": every 18 to 24
// months), or "" when text holds none.
func rateEN(text string) string {
	doc := retrieval.Document{Text: text}
	c := &candidate{doc: &doc, toks: lexicon.Tokenize(text)}
	for i := range c.toks {
		k, ok := rateAt(c, i)
		if !ok {
			continue
		}
		canon := strings.TrimPrefix(k.norm, "rate ")
		if every, ok := strings.CutPrefix(canon, "every "); ok {
			span, unit, _ := strings.Cut(every, " ")
			if a, b, ok := strings.Cut(span, "-"); ok {
				return "every " + a + " to " + b + " " + unit + "s"
			}
			v, _ := strconv.ParseFloat(span, 64)
			if v == 1 {
				return "every " + unit
			}
			return "every " + numberWordEN(v) + " " + unit + "s"
		}
		count, unit, _ := strings.Cut(canon, "/")
		switch count {
		case "1":
			return "once a " + unit
		case "2":
			return "twice a " + unit
		}
		v, _ := strconv.ParseFloat(count, 64)
		return numberWordEN(v) + " times a " + unit
	}
	return ""
}
