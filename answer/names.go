package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// corpusNames finds which words of a question the retrieved passages
// write as names: capitalised where capitals are not owed to the start of
// a sentence, more often than not. People type names in lower case in
// chat ("who did lavrov meet in malaysia?"); the coverage does not.
// An asker who capitalises names ("the Debian LTS project") writes a
// dictionary word in lower case because it is one: known reports those,
// and they are not taken for names then. An acronym ("AS", "US") says
// nothing of the asker's habit: chat types it in capitals too.
func corpusNames(question string, hits []retrieval.Hit, known func(norm string) bool, title func(norm string) bool) map[string]bool {
	toks := lexicon.Tokenize(question)
	capitalises := false
	for i, t := range toks {
		if t.Upper && !t.Num && i > 0 && strings.ToUpper(t.Text) != t.Text && !sentenceStartBetween(question[toks[i-1].End:t.Start]) {
			capitalises = true
		}
	}
	want := map[string]bool{}
	for _, t := range toks {
		if !t.Upper && !t.Num && len(t.Norm) >= 2 && !(capitalises && known(t.Norm)) && !confixedNoun(t.Norm, known) && !title(t.Norm) {
			want[t.Norm] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	upper, lower := map[string]int{}, map[string]int{}
	for _, h := range hits {
		text := h.Chunk.Text
		toks := lexicon.Tokenize(text)
		for i, t := range toks {
			if !want[t.Norm] {
				continue
			}
			switch {
			case !t.Upper:
				lower[t.Norm]++
			case i > 0 && toks[i-1].Upper && title(toks[i-1].Norm):
				// the rest of a title ("Menteri Pertahanan"), capitalised
				// as the title is
			case i > 0 && !sentenceStartBetween(text[toks[i-1].End:t.Start]):
				upper[t.Norm]++
			}
		}
	}
	names := map[string]bool{}
	for w, n := range upper {
		if n > lower[w] {
			names[w] = true
		}
	}
	return names
}

// sentenceStartBetween reports whether the text between two words ends a
// sentence or a line, so the second word's capital says nothing.
func sentenceStartBetween(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?', '\n', '"', ':':
			return true
		}
	}
	return false
}

// confixedNoun reports an Indonesian noun made with a confix (pe-…-an,
// per-…-an, ke-…-an) around a dictionary word ("pembaruan" ← baru,
// "kekecewaan" ← kecewa): such a word is never a name, however the
// coverage capitalises it in headings.
func confixedNoun(w string, known func(string) bool) bool {
	if !strings.HasSuffix(w, "an") || !(strings.HasPrefix(w, "pe") || strings.HasPrefix(w, "ke")) {
		return false
	}
	for _, s := range lexicon.StemID(w) {
		if s != w && len(s) >= 3 && known(s) {
			return true
		}
	}
	return false
}
