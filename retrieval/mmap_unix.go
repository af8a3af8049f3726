//go:build unix

package retrieval

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapsFiles reports whether mapFile maps rather than reads.
const mapsFiles = true

// mapFile maps size bytes of f read-only and shared, so the index's large
// sections are used in place: pages come from the page cache as they are
// touched, count as file-backed (shared) memory, and are shared by every
// process serving the same file. Where mapping fails (a filesystem that
// cannot map files) the file is read into memory instead.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), err error) {
	if size == 0 || int64(int(size)) != size {
		return readWhole(f, size)
	}
	b, err := unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return readWhole(f, size)
	}
	return b, func() { unix.Munmap(b) }, nil
}
