package lexicon

import "testing"

// The renderings picked must not depend on the dictionaries' map order:
// every lexicon loaded renders every word the same way ("yang" was
// "whose" in one load and "whom" in another).
func TestGlossesDeterministic(t *testing.T) {
	first, err := New()
	if err != nil {
		t.Fatal(err)
	}
	want := first.glosses()
	for i := 1; i < 6; i++ {
		l, err := New()
		if err != nil {
			t.Fatal(err)
		}
		for id, g := range l.glosses() {
			if w := want[id]; g.read != w.read || g.en != w.en {
				t.Errorf("load %d renders %q as %q (%q), the first load as %q (%q)", i, id, g.read, g.en, w.read, w.en)
			}
		}
	}
}
