package lexicon

import (
	"strings"
	"sync"
)

// personTitles is the Indonesian side of the person nouns: every
// translation the dictionaries give of an English noun whose most
// frequent WordNet sense is a person ("menteri", "juru bicara", "kepala"),
// built on first use.
type personTitles struct {
	once sync.Once
	id   map[string]bool
}

// PersonNoun reports whether a folded word names a person by what they are
// or do — a title, a job, a role ("minister", "spokesperson", "maintainer";
// "menteri", "kepala", "juru bicara"): in English, its most frequent WordNet
// sense is a person; in Indonesian, it translates such a noun. A phrase
// ("juru bicara") is looked up whole.
func (l *Lexicon) PersonNoun(norm, lang string) bool {
	if lang == "id" {
		l.persons.once.Do(l.buildPersonTitles)
		return l.persons.id[norm]
	}
	for _, lemma := range lemmaCandidates(norm) {
		if l.personNouns.has(lemma) {
			return true
		}
	}
	return false
}

func (l *Lexicon) buildPersonTitles() {
	id := map[string]bool{}
	for _, d := range []map[string][]string{l.news, l.freedict} {
		for en, trs := range d {
			if strings.IndexByte(en, ' ') >= 0 || !l.personNouns.has(en) {
				continue
			}
			for _, t := range trs {
				t = strings.ToLower(strings.TrimSpace(t))
				if t == "" || strings.Count(t, " ") > 2 {
					continue
				}
				id[t] = true
			}
		}
	}
	l.persons.id = id
}
