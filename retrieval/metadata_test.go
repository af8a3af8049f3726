package retrieval

import (
	"context"
	"os"
	"testing"
)

// loadSeeds loads the bundled corpus the bot ships with.
func loadSeeds(t *testing.T) []Document {
	t.Helper()
	var skipped []Skipped
	docs, err := LoadCorpus(context.Background(), os.DirFS("../seeds"), func(s Skipped) { skipped = append(skipped, s) })
	if err != nil {
		t.Fatalf("LoadCorpus(seeds): %v", err)
	}
	if len(skipped) > 0 {
		t.Fatalf("LoadCorpus(seeds) skipped %v", skipped)
	}
	if len(docs) != 5 {
		t.Fatalf("LoadCorpus(seeds) = %d documents, want 5", len(docs))
	}
	return docs
}

func TestSeedMetadata(t *testing.T) {
	t.Parallel()
	docs := loadSeeds(t)
	byID := make(map[string]Document)
	for _, d := range docs {
		byID[d.ID] = d
	}
	tests := []struct {
		id, title, outlet, published, lang string
	}{
		// A dateline city ("LONDON –") is no outlet, and a long lede is no headline.
		{id: "000_ad46e1073d5a772e", lang: "id"},
		{
			id:        "001_a0a4439ec23291f3",
			title:     "Pemimpin Korut Tegaskan Kembali Dukungannya kepada Rusia dalam Perang Ukraina",
			published: "2025-07-14",
			lang:      "id",
		},
		{
			id:    "002_546dc01b2ce7994a",
			title: "Lavrov Rusia Temui Kim Jong Un di Korea Utara dengan Perang Ukraina di Depan Mata",
			lang:  "id",
		},
		{
			id:        "003_841ac0512e466fbb",
			title:     "Putin Temui Diplomat Senior Korea Utara, Sebut Hubungan Berkembang Sesuai Rencana",
			published: "2025-10-27",
			lang:      "id",
		},
		{
			id:     "004_c4a837ce9a3cc84f",
			title:  "Kim bertemu dengan Lavrov dan menegaskan kembali dukungan tanpa syarat Korea Utara terhadap kampanye militer Rusia di Ukraina.",
			outlet: "Suarathailand",
			lang:   "id",
		},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d, ok := byID[tt.id]
			if !ok {
				t.Fatalf("seed %s not loaded", tt.id)
			}
			if d.Path != tt.id+".txt" {
				t.Errorf("Path = %q, want %q", d.Path, tt.id+".txt")
			}
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if d.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tt.outlet)
			}
			if d.Published != tt.published {
				t.Errorf("Published = %q, want %q", d.Published, tt.published)
			}
			if d.Lang != tt.lang {
				t.Errorf("Lang = %q, want %q", d.Lang, tt.lang)
			}
			if d.URL != "" {
				t.Errorf("URL = %q, want none: the seeds state none", d.URL)
			}
			if len(d.Hash) != 64 {
				t.Errorf("Hash = %q, want 64 hex digits", d.Hash)
			}
		})
	}
}

