package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// errStreamIdle and errStreamDeadline are the cancel causes streamOnce
// leaves on a stream's context, telling an idle or overlong stream apart
// from the caller canceling.
var (
	errStreamIdle     = errors.New("stream idle")
	errStreamDeadline = errors.New("stream deadline")
)

// Stream sends msgs to the chat model and passes each piece of the answer
// to onDelta (when not nil, called on the caller's goroutine) as it
// arrives; it returns the full text. A failure before the first piece is
// retried like Complete; after it, the call fails and returns the text
// delivered so far with the error. A stream ends with Timeout when it
// sends no text for StreamIdleTimeout (keep-alive chunks without content
// do not count) or runs longer than Timeout, with TooLarge (and the text
// up to the cap) past MaxReplyBytes, and with Empty or ToolCalls when it
// ends without text.
func (c *Client) Stream(ctx context.Context, msgs []Message, onDelta func(delta string)) (string, error) {
	req, err := c.chatRequest(msgs)
	if err != nil {
		return "", err
	}
	req.Stream = true
	var full strings.Builder
	deliver := func(d string) {
		full.WriteString(d)
		if onDelta != nil {
			onDelta(d)
		}
	}
	err = c.withRetry(ctx, "chat stream", func() bool { return full.Len() == 0 }, func(ctx context.Context) error {
		return c.streamOnce(ctx, req, full.Len, deliver)
	})
	return full.String(), err
}

// streamOnce runs one streamed request under the idle watchdog and the
// per-request deadline. sent reports how many bytes were delivered so far.
func (c *Client) streamOnce(ctx context.Context, req openai.ChatCompletionRequest, sent func() int, deliver func(string)) error {
	sctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	tctx, stopT := context.WithTimeoutCause(sctx, c.cfg.Timeout, errStreamDeadline)
	defer stopT()
	dog := newWatchdog(c.cfg.StreamIdleTimeout, func() { cancel(errStreamIdle) })
	defer dog.stop()

	own := func(err error) error {
		if ctx.Err() != nil {
			return err
		}
		switch {
		case errors.Is(context.Cause(tctx), errStreamIdle):
			return &Error{Kind: Timeout, Err: errStreamIdle,
				Message: fmt.Sprintf("chat stream: no text for %v, abandoned", c.cfg.StreamIdleTimeout)}
		case errors.Is(context.Cause(tctx), errStreamDeadline):
			return &Error{Kind: Timeout, Err: errStreamDeadline,
				Message: fmt.Sprintf("chat stream: still going after %v, abandoned", c.cfg.Timeout)}
		}
		return err
	}

	stream, err := c.stream.CreateChatCompletionStream(tctx, req)
	if err != nil {
		return own(err)
	}
	defer stream.Close()
	toolCalls, text := false, false
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) && tctx.Err() == nil {
			switch {
			case text:
				return nil
			case toolCalls:
				return &Error{Kind: ToolCalls, Message: "chat stream: the reply has only tool calls and no text"}
			}
			return &Error{Kind: Empty, Message: "chat stream: the reply has no text"}
		}
		if err != nil {
			return own(err)
		}
		if tctx.Err() != nil {
			return own(context.Cause(tctx))
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if len(ch.Delta.ToolCalls) > 0 || ch.Delta.FunctionCall != nil {
				toolCalls = true
			}
			d := ch.Delta.Content
			if d == "" {
				continue
			}
			if !dog.kick() {
				return own(context.Cause(tctx))
			}
			if room := c.cfg.MaxReplyBytes - sent(); len(d) > room {
				if cut := runeCut(d, room); cut != "" {
					deliver(cut)
				}
				return &Error{Kind: TooLarge, Message: fmt.Sprintf("chat stream: the reply is longer than %d bytes, cut", c.cfg.MaxReplyBytes)}
			}
			text = text || strings.TrimSpace(d) != ""
			deliver(d)
		}
	}
}

// runeCut returns the longest prefix of s of at most n bytes that ends on
// a rune boundary.
func runeCut(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
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
