package retrieval

import (
	"bufio"
	"os"
	"path"
	"strings"
	"testing"
)

// storyTable reads testdata/stories/stories.tsv: each file's story and
// kind.
func storyTable(t *testing.T) (story, kind map[string]string) {
	t.Helper()
	f, err := os.Open("testdata/stories/stories.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	story, kind = map[string]string{}, map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			t.Fatalf("stories.tsv: bad line %q", line)
		}
		id := strings.TrimSuffix(fields[0], path.Ext(fields[0]))
		story[id], kind[id] = fields[1], fields[2]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return story, kind
}

// foldScore counts, over every pair of docs, the pairs of one story
// (truth) that groups fold and the pairs of two stories it folds.
type foldScore struct {
	truePairs, folded, falseFolds int
	missed, wrong                 []string
}

func scoreFolds(docs []Document, groups map[string]string, story func(id string) string) foldScore {
	var s foldScore
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i].ID, docs[j].ID
			same := story(a) == story(b)
			joined := groups[a] != "" && groups[a] == groups[b]
			switch {
			case same && joined:
				s.truePairs++
				s.folded++
			case same:
				s.truePairs++
				s.missed = append(s.missed, a+" + "+b)
			case joined:
				s.falseFolds++
				s.wrong = append(s.wrong, a+" + "+b)
			}
		}
	}
	return s
}

// TestStoryGroupsNewsTable folds the news-like table of testdata/stories:
// translations and re-published copies of a story are one story; another
// report of the same event (the same names, places and figures) and a
// follow-up quoting the story are not.
func TestStoryGroupsNewsTable(t *testing.T) {
	t.Parallel()
	story, kind := storyTable(t)
	docs, err := LoadCorpus(t.Context(), os.DirFS("testdata/stories"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(story) {
		t.Fatalf("loaded %d documents, the table lists %d", len(docs), len(story))
	}
	groups := StoryGroups(docs)
	s := scoreFolds(docs, groups, func(id string) string { return story[id] })
	t.Logf("news table: %d of %d same-story pairs folded, %d pairs of different stories folded", s.folded, s.truePairs, s.falseFolds)
	for _, w := range s.wrong {
		t.Errorf("different stories folded: %s", w)
	}
	for _, m := range s.missed {
		t.Errorf("one story not folded: %s", m)
	}
	// How close the alignment comes to folding the hard negatives, and
	// how clearly it folds the copies (the least of its shares).
	f := newStoryFolder(docs)
	closest, weakest := "", ""
	hi, lo := 0.0, 1.0
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			al := f.align(i, j)
			m := min(al.anchored, al.coverage, al.prose)
			pair := docs[i].ID + " + " + docs[j].ID + " (" + kind[docs[i].ID] + ", " + kind[docs[j].ID] + ")"
			if story[docs[i].ID] != story[docs[j].ID] && m > hi {
				hi, closest = m, pair
			}
			if story[docs[i].ID] == story[docs[j].ID] && docs[i].Lang != docs[j].Lang && m < lo {
				lo, weakest = m, pair
			}
		}
	}
	t.Logf("alignment: different stories at most %.2f aligned (%s); translations at least %.2f (%s); folding needs %.2f", hi, closest, lo, weakest, minAnchoredShare)
}
