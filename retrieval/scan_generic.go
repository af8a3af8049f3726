//go:build !amd64 || purego

package retrieval

// simdAvailable reports whether scoreRows has a SIMD kernel: not here.
func simdAvailable() bool { return false }

// scoreRows sets out[r] to the dot product of q with row r of m, for every
// row of m (len(m) = len(out)*len(q)).
func scoreRows(q, m, out []float32) { scoreRowsGo(q, m, out) }
