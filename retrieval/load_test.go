package retrieval

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// collectSkipped returns a warn func and the warnings it gathered, by path.
func collectSkipped() (func(Skipped), map[string]string) {
	got := make(map[string]string)
	return func(s Skipped) { got[s.Path] = s.Reason }, got
}

func TestLoadCorpus(t *testing.T) {
	t.Parallel()
	warn, skipped := collectSkipped()
	docs, err := LoadCorpus(context.Background(), os.DirFS("testdata/corpus"), warn)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		if d.Path == "" || docID(d.Path) != d.ID {
			t.Errorf("doc %s has path %q", d.ID, d.Path)
		}
	}
	wantIDs := []string{"bad/latin1", "dup/story", "en/nested/deeper/frontmatter", "en/reuters_wire", "id/heading_only", "web/page"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("loaded %q, want %q (sorted, nested folders, hidden files and .json ignored)", ids, wantIDs)
	}
	wantSkipped := map[string]string{
		"bad/empty.txt":             "empty",
		"bad/binary.txt":            "binary content",
		"bad/broken_frontmatter.md": "invalid front matter",
		"dup/story.txt":             `same id "dup/story" as dup/story.md`,
	}
	for path, reason := range wantSkipped {
		if got, ok := skipped[path]; !ok || !strings.HasPrefix(got, reason) {
			t.Errorf("warning for %s = %q, want %q", path, got, reason)
		}
	}
	for path := range skipped {
		if _, ok := wantSkipped[path]; !ok {
			t.Errorf("unexpected warning for %s: %s", path, skipped[path])
		}
	}
}

func TestLoadCorpusMetadata(t *testing.T) {
	t.Parallel()
	docs, err := LoadCorpus(context.Background(), os.DirFS("testdata/corpus"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]metadata)
	for _, d := range docs {
		got[d.ID] = metadata{Title: d.Title, Outlet: d.Outlet, Published: d.Published, Lang: d.Lang, URL: d.URL}
	}
	tests := []struct {
		id   string
		want metadata
	}{
		{"en/reuters_wire", metadata{Title: "North Korea pledges support for Russia's war aims", Outlet: "Reuters", Published: "2025-07-14", Lang: "en"}},
		{"id/heading_only", metadata{Title: "Korea Utara dan Rusia Perkuat Kerja Sama", Lang: "id"}},
		{"dup/story", metadata{Lang: "id"}},
	}
	for _, tt := range tests {
		if got[tt.id] != tt.want {
			t.Errorf("%s: metadata %+v, want %+v", tt.id, got[tt.id], tt.want)
		}
	}
}

func TestLoadCorpusChunksWire(t *testing.T) {
	t.Parallel()
	docs, err := LoadCorpus(context.Background(), os.DirFS("testdata/corpus"), nil)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(docs, func(d Document) bool { return d.ID == "en/reuters_wire" })
	if i < 0 {
		t.Fatal("en/reuters_wire not loaded")
	}
	doc := docs[i]
	paras := Segment(doc)
	chunks := Chunks(doc, paras, ChunkOptions{})
	checkChunks(t, doc, paras, chunks)
	var texts []string
	for _, c := range chunks {
		texts = append(texts, c.Text)
	}
	joined := strings.Join(texts, "\n")
	for _, furniture := range []string{"By Jane Doe", "Published on", "READ MORE"} {
		if strings.Contains(joined, furniture) {
			t.Errorf("chunks keep %q:\n%s", furniture, joined)
		}
	}
	for _, sentence := range []string{
		"The U.S. State Department said last year that Pyongyang had sent more than 10,000 troops, a figure of roughly 6,000 engineers was added in June.",
		"Mr. Lavrov thanked the troops...",
	} {
		if !strings.Contains(joined, sentence) {
			t.Errorf("chunks lack %q:\n%s", sentence, joined)
		}
	}
}

func TestLoadCorpusTooLarge(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	line := []byte("Kim bertemu Lavrov di Wonsan untuk membahas perang di Ukraina.\n")
	big := make([]byte, 0, MaxFileBytes+len(line))
	for len(big) <= MaxFileBytes {
		big = append(big, line...)
	}
	write("big.txt", big)
	write("limit.txt", big[:MaxFileBytes])
	write("small.txt", line)
	warn, skipped := collectSkipped()
	docs, err := LoadCorpus(context.Background(), os.DirFS(dir), warn)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "limit" || docs[1].ID != "small" {
		t.Errorf("loaded %d docs, want limit and small", len(docs))
	}
	if skipped["big.txt"] != "larger than 4 MiB" || len(skipped) != 1 {
		t.Errorf("warnings = %v, want big.txt larger than 4 MiB", skipped)
	}
}

// failingFS is a corpus in which one file or folder cannot be opened, as
// happens with permission errors. It implements only Open so that every
// access goes through it.
type failingFS struct {
	files fstest.MapFS
	fail  string
}

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.fail {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.files.Open(name)
}

func TestLoadCorpusUnreadable(t *testing.T) {
	t.Parallel()
	fsys := failingFS{
		files: fstest.MapFS{
			"ok.txt":            {Data: []byte("Kim bertemu Lavrov.")},
			"locked.txt":        {Data: []byte("Tidak bisa dibaca.")},
			"locked/inside.txt": {Data: []byte("Folder terkunci.")},
		},
		fail: "locked.txt",
	}
	warn, skipped := collectSkipped()
	docs, err := LoadCorpus(context.Background(), fsys, warn)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "locked/inside" || docs[1].ID != "ok" {
		t.Errorf("loaded %v, want locked/inside and ok", docs)
	}
	if r := skipped["locked.txt"]; !strings.HasPrefix(r, "unreadable") || !strings.Contains(r, "permission denied") {
		t.Errorf("warning for locked.txt = %q, want unreadable: permission denied", r)
	}
}

func TestLoadCorpusUnreadableFolder(t *testing.T) {
	t.Parallel()
	fsys := failingFS{
		files: fstest.MapFS{
			"ok.txt":            {Data: []byte("Kim bertemu Lavrov.")},
			"locked/inside.txt": {Data: []byte("Folder terkunci.")},
		},
		fail: "locked",
	}
	warn, skipped := collectSkipped()
	docs, err := LoadCorpus(context.Background(), fsys, warn)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "ok" {
		t.Errorf("loaded %v, want ok", docs)
	}
	if !strings.HasPrefix(skipped["locked"], "unreadable") {
		t.Errorf("warnings = %v, want locked unreadable", skipped)
	}
}

func TestLoadCorpusRootErrors(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		fsys fs.FS
		want error
	}{
		{"missing root", context.Background(), os.DirFS("testdata/no-such-corpus"), fs.ErrNotExist},
		{"unreadable root", context.Background(), failingFS{files: fstest.MapFS{"a.txt": {Data: []byte("x")}}, fail: "."}, fs.ErrPermission},
		{"cancelled", ctx, os.DirFS("testdata/corpus"), context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			docs, err := LoadCorpus(tt.ctx, tt.fsys, func(s Skipped) { t.Errorf("unexpected warning %v", s) })
			if !errors.Is(err, tt.want) || docs != nil {
				t.Errorf("LoadCorpus = %d docs, %v; want error %v", len(docs), err, tt.want)
			}
		})
	}
}
