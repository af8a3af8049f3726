package langid

import (
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"indonesian article", "Pemimpin Korea Utara Kim Jong Un menyambut Menteri Luar Negeri Rusia Sergei Lavrov di Wonsan pada hari Sabtu. Kedua negara membahas kerja sama militer dan ekonomi, menurut media pemerintah.", "id"},
		{"english article", "North Korean leader Kim Jong Un welcomed Russian Foreign Minister Sergei Lavrov in Wonsan on Saturday. The two countries discussed military and economic cooperation, state media said.", "en"},
		{"german", "Der nordkoreanische Machthaber Kim Jong Un hat den russischen Außenminister Sergej Lawrow am Samstag in Wonsan empfangen. Die beiden Länder sprachen über militärische und wirtschaftliche Zusammenarbeit.", "de"},
		{"italian", "Il leader nordcoreano Kim Jong Un ha accolto sabato a Wonsan il ministro degli Esteri russo Sergei Lavrov. I due paesi hanno discusso di cooperazione militare ed economica, secondo i media statali.", "it"},
		{"russian", "Лидер Северной Кореи Ким Чен Ын принял министра иностранных дел России Сергея Лаврова в Вонсане в субботу. Стороны обсудили военное и экономическое сотрудничество.", "ru"},
		{"japanese", "北朝鮮の金正恩総書記は土曜日、元山でロシアのラブロフ外相を迎えた。両国は軍事と経済の協力について話し合った。", "ja"},
		{"too short", "OK", ""},
		{"no letters", "12345 — 678", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRestricted(t *testing.T) {
	t.Parallel()
	d := New("id", "en")
	tests := []struct {
		text, want string
	}{
		{"How many engineers did North Korea promise?", "en"},
		{"Berapa tentara Korea Utara yang tewas?", "id"},
		{"Siapa yang ditemui Lavrov di Malaysia?", "id"},
		{"What is the population of Wonsan?", "en"},
		// German is not allowed: no answer rather than a wrong one.
		{"Der nordkoreanische Machthaber hat den russischen Außenminister am Samstag empfangen.", ""},
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text); got != tt.want {
			t.Errorf("New(id, en).Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNewIgnoresUnknownCodes(t *testing.T) {
	t.Parallel()
	d := New("xx", "")
	if got := d.Detect("The two countries discussed military and economic cooperation, state media said."); got != "en" {
		t.Errorf("Detect = %q, want en (unknown codes leave the detector unrestricted)", got)
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "a", "Kim Jong Un", "\xff\xfe", "北朝鮮", "ひらがな"} {
		f.Add(s)
	}
	d := New("id", "en")
	f.Fuzz(func(t *testing.T, s string) {
		for _, got := range []string{Detect(s), d.Detect(s)} {
			if got != "" && len(got) != 2 {
				t.Fatalf("Detect(%q) = %q, not an ISO 639-1 code", s, got)
			}
		}
		if got := d.Detect(s); got != "" && got != "id" && got != "en" {
			t.Fatalf("restricted Detect(%q) = %q", s, got)
		}
	})
}

func TestPrefer(t *testing.T) {
	t.Parallel()
	d := New().Prefer("id", "en")
	tests := []struct{ text, want string }{
		// whatlanggo alone calls this Danish, with low confidence.
		{"Debian has had several leaders since its beginnings in 1993.\nIan Murdock founded Debian in August 1993 and led it until March 1996.\nBruce Perens led Debian from April 1996 until December 1997.\nIan Jackson led Debian from January 1998 until December 1998.\nWichert Akkerman led Debian from January 1999 until March 2001.", "en"},
		{"Der nordkoreanische Machthaber Kim Jong Un hat den russischen Außenminister Sergej Lawrow am Samstag in Wonsan empfangen. Die beiden Länder sprachen über militärische und wirtschaftliche Zusammenarbeit.", "de"},
		{"Il leader nordcoreano Kim Jong Un ha accolto sabato a Wonsan il ministro degli Esteri russo Sergei Lavrov. I due paesi hanno discusso di cooperazione militare ed economica, secondo i media statali.", "it"},
		{"Pemimpin Korea Utara Kim Jong Un menyambut Menteri Luar Negeri Rusia Sergei Lavrov di Wonsan pada hari Sabtu.", "id"},
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text); got != tt.want {
			t.Errorf("Prefer(id, en).Detect(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestKnown(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]bool{"id": true, "en": true, "DE": true, "pt": true, "us": false, "tv": false, "ind": false, "": false, "e": false} {
		if got := Known(code); got != want {
			t.Errorf("Known(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestISO6391 holds the looked-up codes to whatlanggo's.
func TestISO6391(t *testing.T) {
	for l := whatlanggo.Lang(-2); l < whatlanggo.Lang(len(whatlanggo.Langs)+2); l++ {
		if got, want := iso6391(l), l.Iso6391(); got != want {
			t.Errorf("iso6391(%d) = %q, whatlanggo %q", l, got, want)
		}
	}
}
