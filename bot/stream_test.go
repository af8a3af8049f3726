package bot

import (
	"context"
	"testing"
	"time"
)

func TestStreamerEditsAtMostOncePerInterval(t *testing.T) {
	t.Parallel()
	edits := make(chan string, 16)
	st := newStreamer(t.Context(), time.Hour, func(_ context.Context, text string) error {
		edits <- text
		return nil
	})
	st.partial("a")
	if got := <-edits; got != "a" {
		t.Fatalf("first edit %q", got)
	}
	// Within the interval, later partials only replace the pending text.
	st.partial("ab")
	st.partial("abc")
	st.close()
	if n := len(edits); n != 0 {
		t.Fatalf("%d extra edits within the interval", n)
	}
}

func TestStreamerShowsTheLatestText(t *testing.T) {
	t.Parallel()
	edits := make(chan string, 16)
	st := newStreamer(t.Context(), time.Millisecond, func(_ context.Context, text string) error {
		edits <- text
		return nil
	})
	defer st.close()
	st.partial("a")
	<-edits
	st.partial("ab")
	st.partial("abc")
	for got := <-edits; got != "abc"; got = <-edits {
		if got != "ab" {
			t.Fatalf("edit %q is neither pending text", got)
		}
	}
}
