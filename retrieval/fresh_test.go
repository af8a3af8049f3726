package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// The freshness check (fresh.go) stands in for the walk only when the
// walk would find the index current: for every change to a corpus it
// answers false, and for what the walk ignores it answers true (else it
// would save nothing).
func TestCorpusCurrentAgreesWithWalk(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the system-call check is Linux's; elsewhere the walk decides")
	}
	t.Parallel()
	later := time.Now().Add(time.Hour)
	write := func(rel, text string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	article := "Judul baru\n\nBanjir merendam tiga kecamatan di Bekasi pada Senin pagi, kata petugas BPBD setempat.\n"
	cases := []struct {
		name   string
		change func(t *testing.T, dir string)
		want   bool // the check's answer; true only where the walk finds no change
	}{
		{"unchanged", func(*testing.T, string) {}, true},
		{"hidden file", write(".draft.txt", article), true},
		{"hidden folder", write(".git/a.txt", article), true},
		{"file of another kind", write("sub/notes.json", "{}"), true},
		{"empty folder", func(t *testing.T, dir string) { mkdir(t, filepath.Join(dir, "kosong")) }, true},
		{"symbolic link to a folder (not followed)", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "sub"), filepath.Join(dir, "link"))
		}, true},
		{"same size and time, other bytes (the walk reuses it too)", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "sub", "a.txt")
			info := statOf(t, p)
			raw := readOf(t, p)
			raw[0] ^= 1
			if err := os.WriteFile(p, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"modification time only", func(t *testing.T, dir string) {
			if err := os.Chtimes(filepath.Join(dir, "sub", "a.txt"), later, later); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"appended", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "sub", "deep", "b.md")
			info := statOf(t, p)
			if err := os.WriteFile(p, append(readOf(t, p), "\nTambahan.\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			_ = os.Chtimes(p, info.ModTime(), info.ModTime()) // only the size tells
		}, false},
		{"removed", func(t *testing.T, dir string) { remove(t, filepath.Join(dir, "sub", "deep", "b.md")) }, false},
		{"removed beside a folder of its name", func(t *testing.T, dir string) { remove(t, filepath.Join(dir, "sub.md")) }, false},
		{"removed beside a folder sorting after it", func(t *testing.T, dir string) { remove(t, filepath.Join(dir, "sub-x.txt")) }, false},
		{"removed beside the folder it names", func(t *testing.T, dir string) { remove(t, filepath.Join(dir, "sub", "deep.txt")) }, false},
		{"moved into a sub-folder", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "sub.md"), filepath.Join(dir, "sub", "sub.md")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"removed with its folder", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "sub", "deep")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"added at the root", write("baru.txt", article), false},
		{"added in a new nested folder", write("x/y/z/baru.html", "<html><body><p>"+article+"</p></body></html>"), false},
		{"added with an upper-case extension", write("sub/BARU.TXT", article), false},
		{"added as .Markdown", write("baru.Markdown", article), false},
		{"added in a folder named like an article", write("d.txt/baru.md", article), false},
		{"renamed", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "sub", "a.txt"), filepath.Join(dir, "sub", "a2.txt")); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"symbolic link to an article", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "sub", "a.txt"), filepath.Join(dir, "tautan.txt"))
		}, false},
		{"same id beside it (skipped by the walk, left to it)", write("sub/a.md", article), false},
		{"a named pipe with an article's name", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipa.txt"), 0o644); err != nil {
				t.Skip(err)
			}
		}, false},
	}
	lex := testLexicon(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			corpus := nestedCorpus(t)
			data := t.TempDir()
			opts := buildOpts(t, corpus, data, NewLocalEmbedder(), lex)
			if _, st := mustBuild(t, opts); st.Documents != 10 {
				t.Fatalf("first build: %+v", st)
			}
			tc.change(t, corpus)
			set, err := openSegments(data)
			if err != nil {
				t.Fatal(err)
			}
			defer set.release()
			_, got := corpusCurrent(context.Background(), DirFS(corpus), set, data)

			walkOpts := opts
			walkOpts.Corpus, walkOpts.Warn = os.DirFS(corpus), func(Skipped) {}
			b := newBuilder(walkOpts, set)
			if err := b.walk(context.Background()); err != nil {
				t.Fatal(err)
			}
			walkCurrent := b.stats.Added+b.stats.Changed+b.stats.Removed == 0 && !b.touched
			if got && !walkCurrent {
				t.Fatalf("the check says current, the walk finds a change: %+v touched=%v", b.stats, b.touched)
			}
			if got != tc.want {
				t.Errorf("check = %v, want %v (the walk: current %v, %+v)", got, tc.want, walkCurrent, b.stats)
			}
			// And Build, which uses the check, sees the change.
			_, st := mustBuild(t, opts)
			if walkCurrent != (st.Added+st.Changed+st.Removed == 0 && !st.Saved) {
				t.Errorf("Build after the change: %+v, the walk: current %v", st, walkCurrent)
			}
		})
	}
}

