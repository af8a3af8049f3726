package lexicon

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	t.Parallel()
	type tok struct {
		text, norm string
		num, upper bool
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"Indonesian thousands", "sekitar 10.000 tentara", []tok{{"sekitar", "sekitar", false, false}, {"10.000", "10000", true, false}, {"tentara", "tentara", false, false}}},
		{"English thousands", "6,000 engineers", []tok{{"6,000", "6000", true, false}, {"engineers", "engineers", false, false}}},
		{"Indonesian decimal", "2,5 persen", []tok{{"2,5", "2.5", true, false}, {"persen", "persen", false, false}}},
		{"scale word joins its figure", "2,5 juta orang", []tok{{"2,5 juta", "2500000", true, false}, {"orang", "orang", false, false}}},
		{"English scale word", "6 thousand troops", []tok{{"6 thousand", "6000", true, false}, {"troops", "troops", false, false}}},
		{"ribuan is no scale", "10 ribuan", []tok{{"10", "10", true, false}, {"ribuan", "ribuan", false, false}}},
		{"English decimal", "2.5 million", []tok{{"2.5 million", "2500000", true, false}}},
		{"millions", "1.234.567", []tok{{"1.234.567", "1234567", true, false}}},
		{"sentence-final period", "pada 2025.", []tok{{"pada", "pada", false, false}, {"2025", "2025", true, false}}},
		{"hyphen splits", "Rusia-Ukraina", []tok{{"Rusia", "rusia", false, true}, {"Ukraina", "ukraina", false, true}}},
		{"apostrophe splits", "Lavrov's", []tok{{"Lavrov", "lavrov", false, true}, {"s", "s", false, false}}},
		{"diacritics fold", "Zelénskyy", []tok{{"Zelénskyy", "zelenskyy", false, true}}},
		{"letters and digits", "G20 K-pop", []tok{{"G20", "g20", false, true}, {"K", "k", false, true}, {"pop", "pop", false, false}}},
		// Non-ASCII digits once made an empty number token and panicked.
		{"Arabic-Indic digit", "hari ٣", []tok{{"hari", "hari", false, false}, {"٣", "٣", false, false}}},
		{"fullwidth digits", "１２ orang", []tok{{"１２", "１２", false, false}, {"orang", "orang", false, false}}},
		{"empty", "", nil},
		{"punctuation only", " ,.—“”!? ", nil},
		{"invalid UTF-8", "a\xffb", []tok{{"a", "a", false, false}, {"b", "b", false, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			toks := Tokenize(tc.in)
			var got []tok
			for _, k := range toks {
				if tc.in[k.Start:k.End] != k.Text {
					t.Errorf("token %q: text[%d:%d] = %q", k.Text, k.Start, k.End, tc.in[k.Start:k.End])
				}
				got = append(got, tok{k.Text, k.Norm, k.Num, k.Upper})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Tokenize(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestCanonicalNumber(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"6000", "6000"},
		{"6,000", "6000"},
		{"6.000", "6000"},
		{"10.000", "10000"},
		{"10,000", "10000"},
		{"2,5", "2.5"},
		{"2.5", "2.5"},
		{"3,14", "3.14"},
		{"1.234.567", "1234567"},
		{"1,234,567.5", "1234567.5"},
		{"1.234,5", "1234.5"},
	}
	for _, tc := range tests {
		if got := canonicalNumber(tc.in); got != tc.want {
			t.Errorf("canonicalNumber(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Zelenskyy", "zelenskyy"},
		{"ZELÉNSKYY", "zelenskyy"},
		{"Škoda", "skoda"},
		{"Łukasz", "lukasz"},
		{"Kim", "kim"},
		{"e\u0301", "e"}, // decomposed accent
	}
	for _, tc := range tests {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
