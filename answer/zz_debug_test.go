package answer

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

func TestDebugAnswers(t *testing.T) {
	lex, _ := lexicon.New()
	corpus := fstest.MapFS{
		"typhoon.txt": &fstest.MapFile{Data: []byte(typhoonArticle)},
		"flood.txt":   &fstest.MapFile{Data: []byte(floodArticle)},
		"port.txt":    &fstest.MapFile{Data: []byte(portArticle)},
	}
	ix, _, _ := retrieval.Build(context.Background(), retrieval.Options{Corpus: corpus, CorpusName: "meta", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex})
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	for _, q := range []string{"who wrote the article about the typhoon that shut the ports?", "siapa penulis berita banjir yang merendam rumah warga?", "who wrote the article about the dock workers' strike?", "where's the typhoon report datelined?", "artikel budi santoso itu dateline-nya dari kota mana?", "what time was the typhoon article published?", "artikel soal banjir semarang itu terbit jam berapa?", "which outlet published the article about the floods in semarang?", "who provided the photo of the rescuers carrying a child?", "foto petugas mengevakuasi warga itu dirilis oleh siapa?"} {
		res, _ := svc.Answer(context.Background(), Query{Question: q}, nil)
		fmt.Printf("%s\n  -> %v %s\n", q, res.Answered, res.Answer)
		for _, c := range res.Citations {
			fmt.Printf("     [%d] %q\n", c.N, c.Quote)
		}
	}
}
