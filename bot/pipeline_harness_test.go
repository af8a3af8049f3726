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
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/internal/fakediscord"
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

// startReal starts a bot on p against a fresh fake Discord. Like start, it
// checks on cleanup that nothing pinged and no secret reached the logs.
func startReal(t *testing.T, p *pipeline, opts harnessOptions) *harness {
	t.Helper()
	opts.fake.Token = testToken
	fake := fakediscord.New(opts.fake)
	t.Cleanup(fake.Close) // runs last: the bot must close first

	h := &harness{t: t, fake: fake, logs: &syncBuffer{}, done: make(chan error, 1)}
	cfg := Config{Token: testToken, APIBaseURL: fake.URL(), GuildID: testGuild}
	if opts.config != nil {
		opts.config(&cfg)
	}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(cfg, p.svc, p.svc, p.ix, logger)
	if err != nil {
		t.Fatal(err)
	}
	b.session.ShouldReconnectOnError = opts.reconnect
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- b.Run(ctx) }()
	t.Cleanup(func() {
		h.stop()
		assertNoPings(t, fake.Requests())
		for _, secret := range []string{testToken, testAPIKey, interactionTokenPrefix} {
			if strings.Contains(h.logs.String(), secret) {
				t.Errorf("a secret (%.8s…) appeared in the logs", secret)
			}
		}
		if t.Failed() {
			t.Logf("bot logs (last 20 kB):\n%s", tail(h.logs.String(), 20000))
		}
	})
	h.waitReq(func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands") && r.Status == 200
	})
	return h
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
