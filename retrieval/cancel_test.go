package retrieval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countdownCtx is a context that ends after its Err has been asked a
// number of times: it cancels extraction at each of its checkpoints in
// turn, deterministically, without any clock.
type countdownCtx struct {
	context.Context
	left atomic.Int64
}

func newCountdown(calls int64) *countdownCtx {
	c := &countdownCtx{Context: context.Background()}
	c.left.Store(calls)
	return c
}

func (c *countdownCtx) Err() error {
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// checks counts how often parsing raw looks at its context.
func checks(t *testing.T, path string, raw []byte) int64 {
	t.Helper()
	c := newCountdown(1 << 40)
	if _, err := ParseDocumentContext(c, path, raw); err != nil {
		t.Fatal(err)
	}
	return 1<<40 - c.left.Load()
}

func TestParseDocumentContextCancelled(t *testing.T) {
	t.Parallel()
	page := bigPage("menu", 256<<10)
	total := checks(t, "news/big.html", page)
	if total < 4 {
		t.Fatalf("extraction looked at its context %d times; want a look between steps and within long loops", total)
	}
	cancel := func() context.Context { ctx, stop := context.WithCancel(context.Background()); stop(); return ctx }
	expired, stop := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer stop()
	tests := []struct {
		name string
		ctx  context.Context
		raw  []byte
		path string
		want error
	}{
		{"cancelled before", cancel(), page, "news/big.html", context.Canceled},
		{"deadline passed", expired, page, "news/big.html", context.DeadlineExceeded},
		{"cancelled text file", cancel(), []byte("Kim bertemu Lavrov."), "a/b.txt", context.Canceled},
		{"cancelled at first check inside", newCountdown(1), page, "news/big.html", context.Canceled},
		{"cancelled midway", newCountdown(total / 2), page, "news/big.html", context.Canceled},
		{"cancelled at last check", newCountdown(total - 1), page, "news/big.html", context.Canceled},
		{"not cancelled", newCountdown(total), page, "news/big.html", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDocumentContext(tt.ctx, tt.path, tt.raw)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if _, isProblem := errors.AsType[*fileProblem](err); isProblem {
				t.Errorf("err = %v: a cancelled parse must not blame the file", err)
			}
		})
	}
}

func TestParseDocumentTooLarge(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"big.html", "big.txt", "big.md"} {
		raw := []byte("<p>" + strings.Repeat("Kim bertemu Lavrov. ", MaxFileBytes/20+1) + "</p>")
		_, err := ParseDocument("a/"+name, raw)
		if !errors.Is(err, ErrTooLarge) || skipReason(err) != "larger than 4 MiB" {
			t.Errorf("%s of %d bytes: err = %v (reason %q), want ErrTooLarge, \"larger than 4 MiB\"", name, len(raw), err, skipReason(err))
		}
	}
}

// TestLoadCorpusCancelledMidPage: a load cancelled while a page is being
// extracted ends with the context's error and does not report the page as
// a bad file.
func TestLoadCorpusCancelledMidPage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := bigPage("share", 256<<10)
	if err := os.WriteFile(filepath.Join(dir, "big.html"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	inParse := checks(t, "big.html", page)
	counter := newCountdown(1 << 40)
	if _, err := LoadCorpus(counter, os.DirFS(dir), nil); err != nil {
		t.Fatal(err)
	}
	total := 1<<40 - counter.left.Load()
	var warned []Skipped
	// The walk looks at the context before the page is parsed; cancel
	// halfway through the page's own looks.
	ctx := newCountdown(total - inParse + inParse/2)
	_, err := LoadCorpus(ctx, os.DirFS(dir), func(s Skipped) { warned = append(warned, s) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(warned) != 0 {
		t.Errorf("warnings %v: a cancelled load must not skip the page as bad", warned)
	}
}
