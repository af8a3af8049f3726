package retrieval

import (
	"os"
	"testing"
)

func TestCounterpartKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path, key, langs string
	}{
		{"handbook/en/apt.html", "handbook/*/apt.html", "en"},
		{"handbook/id-ID/apt.html", "handbook/*/apt.html", "id"},
		{"guide.example/en-US/stable/apt.html", "guide.example/*/stable/apt.html", "en"},
		{"reference/ch01.id.html", "reference/ch01.*.html", "id"},
		{"reference/pt_BR/ch01.html", "reference/*/ch01.html", "pt"},
		{"news/2025/flood.html", "", ""},                                        // no language part
		{"news/us/flood.html", "", ""},                                          // "us" is no language
		{"docs/en.html", "", ""},                                                // a file's stem is its name
		{"notes/todo.md", "", ""},                                               // nor is an extension a language
		{"debian-handbook/en/index.html", "debian-handbook/*/index.html", "en"}, // a dash joins words, not a region
	}
	for _, tt := range tests {
		if key, langs := counterpartKey(tt.path); key != tt.key || langs != tt.langs {
			t.Errorf("counterpartKey(%q) = %q, %q; want %q, %q", tt.path, key, langs, tt.key, tt.langs)
		}
	}
}

// Short pages have too few names and figures for their text alone to
// show that one translates the other; laid out as one page in two
// languages, with text that agrees, they are one story. Two different
// pages under the same name are not.
func TestStoryGroupsCounterparts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, dir, a, b string
		one             bool
	}{
		{"one page under en/ and id/", "folders", "en/contributing", "id/contributing", true},
		{"one page at addresses under en-US/ and id-ID/", "urls", "contributing-en", "contributing-id", true},
		{"the same two pages, not laid out as one", "apart", "contributing", "berkontribusi", false},
		{"two different pages under one name", "folders", "en/security", "id/security", false},
		{"two different names", "folders", "en/contributing", "id/security", false},
		{"pages naming each other as alternates in another language", "hreflang", "contributing", "berkontribusi", true},
		{"a page naming another page as its alternate", "hreflang", "contributing", "keamanan", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			docs, err := LoadCorpus(t.Context(), os.DirFS("testdata/layout/"+tt.dir), nil)
			if err != nil {
				t.Fatal(err)
			}
			groups := StoryGroups(docs)
			if one := groups[tt.a] != "" && groups[tt.a] == groups[tt.b]; one != tt.one {
				t.Errorf("%s and %s one story: %v, want %v (groups %v)", tt.a, tt.b, one, tt.one, groups)
			}
		})
	}
}

// A page's hreflang alternates are read as absolute addresses, resolved
// against its own; x-default and the page itself are not alternates.
func TestPageAlternates(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/layout/hreflang/contributing.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseDocument("contributing.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://guide.example/docs/berkontribusi"; doc.Alternates != want {
		t.Errorf("Alternates = %q, want %q", doc.Alternates, want)
	}
	if got := resolveAlternates("", []string{"/docs/x", "https://guide.example/docs/y"}); got != "https://guide.example/docs/y" {
		t.Errorf("without an address of its own: %q, want only the absolute one", got)
	}
}
