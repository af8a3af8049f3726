package retrieval

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"unsafe"
)

// readWhole reads size bytes of f into memory aligned for float32 and
// uint32 views: the fallback of mapFile.
func readWhole(f *os.File, size int64) ([]byte, func(), error) {
	if size < 0 || int64(int(size)) != size {
		return nil, nil, fmt.Errorf("index file of %d bytes is too large for this platform", size)
	}
	words := make([]uint64, (size+7)/8)
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), len(words)*8)[:size]
	if _, err := io.ReadFull(io.NewSectionReader(f, 0, size), b); err != nil {
		return nil, nil, err
	}
	return b, func() {}, nil
}

// floatsOf views b (4-byte aligned, little-endian) as float32s without
// copying; on a big-endian machine it converts into a new slice.
func floatsOf(b []byte) []float32 {
	if len(b) == 0 {
		return nil
	}
	if littleEndian() {
		return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4)
	}
	v := make([]float32, len(b)/4)
	readFloats(bytes.NewReader(b), v)
	return v
}

// uint32sOf views b (4-byte aligned, little-endian) as uint32s without
// copying; on a big-endian machine it converts into a new slice.
func uint32sOf(b []byte) []uint32 {
	if len(b) == 0 {
		return nil
	}
	if littleEndian() {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4)
	}
	v := make([]uint32, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v
}

// writeUint32s writes v as little-endian uint32s.
func writeUint32s(w io.Writer, v []uint32) error {
	return writeWords(w, v, func(x uint32) uint32 { return x })
}
