package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

func TestConfixedNounIsNoName(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"pembaruan":  true,  // pe-baru-an
		"kekecewaan": true,  // ke-kecewa-an
		"pertemuan":  true,  // per-temu-an
		"lavrov":     false, // a name
		"pyongyang":  false,
		"baru":       false, // no confix
		"perdana":    false, // no -an
	} {
		if got := confixedNoun(w, lex.KnownWord); got != want {
			t.Errorf("confixedNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
