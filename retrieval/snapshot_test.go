package retrieval

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goodIndex builds the seed corpus into a fresh data folder and returns the
// options and the index file's bytes.
func goodIndex(t *testing.T) (Options, []byte) {
	t.Helper()
	corpus, _ := seedCorpus(t)
	opts := buildOpts(t, corpus, filepath.Join(t.TempDir(), "data"), NewLocalEmbedder(), testLexicon(t))
	mustBuild(t, opts)
	raw, err := os.ReadFile(filepath.Join(opts.DataDir, SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	return opts, raw
}

func TestSnapshotFile(t *testing.T) {
	t.Parallel()
	opts, _ := goodIndex(t)
	info := fileInfo(t, filepath.Join(opts.DataDir, SnapshotFile))
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("index file mode %v, want 0600 (it holds the whole corpus)", perm)
	}
	if perm := fileInfo(t, opts.DataDir).Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("data folder mode %v, want it private", perm)
	}
	// Only the index and the indexers' lock file: no temporary files left.
	onlyIndex := func(when string) {
		t.Helper()
		entries, err := os.ReadDir(opts.DataDir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if len(names) != 2 || names[0] != ".lock" || names[1] != SnapshotFile {
			t.Errorf("%s the data folder holds %q, want only .lock and %s", when, names, SnapshotFile)
		}
	}
	onlyIndex("after a build")
	// Writing over an existing index keeps the mode and leaves nothing behind.
	opts.Rebuild = true
	mustBuild(t, opts)
	onlyIndex("after a rewrite")
	if perm := fileInfo(t, filepath.Join(opts.DataDir, SnapshotFile)).Mode().Perm(); perm != 0o600 {
		t.Errorf("rewritten index file mode %v, want 0600", perm)
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	t.Parallel()
	opts, raw := goodIndex(t)
	s, vecs, err := readSnapshot(filepath.Join(opts.DataDir, SnapshotFile))
	if err != nil {
		t.Fatalf("readSnapshot: %v", err)
	}
	dir := t.TempDir()
	if err := writeSnapshot(dir, s, vecs); err != nil {
		t.Fatalf("writeSnapshot: %v", err)
	}
	again, err := os.ReadFile(filepath.Join(dir, SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw, again) {
		t.Error("writing a loaded snapshot does not reproduce the file byte for byte")
	}
}

func TestCorruptIndex(t *testing.T) {
	t.Parallel()
	_, good := goodIndex(t)
	flip := func(at int) []byte {
		b := bytes.Clone(good)
		b[at] ^= 0x10
		return b
	}
	// reseal recomputes the checksum, as a buggy writer would: the content
	// checks behind the checksum must still catch the damage.
	reseal := func(b []byte) []byte {
		body := b[:len(b)-4]
		return binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.Checksum(body, castagnoli))
	}
	metaLen := int(binary.LittleEndian.Uint64(good[len(snapshotMagic):]))
	vecCountAt := len(snapshotMagic) + 8 + metaLen
	hugeCount := func() []byte {
		b := bytes.Clone(good[:vecCountAt+8])
		binary.LittleEndian.PutUint64(b[vecCountAt:], 1<<62) // n*4 overflows to 0
		return reseal(append(b, 0, 0, 0, 0))
	}
	cases := map[string][]byte{
		"empty":               {},
		"garbage":             []byte("this is not an index\n"),
		"magic only":          []byte(snapshotMagic),
		"older version":       append([]byte("KABARIX1"), good[len(snapshotMagic):]...),
		"truncated by 1 byte": good[:len(good)-1],
		"truncated to half":   good[:len(good)/2],
		"truncated header":    good[:len(snapshotMagic)+3],
		"bit flip in magic":   flip(2),
		"bit flip in header":  flip(len(snapshotMagic) + 1),
		"bit flip in meta":    flip(len(snapshotMagic) + 8 + metaLen/2),
		"bit flip in vectors": flip(len(good) - 200),
		"bit flip in crc":     flip(len(good) - 1),
		"zeroed tail":         append(bytes.Clone(good[:len(good)-64]), make([]byte, 64)...),
		"resealed, vectors cut": func() []byte {
			b := bytes.Clone(good[:len(good)-4-4*LocalDimension])
			binary.LittleEndian.PutUint64(b[vecCountAt:], binary.LittleEndian.Uint64(b[vecCountAt:])-LocalDimension)
			return reseal(append(b, 0, 0, 0, 0))
		}(),
		"resealed, huge vector count": hugeCount(),
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			corpus, _ := seedCorpus(t)
			opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
			path := filepath.Join(opts.DataDir, SnapshotFile)
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(context.Background(), opts)
			checkCorrupt(t, "Open", err)
			_, _, err = Build(context.Background(), opts)
			checkCorrupt(t, "Build", err)

			// The damaged file is left alone until the user asks to rebuild.
			if now, _ := os.ReadFile(path); !bytes.Equal(now, raw) {
				t.Error("a failed Build changed the damaged index file")
			}
			opts.Rebuild = true
			_, st, err := Build(context.Background(), opts)
			if err != nil || st.Documents != 5 || !st.Saved {
				t.Fatalf("Build with Rebuild: %+v, %v", st, err)
			}
			opts.Rebuild = false
			if _, err := Open(context.Background(), opts); err != nil {
				t.Errorf("Open after rebuild: %v", err)
			}
		})
	}
}

