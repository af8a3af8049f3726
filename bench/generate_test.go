package bench

import (
	"context"
	"flag"
	"testing"

	"github.com/kabar-bot/kabar/bench/synth"
)

var generateArticles = flag.Int("synth.articles", 0, "with -run TestGenerateCorpus: generate (or find cached) a corpus of this many articles and print its folder")

// TestGenerateCorpus makes a synthetic corpus for trying `kabar index` by
// hand; it does nothing unless -synth.articles is set:
//
//	go test ./bench -run TestGenerateCorpus -v -synth.articles=100000
func TestGenerateCorpus(t *testing.T) {
	if *generateArticles <= 0 {
		t.Skip("set -synth.articles to generate a corpus")
	}
	dir, err := synth.Cached(context.Background(), seed, *generateArticles)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles in %s", *generateArticles, dir)
}
