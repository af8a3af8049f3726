package retrieval

import (
	"context"
	"sync"
	"sync/atomic"
)

// inOrder calls produce(i) for every i in [0, n) on workers goroutines and
// consume(i, &result) on the caller's goroutine in index order, each as
// soon as its result and those before it are ready. The walk applies each
// file in file order this way while the next files are still being read:
// read in batches with a barrier between them, the applying left the
// other cores idle, and a batch's slowest file held up the next batch.
// At most window results are held at once. A cancelled ctx stops it
// before the next consume, returning ctx's error; produce is expected to
// return promptly once ctx is done.
func inOrder[T any](ctx context.Context, n, workers, window int, produce func(int) T, consume func(int, *T)) error {
	if n == 0 {
		return nil
	}
	window = max(1, min(window, n))
	workers = max(1, min(workers, window))
	slots := make([]T, window)
	ready := make([]chan struct{}, window) // slot i%window holds result i
	for i := range ready {
		ready[i] = make(chan struct{}, 1)
	}
	// A producer takes a token before claiming the next index and the
	// consumer returns one after each result, so a claimed index is
	// always less than window past the next one consumed: its slot is
	// free.
	free := make(chan struct{}, window)
	for range window {
		free <- struct{}{}
	}
	stop := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				select {
				case <-free:
				case <-stop:
					return
				}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				slots[i%window] = produce(i)
				ready[i%window] <- struct{}{}
			}
		})
	}
	defer func() {
		close(stop)
		wg.Wait()
	}()
	var zero T
	for i := range n {
		select {
		case <-ready[i%window]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := ctx.Err(); err != nil {
			return err // a result cut short by cancellation is not to be used
		}
		consume(i, &slots[i%window])
		slots[i%window] = zero // release what the result holds
		free <- struct{}{}
	}
	return nil
}
