package live

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// patience bounds every wait; tests end on the outcome, not the clock.
const patience = 2 * time.Minute

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

type fixture struct {
	dir   string
	build func(ctx context.Context) (*retrieval.Index, retrieval.Stats, error)
	svc   func(*retrieval.Index) (Service, error)
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	data := t.TempDir()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	emb := retrieval.NewLocalEmbedder()
	f := &fixture{dir: dir}
	f.build = func(ctx context.Context) (*retrieval.Index, retrieval.Stats, error) {
		return retrieval.Build(ctx, retrieval.Options{Corpus: os.DirFS(dir), CorpusName: dir, DataDir: data, Embedder: emb, Lexicon: lex, Workers: 1})
	}
	f.svc = func(ix *retrieval.Index) (Service, error) {
		return answer.NewService(ix, answer.Options{}, nil, nil), nil
	}
	return f
}

const wonsan = `---
title: Wonsan resort opens
published: 2025-07-01
---

The Kalma resort in Wonsan opened on 1 July 2025 with room for 20,000 guests, state media said.
`

const engineers = `---
title: Engineers for Kursk
published: 2025-07-14
---

North Korea agreed to send 6,000 military engineers and workers to help rebuild the Kursk region.
`

func TestUpdaterFollowsTheCorpusFolder(t *testing.T) {
	f := newFixture(t)
	write(t, filepath.Join(f.dir, "engineers.md"), engineers)
	ix, _, err := f.build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := f.svc(ix)
	c := NewCorpus(ix, svc, time.Now())
	u := &Updater{Dir: f.dir, Build: f.build, Service: f.svc, Corpus: c, Debounce: 50 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(testWriter{t}, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- u.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()

	// A new article in a new sub-folder (watched once it appears).
	write(t, filepath.Join(f.dir, "2025", "07", "wonsan.md"), wonsan)
	waitFor(t, "the new article to be indexed", func() bool {
		_, ok := c.Document("2025/07/wonsan")
		return ok
	})
	if n, _ := c.IndexGeneration(); n < 2 {
		t.Errorf("generation %d after a swap", n)
	}
	res, err := c.Answer(context.Background(), answer.Query{Question: "How many guests can the Kalma resort hold?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Answered || len(res.Citations) == 0 || res.Citations[0].Doc != "2025/07/wonsan" {
		t.Errorf("new article not answerable: %+v", res)
	}

	// A removed article leaves.
	if err := os.Remove(filepath.Join(f.dir, "engineers.md")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the removed article to leave the index", func() bool {
		_, ok := c.Document("engineers")
		return !ok
	})
	res, err = c.Answer(context.Background(), answer.Query{Question: "How many engineers did North Korea promise?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, ci := range res.Citations {
		if ci.Doc == "engineers" {
			t.Errorf("removed article still cited: %+v", res)
		}
	}

	// Hidden and non-article files never cause a swap.
	gen, _ := c.IndexGeneration()
	write(t, filepath.Join(f.dir, ".draft.md"), wonsan)
	write(t, filepath.Join(f.dir, "notes.json"), "{}")
	u.Trigger() // a re-index that finds nothing new
	u.Trigger()
	// Wait for a later, observable re-index: a real change after the noise.
	write(t, filepath.Join(f.dir, "engineers.md"), engineers)
	waitFor(t, "the restored article", func() bool {
		_, ok := c.Document("engineers")
		return ok
	})
	if _, ok := c.Document(".draft"); ok {
		t.Error("a hidden file was indexed")
	}
	if n, _ := c.IndexGeneration(); n <= gen {
		t.Errorf("generation did not advance: %d → %d", gen, n)
	}
}

func TestRescanWithoutWatcher(t *testing.T) {
	f := newFixture(t)
	write(t, filepath.Join(f.dir, "engineers.md"), engineers)
	ix, _, err := f.build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := f.svc(ix)
	c := NewCorpus(ix, svc, time.Now())
	// No Dir: only the periodic rescan can see the folder.
	u := &Updater{Build: f.build, Service: f.svc, Corpus: c, Rescan: 20 * time.Millisecond, Debounce: 10 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- u.Run(ctx) }()
	write(t, filepath.Join(f.dir, "wonsan.md"), wonsan)
	waitFor(t, "the rescan to index the new article", func() bool {
		_, ok := c.Document("wonsan")
		return ok
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// blockingService answers only when released, and says which generation
// it belongs to.
type blockingService struct {
	name    string
	started chan struct{}
	release chan struct{}
}

func (b *blockingService) Answer(ctx context.Context, q answer.Query, _ func(string)) (answer.Result, error) {
	if b.started != nil {
		close(b.started)
		<-b.release
	}
	return answer.Result{Question: q.Question, Answer: b.name}, nil
}
func (b *blockingService) Summarize(context.Context, string, string) (answer.Result, error) {
	return answer.Result{Answer: b.name}, nil
}
func (b *blockingService) CheckAnswer(context.Context, string, []answer.Citation) (cite.Report, error) {
	return cite.Report{}, nil
}
func (b *blockingService) CheckClaim(context.Context, string) (cite.ClaimResult, error) {
	return cite.ClaimResult{}, nil
}

func TestAnswerInFlightFinishesOnItsGeneration(t *testing.T) {
	old := &blockingService{name: "old", started: make(chan struct{}), release: make(chan struct{})}
	c := NewCorpus(nil, old, time.Unix(100, 0))
	got := make(chan string, 1)
	go func() {
		res, _ := c.Answer(context.Background(), answer.Query{Question: "q"}, nil)
		got <- res.Answer
	}()
	<-old.started
	g := c.Swap(nil, &blockingService{name: "new"}, time.Unix(200, 0))
	if g.N != 2 {
		t.Errorf("generation %d, want 2", g.N)
	}
	res, _ := c.Answer(context.Background(), answer.Query{Question: "q"}, nil)
	if res.Answer != "new" {
		t.Errorf("a new question was answered by %q", res.Answer)
	}
	close(old.release)
	if a := <-got; a != "old" {
		t.Errorf("the answer in flight was finished by %q", a)
	}
	if n, at := c.IndexGeneration(); n != 2 || !at.Equal(time.Unix(200, 0)) {
		t.Errorf("IndexGeneration = %d, %v", n, at)
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }
