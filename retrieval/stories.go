package retrieval

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// Near-duplicate documents are one story told once: a wire report
// re-published by several outlets, or a page and its translations. They
// must count as one source for corroboration and disagreement, or five
// copies of one claim look like five reports, and a translation's "5 日"
// looks like a disagreement with the original's "5 days".

const (
	shingleWords = 5 // words per shingle
	// minShingleJaccard is the share of shingles two copies of one report
	// have in common, at least (edits, a different lede or sign-off).
	minShingleJaccard = 0.5
	// maxShingleDocs skips sketch entries (shingles, anchors) that many
	// documents share (stock phrases, a country's name), which say nothing
	// about a pair.
	maxShingleDocs = 50
	// A translation keeps a page's figures and its paragraphs.
	minTranslationNumbers = 5
	minNumberJaccard      = 0.7
	minParagraphRatio     = 0.7
	// A translated manual keeps its code listings verbatim: two documents
	// in different languages sharing most of at least five listing lines
	// are one page.
	minTranslationListings = 5
	minListingJaccard      = 0.7
	minListingLineBytes    = 12
)

// StoryGroups finds near-duplicate documents and returns, for each
// document in a group of two or more, the group's id: the smallest
// document id in it. Documents that are alone are absent. Two documents
// are one story when
//
//   - their word 5-gram shingles overlap by at least half (Jaccard): a
//     re-published copy;
//
//   - they are in different languages and share at least 70% of their
//     figures (at least five distinct numbers each) with a similar number
//     of paragraphs, or 70% of the lines of their code listings (at least
//     five): a translation keeps the numbers, the structure and the
//     listings while every word changes;
//
//   - their paragraphs align in order, each pair the same text or, in two
//     languages, the same anchors (figures, names, acronyms, file names)
//     at a steady length ratio, over most of both documents: a
//     translation, a half-translated copy, an edited re-publication.
//
//   - they are laid out as one page in two languages (the same file under
//     en/ and id/, the same address under en-US/ and id-ID/: see
//     counterpartKey; or one names the other's address as its alternate
//     in another language), share most of their anchors, and their paragraphs
//     align over most of their anchored text: a short page's translation,
//     whose few names and figures cannot tell it alone.
//
// Only candidate pairs are judged, never all pairs: documents sharing one
// of their few smallest shingles (a min-hash sketch), then documents
// sharing some of their few rarest anchors, so the cost grows with the
// number of documents, not its square.
func StoryGroups(docs []Document) map[string]string {
	f := newStoryFolder(docs)
	n := len(docs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	join := func(pairs [][2]int) {
		for _, pr := range pairs {
			i, j := pr[0], pr[1]
			if find(i) != find(j) && f.oneStory(i, j) {
				parent[find(j)] = find(i)
			}
		}
	}
	// Re-published copies first: their stories then count once in
	// telling which anchors are rare.
	join(f.copyCandidates())
	join(f.counterpartCandidates())
	join(f.translationCandidates(find))
	members := map[int][]int{}
	for i := range docs {
		r := find(i)
		members[r] = append(members[r], i)
	}
	out := map[string]string{}
	for _, group := range members {
		if len(group) < 2 {
			continue
		}
		ids := make([]string, len(group))
		for k, i := range group {
			ids[k] = docs[i].ID
		}
		sort.Strings(ids)
		for _, id := range ids {
			out[id] = ids[0]
		}
	}
	return out
}

// storyFolder holds what StoryGroups knows of each document.
type storyFolder struct {
	docs     []Document
	sds      []storyDoc
	numbers  []map[string]bool
	paras    [][]map[string]bool
	listings []map[string]bool
	keys     [][][2]string // layout keys: see counterpartKeys
	addrs    []pageAddrs   // stated addresses and alternates
}

func newStoryFolder(docs []Document) *storyFolder {
	f := &storyFolder{docs: docs}
	for _, d := range docs {
		segs := Segment(d)
		f.sds = append(f.sds, newStoryDoc(d, segs))
		f.numbers = append(f.numbers, docNumbers(withoutSpans(d.Text, d.NotEvidence)))
		f.paras = append(f.paras, paragraphFiguresOf(d, segs))
		f.listings = append(f.listings, listingLines(d))
		f.keys = append(f.keys, counterpartKeys(d))
		f.addrs = append(f.addrs, addrsOf(d))
	}
	return f
}

const (
	// sketchShingles is how many of a document's shingles, those of
	// smallest hash, stand for it in finding re-published copies: two
	// documents sharing half their shingles share one of these but with
	// a vanishing chance (about 2^-sketchShingles).
	sketchShingles = 24
	// sketchAnchors is how many of a document's anchors, anchor pairs and
	// listing lines, the rarest in the corpus, stand for it in finding
	// translations; two documents are candidates when they share
	// minSharedSketch of them (or all of one's, if it has fewer).
	sketchAnchors   = 16
	minSharedSketch = 2
)

// copyCandidates lists, once each and in a fixed order, the pairs of
// documents that share an entry of their shingle sketches that at most
// maxShingleDocs documents share: the candidate re-published copies.
func (f *storyFolder) copyCandidates() [][2]int {
	byShingle := map[uint64][]int{}
	for i, sd := range f.sds {
		for _, h := range sd.shingles[:min(len(sd.shingles), sketchShingles)] {
			byShingle[h] = append(byShingle[h], i)
		}
	}
	seen := map[[2]int]bool{}
	for _, list := range byShingle {
		if len(list) > maxShingleDocs {
			continue
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				seen[[2]int{list[a], list[b]}] = true
			}
		}
	}
	return sortedPairs(seen)
}

