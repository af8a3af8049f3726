//go:build !unix

package retrieval

import "os"

// mapsFiles reports whether mapFile maps rather than reads.
const mapsFiles = false

// mapFile reads the file into memory where memory-mapping is not
// implemented (Windows, wasm): the same sections, loaded rather than
// mapped.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), err error) {
	return readWhole(f, size)
}
