package answer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
)

// Glosser renders an Indonesian word in English (the dictionaries read
// backwards); "" when it cannot.
type Glosser interface {
	Gloss(id string) string
}

// qualifierEN renders an Indonesian hedge of a figure in English ("" for
// one English leaves unsaid: "sebanyak"), and reports whether w is one.
// The list is the closed class of Indonesian quantity qualifiers
// (numeralia tak tentu and penanda batas of Tata Bahasa Baku Bahasa
// Indonesia).
func qualifierEN(w string) (string, bool) {
	switch w {
	case "lebih dari", "lebih":
		return "more than", true
	case "sekitar", "kira kira", "kira":
		return "about", true
	case "setidaknya", "sedikitnya", "paling sedikit":
		return "at least", true
	case "hampir":
		return "nearly", true
	case "hingga", "sampai":
		return "up to", true
	case "kurang dari":
		return "fewer than", true
	case "tambahan":
		return "an additional", true
	case "sebanyak", "sejumlah", "mencapai":
		return "", true
	}
	return "", false
}

// textGlosser renders Indonesian text in English word by word.
type textGlosser interface {
	GlossText(text string) string
}

// abbreviator gives an Indonesian short form's long form ("korut" →
// "korea utara").
type abbreviator interface {
	Abbreviations(phrase string) []string
}

// placeEN writes an Indonesian place name the English way when the
// dictionaries know it ("Moskow" → "Moscow", "Korea Utara" → "North
// Korea"); names they do not know stay as written ("Wonsan").
func placeEN(text string, g Glosser) string {
	tg, ok := g.(textGlosser)
	if !ok {
		return text
	}
	source := text
	if ab, ok := g.(abbreviator); ok {
		// A short form ("Korut", "AS") is written out first: English
		// names the place in full, not by a chat abbreviation ("NK").
		for _, long := range ab.Abbreviations(text) {
			if len(long) > len(source) && strings.Contains(long, " ") {
				source = long
			}
		}
	}
	en := tg.GlossText(source)
	if strings.EqualFold(en, text) || strings.ContainsAny(en, ",") {
		return text
	}
	words := strings.Fields(en)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// renderValue writes an answer value (the key phrase of a sentence) in
// the asker's language. Indonesian keeps the article's words; English
// renders figures, dates and durations in English form and translates the
// counted noun; names stay as written.
func renderValue(text string, typ lexicon.AnswerType, lang string, g Glosser) string {
	text = strings.TrimSpace(text)
	if lang == "id" || g == nil {
		return text
	}
	switch typ {
	case lexicon.AnswerNumber, lexicon.AnswerPercent:
		return figureEN(text, g)
	case lexicon.AnswerDuration:
		return durationEN(text)
	case lexicon.AnswerDate:
		return dateEN(text)
	case lexicon.AnswerOrdinal:
		return ordinalEN(text)
	case lexicon.AnswerPlace:
		return placeEN(text, g)
	}
	return text
}

var ordinalsEN = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinalEN renders "ketiga" or "ke-3" as "the third".
func ordinalEN(text string) string {
	for _, t := range lexicon.Tokenize(text) {
		v, ok := lexicon.OrdinalWord(t.Norm)
		if !ok && t.Num {
			n, err := strconv.ParseFloat(t.Norm, 64)
			v, ok = n, err == nil
		}
		if ok {
			if int(v) < len(ordinalsEN) && v == float64(int(v)) {
				return "the " + ordinalsEN[int(v)]
			}
			return "number " + formatNumberEN(v)
		}
	}
	return text
}

// figureEN renders "sekitar 6.000 insinyur" as "about 6,000 engineers".
func figureEN(text string, g Glosser) string {
	toks := lexicon.Tokenize(text)
	var parts []string
	var value float64 = -1
	i := 0
	for i < len(toks) && !toks[i].Num {
		w := toks[i].Norm
		if i+1 < len(toks) && !toks[i+1].Num {
			if en, ok := qualifierEN(w + " " + toks[i+1].Norm); ok {
				if en != "" {
					parts = append(parts, en)
				}
				i += 2
				continue
			}
		}
		if en, ok := qualifierEN(w); ok {
			if en != "" {
				parts = append(parts, en)
			}
		} else {
			parts = append(parts, toks[i].Text) // already English, or a word we keep
		}
		i++
	}
	if i == len(toks) {
		return text
	}
	v, err := strconv.ParseFloat(toks[i].Norm, 64)
	if err != nil {
		return text
	}
	value = v
	num := formatNumberEN(v)
	rest := strings.TrimSpace(text[toks[i].End:])
	switch {
	case strings.HasPrefix(rest, "%"):
		num += "%"
		rest = strings.TrimSpace(rest[1:])
	case strings.HasPrefix(strings.ToLower(rest), "persen"):
		num += "%"
		rest = strings.TrimSpace(rest[len("persen"):])
	}
	parts = append(parts, num)
	restToks := lexicon.Tokenize(rest)
	for k, t := range restToks {
		if t.Num {
			break
		}
		en := g.Gloss(t.Norm)
		if en == "" {
			// A name or a word no dictionary knows: as written, whole
			// when hyphenated ("CD-ROMs").
			end := t.End
			for j := k; j+1 < len(restToks) && rest[restToks[j].End:restToks[j+1].Start] == "-"; j++ {
				end = restToks[j+1].End
			}
			en = rest[t.Start:end]
		} else if value != 1 {
			en = pluralEN(en)
		}
		if k+1 < len(restToks) {
			if power, ok := unitPowerEN(restToks[k+1].Norm); ok {
				en = power + " " + en // "kilometer persegi": square kilometers
			}
		}
		parts = append(parts, en)
		break // the counted noun; what follows is the article's own phrasing
	}
	return strings.Join(parts, " ")
}

// formatNumberEN writes 6000 as "6,000" and 2.5 as "2.5".
func formatNumberEN(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// pluralEN makes a regular English plural ("engineer" → "engineers").
func pluralEN(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "people"), strings.HasSuffix(w, "personnel"):
		return w
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case w == "man":
		return "men"
	case w == "woman":
		return "women"
	case w == "person":
		return "people"
	}
	return w + "s"
}

