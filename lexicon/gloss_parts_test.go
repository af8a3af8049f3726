package lexicon

import "testing"

func TestLoanGloss(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id, want string
		pos      byte
	}{
		{"integritas", "integrity", 'n'},
		{"memverifikasi", "verify", 'v'},
		{"memfasilitasi", "facilitate", 'v'},
		{"independen", "independent", 'a'},
		{"privat", "private", 'a'},
		{"konvensi", "convention", 'n'},
		{"profil", "profile", 'n'}, // a silent final e is not written
		{"modul", "module", 'n'},
		{"unsur", "", 0},    // "uns-ur" is no loan of "unsure"
		{"meja", "", 0},     // too short, no loan ending
		{"rumahnya", "", 0}, // an Indonesian word: nothing English spelled like it
	} {
		en, pos := l.loanGloss(c.id)
		if en != c.want || c.want != "" && pos != c.pos {
			t.Errorf("loanGloss(%q) = %q, %c; want %q, %c", c.id, en, pos, c.want, c.pos)
		}
	}
}

func TestGlossTextGrammar(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ id, want string }{
		{"masing-masing", "each"},                       // the dictionary's whole reduplicated form
		{"negara-negara", "countries"},                  // a reduplicated noun is plural
		{"kedaulatan nasional", "national sovereignty"}, // head first → modifier first
		{"sejarah baru", "new history"},
		{"kedaulatan, nasional", "sovereignty, national"}, // a comma ends the phrase
		{"mereka menjaga kedaulatan", "they keep sovereignty"},
		{"tidak pernah", "never"},
		{"secara umum", "generally"},
		{"dikonfigurasi", "configured"},
		{"ribuan insinyur", "thousands of engineers"},
	} {
		if got := l.GlossText(c.id); got != c.want {
			t.Errorf("GlossText(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

func TestEnglishInflections(t *testing.T) {
	for _, c := range []struct {
		f       func(string) string
		in, out string
	}{
		{pluralEN, "country", "countries"},
		{pluralEN, "box", "boxes"},
		{pluralEN, "day", "days"},
		{pluralEN, "news", "news"},
		{adverbEN, "general", "generally"},
		{adverbEN, "easy", "easily"},
		{adverbEN, "basic", "basically"},
		{adverbEN, "simple", "simply"},
		{participleEN, "configure", "configured"},
		{participleEN, "verify", "verified"},
		{participleEN, "play", "played"},
	} {
		if got := c.f(c.in); got != c.out {
			t.Errorf("%q → %q, want %q", c.in, got, c.out)
		}
	}
}
