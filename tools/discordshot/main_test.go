package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"**[1]** [Antara · 19 Juni 2025 — Judul](https://example.com/a)", `<b>[1]</b> <a>Antara · 19 Juni 2025 — Judul</a>`},
		{"> a <quote> & more", "<blockquote>a &lt;quote&gt; &amp; more</blockquote>"},
		{"`doc_id` paragraph 2", "<code>doc_id</code> paragraph 2"},
		{`Outlet \| site \*not bold\*`, "Outlet | site *not bold*"},
		{"*Passage:* x", "<i>Passage:</i> x"},
	}
	for _, tc := range tests {
		if got := markdown(tc.in); got != tc.want {
			t.Errorf("markdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPagesFromGoldens draws every shot from the bot's goldens.
func TestPagesFromGoldens(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	if err := run(filepath.Join("..", "..", "bot", "testdata"), out, "", 390, true); err != nil {
		t.Fatal(err)
	}
	for _, s := range shots {
		b, err := os.ReadFile(filepath.Join(out, s.Name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "Kabar") || strings.Contains(string(b), "¶") && !strings.Contains(s.Name, "moderator") {
			t.Errorf("%s: unexpected page", s.Name)
		}
	}
}
