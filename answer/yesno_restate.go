package answer

import (
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/lexicon"
)

// A yes says what it confirms. An Indonesian yes/no question is already
// in the word order of its statement once its question words, tags and
// particles are gone ("bener gak sih kim sama lavrov sampe pelukan?" →
// "Kim sama Lavrov sampe pelukan"; "Apakah pengiriman senjata AS ke
// Ukraina sudah dilanjutkan lagi?" → "pengiriman senjata AS ke Ukraina
// sudah dilanjutkan lagi"), so the lead restates it: "Ya, Kim sama
// Lavrov sampe pelukan." The statement is the one the evidence was
// judged to state in full; a no is never restated. English questions
// invert their subject and auxiliary, which cannot be undone reliably
// without parsing; their yes stays as it was.

// polarRestatement returns the statement an Indonesian yes/no question
// asks about, in the asker's words with its names capitalised, or ""
// when there is none to give (an English question, a negated or empty
// statement, or one too long to read as a lead).
func (e *Extractive) polarRestatement(lq lexicon.Query) string {
	if lq.Lang != "id" || !lq.Polar {
		return ""
	}
	toks := lexicon.Tokenize(lq.Text)
	norms := make([]string, len(toks))
	for i, t := range toks {
		norms[i] = t.Norm
	}
	end := len(toks)
	if i := lexicon.TagIndex(norms); i >= 0 {
		end = i // "… lagi gak?", "… 2023 kan?"
	}
	for end > 0 && lexicon.ChatParticle(norms[end-1]) {
		end--
	}
	start := 0
	for start < end && (askingWord(norms[start]) || chatTagAt(norms, start) || lexicon.ChatParticle(norms[start])) {
		start++ // "apakah", "bener gak sih", "emang"
	}
	capital := e.nameTokens(lq, toks)
	var b strings.Builder
	words := 0
	for i := start; i < end; i++ {
		if chatTagAt(norms, i) || lexicon.ChatParticle(norms[i]) {
			continue
		}
		if lexicon.IsNegator(norms[i]) {
			return "" // "… gak ngirim …": a negated statement is not restated
		}
		if b.Len() > 0 {
			sep := lq.Text[toks[i-1].End:toks[i].Start]
			if i-1 < start || chatTagAt(norms, i-1) || lexicon.ChatParticle(norms[i-1]) || strings.TrimSpace(sep) != "" && sep != "-" && sep != "/" {
				sep = " "
			}
			b.WriteString(sep)
		}
		w := toks[i].Text
		if capital[i] {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			w = string(r)
		}
		b.WriteString(w)
		words++
	}
	if words < 2 || words > maxRestatedWords {
		return ""
	}
	return b.String()
}

// maxRestatedWords bounds a restated question: a longer one reads better
// as the quote it is answered by.
const maxRestatedWords = 16

// askingWord reports the words that open an Indonesian yes/no question
// without being part of its statement.
func askingWord(w string) bool {
	switch w {
	case "apakah", "apa", "apa2", "benarkah", "betulkah", "bener", "benar", "betul", "beneran", "emang", "emg", "memang", "jadi", "jd", "masa", "masak":
		return true
	}
	return false
}

// nameTokens marks the question's tokens that belong to its names, to
// capitalise in a restatement ("kim sama lavrov" → "Kim sama Lavrov").
func (e *Extractive) nameTokens(lq lexicon.Query, toks []lexicon.Token) []bool {
	capital := make([]bool, len(toks))
	for _, con := range lq.Concepts {
		if !con.Entity && !e.lex.PlaceNamed(con) {
			continue
		}
		for _, w := range strings.Fields(con.Surface) {
			for i, t := range toks {
				if strings.EqualFold(t.Text, w) && !lexicon.IsAcronym(t.Text) {
					capital[i] = true
				}
			}
		}
	}
	return capital
}