// translationCandidates lists, once each and in a fixed order, the pairs
// of documents of two stories (story gives each document's, as found so
// far) that share minSharedSketch entries of their anchor sketches, or
// one entry no third story has. A document's sketch is its rarest
// anchors, anchor pairs and listing lines, rarity counted in stories
// (a re-published copy would otherwise make every word of its original
// look common, and hide the original's translation).
func (f *storyFolder) translationCandidates(story func(int) int) [][2]int {
	keys := make([][]uint64, len(f.docs))
	for i, sd := range f.sds {
		ks := slices.Concat(sd.anchors, sd.pairs)
		for l := range f.listings[i] {
			ks = append(ks, hashString("\x00listing\x00"+l))
		}
		keys[i] = sortedUnique(ks)
	}
	// Stories in which each key appears: documents in story order, so
	// that one story's documents come together.
	order := make([]int, len(f.docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return story(a) - story(b) })
	df := map[uint64]int{}
	last := map[uint64]int{}
	for _, i := range order {
		for _, k := range keys[i] {
			if s, ok := last[k]; !ok || s != story(i) {
				df[k]++
				last[k] = story(i)
			}
		}
	}
	byKey := map[uint64][]int{}
	sketched := make([]int, len(f.docs))
	for i := range f.sds {
		rare := slices.DeleteFunc(keys[i], func(k uint64) bool { return df[k] < 2 || df[k] > maxShingleDocs })
		slices.SortFunc(rare, func(a, b uint64) int {
			if c := df[a] - df[b]; c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		rare = rare[:min(len(rare), sketchAnchors)]
		sketched[i] = len(rare)
		for _, k := range rare {
			byKey[k] = append(byKey[k], i)
		}
	}
	shared := map[[2]int]int{}
	for k, list := range byKey {
		if len(list) > maxShingleDocs {
			continue
		}
		weight := 1
		if df[k] == 2 {
			weight = minSharedSketch // a figure only a story and its translation give
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				if story(list[a]) != story(list[b]) {
					shared[[2]int{list[a], list[b]}] += weight
				}
			}
		}
	}
	seen := map[[2]int]bool{}
	for p, n := range shared {
		if n >= min(minSharedSketch, sketched[p[0]], sketched[p[1]]) {
			seen[p] = true
		}
	}
	return sortedPairs(seen)
}

func sortedPairs(set map[[2]int]bool) [][2]int {
	out := make([][2]int, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return out
}

// oneStory reports whether documents i and j are one story.
func (f *storyFolder) oneStory(i, j int) bool {
	if f.counterparts(i, j) && f.laidOutAsOne(i, j) {
		return true
	}
	a, b := f.sds[i].shingles, f.sds[j].shingles
	if c := sharedSorted(a, b); c > 0 && float64(c) >= minShingleJaccard*float64(len(a)+len(b)-c) {
		return true
	}
	if tagged := f.docs[i].Lang != "" && f.docs[j].Lang != ""; tagged && f.docs[i].Lang != f.docs[j].Lang {
		if f.sameFiguresAndStructure(i, j) || f.sameListings(i, j) {
			return true
		}
	}
	return f.anchorsOverlap(i, j) && f.aligned(i, j)
}

// minDocAnchorDice is the share of their distinct anchors two copies of
// one story have in common, at least, before their paragraphs are
// aligned: a cheap test that most candidate pairs fail.
const minDocAnchorDice = 0.4

func (f *storyFolder) anchorsOverlap(i, j int) bool {
	a, b := f.sds[i].anchors, f.sds[j].anchors
	return float64(2*sharedSorted(a, b)) >= minDocAnchorDice*float64(len(a)+len(b))
}

// sameFiguresAndStructure: at least 70% of the figures in common (five or
// more each) and the figure-bearing paragraphs in the same order.
func (f *storyFolder) sameFiguresAndStructure(i, j int) bool {
	a, b := f.numbers[i], f.numbers[j]
	if len(a) < minTranslationNumbers || len(b) < minTranslationNumbers {
		return false
	}
	c := 0
	for num := range a {
		if b[num] {
			c++
		}
	}
	return float64(c) >= minNumberJaccard*float64(len(a)+len(b)-c) && sameStructure(f.paras[i], f.paras[j])
}

// sameListings: at least 70% of the code listings' lines in common, five
// or more.
func (f *storyFolder) sameListings(i, j int) bool {
	a, b := f.listings[i], f.listings[j]
	c := 0
	for l := range a {
		if b[l] {
			c++
		}
	}
	return c >= minTranslationListings && float64(c) >= minListingJaccard*float64(len(a)+len(b)-c)
}

// listingLines is the set of the lines of d's code blocks (its
// not-evidence spans) long enough to be particular to it.
func listingLines(d Document) map[string]bool {
	out := map[string]bool{}
	for _, sp := range d.NotEvidence {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
			continue
		}
		for _, l := range strings.Split(d.Text[sp.Start:sp.End], "\n") {
			if l = strings.TrimSpace(l); len(l) >= minListingLineBytes {
				out[l] = true
			}
		}
	}
	return out
}

// docNumbers is the set of figures in text with separators removed, so
// "6.000" and "6,000" are one figure; single digits are too common to
// tell documents apart.
func docNumbers(text string) map[string]bool {
	out := map[string]bool{}
	var cur strings.Builder
	flush := func() {
		if cur.Len() >= 2 {
			out[cur.String()] = true
		}
		cur.Reset()
	}
	runes := []rune(text)
	for k, r := range runes {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case (r == '.' || r == ',') && cur.Len() > 0 && k+1 < len(runes) && runes[k+1] >= '0' && runes[k+1] <= '9':
			// a thousands or decimal separator inside a figure
		default:
			flush()
		}
	}
	flush()
	return out
}

