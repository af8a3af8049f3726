//go:build !purego

package retrieval

// scoreRowsSSE sets out[r] = dot(q, m[r*dim:(r+1)*dim]) for r < rows, bit
// for bit as dot computes it (see scan_amd64.s). SSE2 is part of every
// amd64 CPU, so there is nothing to detect.
//
//go:noescape
func scoreRowsSSE(q *float32, m *float32, dim int, rows int, out *float32)

const haveSIMD = true

// scoreRows sets out[r] to the dot product of q with row r of m, for every
// row of m (len(m) = len(out)*len(q)).
func scoreRows(q, m, out []float32) {
	dim := len(q)
	if len(out) == 0 {
		return
	}
	if dim == 0 {
		clear(out)
		return
	}
	_ = m[len(out)*dim-1] // bounds: the assembly trusts these lengths
	scoreRowsSSE(&q[0], &m[0], dim, len(out), &out[0])
}
