package retrieval

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkScoreRows compares the SIMD scorer with the portable one on a
// cache-resident block (256 rows of 512 floats).
func BenchmarkScoreRows(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	q := adversarial(r, 512, 0)
	m := adversarial(r, 512*256, 0)
	out := make([]float32, 256)
	b.Run("simd", func(b *testing.B) {
		b.SetBytes(int64(4 * len(m)))
		for b.Loop() {
			scoreRows(q, m, out)
		}
	})
	b.Run("go", func(b *testing.B) {
		b.SetBytes(int64(4 * len(m)))
		for b.Loop() {
			scoreRowsGo(q, m, out)
		}
	})
}
