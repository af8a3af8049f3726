package retrieval

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDocumentRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, path string
		raw        []byte
		reason     string // prefix of the skip reason
	}{
		{"empty", "a.txt", nil, "empty"},
		{"white space", "a.txt", []byte(" \n\t\r\n"), "empty"},
		{"byte order mark only", "a.md", []byte("\ufeff\n"), "empty"},
		{"binary", "a.txt", []byte("PK\x03\x04\x00\x00zip"), "binary content"},
		{"utf-16 binary", "a.txt", append([]byte{0xFF, 0xFE}, 0, 0, 1, 0, 2, 0, 3, 0), "binary content"},
		{"too large", "a.txt", []byte(strings.Repeat("a", MaxFileBytes+1)), "larger than 4 MiB"},
		{"not an article", "a.pdf", []byte("%PDF-1.7"), "not an article file"},
		{"html without text", "a.html", []byte("<html><head><title>T</title></head><body><script>x()</script></body></html>"), "no article text"},
		{"front matter only", "a.md", []byte("---\ntitle: T\n---\n\n"), "no article text"},
		{"broken front matter", "a.md", []byte("---\ntitle: [x\n---\nBody."), "invalid front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseDocument(tt.path, tt.raw)
			if err == nil {
				t.Fatalf("ParseDocument(%s) accepted %q", tt.path, tt.raw)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the file", err)
			}
			if reason := skipReason(err); !strings.HasPrefix(reason, tt.reason) || strings.Contains(reason, "\n") {
				t.Errorf("skip reason = %q, want one line starting %q", reason, tt.reason)
			}
		})
	}
}

func TestParseDocumentVerbatim(t *testing.T) {
	t.Parallel()
	raw := []byte("\ufeffJudul Berita Singkat\r\n\r\nJAKARTA – Isi berita yang cukup panjang untuk dibaca.\r\nBaris kedua.\r\n")
	doc, err := ParseDocument("folder/berita.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(raw[len(utf8BOM):]); doc.Text != want {
		t.Errorf("Text = %q, want the file minus its byte order mark %q", doc.Text, want)
	}
	sum := sha256.Sum256(raw)
	if doc.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %s, want sha256 of the raw file", doc.Hash)
	}
	if doc.ID != "folder/berita" || doc.Path != "folder/berita.txt" {
		t.Errorf("ID, Path = %q, %q", doc.ID, doc.Path)
	}
	if doc.Title != "Judul Berita Singkat" {
		t.Errorf("Title = %q", doc.Title)
	}
	chunks := Chunks(doc, Segment(doc), ChunkOptions{})
	checkChunks(t, doc, Segment(doc), chunks)
	for _, c := range chunks {
		if strings.ContainsAny(c.Text, "\r\n") {
			t.Errorf("chunk %s holds a line break: %q", c.ID, c.Text)
		}
	}
}

func TestParseDocumentExtensions(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"a.txt", "a.TXT", "a.md", "a.markdown", "a.html", "a.HTM"} {
		doc, err := ParseDocument(name, []byte("Kim bertemu Lavrov di Wonsan."))
		if err != nil {
			t.Errorf("ParseDocument(%s): %v", name, err)
			continue
		}
		if doc.ID != "a" || !strings.Contains(doc.Text, "Kim bertemu Lavrov") {
			t.Errorf("ParseDocument(%s) = ID %q, Text %q", name, doc.ID, doc.Text)
		}
	}
}

// fuzzExtensions are the formats FuzzParseDocument feeds.
func fuzzExtensions() []string { return []string{".txt", ".md", ".html"} }

func FuzzParseDocument(f *testing.F) {
	seeds, _ := filepath.Glob("../seeds/*.txt")
	corpus, _ := filepath.Glob("testdata/corpus/*/*")
	for _, name := range append(seeds, corpus...) {
		raw, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		for kind := range fuzzExtensions() {
			f.Add(uint8(kind), raw)
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, raw []byte) {
		exts := fuzzExtensions()
		name := "doc" + exts[int(kind)%len(exts)]
		doc, err := ParseDocument(name, raw)
		if err != nil {
			if skipReason(err) == "" {
				t.Fatalf("ParseDocument(%s) error without a reason: %v", name, err)
			}
			return
		}
		if !utf8.ValidString(doc.Text) || doc.Text == "" {
			t.Fatalf("ParseDocument(%s): Text %q is empty or not valid UTF-8", name, doc.Text)
		}
		for _, v := range []string{doc.Title, doc.Outlet, doc.Published, doc.Lang, doc.URL} {
			if !utf8.ValidString(v) {
				t.Fatalf("ParseDocument(%s): metadata %q not valid UTF-8", name, v)
			}
		}
		paras := Segment(doc)
		for _, p := range paras {
			if !validSpan(doc.Text, p.Span) {
				t.Fatalf("paragraph %d span %v does not slice Text (%d bytes)", p.Index, p.Span, len(doc.Text))
			}
			for _, s := range p.Sentences {
				if !validSpan(doc.Text, s) || s.Start < p.Span.Start || s.End > p.Span.End {
					t.Fatalf("sentence %v outside paragraph %v", s, p.Span)
				}
			}
		}
		for _, opt := range []ChunkOptions{{}, {MaxBytes: 7}} {
			for _, c := range Chunks(doc, paras, opt) {
				if c.Start < 0 || c.End > len(doc.Text) || c.Start >= c.End || c.Text != doc.Text[c.Start:c.End] {
					t.Fatalf("chunk %s [%d,%d) does not match Text", c.ID, c.Start, c.End)
				}
				if !utf8.ValidString(c.Text) {
					t.Fatalf("chunk %s is not valid UTF-8: %q", c.ID, c.Text)
				}
			}
		}
	})
}
