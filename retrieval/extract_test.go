package retrieval

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/news")

// renderExtraction lays out what Kabar reads from a page for a golden
// file: the metadata, then every paragraph marked E (evidence), N (kept for
// search, never evidence) or B (boilerplate, never chunked).
func renderExtraction(doc Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\noutlet: %s\npublished: %s\nmodified: %s\nauthor: %s\nlang: %s\nurl: %s\nencoding: %s\n---\n",
		doc.Title, doc.Outlet, doc.Published, doc.Modified, doc.Author, doc.Lang, doc.URL, doc.Encoding)
	for _, p := range Segment(doc) {
		mark := "E"
		switch {
		case p.Boilerplate:
			mark = "B"
		case p.NotEvidence:
			mark = "N"
		}
		fmt.Fprintf(&b, "%s %s\n", mark, doc.Text[p.Span.Start:p.Span.End])
	}
	return b.String()
}

func TestNewsPagesGolden(t *testing.T) {
	t.Parallel()
	pages, err := filepath.Glob("testdata/news/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixture pages: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ParseDocument("news/"+filepath.Base(page), raw)
			if err != nil {
				t.Fatal(err)
			}
			got := renderExtraction(doc)
			golden := strings.TrimSuffix(page, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./retrieval -run TestNewsPagesGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("extraction of %s changed:\n%s\nwant:\n%s", page, got, want)
			}
			for _, c := range Chunks(doc, Segment(doc), ChunkOptions{}) {
				if c.Text != doc.Text[c.Start:c.End] || !utf8.ValidString(c.Text) {
					t.Errorf("chunk %s is not the document text at its offsets", c.ID)
				}
			}
		})
	}
}

// TestNewsPagesLeaveOutFurniture states the fixtures' point directly, so a
// regenerated golden file cannot quietly accept boilerplate as evidence.
func TestNewsPagesLeaveOutFurniture(t *testing.T) {
	t.Parallel()
	furniture := []string{
		"cookie", "Accept all", "newsletter", "Sign up", "Related stories", "Council approves new tram",
		"bridgefan77", "scandal", "Share on Facebook", "Privacy policy", "All rights reserved", "Advertisement",
		"Situs ini menggunakan cookie", "Berita Terkait", "Jalan Tol", "Komentar", "Setiap tahun banjir",
		"Terpopuler", "Harga Cabai", "Pedoman Media Siber", "Beranda", "Longsor di Magelang",
		"Download the ebook", "Prev", "Next: Chapter 4", "The Example Admin Handbook",
		"apt install nginx", "apt purge", "Released on 17 June 2023", "3.2. Removing packages\n",
	}
	pages, _ := filepath.Glob("testdata/news/*.html")
	for _, page := range pages {
		raw, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ParseDocument("news/"+filepath.Base(page), raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range Chunks(doc, Segment(doc), ChunkOptions{}) {
			if c.NotEvidence {
				continue
			}
			for _, f := range furniture {
				if strings.Contains(c.Text+"\n", f) {
					t.Errorf("%s: evidence chunk %s holds page furniture %q: %q", page, c.ID, f, c.Text)
				}
			}
		}
	}
}
