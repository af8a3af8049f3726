//go:build linux

package retrieval

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// BenchmarkCorpusCurrent times, per iteration and in an order rotating
// from one iteration to the next, what tells an unchanged index is
// current:
//
//	walk      the walk (fs.WalkDir and fs.Stat over os.DirFS, maps of paths and ids): the fallback, and before
//	check     corpusCurrent over DirFS (fresh.go)
//	floor-sys the same system calls and nothing else: open each folder, getdents, statx each article, 2 workers
//	floor-stat statx of every article alone, names ready and folders open, 2 workers
//	floor-stat1 the same on one worker
//
// Each is timed after a collection (the walk's garbage would otherwise
// be collected on the next variant's time). It reports the median wall
// and process CPU time of each and the median
// of the per-iteration ratios check/floor-sys, check/walk and
// floor-stat/floor-stat1. KABAR_FRESH_CORPUS and KABAR_FRESH_DATA name a
// corpus folder and a current index of it (e.g. the 1M-chunk one);
// without them a generated corpus of 4,000 articles in 40 folders is
// indexed in a temporary folder.
func BenchmarkCorpusCurrent(b *testing.B) {
	corpus, data := os.Getenv("KABAR_FRESH_CORPUS"), os.Getenv("KABAR_FRESH_DATA")
	if corpus == "" || data == "" {
		corpus, data = generatedCorpus(b, 40, 100), b.TempDir()
		if _, _, err := Build(context.Background(), Options{Corpus: DirFS(corpus), DataDir: data, Embedder: NewLocalEmbedder(), Lexicon: testLexicon(b)}); err != nil {
			b.Fatal(err)
		}
	}
	set, err := openSegments(data)
	if err != nil {
		b.Fatal(err)
	}
	defer set.release()
	ctx := context.Background()
	if _, ok := corpusCurrent(ctx, DirFS(corpus), set, data); !ok {
		b.Fatal("the index is not current with the corpus")
	}
	fl := newStatFloor(b, corpus)
	defer fl.close()
	if fl.files != set.v.nDocs {
		b.Fatalf("%d article files, %d documents", fl.files, set.v.nDocs)
	}
	opts := Options{Corpus: os.DirFS(corpus), Warn: func(Skipped) {}}
	variants := []struct {
		name string
		run  func() bool
	}{
		{"walk", func() bool {
			bl := newBuilder(opts, set)
			err := bl.walk(ctx)
			return err == nil && bl.stats.Unchanged == set.v.nDocs && bl.stats.Added+bl.stats.Changed+bl.stats.Removed == 0
		}},
		{"check", func() bool { _, ok := corpusCurrent(ctx, DirFS(corpus), set, data); return ok }},
		{"floor-sys", func() bool { return fl.syscalls(2) == fl.files }},
		{"floor-stat", func() bool { return fl.stats(2) == fl.files }},
		{"floor-stat1", func() bool { return fl.stats(1) == fl.files }},
	}
	wall := make([][]float64, len(variants))
	cpu := make([][]float64, len(variants))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		for k := range variants {
			j := (i + k) % len(variants)
			runtime.GC() // the walk's garbage is not collected on another variant's time
			w0, c0 := time.Now(), processCPU()
			if !variants[j].run() {
				b.Fatalf("%s: not current", variants[j].name)
			}
			wall[j] = append(wall[j], float64(time.Since(w0).Microseconds())/1e3)
			cpu[j] = append(cpu[j], float64(processCPU()-c0)/1e6)
		}
	}
	b.StopTimer()
	for j, v := range variants {
		b.ReportMetric(median(wall[j]), v.name+"-ms")
		b.ReportMetric(median(cpu[j]), v.name+"-cpu-ms")
	}
	ratio := func(xs [][]float64, a, c int) float64 {
		r := make([]float64, len(xs[a]))
		for i := range r {
			r[i] = xs[a][i] / xs[c][i]
		}
		return median(r)
	}
	b.ReportMetric(ratio(wall, 1, 2), "check/floor-sys")
	b.ReportMetric(ratio(cpu, 1, 2), "check/floor-sys-cpu")
	b.ReportMetric(ratio(wall, 1, 0), "check/walk")
	b.ReportMetric(ratio(cpu, 1, 0), "check/walk-cpu")
	b.ReportMetric(ratio(wall, 3, 4), "stat2/stat1")
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// statFloor holds a corpus's folders and article names ready for the
// floors: only system calls are left in their loops.
type statFloor struct {
	dirs  []string // relative to root, "" for the root
	fds   []int
	names [][][]byte // per folder, NUL-terminated article names
	root  int
	files int
}

