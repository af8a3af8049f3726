package retrieval

import (
	"encoding/binary"
	"io"
	"math"
	"unsafe"
)

// flatVectors keeps every chunk vector in one contiguous row-major matrix so
// an exact search is a single linear scan: the memory-bandwidth floor that
// chromem-go's per-document goroutines and map of pointers cannot reach.
type flatVectors struct {
	dim  int
	data []float32 // len = rows*dim
}

func (f *flatVectors) rows() int {
	if f.dim == 0 {
		return 0
	}
	return len(f.data) / f.dim
}

func (f *flatVectors) row(i int) []float32 {
	return f.data[i*f.dim : (i+1)*f.dim : (i+1)*f.dim]
}

// search returns the k rows with the highest dot product with q (cosine
// similarity, as all vectors are unit length), best first, ties to the
// lower row. It scans on all cores (see scan.go).
func (f *flatVectors) search(q []float32, k int) []scored {
	return f.searchInto(make([]scored, 0, max(min(k, f.rows()), 0)), q, k, 0)
}

// dot is unrolled by four, which lets the compiler keep four independent
// accumulators in registers. It defines every vector score: the SIMD scan
// (scan_amd64.s) reproduces its order of operations exactly.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// littleEndian reports whether float32s are laid out in memory as the index
// file stores them, so vectors can be read and written without converting
// each one.
func littleEndian() bool { return binary.NativeEndian.Uint16([]byte{1, 0}) == 1 }

// word is a 32-bit value the index file stores little-endian.
type word interface{ ~float32 | ~uint32 }

// wordBytes views v's memory as bytes (no copy).
func wordBytes[T word](v []T) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 4*len(v))
}

// float32Bytes views v's memory as bytes (no copy).
func float32Bytes(v []float32) []byte { return wordBytes(v) }

// writeWords writes v as little-endian 32-bit words; bits gives a word's
// bit pattern.
func writeWords[T word](w io.Writer, v []T, bits func(T) uint32) error {
	if littleEndian() {
		_, err := w.Write(wordBytes(v))
		return err
	}
	buf := make([]byte, 0, 64<<10)
	for len(v) > 0 {
		part := v[:min(len(v), cap(buf)/4)]
		v = v[len(part):]
		buf = buf[:0]
		for _, x := range part {
			buf = binary.LittleEndian.AppendUint32(buf, bits(x))
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// writeFloats writes v as little-endian float32s.
func writeFloats(w io.Writer, v []float32) error { return writeWords(w, v, math.Float32bits) }

// readFloats fills v with little-endian float32s read from r.
func readFloats(r io.Reader, v []float32) error {
	if littleEndian() {
		_, err := io.ReadFull(r, float32Bytes(v))
		return err
	}
	buf := make([]byte, 64<<10)
	for len(v) > 0 {
		part := v[:min(len(v), len(buf)/4)]
		v = v[len(part):]
		if _, err := io.ReadFull(r, buf[:4*len(part)]); err != nil {
			return err
		}
		for i := range part {
			part[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
		}
	}
	return nil
}
