package retrieval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
)

// countingEmbedder records every text it is asked to embed, so a test can
// tell which chunks an indexing run re-embedded.
type countingEmbedder struct {
	Embedder
	mu    sync.Mutex
	texts []string
}

func (c *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	c.mu.Lock()
	c.texts = append(c.texts, texts...)
	c.mu.Unlock()
	return c.Embedder.Embed(ctx, texts)
}

// take returns the texts embedded since the last call.
func (c *countingEmbedder) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.texts
	c.texts = nil
	return t
}

// renamedEmbedder is the local embedder under another identity: what an
// index built by a different model looks like.
type renamedEmbedder struct {
	Embedder
	name string
	dim  int
}

func (r renamedEmbedder) Name() string   { return r.name }
func (r renamedEmbedder) Dimension() int { return r.dim }

// seedCorpus copies the bundled articles into a fresh folder the test may
// change, and returns it with the ids of the articles.
func seedCorpus(t *testing.T) (dir string, ids []string) {
	t.Helper()
	dir = t.TempDir()
	names, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(names) != 5 {
		t.Fatalf("seeds: %v %v", names, err)
	}
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(n)), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strings.TrimSuffix(filepath.Base(n), ".txt"))
	}
	return dir, ids
}

func testLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func buildOpts(t testing.TB, corpus, data string, emb Embedder, lex *lexicon.Lexicon) Options {
	return Options{Corpus: DirFS(corpus), CorpusName: corpus, DataDir: data, Embedder: emb, Lexicon: lex}
}

func mustBuild(t *testing.T, opts Options) (*Index, Stats) {
	t.Helper()
	ix, st, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return ix, st
}

func chunkTexts(ix *Index, id string) []string {
	var out []string
	for _, c := range ix.DocumentChunks(id) {
		out = append(out, c.Text)
	}
	return out
}

