package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/seeds"
)

const llmTestKey = "sk-SENTINEL-cli-5e8d2b"

var sourceBlockRE = regexp.MustCompile(`(?s)<<<SOURCE (\d+)>>>\n[^\n]*\n(.*?)\n<<<END SOURCE \d+>>>`)

// sourceStating returns the number of the prompt's source whose passage
// contains text, or 0.
func sourceStating(prompt, text string) int {
	for _, m := range sourceBlockRE.FindAllStringSubmatch(prompt, -1) {
		if strings.Contains(m[2], text) {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return 0
}

// fakeModel starts an OpenAI-compatible fake that answers every question
// with the engineers' figure, citing the source that states it.
func fakeModel(t *testing.T) *fakeopenai.Server {
	t.Helper()
	srv := fakeopenai.New(fakeopenai.Options{APIKey: llmTestKey})
	t.Cleanup(srv.Close)
	srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		last := req.Messages[len(req.Messages)-1].Content
		if strings.Contains(last, "Search query:") {
			return fakeopenai.Reply{Text: "Korea Utara insinyur Kursk North Korea engineers"}
		}
		n := sourceStating(last, "6.000 insinyur")
		// [42] names no source: the verifier must remove it.
		return fakeopenai.Reply{Text: fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d][42].", n)}
	})
	return srv
}

// askJSON runs `kabar ask --json` and decodes its one JSON object.
func askJSON(t *testing.T, env map[string]string, question string, extra ...string) (answer.Result, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"kabar", "ask", "--json", "--data", t.TempDir()}, extra...)
	args = append(args, question)
	if err := run(context.Background(), args, &stdout, &stderr, func(k string) string { return env[k] }); err != nil {
		t.Fatalf("ask: %v\nstderr:\n%s", err, stderr.String())
	}
	dec := json.NewDecoder(&stdout)
	var res answer.Result
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	if dec.More() {
		t.Errorf("stdout holds more than one JSON object")
	}
	out := stdout.String() + stderr.String()
	if strings.Contains(out, "SENTINEL") {
		t.Errorf("the API key leaked into the output:\n%s", out)
	}
	return res, stderr.String()
}

func llmEnv(srv *fakeopenai.Server) map[string]string {
	return map[string]string{
		"KABAR_LLM_BASE_URL": srv.URL,
		"KABAR_LLM_MODEL":    "fake-chat",
		"OPENAI_API_KEY":     llmTestKey,
		"KABAR_LOG_LEVEL":    "debug",
	}
}

func TestAskJSONWithAnLLM(t *testing.T) {
	srv := fakeModel(t)
	res, _ := askJSON(t, llmEnv(srv), "How many engineers did North Korea promise?")
	if res.Mode != answer.ModeLLM || !res.Answered || res.FallbackReason != "" {
		t.Fatalf("mode %q answered %v fallback %q", res.Mode, res.Answered, res.FallbackReason)
	}
	if res.Answer != "North Korea agreed to send 6,000 engineers [1]." {
		t.Errorf("answer = %q", res.Answer)
	}
	if len(res.Citations) != 1 {
		t.Fatalf("citations: %+v", res.Citations)
	}
	c := res.Citations[0]
	if c.Verified == nil || !*c.Verified {
		t.Errorf("citation not verified: %+v", c)
	}
	text, err := fs.ReadFile(seeds.FS, c.Doc+".txt")
	if err != nil {
		t.Fatal(err)
	}
	if c.ByteEnd > len(text) || string(text[c.ByteStart:c.ByteEnd]) != c.Quote || !strings.Contains(c.Quote, "6.000 insinyur") {
		t.Errorf("quote %q is not the article text at [%d:%d]", c.Quote, c.ByteStart, c.ByteEnd)
	}
	var sawKey bool
	for _, r := range srv.Requests() {
		sawKey = sawKey || r.Header.Get("Authorization") == "Bearer "+llmTestKey
	}
	if !sawKey {
		t.Error("the API key from OPENAI_API_KEY never reached the server")
	}
}

