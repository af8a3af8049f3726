package retrieval

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
)

// storyGroupsBefore is StoryGroups as it was before paragraph alignment
// and sketched candidates (every pair sharing a shingle, a figure or a
// listing line that at most maxShingleDocs documents share was counted):
// the baseline BenchmarkStoryGroups measures against.
func storyGroupsBefore(docs []Document) map[string]string {
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
