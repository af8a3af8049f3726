package retrieval

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
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
	// maxShingleDocs skips shingles that many documents share (stock
	// phrases), which say nothing about a pair.
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
// are one story when their word 5-gram shingles overlap by at least half
// (Jaccard), or when they are in different languages and share at least
// 70% of their figures (at least five distinct numbers each) with a
// similar number of paragraphs, or 70% of the lines of their code
// listings (at least five): a translation keeps the numbers, the
// structure and the listings while every word changes.
func StoryGroups(docs []Document) map[string]string {
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
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[rb] = ra
		}
	}

	// Re-publications: shingles.
	shingles := make([]map[uint64]bool, n)
	byShingle := map[uint64][]int{}
	for i, d := range docs {
		shingles[i] = docShingles(withoutSpans(d.Text, d.NotEvidence))
		for h := range shingles[i] {
			byShingle[h] = append(byShingle[h], i)
		}
	}
	shared := map[[2]int]int{}
	for _, list := range byShingle {
		if len(list) < 2 || len(list) > maxShingleDocs {
			continue
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				shared[[2]int{list[a], list[b]}]++
			}
		}
	}
	for pair, common := range shared {
		a, b := shingles[pair[0]], shingles[pair[1]]
		if float64(common) >= minShingleJaccard*float64(len(a)+len(b)-common) {
			union(pair[0], pair[1])
		}
	}

	// Translations: figures and structure.
	numbers := make([]map[string]bool, n)
	paras := make([][]map[string]bool, n)
	byNumber := map[string][]int{}
	for i, d := range docs {
		numbers[i] = docNumbers(withoutSpans(d.Text, d.NotEvidence))
		paras[i] = paragraphFigures(d)
		if len(numbers[i]) < minTranslationNumbers {
			continue
		}
		for num := range numbers[i] {
			byNumber[num] = append(byNumber[num], i)
		}
	}
	sharedNums := map[[2]int]int{}
	for _, list := range byNumber {
		if len(list) < 2 || len(list) > maxShingleDocs {
			continue
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				sharedNums[[2]int{list[a], list[b]}]++
			}
		}
	}
	for pair, common := range sharedNums {
		i, j := pair[0], pair[1]
		if docs[i].Lang == docs[j].Lang || docs[i].Lang == "" || docs[j].Lang == "" {
			continue
		}
		all := float64(len(numbers[i]) + len(numbers[j]) - common)
		if float64(common) >= minNumberJaccard*all && sameStructure(paras[i], paras[j]) {
			union(i, j)
		}
	}

	// Translations of documentation: the code listings, kept verbatim.
	listings := make([]map[string]bool, n)
	byLine := map[string][]int{}
	for i, d := range docs {
		listings[i] = listingLines(d)
		if len(listings[i]) < minTranslationListings {
			continue
		}
		for l := range listings[i] {
			byLine[l] = append(byLine[l], i)
		}
	}
	sharedLines := map[[2]int]int{}
	for _, list := range byLine {
		if len(list) < 2 || len(list) > maxShingleDocs {
			continue
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				sharedLines[[2]int{list[a], list[b]}]++
			}
		}
	}
	for pair, common := range sharedLines {
		i, j := pair[0], pair[1]
		if docs[i].Lang == docs[j].Lang || docs[i].Lang == "" || docs[j].Lang == "" || common < minTranslationListings {
			continue
		}
		if float64(common) >= minListingJaccard*float64(len(listings[i])+len(listings[j])-common) {
			union(i, j)
		}
	}

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

// docShingles hashes every run of shingleWords consecutive lower-cased
// words of text.
func docShingles(text string) map[uint64]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := map[uint64]bool{}
	for i := 0; i+shingleWords <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = true
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
	var out []map[string]bool
	for _, p := range Segment(d) {
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
