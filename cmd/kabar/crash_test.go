package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// TestCrashSafety kills `kabar index` with SIGKILL at many points of its
// run, including while it writes the index file, and checks after each kill
// that the index on disk is a complete one (the previous or the new), that
// `kabar ask` answers or says how to rebuild (never panics, never answers
// empty), and that a completed `kabar index` still holds every document an
// earlier successful run acknowledged.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and indexes a large corpus many times")
	}
	bin := filepath.Join(t.TempDir(), "kabar")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	c := &crashRig{t: t, bin: bin, corpus: t.TempDir(), home: t.TempDir(), rng: rand.New(rand.NewPCG(1, 2))}
	c.pool = seedParagraphs(t)
	for i := range crashArticles {
		c.writeArticle(fmt.Sprintf("artikel-%04d.txt", i))
	}
	// The bundled articles themselves keep the test question answerable.
	seedNames, _ := filepath.Glob("../../seeds/*.txt")
	for _, n := range seedNames {
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(c.corpus, filepath.Base(n)), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	c.lex = lex

	// How long a run takes here decides where the kills land: a full
	// index, and an incremental one after a few articles changed.
	probe := t.TempDir()
	start := time.Now()
	sum := c.indexOK(probe)
	took := map[bool]time.Duration{true: time.Since(start)} // by rebuild
	if sum.docs != c.corpusSize() {
		t.Fatalf("full index holds %d documents, want %d", sum.docs, c.corpusSize())
	}
	c.mutate(100)
	start = time.Now()
	c.indexOK(probe)
	took[false] = time.Since(start)
	t.Logf("corpus: %d articles, %d chunks; full index %v, incremental %v", sum.docs, sum.chunks, took[true], took[false])

	data := t.TempDir()
	var killed, duringWrite int

	// A first run killed half-way: there is no index yet, so ask builds one.
	if c.killAfter(data, false, took[true]/2) {
		killed++
	}
	c.checkDisk(data, nil)
	c.checkAsk(data)
	acked := c.indexOK(data)
	if acked.docs != c.corpusSize() {
		t.Fatalf("index after the first kill holds %d documents, corpus has %d", acked.docs, c.corpusSize())
	}

	// Kills spread over a run, alternating full rebuilds and incremental
	// runs over a corpus that changes between runs.
	// A run that ends before its kill was timed on a slower moment of this
	// shared machine: the kill is tried again, earlier, on a changed
	// corpus, so how many land does not depend on the machine's speed.
	extra := 0
	for i := range crashKills {
		rebuild := i%2 == 0
		delay := took[rebuild] * time.Duration(i+1) / time.Duration(crashKills+1)
		for attempt := range crashKillAttempts {
			ackedIDs := c.corpusIDs()
			round := i
			if attempt > 0 {
				round = crashKills + crashWriteKills + crashDeltaKills + extra
				extra++
			}
			c.mutate(round)
			landed := c.killAfter(data, rebuild, delay)
			c.checkDisk(data, ackedIDs)
			c.checkAsk(data)
			now := c.indexOK(data)
			if now.docs != c.corpusSize() || now.removed != 0 {
				t.Fatalf("kill %d: completed index %+v, want all %d articles and none removed", i, now, c.corpusSize())
			}
			if landed {
				killed++
				break
			}
			delay /= 2
		}
	}

	// Kills timed to the moment the new index file is being written.
	for i := range crashWriteKills {
		ackedIDs := c.corpusIDs()
		c.mutate(crashKills + i)
		if c.killDuringWrite(data) {
			duringWrite++
		}
		c.checkDisk(data, ackedIDs)
		c.checkAsk(data)
		if now := c.indexOK(data); now.docs != c.corpusSize() || now.removed != 0 {
			t.Fatalf("write kill %d: completed index %+v, want all %d articles", i, now, c.corpusSize())
		}
	}
	// Kills timed to an incremental run's writes, which add a delta
	// segment and then a manifest naming it: as the delta starts being
	// written, and the moment it has been renamed into place (before or
	// while the manifest is written).
	var duringDelta, segmented int
	for i := range crashDeltaKills {
		ackedIDs := c.corpusIDs()
		c.mutate(crashKills + crashWriteKills + i)
		when := folderChanged
		if i%2 == 1 {
			when = deltaAppeared
		}
		if c.killWhen(data, false, when) {
			duringDelta++
		}
		c.checkDisk(data, ackedIDs)
		c.checkAsk(data)
		if now := c.indexOK(data); now.docs != c.corpusSize() || now.removed != 0 {
			t.Fatalf("delta kill %d: completed index %+v, want all %d articles", i, now, c.corpusSize())
		}
		if _, err := os.Stat(filepath.Join(data, retrieval.ManifestFile)); err == nil {
			segmented++
		}
	}
	t.Logf("%d of %d timed kills landed mid-run; %d of %d kills landed during the index write; %d of %d during an incremental write (%d runs left a manifest)",
		killed, crashKills+1, duringWrite, crashWriteKills, duringDelta, crashDeltaKills, segmented)
	if duringDelta == 0 {
		t.Error("no kill landed while an incremental run was writing")
	}
	if segmented == 0 {
		t.Error("no incremental run wrote a delta segment and a manifest: the kills did not test them")
	}
	if killed < (crashKills+1)/2 {
		t.Errorf("only %d kills landed while kabar index was running: the corpus is too small to test crashes", killed)
	}
	if duringWrite == 0 {
		t.Error("no kill landed while the index file was being written")
	}
	if stale := c.tempFiles(data); len(stale) > 0 {
		t.Logf("temporary files left by killed writes: %d (they are never read)", len(stale))
	}
}

