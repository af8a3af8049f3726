package lexicon

import "testing"

// TestEnglishSynonymsTranslate checks that a question word the
// dictionaries lack is translated through its WordNet synonyms, and that
// a word of many meanings lends none.
func TestEnglishSynonymsTranslate(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		question, word, want string // want: an Indonesian alternative of word's concept, "" for none beyond the word itself
	}{
		{"how much ammo did they send?", "ammo", "amunisi"},
		{"how many km of the region is held?", "km", "kilometer"},
		{"what did the troop deployment mark?", "mark", ""}, // "mark" has many senses: none lends
	} {
		q := l.Analyze(tc.question)
		var found *Concept
		for i := range q.Concepts {
			if q.Concepts[i].Surface == tc.word {
				found = &q.Concepts[i]
			}
		}
		if found == nil {
			t.Errorf("%q: no concept %q", tc.question, tc.word)
			continue
		}
		var has bool
		if tc.want != "" {
			want := l.Terms(tc.want, "id")
			for i, a := range found.Alts {
				if found.AltLang(i) == "id" && len(a) == 1 && containsString(a[0], want[0]) {
					has = true
				}
			}
		}
		if tc.want != "" && !has {
			t.Errorf("%q: concept %q lacks %q: %v", tc.question, tc.word, tc.want, found.Alts)
		}
		if tc.want == "" && len(l.EnglishSynonyms(tc.word)) > 0 {
			t.Errorf("%q lends synonyms %v", tc.word, l.EnglishSynonyms(tc.word))
		}
	}
}
