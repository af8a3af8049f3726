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
// Lavrov sampe pelukan." An English one inverts its auxiliary and
// subject, which are put back when the subject is plainly a noun phrase
// (names, numbers, nouns, after a determiner): "did kim and lavrov hug
// when they met?" → "Kim and Lavrov did hug when they met"; "was the
// 2024 defence pact signed in moscow?" → "the 2024 defence pact was
// signed in Moscow". Where it is not plain, the yes is not restated. The
// statement is the one the evidence was judged to state in full; a no is
// never restated.

// restatedYes is the statement a yes confirms (polarRestatement); ""
// for any other polarity, which is never restated.
func (e *Extractive) restatedYes(lq lexicon.Query, polarity yesNo) string {
	if polarity != yesNoYes {
		return ""
	}
	return e.polarRestatement(lq)
}

// polarRestatement returns the statement an Indonesian yes/no question
// asks about, in the asker's words with its names capitalised, or ""
// when there is none to give (an English question, a negated or empty
// statement, or one too long to read as a lead).
func (e *Extractive) polarRestatement(lq lexicon.Query) string {
	if !lq.Polar {
		return ""
	}
	if lq.Lang != "id" {
		return e.englishRestatement(lq)
	}
	toks := lexicon.Tokenize(lq.Text)
	norms := tokenNorms(toks)
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
		if lexicon.IsNegator(norms[i]) || lexicon.IsQuestionWord(norms[i]) && norms[i] != "menurut" {
			return "" // "… gak ngirim …": a negated statement is not restated; nor a question word's
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
			w = upperFirst(w)
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

// nameTokens marks the question's tokens that are words of its names, to
// capitalise in a restatement ("kim sama lavrov" → "Kim sama Lavrov") or
// in polarStatement.
func (e *Extractive) nameTokens(lq lexicon.Query, toks []lexicon.Token) []bool {
	capital := make([]bool, len(toks))
	for _, con := range lq.Concepts {
		if !con.Entity && !e.lex.PlaceNamed(con) {
			continue
		}
		for _, w := range strings.Fields(con.Surface) {
			for i, t := range toks {
				if strings.EqualFold(t.Text, w) {
					capital[i] = true
				}
			}
		}
	}
	return capital
}

// englishRestatement undoes an English yes/no question's inversion:
// "AUX SUBJECT REST?" → "SUBJECT AUX REST" ("did" kept: "Kim and Lavrov
// did hug"), with "is it true that" and a closing "right?" dropped; ""
// unless a subject is found and something follows it.
func (e *Extractive) englishRestatement(lq lexicon.Query) string {
	toks := lexicon.Tokenize(lq.Text)
	norms := tokenNorms(toks)
	start, end := 0, len(toks)
	if end > 0 && (norms[end-1] == "right" || norms[end-1] == "correct") {
		end-- // "…, right?"
	}
	if end-start > 4 && norms[0] == "is" && norms[1] == "it" && norms[2] == "true" && norms[3] == "that" {
		start = 4 // "is it true that …": the statement follows
	}
	if start < end && (norms[start] == "so" || norms[start] == "and") {
		start++
	}
	if start >= end || !auxiliary(norms[start]) || end-start > maxRestatedWords+2 {
		return ""
	}
	for i := start; i < end; i++ {
		if lexicon.IsNegator(norms[i]) {
			return "" // a negated question's statement is not restated
		}
	}
	aux := start
	names := e.nameConcepts(lq, toks)
	subjEnd := e.subjectEnd(lq.Text, toks, norms, names, aux+1, end, copulaAux(norms[aux]))
	if subjEnd <= aux+1 || subjEnd >= end || norms[subjEnd-1] == "s" {
		return "" // no subject, nothing after it, or one cut after a possessive ("North Korea's")
	}
	return e.writeTokens(lq.Text, toks, names, aux+1, subjEnd) + " " + strings.ToLower(toks[aux].Text) + " " + e.writeTokens(lq.Text, toks, names, subjEnd, end)
}

// writeTokens writes tokens from to to-1 of text as the question has
// them (the punctuation between them kept, a run of spaces as one, the
// punctuation right before the first: "/etc/hosts"), names capitalised:
// "kim" → Kim; a name of two letters or of no vowels in capitals ("us",
// "nk").
func (e *Extractive) writeTokens(text string, toks []lexicon.Token, names []int, from, to int) string {
	var b strings.Builder
	if from > 0 {
		gap := text[toks[from-1].End:toks[from].Start]
		b.WriteString(gap[len(strings.TrimRightFunc(gap, func(r rune) bool { return !unicode.IsSpace(r) })):])
	} else {
		b.WriteString(text[:toks[0].Start])
	}
	for i := from; i < to; i++ {
		if i > from {
			gap := text[toks[i-1].End:toks[i].Start]
			if strings.TrimSpace(gap) == "" {
				gap = " "
			}
			b.WriteString(gap)
		}
		w := toks[i].Text
		if names[i] >= 0 && w == strings.ToLower(w) {
			if len(toks[i].Norm) <= 2 || !strings.ContainsAny(toks[i].Norm, "aeiouy") {
				w = strings.ToUpper(w)
			} else {
				w = upperFirst(w)
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// auxiliary reports the English auxiliaries a yes/no question opens with.
func auxiliary(w string) bool {
	return copulaAux(w) || w == "do" || w == "does" || w == "did" || w == "can" || w == "could" || w == "will" || w == "would" || w == "should"
}

// copulaAux reports the auxiliaries after whose subject the predicate may
// be a participle, an adjective, a place or a noun phrase, not a verb.
func copulaAux(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had":
		return true
	}
	return false
}

// subjectEnd returns where the subject that starts at token from ends:
// at the verb after "did", "can" (the first word WordNet counts mostly
// as a verb), at an adverb ("actually"), or at a function word once the
// subject has begun; after a copula, also at a participle, an adjective
// once the subject names something ("was bloomberg able"), or where a
// second name follows a whole first ("is Choe Son Hui North Korea's …").
func (e *Extractive) subjectEnd(text string, toks []lexicon.Token, norms []string, names []int, from, end int, afterCopula bool) int {
	named, det := false, false
	for i := from; i < end; i++ {
		w := norms[i]
		if i > from && text[toks[i-1].End:toks[i].Start] == "-" {
			continue // "non-free": one word
		}
		if names[i] >= 0 {
			if afterCopula && named && i > from && names[i] != names[i-1] && names[i-1] >= 0 {
				return i // a second name: the predicate
			}
			named = true
			continue
		}
		if toks[i].Num || w == "s" && i > from && strings.TrimSpace(text[toks[i-1].End:toks[i].Start]) != "" {
			continue // a figure; the s of "russia's"
		}
		if i == from && (determiner(w) || w == "a" || w == "an") {
			det = true
			continue
		}
		if w == "and" && i > from && i+1 < end && (names[i+1] >= 0 || determiner(norms[i+1])) {
			continue
		}
		pos := e.lex.DominantPOS(w)
		switch {
		case pos == 'r' || strings.HasSuffix(w, "ly"):
			return i
		case e.lex.IsStop(w):
			return i
		case !afterCopula && pos == 'v':
			return i
		case afterCopula && strings.HasSuffix(w, "ing") && pos == 'n' && det:
			// "the wonsan meeting": a noun the determiner opened
		case afterCopula && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "en") && pos == 'v'):
			return i
		case afterCopula && pos == 'a' && named:
			return i
		}
		named = named || pos == 'n' || pos == 0
	}
	return end
}

// determiner reports the words that may open an English noun phrase.
func determiner(w string) bool {
	switch w {
	case "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "any", "some":
		return true
	}
	return false
}

// nameConcepts gives each of the question's tokens the index of the name
// it belongs to, -1 for none ("kim and lavrov": 0, -1, 1).
func (e *Extractive) nameConcepts(lq lexicon.Query, toks []lexicon.Token) []int {
	out := make([]int, len(toks))
	for i := range out {
		out[i] = -1
	}
	for ci, con := range lq.Concepts {
		if !con.Entity && !e.lex.PlaceNamed(con) {
			continue
		}
		words := strings.Fields(con.Surface)
		for i := 0; i+len(words) <= len(toks); i++ {
			match := true
			for k, w := range words {
				if !strings.EqualFold(toks[i+k].Text, w) {
					match = false
					break
				}
			}
			if match {
				for k := range words {
					if out[i+k] < 0 {
						out[i+k] = ci
					}
				}
			}
		}
	}
	return out
}
