package lexicon

import (
	"maps"
	"slices"
)

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// Questions for what a short form stands for ("what does KCNA stand for?",
// "tar itu singkatan dari apa?", "apa kepanjangan dari buildd?"). The
// words that ask it name the relation, and documents state it with any
// of them: "stands for", "short for", "an abbreviation of", "kependekan
// dari", "singkatan dari". Indonesian asks for the long form
// ("kepanjangan") where the text says the short form is one
// ("kependekan"), so the relation's words are one concept.

// expansionWords are the words of the relation, per language: the closed
// class English and Indonesian use to spell out a short form.
var expansionWords = map[string]string{
	"stands": "en", "stand": "en", "short": "en", "abbreviation": "en", "acronym": "en", "abbreviates": "en",
	"kependekan": "id", "singkatan": "id", "kepanjangan": "id", "kepanjangannya": "id", "singkatannya": "id",
	"kependekannya": "id", "akronim": "id", "abreviasi": "id",
}

// asksExpansion reports whether a question asks what a short form stands
// for: a word of the relation, and for English "stand"/"short" the "for"
// after it.
func asksExpansion(toks []Token) bool {
	for i, t := range toks {
		lang, ok := expansionWords[t.Norm]
		if !ok {
			continue
		}
		if lang == "en" && (t.Norm == "stand" || t.Norm == "stands" || t.Norm == "short") {
			if i+1 < len(toks) && toks[i+1].Norm == "for" {
				return true
			}
			continue
		}
		return true
	}
	return false
}

// widenExpansion gives each concept of the relation every word documents
// state it with, in both languages.
func (l *Lexicon) widenExpansion(q *Query) {
	for i := range q.Concepts {
		c := &q.Concepts[i]
		if _, ok := expansionWords[c.Surface]; !ok {
			continue
		}
		// Only the relation's words: the stems the word has otherwise
		// ("kepanjangan": panjang, long) are other words.
		c.Alts, c.AltWeights, c.AltLangs = nil, nil, nil
		for _, w := range sortedKeys(expansionWords) {
			c.addAltIn(l.alt(w, expansionWords[w]), 1, expansionWords[w])
		}
		// The relation, not a thing the answer names: a sentence giving
		// the long form beside the short one states it without the word.
		c.Salient, c.Focus, c.Meta = false, false, true
	}
}
