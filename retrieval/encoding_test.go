package retrieval

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

func utf16LE(s string, bom bool) []byte {
	enc := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	if bom {
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	}
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestParseDocumentEncodings(t *testing.T) {
	t.Parallel()
	article := "Kim bertemu Lavrov di Wonsan.\nKedua menteri membahas kerja sama militer dan ekonomi, menurut media pemerintah.\n"
	tests := []struct {
		name, path string
		raw        []byte
		wantText   string
		encoding   string
	}{
		{"utf-16le with bom", "a.txt", utf16LE(article, true), article, "utf-16le"},
		{"utf-16le without bom", "a.txt", utf16LE(article, false), article, "utf-16le"},
		{"latin-1 text", "a.txt", []byte("Caf\xe9 cr\xe8me in K\xf6ln, sagte der B\xfcrgermeister."), "Café crème in Köln, sagte der Bürgermeister.", "windows-1252"},
		{"cp1252 text", "a.txt", []byte("\x93Wir sind bereit\x94, sagte er in K\xf6ln. Die Gespr\xe4che dauerten zwei Tage."), "“Wir sind bereit”, sagte er in Köln. Die Gespräche dauerten zwei Tage.", "windows-1252"},
		{"html meta charset latin-1", "a.html", []byte("<html><head><meta charset=\"iso-8859-1\"><title>K\xf6ln</title></head><body><p>Die Gespr\xe4che in K\xf6ln dauerten zwei Tage.</p></body></html>"), "Die Gespräche in Köln dauerten zwei Tage.\n", "windows-1252"},
		{"html http-equiv", "a.html", []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>\x93Ja\x94, sagte er.</p></body></html>"), "“Ja”, sagte er.\n", "windows-1252"},
		{"xml declaration", "a.html", []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>Gr\xfc\xdfe aus M\xfcnchen.</p></body></html>"), "Grüße aus München.\n", "windows-1252"},
		{"declared utf-8 but latin-1", "a.html", []byte("<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xe9 au lait.</p></body></html>"), "Café au lait.\n", "windows-1252"},
		{"utf-8 bom", "a.txt", []byte("\ufeff" + article), article, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := ParseDocument(tt.path, tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", doc.Text, tt.wantText)
			}
			if doc.Encoding != tt.encoding {
				t.Errorf("Encoding = %q, want %q", doc.Encoding, tt.encoding)
			}
			for _, c := range Chunks(doc, Segment(doc), ChunkOptions{}) {
				if c.Text != doc.Text[c.Start:c.End] {
					t.Errorf("chunk %s not at its offsets in the decoded text", c.ID)
				}
			}
		})
	}
}

func FuzzDecodeArticle(f *testing.F) {
	for _, s := range []string{"", "abc", "\xff\xfea\x00b\x00", "\xfe\xff\x00a", "<meta charset=latin1>\xe9", "\x00\x00\x00", "<?xml encoding='utf-16'?>"} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, raw []byte, asHTML bool) {
		fm := formatText
		if asHTML {
			fm = formatHTML
		}
		d, err := decodeArticle(raw, fm)
		if err != nil {
			if reason := skipReason(err); reason == "" || strings.Contains(reason, "\n") {
				t.Fatalf("reason %q", reason)
			}
			return
		}
		if !utf8.ValidString(d.Text) || strings.IndexByte(d.Text, 0) >= 0 {
			t.Fatalf("decoded text is not clean UTF-8: %q", d.Text)
		}
	})
}

func FuzzParseJSONLD(f *testing.F) {
	for _, s := range []string{`{"@type":"NewsArticle","headline":"x"}`, `[{"@graph":[{"@type":["Article"],"author":[{"name":"a"},"b"]}]}]`, `{`, `null`, `[[[[[[[[[[[]]]]]]]]]]]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := parseJSONLD(s)
		for _, v := range []string{a.Headline, a.Published, a.Author, a.Publisher, a.URL} {
			if strings.ContainsAny(v, "\n\r") {
				t.Fatalf("field with a line break: %q", v)
			}
		}
	})
}
