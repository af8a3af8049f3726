package cite

import (
	"github.com/kabar-bot/kabar/lexicon"
)

// Spelled-out numbers: a claim of "nine thousand engineers" must be checked
// like "9,000 engineers", and "tiga hari" in a passage states 3.

func isNumberWord(w string) bool {
	_, ok := lexicon.NumberWord(w)
	return ok
}

// collectiveWords are Indonesian forms that state a count in passages:
// "kedua negara" is "the two countries".
var collectiveWords = map[string]float64{
	"kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
}

// numberWordRun reads the spelled-out number starting at toks[i]: its
// value, its end (exclusive) and whether it had a scale word ("thousand",
// "ribu"). end == i when there is none.
func numberWordRun(toks []lexicon.Token, i int) (value float64, end int, scaled bool) {
	var total, current float64
	end = i
	for j := i; j < len(toks); j++ {
		w := toks[j].Norm
		if toks[j].Num {
			break
		}
		n, isNum := lexicon.NumberWord(w)
		switch {
		case isNum:
			if current != 0 && n >= 10 && current < 10 {
				return total + current, end, scaled // "two ten" is not one number
			}
			current += n
		case w == "belas" && current > 0 && current < 10:
			current += 10
		case w == "puluh" && current > 0 && current < 10:
			current *= 10
		case (w == "hundred" || w == "ratus") && current > 0:
			current *= 100
		case scaleOf(w) > 0 && j > i:
			total += max(current, 1) * scaleOf(w)
			current = 0
			scaled = true
		default:
			return total + current, end, scaled
		}
		end = j + 1
	}
	return total + current, end, scaled
}

// negationWords make a claim negative; a negative claim needs a passage
// that negates too ("did not agree" is not supported by "setuju").
var negationWords = map[string]bool{
	"not": true, "no": true, "never": true, "neither": true, "nor": true, "t": true, // "didn't" splits into "didn", "t"
	"refused": true, "refuses": true, "refuse": true, "denied": true, "denies": true, "deny": true,
	"rejected": true, "rejects": true, "reject": true, "declined": true, "declines": true,
	"tidak": true, "tak": true, "bukan": true, "belum": true, "tanpa": true, "menolak": true, "ditolak": true,
	"membantah": true, "dibantah": true, "bantah": true, "tolak": true, "without": true,
}

// passageNegations are the words that let a passage back a negative claim.
var passageNegations = map[string]bool{
	"tidak": true, "tak": true, "bukan": true, "belum": true, "tanpa": true, "menolak": true, "ditolak": true,
	"membantah": true, "dibantah": true, "bantah": true, "tolak": true, "enggan": true, "gagal": true,
	"not": true, "no": true, "never": true, "refused": true, "denied": true, "rejected": true, "declined": true, "without": true,
}

func negated(toks []lexicon.Token, words map[string]bool) string {
	for _, t := range toks {
		if words[t.Norm] {
			return t.Text
		}
	}
	return ""
}
