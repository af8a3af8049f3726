package cite

import "github.com/kabar-bot/kabar/lexicon"

// Function phrases whose first word is a content word elsewhere: read as
// words a rule reads (meta), not vocabulary a sentence must hold, only
// inside the phrase.

// backBeforeDate reports "back" before "in" and a month or year ("back
// in March", "back in 2019"): it only places the date in the past, which
// the date check reads.
func backBeforeDate(toks []lexicon.Token, low string) bool {
	if low != "back" {
		return false
	}
	for j := 0; j+2 < len(toks); j++ {
		if toks[j].Norm == low && toks[j+1].Norm == "in" && (lexicon.IsMonthName(toks[j+2].Norm) || toks[j+2].Num) {
			return true
		}
	}
	return false
}

// companionHead reports "along" or "together" before "with" ("troops
// along with weapons"): the phrase only joins two things, as "dan" does.
func companionHead(toks []lexicon.Token, low string) bool {
	if low != "along" && low != "together" {
		return false
	}
	for j := 0; j+1 < len(toks); j++ {
		if toks[j].Norm == low && toks[j+1].Norm == "with" {
			return true
		}
	}
	return false
}

// publicationWords say that the coverage itself appeared ("Artikel itu
// terbit Senin, 14 Juli 2025"): a byline states it with the date alone
// ("Yati Maulana | Senin, 14/07/2025 09:05 WIB"), so they weigh like
// the reporting words, and the date check reads the date.
var publicationWords = map[string]bool{
	"terbit": true, "diterbitkan": true, "dipublikasikan": true, "diunggah": true,
	"published": true, "posted": true,
}

// superlativeMost reports "most" (or "least") before an adjective ("most
// recent", "most powerful"): it only marks the superlative, which
// Indonesian writes in the adjective ("terakhir", "terkuat") or with
// "paling", so the adjective carries the meaning the sentence must
// hold. Before a noun or "of" ("most troops", "most of them") it is a
// quantity and stays a word to match.
func (v *Verifier) superlativeMost(toks []lexicon.Token, low string) bool {
	if low != "most" && low != "least" {
		return false
	}
	for j := 0; j+1 < len(toks); j++ {
		next := toks[j+1]
		if toks[j].Norm == low && !next.Num && !next.Upper && next.Norm != "of" && v.lex.EnglishWord(next.Norm) && !v.lex.IsNoun(next.Norm) {
			return true
		}
	}
	return false
}
