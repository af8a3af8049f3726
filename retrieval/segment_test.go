package retrieval

import (
	"slices"
	"strings"
	"testing"
)

// sentences returns the sentences Segment finds in text, by paragraph.
func sentences(text string) [][]string {
	doc := Document{ID: "t", Text: text}
	var out [][]string
	for _, p := range Segment(doc) {
		var ss []string
		for _, s := range p.Sentences {
			ss = append(ss, text[s.Start:s.End])
		}
		out = append(out, ss)
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"thousands separators", "Korea Utara mengirim 10.000 tentara. Amerika mengirim 6,000 lainnya.", []string{"Korea Utara mengirim 10.000 tentara.", "Amerika mengirim 6,000 lainnya."}},
		{"decimal", "Inflasi naik 3.5 persen. Harga turun.", []string{"Inflasi naik 3.5 persen.", "Harga turun."}},
		{"year then sentence", "Perang dimulai pada 2022. Kim mendukung Rusia.", []string{"Perang dimulai pada 2022.", "Kim mendukung Rusia."}},
		{"titles", "Mr. Lavrov met Dr. Choe at No. 5 Jl. Merdeka. They talked.", []string{"Mr. Lavrov met Dr. Choe at No. 5 Jl. Merdeka.", "They talked."}},
		{"lower-case abbreviation", "Ia membawa beras, gula, dll. untuk pengungsi. Bantuan tiba.", []string{"Ia membawa beras, gula, dll. untuk pengungsi.", "Bantuan tiba."}},
		{"dotted abbreviation", "The U.S. State Department said so. Kim agreed.", []string{"The U.S. State Department said so.", "Kim agreed."}},
		{"initials", "Menurut J. K. Rowling, buku itu laris. Penerbit setuju.", []string{"Menurut J. K. Rowling, buku itu laris.", "Penerbit setuju."}},
		{"ellipsis", "\"Kami bertukar pandangan tentang situasi krisis Ukraina… Rekan-rekan Korea kami menegaskan dukungan,\" kata Lavrov.", []string{"\"Kami bertukar pandangan tentang situasi krisis Ukraina…", "Rekan-rekan Korea kami menegaskan dukungan,\" kata Lavrov."}},
		{"three dots", "Dia ragu... Lalu pergi.", []string{"Dia ragu...", "Lalu pergi."}},
		{"closing quote after period", "Kim menyebut tentara itu “heroik.” Lavrov setuju.", []string{"Kim menyebut tentara itu “heroik.”", "Lavrov setuju."}},
		{"quote inside attribution", "“Apa kabar?” tanya Kim. “Baik!” jawab Lavrov.", []string{"“Apa kabar?” tanya Kim.", "“Baik!” jawab Lavrov."}},
		{"bracket after period", "Ukraina mempertahankan wilayah (sekitar 90 km.) Kursk tetap diperebutkan.", []string{"Ukraina mempertahankan wilayah (sekitar 90 km.)", "Kursk tetap diperebutkan."}},
		{"em dash is no boundary", "Lavrov bertemu Choe di Wonsan—kota di pesisir timur. Kim hadir.", []string{"Lavrov bertemu Choe di Wonsan—kota di pesisir timur.", "Kim hadir."}},
		{"opening quote starts a sentence", "Lavrov berbicara. “Kami berterima kasih,” katanya.", []string{"Lavrov berbicara.", "“Kami berterima kasih,” katanya."}},
		{"digit starts a sentence", "Pasukan tiba. 600 di antaranya tewas.", []string{"Pasukan tiba.", "600 di antaranya tewas."}},
		{"no split before lower case", "Kim berkata ya. dan pergi.", []string{"Kim berkata ya. dan pergi."}},
		{"trailing credit fragment", "Kim menyapa Lavrov di Wonsan, 12 Juli 2025. KCNA via REUTERS", []string{"Kim menyapa Lavrov di Wonsan, 12 Juli 2025."}},
		{"markdown list number", "1. Pasukan tiba di Kursk. Mereka bertempur.", []string{"Pasukan tiba di Kursk.", "Mereka bertempur."}},
		{"markdown heading", "## Latar Belakang", []string{"Latar Belakang"}},
		{"no terminator", "Kim bertemu Lavrov", []string{"Kim bertemu Lavrov"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := sentences(tt.text)
			if len(got) != 1 {
				t.Fatalf("got %d paragraphs, want 1: %q", len(got), got)
			}
			if !slices.Equal(got[0], tt.want) {
				t.Errorf("sentences\n got %q\nwant %q", got[0], tt.want)
			}
		})
	}
}