// A cancelled context is never taken for a current corpus.
func TestCorpusCurrentCancelled(t *testing.T) {
	t.Parallel()
	corpus, data := nestedCorpus(t), t.TempDir()
	mustBuild(t, buildOpts(t, corpus, data, NewLocalEmbedder(), testLexicon(t)))
	set, err := openSegments(data)
	if err != nil {
		t.Fatal(err)
	}
	defer set.release()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, ok := corpusCurrent(ctx, DirFS(corpus), set, data); ok {
		t.Error("current under a cancelled context")
	}
	if _, ok := corpusCurrent(context.Background(), DirFS(corpus), set, data); runtime.GOOS == "linux" && !ok {
		t.Error("an unchanged corpus is not current")
	}
	if _, ok := corpusCurrent(context.Background(), os.DirFS(corpus), set, data); ok {
		t.Error("a plain os.DirFS is checked (only DirFS says where its folder is)")
	}
}

// A file that could not be read or is not regular is not recorded as
// skipped: a chmod can mend it without a new modification time.
func TestSkipsLeftToEveryWalk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipa.txt"), 0o644); err != nil {
		t.Skip(err)
	}
	_, reason := readArticle(os.DirFS(dir), "pipa.txt")
	_, missing := readArticle(os.DirFS(dir), "tidak-ada.txt")
	for _, r := range []string{reason, missing} {
		if r == "" || recordable(r) {
			t.Errorf("reason %q recorded as lasting", r)
		}
	}
	if !recordable(tooLargeReason) {
		t.Errorf("%q not recorded", tooLargeReason)
	}
}

func TestIsArticleName(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"a.txt", "a.TXT", "a.md", "a.Md", "a.markdown", "a.MARKDOWN", "a.html", "a.htm", "a.HTM",
		"a.mar\u212adown", "a", "a.", ".txt", "a.txt.bak", "a.json", "a.mdx", "a.tx", "a.markdownx", "a.h\u0130m", "a.txt\u00e9", "x.d/a"} {
		_, want := formatFor(name)
		if got := isArticleName([]byte(name)); got != want {
			t.Errorf("isArticleName(%q) = %v, formatFor says %v", name, got, want)
		}
	}
}

