package answer

import (
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// corpusNames finds which words of a question the retrieved passages
// write as names: capitalised where capitals are not owed to the start of
// a sentence, more often than not. People type names in lower case in
// chat ("who did lavrov meet in malaysia?"); the coverage does not.
func corpusNames(question string, hits []retrieval.Hit) map[string]bool {
	want := map[string]bool{}
	for _, t := range lexicon.Tokenize(question) {
		if !t.Upper && !t.Num && len(t.Norm) >= 2 {
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
