package retrieval

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitFrontMatter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		yaml string
		body string
		ok   bool
	}{
		{name: "none", text: "# Title\n\nBody.", body: "# Title\n\nBody."},
		{name: "basic", text: "---\ntitle: X\n---\nBody.", yaml: "title: X\n", body: "Body.", ok: true},
		{name: "crlf", text: "---\r\ntitle: X\r\n---\r\nBody.\r\n", yaml: "title: X\r\n", body: "Body.\r\n", ok: true},
		{name: "dots closer", text: "---\ntitle: X\n...\nBody.", yaml: "title: X\n", body: "Body.", ok: true},
		{name: "trailing spaces", text: "--- \ntitle: X\n---  \nBody.", yaml: "title: X\n", body: "Body.", ok: true},
		{name: "no body", text: "---\ntitle: X\n---", yaml: "title: X\n", body: "", ok: true},
		{name: "empty block", text: "---\n---\nBody.", yaml: "", body: "Body.", ok: true},
		{name: "unclosed", text: "---\ntitle: X\nBody.", body: "---\ntitle: X\nBody."},
		{name: "rule, not front matter", text: "----\ntitle: X\n----\nBody.", body: "----\ntitle: X\n----\nBody."},
		{name: "not at start", text: "\n---\ntitle: X\n---\nBody.", body: "\n---\ntitle: X\n---\nBody."},
		{name: "only opener", text: "---", body: "---"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			yamlText, start, ok := splitFrontMatter(tt.text)
			if ok != tt.ok || yamlText != tt.yaml || tt.text[start:] != tt.body {
				t.Errorf("splitFrontMatter(%q) = %q, body %q, %v; want %q, body %q, %v",
					tt.text, yamlText, tt.text[start:], ok, tt.yaml, tt.body, tt.ok)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		yaml    string
		want    metadata
		wantErr string
	}{
		{
			name: "all fields",
			yaml: "title: Kim meets Lavrov\nurl: https://example.com/a\noutlet: Example\npublished: 2025-07-14\nlang: id-ID\n",
			want: metadata{Title: "Kim meets Lavrov", URL: "https://example.com/a", Outlet: "Example", Published: "2025-07-14", Lang: "id"},
		},
		{
			name: "aliases",
			yaml: "Title: X\nsource: Wire\ndate: 14 Juli 2025\nlanguage: en\n",
			want: metadata{Title: "X", Outlet: "Wire", Published: "2025-07-14", Lang: "en"},
		},
		{
			name: "preferred keys win whatever the order",
			yaml: "source: Wire\noutlet: Paper\ndate: 2025-01-01\npublished: 2025-02-02\nlink: https://b\nurl: https://a\n",
			want: metadata{Outlet: "Paper", Published: "2025-02-02", URL: "https://a"},
		},
		{
			name: "date kept as stated when not a full date",
			yaml: "published: Juli 2025\n",
			want: metadata{Published: "Juli 2025"},
		},
		{
			name: "timestamp",
			yaml: "date: 2025-07-12T10:30:00+09:00\n",
			want: metadata{Published: "2025-07-12"},
		},
		{
			name: "non-scalar values ignored",
			yaml: "title: [a, b]\noutlet: {name: x}\ntags: [x]\nurl: https://a\n",
			want: metadata{URL: "https://a"},
		},
		{
			name: "anchors resolve",
			yaml: "outlet: &o Paper\nsource: *o\n",
			want: metadata{Outlet: "Paper"},
		},
		{name: "empty", yaml: "", want: metadata{}},
		{name: "comment only", yaml: "# nothing\n", want: metadata{}},
		{name: "syntax error", yaml: "title: [unclosed\n", wantErr: "invalid front matter"},
		{name: "not a mapping", yaml: "- a\n- b\n", wantErr: "invalid front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseFrontMatter(tt.yaml)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("parseFrontMatter(%q) error = %v, want one line containing %q", tt.yaml, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseFrontMatter(%q): %v", tt.yaml, err)
			}
			if got != tt.want {
				t.Errorf("parseFrontMatter(%q) = %+v, want %+v", tt.yaml, got, tt.want)
			}
		})
	}
}

func TestParseMarkdown(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/corpus/en/nested/deeper/frontmatter.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseDocument("en/nested/deeper/frontmatter.md", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := Document{
		ID:        "en/nested/deeper/frontmatter",
		Path:      "en/nested/deeper/frontmatter.md",
		Title:     "Lavrov visits Wonsan",
		Outlet:    "The Example Times",
		Published: "2025-07-12",
		Lang:      "en",
		URL:       "https://example.com/news/lavrov-wonsan",
	}
	got := doc
	got.Text, got.Hash = "", ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseDocument metadata\n got %+v\nwant %+v", got, want)
	}
	if _, start, _ := splitFrontMatter(string(raw)); doc.Text != string(raw[start:]) {
		t.Errorf("Text is not the verbatim body after the front matter: %q", doc.Text)
	}
	var sentences []string
	for _, p := range Segment(doc) {
		if p.Boilerplate {
			t.Errorf("paragraph %q marked boilerplate", doc.Text[p.Span.Start:p.Span.End])
		}
		for _, s := range p.Sentences {
			sentences = append(sentences, doc.Text[s.Start:s.End])
		}
	}
	wantSentences := []string{
		"Lavrov visits Wonsan",
		"Russian Foreign Minister Sergei Lavrov arrived in Wonsan on Friday for talks with his North Korean counterpart.",
		"Background",
		"The two countries signed a mutual defence treaty last year.",
		"North Korea has sent troops to the Kursk region.",
	}
	if strings.Join(sentences, "\n") != strings.Join(wantSentences, "\n") {
		t.Errorf("sentences\n got %q\nwant %q", sentences, wantSentences)
	}
}

func TestParseMarkdownHeadingTitle(t *testing.T) {
	t.Parallel()
	doc, err := ParseDocument("a.md", []byte("\n# Korea Utara dan Rusia ##\n\nIsi berita yang panjang di sini dan di sana."))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Korea Utara dan Rusia" {
		t.Errorf("Title = %q, want the heading text", doc.Title)
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: X\n---\nBody.",
		"---\r\ntitle: \"Kim\"\r\ndate: 2025-07-14\r\n...\r\n",
		"---\nouter: &a [*a]\n---\n",
		"---\n- list\n---\n",
		"---\nkey: |\n  block\n---\nx",
		"no front matter",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		yamlText, start, ok := splitFrontMatter(s)
		if !ok {
			if start != 0 || yamlText != "" {
				t.Fatalf("splitFrontMatter(%q) = %q, %d without front matter", s, yamlText, start)
			}
			return
		}
		if start < 0 || start > len(s) || !strings.HasPrefix(s, "---") {
			t.Fatalf("splitFrontMatter(%q): body at %d", s, start)
		}
		if !strings.Contains(s[:start], yamlText) {
			t.Fatalf("splitFrontMatter(%q): yaml %q is not in the block", s, yamlText)
		}
		m, err := parseFrontMatter(yamlText)
		if err != nil {
			return
		}
		if utf8.ValidString(s) {
			for _, v := range []string{m.Title, m.Outlet, m.Published, m.Lang, m.URL} {
				if !utf8.ValidString(v) {
					t.Fatalf("parseFrontMatter(%q) produced invalid UTF-8 %q", yamlText, v)
				}
			}
		}
	})
}