// nestedCorpus is ten articles in three levels of folders, some named so
// that their ids sort inside a folder's block of ids ("sub-x" and
// "sub.md" beside "sub/", "sub/deep.txt" beside "sub/deep/").
func nestedCorpus(t *testing.T) string {
	t.Helper()
	dir, _ := seedCorpus(t)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	mkdir(t, filepath.Join(dir, "sub", "deep"))
	copyFile(t, names[0], filepath.Join(dir, "sub", "a.txt"))
	copyFile(t, names[1], filepath.Join(dir, "sub", "deep", "b.md"))
	copyFile(t, names[2], filepath.Join(dir, "sub-x.txt"))
	copyFile(t, names[3], filepath.Join(dir, "sub.md"))
	copyFile(t, names[4], filepath.Join(dir, "sub", "deep.txt"))
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	if err := os.WriteFile(to, readOf(t, from), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readOf(t *testing.T, p string) []byte {
	t.Helper()
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func statOf(t *testing.T, p string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, p string) {
	t.Helper()
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
}

// Files every walk skips are recorded (SkippedFile), so a corpus holding
// some is still found current, with the walk's warnings; any change to
// them, or a record that no longer fits, is left to the walk.
func TestCorpusCurrentWithSkippedFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the system-call check is Linux's; elsewhere the walk decides")
	}
	t.Parallel()
	later := time.Now().Add(time.Hour)
	article := "Judul baru\n\nBanjir merendam tiga kecamatan di Bekasi pada Senin pagi, kata petugas BPBD setempat.\n"
	cases := []struct {
		name   string
		change func(t *testing.T, dir, data string)
		want   bool
	}{
		{"unchanged", func(*testing.T, string, string) {}, true},
		{"a skipped file touched", func(t *testing.T, dir, _ string) {
			if err := os.Chtimes(filepath.Join(dir, "kosong.txt"), later, later); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a skipped file mended", func(t *testing.T, dir, _ string) {
			if err := os.WriteFile(filepath.Join(dir, "kosong.txt"), []byte(article), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a skipped file removed", func(t *testing.T, dir, _ string) { remove(t, filepath.Join(dir, "sub", "biner.md")) }, false},
		{"the file a duplicate lost to removed", func(t *testing.T, dir, _ string) { remove(t, filepath.Join(dir, "sub", "a.md")) }, false},
		{"the record removed", func(t *testing.T, _, data string) { remove(t, filepath.Join(data, SkippedFile)) }, false},
		{"the record damaged", func(t *testing.T, _, data string) {
			if err := os.WriteFile(filepath.Join(data, SkippedFile), []byte(`{"version":1,"files":[`), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"the record naming an indexed file", func(t *testing.T, dir, data string) {
			l := readSkipList(data)
			info := statOf(t, filepath.Join(dir, "sub", "a.md"))
			files := append(l.Files, skipEntry{Path: "sub/a.md", Size: info.Size(), ModTime: info.ModTime().UnixNano(), Reason: "x"})
			if err := writeSkipList(data, files); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	lex := testLexicon(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			corpus := nestedCorpus(t)
			if err := os.WriteFile(filepath.Join(corpus, "kosong.txt"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(corpus, "sub", "biner.md"), []byte("\x00\x01\x02 binary \x00"), 0o644); err != nil {
				t.Fatal(err)
			}
			copyFile(t, filepath.Join(corpus, "sub", "a.txt"), filepath.Join(corpus, "sub", "a.md")) // a.md claims the id, a.txt is skipped
			data := t.TempDir()
			var warned []Skipped
			opts := buildOpts(t, corpus, data, NewLocalEmbedder(), lex)
			opts.Warn = func(s Skipped) { warned = append(warned, s) }
			if _, st := mustBuild(t, opts); st.Documents != 10 || st.Skipped != 3 || len(warned) != 3 {
				t.Fatalf("first build: %+v, warnings %v", st, warned)
			}
			if l := readSkipList(data); l.len() != 3 {
				t.Fatalf("recorded %d skipped files, want 3", l.len())
			}
			tc.change(t, corpus, data)
			set, err := openSegments(data)
			if err != nil {
				t.Fatal(err)
			}
			defer set.release()
			_, got := corpusCurrent(context.Background(), DirFS(corpus), set, data)

			var walkWarned []Skipped
			walkOpts := opts
			walkOpts.Corpus, walkOpts.Warn = os.DirFS(corpus), func(s Skipped) { walkWarned = append(walkWarned, s) }
			b := newBuilder(walkOpts, set)
			if err := b.walk(context.Background()); err != nil {
				t.Fatal(err)
			}
			walkCurrent := b.stats.Added+b.stats.Changed+b.stats.Removed == 0 && !b.touched
			if got && !walkCurrent {
				t.Fatalf("the check says current, the walk finds a change: %+v", b.stats)
			}
			if got != tc.want {
				t.Errorf("check = %v, want %v (the walk: current %v, %+v)", got, tc.want, walkCurrent, b.stats)
			}
			// Build, with the check or without, warns as the walk does.
			warned = nil
			_, st := mustBuild(t, opts)
			if !slices.Equal(warned, walkWarned) || st.Skipped != len(walkWarned) {
				t.Errorf("Build warned %v (skipped %d), the walk %v", warned, st.Skipped, walkWarned)
			}
			// And the next run finds it current again, whatever changed.
			set2, err := openSegments(data)
			if err != nil {
				t.Fatal(err)
			}
			defer set2.release()
			if _, ok := corpusCurrent(context.Background(), DirFS(corpus), set2, data); !ok {
				t.Error("not current after Build recorded the walk")
			}
		})
	}
}

// Over an index of several segments (a base and a delta, dead rows in
// the manifest) the check reads the live documents, as the walk does.
func TestCorpusCurrentOverSegments(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the system-call check is Linux's; elsewhere the walk decides")
	}
	t.Parallel()
	corpus, data := nestedCorpus(t), t.TempDir()
	opts := buildOpts(t, corpus, data, NewLocalEmbedder(), testLexicon(t))
	opts.MergeAt = 100 // keep the delta
	mustBuild(t, opts)
	p := filepath.Join(corpus, "sub", "a.txt")
	if err := os.WriteFile(p, append(readOf(t, p), "\nTambahan satu kalimat lagi di sini.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, st := mustBuild(t, opts); st.Changed != 1 || !st.Saved {
		t.Fatalf("edit: %+v", st)
	}
	check := func() bool {
		set, err := openSegments(data)
		if err != nil {
			t.Fatal(err)
		}
		defer set.release()
		if set.ch == nil {
			t.Fatal("the index is one file; want a base and a delta")
		}
		_, ok := corpusCurrent(context.Background(), DirFS(corpus), set, data)
		return ok
	}
	if !check() {
		t.Error("a current index of two segments is not current")
	}
	if _, st := mustBuild(t, opts); st.Saved || st.Unchanged != 10 {
		t.Errorf("unchanged run over segments: %+v", st)
	}
	remove(t, filepath.Join(corpus, "sub", "deep", "b.md"))
	if check() {
		t.Error("current after a removal")
	}
	if _, st := mustBuild(t, opts); st.Removed != 1 {
		t.Errorf("removal over segments: %+v", st)
	}
}
