//go:build linux

package retrieval

import (
	"context"
	"encoding/binary"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// statxMask is what the freshness check needs of a file.
const statxMask = unix.STATX_TYPE | unix.STATX_MODE | unix.STATX_SIZE | unix.STATX_MTIME

// scanCurrent walks the folder root as walkArticles walks os.DirFS(root)
// (hidden names skipped, symbolic links followed for files and not for
// folders) and reports whether its article files are exactly v's
// documents and the files skips records, each with the size and
// modification time recorded. Folders
// are read with getdents and each file is stat'ed with statx relative to
// its folder's descriptor, the name passed in place from the getdents
// buffer: no path is resolved from the root, and nothing is allocated per
// file. The folders of each level of the tree are shared out between
// GOMAXPROCS workers.
func scanCurrent(ctx context.Context, root string, v *view, skips *skipList) bool {
	rootFD, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer unix.Close(rootFD)
	workers := runtime.GOMAXPROCS(0)
	scanners := make([]*dirScanner, workers)
	for i := range scanners {
		scanners[i] = &dirScanner{root: rootFD, v: v, skips: skips, buf: make([]byte, 64<<10)}
	}
	level := []string{""} // folders relative to root, each ending in "/" but the root
	for len(level) > 0 {
		if ctx.Err() != nil {
			return false
		}
		var next atomic.Int64
		var failed atomic.Bool
		var wg sync.WaitGroup
		for _, s := range scanners[:min(workers, len(level))] {
			s.subdirs = s.subdirs[:0]
			wg.Go(func() {
				for !failed.Load() {
					i := int(next.Add(1)) - 1
					if i >= len(level) {
						return
					}
					if !s.scan(ctx, level[i]) {
						failed.Store(true)
					}
				}
			})
		}
		wg.Wait()
		if failed.Load() {
			return false
		}
		level = level[:0:0]
		for _, s := range scanners {
			level = append(level, s.subdirs...)
			s.subdirs = nil
		}
	}
	matched, skipped := 0, 0
	for _, s := range scanners {
		matched, skipped = matched+s.matched, skipped+s.skipped
	}
	return matched == v.nDocs && skipped == skips.len()
}

// dirScanner is one worker of scanCurrent.
type dirScanner struct {
	root    int
	v       *view
	docs    folderDocs // the folder's documents
	skips   *skipList
	key     []byte // a file's path, to look it up in skips
	skipped int    // files found as skips records them
	names   nameTable
	buf     []byte   // getdents records
	subdirs []string // found in this level, for the next
	matched int      // files found unchanged
	st      unix.Statx_t
}

// scan reads the folder dir (relative to the root, "" for the root) and
// checks its article files; false means a change, or something the walk
// must judge.
func (s *dirScanner) scan(ctx context.Context, dir string) bool {
	fd := s.root
	if dir != "" {
		var err error
		fd, err = unix.Openat(s.root, dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			return false
		}
		defer unix.Close(fd)
	}
	if !s.docs.load(s.v, dir) || !s.names.reset(&s.docs) {
		return false
	}
	before := s.matched
	for {
		if ctx.Err() != nil {
			return false
		}
		n, err := unix.Getdents(fd, s.buf)
		if err != nil {
			return false
		}
		if n == 0 {
			return s.matched-before == len(s.docs.rows) // else one is gone
		}
		for off := 0; off < n; {
			// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name NUL-terminated
			rec := s.buf[off:n]
			if len(rec) < 20 {
				return false
			}
			reclen := int(binary.NativeEndian.Uint16(rec[16:]))
			if reclen < 20 || reclen > len(rec) {
				return false
			}
			typ := rec[18]
			name := rec[19:reclen]
			end := 0
			for end < len(name) && name[end] != 0 {
				end++
			}
			if end == len(name) {
				return false
			}
			off += reclen
			if !s.entry(fd, dir, typ, name[:end+1]) {
				return false
			}
		}
	}
}

// entry checks one folder entry; cname is its name with the NUL.
func (s *dirScanner) entry(fd int, dir string, typ byte, cname []byte) bool {
	name := cname[:len(cname)-1]
	if hiddenName(name) || len(name) == 0 {
		return true // also "." and ".."
	}
	have := false // s.st holds the file's own stat
	if typ == unix.DT_UNKNOWN {
		// The file system does not say: ask, without following a link,
		// as the walk's directory entries do.
		if s.statx(fd, cname, unix.AT_SYMLINK_NOFOLLOW) != nil {
			return false
		}
		switch uint32(s.st.Mode) & unix.S_IFMT {
		case unix.S_IFDIR:
			typ = unix.DT_DIR
		case unix.S_IFREG:
			typ, have = unix.DT_REG, true
		default:
			typ = unix.DT_LNK // stat'ed again below, following it
		}
	}
	if typ == unix.DT_DIR {
		s.subdirs = append(s.subdirs, dir+string(name)+"/")
		return true
	}
	if !isArticleName(name) {
		return true
	}
	if !have && s.statx(fd, cname, 0) != nil {
		return false
	}
	st := &s.st
	if st.Mask&(unix.STATX_TYPE|unix.STATX_SIZE|unix.STATX_MTIME) != unix.STATX_TYPE|unix.STATX_SIZE|unix.STATX_MTIME ||
		uint32(st.Mode)&unix.S_IFMT != unix.S_IFREG {
		return false
	}
	row, ok := s.names.find(name)
	if !ok {
		// New, or recorded as skipped by the last walk.
		s.key = append(append(s.key[:0], dir...), name...)
		f, ok := s.skips.find(string(s.key))
		if !ok || f.Size != int64(st.Size) || f.ModTime != st.Mtime.Sec*1e9+int64(st.Mtime.Nsec) {
			return false
		}
		s.skipped++
		return true
	}
	size, mtime := s.v.docSize(row)
	if mtime == 0 || size != int64(st.Size) || mtime != st.Mtime.Sec*1e9+int64(st.Mtime.Nsec) {
		return false
	}
	s.matched++
	return true
}

// statx stats cname (NUL-terminated) in the folder fd into s.st.
func (s *dirScanner) statx(fd int, cname []byte, flags int) error {
	_, _, e := unix.Syscall6(unix.SYS_STATX, uintptr(fd), uintptr(unsafe.Pointer(&cname[0])), uintptr(flags),
		uintptr(statxMask), uintptr(unsafe.Pointer(&s.st)), 0)
	if e != 0 {
		return e
	}
	return nil
}
