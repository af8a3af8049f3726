package lexicon

import (
	"strings"
	"sync"
)

// chatShorts maps the consonant skeleton of each Indonesian function word
// (the stop-word list's words and the question words) to the word, where
// one word alone has that skeleton: chat writes "brp" for berapa, "yg"
// for yang, "dgn" for dengan, "knp" for kenapa. Built on first use.
type chatShorts struct {
	once sync.Once
	long map[string]string
}

// chatShortForm returns the function word a chat word without vowels
// after its first letter stands for ("brp" → "berapa", "utk" → "untuk"), or "" when it is none or when
// several words share its skeleton ("tp": tapi or tiap).
func (l *Lexicon) chatShortForm(norm string) string {
	if len(norm) < 2 || len(norm) > 4 || strings.ContainsAny(norm[1:], "aiueo") || !isAlpha(norm) {
		return ""
	}
	if l.EnglishWord(norm) {
		return "" // "spy" is no "supaya": an English word stands for itself
	}
	c := l.chatShort
	c.once.Do(func() {
		c.long = map[string]string{}
		ambiguous := map[string]bool{}
		add := func(w string) {
			for _, sk := range skeletons(w) {
				if len(sk) < 2 || len(sk) > 4 || l.IsStop(sk) {
					// "and", "it": a word of its own, in either language
					continue
				}
				if prev, ok := c.long[sk]; ok && prev != w {
					ambiguous[sk] = true
				}
				c.long[sk] = w
			}
		}
		for w := range l.stopID {
			add(w)
		}
		for _, w := range []string{"berapa", "siapa", "kapan", "dimana", "bagaimana", "gimana", "mengapa", "kenapa"} {
			add(w)
		}
		for sk := range ambiguous {
			delete(c.long, sk)
		}
	})
	return c.long[norm]
}

// skeletons returns a word's first letter and its later consonants in
// order, with "ng" also written "g" ("yang": yng, yg; "untuk": utk).
func skeletons(w string) []string {
	var b strings.Builder
	for i, r := range w {
		if i == 0 || !strings.ContainsRune("aiueo", r) {
			b.WriteRune(r)
		}
	}
	sk := b.String()
	if strings.Contains(sk, "ng") {
		return []string{sk, strings.ReplaceAll(sk, "ng", "g")}
	}
	return []string{sk}
}
