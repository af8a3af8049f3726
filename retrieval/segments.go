package retrieval

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// segmentSet is an index's files, opened and mapped: the base, and the
// deltas its manifest names. The Index reads them through v: the base's
// own view when there are no deltas, else the chain's, which presents the
// live documents of every segment in id order and their chunks numbered
// as one file built from scratch would number them, so ranks, scores and
// ties are those of a single file.
type segmentSet struct {
	dir     string
	segs    []*loadedSnapshot // the base first, then the deltas in order
	man     *manifest         // nil: the base alone
	manInfo os.FileInfo
	ch      *chain // nil: the base alone
	v       *view
}

// openSegments opens the index in dir. A missing base returns an error
// satisfying errors.Is(err, fs.ErrNotExist); a damaged file, or a manifest
// naming a missing or different segment, ErrCorruptIndex. An indexer
// replacing files meanwhile makes it start again (a few times).
func openSegments(dir string) (*segmentSet, error) {
	for attempt := 0; ; attempt++ {
		base, err := openSnapshot(filepath.Join(dir, SnapshotFile))
		if err != nil {
			return nil, err
		}
		set, err := attachDeltas(dir, base)
		switch {
		case err == nil && !set.replaced():
			return set, nil
		case err == nil:
			set.release()
			err = errIndexChanged
		default:
			base.release()
		}
		if !errors.Is(err, errIndexChanged) {
			return nil, err
		}
		if attempt == 3 {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
	}
}

// errIndexChanged reports an index whose files an indexer replaced while
// they were being opened.
var errIndexChanged = errors.New("the index changed while being opened")

// attachDeltas opens the deltas the manifest names for base. It does not
// release base when it fails.
func attachDeltas(dir string, base *loadedSnapshot) (*segmentSet, error) {
	set := &segmentSet{dir: dir, segs: []*loadedSnapshot{base}, v: &base.view}
	man, info, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	set.manInfo = info
	if man == nil || base.info == nil || man.Base != refOf(base) {
		return set, nil // none, or left by a run that then rewrote the base
	}
	fail := func(err error) (*segmentSet, error) {
		for _, l := range set.segs[1:] {
			l.release()
		}
		return nil, err
	}
	for _, d := range man.Deltas {
		p := filepath.Join(dir, d.Name)
		l, err := openSnapshot(p)
		if errors.Is(err, fs.ErrNotExist) {
			if set.replaced() {
				return fail(errIndexChanged)
			}
			return fail(fmt.Errorf("%w: %s: a segment the manifest names is missing", ErrCorruptIndex, p))
		}
		if err != nil {
			return fail(err)
		}
		set.segs = append(set.segs, l)
		if refOf(l) != d {
			return fail(fmt.Errorf("%w: %s: not the segment the manifest names", ErrCorruptIndex, p))
		}
		if l.embedder != base.embedder {
			return fail(fmt.Errorf("%w: %s: built by another embedder than the base", ErrCorruptIndex, p))
		}
	}
	ch, err := newChain(set.segs, man.Dead)
	if err != nil {
		return fail(fmt.Errorf("%w: %s: %s", ErrCorruptIndex, filepath.Join(dir, ManifestFile), err.Error()))
	}
	set.man, set.ch, set.v = man, ch, &ch.view
	return set, nil
}

// replaced reports whether the base or the manifest is no longer the file
// the set was opened from.
func (s *segmentSet) replaced() bool {
	now, err := os.Stat(filepath.Join(s.dir, SnapshotFile))
	if err != nil || s.segs[0].info == nil || !os.SameFile(now, s.segs[0].info) {
		return true
	}
	m, err := os.Lstat(filepath.Join(s.dir, ManifestFile))
	switch {
	case s.manInfo == nil:
		return err == nil
	case err != nil:
		return true
	}
	return !os.SameFile(m, s.manInfo) || m.ModTime() != s.manInfo.ModTime()
}

func (s *segmentSet) base() *loadedSnapshot { return s.segs[0] }

func (s *segmentSet) release() {
	if s == nil {
		return
	}
	for _, l := range s.segs {
		l.release()
	}
}

// verifyVectors checks every segment's vectors, once each.
func (s *segmentSet) verifyVectors() error {
	if s == nil {
		return nil
	}
	for _, l := range s.segs {
		if err := l.verifyVectors(); err != nil {
			return err
		}
	}
	return nil
}

func (s *segmentSet) verifyAll() error {
	for _, l := range s.segs {
		if err := l.verifyAll(); err != nil {
			return err
		}
	}
	return nil
}

// moveAsideWhenCorrupt sets what damage found on use does: a damaged
// base is moved aside (the next Build rebuilds from the corpus); a
// damaged delta moves the manifest aside, so the index falls back to its
// base, which the next Build brings up to date with the corpus again.
func (s *segmentSet) moveAsideWhenCorrupt(logger *slog.Logger) {
	s.base().moveAsideWhenCorrupt(logger)
	if s.man == nil {
		return
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	manPath := filepath.Join(s.dir, ManifestFile)
	for _, l := range s.segs[1:] {
		l.onCorrupt = func(err error) {
			now, serr := os.Lstat(manPath)
			if serr != nil || !os.SameFile(now, s.manInfo) {
				logger.Error("index segment was corrupt; the index has already been replaced", "error", err.Error())
				return
			}
			aside := fmt.Sprintf("%s.corrupt-%d", manPath, now.ModTime().UnixNano())
			if rerr := os.Rename(manPath, aside); rerr != nil {
				logger.Error("index segment is corrupt; run `kabar index --rebuild` to repair it", "error", err.Error(), "move_aside_error", rerr.Error())
				return
			}
			logger.Error("index segment is corrupt; set its manifest aside, the next `kabar index` brings the base up to date", "error", err.Error(), "moved_to", aside)
		}
	}
}

// vectorRow is chunk c's vector (c numbered as the set's view numbers).
func (s *segmentSet) vectorRow(c int) []float32 {
	l, lc := s.segs[0], c
	if s.ch != nil {
		si, local, _ := s.ch.locate(c)
		l, lc = s.segs[si], local
	}
	dim := l.embedder.Dim
	return l.vectors[lc*dim : (lc+1)*dim : (lc+1)*dim]
}

// chain is the view of several segments as one index.
type chain struct {
	view view // what the Index reads; view.chain points back here
	segs []*loadedSnapshot

	// Global document g is row docRow[g] of segment docSeg[g]; its chunks
	// are docFirst[g]..docFirst[g+1]-1.
	docSeg, docRow []int32
	docFirst       []int32
	// global[s][row] is the global document of segment s's row, -1 when
	// the row is dead (replaced by a later segment, or removed);
	// chunkMap[s][lc] the global number of segment s's chunk lc, -1 dead.
	global   [][]int32
	chunkMap [][]int32
	// deadChunks[s] counts segment s's dead chunks; deadDF[t] the dead
	// chunks holding term t, which the segments' own counts include.
	deadChunks []int
	deadDF     map[uint32]int32
}

// newChain puts segments together, the rows dead[i] of segment i left
// out, and so is a row whose id a later segment holds too.
func newChain(segs []*loadedSnapshot, dead [][]uint32) (*chain, error) {
	c := &chain{segs: segs, global: make([][]int32, len(segs)), deadChunks: make([]int, len(segs)), deadDF: map[uint32]int32{}}
	vocab := uint32(0)
	for i, l := range segs {
		if l.vocabBase != vocab {
			return nil, errors.New("segment vocabularies are not consecutive")
		}
		vocab += uint32(l.nVocab)
		c.global[i] = make([]int32, l.nDocs)
		for _, r := range dead[i] {
			if int(r) >= l.nDocs {
				return nil, errors.New("a dead document is not in its segment")
			}
			c.global[i][r] = -1
		}
	}
	// Merge the segments' live rows by id; a later segment's row wins.
	heads := make([]int, len(segs))
	next := func(s int) {
		for heads[s] < segs[s].nDocs && c.global[s][heads[s]] < 0 {
			heads[s]++
		}
	}
	for s := range segs {
		next(s)
	}
	for {
		best := -1
		var bestID string
		for s := range segs {
			if heads[s] >= segs[s].nDocs {
				continue
			}
			id := segs[s].docID(heads[s])
			switch {
			case best < 0 || id < bestID:
				best, bestID = s, id
			case id == bestID:
				c.global[best][heads[best]] = -1 // replaced by segment s
				heads[best]++
				next(best)
				best = s
			}
		}
		if best < 0 {
			break
		}
		c.global[best][heads[best]] = int32(len(c.docSeg))
		c.docSeg = append(c.docSeg, int32(best))
		c.docRow = append(c.docRow, int32(heads[best]))
		heads[best]++
		next(best)
	}
	// Global chunk numbers and term list ends, in global order.
	c.docFirst = make([]int32, len(c.docSeg)+1)
	nChunks := 0
	for g := range c.docSeg {
		_, n := segs[c.docSeg[g]].docChunks(int(c.docRow[g]))
		c.docFirst[g] = int32(nChunks)
		nChunks += n
	}
	c.docFirst[len(c.docSeg)] = int32(nChunks)
	termEnds := make([]uint32, 0, nChunks)
	c.chunkMap = make([][]int32, len(segs))
	for s, l := range segs {
		c.chunkMap[s] = make([]int32, l.nChunks)
		for i := range c.chunkMap[s] {
			c.chunkMap[s][i] = -1
		}
	}
	total := uint32(0)
	for g := range c.docSeg {
		l := segs[c.docSeg[g]]
		first, n := l.docChunks(int(c.docRow[g]))
		for lc := first; lc < first+n; lc++ {
			c.chunkMap[c.docSeg[g]][lc] = int32(len(termEnds))
			start := uint32(0)
			if lc > 0 {
				start = l.termEnds[lc-1]
			}
			total += l.termEnds[lc] - start
			termEnds = append(termEnds, total)
		}
	}
	// What the dead chunks add to the segments' document frequencies.
	seen := map[uint32]int{}
	stamp := 0
	for s, l := range segs {
		for row, g := range c.global[s] {
			if g >= 0 {
				continue
			}
			first, n := l.docChunks(row)
			c.deadChunks[s] += n
			for lc := first; lc < first+n; lc++ {
				if err := l.checkChunk(lc); err != nil {
					return nil, err
				}
				stamp++
				for _, t := range l.chunkTerms(lc) {
					if seen[t] != stamp {
						seen[t] = stamp
						c.deadDF[t]++
					}
				}
			}
		}
	}
	last := segs[len(segs)-1]
	c.view = view{
		embedder: segs[0].embedder, corpusName: last.corpusName,
		nDocs: len(c.docSeg), nChunks: nChunks, nVocab: int(vocab),
		termEnds: termEnds, chain: c,
		corrupt: func(what string) error { return fmt.Errorf("%w: %s", ErrCorruptIndex, what) },
	}
	return c, nil
}

// locate finds global chunk gc: its segment, its number there, and its
// global document.
func (c *chain) locate(gc int) (seg, local, g int) {
	g = sort.Search(len(c.docSeg), func(i int) bool { return int(c.docFirst[i+1]) > gc })
	seg = int(c.docSeg[g])
	first, _ := c.segs[seg].docChunks(int(c.docRow[g]))
	return seg, first + gc - int(c.docFirst[g]), g
}

// globalChunk numbers segment s's chunk lc globally; false when dead.
func (c *chain) globalChunk(s, lc int) (int, bool) {
	gc := c.chunkMap[s][lc]
	return int(gc), gc >= 0
}

func (c *chain) seg(g int) (*loadedSnapshot, int) { return c.segs[c.docSeg[g]], int(c.docRow[g]) }

func (c *chain) docStr(g, f int) string { l, r := c.seg(g); return l.docStr(r, f) }

func (c *chain) docChunks(g int) (first, n int) {
	return int(c.docFirst[g]), int(c.docFirst[g+1] - c.docFirst[g])
}

func (c *chain) docSize(g int) (int64, int64) { l, r := c.seg(g); return l.docSize(r) }

func (c *chain) decodeDoc(g int) (Document, []Paragraph, error) {
	l, r := c.seg(g)
	return l.decodeDoc(r)
}

func (c *chain) record(g int) (docRecord, error) { l, r := c.seg(g); return l.record(r) }

func (c *chain) chunkDoc(gc int) int32 { _, _, g := c.locate(gc); return int32(g) }

func (c *chain) chunk(gc int) (Chunk, error) {
	s, lc, _ := c.locate(gc)
	return c.segs[s].chunk(lc)
}

func (c *chain) chunkTerms(gc int) []uint32 {
	s, lc, _ := c.locate(gc)
	return c.segs[s].chunkTerms(lc)
}

func (c *chain) checkChunk(gc int) error {
	s, lc, _ := c.locate(gc)
	return c.segs[s].checkChunk(lc)
}

// term is the text of term id, from the segment that added it.
func (c *chain) term(id uint32) string {
	s := sort.Search(len(c.segs), func(i int) bool { return c.segs[i].vocabBase > id }) - 1
	return c.segs[s].term(id)
}

func (c *chain) termID(t string) (uint32, bool) {
	for _, l := range c.segs {
		if id, ok := l.termID(t); ok {
			return id, true
		}
	}
	return 0, false
}

// df counts the live chunks holding term id, in every segment.
func (c *chain) df(id uint32) int {
	n := 0
	for _, l := range c.segs {
		n += l.df(id)
	}
	return n - int(c.deadDF[id])
}

// termPostings returns term id's live postings of every segment, chunks
// numbered globally, in chunk order (a new slice): one pass merging the
// segments' lists, each already in global order.
func (c *chain) termPostings(id uint32) ([]posting, error) {
	lists := make([][]posting, len(c.segs))
	total := 0
	for s, l := range c.segs {
		pl, err := l.termPostings(id)
		if err != nil {
			return nil, err
		}
		lists[s] = pl
		total += len(pl)
	}
	if total == 0 {
		return nil, nil
	}
	out := make([]posting, 0, total)
	// head[s] is segment s's next live posting, numbered globally.
	head := make([]posting, len(c.segs))
	advance := func(s int) bool {
		m := c.chunkMap[s]
		for len(lists[s]) > 0 {
			p := lists[s][0]
			lists[s] = lists[s][1:]
			if gc := m[p.chunk]; gc >= 0 {
				head[s] = posting{chunk: uint32(gc), tf: p.tf}
				return true
			}
		}
		return false
	}
	live := make([]int, 0, len(c.segs))
	for s := range c.segs {
		if advance(s) {
			live = append(live, s)
		}
	}
	for len(live) > 1 {
		best := 0
		for i := 1; i < len(live); i++ {
			if head[live[i]].chunk < head[live[best]].chunk {
				best = i
			}
		}
		s := live[best]
		out = append(out, head[s])
		if !advance(s) {
			live = slices.Delete(live, best, best+1)
		}
	}
	if len(live) == 1 {
		s := live[0]
		out = append(out, head[s])
		m := c.chunkMap[s]
		for _, p := range lists[s] {
			if gc := m[p.chunk]; gc >= 0 {
				out = append(out, posting{chunk: uint32(gc), tf: p.tf})
			}
		}
	}
	return out, nil
}

// vectorTop returns the k chunks whose vectors score highest against q,
// best first, ties to the lower global chunk: each segment's top k live
// chunks, numbered globally, merged by the scan's own order. A segment's
// order among its chunks is the global one, so its first k live chunks in
// its top k' are its top k live chunks. k' leaves room for the dead chunks
// a segment's top is expected to hold (several times their share, and
// some); should more turn up, the segment is scanned again with room for
// every dead chunk it has.
func (c *chain) vectorTop(dst []scored, q []float32, k, workers int) []scored {
	var all []scored
	for s, l := range c.segs {
		f := flatVectors{dim: l.embedder.Dim, data: l.vectors}
		dead := c.deadChunks[s]
		room := 0
		if dead > 0 {
			room = min(dead, 16+4*k*dead/max(l.nChunks, 1))
		}
		for {
			live := 0
			for _, h := range f.searchInto(nil, q, k+room, workers) {
				if gc, ok := c.globalChunk(s, h.idx); ok && live < k {
					all = append(all, scored{idx: gc, score: h.score})
					live++
				}
			}
			if live >= k || room >= dead || live >= l.nChunks-dead {
				break
			}
			all = all[:len(all)-live] // too many dead in the top: again, exactly
			room = dead
		}
	}
	slices.SortFunc(all, compareScored)
	return append(dst, all[:min(k, len(all))]...)
}
