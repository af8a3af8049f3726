package synth_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/retrieval"
)

func TestArticlesAreAFunctionOfSeedAndIndex(t *testing.T) {
	t.Parallel()
	a, b := synth.New(1), synth.New(1)
	for _, i := range []int{0, 1, 999, 123456} {
		if a.Article(i).Text != b.Article(i).Text {
			t.Errorf("article %d differs between two generators of seed 1", i)
		}
	}
	if a.Article(0).Text == a.Article(1).Text {
		t.Error("articles 0 and 1 are the same")
	}
	if a.Article(0).Text == synth.New(2).Article(0).Text {
		t.Error("seeds 1 and 2 give the same article 0")
	}
}

// TestArticlesLookLikeNews checks what the benchmarks rely on: articles
// Kabar parses as Indonesian news with a headline and an outlet, of
// realistic length, cut into a dozen or so chunks.
func TestArticlesLookLikeNews(t *testing.T) {
	t.Parallel()
	g := synth.New(1)
	const n = 300
	var words, chunks int
	for i := range n {
		a := g.Article(i)
		doc, err := retrieval.ParseDocument(a.Name, []byte(a.Text))
		if err != nil {
			t.Fatalf("%s does not parse: %v", a.Name, err)
		}
		if doc.Title != a.Title {
			t.Errorf("%s: parsed title %q, generated %q", a.Name, doc.Title, a.Title)
		}
		if doc.Outlet != a.Outlet {
			t.Errorf("%s: parsed outlet %q, generated %q", a.Name, doc.Outlet, a.Outlet)
		}
		if doc.Lang != "id" {
			t.Errorf("%s: language %q, want id", a.Name, doc.Lang)
		}
		for _, p := range a.People {
			if !strings.Contains(a.Text, p) {
				t.Errorf("%s does not mention %s, one of its people", a.Name, p)
			}
		}
		words += len(strings.Fields(a.Text))
		chunks += len(retrieval.Chunks(doc, retrieval.Segment(doc), retrieval.ChunkOptions{}))
	}
	if avg := words / n; avg < 350 || avg > 700 {
		t.Errorf("articles average %d words, want a news article's 350–700", avg)
	}
	if avg := float64(chunks) / n; avg < 8 || avg > 25 {
		t.Errorf("articles average %.1f chunks, want 8–25", avg)
	}
}

func TestQuestionsNameTheirArticles(t *testing.T) {
	t.Parallel()
	g := synth.New(1)
	qs := g.Questions(50, 20)
	if !slices.Equal(qs, synth.New(1).Questions(50, 20)) {
		t.Error("questions differ between two generators of seed 1")
	}
	var people []string
	for i := range 20 {
		people = append(people, g.Article(i).People...)
	}
	for _, q := range qs {
		if !strings.HasSuffix(q, "?") {
			t.Errorf("%q is not a question", q)
		}
		if !slices.ContainsFunc(people, func(p string) bool { return strings.Contains(q, p) }) &&
			!strings.HasPrefix(q, "Siapa") {
			t.Errorf("%q names nobody from the first 20 articles", q)
		}
	}
}

func TestWriteAndMutate(t *testing.T) {
	t.Parallel()
	g := synth.New(3)
	dir := t.TempDir()
	const n = 40
	if err := g.Write(context.Background(), dir, n, nil); err != nil {
		t.Fatal(err)
	}
	read := func(i int) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(g.ArticleName(i))))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for i := range n {
		if read(i) != g.Article(i).Text {
			t.Fatalf("file of article %d does not hold it", i)
		}
	}
	changed, err := g.Mutate(dir, n, 0.1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != 4 {
		t.Errorf("10%% of %d articles changed %d files, want 4", n, len(changed))
	}
	for i := range n {
		name := g.ArticleName(i)
		want := g.Article(i).Text
		if slices.Contains(changed, name) {
			want = g.Revision(i, 1).Text
			if !strings.HasPrefix(want, g.Article(i).Text[:len(g.Article(i).Text)-1]) {
				t.Errorf("revision of %s does not extend the original", name)
			}
		}
		if read(i) != want {
			t.Errorf("%s holds the wrong revision", name)
		}
	}
	again, err := g.Mutate(dir, n, 0.1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again, changed) {
		t.Errorf("round 1 changed %v, then %v", changed, again)
	}
	if _, err := g.Mutate(dir, n, 0.1, 0); err == nil {
		t.Error("Mutate accepted round 0, which is the original text")
	}
}

func TestCachedGeneratesOnce(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ctx := context.Background()
	dir, err := synth.Cached(ctx, 5, 12)
	if err != nil {
		t.Fatal(err)
	}
	if dir != synth.CacheDir(5, 12) {
		t.Errorf("Cached returned %s, want %s", dir, synth.CacheDir(5, 12))
	}
	stamp := filepath.Join(dir, filepath.FromSlash(synth.New(5).ArticleName(3)))
	if err := os.WriteFile(stamp, []byte("marked"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := synth.Cached(ctx, 5, 12)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(stamp); again != dir || string(b) != "marked" {
		t.Error("a second Cached call regenerated the corpus")
	}
	docs, err := retrieval.LoadCorpus(ctx, os.DirFS(dir), func(s retrieval.Skipped) { t.Errorf("skipped %s: %s", s.Path, s.Reason) })
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 12 {
		t.Errorf("cached corpus has %d articles, want 12", len(docs))
	}
}
