//go:build !purego

package retrieval

import "golang.org/x/sys/cpu"

// scoreRowsAVX2 sets out[r] = dot(q, m[r*dim:(r+1)*dim]) for r < rows, bit
// for bit as dot computes it (see scan_amd64.s); dim > 0.
//
//go:noescape
func scoreRowsAVX2(q *float32, m *float32, dim int, rows int, out *float32)

// simdAvailable reports whether scoreRows has a SIMD kernel on this CPU.
// Every x86-64 CPU since 2013-15 has AVX2; the rest use the portable path.
func simdAvailable() bool { return cpu.X86.HasAVX2 }

// scoreRows sets out[r] to the dot product of q with row r of m, for every
// row of m (len(m) = len(out)*len(q)).
func scoreRows(q, m, out []float32) {
	dim := len(q)
	if !simdAvailable() || len(out) == 0 || dim == 0 {
		scoreRowsGo(q, m, out)
		return
	}
	_ = m[len(out)*dim-1] // bounds: the assembly trusts these lengths
	scoreRowsAVX2(&q[0], &m[0], dim, len(out), &out[0])
}
