package retrieval

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
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
	if err := writeSnapshot(dir, s, vectorRows{vecs}); err != nil {
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

// fileSections returns the section table of a good index file.
func fileSections(t testing.TB, b []byte) []section {
	t.Helper()
	secs, why := parseSections(b[:headerBytes], uint64(len(b)))
	if why != "" {
		t.Fatalf("good index: %s", why)
	}
	return secs
}

// sealSections lays parts out as a correct writer would (page-aligned,
// each with its checksum, the header sealed): a buggy writer's file, for
// the content checks behind the checksums.
func sealSections(parts [numSections][]byte) []byte {
	var sums []byte
	for _, k := range blockedSections {
		for _, c := range blockSums(parts[k-1]) {
			sums = binary.LittleEndian.AppendUint32(sums, c)
		}
	}
	parts[secBlockSums-1] = sums
	out := make([]byte, sectionAlign)
	secs := make([]section, numSections)
	for i, p := range parts {
		for len(out)%sectionAlign != 0 {
			out = append(out, 0)
		}
		secs[i] = section{kind: uint32(i + 1), crc: crc32.Checksum(p, castagnoli), off: uint64(len(out)), n: uint64(len(p))}
		out = append(out, p...)
	}
	copy(out, encodeHeader(secs))
	return out
}

// sectionParts cuts a good file into its sections' contents.
func sectionParts(t testing.TB, b []byte) (parts [numSections][]byte) {
	for i, s := range fileSections(t, b) {
		parts[i] = bytes.Clone(b[s.off : s.off+s.n])
	}
	return parts
}

func TestCorruptIndex(t *testing.T) {
	t.Parallel()
	_, good := goodIndex(t)
	secs := fileSections(t, good)
	flip := func(at uint64) []byte {
		b := bytes.Clone(good)
		b[at] ^= 0x10
		return b
	}
	resealed := func(change func(p *[numSections][]byte)) []byte {
		p := sectionParts(t, good)
		change(&p)
		return sealSections(p)
	}
	meta, ends, terms := secs[secMeta-1], secs[secTermEnds-1], secs[secTerms-1]
	// Damage found when the index is opened: Open and Build report it, and
	// the file is left alone until the user (or the CLI) asks to rebuild.
	atOpen := map[string][]byte{
		"empty":                     {},
		"garbage":                   []byte("this is not an index\n"),
		"magic only":                []byte(snapshotMagic),
		"older version":             append([]byte("KABARIX4"), good[len(snapshotMagic):]...),
		"truncated by 1 byte":       good[:len(good)-1],
		"truncated to half":         good[:len(good)/2],
		"truncated header":          good[:len(snapshotMagic)+3],
		"bit flip in magic":         flip(2),
		"bit flip in section table": flip(16 + 24 + 9),
		"bit flip in header crc":    flip(headerBytes - 2),
		"bit flip in meta":          flip(meta.off + meta.n/2),
		"bit flip in term ends":     flip(ends.off + ends.n/2),
		"bytes appended":            append(bytes.Clone(good), 0, 0, 0, 0),
		"resealed, vectors cut": resealed(func(p *[numSections][]byte) {
			p[secVectors-1] = p[secVectors-1][:len(p[secVectors-1])-4*LocalDimension]
		}),
		"resealed, odd vector bytes": resealed(func(p *[numSections][]byte) {
			p[secVectors-1] = p[secVectors-1][:len(p[secVectors-1])-1]
		}),
		"resealed, term ends out of order": resealed(func(p *[numSections][]byte) {
			binary.LittleEndian.PutUint32(p[secTermEnds-1], 1<<31)
		}),
		"resealed, huge section length": func() []byte {
			b := bytes.Clone(good)
			s := slices.Clone(secs)
			s[secVectors-1].n = 1 << 62 // off+n overflows past the size check
			copy(b, encodeHeader(s))
			return b
		}(),
	}
	for name, raw := range atOpen {
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

	// Damage in a section checked a block at a time is found by the search
	// that reads the block (or by a Build that must rewrite it): it fails
	// with ErrCorruptIndex, the file is moved aside, and the next Build
	// rebuilds the index from the corpus.
	onUse := map[string][]byte{
		"bit flip in terms": flip(terms.off + terms.n/2),
		"resealed, term id out of range": resealed(func(p *[numSections][]byte) {
			binary.LittleEndian.PutUint32(p[secTerms-1], 1<<31)
		}),
		"bit flip in texts": flip(secs[secTexts-1].off + secs[secTexts-1].n/2),
	}
	for name, raw := range onUse {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			corpus, _ := seedCorpus(t)
			opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
			path := filepath.Join(opts.DataDir, SnapshotFile)
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, _, err := readSnapshot(path); !errors.Is(err, ErrCorruptIndex) {
				t.Errorf("readSnapshot (everything verified) = %v, want ErrCorruptIndex", err)
			}
			_, _, err := Build(context.Background(), opts) // the corpus's times differ: it rewrites
			checkCorrupt(t, "Build", err)
			ix, err := Open(context.Background(), opts)
			if err != nil {
				t.Fatalf("Open: %v (the section is checked as it is used)", err)
			}
			checkCorrupt(t, "Verify", ix.Verify())
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the damaged file is still in the index's place (%v)", err)
			}
			_, st, err := Build(context.Background(), opts)
			if err != nil || st.Documents != 5 || !st.Saved {
				t.Fatalf("Build after the damage was found: %+v, %v; want a rebuild", st, err)
			}
		})
	}
	for _, kind := range []int{secTerms, secPostings, secTexts} {
		t.Run("a search reads a damaged block of "+sectionName(kind), func(t *testing.T) {
			t.Parallel()
			searchFindsDamage(t, kind)
		})
	}

	// Damage in the vector section is found on the vectors' first use (the
	// section is most of the file and is used in place): the search that
	// finds it fails with ErrCorruptIndex, the file is moved aside, and the
	// next Build rebuilds the index from the corpus. A Build that must
	// reuse the vectors (the corpus changed) checks them first.
	// Each damages an index built from the test's own corpus, so that
	// Build finds the corpus unchanged.
	lazy := map[string]func(b []byte) []byte{
		"bit flip in vectors": func(b []byte) []byte {
			v := fileSections(t, b)[secVectors-1]
			b[v.off+v.n-200] ^= 0x10
			return b
		},
		"zeroed tail": func(b []byte) []byte { return append(b[:len(b)-64], make([]byte, 64)...) },
	}
	for name, damage := range lazy {
		raw := damage(bytes.Clone(good)) // for the changed-corpus case
		for _, how := range []string{"Open", "Build"} {
			t.Run(name+"/"+how, func(t *testing.T) {
				t.Parallel()
				corpus, _ := seedCorpus(t)
				opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
				mustBuild(t, opts)
				path := filepath.Join(opts.DataDir, SnapshotFile)
				own, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, damage(own), 0o600); err != nil {
					t.Fatal(err)
				}
				if _, _, err := readSnapshot(path); !errors.Is(err, ErrCorruptIndex) {
					t.Errorf("readSnapshot (everything verified) = %v, want ErrCorruptIndex", err)
				}
				var ix *Index
				if how == "Open" {
					ix, err = Open(context.Background(), opts)
				} else {
					var st Stats
					ix, st, err = Build(context.Background(), opts)
					if err == nil && (st.Saved || st.Unchanged != 5) {
						t.Errorf("Build of an unchanged corpus: %+v, want the file served as it is", st)
					}
				}
				if err != nil {
					t.Fatalf("%s: %v (the vector section is checked on first use)", how, err)
				}
				hits, err := ix.SearchText(context.Background(), "Korea Utara", 3, RankLexical)
				if err != nil || len(hits) == 0 {
					t.Errorf("a lexical search does not touch the vectors: %d hits, %v", len(hits), err)
				}
				_, err = ix.SearchText(context.Background(), "Korea Utara", 3, RankHybrid)
				checkCorrupt(t, "hybrid search", err)
				checkCorrupt(t, "Verify", ix.Verify())
				if got := ix.NearestVectors(nil, make([]float32, LocalDimension), 3, 1); len(got) != 0 {
					t.Errorf("NearestVectors on damaged vectors = %v, want nothing", got)
				}
				if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("the damaged file is still in the index's place (%v)", err)
				}
				if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 1 {
					t.Errorf("moved aside: %q, want one %s.corrupt-* file", aside, SnapshotFile)
				}
				_, st, err := Build(context.Background(), opts)
				if err != nil || st.Documents != 5 || !st.Saved || st.Embedded == 0 {
					t.Fatalf("Build after the damage was found: %+v, %v; want a rebuild", st, err)
				}
				ix, err = Open(context.Background(), opts)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := ix.SearchText(context.Background(), "Korea Utara", 3, RankHybrid); err != nil || ix.Verify() != nil {
					t.Errorf("rebuilt index: %v, %v", err, ix.Verify())
				}
			})
		}
		t.Run(name+"/Build of a changed corpus", func(t *testing.T) {
			t.Parallel()
			corpus, _ := seedCorpus(t)
			opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
			if err := os.WriteFile(filepath.Join(opts.DataDir, SnapshotFile), raw, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(corpus, "zz_new.txt"), []byte("Artikel baru tentang Wonsan.\n\nWonsan adalah kota pantai."), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := Build(context.Background(), opts)
			checkCorrupt(t, "Build", err)
		})
	}
}