const (
	crashArticles   = 2000
	crashKills      = 15
	crashWriteKills = 3
	crashDeltaKills = 6
	// crashKillAttempts is how often a timed kill is tried, each time
	// earlier, before a run that always finishes first is let be.
	crashKillAttempts = 3
)

type crashRig struct {
	t      *testing.T
	bin    string
	corpus string
	pool   []string
	rng    *rand.Rand
	lex    *lexicon.Lexicon
	home   string
	added  int
}

type indexSummary struct {
	docs, chunks, added, changed, removed, unchanged int
}

var summaryRE = regexp.MustCompile(`^(\d+) documents, (\d+) chunks \((\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged\)`)

// seedParagraphs returns the bundled articles' longer lines: real sentences
// to recombine into many articles.
func seedParagraphs(t *testing.T) []string {
	names, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("seeds: %v", err)
	}
	var out []string
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if len(line) > 60 {
				out = append(out, strings.TrimSpace(line))
			}
		}
	}
	return out
}

// writeArticle writes a new article of five paragraphs drawn from the pool
// under a unique headline.
func (c *crashRig) writeArticle(name string) {
	var b strings.Builder
	fmt.Fprintf(&b, "Laporan %s tentang Korea Utara dan Rusia\n\n", strings.TrimSuffix(name, ".txt"))
	for _, k := range c.rng.Perm(len(c.pool))[:5] {
		b.WriteString(c.pool[k])
		b.WriteString("\n\n")
	}
	if err := os.WriteFile(filepath.Join(c.corpus, name), []byte(b.String()), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// mutate adds ten articles and edits five, so every run has work to do.
func (c *crashRig) mutate(round int) {
	for range 10 {
		c.writeArticle(fmt.Sprintf("baru-%04d.txt", c.added))
		c.added++
	}
	for k := range 5 {
		name := filepath.Join(c.corpus, fmt.Sprintf("artikel-%04d.txt", (round*5+k)*37%crashArticles))
		f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			c.t.Fatal(err)
		}
		fmt.Fprintf(f, "Pembaruan %d: %s\n", round, c.pool[c.rng.IntN(len(c.pool))])
		f.Close()
	}
}

func (c *crashRig) corpusSize() int {
	entries, err := os.ReadDir(c.corpus)
	if err != nil {
		c.t.Fatal(err)
	}
	return len(entries)
}

func (c *crashRig) command(args ...string) *exec.Cmd {
	cmd := exec.Command(c.bin, args...)
	cmd.Env = []string{"HOME=" + c.home, "PATH=" + os.Getenv("PATH")}
	return cmd
}

// indexOK runs `kabar index` to completion and parses its summary.
func (c *crashRig) indexOK(data string) indexSummary {
	c.t.Helper()
	cmd := c.command("index", "--corpus", c.corpus, "--data", data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		c.t.Fatalf("kabar index: %v\n%s", err, stderr.String())
	}
	m := summaryRE.FindStringSubmatch(stdout.String())
	if m == nil {
		c.t.Fatalf("kabar index printed no summary: %q", stdout.String())
	}
	n := make([]int, 6)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return indexSummary{docs: n[0], chunks: n[1], added: n[2], changed: n[3], removed: n[4], unchanged: n[5]}
}

// killAfter starts `kabar index` and SIGKILLs it after delay; it reports
// whether the process was still running when killed.
func (c *crashRig) killAfter(data string, rebuild bool, delay time.Duration) bool {
	c.t.Helper()
	cmd, stderr := c.startIndex(data, rebuild)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		c.checkExit(err, stderr)
		return false
	case <-time.After(delay):
		cmd.Process.Signal(syscall.SIGKILL)
		return c.checkExit(<-done, stderr)
	}
}

// killDuringWrite starts a full rebuild and SIGKILLs it the moment the
// data folder changes (a new temporary file, or the index file itself
// changing size or time): that is, as the new index starts being written.
// It reports whether the process was still running when killed.
func (c *crashRig) killDuringWrite(data string) bool {
	c.t.Helper()
	return c.killWhen(data, true, folderChanged)
}

