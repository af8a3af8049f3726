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

// NamesOtherThanPeople reports an Indonesian noun of an act, a state or
// a thing, built with -an on a root the dictionaries know, that names no
// person by role ("kunjungan" on kunjung, "pertahanan" on tahan,
// "pekerjaan" on kerja): where a person noun ("visitors": pengunjung,
// "prisoners": tahanan, "workers": pekerja) meets it through the shared
// root, it names something else. Agent nouns ("penduduk",
// "pembangun") and person nouns in -an ("tahanan", "wartawan") are not
// such words.
func (l *Lexicon) NamesOtherThanPeople(norm string) bool {
	if i := strings.IndexByte(norm, '-'); i > 0 {
		norm = norm[:i] // "pejabat-pejabat"
	}
	bare := strings.TrimSuffix(norm, "nya")
	for _, f := range []string{norm, bare} {
		if l.PersonNoun(f, "id") || l.PersonNoun(f, "en") {
			return false
		}
	}
	for _, s := range StemID(norm) {
		// the -an is the suffix, not the root's own end ("melawan" on lawan)
		if len(s) >= 3 && strings.HasSuffix(bare, s+"an") && l.KnownWord(s) {
			return true
		}
	}
	return false
}
