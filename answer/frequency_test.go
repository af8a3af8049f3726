package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

func TestRates(t *testing.T) {
	for _, tc := range []struct{ text, key, en string }{
		{"they do an incremental backup on DVD-ROM once per week", "once per week", "once a week"},
		{"mereka melakukan backup sekali per minggu", "sekali per minggu", "once a week"},
		{"rilis baru setiap 18 hingga 24 bulan", "setiap 18 hingga 24 bulan", "every 18 to 24 months"},
		{"laporan dikirim 3 kali setahun", "3 kali setahun", "three times a year"},
		{"the list gets a digest weekly", "weekly", "once a week"},
		{"pemeriksaan dijalankan tiap hari", "tiap hari", "every day"},
		{"the release lasted three years", "", ""}, // a length, not a rate
	} {
		doc := retrieval.Document{Text: tc.text}
		c := &candidate{doc: &doc, toks: lexicon.Tokenize(tc.text)}
		keys := frequencyKeys(c, make([]bool, len(c.toks)))
		got := ""
		if len(keys) > 0 {
			got = tc.text[keys[0].start:keys[0].end]
		}
		if got != tc.key {
			t.Errorf("%q: rate %q, want %q", tc.text, got, tc.key)
		}
		if tc.key != "" {
			if en := rateEN(tc.key); en != tc.en {
				t.Errorf("rateEN(%q) = %q, want %q", tc.key, en, tc.en)
			}
		}
	}
}
