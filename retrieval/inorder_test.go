package retrieval

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

// inOrder consumes every result once, in index order, whatever the number
// of items, workers and window; at most window results are produced ahead
// of the one being consumed.
func TestInOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ n, workers, window int }{
		{0, 2, 4}, {1, 1, 1}, {1, 4, 256}, {7, 3, 2}, {100, 2, 1}, {100, 4, 3}, {1000, 2, 256}, {1000, 8, 16},
	} {
		t.Run(fmt.Sprintf("n=%d/workers=%d/window=%d", tc.n, tc.workers, tc.window), func(t *testing.T) {
			var produced, consumed atomic.Int64
			var ahead atomic.Int64 // the most results produced past the one consumed
			next := 0
			err := inOrder(context.Background(), tc.n, tc.workers, tc.window, func(i int) int {
				p := produced.Add(1)
				if d := p - consumed.Load(); d > ahead.Load() {
					ahead.Store(d) // racy maximum: only ever too low, never too high
				}
				return i * i
			}, func(i int, v *int) {
				if i != next || *v != i*i {
					t.Fatalf("consumed %d (%d), want %d (%d)", i, *v, next, next*next)
				}
				next++
				consumed.Add(1)
			})
			if err != nil {
				t.Fatal(err)
			}
			if next != tc.n || produced.Load() != int64(tc.n) {
				t.Fatalf("consumed %d, produced %d of %d", next, produced.Load(), tc.n)
			}
			if a := ahead.Load(); a > int64(max(1, min(tc.window, tc.n))) {
				t.Fatalf("%d results produced ahead, window %d", a, tc.window)
			}
		})
	}
}

// A cancelled context stops inOrder before the next result is consumed,
// and every producer has returned by the time it does.
func TestInOrderCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	var running atomic.Int64
	consumed := 0
	err := inOrder(ctx, 10_000, 4, 8, func(i int) int {
		running.Add(1)
		defer running.Add(-1)
		return i
	}, func(i int, _ *int) {
		consumed++
		if i == 100 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if consumed != 101 {
		t.Fatalf("consumed %d results, want 101 (up to the cancel)", consumed)
	}
	if r := running.Load(); r != 0 {
		t.Fatalf("%d producers still running after inOrder returned", r)
	}
}
