package retrieval

import (
	"context"
	"hash/maphash"
	"sort"
	"strings"
)

// corpusCurrent reports that the walk of opts.Corpus would find every
// document of v unchanged and nothing else: the same article paths as v
// holds, each with the size and non-zero modification time v records,
// and no article file v does not hold (new, or skipped by every walk:
// both are left to the walk). Build then serves v without walking. It
// answers false whenever it cannot be sure (not a DirFS corpus, a folder
// or file it cannot read, a file not regular, ctx ended), and the walk
// decides.
func corpusCurrent(ctx context.Context, corpus any, v *view) bool {
	dc, ok := corpus.(dirCorpus)
	if !ok || v == nil || v.nDocs == 0 {
		return false
	}
	return scanCurrent(ctx, dc.dir, v)
}

// dirRows appends to rows the rows of v's documents directly in folder
// dir ("" for the root, else ending in "/"), in id order. Ids are sorted
// and a path is its id and an extension, so a folder's documents lie in
// the range of ids starting with dir; the sub-folders' blocks inside it
// are skipped by binary search, so only dir's own documents are read. It
// returns false when a path does not start with its id's folder (then
// the walk decides).
func dirRows(v *view, dir string, rows []int32) ([]int32, bool) {
	lo, hi := prefixRange(v, 0, v.nDocs, dir)
	for r := lo; r < hi; {
		p := v.docStr(r, strPath)
		if !strings.HasPrefix(p, dir) {
			return rows, false
		}
		if k := strings.IndexByte(p[len(dir):], '/'); k >= 0 {
			_, r = prefixRange(v, r, hi, p[:len(dir)+k+1])
			continue
		}
		rows = append(rows, int32(r))
		r++
	}
	return rows, true
}

// prefixRange is the rows in [lo, hi) whose ids start with prefix.
func prefixRange(v *view, lo, hi int, prefix string) (int, int) {
	first := lo + sort.Search(hi-lo, func(i int) bool { return v.docID(lo+i) >= prefix })
	end := first + sort.Search(hi-first, func(i int) bool { return !strings.HasPrefix(v.docID(first+i), prefix) })
	return first, end
}

// nameTable finds one folder's documents by file name: open addressing
// over their rows, keyed by a hash of the name within the path (a view of
// the index file), so nothing is allocated per document and the lookups
// stay in the few cache lines of that folder's rows.
type nameTable struct {
	v      *view
	dirLen int
	seed   maphash.Seed
	slots  []nameSlot
	mask   uint64
}

type nameSlot struct {
	tag uint32 // the hash's high half
	row uint32 // document row + 1; 0 is an empty slot
}

// reset fills the table with rows, documents of the folder whose path
// is dirLen bytes long; false when two have the same path.
func (t *nameTable) reset(v *view, dirLen int, rows []int32) bool {
	n := 8
	for n < 2*len(rows) {
		n <<= 1
	}
	if cap(t.slots) < n {
		t.slots = make([]nameSlot, n)
		t.seed = maphash.MakeSeed()
	}
	t.slots = t.slots[:n]
	clear(t.slots)
	t.v, t.dirLen, t.mask = v, dirLen, uint64(n-1)
	for _, r := range rows {
		name := v.docStr(int(r), strPath)[dirLen:]
		h := maphash.String(t.seed, name)
		for j := h & t.mask; ; j = (j + 1) & t.mask {
			s := &t.slots[j]
			if s.row == 0 {
				*s = nameSlot{tag: uint32(h >> 32), row: uint32(r) + 1}
				break
			}
			if s.tag == uint32(h>>32) && v.docStr(int(s.row-1), strPath)[dirLen:] == name {
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
		if s.row == 0 {
			return 0, false
		}
		if s.tag == uint32(h>>32) && t.v.docStr(int(s.row-1), strPath)[t.dirLen:] == string(name) {
			return int(s.row - 1), true
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
