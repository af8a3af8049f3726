package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// errStreamIdle is the cancel cause the watchdog leaves on a stream's
// context, telling an idle stream apart from the caller canceling.
var errStreamIdle = errors.New("stream idle")

// Stream sends msgs to the chat model and passes each piece of the answer
// to onDelta (when not nil, called on the caller's goroutine) as it
// arrives; it returns the full text. A
// failure before the first piece is retried like Complete; after it, the
// call fails and returns the text delivered so far with the error.
func (c *Client) Stream(ctx context.Context, msgs []Message, onDelta func(delta string)) (string, error) {
	req, err := c.chatRequest(msgs)
	if err != nil {
		return "", err
	}
	var full strings.Builder
	deliver := func(d string) {
		full.WriteString(d)
		if onDelta != nil {
			onDelta(d)
		}
	}
	err = c.withRetry(ctx, "chat stream", func() bool { return full.Len() == 0 }, func(ctx context.Context) error {
		return c.streamOnce(ctx, req, deliver)
	})
	return full.String(), err
}

// streamOnce runs one streamed request under the idle watchdog.
func (c *Client) streamOnce(ctx context.Context, req openai.ChatCompletionRequest, deliver func(string)) error {
	sctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	dog := newWatchdog(c.cfg.StreamIdleTimeout, func() { cancel(errStreamIdle) })
	defer dog.stop()

	idle := func(err error) error {
		if errors.Is(context.Cause(sctx), errStreamIdle) && ctx.Err() == nil {
			return &Error{Kind: Timeout, Err: errStreamIdle,
				Message: fmt.Sprintf("chat stream: no data for %v, abandoned", c.cfg.StreamIdleTimeout)}
		}
		return err
	}

	stream, err := c.stream.CreateChatCompletionStream(sctx, req)
	if err != nil {
		return idle(err)
	}
	defer stream.Close()
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) && sctx.Err() == nil {
			return nil
		}
		if err != nil {
			return idle(err)
		}
		if !dog.kick() {
			return idle(context.Cause(sctx))
		}
		for _, ch := range chunk.Choices {
			if ch.Index == 0 && ch.Delta.Content != "" {
				deliver(ch.Delta.Content)
			}
		}
	}
}

// watchdog fires once when it has not been kicked for a period.
type watchdog struct {
	mu     sync.Mutex
	timer  *time.Timer
	period time.Duration
	fired  bool
}

func newWatchdog(period time.Duration, fire func()) *watchdog {
	w := &watchdog{period: period}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.timer = time.AfterFunc(period, func() {
		w.mu.Lock()
		w.fired = true
		w.mu.Unlock()
		fire()
	})
	return w
}

// kick restarts the period; it reports false when the dog already fired.
func (w *watchdog) kick() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fired {
		return false
	}
	w.timer.Reset(w.period)
	return true
}

func (w *watchdog) stop() { w.timer.Stop() }
