package main

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/feeds"
	"github.com/kabar-bot/kabar/live"
	"github.com/kabar-bot/kabar/retrieval"
)

// liveCoverage is what kabar serve answers from: the index, kept current
// with the corpus folder (live.Updater) and the configured feeds.
type liveCoverage struct {
	corpus   *live.Corpus
	updater  *live.Updater // nil for the bundled articles, which never change
	poller   *feeds.Poller // nil without feeds
	interval time.Duration
}

// openLive loads the index and prepares what keeps it current.
func (e *env) openLive(ctx context.Context) (*liveCoverage, error) {
	ix, st, err := e.openIndex(ctx, false, nil, func(retrieval.Skipped) {})
	if err != nil {
		return nil, err
	}
	e.logger.Info("index loaded", "documents", st.Documents, "chunks", st.Chunks, "embedder", ix.Embedder().Name)
	svc, err := e.service(ix)
	if err != nil {
		return nil, err
	}
	e.warmStories(ctx, svc)
	lc := &liveCoverage{corpus: live.NewCorpus(ix, svc, time.Now()), interval: e.cfg.Feeds.Interval.D()}
	if dir := e.corpusDir(); dir != "" {
		lc.updater = &live.Updater{
			Ignore: e.dataDir,
			Build:  e.rebuildIndex,
			Service: func(ix *retrieval.Index) (live.Service, error) {
				svc, err := e.service(ix)
				if err == nil {
					e.warmStories(ctx, svc)
				}
				return svc, err
			},
			Corpus: lc.corpus,
			Rescan: e.cfg.Live.Rescan.D(),
			Logger: e.logger.With("component", "live"),
		}
		if e.cfg.Live.Watch {
			lc.updater.Dir = dir
		}
	}
	if len(e.cfg.Feeds.URLs) > 0 {
		if lc.poller, err = e.feedPoller(); err != nil {
			return nil, err
		}
	}
	return lc, nil
}

// warmStories tells the whole-coverage story of svc's index in the
// background (answer.Storyteller.Warm): the bot is ready without waiting,
// and the first /summary finds it told. At 10,000 articles the timeline
// takes seconds to build; a service replaced by a newer generation
// before it finishes simply finishes for nothing.
func (e *env) warmStories(ctx context.Context, svc *answer.Service) {
	go func() {
		start := time.Now()
		if err := svc.Storyteller().Warm(ctx); err != nil {
			if ctx.Err() == nil {
				e.logger.Warn("summary precompute failed", "err", err)
			}
			return
		}
		e.logger.Info("summary precomputed", "took_ms", time.Since(start).Milliseconds())
	}()
}

// serve runs run (the bot) with the updater and the feed poller beside
// it, and stops them when it returns.
func (lc *liveCoverage) serve(ctx context.Context, run func(context.Context) error) error {
	bg, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	if lc.updater != nil {
		wg.Go(func() { _ = lc.updater.Run(bg) })
	}
	if lc.poller != nil {
		wg.Go(func() {
			lc.poller.Run(bg, lc.interval, func([]string) {
				if lc.updater != nil {
					lc.updater.Trigger()
				}
			})
		})
	}
	err := run(ctx)
	stop()
	wg.Wait()
	return err
}

// corpusDir is the corpus folder, or "" for the bundled articles.
func (e *env) corpusDir() string {
	if e.cfg.Corpus == "" {
		return ""
	}
	return e.corpusID
}

// rebuildIndex brings the index up to date with the corpus for the
// updater: like openIndex, but a corpus left without articles is served
// as such (every question declined) rather than refused, and skipped
// files, already reported, are not reported on every re-index.
func (e *env) rebuildIndex(ctx context.Context) (*retrieval.Index, retrieval.Stats, error) {
	opts := retrieval.Options{
		Corpus: e.corpus, CorpusName: e.corpusID, DataDir: e.dataDir, Embedder: e.embedder, Lexicon: e.lex,
		Logger: e.logger, Warn: func(s retrieval.Skipped) { e.logger.Debug("skipped corpus file", "path", s.Path, "reason", s.Reason) },
		DeferMerge: true, // merged below, off the re-index's path
	}
	ix, st, err := retrieval.Build(ctx, opts)
	if errors.Is(err, retrieval.ErrCorruptIndex) {
		e.logger.Warn("the index cannot be used (damaged, or from another Kabar version); rebuilding it from the corpus", "data", e.dataDir, "error", err.Error())
		opts.Rebuild = true
		ix, st, err = retrieval.Build(ctx, opts)
	}
	if err == nil && st.MergeDue {
		go e.compactIndex(ctx, opts)
	}
	return ix, st, err
}

// compactIndex merges the index's segments into one file in the
// background (retrieval.Compact, which holds the index's lock, so a
// re-index meanwhile waits and a second merge finds nothing to do); the
// next re-index serves the merged file. A shutdown during the merge is a
// kill the index survives.
func (e *env) compactIndex(ctx context.Context, opts retrieval.Options) {
	start := time.Now()
	if err := retrieval.Compact(ctx, opts); err != nil {
		if ctx.Err() == nil {
			e.logger.Warn("merging the index's segments failed; a later re-index tries again", "data", e.dataDir, "error", err.Error())
		}
		return
	}
	e.logger.Debug("index segments merged", "data", e.dataDir, "took_ms", time.Since(start).Milliseconds())
}

// feedPoller follows the configured feeds into the corpus folder.
func (e *env) feedPoller() (*feeds.Poller, error) {
	dir := e.corpusDir()
	if dir == "" {
		return nil, usagef("feeds need a corpus folder to write articles into: set corpus in the config or pass --corpus DIR")
	}
	f := e.cfg.Feeds
	p, err := feeds.New(feeds.Options{
		URLs: f.URLs, CorpusDir: dir, Folder: f.Folder, StateFile: filepath.Join(e.dataDir, "feeds.json"),
		Timeout: f.Timeout.D(), MaxFeedBytes: f.MaxFeedBytes, MaxPageBytes: f.MaxPageBytes,
		UserAgent: "Kabar/" + version() + " (+https://github.com/kabar-bot/kabar)", Logger: e.logger,
	})
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return p, nil
}
