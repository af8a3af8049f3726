package retrieval

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestClassifyLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want lineKind
	}{
		{"MEMBACA\u00a0 Penutupan 2 Pintu Masuk Perbatasan Gaza oleh Israel", lineReadAlso},
		{"BACA JUGA: Putin dan Kim bertemu lagi", lineReadAlso},
		{"Baca juga: Putin dan Kim bertemu lagi", lineReadAlso},
		{"Read more: Russia and North Korea sign pact", lineReadAlso},
		{"READ: Russia and North Korea sign pact", lineReadAlso},
		{"Klik di sini untuk membagikan di media sosial", lineShare},
		{"share2", lineShare},
		{"Share", lineShare},
		{"Cerita Rekomendasi", lineNavigation},
		{"list of 3 items", lineNavigation},
		{"end of list", lineNavigation},
		{"ADVERTISEMENT", lineNavigation},
		{"Kantor Berita Pusat Korea via AP", lineCredit},
		{"Layanan Pers Kementerian Luar Negeri Rusia melalui AP", lineCredit},
		{"Kantor Berita Pusat Korea melalui Reuters", lineCredit},
		{"Foto: ANTARA/Hafidz Mubarak", lineCredit},
		{"REUTERS/Kim Hong-Ji", lineCredit},
		{"(AP Photo/Ahn Young-joon)", lineCredit},
		{"Photographer Name via Getty Images", lineCredit},
		{"Yati Maulana | Senin, 14/07/2025 09:05 WIB", lineByline},
		{"Diterbitkan Pada 27 Okt 2025", lineByline},
		{"Published July 14, 2025 at 9:05 am", lineByline},
		{"Oleh: Yati Maulana", lineByline},
		{"By Jane Doe and John Roe", lineByline},
		{"Diperbarui 14 Juli 2025, 10:00 WIB", lineByline},
		{"• News", lineLabel},
		{"Dunia", lineLabel},
		{"---", lineNavigation}, // a rule
		{"=================================", lineNavigation},
		// Content that looks a little like furniture.
		{"# Latar", lineContent}, // a Markdown heading is structure
		{"Membaca situasi di Ukraina, Kim memilih mendukung Rusia.", lineContent},
		{"Kim tiba via Beijing pada Sabtu, 12 Juli 2025, kata kantor berita itu.", lineContent},
		{"Berita itu disiarkan melalui AP dan Reuters kepada pelanggan di seluruh dunia pada pagi hari ini, setelah embargo dicabut oleh editor di Seoul.", lineContent},
		{"Pemimpin Korea Utara Kim Jong Un menyapa Lavrov di Wonsan, Korea Utara 12 Juli 2025.", lineContent},
		{"By the end of the year, the troops had returned.", lineContent},
		{"Putin Temui Diplomat Senior Korea Utara, Sebut Hubungan Berkembang Sesuai Rencana", lineContent},
		{"Kim menyerah.", lineContent},
		{"Kim tewas, menurut laporan dari Reuters.", lineContent},
		{"Data itu dirilis melalui Reuters", lineContent},
		{"Sharing intelijen menjadi bagian dari perjanjian.", lineContent},
	}
	for _, tt := range tests {
		if got := classifyLine(tt.line); got != tt.want {
			t.Errorf("classifyLine(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestBylineDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line      string
		published string
		ok        bool
	}{
		{"Yati Maulana | Senin, 14/07/2025 09:05 WIB", "2025-07-14", true},
		{"Diterbitkan Pada 27 Okt 2025", "2025-10-27", true},
		{"Jakarta, 12 Agustus 2024", "2024-08-12", true},
		{"Diperbarui 14 Juli 2025", "", true},   // an update is not the publication
		{"Diterbitkan kemarin sore", "", false}, // no date follows: not a byline
		{"Tanggal merah dan cuti bersama", "", false},
		{"Tanggal dan Waktu Sistem", "", false},
		{"Tanggal (variabel)", "", false},
		{"Published March 2024", "March 2024", true},
		{"Posted", "", false},
		{"Oleh: Yati Maulana", "", true},
		{"Kim bertemu Lavrov pada Sabtu, 12 Juli 2025, di Wonsan.", "", false},
	}
	for _, tt := range tests {
		published, ok := bylineDate(tt.line)
		if published != tt.published || ok != tt.ok {
			t.Errorf("bylineDate(%q) = %q, %v; want %q, %v", tt.line, published, ok, tt.published, tt.ok)
		}
	}
}

// TestSeedChunksHaveNoBoilerplate guards what users see: a cited passage
// must never be a share button, a "read also" teaser or a photo credit.
func TestSeedChunksHaveNoBoilerplate(t *testing.T) {
	t.Parallel()
	forbidden := []string{
		"MEMBACA", "Klik di sini", "share2", "Cerita Rekomendasi", "list of 3 items",
		"end of list", "via AP", "melalui AP", "via REUTERS", "melalui Reuters",
		"Yati Maulana", "Diterbitkan Pada", "• News",
	}
	for _, doc := range loadSeeds(t) {
		chunks := Chunks(doc, Segment(doc), ChunkOptions{})
		if len(chunks) == 0 {
			t.Errorf("%s: no chunks", doc.ID)
		}
		for _, c := range chunks {
			for _, f := range forbidden {
				if strings.Contains(c.Text, f) {
					t.Errorf("%s: chunk %s contains boilerplate %q: %q", doc.ID, c.ID, f, c.Text)
				}
			}
		}
	}
}

func TestSeedBoilerplateParagraphs(t *testing.T) {
	t.Parallel()
	docs := loadSeeds(t)
	// Every line of furniture in the seeds, by document; everything else
	// must stay retrievable.
	want := map[string][]string{
		"000_ad46e1073d5a772e": {"Kantor Berita Pusat Korea via AP", "Layanan Pers Kementerian Luar Negeri Rusia melalui AP", "Kantor Berita Pusat Korea melalui Reuters"},
		"001_a0a4439ec23291f3": {"• News", "Yati Maulana | Senin, 14/07/2025 09:05 WIB"},
		"002_546dc01b2ce7994a": {"MEMBACA\u00a0 Penutupan 2 Pintu Masuk Perbatasan Gaza oleh Israel Menimbulkan Kekhawatiran atas Bantuan Kemanusiaan"},
		"003_841ac0512e466fbb": {"Diterbitkan Pada 27 Okt 2025", "Klik di sini untuk membagikan di media sosial", "share2", "Cerita Rekomendasi", "list of 3 items", "end of list", "MEMBACA\u00a0 Partai Kiri Jerman mengalami kenaikan rekor sejak pemungutan suara kontroversial."},
		"004_c4a837ce9a3cc84f": nil,
	}
	for _, doc := range docs {
		var got []string
		for _, p := range Segment(doc) {
			if p.Boilerplate {
				got = append(got, doc.Text[p.Span.Start:p.Span.End])
			}
		}
		if strings.Join(got, "\n") != strings.Join(want[doc.ID], "\n") {
			t.Errorf("%s: boilerplate paragraphs\n got %q\nwant %q", doc.ID, got, want[doc.ID])
		}
	}
}

// referenceIsCredit is isCredit as first written, lower-casing the whole
// line and splitting all its words: the reference the cheaper version is
// held to.
func referenceIsCredit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 150 {
		return false
	}
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "("), ")"))
	lower := strings.ToLower(inner)
	for _, p := range []string{"foto:", "foto :", "photo:", "image:", "gambar:", "credit:", "kredit:", "sumber foto:", "sumber gambar:", "photo credit:"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	inner = strings.TrimSuffix(inner, ".")
	words := strings.Fields(inner)
	if len(words) > 12 || len(splitSentences(inner, 0, len(inner))) > 1 {
		return false
	}
	for n := 1; n <= 2 && n < len(words); n++ {
		prep := len(words) - n - 1
		if isAgency(strings.Join(words[prep+1:], " ")) && isCreditPreposition(words[prep]) && allCapitalised(words[:prep]) {
			return true
		}
	}
	if len(words) <= 8 {
		for n := 1; n <= 2 && n <= len(words); n++ {
			head := strings.Join(words[:n], " ")
			if i := strings.IndexByte(head, '/'); i > 0 && isAgency(head[:i]) {
				return true
			}
		}
	}
	return false
}