// paragraphFigures lists, in order, the figures of each evidence
// paragraph that has any.
func paragraphFigures(d Document) []map[string]bool {
	return paragraphFiguresOf(d, Segment(d))
}

// paragraphFiguresOf is paragraphFigures with d's paragraphs given.
func paragraphFiguresOf(d Document, segs []Paragraph) []map[string]bool {
	var out []map[string]bool
	for _, p := range segs {
		if p.Boilerplate || p.NotEvidence {
			continue
		}
		if f := docNumbers(d.Text[p.Span.Start:p.Span.End]); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// sameStructure reports whether two documents carry their figures in the
// same paragraphs, in the same order: the figure-bearing paragraphs of
// one, aligned in order with those of the other (a longest common
// subsequence, so that a paragraph one copy adds or leaves out does not
// shift every later one), pair up with paragraphs sharing most of their
// figures for at least minParagraphRatio of them.
func sameStructure(a, b []map[string]bool) bool {
	hi := max(len(a), len(b))
	if hi == 0 {
		return false
	}
	// lcs[j] is the alignment length of a[:i] with b[:j], one row at a time.
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case sameFigures(a[i], b[j]):
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(b)]) >= minParagraphRatio*float64(hi)
}

// sameFigures reports whether two paragraphs share most of their figures.
func sameFigures(a, b map[string]bool) bool {
	common := 0
	for f := range a {
		if b[f] {
			common++
		}
	}
	return 2*common >= len(a)+len(b)-common
}
