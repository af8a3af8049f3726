package retrieval

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
// similarity, as all vectors are unit length).
func (f *flatVectors) search(q []float32, k int) []scored {
	top := newTopK(k)
	n := f.rows()
	for i := 0; i < n; i++ {
		top.push(scored{idx: i, score: dot(q, f.row(i))})
	}
	return top.sorted()
}

// dot is unrolled by four, which lets the compiler keep four independent
// accumulators in registers.
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
