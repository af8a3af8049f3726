//go:build !amd64

package bench

var floorKernel = "go"

// sumFloats returns the sum of v with eight independent accumulators.
func sumFloats(v []float32) float32 {
	var s [8]float32
	i := 0
	for ; i+8 <= len(v); i += 8 {
		for j := range s {
			s[j] += v[i+j]
		}
	}
	t := s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7]
	for ; i < len(v); i++ {
		t += v[i]
	}
	return t
}