var numberWordsEN = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// durationEN renders "tiga hari" as "three days".
func durationEN(text string) string {
	if r := rateEN(text); r != "" {
		return r // "sekali per minggu": once a week
	}
	toks := lexicon.Tokenize(text)
	if len(toks) < 2 {
		return text
	}
	if y1, y2, ok := yearSpan(toks); ok {
		n := y2 - y1 + 1
		return fmt.Sprintf("%s years (%d–%d)", numberWordEN(float64(n)), y1, y2)
	}
	if vagueQuantity(toks[0].Norm) && unitCanon(toks[1].Norm) != "" {
		return "a few " + unitCanon(toks[1].Norm) + "s"
	}
	n, ok := lexicon.NumberWord(toks[0].Norm)
	if toks[0].Num {
		v, err := strconv.ParseFloat(toks[0].Norm, 64)
		n, ok = v, err == nil
	}
	unit := unitCanon(toks[1].Norm)
	if !ok || unit == "" {
		return text
	}
	num := formatNumberEN(n)
	if n == float64(int(n)) && int(n) < len(numberWordsEN) {
		num = numberWordsEN[int(n)]
	}
	if n != 1 {
		unit += "s"
	}
	return num + " " + unit
}

// yearSpan reads "2026-2027" as its first and last year.
func yearSpan(toks []lexicon.Token) (int, int, bool) {
	if len(toks) != 2 || !toks[0].Num || !toks[1].Num || len(toks[0].Norm) != 4 || len(toks[1].Norm) != 4 {
		return 0, 0, false
	}
	y1, err1 := strconv.Atoi(toks[0].Norm)
	y2, err2 := strconv.Atoi(toks[1].Norm)
	return y1, y2, err1 == nil && err2 == nil && y2 > y1
}

// numberWordEN spells small whole numbers ("two"), writes others in
// figures.
func numberWordEN(n float64) string {
	if n == float64(int(n)) && int(n) < len(numberWordsEN) {
		return numberWordsEN[int(n)]
	}
	return formatNumberEN(n)
}

// dateJoinersEN are the words that join two dates into one answer.
var dateJoinersEN = map[string]string{"atau": "or", "dan": "and", "hingga": "to", "sampai": "to", "antara": "between"}

// dateWordsEN render the words of Indonesian relative dates ("awal bulan
// ini" → early this month, "tahun lalu" → last year); "" drops a word
// English does not need ("pada hari Sabtu" → Saturday).
var dateWordsEN = map[string]string{
	"pada": "", "hari": "", "tanggal": "", "bulan": "month", "tahun": "year", "minggu": "week", "pekan": "week",
	"ini": "this", "lalu": "last", "kemarin": "yesterday", "besok": "tomorrow", "depan": "next", "mendatang": "next",
	"awal": "early", "akhir": "late", "pertengahan": "mid", "sejak": "since", "sebelum": "before", "setelah": "after",
}

// dateEN renders "12 Juli 2025" as "12 July 2025".
func dateEN(text string) string {
	var parts []string
	toks := lexicon.Tokenize(text)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Norm == "akhir" && i+1 < len(toks) && (toks[i+1].Norm == "pekan" || toks[i+1].Norm == "minggu") {
			parts = append(parts, "weekend") // "akhir pekan ini": this weekend, not "late this week"
			i++
			continue
		}
		if t.Norm == "minggu" && i+1 < len(toks) {
			switch toks[i+1].Norm {
			case "depan", "lalu", "ini", "mendatang":
				parts = append(parts, "week") // "minggu depan": next week, not Sunday
				continue
			}
		}
		if m := lexicon.MonthNumber(t.Norm); m > 0 {
			parts = append(parts, time.Month(m).String())
			continue
		}
		if d := lexicon.WeekdayEN(t.Norm); d != "" {
			parts = append(parts, d)
			continue
		}
		if w, ok := dateJoinersEN[t.Norm]; ok {
			parts = append(parts, w) // "Juli atau Agustus": July or August
			continue
		}
		if w, ok := dateWordsEN[t.Norm]; ok {
			if w != "" {
				parts = append(parts, w)
			}
			continue
		}
		parts = append(parts, t.Text)
	}
	if len(parts) == 0 {
		return text
	}
	return englishDateOrder(parts)
}

// englishDateOrder puts a relative date's words in English order: the
// Indonesian noun comes before its "this/last/next" ("month this" →
// "this month"; "early month this" → "early this month").
func englishDateOrder(parts []string) string {
	for i := 0; i+1 < len(parts); i++ {
		switch parts[i] {
		case "month", "year", "week", "weekend":
			switch parts[i+1] {
			case "this", "last", "next":
				parts[i], parts[i+1] = parts[i+1], parts[i]
				i++
			}
		}
	}
	return strings.Join(parts, " ")
}
