package retrieval

import (
	"context"
	"strings"
	"testing"
)

// The page's title, or a menu item before the text, recurs in its lead
// ("welcome you to … the Example Handbook"), or the title opens the text
// written with a no-break space: the lead must not be skipped for their
// words.
func TestLeadRepeatingTheTitleIsKept(t *testing.T) {
	for _, tt := range []struct{ name, title, h1, lead string }{
		{"title words in the lead", "The Example Handbook", "Preface",
			"I am pleased to welcome you to Example and the Example Handbook. Many people have chosen Example: around 10% of the web servers run it."},
		{"title as the first line, with a no-break space", "6.7. Upgrading from One Release to the Next", "6.7.&nbsp;Upgrading from One Release to the Next",
			"Upgrading from one release to the next is one of its best-known features: around 10% of the web servers did it last year. " +
				"The steps are in 6.7. Upgrading from One Release to the Next, below."},
		{"a menu item, not the title, whose words recur in the lead", "Preface", "Preface",
			"I am pleased to welcome you to Example and the Example Handbook. Many people have chosen Example: around 10% of the web servers run it."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><head><title>` + tt.title + `</title></head><body>`)
			b.WriteString(`<div id="banner"><a href="/get">Download the ebook</a></div>`)
			b.WriteString(`<ul class="docnav"><li><a href="index.html">Prev</a></li><li>The Example Handbook</li><li><a href="next.html">Next</a></li></ul>`)
			b.WriteString(`<div class="section"><h1 class="title">` + tt.h1 + `</h1>`)
			b.WriteString(`<div class="para">` + tt.lead + `</div>`)
			for i := 0; i < 6; i++ {
				b.WriteString(`<div class="para">Example is flexible. It provides a general-purpose system out of the box, and the tools to adapt it to whatever environment you find yourself working in, from a cloud to a single computer.</div>`)
			}
			b.WriteString(`</div><ul class="docnav"><li><a href="index.html">Prev</a></li><li><a href="next.html">Next</a></li></ul></body></html>`)
			page, err := extractHTML(context.Background(), []byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page.Text, "around 10% of the web servers") {
				t.Errorf("the lead was dropped:\n%s", page.Text)
			}
		})
	}
}