// searchFindsDamage flips a bit in the middle of a section of the kind
// (the seed corpus's are one block) and checks that a lexical search that
// reads it fails, and moves the file aside.
func searchFindsDamage(t *testing.T, kind int) {
	corpus, _ := seedCorpus(t)
	opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
	mustBuild(t, opts)
	path := filepath.Join(opts.DataDir, SnapshotFile)
	own, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ts := fileSections(t, own)[kind-1]
	own[ts.off+ts.n/2] ^= 0x10
	if err := os.WriteFile(path, own, 0o600); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ix.SearchText(context.Background(), "Korea Utara", 3, RankLexical)
	checkCorrupt(t, "lexical search", err)
	if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("moved aside: %q, want one %s.corrupt-* file", aside, SnapshotFile)
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
	parts := sectionParts(f, good)
	f.Add(append([]byte{uint8(len(parts[0]) >> 8), uint8(len(parts[1]) >> 4), uint8(len(parts[2]) >> 4)}, slices.Concat(parts[:]...)...), true)
	f.Add([]byte{}, false)
	f.Add([]byte{}, true)

	f.Fuzz(func(t *testing.T, raw []byte, sealed bool) {
		if sealed {
			raw = sealFuzz(raw)
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, SnapshotFile), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		opts := Options{Corpus: os.DirFS(corpus), DataDir: dir, Embedder: emb, Lexicon: lex}
		ix, err := Open(context.Background(), opts)
		if err == nil {
			// The blocked sections are checked as they are read: a
			// document whose body is damaged is missing, a search that
			// reads damage fails with ErrCorruptIndex; nothing panics and
			// nothing out of bounds is served.
			for i := range ix.NumChunks() {
				c := ix.Chunk(i)
				if d, ok := ix.Document(c.DocID); ok && c.ID != "" && d.Text[c.Start:c.End] != c.Text {
					t.Fatalf("loaded chunk %s is not a slice of its document", c.ID)
				}
			}
			if _, err := ix.SearchText(context.Background(), "Korea Utara insinyur", 3, RankHybrid); err != nil && !errors.Is(err, ErrCorruptIndex) {
				t.Fatalf("search on a loaded index: %v", err)
			}
		}
		// Incremental indexing reuses what it loads: it must not trust it blindly either.
		if _, _, err := Build(context.Background(), opts); err != nil && !errors.Is(err, ErrCorruptIndex) && !errors.Is(err, ErrEmbedderMismatch) {
			t.Fatalf("Build over a bad index: unexpected error %v", err)
		}
	})
}