func checkCorrupt(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrCorruptIndex) {
		t.Errorf("%s: err = %v, want ErrCorruptIndex", what, err)
		return
	}
	if msg := err.Error(); !strings.Contains(msg, "kabar index --rebuild") || strings.Contains(msg, "\n") {
		t.Errorf("%s: %q should be one line saying to run `kabar index --rebuild`", what, msg)
	}
}

func TestOpenMissingIndex(t *testing.T) {
	t.Parallel()
	opts := Options{DataDir: t.TempDir(), Embedder: NewLocalEmbedder(), Lexicon: testLexicon(t)}
	_, err := Open(context.Background(), opts)
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "kabar index") {
		t.Errorf("Open with no index = %v, want ErrNotExist saying to run `kabar index`", err)
	}
}

// FuzzReadSnapshot writes arbitrary bytes as the index file: loading must
// return an index or an error, never panic. With sealed set the input is
// framed with the magic and a valid checksum, so the fuzzer reaches the
// decoder and the consistency checks behind the checksum. Seeds live in
// testdata/fuzz/FuzzReadSnapshot; a real index is added at start.
func FuzzReadSnapshot(f *testing.F) {
	corpus := f.TempDir()
	article := "Kim Jong Un bertemu Sergei Lavrov di Wonsan.\n\nKorea Utara berjanji mengirim 6.000 insinyur ke Kursk.\n"
	if err := os.WriteFile(filepath.Join(corpus, "a.txt"), []byte(article), 0o600); err != nil {
		f.Fatal(err)
	}
	lex := testLexicon(f)
	emb := tinyEmbedder{}
	data := f.TempDir()
	if _, _, err := Build(context.Background(), Options{Corpus: os.DirFS(corpus), DataDir: data, Embedder: emb, Lexicon: lex}); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(data, SnapshotFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, false)
	f.Add(good[len(snapshotMagic):len(good)-4], true)
	f.Add([]byte{}, false)
	f.Add([]byte{}, true)

	f.Fuzz(func(t *testing.T, raw []byte, sealed bool) {
		if sealed {
			body := append([]byte(snapshotMagic), raw...)
			raw = binary.LittleEndian.AppendUint32(body, crc32.Checksum(body, castagnoli))
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, SnapshotFile), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		opts := Options{Corpus: os.DirFS(corpus), DataDir: dir, Embedder: emb, Lexicon: lex}
		ix, err := Open(context.Background(), opts)
		if err == nil {
			for i := range ix.NumChunks() {
				c := ix.Chunk(i)
				if d, ok := ix.Document(c.DocID); !ok || d.Text[c.Start:c.End] != c.Text {
					t.Fatalf("loaded chunk %s is not a slice of its document", c.ID)
				}
			}
			if _, err := ix.SearchText(context.Background(), "Korea Utara insinyur", 3, RankHybrid); err != nil {
				t.Fatalf("search on a loaded index: %v", err)
			}
		}
		// Incremental indexing reuses what it loads: it must not trust it blindly either.
		if _, _, err := Build(context.Background(), opts); err != nil && !errors.Is(err, ErrCorruptIndex) && !errors.Is(err, ErrEmbedderMismatch) {
			t.Fatalf("Build over a bad index: unexpected error %v", err)
		}
	})
}

// tinyEmbedder keeps fuzz inputs small: 8 dimensions instead of 512.
type tinyEmbedder struct{}

func (tinyEmbedder) Name() string   { return "kabar-hash-test-8" }
func (tinyEmbedder) Dimension() int { return 8 }
func (tinyEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	e := &LocalEmbedder{dim: 8}
	return e.Embed(ctx, texts)
}
