package answer

import (
	"context"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

// BenchmarkAskSeeds measures an offline answer on the bundled articles
// after load: retrieval, sentence judging and composition.
func BenchmarkAskSeeds(b *testing.B) {
	svc, _ := seedService(b)
	questions := []string{
		"How many engineers did North Korea promise to send to Russia?",
		"Berapa banyak tentara yang dikirim Korea Utara ke Rusia?",
		"How many North Korean soldiers have been killed in the war?",
		"What is the population of Wonsan?",
	}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := svc.Answer(ctx, Query{Question: questions[i%len(questions)]}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexSeeds measures building the seed index from scratch,
// snapshot write included.
func BenchmarkIndexSeeds(b *testing.B) {
	lex, err := lexicon.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := retrieval.Build(ctx, retrieval.Options{
			Corpus: seeds.FS, DataDir: b.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex, Rebuild: true,
		}); err != nil {
			b.Fatal(err)
		}
	}
}
