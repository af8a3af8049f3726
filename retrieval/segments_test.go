package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/bench/synth"
)

// segmentCorpus is the seeds and n synthetic articles in a fresh folder the
// test may change; it returns the folder and the generator.
func segmentCorpus(t *testing.T, n int) (string, *synth.Generator) {
	t.Helper()
	dir, _ := seedCorpus(t)
	g := synth.New(7)
	if n > 0 {
		if err := g.Write(context.Background(), filepath.Join(dir, "synth"), n, nil); err != nil {
			t.Fatal(err)
		}
	}
	return dir, g
}

// corpusStep changes a corpus between two incremental runs.
type corpusStep struct {
	name   string
	change func(t *testing.T, dir string, g *synth.Generator, round int)
}

// editSynth rewrites a share (at least one) of the synthetic articles
// still in the corpus with another article's lines added.
func editSynth(share float64, _ int) func(*testing.T, string, *synth.Generator, int) {
	return func(t *testing.T, dir string, g *synth.Generator, round int) {
		paths := synthPaths(t, dir)
		k := max(1, int(share*float64(len(paths))))
		for j := range k {
			p := paths[(round*31+j*17)%len(paths)]
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			extra := strings.Split(g.Article(1000+round*10+j).Text, "\n")
			writeFile(t, p, string(raw)+"\n"+extra[len(extra)/2]+"\n")
		}
	}
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// synthPaths lists the synthetic articles' paths, sorted.
func synthPaths(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(dir, "synth"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// segmentSteps change a corpus of the seeds and n synthetic articles in
// every way an incremental run meets: edits, additions (whose new words
// extend the vocabulary), removals, files only touched, a seed edited
// into a near copy of another, and a document removed and added back.
func segmentSteps(n int) []corpusStep {
	return []corpusStep{
		{"one edited", editSynth(0, n)},
		{"seed edited", func(t *testing.T, dir string, _ *synth.Generator, round int) {
			p := filepath.Join(dir, "seed-03.txt")
			if names, _ := filepath.Glob(filepath.Join(dir, "*.txt")); len(names) > 0 {
				p = names[round%len(names)]
			}
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(f, "\n\nPembaruan %d: Pyongyang menjanjikan 300 ahli zeni tambahan untuk Wonsan-Kalma, kata Zorblax Quintavius.\n", round)
			f.Close()
		}},
		{"added", func(t *testing.T, dir string, g *synth.Generator, round int) {
			for k := range 3 {
				a := g.Article(n + 3*round + k)
				writeFile(t, filepath.Join(dir, "added", fmt.Sprintf("r%d-%d.txt", round, k)), a.Text+"\nKata baru: frobnicatrix"+fmt.Sprint(round)+" quuxalor.\n")
			}
		}},
		{"removed", func(t *testing.T, dir string, _ *synth.Generator, round int) {
			paths := synthPaths(t, dir)
			for k := range 2 {
				if err := os.Remove(paths[(round*7+k*13)%len(paths)]); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"touched", func(t *testing.T, dir string, _ *synth.Generator, round int) {
			paths := synthPaths(t, dir)
			later := time.Now().Add(time.Duration(round) * time.Hour)
			for k := range 2 {
				if err := os.Chtimes(paths[(round*11+k*5)%len(paths)], later, later); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"many edited", editSynth(0.05, n)},
		{"removed and back", func(t *testing.T, dir string, g *synth.Generator, round int) {
			p := synthPaths(t, dir)[round%7]
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "back", filepath.Base(p)), string(raw)+"\nDikembalikan.\n")
			os.Remove(p)
		}},
	}
}

// TestSegmentedMatchesFullBuild updates an index through many incremental
// runs, each written as a delta segment (the base never rewritten), and
// after each compares it with an index built from scratch over the same
// corpus: the same documents and chunks in the same order, the same
// document frequencies, and for every query the same lexical, vector and
// fused hits with the same scores.
func TestSegmentedMatchesFullBuild(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		n       int
		mergeAt float64
		rounds  int
	}{
		{"seeds only, always deltas", 0, 1e9, 1},
		{"synthetic, always deltas", 120, 1e9, 3},
		{"synthetic, default policy", 120, 0, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir, g := segmentCorpus(t, tc.n)
			lex := testLexicon(t)
			opts := buildOpts(t, dir, t.TempDir(), NewLocalEmbedder(), lex)
			opts.MergeAt = tc.mergeAt
			mustBuild(t, opts)
			round := 0
			sawChain := false
			for r := range tc.rounds {
				for _, step := range segmentSteps(tc.n) {
					if tc.n == 0 && strings.Contains(step.name, "ed") && step.name != "seed edited" && step.name != "added" {
						continue // the steps that need synthetic articles
					}
					round++
					step.change(t, dir, g, round)
					seg, st := mustBuild(t, opts)
					if !st.Saved && st.Added+st.Changed+st.Removed > 0 {
						t.Fatalf("round %d %s: nothing saved: %+v", r, step.name, st)
					}
					if tc.mergeAt > 1 && seg.set.ch == nil && st.Saved {
						t.Fatalf("round %d %s: the update rewrote the base", r, step.name)
					}
					sawChain = sawChain || seg.set.ch != nil
					fullOpts := buildOpts(t, dir, t.TempDir(), NewLocalEmbedder(), lex)
					fullOpts.Rebuild = true
					full, fst := mustBuild(t, fullOpts)
					if st.Documents != fst.Documents || st.Chunks != fst.Chunks {
						t.Fatalf("round %d %s: stats %+v, full build %+v", r, step.name, st, fst)
					}
					where := fmt.Sprintf("round %d %s", r, step.name)
					sameIndex(t, where, seg, full)
					opened, err := Open(ctx, opts)
					if err != nil {
						t.Fatalf("%s: Open: %v", where, err)
					}
					sameIndex(t, where+" (reopened)", opened, full)
				}
			}
			if !sawChain {
				t.Error("no update was written as a delta")
			}
		})
	}
}

// sameIndex fails unless got serves exactly what want does.
func sameIndex(t *testing.T, where string, got, want *Index) {
	t.Helper()
	ctx := context.Background()
	if got.NumChunks() != want.NumChunks() {
		t.Fatalf("%s: %d chunks, want %d", where, got.NumChunks(), want.NumChunks())
	}
	for i := range want.NumChunks() {
		if g, w := got.Chunk(i), want.Chunk(i); g != w {
			t.Fatalf("%s: chunk %d is %+v, want %+v", where, i, g, w)
		}
		if !slices.Equal(got.vectorRow(i), want.vectorRow(i)) {
			t.Fatalf("%s: chunk %d has another vector", where, i)
		}
		if len(got.v.chunkTerms(i)) != len(want.v.chunkTerms(i)) {
			t.Fatalf("%s: chunk %d has %d terms, want %d", where, i, len(got.v.chunkTerms(i)), len(want.v.chunkTerms(i)))
		}
	}
	if g, w := got.DocumentHashes(), want.DocumentHashes(); !slices.Equal(g, w) {
		t.Fatalf("%s: documents %v, want %v", where, g, w)
	}
	gd, wd := got.Documents(), want.Documents()
	for i := range wd {
		if i >= len(gd) || gd[i].ID != wd[i].ID || gd[i].Text != wd[i].Text || gd[i].Title != wd[i].Title {
			t.Fatalf("%s: document %d differs", where, i)
		}
		if !reflect.DeepEqual(got.Paragraphs(wd[i].ID), want.Paragraphs(wd[i].ID)) {
			t.Fatalf("%s: paragraphs of %s differ", where, wd[i].ID)
		}
	}
	if g, w := fmt.Sprint(got.LanguageCounts()), fmt.Sprint(want.LanguageCounts()); g != w {
		t.Fatalf("%s: languages %s, want %s", where, g, w)
	}
	// Every term of every chunk: the same document frequency.
	for i := range want.NumChunks() {
		for _, id := range want.v.chunkTerms(i) {
			term := want.v.term(id)
			if g, w := got.DF(term), want.DF(term); g != w {
				t.Fatalf("%s: DF(%q) = %d, want %d", where, term, g, w)
			}
		}
	}
	if got.MaxIDF() != want.MaxIDF() {
		t.Fatalf("%s: MaxIDF %v, want %v", where, got.MaxIDF(), want.MaxIDF())
	}
	for _, q := range segmentQueries(want) {
		aq := want.lex.Analyze(q)
		gl, err1 := got.lexical.search(aq, fusionDepth)
		wl, err2 := want.lexical.search(aq, fusionDepth)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: lexical %q: %v %v", where, q, err1, err2)
		}
		sameRanking(t, where+" lexical "+q, gl, wl)
		qv, err := want.embedder.Embed(ctx, []string{aq.Expansion()})
		if err != nil {
			t.Fatal(err)
		}
		// Every chunk (k = all) makes a segment with dead chunks scan again.
		for _, k := range []int{1, fusionDepth, want.NumChunks()} {
			for _, w := range []int{1, 2} {
				sameRanking(t, fmt.Sprintf("%s vector k=%d %s", where, k, q), got.vectorTop(nil, qv[0], k, w), want.vectorTop(nil, qv[0], k, w))
			}
		}
		for _, r := range []Ranking{RankLexical, RankVector, RankHybrid} {
			gh, err1 := got.Search(ctx, aq, 8, r)
			wh, err2 := want.Search(ctx, aq, 8, r)
			if err1 != nil || err2 != nil || len(gh) != len(wh) {
				t.Fatalf("%s: %v %q: %v %v, %d hits, want %d", where, r, q, err1, err2, len(gh), len(wh))
			}
			for i := range wh {
				if gh[i].Chunk != wh[i].Chunk || math.Abs(gh[i].Score-wh[i].Score) > 1e-9 || len(gh[i].Duplicates) != len(wh[i].Duplicates) {
					t.Fatalf("%s: %v %q hit %d: %s %v, want %s %v", where, r, q, i, gh[i].Chunk.ID, gh[i].Score, wh[i].Chunk.ID, wh[i].Score)
				}
			}
		}
	}
}

func sameRanking(t *testing.T, where string, got, want []scored) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d results, want %d", where, len(got), len(want))
	}
	for i := range want {
		if got[i].idx != want[i].idx || math.Abs(float64(got[i].score-want[i].score)) > 1e-6 {
			t.Fatalf("%s: result %d is chunk %d (%v), want %d (%v)", where, i, got[i].idx, got[i].score, want[i].idx, want[i].score)
		}
	}
}

