package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// A sentence may name a person by part of their name ("Son Hui", "Hui")
// that the article writes in full elsewhere ("Choe Son Hui"). A reader
// asking who wants the full name: the lead gives the longest name the
// article writes that ends with the sentence's words, the quote stays the
// sentence.

// fullerName returns the longest run of name words in doc ending with
// name, or name itself. The words added are capitalised and no
// dictionary word or place ("Menteri", "Korut" stop the run).
func (e *Extractive) fullerName(doc retrieval.Document, name string) string {
	want := lexicon.Tokenize(name)
	if len(want) == 0 {
		return name
	}
	toks := lexicon.Tokenize(doc.Text)
	best := name
	for i := len(want) - 1; i < len(toks); i++ {
		if !endsWith(toks[:i+1], want) {
			continue
		}
		from := i - len(want) + 1
		for from > 0 && (e.nameWord(toks[from-1]) || e.bridged(toks, from-1)) && !sentenceGap(doc.Text[toks[from-1].End:toks[from].Start]) {
			from--
		}
		if full := doc.Text[toks[from].Start:toks[i].End]; len(strings.Fields(full)) > len(strings.Fields(best)) {
			best = full
		}
	}
	return best
}

// nameWord reports a word that may begin or continue a person's name:
// capitalised, and no dictionary word (a title, "Menteri"), place,
// month, weekday or function word.
func (e *Extractive) nameWord(t lexicon.Token) bool {
	return t.Upper && !t.Num && !e.lex.KnownWord(t.Norm) && !e.lex.IsPlaceName(t.Norm) && !e.lex.IsStop(t.Norm) &&
		!lexicon.IsCalendarWord(t.Norm) && !e.lex.IsSeatOfPower(t.Norm)
}

// bridged reports a capitalised word that a dictionary lists ("Son")
// between two name words ("Choe … Hui"): part of the name.
func (e *Extractive) bridged(toks []lexicon.Token, k int) bool {
	return k > 0 && k+1 < len(toks) && toks[k].Upper && !e.lex.IsPlaceName(toks[k].Norm) && e.nameWord(toks[k-1]) && e.nameWord(toks[k+1])
}

// sentenceGap reports text between two words that is more than a space,
// or a line break: a name does not run on over lines (a caption's "Ian
// Murdock" above the heading "Ian Murdock").
func sentenceGap(between string) bool {
	return strings.TrimSpace(between) != "" || strings.ContainsRune(between, '\n')
}

func endsWith(toks, want []lexicon.Token) bool {
	if len(toks) < len(want) {
		return false
	}
	off := len(toks) - len(want)
	for k, w := range want {
		if toks[off+k].Norm != w.Norm {
			return false
		}
	}
	return true
}
