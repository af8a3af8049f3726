package retrieval

import "sort"

// scored is a chunk index with a score.
type scored struct {
	idx   int
	score float32
}

// topK keeps the k highest scores in a bounded min-heap, the worst kept
// score at the root. The heap is written out rather than driven through
// container/heap, whose interface boxed every pushed value.
type topK struct {
	k int
	h []scored
}

func newTopK(k int) *topK { return &topK{k: k, h: make([]scored, 0, max(k, 0))} }

func (t *topK) push(s scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		t.up(len(t.h) - 1)
		return
	}
	if t.k > 0 && better(s, t.h[0]) {
		t.h[0] = s
		t.down(0)
	}
}

// up restores the heap after an append at i.
func (t *topK) up(i int) {
	h := t.h
	for i > 0 {
		parent := (i - 1) / 2
		if !better(h[parent], h[i]) {
			break
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
}

// down restores the heap after the root was replaced.
func (t *topK) down(i int) {
	h := t.h
	for {
		worst := i
		if l := 2*i + 1; l < len(h) && better(h[worst], h[l]) {
			worst = l
		}
		if r := 2*i + 2; r < len(h) && better(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// sorted returns the kept scores, best first; ties go to the lower index so
// results are deterministic.
func (t *topK) sorted() []scored {
	out := append([]scored(nil), t.h...)
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j]) })
	return out
}

func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.idx < b.idx
}