// segmentQueries are questions about the seeds and the first words of
// chunks spread over the index.
func segmentQueries(ix *Index) []string {
	qs := []string{
		"How many engineers did North Korea promise?",
		"Berapa insinyur yang dijanjikan Korea Utara ke Kursk?",
		"ahli zeni tambahan Wonsan-Kalma Zorblax",
		"frobnicatrix1 quuxalor",
	}
	n := ix.NumChunks()
	for k := range 12 {
		words := strings.Fields(ix.Chunk(k * 7919 % max(n, 1)).Text)
		qs = append(qs, strings.Join(words[:min(8, len(words))], " "))
	}
	return qs
}

// TestManifestCrashStates sets up, in process, the states a killed
// indexer can leave and checks that each opens as a complete index: a
// delta written but no manifest naming it, a manifest left behind by a
// run that then rewrote the base, and a manifest naming a missing delta
// (which is damage, reported as such).
func TestManifestCrashStates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, g := segmentCorpus(t, 60)
	lex := testLexicon(t)
	data := t.TempDir()
	opts := buildOpts(t, dir, data, NewLocalEmbedder(), lex)
	opts.MergeAt = 1e9
	mustBuild(t, opts)
	baseBefore := fileInfo(t, filepath.Join(data, SnapshotFile))
	editSynth(0, 60)(t, dir, g, 1)
	ix, st := mustBuild(t, opts)
	if ix.set.ch == nil || st.Changed != 1 || !st.Saved {
		t.Fatalf("the update was not written as a delta: %+v", st)
	}
	if now := fileInfo(t, filepath.Join(data, SnapshotFile)); !os.SameFile(now, baseBefore) || !now.ModTime().Equal(baseBefore.ModTime()) {
		t.Fatal("a one-article update rewrote the base")
	}
	man, err := os.ReadFile(filepath.Join(data, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	deltas, _ := filepath.Glob(filepath.Join(data, deltaPrefix+"*"))
	if len(deltas) != 1 {
		t.Fatalf("deltas %q, want one", deltas)
	}

	// A delta no manifest names (killed between the two renames) is
	// never read, and the next run deletes it.
	orphan := filepath.Join(data, deltaPrefix+"0000000000000001-00000000"+deltaSuffix)
	if err := os.WriteFile(orphan, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, opts); err != nil {
		t.Fatalf("Open with an orphan delta: %v", err)
	}
	mustBuild(t, opts)
	if _, err := os.Stat(orphan); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the orphan delta is still there: %v", err)
	}

	// A full rewrite killed before it removed the manifest: the manifest
	// names the old base and is ignored.
	full := opts
	full.Rebuild = true
	want, _ := mustBuild(t, full)
	if err := os.WriteFile(filepath.Join(data, ManifestFile), man, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, d := range deltas {
		os.WriteFile(d, []byte("stale"), 0o600) // even a damaged stale delta is never read
	}
	got, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("Open with a stale manifest: %v", err)
	}
	if got.set.ch != nil {
		t.Fatal("a stale manifest was applied")
	}
	sameIndex(t, "stale manifest", got, want)
	mustBuild(t, opts)
	if _, err := os.Stat(filepath.Join(data, ManifestFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale manifest was not removed: %v", err)
	}

	// A manifest naming a delta that is gone is damage.
	editSynth(0, 60)(t, dir, g, 2)
	mustBuild(t, opts)
	deltas, _ = filepath.Glob(filepath.Join(data, deltaPrefix+"*"))
	if len(deltas) != 1 {
		t.Fatalf("deltas %q, want one", deltas)
	}
	os.Remove(deltas[0])
	if _, err := Open(ctx, opts); !errors.Is(err, ErrCorruptIndex) || !strings.Contains(err.Error(), "--rebuild") {
		t.Errorf("Open with a delta missing = %v, want ErrCorruptIndex saying to rebuild", err)
	}
	if _, _, err := Build(ctx, full); err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if _, err := Open(ctx, opts); err != nil {
		t.Fatalf("Open after the rebuild: %v", err)
	}
}

// TestDamagedDelta damages a delta's vectors: the search that finds it
// fails with ErrCorruptIndex, the manifest is set aside, and the next run
// brings the base back up to date with the corpus.
func TestDamagedDelta(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, g := segmentCorpus(t, 40)
	data := t.TempDir()
	opts := buildOpts(t, dir, data, NewLocalEmbedder(), testLexicon(t))
	opts.MergeAt = 1e9
	mustBuild(t, opts)
	editSynth(0.1, 40)(t, dir, g, 1)
	mustBuild(t, opts)
	deltas, _ := filepath.Glob(filepath.Join(data, deltaPrefix+"*"))
	if len(deltas) != 1 {
		t.Fatalf("deltas %q, want one", deltas)
	}
	raw, err := os.ReadFile(deltas[0])
	if err != nil {
		t.Fatal(err)
	}
	secs := fileSections(t, raw)
	vec := secs[secVectors-1]
	raw[vec.off+vec.n/2] ^= 0xff
	if err := os.WriteFile(deltas[0], raw, 0o600); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("Open: %v", err) // the vectors are checked on first use
	}
	if _, err := ix.SearchText(ctx, "Korea Utara insinyur", 3, RankVector); !errors.Is(err, ErrCorruptIndex) {
		t.Fatalf("vector search over a damaged delta = %v, want ErrCorruptIndex", err)
	}
	if _, err := os.Stat(filepath.Join(data, ManifestFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the manifest was not set aside: %v", err)
	}
	repaired, st := mustBuild(t, opts)
	if st.Changed == 0 {
		t.Errorf("the run after the damage re-indexed nothing: %+v", st)
	}
	fullOpts := buildOpts(t, dir, t.TempDir(), NewLocalEmbedder(), opts.Lexicon)
	want, _ := mustBuild(t, fullOpts)
	sameIndex(t, "repaired", repaired, want)
}

// TestDeltasStayFew makes many small updates: the deltas absorb each other
// so a search never reads more than maxDeltas of them, and the data folder
// holds only the files the manifest names.
func TestDeltasStayFew(t *testing.T) {
	t.Parallel()
	dir, g := segmentCorpus(t, 30)
	data := t.TempDir()
	opts := buildOpts(t, dir, data, NewLocalEmbedder(), testLexicon(t))
	opts.MergeAt = 1e9
	mustBuild(t, opts)
	most := 0
	for round := 1; round <= 24; round++ {
		editSynth(0, 30)(t, dir, g, round)
		ix, _ := mustBuild(t, opts)
		deltas := len(ix.set.segs) - 1
		most = max(most, deltas)
		if deltas > maxDeltas {
			t.Fatalf("round %d: %d deltas, want at most %d", round, deltas, maxDeltas)
		}
		entries, err := os.ReadDir(data)
		if err != nil {
			t.Fatal(err)
		}
		if want := 3 + deltas; len(entries) != want {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("round %d: the data folder holds %q, want the lock, the base, the manifest and %d deltas", round, names, deltas)
		}
	}
	if most < 2 {
		t.Errorf("at most %d deltas at once: the absorbing was not exercised", most)
	}
}

func TestDecodeManifest(t *testing.T) {
	t.Parallel()
	good := &manifest{Base: segRef{Name: SnapshotFile, Size: 8192, HeadCRC: 7},
		Deltas: []segRef{{Name: deltaPrefix + "1" + deltaSuffix, Size: 4096, HeadCRC: 9}},
		Dead:   [][]uint32{{1, 5}, nil}}
	enc := func(m *manifest) []byte {
		b, err := encodeManifest(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	raw := enc(good)
	flipped := slices.Clone(raw)
	flipped[len(flipped)/2] ^= 1
	for _, tc := range []struct {
		name string
		raw  []byte
		why  string // "" when it must decode
	}{
		{"good", raw, ""},
		{"empty", nil, "not a Kabar manifest"},
		{"truncated", raw[:len(raw)-3], "checksum"},
		{"damaged", flipped, "checksum"},
		{"other version", append([]byte("KABARMF0"), raw[8:]...), "not a Kabar manifest"},
		{"a path for a name", enc(&manifest{Base: good.Base, Deltas: []segRef{{Name: deltaPrefix + "../x" + deltaSuffix}}, Dead: [][]uint32{nil, nil}}), "bad segment name"},
		{"dead out of order", enc(&manifest{Base: good.Base, Dead: [][]uint32{{5, 1}}}), "out of order"},
		{"dead lists do not match", enc(&manifest{Base: good.Base, Dead: nil}), "do not match"},
	} {
		m, why := decodeManifest(tc.raw)
		switch {
		case tc.why == "" && (why != "" || !reflect.DeepEqual(m, good)):
			t.Errorf("%s: decoded %+v (%s), want %+v", tc.name, m, why, good)
		case tc.why != "" && !strings.Contains(why, tc.why):
			t.Errorf("%s: %q, want it to say %q", tc.name, why, tc.why)
		}
	}
}

// TestOpenWhileUpdating opens the index again and again while updates
// write deltas, absorb them and delete the absorbed files: every Open
// gets a complete index, one of the states the updates went through.
func TestOpenWhileUpdating(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, g := segmentCorpus(t, 30)
	data := t.TempDir()
	opts := buildOpts(t, dir, data, NewLocalEmbedder(), testLexicon(t))
	opts.MergeAt = 1e9
	first, _ := mustBuild(t, opts)
	docs := first.NumChunks()
	stop := make(chan struct{})
	errs := make(chan error, 1)
	opened := 0
	go func() {
		defer close(errs)
		for {
			select {
			case <-stop:
				return
			default:
			}
			ix, err := Open(ctx, opts)
			if err != nil {
				errs <- err
				return
			}
			opened++
			for i := range ix.NumChunks() {
				c := ix.Chunk(i)
				if d, ok := ix.Document(c.DocID); !ok || d.Text[c.Start:c.End] != c.Text {
					errs <- fmt.Errorf("chunk %d (%s) is not a slice of its document", i, c.ID)
					return
				}
			}
		}
	}()
	for round := 1; round <= 12; round++ {
		editSynth(0, 30)(t, dir, g, round)
		mustBuild(t, opts)
	}
	close(stop)
	if err := <-errs; err != nil {
		t.Fatalf("Open while updating: %v", err)
	}
	if opened == 0 || docs == 0 {
		t.Fatal("nothing was opened")
	}
}

// TestCompact merges an index of several segments into one base file:
// the folder then holds the base alone, and the index is a fresh build's.
// With DeferMerge an update past MergeAt (and under twice it) is still
// written as a delta and reports the merge due; without, it rewrites the
// base itself.
func TestCompact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, g := segmentCorpus(t, 100)
	lex := testLexicon(t)
	data := t.TempDir()
	opts := buildOpts(t, dir, data, NewLocalEmbedder(), lex)
	opts.MergeAt = 1e9
	mustBuild(t, opts)
	for round := 1; round <= 3; round++ {
		editSynth(0.03, 100)(t, dir, g, round)
		segmentSteps(100)[3].change(t, dir, g, round) // two removed
		mustBuild(t, opts)
	}
	if err := Compact(ctx, opts); err != nil {
		t.Fatalf("Compact: %v", err)
	}
	entries, _ := os.ReadDir(data)
	if len(entries) != 2 {
		t.Errorf("after Compact the folder holds %d files, want the lock and the base", len(entries))
	}
	got, err := Open(ctx, opts)
	if err != nil || got.set.ch != nil {
		t.Fatalf("Open after Compact: %v (segments: %v)", err, got != nil && got.set.ch != nil)
	}
	fresh := buildOpts(t, dir, t.TempDir(), NewLocalEmbedder(), lex)
	want, _ := mustBuild(t, fresh)
	sameIndex(t, "compacted", got, want)
	if err := Compact(ctx, opts); err != nil {
		t.Fatalf("Compact of one file: %v", err)
	}
	if _, st := mustBuild(t, opts); st.Saved || st.Unchanged != st.Documents {
		t.Errorf("the run after Compact found changes: %+v", st)
	}

	// The share one edit carries: its old and new chunks over the live ones.
	p := synthPaths(t, dir)[5]
	id := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(p), filepath.ToSlash(dir)+"/"), ".txt")
	old := len(want.DocumentChunks(id))
	if old == 0 {
		t.Fatalf("no chunks for %s", id)
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, p, string(raw)+"\nSatu paragraf baru tentang Wonsan.\n")
	probe, _ := mustBuild(t, buildOpts(t, dir, t.TempDir(), NewLocalEmbedder(), lex))
	share := float64(old+len(probe.DocumentChunks(id))) / float64(probe.NumChunks())
	for _, tc := range []struct {
		name         string
		deferMerge   bool
		delta, due   bool
		mergeAtShare float64
	}{
		{"deferred, past MergeAt", true, true, true, 0.7},
		{"not deferred, past MergeAt", false, false, false, 0.7},
		{"deferred, past twice MergeAt", true, false, false, 0.4},
	} {
		d := t.TempDir()
		o := buildOpts(t, dir, d, NewLocalEmbedder(), lex)
		// The index before the edit, then the edit again.
		writeFile(t, p, string(raw))
		mustBuild(t, o)
		writeFile(t, p, string(raw)+"\nSatu paragraf baru tentang Wonsan.\n")
		o.MergeAt, o.DeferMerge = share*tc.mergeAtShare, tc.deferMerge
		ix, st := mustBuild(t, o)
		if (ix.set.ch != nil) != tc.delta || st.MergeDue != tc.due || st.Changed != 1 {
			t.Errorf("%s: delta %v, merge due %v (%+v), want %v, %v", tc.name, ix.set.ch != nil, st.MergeDue, st, tc.delta, tc.due)
		}
	}
}
