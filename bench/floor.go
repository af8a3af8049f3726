package bench

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// bandwidthFloor is the least time an exact scan of a vector matrix can
// take on this machine: it reads the same bytes, on every core, and does
// nothing with them but add them up (a STREAM-like read). It shares the
// work out as Kabar's scan does, a block of rows at a time from an atomic
// counter, between the caller and GOMAXPROCS-1 long-lived goroutines, so
// neither pays for starting goroutines and both adapt alike to a busy core.
type bandwidthFloor struct {
	data  []float32 // the matrix, row-major
	block int       // floats per block

	next   atomic.Int64
	blocks int64
	sums   []float32 // one per participant, padded against false sharing
	wg     sync.WaitGroup
	tasks  chan int
	Sink   float32
}

const floorPad = 16 // float32s per cache line

func newBandwidthFloor(dim int, data []float32) *bandwidthFloor {
	return newBandwidthFloorOn(dim, data, runtime.GOMAXPROCS(0))
}

// newBandwidthFloorOn is the floor on a given number of participants: on
// one, it says how much a second core adds to what the machine can read.
func newBandwidthFloorOn(dim int, data []float32, workers int) *bandwidthFloor {
	f := &bandwidthFloor{data: data, block: 256 * dim}
	f.blocks = int64((len(data) + f.block - 1) / f.block)
	workers = max(workers, 1)
	f.sums = make([]float32, workers*floorPad)
	f.tasks = make(chan int, workers)
	for w := 1; w < workers; w++ {
		go func() {
			for p := range f.tasks {
				f.run(p)
				f.wg.Done()
			}
		}()
	}
	return f
}

func (f *bandwidthFloor) run(p int) {
	var s float32
	for {
		b := f.next.Add(1) - 1
		if b >= f.blocks {
			break
		}
		lo := int(b) * f.block
		s += sumFloats(f.data[lo:min(lo+f.block, len(f.data))])
	}
	f.sums[p*floorPad] = s
}

// read streams the whole matrix once on all cores and returns its sum.
func (f *bandwidthFloor) read() float32 {
	f.next.Store(0)
	workers := len(f.sums) / floorPad
	f.wg.Add(workers - 1)
	for p := 1; p < workers; p++ {
		f.tasks <- p
	}
	f.run(0)
	f.wg.Wait()
	var s float32
	for p := range workers {
		s += f.sums[p*floorPad]
	}
	f.Sink = s
	return s
}

// bytes is how many bytes one read streams.
func (f *bandwidthFloor) bytes() int { return 4 * len(f.data) }

// stop ends the floor's goroutines.
func (f *bandwidthFloor) stop() { close(f.tasks) }
