// Command statfloor is the whole-process floor of the freshness check a
// cold `kabar ask` makes (docs/performance.md, "Cold start"): a process
// that opens every folder under the corpus, reads it with getdents and
// stats each non-hidden file with statx relative to its folder, names
// passed in place, on -workers goroutines, and does nothing else. Run
// beside `kabar ask` in measure.py's spec:
//
//	statfloor [-workers 2] CORPUS
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

func main() {
	workers := flag.Int("workers", 2, "goroutines sharing the folders")
	flag.Parse()
	if flag.NArg() != 1 || *workers < 1 {
		fmt.Fprintln(os.Stderr, "usage: statfloor [-workers N] CORPUS")
		os.Exit(2)
	}
	files, err := scan(flag.Arg(0), *workers)
	if err != nil {
		fmt.Fprintln(os.Stderr, "statfloor:", err)
		os.Exit(1)
	}
	fmt.Println(files, "files")
}

type worker struct {
	root    int
	buf     []byte
	subdirs []string
	files   int
	st      unix.Statx_t
}

// scan visits the tree a level at a time, the level's folders shared
// out between the workers, and returns the files stat'ed.
func scan(root string, workers int) (int, error) {
	rootFD, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", root, err)
	}
	defer unix.Close(rootFD)
	ws := make([]*worker, workers)
	for i := range ws {
		ws[i] = &worker{root: rootFD, buf: make([]byte, 64<<10)}
	}
	level := []string{""}
	for len(level) > 0 {
		var mu sync.Mutex
		next := 0
		var firstErr error
		var wg sync.WaitGroup
		for _, w := range ws {
			w.subdirs = w.subdirs[:0]
			wg.Go(func() {
				for {
					mu.Lock()
					i := next
					next++
					stop := i >= len(level) || firstErr != nil
					mu.Unlock()
					if stop {
						return
					}
					if err := w.folder(level[i]); err != nil {
						mu.Lock()
						firstErr = err
						mu.Unlock()
					}
				}
			})
		}
		wg.Wait()
		if firstErr != nil {
			return 0, firstErr
		}
		level = nil
		for _, w := range ws {
			level = append(level, w.subdirs...)
		}
	}
	n := 0
	for _, w := range ws {
		n += w.files
	}
	return n, nil
}

// folder reads one folder ("" is the root) and stats its files.
func (w *worker) folder(dir string) error {
	fd := w.root
	if dir != "" {
		var err error
		if fd, err = unix.Openat(w.root, dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0); err != nil {
			return fmt.Errorf("open %s: %w", dir, err)
		}
		defer unix.Close(fd)
	}
	for {
		n, err := unix.Getdents(fd, w.buf)
		if err != nil {
			return fmt.Errorf("read %s: %w", dir, err)
		}
		if n == 0 {
			return nil
		}
		for off := 0; off < n; {
			reclen := int(binary.NativeEndian.Uint16(w.buf[off+16:]))
			typ, name := w.buf[off+18], w.buf[off+19:off+reclen]
			off += reclen
			if name[0] == '.' {
				continue
			}
			if typ == unix.DT_DIR {
				end := 0
				for name[end] != 0 {
					end++
				}
				w.subdirs = append(w.subdirs, dir+string(name[:end])+"/")
				continue
			}
			_, _, e := unix.Syscall6(unix.SYS_STATX, uintptr(fd), uintptr(unsafe.Pointer(&name[0])), 0,
				unix.STATX_TYPE|unix.STATX_MODE|unix.STATX_SIZE|unix.STATX_MTIME, uintptr(unsafe.Pointer(&w.st)), 0)
			if e != 0 {
				return fmt.Errorf("stat %s: %w", dir, e)
			}
			w.files++
		}
	}
}