func TestBuildIncremental(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	corpus, ids := seedCorpus(t)
	data := t.TempDir()
	emb := &countingEmbedder{Embedder: NewLocalEmbedder()}
	opts := buildOpts(t, corpus, data, emb, testLexicon(t))

	// First run: everything is new and embedded once.
	ix, st := mustBuild(t, opts)
	if st.Added != 5 || st.Documents != 5 || !st.Saved || st.Chunks != ix.NumChunks() {
		t.Fatalf("first build: %+v", st)
	}
	if got := len(emb.take()); got != st.Chunks || st.Embedded != st.Chunks {
		t.Fatalf("first build embedded %d texts (stats %d), want every chunk (%d)", got, st.Embedded, st.Chunks)
	}

	// Nothing changed: nothing embedded, nothing written.
	before := fileInfo(t, filepath.Join(data, SnapshotFile))
	_, st = mustBuild(t, opts)
	if st.Unchanged != 5 || st.Added+st.Changed+st.Removed != 0 || st.Saved {
		t.Errorf("unchanged rebuild: %+v", st)
	}
	if got := emb.take(); len(got) != 0 || st.Embedded != 0 {
		t.Errorf("unchanged rebuild embedded %d texts", len(got))
	}
	if after := fileInfo(t, filepath.Join(data, SnapshotFile)); !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
		t.Error("unchanged rebuild rewrote the index file")
	}

	// A new modification time alone is not a change worth embedding.
	touched := filepath.Join(corpus, ids[0]+".txt")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(touched, later, later); err != nil {
		t.Fatal(err)
	}
	_, st = mustBuild(t, opts)
	if st.Changed != 0 || st.Unchanged != 5 || len(emb.take()) != 0 {
		t.Errorf("touched file: %+v, want no change and nothing embedded", st)
	}

	// One article edited: only its chunks are embedded, and they are searchable.
	edited := ids[1]
	f, err := os.OpenFile(filepath.Join(corpus, edited+".txt"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n\nPyongyang juga menjanjikan 300 ahli zeni tambahan untuk proyek Wonsan-Kalma.\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ix, st = mustBuild(t, opts)
	if st.Changed != 1 || st.Unchanged != 4 || st.Added+st.Removed != 0 || !st.Saved {
		t.Errorf("one edited file: %+v", st)
	}
	embedded := emb.take()
	want := chunkTexts(ix, edited)
	slices.Sort(embedded)
	slices.Sort(want)
	if !slices.Equal(embedded, want) {
		t.Errorf("edit embedded %d texts, want exactly the %d chunks of %s:\n got %q\nwant %q", len(embedded), len(want), edited, embedded, want)
	}
	hits, err := ix.SearchText(ctx, "ahli zeni tambahan Wonsan-Kalma", 3, RankLexical)
	if err != nil || len(hits) == 0 || hits[0].Chunk.DocID != edited || !strings.Contains(hits[0].Chunk.Text, "300 ahli zeni") {
		t.Errorf("the edit is not searchable: %v %+v", err, hits)
	}

	// One article removed: it leaves the index, on disk too.
	removed := ids[2]
	if err := os.Remove(filepath.Join(corpus, removed+".txt")); err != nil {
		t.Fatal(err)
	}
	ix, st = mustBuild(t, opts)
	if st.Removed != 1 || st.Documents != 4 || st.Unchanged != 4 || len(emb.take()) != 0 {
		t.Errorf("one removed file: %+v", st)
	}
	reopened, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	for _, x := range []*Index{ix, reopened} {
		if _, ok := x.Document(removed); ok {
			t.Errorf("removed document %s is still indexed", removed)
		}
		if len(x.DocumentChunks(removed)) != 0 {
			t.Errorf("removed document %s still has chunks", removed)
		}
		for i := range x.NumChunks() {
			if x.Chunk(i).DocID == removed {
				t.Fatalf("chunk %s of the removed document is still indexed", x.Chunk(i).ID)
			}
		}
		if len(x.Documents()) != 4 {
			t.Errorf("%d documents, want 4", len(x.Documents()))
		}
	}

	// A new article: added, only it embedded.
	raw, err := os.ReadFile(filepath.Join("..", "seeds", removed+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(corpus, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(corpus, "sub", "baru.txt"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	ix, st = mustBuild(t, opts)
	if st.Added != 1 || st.Documents != 5 || st.Embedded == 0 || len(emb.take()) != len(ix.DocumentChunks("sub/baru")) {
		t.Errorf("one new file in a sub folder: %+v; %d chunks of sub/baru", st, len(ix.DocumentChunks("sub/baru")))
	}
}

// Offsets survive the round trip: every chunk of a reopened index is the
// verbatim slice of its document.
func TestOpenMatchesBuild(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	corpus, _ := seedCorpus(t)
	opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
	built, _ := mustBuild(t, opts)
	opened, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if built.NumChunks() != opened.NumChunks() || built.NumChunks() == 0 {
		t.Fatalf("built %d chunks, opened %d", built.NumChunks(), opened.NumChunks())
	}
	for i := range opened.NumChunks() {
		c := opened.Chunk(i)
		if c != built.Chunk(i) {
			t.Fatalf("chunk %d differs after reopening: %+v vs %+v", i, c, built.Chunk(i))
		}
		doc, ok := opened.Document(c.DocID)
		if !ok || doc.Text[c.Start:c.End] != c.Text {
			t.Fatalf("chunk %s is not a slice of its document", c.ID)
		}
	}
	q := "How many engineers did North Korea promise?"
	for _, r := range []Ranking{RankLexical, RankVector, RankHybrid} {
		a, errA := built.SearchText(ctx, q, 5, r)
		b, errB := opened.SearchText(ctx, q, 5, r)
		if errA != nil || errB != nil || len(a) != len(b) || len(a) == 0 {
			t.Fatalf("%v: %v %v %d %d", r, errA, errB, len(a), len(b))
		}
		for i := range a {
			if a[i].Chunk.ID != b[i].Chunk.ID {
				t.Errorf("%v hit %d: built %s, opened %s", r, i, a[i].Chunk.ID, b[i].Chunk.ID)
			}
		}
	}
}

func TestEmbedderMismatch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	corpus, _ := seedCorpus(t)
	data := t.TempDir()
	lex := testLexicon(t)
	local := NewLocalEmbedder()
	mustBuild(t, buildOpts(t, corpus, data, local, lex))

	others := []renamedEmbedder{
		{Embedder: local, name: "openai:text-embedding-3-small", dim: LocalDimension},
		{Embedder: local, name: local.Name(), dim: 1536}, // same name, other size
	}
	for _, other := range others {
		opts := buildOpts(t, corpus, data, other, lex)
		_, _, err := Build(ctx, opts)
		checkMismatch(t, "Build", err)
		_, err = Open(ctx, opts)
		checkMismatch(t, "Open", err)
	}

	// --rebuild switches the index to the configured embedder.
	other := others[0]
	opts := buildOpts(t, corpus, data, other, lex)
	opts.Rebuild = true
	ix, st := mustBuild(t, opts)
	if st.Added != 5 || ix.Embedder().Name != other.name {
		t.Fatalf("rebuild with another embedder: %+v, embedder %+v", st, ix.Embedder())
	}
	opts.Rebuild = false
	if _, err := Open(ctx, opts); err != nil {
		t.Errorf("Open after rebuild: %v", err)
	}
	_, _, err := Build(ctx, buildOpts(t, corpus, data, local, lex))
	checkMismatch(t, "Build with the old embedder after rebuild", err)
}

func checkMismatch(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrEmbedderMismatch) {
		t.Errorf("%s: err = %v, want ErrEmbedderMismatch", what, err)
		return
	}
	if !strings.Contains(err.Error(), "kabar index --rebuild") {
		t.Errorf("%s: %q does not say how to rebuild", what, err)
	}
}

func TestBuildSkipsBadFiles(t *testing.T) {
	t.Parallel()
	corpus, _ := seedCorpus(t)
	bad := map[string][]byte{
		"empty.txt":  nil,
		"binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0xff, 0xfe},
	}
	for name, raw := range bad {
		if err := os.WriteFile(filepath.Join(corpus, name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	warned := map[string]string{}
	opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
	opts.Warn = func(s Skipped) {
		mu.Lock()
		warned[s.Path] = s.Reason
		mu.Unlock()
	}
	_, st := mustBuild(t, opts)
	if st.Documents != 5 || st.Skipped != len(bad) {
		t.Errorf("stats %+v, want the 5 articles indexed and %d files skipped", st, len(bad))
	}
	for name := range bad {
		if warned[name] == "" {
			t.Errorf("no warning naming %s (warnings: %v)", name, warned)
		}
	}
}

func TestBuildCancelled(t *testing.T) {
	t.Parallel()
	corpus, _ := seedCorpus(t)
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	opts := buildOpts(t, corpus, data, NewLocalEmbedder(), testLexicon(t))
	if _, _, err := Build(ctx, opts); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a cancelled context = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(filepath.Join(data, SnapshotFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled build left an index file: %v", err)
	}
}

func fileInfo(t *testing.T, path string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// A killed indexer leaves a half-written temporary file; the next build
// removes it.
func TestBuildRemovesTempFilesOfKilledRuns(t *testing.T) {
	t.Parallel()
	opts, _ := goodIndex(t)
	stale := filepath.Join(opts.DataDir, ".index-123.tmp")
	if err := os.WriteFile(stale, []byte("half a snapshot"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, opts)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file still there: %v", err)
	}
}
