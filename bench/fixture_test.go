package bench

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// seed fixes every generated corpus, so numbers from different runs and
// machines describe the same articles.
const seed = 1

// chunkSizes are the index sizes query benchmarks run at; -short stops at
// 10k.
func chunkSizes() []int {
	if testing.Short() {
		return []int{1_000, 10_000}
	}
	return []int{1_000, 10_000, 100_000}
}

// million adds a 1M-chunk index to BenchmarkVectorRatio and
// BenchmarkSearch: about 77k generated articles, ten minutes to index the
// first time and 7 GB of RAM while it runs.
var million = flag.Bool("bench.million", false, "also run BenchmarkVectorRatio and BenchmarkSearch at 1M chunks")

// vectorSizes are the index sizes BenchmarkVectorRatio runs at.
func vectorSizes() []int {
	if *million {
		return append(chunkSizes(), 1_000_000)
	}
	return chunkSizes()
}

// sizeName renders 100000 as "100k".
func sizeName(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return strconv.Itoa(n/1_000_000) + "M"
	case n >= 1000 && n%1000 == 0:
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

// fixture is a loaded index over a cached synthetic corpus.
type fixture struct {
	ix        *retrieval.Index
	lex       *lexicon.Lexicon
	gen       *synth.Generator
	articles  int
	corpusDir string
	dataDir   string
	questions []string
}

// cacheRoot holds generated corpora and their indexes between runs.
func cacheRoot() string { return filepath.Join(os.TempDir(), "kabar-bench") }

// loadFixture returns an index of about chunks chunks (the smallest prefix
// of the seed's articles reaching that many), building and persisting it
// under the cache the first time and only loading it afterwards.
func loadFixture(tb testing.TB, chunks int) *fixture {
	tb.Helper()
	n, err := articlesForChunks(synth.New(seed), chunks)
	if err != nil {
		tb.Fatal(err)
	}
	return loadArticles(tb, n)
}

// loadArticles returns a loaded index of the seed's first n articles,
// built and cached under cacheRoot the first time.
func loadArticles(tb testing.TB, n int) *fixture {
	tb.Helper()
	ctx := context.Background()
	lex, err := lexicon.New()
	if err != nil {
		tb.Fatal(err)
	}
	corpus, err := synth.Cached(ctx, seed, n)
	if err != nil {
		tb.Fatal(err)
	}
	data := filepath.Join(cacheRoot(), fmt.Sprintf("index-s%d-n%d", seed, n))
	opts := retrieval.Options{
		Corpus: os.DirFS(corpus), CorpusName: corpus, DataDir: data,
		Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	}
	ix, _, err := retrieval.Build(ctx, opts)
	if errors.Is(err, retrieval.ErrCorruptIndex) || errors.Is(err, retrieval.ErrEmbedderMismatch) {
		// A cached index from an older format version: build it afresh.
		opts.Rebuild = true
		ix, _, err = retrieval.Build(ctx, opts)
	}
	if err != nil {
		tb.Fatal(err)
	}
	g := synth.New(seed)
	return &fixture{ix: ix, lex: lex, gen: g, articles: n, corpusDir: corpus, dataDir: data, questions: g.Questions(500, n)}
}

// articlesForChunks finds how many of g's articles make up at least chunks
// chunks, by chunking them as the indexer does. The answer is remembered
// in the cache, as it never changes for a seed.
func articlesForChunks(g *synth.Generator, chunks int) (int, error) {
	memo := filepath.Join(cacheRoot(), fmt.Sprintf("articles-for-chunks-s%d-c%d", g.Seed(), chunks))
	if b, err := os.ReadFile(memo); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			return n, nil
		}
	}
	total, n := 0, 0
	for ; total < chunks; n++ {
		a := g.Article(n)
		doc, err := retrieval.ParseDocument(a.Name, []byte(a.Text))
		if err != nil {
			return 0, fmt.Errorf("generated article %s does not parse: %w", a.Name, err)
		}
		total += len(retrieval.Chunks(doc, retrieval.Segment(doc), retrieval.ChunkOptions{}))
	}
	if err := os.MkdirAll(cacheRoot(), 0o755); err == nil {
		os.WriteFile(memo, []byte(strconv.Itoa(n)), 0o644) // a cache: failing to write it only costs time
	}
	return n, nil
}
