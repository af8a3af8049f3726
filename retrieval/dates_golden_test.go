package retrieval

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-dateparser"
)

// datesGolden records, for every article fixture under testdata, the dates
// Kabar states for it (published, modified) and every date go-dateparser
// finds in its text. It was written with the unpatched go-dateparser
// v1.2.3, before third_party/go-dateparser made its locale data lazy, so
// the patched copy is checked to find and parse the same dates. Rewrite it
// with go test ./retrieval -run TestDatesGolden -update.
const datesGolden = "testdata/dates.golden"

func TestDatesGolden(t *testing.T) {
	var b strings.Builder
	for _, dir := range []string{"testdata/corpus", "testdata/news", "testdata/stories"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if _, ok := formatFor(p); !ok {
				return nil
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "== %s\n", filepath.ToSlash(p))
			doc, err := ParseDocument(filepath.ToSlash(p), raw)
			if err != nil {
				fmt.Fprintf(&b, "error: %v\n", err)
				return nil
			}
			fmt.Fprintf(&b, "published: %s\nmodified: %s\n", doc.Published, doc.Modified)
			writeSearchedDates(t, &b, doc.Lang, leadText(doc.Text, searchBytes))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	got := b.String()
	if *update {
		if err := os.WriteFile(datesGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(datesGolden)
	if err != nil {
		t.Fatalf("%v (run go test ./retrieval -run TestDatesGolden -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s line %d:\n got %q\nwant %q", datesGolden, i+1, g, w)
			}
		}
	}
}

// searchBytes bounds the text handed to go-dateparser's Search, which is
// slow (up to a second for a few kilobytes): the lead of each fixture, where the
// bylines and datelines are, keeps the test quick.
const searchBytes = 240

// leadText returns text up to the last space at or before n bytes.
func leadText(text string, n int) string {
	if len(text) <= n {
		return text
	}
	if i := strings.LastIndexAny(text[:n], " \n"); i > 0 {
		return text[:i]
	}
	return text[:n]
}

// writeSearchedDates writes every date go-dateparser's Search finds in
// text, once choosing between English and Indonesian (the fixtures'
// languages) and once with the document's own language, relative dates
// taken from a fixed now. Search without a language list tries every
// locale and takes up to seconds per fixture; it is left out.
func writeSearchedDates(t *testing.T, b *strings.Builder, lang, text string) {
	t.Helper()
	now := time.Date(2025, 7, 15, 12, 0, 0, 0, time.UTC)
	configs := []struct {
		name string
		cfg  *dateparser.Configuration
	}{
		{"en+id", &dateparser.Configuration{Languages: []string{"en", "id"}, CurrentTime: now, DefaultTimezone: time.UTC}},
	}
	if lang != "" && dateparser.IsKnownLocale(lang) {
		configs = append(configs, struct {
			name string
			cfg  *dateparser.Configuration
		}{lang, &dateparser.Configuration{Languages: []string{lang}, CurrentTime: now, DefaultTimezone: time.UTC}})
	}
	for _, c := range configs {
		detected, found, err := dateparser.Search(c.cfg, text)
		if err != nil {
			fmt.Fprintf(b, "search %s: error: %v\n", c.name, err)
			continue
		}
		fmt.Fprintf(b, "search %s: language %q, %d dates\n", c.name, detected, len(found))
		for _, r := range found {
			fmt.Fprintf(b, "  %q -> %s %s %s\n", r.Text, r.Date.Locale, r.Date.Period, r.Date.Time.Format(time.RFC3339))
		}
	}
}
