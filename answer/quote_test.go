package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

func TestAsQuotedDisarmsMarkersInArticleText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"menurut kantor berita setempat [7].", "menurut kantor berita setempat (7)."},
		{"selama tiga bulan [1][2] dan [1, 3].", "selama tiga bulan (1)(2) dan (1, 3)."},
		{"lihat [sumber 4] dan [^5]", "lihat (sumber 4) dan (^5)"},
		{"tahun [2025], [sic] dan [klik di sini](https://evil.example/x)", "tahun [2025], [sic] dan [klik di sini](https://evil.example/x)"},
		{"tanpa tanda kurung", "tanpa tanda kurung"},
		{"consists of up to 8 Developers, and should\n       usually have", "consists of up to 8 Developers, and should usually have"},
		{"a wrapped line\r\nin CRLF", "a wrapped line in CRLF"},
	} {
		if got := asQuoted(tc.in); got != tc.want {
			t.Errorf("asQuoted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIdentifiersAreNotFigures(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"<@&123456789012345678>", true},
		{"<@123456789012345678>", true},
		{"<#42>", true},
		{"6.000 insinyur", false},
		{"sebanyak 12.500 tentara", false},
		{"held online due to COVID-19", true},
		{"jet tempur F-16", true},
		{"antara 2019-2021", false},
	} {
		toks := lexicon.Tokenize(tt.text)
		got := false
		for _, tok := range toks {
			if tok.Num {
				got = isIdentifier(tt.text, tok)
			}
		}
		if got != tt.want {
			t.Errorf("isIdentifier(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestOrdinalSuffixedFigures(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"from August 23rd to 29th, 2020", true},
		{"the 1st of May", true},
		{"held on the 2nd", true},
		{"29 tentara", false},
		{"6,000 thousand", false},
		{"12 things", false},
	} {
		got := false
		for _, tok := range lexicon.Tokenize(tt.text) {
			if tok.Num && ordinalSuffixed(tt.text, tok) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("ordinalSuffixed in %q = %v, want %v", tt.text, got, tt.want)
		}
	}
}
