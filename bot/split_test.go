package bot

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"fits", "halo dunia", 20, []string{"halo dunia"}},
		{"empty", "", 20, []string{""}},
		{"paragraph first", "satu dua.\n\ntiga empat lima", 16, []string{"satu dua.\n\n", "tiga empat lima"}},
		{"sentence", "Satu dua tiga. Empat lima enam.", 20, []string{"Satu dua tiga. ", "Empat lima enam."}},
		{"word", "satu dua tiga empat", 10, []string{"satu dua ", "tiga empat"}},
		{"marker kept whole", "abcdefgh[12]xyz", 10, []string{"abcdefgh", "[12]xyz"}},
		{"mention kept whole", "aaaaaa<@1234567>bb", 10, []string{"aaaaaa", "<@1234567>", "bb"}},
		{"multibyte", "ééééé", 3, []string{"ééé", "éé"}},
		{"astral counts two", "🇷🇺🇰🇵", 4, []string{"🇷🇺", "🇰🇵"}},
		{"hard cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, tc := range tests {
		got := splitText(tc.text, tc.limit)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: splitText(%q, %d) = %q, want %q", tc.name, tc.text, tc.limit, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text  string
		limit int
		want  string
	}{
		{"pendek", 10, "pendek"},
		{"kata yang cukup panjang sekali", 12, "kata yang…"},
		{"lihat [12] dan [13]", 9, "lihat…"},
		{"ééééé", 3, "éé…"},
	}
	for _, tc := range tests {
		if got := truncate(tc.text, tc.limit); got != tc.want || textLen(got) > tc.limit {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.text, tc.limit, got, tc.want)
		}
	}
}

// The fuzz checker finds tokens with its own expressions, independent of
// the splitter's.
var (
	fuzzMarker  = regexp.MustCompile(`\[\d{1,6}\]`)
	fuzzMention = regexp.MustCompile(`<@!?\d{1,20}>`)
)

func FuzzSplitMessage(f *testing.F) {
	f.Add("Putin tiba di Pyongyang [1]. Kim menyambutnya <@123456789012345678> [2].", 64)
	f.Add(strings.Repeat("é🇷🇺[12] <@99> ", 300), 2000)
	f.Add(strings.Repeat("a", 5000), 2000)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 0 {
			limit = -limit
		}
		limit = 64 + limit%4096 // tokens are at most 57 long
		parts := splitText(s, limit)
		if strings.Join(parts, "") != s {
			t.Fatalf("parts do not add up to the input")
		}
		valid := utf8.ValidString(s)
		cuts := map[int]bool{}
		at := 0
		for _, p := range parts[:len(parts)-1] {
			at += len(p)
			cuts[at] = true
		}
		for _, p := range parts {
			if textLen(p) > limit {
				t.Fatalf("part of %d units over the limit %d", textLen(p), limit)
			}
			if valid && !utf8.ValidString(p) {
				t.Fatalf("part is not valid UTF-8: %q", p)
			}
			if p == "" && len(parts) > 1 {
				t.Fatal("empty part")
			}
		}
		for _, re := range []*regexp.Regexp{fuzzMarker, fuzzMention} {
			for _, m := range re.FindAllStringIndex(s, -1) {
				for c := m[0] + 1; c < m[1]; c++ {
					if cuts[c] {
						t.Fatalf("cut inside token %q", s[m[0]:m[1]])
					}
				}
			}
		}
	})
}