func newStatFloor(b *testing.B, corpus string) *statFloor {
	fl := &statFloor{}
	var err error
	if fl.root, err = unix.Open(corpus, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0); err != nil {
		b.Fatal(err)
	}
	err = filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != corpus && d.Name()[0] == '.' {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(corpus, p)
		if d.IsDir() {
			fd, err := unix.Open(p, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
			if err != nil {
				return err
			}
			if rel == "." {
				rel = ""
			}
			fl.dirs, fl.fds, fl.names = append(fl.dirs, rel), append(fl.fds, fd), append(fl.names, nil)
			return nil
		}
		if _, ok := formatFor(d.Name()); ok {
			k := len(fl.names) - 1
			fl.names[k] = append(fl.names[k], append([]byte(d.Name()), 0))
			fl.files++
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return fl
}

func (fl *statFloor) close() {
	for _, fd := range fl.fds {
		unix.Close(fd)
	}
	unix.Close(fl.root)
}

// stats stats every article on workers goroutines, folders shared out
// from an atomic counter; it returns the files stat'ed.
func (fl *statFloor) stats(workers int) int {
	return fl.share(workers, func(k int) int {
		var st unix.Statx_t
		n := 0
		for _, name := range fl.names[k] {
			if statxRaw(fl.fds[k], name, 0, &st) == nil {
				n++
			}
		}
		return n
	})
}

// syscalls opens each folder, reads it with getdents and stats its
// articles, as scanCurrent does, with nothing else.
func (fl *statFloor) syscalls(workers int) int {
	bufs := sync.Pool{New: func() any { return make([]byte, 64<<10) }}
	return fl.share(workers, func(k int) int {
		fd := fl.root
		if fl.dirs[k] != "" {
			var err error
			if fd, err = unix.Openat(fl.root, fl.dirs[k], unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0); err != nil {
				return 0
			}
			defer unix.Close(fd)
		}
		buf := bufs.Get().([]byte)
		defer bufs.Put(buf)
		for {
			m, err := unix.Getdents(fd, buf)
			if err != nil || m == 0 {
				break
			}
			for off := 0; off < m; {
				reclen := int(binary.NativeEndian.Uint16(buf[off+16:]))
				_ = buf[off+19]
				off += reclen
			}
		}
		var st unix.Statx_t
		n := 0
		for _, name := range fl.names[k] {
			if statxRaw(fd, name, 0, &st) == nil {
				n++
			}
		}
		return n
	})
}

func (fl *statFloor) share(workers int, folder func(k int) int) int {
	var next, total atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(fl.fds) {
					return
				}
				total.Add(int64(folder(k)))
			}
		})
	}
	wg.Wait()
	return int(total.Load())
}

func statxRaw(fd int, cname []byte, flags int, st *unix.Statx_t) error {
	_, _, e := unix.Syscall6(unix.SYS_STATX, uintptr(fd), uintptr(unsafe.Pointer(&cname[0])), uintptr(flags),
		uintptr(statxMask), uintptr(unsafe.Pointer(st)), 0)
	if e != 0 {
		return e
	}
	return nil
}

// generatedCorpus writes folders × perFolder short articles.
func generatedCorpus(b *testing.B, folders, perFolder int) string {
	dir := b.TempDir()
	for f := range folders {
		sub := filepath.Join(dir, fmt.Sprintf("f%03d", f))
		if err := os.Mkdir(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		for i := range perFolder {
			text := fmt.Sprintf("Artikel %d-%d\n\nBanjir merendam %d rumah di kecamatan %d, kata petugas pada hari ke-%d.\n", f, i, i*7+f, f, i)
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("a%05d.txt", i)), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir
}
