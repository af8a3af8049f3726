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

// dot defines every vector score, and the SIMD scan (scan_amd64.s)
// reproduces its order of operations exactly: 64 accumulators, element i of
// each whole group of 64 added to accumulator i%64 (eight 8-lane registers
// in the kernel, which then reads each row as one sequential stream); the
// leftover whole groups of 8 added to accumulators 0-7; a fixed reduction
// tree; then the last len%8 products added one by one. The explicit
// float32 conversions round each product before it is added, so that no
// compiler fuses them into a multiply-add (the Go spec allows it, and
// GOAMD64=v3 does it), which would make these scores differ from the
// kernel's.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var acc [64]float32
	groups := len(a) / 64
	// Accumulators 8r..8r+7 for one r at a time: each accumulator still
	// adds its products in element order, and eight of them fit in
	// registers.
	for r := range 8 {
		var s0, s1, s2, s3, s4, s5, s6, s7 float32
		for i := 8 * r; i < groups*64; i += 64 {
			x, y := a[i:i+8:i+8], b[i:i+8:i+8]
			s0 += float32(x[0] * y[0])
			s1 += float32(x[1] * y[1])
			s2 += float32(x[2] * y[2])
			s3 += float32(x[3] * y[3])
			s4 += float32(x[4] * y[4])
			s5 += float32(x[5] * y[5])
			s6 += float32(x[6] * y[6])
			s7 += float32(x[7] * y[7])
		}
		acc[8*r], acc[8*r+1], acc[8*r+2], acc[8*r+3] = s0, s1, s2, s3
		acc[8*r+4], acc[8*r+5], acc[8*r+6], acc[8*r+7] = s4, s5, s6, s7
	}
	i := groups * 64
	for ; i+8 <= len(a); i += 8 {
		x, y := a[i:i+8:i+8], b[i:i+8:i+8]
		for j := range 8 {
			acc[j] += float32(x[j] * y[j])
		}
	}
	// The tree: registers 0+1, 2+3, 4+5, 6+7; then 0+2, 4+6; then 0+4;
	// then lanes j+(j+4), j+(j+2), 0+1 of what is left.
	for j := range 8 {
		acc[j] += acc[8+j]
		acc[16+j] += acc[24+j]
		acc[32+j] += acc[40+j]
		acc[48+j] += acc[56+j]
	}
	for j := range 8 {
		acc[j] += acc[16+j]
		acc[32+j] += acc[48+j]
	}
	for j := range 8 {
		acc[j] += acc[32+j]
	}
	for j := range 4 {
		acc[j] += acc[4+j]
	}
	acc[0] += acc[2]
	acc[1] += acc[3]
	s := acc[0] + acc[1]
	for ; i < len(a); i++ {
		s += float32(a[i] * b[i])
	}
	return s
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
