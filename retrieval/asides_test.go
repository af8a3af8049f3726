package retrieval

import (
	"strings"
	"testing"
)

func TestProseSidebarsAreText(t *testing.T) {
	t.Parallel()
	// DocBook writes its paragraphs as div.para.
	article := strings.Repeat(`<div class="para">The package manager downloads each package from the mirrors listed in the sources file and checks its signature before installing it on the system.</div>`+"\n", 6)
	tests := []struct {
		name    string
		sidebar string
		want    string // a phrase the text must (keep) or must not (!) hold
	}{
		{"a titled box of prose (DocBook)", `<div class="sidebar"><div class="titlepage"><p class="title"><strong>GOING FURTHER The cache of .deb files</strong></p></div>
<div class="para">APT keeps a copy of each downloaded .deb file in the directory /var/cache/apt/archives/. In case of frequent updates, this directory can quickly take a lot of disk space with several versions of each package.</div></div>`, "APT keeps a copy"},
		{"a box of related links", `<div class="sidebar"><h3>Related stories</h3><p><a href="/a">Mirror network grows to a hundred countries this year</a></p><p><a href="/b">New signing keys announced for the next release cycle</a></p><p><a href="/c">Package counts reach a record high</a></p></div>`, "!Mirror network grows"},
		{"a short box", `<div class="sidebar"><h3>Newsletter</h3><p>Get the news by mail every week.</p></div>`, "!Newsletter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Package management</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Package management</h1>\n" +
				article[:len(article)/2] + tt.sidebar + article[len(article)/2:] + "</article></body></html>"
			doc, err := ParseDocument("docs/apt.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			phrase, keep := strings.CutPrefix(tt.want, "!")
			keep = !keep
			if got := strings.Contains(doc.Text, phrase); got != keep {
				t.Errorf("text holds %q: %v, want %v\n%s", phrase, got, keep, doc.Text)
			}
		})
	}
}
