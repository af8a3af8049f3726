package lexicon

import "sync"

// lemmaDict is an embedded word → words table (word<TAB>a|b), generated
// by lexicon/internal/wordnetgen, read on its first lookup: most
// questions never need it. Copies of a Lexicon share it.
type lemmaDict struct {
	file string
	once sync.Once
	m    map[string][]string
}

// lookup returns the entry of a folded English word, trying its simple
// lemmas ("increases" → increase); nil when there is none.
func (z *lemmaDict) lookup(norm string) []string {
	z.once.Do(func() {
		z.m, _ = readDict(dataFS, z.file) // embedded at build time: it reads, or there are none
	})
	for _, lemma := range lemmaCandidates(norm) {
		if v := z.m[lemma]; v != nil {
			return v
		}
	}
	return nil
}

// EnglishSynonyms returns the synonyms, from WordNet's most frequent
// senses, through which an English word the dictionaries cannot
// translate is translated ("ammo" → ammunition, "reckon" → estimate;
// data/wordnet-synonyms.tsv); nil when the dictionaries know it or
// WordNet gives none.
func (l *Lexicon) EnglishSynonyms(norm string) []string { return l.enSyn.lookup(norm) }

// EnglishAntonyms returns the antonyms WordNet gives an English word in
// its most frequent senses ("west" → east, "increase" → decrease;
// data/wordnet-antonyms.tsv); nil when it gives none.
func (l *Lexicon) EnglishAntonyms(norm string) []string { return l.enAnt.lookup(norm) }
