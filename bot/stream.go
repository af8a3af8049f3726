package bot

import (
	"context"
	"sync"
	"time"
)

// streamer turns the Answerer's stream of partial texts into message
// edits at most once per interval, always showing the latest text.
type streamer struct {
	edit     func(ctx context.Context, text string) error
	interval time.Duration
	ctx      context.Context

	mu     sync.Mutex
	latest string
	fresh  bool

	wake chan struct{}
	stop chan struct{}
	done chan struct{}
}

func newStreamer(ctx context.Context, interval time.Duration, edit func(context.Context, string) error) *streamer {
	s := &streamer{edit: edit, interval: interval, ctx: ctx,
		wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go s.run()
	return s
}

// partial is the Answerer's onPartial callback; it never blocks.
func (s *streamer) partial(text string) {
	s.mu.Lock()
	s.latest, s.fresh = text, true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// close stops streaming and waits for an edit in progress, so that the
// final answer is never overwritten by a late partial.
func (s *streamer) close() {
	close(s.stop)
	<-s.done
}

func (s *streamer) run() {
	defer close(s.done)
	for {
		select {
		case <-s.wake:
		case <-s.stop:
			return
		}
		s.mu.Lock()
		text, fresh := s.latest, s.fresh
		s.fresh = false
		s.mu.Unlock()
		if fresh {
			_ = s.edit(s.ctx, text) // a failed partial edit is not worth failing the answer
		}
		t := time.NewTimer(s.interval)
		select {
		case <-t.C:
		case <-s.stop:
			t.Stop()
			return
		}
	}
}
