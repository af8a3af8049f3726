package retrieval

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestStoryGroups(t *testing.T) {
	t.Parallel()
	wire := "SEOUL – North Korea has sent about 6,000 engineers and military builders to Russia's Kursk region, officials said on Tuesday.\n" +
		"The deployment follows a visit by Foreign Minister Sergei Lavrov to Wonsan on 12 July 2025, where he met Kim Jong Un for two days.\n" +
		"South Korean intelligence estimated in April that at least 600 North Korean soldiers had been killed and 4,700 wounded.\n" +
		"Pyongyang has not confirmed the figures, and the 1,500 workers sent in 2024 were not counted.\n"
	doc := func(id, lang, text string) Document { return Document{ID: id, Lang: lang, Text: text} }
	docs := []Document{
		doc("a_wire", "en", wire),
		// The same wire copy with an outlet's own sign-off.
		doc("b_repub", "en", wire+"This story was first published by our partner agency.\n"),
		// A translation: every word differs, the figures and paragraphs stay.
		doc("c_transl", "id", "SEOUL – Korea Utara telah mengirim sekitar 6.000 insinyur dan pembangun militer ke wilayah Kursk, Rusia, kata pejabat pada Selasa.\n"+
			"Pengiriman itu menyusul kunjungan Menteri Luar Negeri Sergei Lavrov ke Wonsan pada 12 Juli 2025, tempat ia bertemu Kim Jong Un selama dua hari.\n"+
			"Intelijen Korea Selatan memperkirakan pada April bahwa sedikitnya 600 tentara Korea Utara tewas dan 4.700 terluka.\n"+
			"Pyongyang belum mengonfirmasi angka itu, dan 1.500 pekerja yang dikirim pada 2024 tidak dihitung.\n"),
		// Another story on the same subject with some of the same figures.
		doc("d_other", "en", "MOSCOW – Russia thanked North Korea on Wednesday for the 6,000 engineers, Lavrov said in an interview.\n"+
			"He said the two countries would sign a new agreement on tourism and rail links before the end of the year.\n"),
		// The same figures in the same language are not a translation.
		doc("e_sameLangFigures", "en", "Figures: 6,000 engineers; 12 July 2025; 600 killed; 4,700 wounded; 1,500 workers in 2024.\n"+
			"A table of the figures reported so far.\nSources differ.\nMore later.\n"),
	}
	got := StoryGroups(docs)
	want := map[string]string{"a_wire": "a_wire", "b_repub": "a_wire", "c_transl": "a_wire"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StoryGroups = %v, want %v", got, want)
	}
	if got := StoryGroups(nil); len(got) != 0 {
		t.Errorf("StoryGroups(nil) = %v", got)
	}
}

func TestStoryGroupsKeepsSeedsApart(t *testing.T) {
	t.Parallel()
	docs := loadSeeds(t)
	if got := StoryGroups(docs); len(got) != 0 {
		t.Errorf("the five seed articles are five reports, got groups %v", got)
	}
}

// TestStoryGroupsDebianTranslations runs on the Debian documentation
// corpus when scripts/fetch-debian-docs has fetched it: a page and its
// Indonesian translation are one story, two pages never are. The file
// layout (one file name under en/ and id/) is the judge; StoryGroups only
// reads the text.
func TestStoryGroupsDebianTranslations(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	home, _ := os.UserHomeDir()
	dir := filepath.Join(home, ".cache", "kabar", "debian-docs", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "debian-reference")); err != nil {
		t.Skip("no Debian corpus; run scripts/fetch-debian-docs")
	}
	docs, err := LoadCorpus(t.Context(), os.DirFS(dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	page := func(id string) string { // "debian-handbook/id/apt" -> "debian-handbook/*/apt"
		parts := strings.Split(id, "/")
		if len(parts) == 3 {
			parts[1] = "*"
		}
		return strings.Join(parts, "/")
	}
	groups := StoryGroups(docs)
	pairs, folded := 0, 0
	for _, d := range docs {
		if !strings.Contains(d.ID, "/en/") {
			continue
		}
		other := strings.Replace(d.ID, "/en/", "/id/", 1)
		if _, ok := groupsHas(docs, other); !ok {
			continue
		}
		pairs++
		if groups[d.ID] != "" && groups[d.ID] == groups[other] {
			folded++
		}
	}
	t.Logf("Debian: %d of %d en/id page pairs folded into one story; %d documents in groups", folded, pairs, len(groups))
	for id, g := range groups {
		if page(id) != page(g) {
			t.Errorf("%s folded with %s, which is another page", id, g)
		}
	}
	if pairs > 0 && float64(folded) < 0.9*float64(pairs) {
		t.Errorf("only %d of %d translated pages folded", folded, pairs)
	}
}

func groupsHas(docs []Document, id string) (Document, bool) {
	for _, d := range docs {
		if d.ID == id {
			return d, true
		}
	}
	return Document{}, false
}

func TestSameStructure(t *testing.T) {
	t.Parallel()
	f := func(nums ...string) map[string]bool {
		m := map[string]bool{}
		for _, n := range nums {
			m[n] = true
		}
		return m
	}
	page := []map[string]bool{f("2021", "15"), f("256"), f("11", "12"), f("80", "443"), f("1994")}
	tests := []struct {
		name string
		b    []map[string]bool
		want bool
	}{
		{"same", page, true},
		{"a paragraph added at the top", append([]map[string]bool{f("2023")}, page...), true},
		{"a paragraph left out in the middle", []map[string]bool{page[0], page[1], page[3], page[4]}, true},
		{"reordered", []map[string]bool{page[4], page[3], page[2], page[1], page[0]}, false},
		{"other figures", []map[string]bool{f("31"), f("77"), f("2019"), f("64"), f("90")}, false},
		{"none", nil, false},
	}
	for _, tt := range tests {
		if got := sameStructure(page, tt.b); got != tt.want {
			t.Errorf("%s: sameStructure = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A translated manual page keeps its code listings verbatim.
func TestStoryGroupsListings(t *testing.T) {
	t.Parallel()
	listing := "$ apt-get install nginx-full\n$ systemctl enable nginx.service\n$ nginx -t -c /etc/nginx/nginx.conf\n" +
		"$ tail -f /var/log/nginx/error.log\n$ curl -I http://localhost:8080/\n"
	other := "$ apt-get install postfix-pcre\n$ postconf -e relayhost=smtp\n$ systemctl reload postfix.service\n" +
		"$ mailq | tail -n 20 -v\n$ postqueue -f -v --all\n"
	page := func(id, lang, prose, code string) Document {
		text := prose + "\n" + code
		return Document{ID: id, Lang: lang, Text: text, NotEvidence: []Span{{Start: len(prose) + 1, End: len(text)}}}
	}
	tests := []struct {
		name string
		a, b Document
		want bool
	}{
		{"translation", page("en/web", "en", "Install the web server and check it.", listing), page("id/web", "id", "Pasang server web lalu periksa.", listing), true},
		{"same language, same listing", page("en/web", "en", "Install the web server and check it.", listing), page("en/web2", "en", "Another guide to the same server.", listing), false},
		{"other listing", page("en/web", "en", "Install the web server and check it.", listing), page("id/mail", "id", "Pasang server surel.", other), false},
		{"too short to tell", page("en/web", "en", "Install it.", "$ apt-get install nginx-full\n"), page("id/web", "id", "Pasang.", "$ apt-get install nginx-full\n"), false},
	}
	for _, tt := range tests {
		g := StoryGroups([]Document{tt.a, tt.b})
		if got := g[tt.a.ID] != "" && g[tt.a.ID] == g[tt.b.ID]; got != tt.want {
			t.Errorf("%s: one story = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAnchors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"figures lose their separators", "Sekitar 6.000 insinyur dan 4,700 lainnya.", []string{"#6000", "#4700"}},
		{"names inside a sentence, not a capitalised first word", "The deployment follows a visit by Sergei Lavrov to Wonsan.", []string{"Sergei", "Lavrov", "Wonsan"}},
		{"acronyms, files, addresses", "Edit /etc/fstab, then ask KCNA at debian.org about ext4.", []string{"/etc/fstab", "KCNA", "debian.org", "ext4"}},
		{"clitics and possessives are cut", "Kami memakai Debian-nya, and Russia's army.", []string{"Debian", "Russia"}},
		{"a heading names nothing by capitals alone", "8.2.1. Additional Software Sources", []string{"#821"}},
		{"a heading keeps what sentences capitalise", "8.2. Installing Ubuntu on a Laptop Computer\nWe chose Ubuntu for the desktop of every laptop.", []string{"#82", "Ubuntu", "Ubuntu"}},
	}
	for _, tt := range tests {
		d := Document{ID: "x", Text: tt.text}
		sd := newStoryDoc(d, Segment(d))
		var got []uint64
		for _, p := range sd.paras {
			got = append(got, p.anchors...)
		}
		var want []uint64
		for _, w := range tt.want {
			want = append(want, hashString(w))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d anchors, want %v", tt.name, len(got), tt.want)
		}
	}
}

// A translation that splits a paragraph in two still aligns; the same
// paragraphs in another order do not.
func TestStoryGroupsAlignment(t *testing.T) {
	t.Parallel()
	en := []string{
		"JAKARTA, May 21 (Wire) - Bank Indonesia lowered its BI-Rate by 25 basis points to 5.50% on Wednesday, citing inflation of 1.95% in April.",
		"Governor Perry Warjiyo told a news conference the deposit facility rate fell to 4.75% and the lending facility rate to 6.25%.",
		"The rupiah gained 0.4% to 16,350 per dollar after the announcement, and the Jakarta Composite Index rose 1.1% to 7,140.",
		"Bank Mandiri economist Andry Asmoro said BI had room for one more cut if the Fed eases in September; the next meeting is on June 17-18.",
	}
	id := []string{
		"JAKARTA, 21 Mei (Wire) - Bank Indonesia menurunkan BI-Rate 25 basis poin menjadi 5,50 persen pada Rabu, dengan alasan inflasi April 1,95 persen.",
		"Gubernur Perry Warjiyo mengatakan dalam konferensi pers bahwa suku bunga Deposit Facility turun menjadi 4,75 persen.",
		"Suku bunga Lending Facility turun menjadi 6,25 persen.",
		"Rupiah menguat 0,4 persen ke 16.350 per dolar setelah pengumuman itu, dan Indeks Harga Saham Gabungan naik 1,1 persen ke 7.140.",
		"Ekonom Bank Mandiri Andry Asmoro mengatakan BI masih punya ruang satu kali pemangkasan jika The Fed melonggarkan pada September; rapat berikutnya 17-18 Juni.",
	}
	doc := func(id, lang string, paras []string) Document {
		return Document{ID: id, Lang: lang, Text: strings.Join(paras, "\n\n")}
	}
	reordered := []string{id[3], id[4], id[0], id[1], id[2]}
	tests := []struct {
		name string
		b    Document
		want bool
	}{
		{"translated, one paragraph split in two", doc("b", "id", id), true},
		{"translated, paragraphs in another order", doc("b", "id", reordered), false},
		{"the same language", doc("b", "en", id), false},
	}
	for _, tt := range tests {
		f := newStoryFolder([]Document{doc("a", "en", en), tt.b})
		if got := f.aligned(0, 1); got != tt.want {
			t.Errorf("%s: aligned = %v (%+v), want %v", tt.name, got, f.align(0, 1), tt.want)
		}
	}
}
