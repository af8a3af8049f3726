package retrieval

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseHTMLArticle(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/corpus/web/page.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseDocument("web/page.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	wantText := "Kim Sambut Lavrov di Wonsan\n" +
		"WONSAN – Pemimpin Korea Utara Kim Jong Un menyambut Menteri Luar Negeri Rusia Sergei Lavrov di Wonsan pada hari Sabtu.\n" +
		"Kedua negara membahas kerja sama militer dan ekonomi, menurut media pemerintah.\n" +
		"Lavrov akan tinggal hingga Minggu.\n"
	// The caption is not main text to go-trafilatura; the aside, form and
	// noscript never were.
	if doc.Text != wantText {
		t.Errorf("Text\n got %q\nwant %q", doc.Text, wantText)
	}
	want := Document{
		ID:        "web/page",
		Path:      "web/page.html",
		Title:     "Kim Sambut Lavrov di Wonsan",
		Outlet:    "Contoh Berita",
		Published: "2025-07-13",
		Lang:      "id",
		URL:       "https://contoh.example/berita/kim-lavrov",
	}
	got := doc
	got.Text, got.Hash = "", ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metadata\n got %+v\nwant %+v", got, want)
	}
	chunks := Chunks(doc, Segment(doc), ChunkOptions{})
	for _, c := range chunks {
		if strings.Contains(c.Text, "REUTERS") {
			t.Errorf("chunk %s keeps the photo credit: %q", c.ID, c.Text)
		}
	}
	if len(chunks) != 4 {
		t.Errorf("got %d chunks, want 4 (headline, three text lines)", len(chunks))
	}
}

func TestExtractHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		html     string
		wantText string
		wantMeta metadata
	}{
		{
			name:     "og:title when no title element",
			html:     `<html><head><meta property="og:title" content="Judul OG"></head><body><h1>Judul H1</h1><p>Isi.</p></body></html>`,
			wantText: "Judul H1\nIsi.\n",
			wantMeta: metadata{Title: "Judul OG"},
		},
		{
			name:     "first h1 when nothing else, even inside the header",
			html:     `<body><header><h1>Judul di Header</h1></header><h1>Kedua</h1><p>Isi.</p></body>`,
			wantText: "Kedua\nIsi.\n",
			wantMeta: metadata{Title: "Judul di Header"},
		},
		{
			name:     "site name suffix dropped from title",
			html:     `<head><title>Kim meets Lavrov - Example News</title><meta property="og:site_name" content="Example News"></head><body><p>x</p></body>`,
			wantText: "x\n",
			wantMeta: metadata{Title: "Kim meets Lavrov", Outlet: "Example News"},
		},
		{
			name:     "time element and canonical link",
			html:     `<head><link rel="canonical" href="https://a.example/x"></head><body><p>Ditulis <time datetime="2024-12-01T07:00:00Z">1 Des</time></p></body>`,
			wantText: "Ditulis 1 Des\n",
			wantMeta: metadata{Published: "2024-12-01", URL: "https://a.example/x"},
		},
		{
			name:     "published meta kept as stated when not a date",
			html:     `<head><meta name="pubdate" content="kemarin"></head><body><p>x</p></body>`,
			wantText: "x\n",
			wantMeta: metadata{Published: "kemarin"},
		},
		{
			name:     "entities, inline elements and white space",
			html:     "<body><p>Kim&nbsp;Jong Un   <em>dan</em>\n\t<a href=#>Lavrov</a>&mdash;di &quot;Wonsan&quot;.</p></body>",
			wantText: "Kim\u00a0Jong Un dan Lavrov—di \"Wonsan\".\n",
		},
		{
			name:     "br and nested blocks make lines",
			html:     "<body><div>Satu<br>Dua<div>Tiga</div>Empat</div><ul><li>Lima</li><li>Enam</li></ul></body>",
			wantText: "Satu\nDua\nTiga\nEmpat\nLima\nEnam\n",
		},
		{
			name:     "pre keeps its lines",
			html:     "<body><pre>baris satu\nbaris   dua</pre></body>",
			wantText: "baris satu\nbaris dua\n",
		},
		{
			name:     "hidden content skipped",
			html:     `<body><p>Tampil.</p><p hidden>Tersembunyi.</p><div aria-hidden="true">Juga.</div><script>x()</script><template><p>T</p></template><nav>Menu</nav><footer>Kaki</footer></body>`,
			wantText: "Tampil.\n",
		},
		{
			name:     "table cells separated",
			html:     "<body><table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table></body>",
			wantText: "a b\nc\n",
		},
		{
			name:     "lang attribute",
			html:     `<html lang="en-US"><body><p>x</p></body></html>`,
			wantText: "x\n",
			wantMeta: metadata{Lang: "en"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page, err := extractHTML(context.Background(), []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if page.Text != tt.wantText {
				t.Errorf("Text\n got %q\nwant %q", page.Text, tt.wantText)
			}
			if page.Meta != tt.wantMeta {
				t.Errorf("Meta\n got %+v\nwant %+v", page.Meta, tt.wantMeta)
			}
		})
	}
}

func TestExtractHTMLDeepNesting(t *testing.T) {
	t.Parallel()
	nested := func(depth int) []byte {
		return []byte("<body>" + strings.Repeat("<span>", depth) + "dalam" + strings.Repeat("</span>", depth) + "</body>")
	}
	page, err := extractHTML(context.Background(), nested(400))
	if err != nil {
		t.Fatal(err)
	}
	if page.Text != "dalam\n" {
		t.Errorf("Text = %q, want %q", page.Text, "dalam\n")
	}
	// The parser refuses absurd nesting; the file is then skipped with its reason.
	if _, err := ParseDocument("deep.html", nested(100000)); err == nil {
		t.Error("ParseDocument accepted 100000 nested elements")
	} else if reason := skipReason(err); !strings.Contains(reason, "html") || strings.Contains(reason, "deep.html") {
		t.Errorf("skip reason = %q, want the parser's one-line complaint", reason)
	}
}
