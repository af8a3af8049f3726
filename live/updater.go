package live

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/kabar-bot/kabar/retrieval"
)

// Updater keeps a Corpus current with a corpus folder.
type Updater struct {
	// Dir is the corpus folder, watched recursively (hidden folders are
	// not articles and are not watched). Empty: nothing is watched and
	// only Rescan and Trigger re-index.
	Dir string
	// Ignore is a folder whose changes are not the corpus's (the data
	// directory, when it sits inside the corpus folder). May be empty.
	Ignore string
	// Build brings the index up to date with the corpus (retrieval.Build
	// over the serving options: incremental, unchanged articles are not
	// re-embedded).
	Build func(ctx context.Context) (*retrieval.Index, retrieval.Stats, error)
	// Service builds the answering service over a new index.
	Service func(*retrieval.Index) (Service, error)
	Corpus  *Corpus
	// Rescan re-indexes on this interval whatever the watcher saw, as a
	// safety net for changes it cannot see (network filesystems, a full
	// event queue). 0: never.
	Rescan time.Duration
	// Debounce gathers the events of one change (an editor's save, a copy
	// of many files) into one re-index: it starts after the first event
	// and re-indexing begins when it ends. 0: 300 ms.
	Debounce time.Duration
	Logger   *slog.Logger

	once    sync.Once
	trigger chan struct{}
}

func (u *Updater) init() {
	u.once.Do(func() {
		u.trigger = make(chan struct{}, 1)
		if u.Logger == nil {
			u.Logger = slog.New(slog.DiscardHandler)
		}
		if u.Debounce <= 0 {
			u.Debounce = 300 * time.Millisecond
		}
	})
}

// Trigger asks for a re-index soon (after the debounce window), e.g. once
// feeds wrote new articles. It never blocks.
func (u *Updater) Trigger() {
	u.init()
	select {
	case u.trigger <- struct{}{}:
	default:
	}
}

// Run watches and re-indexes until ctx ends. A folder that cannot be
// watched leaves the periodic rescan; a failed re-index is logged and
// the current generation goes on serving.
func (u *Updater) Run(ctx context.Context) error {
	u.init()
	var events <-chan fsnotify.Event
	var werrs <-chan error
	var w *fsnotify.Watcher
	if u.Dir != "" {
		var err error
		w, err = fsnotify.NewBufferedWatcher(1024)
		if err != nil {
			u.Logger.Warn("cannot watch the corpus folder; new articles are picked up by the periodic rescan only",
				"corpus", u.Dir, "rescan", u.Rescan.String(), "error", err.Error())
		} else {
			defer w.Close()
			u.watchTree(w, u.Dir)
			events, werrs = w.Events, w.Errors
		}
	}
	var rescan <-chan time.Time
	if u.Rescan > 0 {
		t := time.NewTicker(u.Rescan)
		defer t.Stop()
		rescan = t.C
	}

	// One worker re-indexes; requests arriving while it works are folded
	// into one more run after it.
	work := make(chan struct{}, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-work:
				u.refresh(ctx)
			}
		}
	}()
	defer wg.Wait()

	var window *time.Timer
	var windowEnd <-chan time.Time
	arm := func() {
		if windowEnd == nil {
			window = time.NewTimer(u.Debounce)
			windowEnd = window.C
		}
	}
	defer func() {
		if window != nil {
			window.Stop()
		}
	}()
	// Changes made between the index being built and the watches being in
	// place raised no event: look once now.
	arm()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if !u.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					u.watchTree(w, ev.Name)
				}
			}
			arm()
		case err, ok := <-werrs:
			if !ok {
				werrs = nil
				continue
			}
			// Typically a full event queue: events were lost, so look at
			// the whole corpus.
			u.Logger.Warn("corpus watcher", "error", err.Error())
			arm()
		case <-u.trigger:
			arm()
		case <-rescan:
			arm()
		case <-windowEnd:
			windowEnd = nil
			select {
			case work <- struct{}{}:
			default: // a run is already queued; it will see this change
			}
		}
	}
}

// watchTree adds dir and its folders (not hidden ones, not Ignore) to w.
func (u *Updater) watchTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || u.ignored(p)) {
			return fs.SkipDir
		}
		if err := w.Add(p); err != nil {
			u.Logger.Warn("cannot watch a corpus folder; its changes are picked up by the periodic rescan",
				"folder", p, "error", err.Error())
		}
		return nil
	})
}

// relevant reports whether a change at path p can change the index:
// hidden files and folders (editor swap files, the feed writer's
// temporary files) and files that are not articles cannot. A name
// without an extension may be a folder and counts.
func (u *Updater) relevant(p string) bool {
	if u.ignored(p) {
		return false
	}
	rel, err := filepath.Rel(u.Dir, p)
	if err != nil {
		return true
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return false
		}
	}
	switch strings.ToLower(filepath.Ext(p)) {
	case "", ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

func (u *Updater) ignored(p string) bool {
	if u.Ignore == "" {
		return false
	}
	rel, err := filepath.Rel(u.Ignore, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// refresh re-indexes and swaps the result in when the articles changed.
func (u *Updater) refresh(ctx context.Context) {
	cur := u.Corpus.Current()
	ix, st, err := u.Build(ctx)
	if err != nil {
		if ctx.Err() == nil {
			u.Logger.Warn("re-indexing the corpus failed; still serving the previous index",
				"generation", cur.N, "error", err.Error())
		}
		return
	}
	if Fingerprint(ix) == Fingerprint(cur.Index) {
		u.Logger.Debug("corpus unchanged", "generation", cur.N)
		return
	}
	svc, err := u.Service(ix)
	if err != nil {
		u.Logger.Warn("could not build the answering service over the new index; still serving the previous index",
			"generation", cur.N, "error", err.Error())
		return
	}
	g := u.Corpus.Swap(ix, svc, time.Now())
	u.Logger.Info("index updated", "generation", g.N, "documents", st.Documents, "chunks", st.Chunks,
		"added", st.Added, "changed", st.Changed, "removed", st.Removed, "took_ms", st.Took.Milliseconds())
	if st.Documents == 0 {
		u.Logger.Warn("the corpus folder has no readable articles now: every question will be declined until articles are back", "corpus", u.Dir)
	}
}

// Fingerprint identifies an index's articles by id and content hash: two
// indexes with the same fingerprint answer alike.
func Fingerprint(ix *retrieval.Index) string {
	if ix == nil {
		return ""
	}
	h := sha256.New()
	for _, d := range ix.DocumentHashes() { // Documents' ids and hashes, without decoding them
		h.Write([]byte(d.ID + "\x00" + d.Hash + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}
