package answer

import (
	"bytes"
	"context"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

// sentinelKey is the API key of every test; it must never show up in
// results, errors or logs.
const sentinelKey = "sk-SENTINEL-kabar-7f3a9c1d"

// llmLogBuffer is a bytes.Buffer safe for concurrent writes from slog.
type llmLogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *llmLogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *llmLogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// llmSeedIndex builds the index of the bundled articles in a temporary
// directory.
func llmSeedIndex(t *testing.T) *retrieval.Index {
	t.Helper()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: seeds.FS, CorpusName: "seeds", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// llmHarness is a fake OpenAI-compatible server on loopback, a real
// go-openai client for it, and the LLM answerer and service over the
// seed index.
type llmHarness struct {
	srv  *fakeopenai.Server
	ix   *retrieval.Index
	gen  *LLMGenerator
	svc  *Service
	logs *llmLogBuffer
}

func newLLMHarness(t *testing.T, tweakClient func(*llm.Config), tweakGen func(*LLMConfig)) *llmHarness {
	t.Helper()
	srv := fakeopenai.New(fakeopenai.Options{APIKey: sentinelKey})
	t.Cleanup(srv.Close)
	h := &llmHarness{srv: srv, ix: llmSeedIndex(t), logs: &llmLogBuffer{}}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cc := llm.Config{
		BaseURL:           srv.URL,
		APIKey:            sentinelKey,
		Model:             "fake-chat",
		Timeout:           10 * time.Second,
		StreamIdleTimeout: 10 * time.Second,
		Logger:            logger,
		// Retries happen, but without waiting.
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
	}
	if tweakClient != nil {
		tweakClient(&cc)
	}
	client, err := llm.New(cc)
	if err != nil {
		t.Fatal(err)
	}
	gc := LLMConfig{K: 8, Ranking: retrieval.RankLexical, Logger: logger}
	if tweakGen != nil {
		tweakGen(&gc)
	}
	h.gen, err = NewLLMGenerator(client, h.ix, gc)
	if err != nil {
		t.Fatal(err)
	}
	h.svc = NewService(h.ix, Options{K: 8, Ranking: retrieval.RankLexical}, h.gen, logger)
	return h
}

// sourcesRE finds the numbered sources in an answer or summary request.
var sourcesRE = regexp.MustCompile(`(?s)<<<SOURCE (\d+)>>>\n[^\n]*\n(.*?)\n<<<END SOURCE \d+>>>`)

// requestSources returns the sources of a chat request by number.
func requestSources(req fakeopenai.ChatRequest) map[int]string {
	out := map[int]string{}
	for _, m := range req.Messages {
		if m.Role != "user" {
			continue
		}
		for _, sm := range sourcesRE.FindAllStringSubmatch(m.Content, -1) {
			n, _ := strconv.Atoi(sm[1])
			out[n] = sm[2]
		}
	}
	return out
}

// isRewrite tells the query-rewriting request from answer requests.
func isRewrite(req fakeopenai.ChatRequest) bool {
	return len(req.Messages) == 1 && strings.Contains(req.Messages[0].Content, "Search query:")
}

// findSource returns the number of the first source containing phrase, or
// 0.
func findSource(srcs map[int]string, phrase string) int {
	best := 0
	for n, text := range srcs {
		if strings.Contains(text, phrase) && (best == 0 || n < best) {
			best = n
		}
	}
	return best
}

// scriptAnswer makes the fake answer with compose(sources of the
// request); rewrites get a fixed bilingual keyword query.
func (h *llmHarness) scriptAnswer(compose func(srcs map[int]string) string) {
	h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		if isRewrite(req) {
			return fakeopenai.Reply{Text: "Korea Utara insinyur Rusia Kursk North Korea engineers Russia"}
		}
		return fakeopenai.Reply{Text: compose(requestSources(req))}
	})
}

// answerRequests returns the recorded chat requests that asked for an
// answer or summary (not a rewrite).
func (h *llmHarness) answerRequests() []fakeopenai.ChatRequest {
	var out []fakeopenai.ChatRequest
	for _, r := range h.srv.Requests() {
		if r.Chat != nil && !isRewrite(*r.Chat) {
			out = append(out, *r.Chat)
		}
	}
	return out
}

// checkCitations asserts that every citation is verified and quotes its
// document verbatim at its offsets, and that markers run 1..m.
func checkCitations(t *testing.T, ix *retrieval.Index, res Result) {
	t.Helper()
	for i, c := range res.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d is numbered %d; want %d", i, c.N, i+1)
		}
		if c.Verified == nil || !*c.Verified {
			t.Errorf("citation [%d] is not marked verified", c.N)
		}
		doc, ok := ix.Document(c.Doc)
		if !ok {
			t.Errorf("citation [%d] names unknown document %q", c.N, c.Doc)
			continue
		}
		if c.ByteStart < 0 || c.ByteEnd > len(doc.Text) || c.ByteStart >= c.ByteEnd || doc.Text[c.ByteStart:c.ByteEnd] != c.Quote {
			t.Errorf("citation [%d] quote %q is not the document text at [%d:%d]", c.N, c.Quote, c.ByteStart, c.ByteEnd)
			continue
		}
		if got := utf8.RuneCountInString(doc.Text[:c.ByteStart]); got != c.Start {
			t.Errorf("citation [%d] starts at character %d; want %d", c.N, c.Start, got)
		}
		if got := c.Start + utf8.RuneCountInString(c.Quote); got != c.End {
			t.Errorf("citation [%d] ends at character %d; want %d", c.N, c.End, got)
		}
		if !strings.Contains(c.Passage, c.Quote) {
			t.Errorf("citation [%d] quote is not inside its passage", c.N)
		}
		if !strings.Contains(res.Answer, "["+strconv.Itoa(c.N)+"]") {
			t.Errorf("citation [%d] is not cited by the answer %q", c.N, res.Answer)
		}
	}
	for _, m := range regexp.MustCompile(`\[(\d+)\]`).FindAllStringSubmatch(res.Answer, -1) {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > len(res.Citations) {
			t.Errorf("answer cites [%d] but has %d citations: %q", n, len(res.Citations), res.Answer)
		}
	}
}
