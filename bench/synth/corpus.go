package synth

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// completeMarker is written last into a finished cached corpus. Its name
// starts with a dot, so Kabar's corpus walker never reads it.
const completeMarker = ".complete"

// Write writes articles [0, n) into dir (created if missing), spreading the
// work over GOMAXPROCS goroutines. progress, which may be nil, is called
// from the writing goroutines with the count of articles written so far.
func (g *Generator) Write(ctx context.Context, dir string, n int, progress func(done int)) error {
	for d := 0; d*filesPerDir < n; d++ {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(filepath.FromSlash(g.ArticleName(d*filesPerDir)))), 0o755); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	workers := runtime.GOMAXPROCS(0)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		done     int
	)
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := g.Article(i)
				err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(a.Name)), []byte(a.Text), 0o644)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("write corpus: %w", err)
				}
				done++
				if progress != nil && (done%1000 == 0 || done == n) {
					progress(done)
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// CacheDir is where Cached keeps the corpus of n articles of seed.
func CacheDir(seed uint64, n int) string {
	return filepath.Join(os.TempDir(), "kabar-bench", fmt.Sprintf("corpus-s%d-n%d", seed, n))
}

// Cached returns a directory holding articles [0, n) of seed, generating it
// under os.TempDir the first time, so repeated benchmark runs (and
// concurrent ones) share one copy. The files must be treated as read-only.
func Cached(ctx context.Context, seed uint64, n int) (string, error) {
	dir := CacheDir(seed, n)
	if _, err := os.Stat(filepath.Join(dir, completeMarker)); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", fmt.Errorf("cache corpus: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("cache corpus: %w", err)
	}
	defer os.RemoveAll(tmp) // no-op once renamed
	if err := New(seed).Write(ctx, tmp, n, nil); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, completeMarker), nil, 0o644); err != nil {
		return "", fmt.Errorf("cache corpus: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another process may have finished the same corpus first.
		if _, serr := os.Stat(filepath.Join(dir, completeMarker)); serr == nil {
			return dir, nil
		}
		return "", fmt.Errorf("cache corpus: %w", err)
	}
	return dir, nil
}

// Mutate rewrites a fraction of the n articles in dir with revision round
// (round ≥ 1) — the same articles for the same round — and returns their
// names. At least one article changes.
func (g *Generator) Mutate(dir string, n int, fraction float64, round int) ([]string, error) {
	if round < 1 {
		return nil, errors.New("mutate: round must be at least 1")
	}
	k := max(1, int(math.Round(fraction*float64(n))))
	r := rand.New(rand.NewPCG(g.seed^0xc4a9_6e, uint64(round)))
	picked := r.Perm(n)[:min(k, n)]
	names := make([]string, 0, len(picked))
	for _, i := range picked {
		a := g.Revision(i, round)
		p := filepath.Join(dir, filepath.FromSlash(a.Name))
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("mutate: %s is not in the corpus: %w", a.Name, err)
		}
		if err := os.WriteFile(p, []byte(a.Text), 0o644); err != nil {
			return nil, fmt.Errorf("mutate: %w", err)
		}
		names = append(names, a.Name)
	}
	return names, nil
}