// sealFuzz frames fuzz input as a correctly sealed file: its first three
// bytes give the lengths of the first three sections (the metadata in
// steps of 256 bytes, the document table and the strings in steps of 16,
// the table in whole uint32s) and the rest is cut into the sections in
// order, the vectors last (the others empty, the block sums computed), so
// the fuzzer reaches the decoder and the content checks.
func sealFuzz(raw []byte) []byte {
	var parts [numSections][]byte
	if len(raw) < 3 {
		return sealSections(parts)
	}
	lens := []int{int(raw[0]) << 8, int(raw[1]) << 4, int(raw[2]) << 4}
	rest := raw[3:]
	for i, n := range lens {
		n = min(n, len(rest))
		if i > 0 {
			n &^= 3
		}
		parts[i], rest = rest[:n], rest[n:]
	}
	parts[secVectors-1] = rest[:len(rest)&^3]
	return sealSections(parts)
}

// tinyEmbedder keeps fuzz inputs small: 8 dimensions instead of 512.
type tinyEmbedder struct{}

func (tinyEmbedder) Name() string   { return "kabar-hash-test-8" }
func (tinyEmbedder) Dimension() int { return 8 }
func (tinyEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	e := &LocalEmbedder{dim: 8}
	return e.Embed(ctx, texts)
}
