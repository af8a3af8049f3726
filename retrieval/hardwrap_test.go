package retrieval

import (
	"strings"
	"testing"
)

func TestSegmentHardWrapped(t *testing.T) {
	wrappedText := strings.Join([]string{
		"Debian Constitution",
		"",
		"    1. The Technical Committee consists of up to 8 Developers, and should",
		"       usually have at least 4 members.",
		"    2. When there are fewer than 8 members the Technical Committee may",
		"       recommend new member(s) to the Project Leader, who may choose",
		"       (individually) to appoint them or not.",
		"",
		"The next two weeks are the polling period during which Developers",
		"may cast their votes. The options on the ballot will be those",
		"candidates who have nominated themselves.",
		"",
		"- a list item that wraps",
		"  onto a second line",
		"- and another item",
	}, "\n")
	newsText := strings.Join([]string{
		"Korea Utara mengirim 6.000 insinyur militer ke Kursk, kata pejabat.",
		"Pertemuan itu berlangsung di Wonsan",
		"Lavrov tiba pada Jumat",
		"Kim menyambutnya di bandara",
		"Keduanya membahas kerja sama",
		"Pernyataan bersama tidak dirilis",
		"Juru bicara menolak berkomentar",
		"Rusia membantah laporan itu",
		"Ukraina belum menanggapi",
	}, "\n")
	tests := []struct {
		name string
		text string
		want []string // paragraph texts with line breaks folded to spaces
	}{
		{"hard-wrapped constitution", wrappedText, []string{
			"Debian Constitution",
			"1. The Technical Committee consists of up to 8 Developers, and should usually have at least 4 members.",
			"2. When there are fewer than 8 members the Technical Committee may recommend new member(s) to the Project Leader, who may choose (individually) to appoint them or not.",
			"The next two weeks are the polling period during which Developers may cast their votes. The options on the ballot will be those candidates who have nominated themselves.",
			"- a list item that wraps onto a second line",
			"- and another item",
		}},
		// Lines without final stops, but no wrapping: each line is a
		// paragraph, as news is scraped.
		{"one paragraph per line", newsText, strings.Split(newsText, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document{ID: "x", Text: tt.text}
			var got []string
			for _, p := range Segment(doc) {
				got = append(got, strings.Join(strings.Fields(tt.text[p.Span.Start:p.Span.End]), " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSegmentHardWrappedSentenceSpansLines(t *testing.T) {
	text := strings.Repeat("This line of a hard-wrapped plain text file goes on for a while and\nthen goes on in the next line, and then it ends.\n\n", 6)
	doc := Document{ID: "x", Text: text}
	paras := Segment(doc)
	if len(paras) != 6 {
		t.Fatalf("got %d paragraphs, want 6", len(paras))
	}
	s := paras[0].Sentences
	if len(s) != 1 || text[s[0].Start:s[0].End] != "This line of a hard-wrapped plain text file goes on for a while and\nthen goes on in the next line, and then it ends." {
		t.Errorf("sentences %v", s)
	}
}
