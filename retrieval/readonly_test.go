package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestBuildServesAReadOnlyIndex: a current index in a directory that
// cannot be written is served (readers take no write lock); an out-of-date
// one is brought up to date in memory. Permissions do not bind root, so
// the test needs an ordinary user (CI, or `setpriv --reuid=nobody`).
func TestBuildServesAReadOnlyIndex(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions; run as an ordinary user")
	}
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	corpus, _ := seedCorpus(t)
	data := t.TempDir()
	if _, _, err := Build(context.Background(), buildOpts(t, corpus, data, NewLocalEmbedder(), lex)); err != nil {
		t.Fatal(err)
	}
	// A prebuilt index as shipped: the index file alone, then the
	// directory made read-only.
	if err := os.Remove(filepath.Join(data, ".lock")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(data, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(data, 0o700) })

	for _, tc := range []struct {
		name  string
		touch func()
		want  int
	}{
		{"current", func() {}, 5},
		{"stale", func() {
			if err := os.WriteFile(filepath.Join(corpus, "zz_new.txt"), []byte("Artikel baru tentang Wonsan.\n\nWonsan adalah kota pantai di Korea Utara."), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 6},
	} {
		tc.touch()
		ix, st, err := Build(context.Background(), buildOpts(t, corpus, data, NewLocalEmbedder(), lex))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !st.ReadOnly || st.Saved || st.Documents != tc.want || len(ix.Documents()) != tc.want {
			t.Errorf("%s: stats %+v; want %d documents served read-only", tc.name, st, tc.want)
		}
	}
}

// TestRebuildRepairsADirectoryInTheIndexsPlace: --rebuild moves whatever
// took the index file's place aside and writes a new index; a plain build
// reports it as corrupt so callers rebuild.
func TestRebuildRepairsADirectoryInTheIndexsPlace(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	corpus, _ := seedCorpus(t)
	data := t.TempDir()
	if err := os.MkdirAll(filepath.Join(data, SnapshotFile, "junk"), 0o700); err != nil {
		t.Fatal(err)
	}
	opts := buildOpts(t, corpus, data, NewLocalEmbedder(), lex)
	if _, _, err := Build(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Fatalf("build over a directory: err = %v; want it reported as a corrupt index", err)
	}
	opts.Rebuild = true
	_, st, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if !st.Saved || st.Documents != 5 {
		t.Errorf("rebuild stats %+v", st)
	}
	if info, err := os.Stat(filepath.Join(data, SnapshotFile)); err != nil || !info.Mode().IsRegular() {
		t.Errorf("index path after rebuild: %v, %v", info, err)
	}
	moved, _ := filepath.Glob(filepath.Join(data, SnapshotFile+".broken-*", "junk"))
	if len(moved) != 1 {
		t.Errorf("the directory in the way was not moved aside intact: %v", moved)
	}
	opts.Rebuild = false
	if _, _, err := Build(context.Background(), opts); err != nil {
		t.Errorf("build after the repair: %v", err)
	}
}