func TestInferMetadata(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want metadata
	}{
		{
			name: "byline with numeric date",
			text: "Judul Berita Hari Ini\n\nAndi Wijaya | Selasa, 01/04/2025 17:30 WIB\nJAKARTA - Presiden membuka sidang yang dihadiri oleh para menteri dan anggota dewan di gedung parlemen untuk membahas anggaran.",
			want: metadata{Title: "Judul Berita Hari Ini", Published: "2025-04-01", Author: "Andi Wijaya", Lang: "id"},
		},
		{
			name: "labelled byline names the author; an agency in its place does not",
			text: "Talks end without a deal\nBy Jane Doe, Reuters\nThe talks ended on Tuesday and the two sides said that they would meet again in the spring.",
			want: metadata{Title: "Talks end without a deal", Author: "Jane Doe", Lang: "en"},
		},
		{
			name: "published label with English month",
			text: "Talks end without a deal\nPublished on 3 March 2024\nThe talks ended on Tuesday and the two sides said that they would meet again in the spring.",
			want: metadata{Title: "Talks end without a deal", Published: "2024-03-03", Lang: "en"},
		},
		{
			name: "published label without a full date keeps the words",
			text: "Talks end without a deal\nPublished March 2024\nThe talks ended on Tuesday and the two sides said that they would meet again in the spring.",
			want: metadata{Title: "Talks end without a deal", Published: "March 2024", Lang: "en"},
		},
		{
			name: "event date in a caption is not the publication date",
			text: "LONDON – Korea Utara akan terus mendukung perang Rusia di Ukraina, media negara melaporkan.\nDalam foto ini, Kim menyapa Lavrov di Wonsan, Korea Utara, Sabtu, 12 Juli 2025.\nKantor Berita Pusat Korea via AP\nLaporan itu mengikuti pertemuan pada hari Sabtu dengan para menteri.",
			want: metadata{Lang: "id"},
		},
		{
			name: "outlet in parentheses",
			text: "Jakarta (ANTARA) - Pemerintah akan mengirim bantuan ke Gaza pada pekan depan, kata juru bicara itu.",
			want: metadata{Outlet: "ANTARA", Lang: "id"},
		},
		{
			name: "city and state is no outlet",
			text: "AUSTIN, Texas – The governor said on Monday that the state would appeal the ruling in the case.",
			want: metadata{Lang: "en"},
		},
		{
			name: "city and date is no outlet",
			text: "Seoul, 14 Juli 2025 – Kim bertemu dengan Lavrov di Wonsan untuk membahas perang di Ukraina.",
			want: metadata{Lang: "id"},
		},
		{
			name: "single line has no title",
			text: "Kim bertemu Lavrov",
			want: metadata{Lang: "id"}, // "bertemu" is clearly Indonesian next to English
		},
		{
			name: "two sentences are a lede, not a headline",
			text: "Kim met Lavrov. They talked.\nMore text follows in the second paragraph of the story.",
			want: metadata{Lang: "en"},
		},
		{
			name: "section label before the headline",
			text: "• Dunia\n\nPutin Sambut Choe di Kremlin\n\nPresiden Rusia Vladimir Putin menyambut menteri luar negeri Korea Utara di Kremlin pada hari Senin untuk membahas kerja sama yang erat.",
			want: metadata{Title: "Putin Sambut Choe di Kremlin", Lang: "id"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := inferMetadata(tt.text); got != tt.want {
				t.Errorf("inferMetadata() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // "" when no full date
	}{
		{"Senin, 14/07/2025 09:05 WIB", "2025-07-14"},
		{"Diterbitkan Pada 27 Okt 2025", "2025-10-27"},
		{"12 Agu 2024", "2024-08-12"},
		{"1 Des. 2023", "2023-12-01"},
		{"Sabtu, 12 Juli 2025.", "2025-07-12"},
		{"July 14, 2025", "2025-07-14"},
		{"Posted Sept 3rd, 2024", "2024-09-03"},
		{"2025-07-12T10:30:00+09:00", "2025-07-12"},
		{"07/31/2025", "2025-07-31"}, // month first when the day cannot be a month
		{"31-12-2025", "2025-12-31"},
		{"30 Februari 2025", ""}, // no such day
		{"14/07-2025", ""},       // mixed separators
		{"Juli 2025", ""},
		{"pukul 09.05 WIB", ""},
		{"rencana pertukaran 2026-2027", ""},
		{"10.000 tentara", ""},
	}
	for _, tt := range tests {
		got, start, end, ok := findDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("findDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			continue
		}
		if ok && (start < 0 || end > len(tt.in) || start >= end) {
			t.Errorf("findDate(%q) range [%d,%d) out of bounds", tt.in, start, end)
		}
	}
}

func TestParseDateline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line          string
		place, outlet string
		ok            bool
	}{
		{"LONDON – Korea Utara dan pemimpinnya akan terus mendukung.", "LONDON", "", true},
		{"SEOUL - Pemimpin Korea Utara Kim Jong Un mengatakan.", "SEOUL", "", true},
		{"Pyongyang, Suarathailand- Menteri Luar Negeri Rusia Sergei Lavrov mengatakan.", "Pyongyang", "Suarathailand", true},
		{"JAKARTA, KOMPAS.com - Presiden Joko Widodo mengatakan.", "JAKARTA", "KOMPAS.com", true},
		{"SEOUL (Reuters) - North Korean leader Kim Jong Un said.", "SEOUL", "Reuters", true},
		{"NEW YORK — Stocks fell on Monday.", "NEW YORK", "", true},
		{"Pyongyang, Korea Utara – Kim menyambut Lavrov.", "Pyongyang", "", true},
		{"Jakarta, Senin – Presiden membuka sidang.", "Jakarta", "", true},
		{"Perang Rusia-Ukraina memasuki tahun keempat.", "", "", false},
		{"Kim bertemu Lavrov di Wonsan—kota di pesisir timur.", "", "", false},
		{"pada hari Sabtu - kata dia.", "", "", false},
		{"Lavrov menyebut keterlibatan pasukan — tempat pasukan Kremlin berhasil.", "", "", false},
	}
	for _, tt := range tests {
		place, outlet, ok := parseDateline(tt.line)
		if place != tt.place || outlet != tt.outlet || ok != tt.ok {
			t.Errorf("parseDateline(%q) = %q, %q, %v; want %q, %q, %v", tt.line, place, outlet, ok, tt.place, tt.outlet, tt.ok)
		}
	}
}

func TestDropSectionSuffix(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Lavrov Temui Kim di Korea Utara | Berita Perang Rusia-Ukraina", "Lavrov Temui Kim di Korea Utara"},
		{"News | Kim and Lavrov meet in Wonsan", "Kim and Lavrov meet in Wonsan"},
		{"No suffix here", "No suffix here"},
	}
	for _, tt := range tests {
		if got := dropSectionSuffix(tt.in); got != tt.want {
			t.Errorf("dropSectionSuffix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInferredLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"Menteri Luar Negeri Rusia bertemu dengan Kim di Wonsan untuk membahas perang yang terjadi di Ukraina dan ini penting.", "id"},
		{"The foreign minister of Russia met Kim in Wonsan to discuss the war in Ukraine and the treaty.", "en"},
		{"Der russische Außenminister traf Kim in Wonsan, um über den Krieg in der Ukraine zu sprechen.", "de"},
		{"Il ministro degli Esteri russo ha incontrato Kim a Wonsan per discutere della guerra in Ucraina.", "it"},
		{"OK", ""},
	}
	for _, tt := range tests {
		if got := inferMetadata(tt.text).Lang; got != tt.want {
			t.Errorf("inferMetadata(%q).Lang = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNormaliseLang(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"id-ID", "id"}, {"en_US", "en"}, {"EN", "en"}, {"in", "id"}, {"fr", "fr"}, {"", ""}, {"x-klingon-1", ""}, {"12", ""},
	}
	for _, tt := range tests {
		if got := normaliseLang(tt.in); got != tt.want {
			t.Errorf("normaliseLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
