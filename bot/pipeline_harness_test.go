package bot

// A harness that runs the bot on the real answering pipeline — the
// retrieval index, answer.Service (extractive, or on an LLM served by
// fakeopenai) and its citation checker — instead of the doubles, over the
// bundled articles plus the hostile article in testdata/hostile.

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

const (
	hostileDoc = "900_pasukan_sudzha" // testdata/hostile/900_pasukan_sudzha.txt
	testAPIKey = "sk-SENTINEL-bot-3f9a1c"
)

// testCorpus is the bundled articles plus the hostile test articles.
func testCorpus(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, fsys := range []fs.FS{seeds.FS, os.DirFS("testdata/hostile")} {
		names, err := fs.Glob(fsys, "*.txt")
		if err != nil || len(names) == 0 {
			t.Fatalf("test corpus: %v (%d files)", err, len(names))
		}
		for _, n := range names {
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				t.Fatal(err)
			}
			m[n] = &fstest.MapFile{Data: b, Mode: 0o644}
		}
	}
	return m
}

// pipeline is the real answering stack.
type pipeline struct {
	ix  *retrieval.Index
	svc *answer.Service
	llm *fakeopenai.Server // nil when answering offline
}

type pipelineOptions struct {
	// llm, when set, answers with an LLM served by a fakeopenai server.
	llm bool
	// client tunes the LLM client (timeouts, retries, backoff).
	client func(*llm.Config)
	k      int // passages given to the LLM; 0: the default
	logger *slog.Logger
}

func newPipeline(t *testing.T, opts pipelineOptions) *pipeline {
	t.Helper()
	if opts.logger == nil {
		opts.logger = slog.New(slog.DiscardHandler)
	}
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ix, st, err := retrieval.Build(ctx, retrieval.Options{Corpus: testCorpus(t), CorpusName: "test corpus",
		DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.Document(hostileDoc); !ok || st.Documents < 6 {
		t.Fatalf("test corpus indexed %d documents, hostile article present: %v", st.Documents, ok)
	}
	p := &pipeline{ix: ix}
	var gen answer.Generator
	if opts.llm {
		p.llm = fakeopenai.New(fakeopenai.Options{APIKey: testAPIKey})
		t.Cleanup(p.llm.Close)
		cfg := llm.Config{BaseURL: p.llm.URL, APIKey: testAPIKey, Model: "fake-chat",
			Timeout: 10 * time.Second, StreamIdleTimeout: 2 * time.Second, Logger: opts.logger}
		if opts.client != nil {
			opts.client(&cfg)
		}
		client, err := llm.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		g, err := answer.NewLLMGenerator(client, ix, answer.LLMConfig{K: opts.k, Ranking: retrieval.RankLexical, Logger: opts.logger})
		if err != nil {
			t.Fatal(err)
		}
		gen = g
	}
	p.svc = answer.NewService(ix, answer.Options{Ranking: retrieval.RankLexical}, gen, opts.logger)
	return p
}

// startReal starts a bot on the real pipeline p against a fresh fake
// Discord, with the same cleanup checks as start (the API key included).
func startReal(t *testing.T, p *pipeline, opts harnessOptions) *harness {
	t.Helper()
	return launch(t, opts, p.svc, p.svc, p.ix, testToken, testAPIKey, interactionTokenPrefix)
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
