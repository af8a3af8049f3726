package bench

import "golang.org/x/sys/cpu"

//go:noescape
func sumAVX2(p *float32, n int) float32

//go:noescape
func sumSSE(p *float32, n int) float32

// floorKernel names the instructions the floor streams with.
var floorKernel = map[bool]string{true: "avx2", false: "sse"}[cpu.X86.HasAVX2]

// sumFloats returns the sum of v, reading it as fast as one core can.
func sumFloats(v []float32) float32 {
	var s float32
	if cpu.X86.HasAVX2 {
		if n := len(v) &^ 63; n > 0 {
			s = sumAVX2(&v[0], n)
			v = v[n:]
		}
	} else if n := len(v) &^ 31; n > 0 {
		s = sumSSE(&v[0], n)
		v = v[n:]
	}
	for _, x := range v {
		s += x
	}
	return s
}