// TestIsCreditMatchesReference holds isCredit to its first version on
// credits, captions, labels in other cases and scripts (İ lower-cases to
// more bytes), non-ASCII spaces, invalid UTF-8 and random pieces of them.
func TestIsCreditMatchesReference(t *testing.T) {
	t.Parallel()
	texts := []string{
		"", "(", "()", "Foto: Reuters", "FOTO : ANTARA/Hafidz Mubarak", "(Photo: AP)", "Sumber Gambar: Istimewa", "PHOTO CREDIT: x",
		"İİİİİİİİİİİİİİfoto:", "İmage: x", "\xffFoto: x", "Foto:\u00a0Reuters", "KCNA via REUTERS", "Kim Hong-Ji/Reuters",
		"REUTERS/Kim Hong-Ji", "Data itu dirilis melalui Reuters.", "Gedung Putih, Washington. Foto via AP",
		"Presiden Joko Widodo meninjau lokasi banjir di Bekasi, Jawa Barat, Selasa (14/1/2025). ANTARA FOTO/Fakhri Hermansyah",
		"a b c d e f g h i j k l", "a b c d e f g h i j k l m", "a\u2003b\u2003c", "ANTARA/Reuters via AP", "Foto\u00a0: x",
	}
	r := rand.New(rand.NewPCG(3, 9))
	whole := len(texts)
	for range 5000 {
		s := texts[r.IntN(whole)] + []string{" ", "", ". ", "\u00a0"}[r.IntN(4)] + texts[r.IntN(whole)]
		i, j := r.IntN(len(s)+1), r.IntN(len(s)+1)
		texts = append(texts, s, s[min(i, j):max(i, j)])
	}
	for _, s := range texts {
		if got, want := isCredit(s), referenceIsCredit(s); got != want {
			t.Fatalf("isCredit(%q) = %v, reference %v", s, got, want)
		}
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("fieldCount(%q) = %d, strings.Fields %d", s, got, want)
		}
	}
}
