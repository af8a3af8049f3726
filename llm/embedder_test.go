package llm

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	chromem "github.com/philippgille/chromem-go"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
)

func texts(n int, prefix string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + string(rune('A'+i%26)) + string(rune('a'+i/26))
	}
	return out
}

func newEmbedder(t *testing.T, h *harness, dir string) *Embedder {
	t.Helper()
	e, err := NewEmbedder(h.client, "", dir)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func embedInputs(srv *fakeopenai.Server) [][]string {
	var out [][]string
	for _, r := range srv.Requests() {
		if r.Embeddings != nil {
			out = append(out, r.Embeddings.Input)
		}
	}
	return out
}

func TestEmbedderBatchesAndCaches(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	dir := t.TempDir()
	in := texts(150, "kalimat ")
	e := newEmbedder(t, h, dir)
	if e.Name() != "openai:embed-model" || e.Dimension() != 0 {
		t.Errorf("name %q dimension %d", e.Name(), e.Dimension())
	}
	first, err := e.Embed(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	var sent []string
	for _, batch := range embedInputs(h.srv) {
		sizes = append(sizes, len(batch))
		sent = append(sent, batch...)
	}
	if !slices.Equal(sizes, []int{64, 64, 22}) || !slices.Equal(sent, in) {
		t.Errorf("batches of %v", sizes)
	}
	for i, v := range first {
		if !slices.Equal(v, fakeopenai.Vector(in[i], 8)) {
			t.Fatalf("vector %d does not belong to its text", i)
		}
	}
	if e.Dimension() != 8 {
		t.Errorf("dimension %d", e.Dimension())
	}

	// A fresh embedder on the same directory answers from disk.
	h.srv.ClearRequests()
	again := newEmbedder(t, h, dir)
	if again.Dimension() != 8 {
		t.Errorf("dimension from cache %d", again.Dimension())
	}
	second, err := again.Embed(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(h.srv.Requests()); n != 0 {
		t.Errorf("%d requests on a warm cache", n)
	}
	for i := range first {
		if !slices.Equal(first[i], second[i]) {
			t.Fatalf("cached vector %d differs", i)
		}
	}
}

func TestEmbedderDeduplicatesAndMixesCachedAndNew(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	e := newEmbedder(t, h, "")
	if _, err := e.Embed(t.Context(), []string{"a"}); err != nil {
		t.Fatal(err)
	}
	got, err := e.Embed(t.Context(), []string{"b", "a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if in := embedInputs(h.srv); len(in) != 2 || !slices.Equal(in[1], []string{"b", "c"}) {
		t.Errorf("sent %q", in)
	}
	for i, text := range []string{"b", "a", "b", "c"} {
		if !slices.Equal(got[i], fakeopenai.Vector(text, 8)) {
			t.Errorf("vector %d is not %q's", i, text)
		}
	}
	got[0][0] = 42 // callers own what they get
	if again, _ := e.Embed(t.Context(), []string{"b"}); again[0][0] == 42 {
		t.Error("caller's change reached the cache")
	}
}

func TestEmbedderToleratesTornTail(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	dir := t.TempDir()
	e := newEmbedder(t, h, dir)
	if _, err := e.Embed(t.Context(), []string{"satu", "dua"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Embed(t.Context(), []string{"tiga"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "embed-model.cache")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recordLen := recordHeader + 32 + 4*8
	torn := []struct {
		name string
		data []byte
		lost []string // texts whose records the damage destroys
	}{
		{"half a record", data[:len(data)-recordLen/2], []string{"tiga"}},
		{"half a record header", data[:len(data)-recordLen+3], []string{"tiga"}},
		{"flipped byte in last record", flip(data, len(data)-5), []string{"tiga"}},
		{"garbage after records", append(slices.Clone(data), 0xff, 0xff, 0xff), nil},
		{"half a header", data[:10], []string{"satu", "dua", "tiga"}},
	}
	for _, tt := range torn {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "embed-model.cache"), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, nil)
			e := newEmbedder(t, h, dir)
			if _, err := e.Embed(t.Context(), []string{"satu", "dua", "tiga"}); err != nil {
				t.Fatal(err)
			}
			var sent []string
			for _, in := range embedInputs(h.srv) {
				sent = append(sent, in...)
			}
			if !slices.Equal(sent, tt.lost) {
				t.Errorf("re-embedded %q, want %q", sent, tt.lost)
			}
			// What was appended after the repair is readable.
			h.srv.ClearRequests()
			if _, err := newEmbedder(t, h, dir).Embed(t.Context(), []string{"satu", "dua", "tiga"}); err != nil {
				t.Fatal(err)
			}
			if n := len(h.srv.Requests()); n != 0 {
				t.Errorf("%d requests after the cache was repaired", n)
			}
		})
	}
}

func flip(data []byte, i int) []byte {
	out := slices.Clone(data)
	out[i] ^= 0x40
	return out
}

func TestEmbedderDimensionMismatch(t *testing.T) {
	t.Parallel()
	t.Run("across calls", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, nil)
		dir := t.TempDir()
		if _, err := newEmbedder(t, h, dir).Embed(t.Context(), []string{"a"}); err != nil {
			t.Fatal(err)
		}
		h.srv.SetEmbeddingDim(16)
		_, err := newEmbedder(t, h, dir).Embed(t.Context(), []string{"b"})
		if !errors.Is(err, ErrDimensionMismatch) {
			t.Errorf("err %v", err)
		}
	})
	t.Run("within a batch", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, nil)
		h.srv.OnEmbeddings(func(r fakeopenai.EmbeddingsRequest) [][]float32 {
			return [][]float32{{1, 0}, {1, 0, 0}}
		})
		e := newEmbedder(t, h, t.TempDir())
		if _, err := e.Embed(t.Context(), []string{"a", "b"}); !errors.Is(err, ErrDimensionMismatch) {
			t.Errorf("err %v", err)
		}
		if e.Dimension() != 0 {
			t.Errorf("a rejected batch set the dimension to %d", e.Dimension())
		}
	})
	t.Run("empty vector", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, nil)
		h.srv.OnEmbeddings(func(r fakeopenai.EmbeddingsRequest) [][]float32 { return [][]float32{{}} })
		if _, err := newEmbedder(t, h, "").Embed(t.Context(), []string{"a"}); err == nil {
			t.Error("empty vector accepted")
		}
	})
}