func TestSegmentParagraphs(t *testing.T) {
	t.Parallel()
	text := "\ufeffSatu baris.\r\nDua baris.\r\n\r\n  Tiga\u00a0baris.  \r\n\n\nEmpat baris."
	paras := Segment(Document{Text: text})
	var got []string
	for i, p := range paras {
		if p.Index != i+1 {
			t.Errorf("paragraph %d has Index %d", i, p.Index)
		}
		got = append(got, text[p.Span.Start:p.Span.End])
	}
	want := []string{"\ufeffSatu baris.", "Dua baris.", "Tiga\u00a0baris.", "Empat baris."}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
	for _, p := range paras {
		for _, s := range p.Sentences {
			if strings.ContainsAny(text[s.Start:s.End], "\r\n") {
				t.Errorf("sentence %q contains a line break", text[s.Start:s.End])
			}
		}
	}
}

func TestSegmentRepeatedTitle(t *testing.T) {
	t.Parallel()
	title := "Pemimpin Korut Tegaskan Dukungan kepada Rusia"
	text := title + " | Berita Dunia\n" +
		"Penulis Berita | Senin, 14/07/2025 09:05 WIB\n" +
		title + " Kim menyapa Lavrov di Wonsan, 12 Juli 2025. KCNA via REUTERS\n" +
		"SEOUL - Kim mengatakan dukungannya kepada Lavrov.\n" +
		"SEOUL - Kim mengatakan dukungannya kepada Lavrov.\n"
	doc, err := ParseDocument("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != title {
		t.Fatalf("Title = %q, want %q", doc.Title, title)
	}
	paras := Segment(doc)
	var got []string
	for _, p := range paras {
		var ss []string
		for _, s := range p.Sentences {
			ss = append(ss, doc.Text[s.Start:s.End])
		}
		got = append(got, strings.Join(ss, " / "))
	}
	want := []string{
		title, // the " | Berita Dunia" tail is not part of the headline
		"",    // byline
		"Kim menyapa Lavrov di Wonsan, 12 Juli 2025.", // the glued title and the credit are dropped
		"SEOUL - Kim mengatakan dukungannya kepada Lavrov.",
		"", // an exact repeat
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences by paragraph\n got %q\nwant %q", got, want)
	}
	if !paras[1].Boilerplate || !paras[4].Boilerplate || paras[0].Boilerplate {
		t.Errorf("boilerplate flags = %v %v %v %v %v, want false true false false true",
			paras[0].Boilerplate, paras[1].Boilerplate, paras[2].Boilerplate, paras[3].Boilerplate, paras[4].Boilerplate)
	}
}

func TestSeedSentenceSpans(t *testing.T) {
	t.Parallel()
	for _, doc := range loadSeeds(t) {
		paras := Segment(doc)
		if len(paras) == 0 {
			t.Fatalf("%s: no paragraphs", doc.ID)
		}
		prevEnd := 0
		for _, p := range paras {
			if p.Span.Start < prevEnd || p.Span.End > len(doc.Text) || p.Span.Start >= p.Span.End {
				t.Errorf("%s p%d: span %v out of order or bounds", doc.ID, p.Index, p.Span)
			}
			prevEnd = p.Span.End
			if strings.TrimSpace(doc.Text[p.Span.Start:p.Span.End]) != doc.Text[p.Span.Start:p.Span.End] {
				t.Errorf("%s p%d: span not trimmed", doc.ID, p.Index)
			}
			if !p.Boilerplate && len(p.Sentences) == 0 {
				t.Errorf("%s p%d: content paragraph without sentences", doc.ID, p.Index)
			}
			last := p.Span.Start
			for _, s := range p.Sentences {
				if s.Start < last || s.End > p.Span.End || s.Start >= s.End {
					t.Errorf("%s p%d: sentence %v outside paragraph %v or out of order", doc.ID, p.Index, s, p.Span)
					continue
				}
				last = s.End
				if txt := doc.Text[s.Start:s.End]; strings.TrimSpace(txt) != txt {
					t.Errorf("%s p%d: sentence %q not trimmed", doc.ID, p.Index, txt)
				}
			}
		}
	}
}

// The 6.000 in "sekitar 6.000 insinyur" is a number, not a full stop.
func TestSeedThousandsSentence(t *testing.T) {
	t.Parallel()
	const want = "Pemerintah Kim telah berjanji untuk mengirimkan sekitar 6.000 insinyur dan pembangun militer untuk membantu pekerjaan rekonstruksi di wilayah Kursk, Rusia."
	for _, doc := range loadSeeds(t) {
		if doc.ID != "001_a0a4439ec23291f3" {
			continue
		}
		for _, p := range Segment(doc) {
			for _, s := range p.Sentences {
				if doc.Text[s.Start:s.End] == want {
					return
				}
			}
		}
		t.Fatalf("%s: no sentence %q", doc.ID, want)
	}
	t.Fatal("seed 001 not loaded")
}