func TestAskFallsBackWhenTheLLMIsDown(t *testing.T) {
	srv := fakeModel(t)
	env := llmEnv(srv)
	srv.Close()
	res, stderr := askJSON(t, env, "How many engineers did North Korea promise?")
	if res.Mode != answer.ModeExtractive || !strings.Contains(res.FallbackReason, "could not be reached") {
		t.Fatalf("mode %q fallback %q", res.Mode, res.FallbackReason)
	}
	if !res.Answered || !strings.Contains(res.Answer, "6,000") {
		t.Errorf("no extractive answer: %q", res.Answer)
	}
	if !strings.Contains(stderr, "llm fallback") {
		t.Errorf("the fallback was not logged:\n%s", stderr)
	}
}

func TestAskStaysOfflineWithoutAnLLM(t *testing.T) {
	res, _ := askJSON(t, map[string]string{}, "How many engineers did North Korea promise?")
	if res.Mode != answer.ModeExtractive || res.FallbackReason != "" {
		t.Errorf("mode %q fallback %q", res.Mode, res.FallbackReason)
	}
}

func TestAskStreamsThenPrintsTheVerifiedAnswer(t *testing.T) {
	srv := fakeModel(t)
	env := llmEnv(srv)
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"kabar", "ask", "--stream", "--data", t.TempDir(), "How many engineers did North Korea promise?"},
		&stdout, &stderr, func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, stderr.String())
	}
	out := stdout.String()
	streamed, verified, ok := strings.Cut(out, "--- verified answer ---")
	if !ok {
		t.Fatalf("no verified answer after the stream:\n%s", out)
	}
	if !strings.Contains(streamed, "North Korea agreed to send 6,000 engineers [") || strings.Contains(streamed, "[42]") {
		t.Errorf("want the verified sentence streamed without the marker naming no source:\n%s", streamed)
	}
	if strings.Contains(verified, "[42]") || !strings.Contains(verified, "North Korea agreed to send 6,000 engineers [1].") {
		t.Errorf("verified answer:\n%s", verified)
	}
}

// TestIndexWithOpenAIEmbeddings indexes through /v1/embeddings and checks
// that a rebuild is served from the on-disk cache, and that an index built
// by one embedder is refused by another.
func TestIndexWithOpenAIEmbeddings(t *testing.T) {
	srv := fakeModel(t)
	env := llmEnv(srv)
	env["KABAR_EMBEDDINGS_PROVIDER"] = "openai"
	env["KABAR_EMBEDDINGS_MODEL"] = "fake-embed"
	data := t.TempDir()
	index := func(extra ...string) error {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"kabar", "index", "--data", data}, extra...), &stdout, &stderr, func(k string) string { return env[k] })
		if strings.Contains(stdout.String()+stderr.String(), "SENTINEL") {
			t.Errorf("the API key leaked into the output")
		}
		return err
	}
	embedded := func() int {
		n := 0
		for _, r := range srv.Requests() {
			if r.Embeddings != nil {
				n += len(r.Embeddings.Input)
			}
		}
		return n
	}
	if err := index(); err != nil {
		t.Fatal(err)
	}
	first := embedded()
	if first == 0 {
		t.Fatal("indexing sent no text to /v1/embeddings")
	}
	for _, r := range srv.Requests() {
		if r.Embeddings != nil && r.Embeddings.Model != "fake-embed" {
			t.Errorf("embedded with model %q", r.Embeddings.Model)
		}
	}
	if err := index("--rebuild"); err != nil {
		t.Fatal(err)
	}
	if again := embedded() - first; again != 0 {
		t.Errorf("re-indexing embedded %d texts again; want all from the cache", again)
	}

	env["KABAR_EMBEDDINGS_PROVIDER"] = "local"
	if err := index(); err == nil || !strings.Contains(err.Error(), "rebuild") {
		t.Errorf("an index of openai:fake-embed vectors was used with the local embedder: %v", err)
	}
}