// folderChanged and deltaAppeared are moments to kill an indexer at,
// from the data folder's state before the run and now: any change, and a
// delta segment file not there before.
func folderChanged(before, now string) bool { return now != before }

func deltaAppeared(before, now string) bool {
	for _, line := range strings.Split(now, "\n") {
		name, _, _ := strings.Cut(line, " ")
		if strings.HasPrefix(name, "index-delta-") && !strings.Contains(before, name+" ") {
			return true
		}
	}
	return false
}

// killWhen starts `kabar index` (a full rebuild or an incremental run)
// and SIGKILLs it the moment when says so of the data folder's state; it
// reports whether the process was still running when killed.
func (c *crashRig) killWhen(data string, rebuild bool, when func(before, now string) bool) bool {
	c.t.Helper()
	before := folderState(data)
	cmd, stderr := c.startIndex(data, rebuild)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		select {
		case err := <-done:
			c.checkExit(err, stderr)
			return false
		default:
		}
		if when(before, folderState(data)) {
			cmd.Process.Signal(syscall.SIGKILL)
			return c.checkExit(<-done, stderr)
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// folderState summarises the names, sizes and times of a folder's files.
func folderState(dir string) string {
	entries, _ := os.ReadDir(dir)
	var b strings.Builder
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
		}
	}
	return b.String()
}

func (c *crashRig) startIndex(data string, rebuild bool) (*exec.Cmd, *bytes.Buffer) {
	c.t.Helper()
	args := []string{"index", "--corpus", c.corpus, "--data", data}
	if rebuild {
		args = append(args, "--rebuild")
	}
	cmd := c.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	return cmd, &stderr
}

// checkExit reports whether the process died of a signal; it fails the test
// if it panicked or failed on its own.
func (c *crashRig) checkExit(waitErr error, stderr *bytes.Buffer) bool {
	c.t.Helper()
	c.checkNoPanic(stderr)
	if waitErr == nil {
		return false // finished before the kill
	}
	var exit *exec.ExitError
	if errors.As(waitErr, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return true
		}
	}
	c.t.Fatalf("kabar index failed on its own: %v\n%s", waitErr, stderr.String())
	return false
}

func (c *crashRig) checkNoPanic(stderr *bytes.Buffer) {
	c.t.Helper()
	if s := stderr.String(); strings.Contains(s, "panic:") || strings.Contains(s, "goroutine ") {
		c.t.Fatalf("kabar index panicked:\n%s", s)
	}
}

// checkDisk opens the index left on disk, in-process and read-only: it
// must be complete (never corrupt) and hold every acknowledged document.
// With no acknowledged documents a missing index is fine too.
func (c *crashRig) checkDisk(data string, acked map[string]bool) {
	c.t.Helper()
	ix, err := retrieval.Open(context.Background(), retrieval.Options{DataDir: data, Embedder: retrieval.NewLocalEmbedder(), Lexicon: c.lex})
	if acked == nil && errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		c.t.Fatalf("the index left by a killed run cannot be opened: %v", err)
	}
	for id := range acked {
		if _, ok := ix.Document(id); !ok {
			c.t.Fatalf("document %s, acknowledged by an earlier run, is missing after a kill", id)
		}
	}
}

// corpusIDs returns the ids of the corpus's articles: after a completed
// index run that holds every article, the documents it acknowledged.
func (c *crashRig) corpusIDs() map[string]bool {
	c.t.Helper()
	entries, err := os.ReadDir(c.corpus)
	if err != nil {
		c.t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, e := range entries {
		ids[strings.TrimSuffix(e.Name(), ".txt")] = true
	}
	return ids
}

// checkAsk asks the engineers question: a cited answer, or a clear error
// that says how to rebuild; never a panic, never an empty answer.
func (c *crashRig) checkAsk(data string) {
	c.t.Helper()
	cmd := c.command("ask", "--json", "--corpus", c.corpus, "--data", data, cliQuestion)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if s := stderr.String(); strings.Contains(s, "panic:") || strings.Contains(s, "goroutine ") {
		c.t.Fatalf("kabar ask panicked:\n%s", s)
	}
	if err != nil {
		if !strings.Contains(stderr.String(), "--rebuild") {
			c.t.Fatalf("kabar ask failed without saying how to recover: %v\n%s", err, stderr.String())
		}
		return
	}
	var res answer.Result
	dec := json.NewDecoder(&stdout)
	if err := dec.Decode(&res); err != nil {
		c.t.Fatalf("kabar ask printed no JSON: %v\n%s", err, stdout.String())
	}
	if !res.Answered || strings.TrimSpace(res.Answer) == "" || len(res.Citations) == 0 {
		c.t.Fatalf("kabar ask after a kill: %+v, want a cited answer", res)
	}
}

func (c *crashRig) tempFiles(data string) []string {
	entries, _ := os.ReadDir(data)
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}
