package retrieval

import (
	"context"
	"hash/maphash"
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
	t, ok := newPathTable(v)
	if !ok {
		return false
	}
	return scanCurrent(ctx, dc.dir, t)
}

// pathTable finds the previous index's documents by path: open
// addressing over the document rows, keyed by a hash of each path (a view
// of the index file), so no string or map entry is made per document.
type pathTable struct {
	v     *view
	seed  maphash.Seed
	slots []pathSlot
	mask  uint64
}

type pathSlot struct {
	tag uint32 // the hash's high half; 0 with row 0 is empty
	row uint32 // document row + 1
}

func newPathTable(v *view) (*pathTable, bool) {
	n := 1
	for n < 2*v.nDocs {
		n <<= 1
	}
	t := &pathTable{v: v, seed: maphash.MakeSeed(), slots: make([]pathSlot, n), mask: uint64(n - 1)}
	for i := range v.nDocs {
		p := v.docStr(i, strPath)
		h := maphash.String(t.seed, p)
		for j := h & t.mask; ; j = (j + 1) & t.mask {
			s := &t.slots[j]
			if s.row == 0 {
				*s = pathSlot{tag: uint32(h >> 32), row: uint32(i + 1)}
				break
			}
			if s.tag == uint32(h>>32) && v.docStr(int(s.row-1), strPath) == p {
				return nil, false // two documents with one path: let the walk judge
			}
		}
	}
	return t, true
}

// find returns the row of the document whose path is key.
func (t *pathTable) find(key []byte) (int, bool) {
	h := maphash.Bytes(t.seed, key)
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.row == 0 {
			return 0, false
		}
		if s.tag == uint32(h>>32) && t.v.docStr(int(s.row-1), strPath) == string(key) {
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
