package retrieval

import (
	"context"
	"hash/maphash"
	"sort"
	"strings"
)

// corpusCurrent reports that the walk of corpus would find every
// document of prev unchanged and nothing else: the same article paths as
// prev holds, each with the size and non-zero modification time prev
// records, and no other article file but those SkippedFile in dataDir
// records as skipped, each with its size and time (returned, for the
// warnings the walk would give). Anything else (new, changed, gone) is
// left to the walk. Build then serves prev without walking. It answers
// false whenever it cannot be sure (not a DirFS corpus, a folder or file
// it cannot read, a file not regular, ctx ended), and the walk decides.
func corpusCurrent(ctx context.Context, corpus any, prev *segmentSet, dataDir string) (*skipList, bool) {
	dc, ok := corpus.(dirCorpus)
	if !ok || prev == nil || prev.v.nDocs == 0 {
		return nil, false
	}
	skips := readSkipList(dataDir)
	if !scanCurrent(ctx, dc.dir, prev.v, skips) {
		return nil, false
	}
	if skips == nil {
		skips = &skipList{}
	}
	return skips, true
}

// folderDocs is the documents directly in one folder: their rows in
// id order and their file names (views of the index file).
type folderDocs struct {
	rows  []int32
	names []string
}

// load sets d to v's documents directly in folder dir ("" for the root,
// else ending in "/"). Ids are sorted and a path is its id and an
// extension, so a folder's documents lie in the range of ids starting
// with dir; the sub-folders' blocks inside it are skipped by binary
// search, so only dir's own documents are read. It returns false when a
// path does not start with its id's folder (then the walk decides).
func (d *folderDocs) load(v *view, dir string) bool {
	d.rows, d.names = d.rows[:0], d.names[:0]
	lo, hi := prefixRange(v, 0, v.nDocs, dir)
	for r := lo; r < hi; {
		p := v.docStr(r, strPath)
		if !strings.HasPrefix(p, dir) {
			return false
		}
		if k := strings.IndexByte(p[len(dir):], '/'); k >= 0 {
			_, r = prefixRange(v, r, hi, p[:len(dir)+k+1])
			continue
		}
		d.rows, d.names = append(d.rows, int32(r)), append(d.names, p[len(dir):])
		r++
	}
	return true
}

// prefixRange is the rows in [lo, hi) whose ids start with prefix.
func prefixRange(v *view, lo, hi int, prefix string) (int, int) {
	first := lo + sort.Search(hi-lo, func(i int) bool { return v.docID(lo+i) >= prefix })
	end := first + sort.Search(hi-first, func(i int) bool { return !strings.HasPrefix(v.docID(first+i), prefix) })
	return first, end
}

// nameTable finds one folder's documents by file name: open addressing
// over a folderDocs, keyed by a hash of the name, so nothing is
// allocated per document and the lookups stay in the few cache lines of
// that folder's names.
type nameTable struct {
	docs  *folderDocs
	seed  maphash.Seed
	slots []nameSlot
	mask  uint64
}

type nameSlot struct {
	tag uint32 // the hash's high half
	doc uint32 // index in docs + 1; 0 is an empty slot
}

// reset fills the table with docs; false when two have the same name.
func (t *nameTable) reset(docs *folderDocs) bool {
	n := 8
	for n < 2*len(docs.names) {
		n <<= 1
	}
	if cap(t.slots) < n {
		t.slots = make([]nameSlot, n)
		t.seed = maphash.MakeSeed()
	}
	t.slots = t.slots[:n]
	clear(t.slots)
	t.docs, t.mask = docs, uint64(n-1)
	for i, name := range docs.names {
		h := maphash.String(t.seed, name)
		for j := h & t.mask; ; j = (j + 1) & t.mask {
			s := &t.slots[j]
			if s.doc == 0 {
				*s = nameSlot{tag: uint32(h >> 32), doc: uint32(i) + 1}
				break
			}
			if s.tag == uint32(h>>32) && docs.names[s.doc-1] == name {
				return false
			}
		}
	}
	return true
}

// find returns the row of the folder's document called name.
func (t *nameTable) find(name []byte) (int, bool) {
	h := maphash.Bytes(t.seed, name)
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.doc == 0 {
			return 0, false
		}
		if s.tag == uint32(h>>32) && t.docs.names[s.doc-1] == string(name) {
			return int(t.docs.rows[s.doc-1]), true
		}
	}
}

// isArticleName is formatFor(name) != false without a string: the
// extensions compared ASCII-insensitively, and formatFor itself for an
// extension outside ASCII (which strings.ToLower may still fold).
func isArticleName(name []byte) bool {
	dot := -1
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			dot = i
			break
		}
	}
	if dot < 0 {
		return false
	}
	ext := name[dot:]
	var low [len(".markdown")]byte
	if len(ext) > len(low) {
		for _, c := range ext {
			if c >= 0x80 {
				_, ok := formatFor(string(name))
				return ok
			}
		}
		return false
	}
	for i, c := range ext {
		if c >= 0x80 {
			_, ok := formatFor(string(name))
			return ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	switch string(low[:len(ext)]) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// hiddenName is walkArticles' rule: names starting with a dot are skipped.
func hiddenName(name []byte) bool { return len(name) > 0 && name[0] == '.' }