func TestEmbedderRejectsAnotherModelsCache(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	dir := t.TempDir()
	a, err := NewEmbedder(h.client, "org/model", dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Embed(t.Context(), []string{"x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewEmbedder(h.client, "org_model", dir); err == nil {
		t.Error("a cache file of model org/model was used for org_model")
	}
}

func TestEmbedderPassesErrorsThrough(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	h.srv.FailNext(1, fakeopenai.Fault{Status: 400})
	_, err := newEmbedder(t, h, "").Embed(t.Context(), []string{"x"})
	if KindOf(err) != BadRequest {
		t.Errorf("err %v", err)
	}
}

func TestEmbedderConcurrentUse(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	dir := t.TempDir()
	e := newEmbedder(t, h, dir)
	in := texts(40, "t")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if _, err := e.Embed(t.Context(), in[i*3:i*3+10]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	h.srv.ClearRequests()
	if _, err := newEmbedder(t, h, dir).Embed(t.Context(), in[:31]); err != nil {
		t.Fatal(err)
	}
	if n := len(h.srv.Requests()); n != 0 {
		t.Errorf("%d requests for texts embedded concurrently before", n)
	}
}

// TestEmbeddingFuncWithChromem indexes and queries a chromem-go collection
// through the adapter.
func TestEmbeddingFuncWithChromem(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil)
	e := newEmbedder(t, h, "")
	db := chromem.NewDB()
	col, err := db.CreateCollection("kabar", nil, e.EmbeddingFunc())
	if err != nil {
		t.Fatal(err)
	}
	docs := []chromem.Document{
		{ID: "1", Content: "Lavrov tiba di Wonsan"},
		{ID: "2", Content: "Kim Jong Un mendukung Rusia"},
	}
	if err := col.AddDocuments(t.Context(), docs, 1); err != nil {
		t.Fatal(err)
	}
	res, err := col.Query(t.Context(), "Kim Jong Un mendukung Rusia", 1, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].ID != "2" {
		t.Errorf("query found %+v", res)
	}
}

func TestCacheFileName(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"text-embedding-3-small": "text-embedding-3-small.cache",
		"nomic-embed-text:v1.5":  "nomic-embed-text_v1.5.cache",
		"../../etc/passwd":       "_.._etc_passwd.cache",
		"..":                     "model.cache",
		"org/model":              "org_model.cache",
	}
	for model, want := range tests {
		if got := cacheFileName(model); got != want {
			t.Errorf("cacheFileName(%q) = %q, want %q", model, got, want)
		}
	}
}
