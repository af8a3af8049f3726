package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/kabar-bot/kabar/retrieval"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	rebuild := fs.Bool("rebuild", false, "discard the existing index and re-embed everything (repairs a corrupt index)")
	withFeeds := fs.Bool("feeds", false, "first poll the configured feeds once, writing new items into the corpus folder")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar index [flags]\n\nBrings the index up to date with the corpus: new and changed articles are embedded, removed ones dropped.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("index takes no arguments (got %q); use --corpus DIR", pos[0])
	}
	e, err := loadEnv(c, stderr, getenv)
	if err != nil {
		return err
	}
	if getenv("GOGC") == "" {
		// Indexing is a batch job whose live heap is mostly the vectors:
		// collecting more often cut the peak of a 100k-article build from
		// 12.6 to 8.6 GB at the same speed (docs/performance.md).
		debug.SetGCPercent(25)
	}
	if *withFeeds {
		if len(e.cfg.Feeds.URLs) == 0 {
			return usagef("--feeds: no feeds are configured (feeds.urls in the config file)")
		}
		p, err := e.feedPoller()
		if err != nil {
			return err
		}
		res := p.Poll(ctx)
		fmt.Fprintf(stderr, "feeds: %d new articles, %d feeds not modified, %d feeds and %d pages failed (see the log)\n",
			len(res.Written), res.NotModified, res.FeedErrors, res.PageErrors)
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "indexing %s into %s\n", e.corpusID, e.dataDir)
	bar := newProgressBar(stderr)
	_, st, err := e.openIndex(ctx, *rebuild, bar.update, func(s retrieval.Skipped) {
		bar.clear()
		fmt.Fprintf(stderr, "warning: skipped %s: %s\n", s.Path, s.Reason)
	})
	bar.clear()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d documents, %d chunks (%d added, %d changed, %d removed, %d unchanged), %d files skipped, %d chunks embedded, in %s\n",
		st.Documents, st.Chunks, st.Added, st.Changed, st.Removed, st.Unchanged, st.Skipped, st.Embedded, st.Took.Round(time.Millisecond))
	return nil
}

// progressBar redraws one status line on a terminal, at most every 100 ms;
// elsewhere (a log file, CI) it prints a plain line every 10%.
type progressBar struct {
	w        io.Writer
	terminal bool
	last     time.Time
	phase    string
	lastTen  int
	shown    bool
}

func newProgressBar(w io.Writer) *progressBar {
	p := &progressBar{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progressBar) update(pr retrieval.Progress) {
	if pr.Total < 50 {
		return
	}
	if pr.Phase != p.phase {
		p.phase, p.lastTen = pr.Phase, 0
	}
	unit := "documents"
	if pr.Phase == "embedding" {
		unit = "chunks"
	}
	if !p.terminal {
		if ten := 10 * pr.Done / pr.Total; ten > p.lastTen {
			p.lastTen = ten
			fmt.Fprintf(p.w, "%s: %d/%d %s\n", pr.Phase, pr.Done, pr.Total, unit)
		}
		return
	}
	if time.Since(p.last) < 100*time.Millisecond && pr.Done != pr.Total {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width * pr.Done / pr.Total
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r%-9s [%s] %d/%d %s", pr.Phase, bar, pr.Done, pr.Total, unit)
	p.shown = true
}

func (p *progressBar) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
