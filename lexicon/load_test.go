package lexicon

import (
	"bufio"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The readers before issue 14's lexicon work: a bufio.Scanner, a string
// per line, strings.Split, maps grown as they fill. The new readers must
// give the same tables.

func refEachLine(fsys fs.FS, name string, fn func(string)) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(line)
	}
	return sc.Err()
}

func refReadSet(fsys fs.FS, name string) (map[string]bool, error) {
	set := map[string]bool{}
	err := refEachLine(fsys, name, func(line string) { set[strings.ToLower(line)] = true })
	return set, err
}

func refReadDict(fsys fs.FS, name string) (map[string][]string, error) {
	d := map[string][]string{}
	err := refEachLine(fsys, name, func(line string) {
		head, vals, ok := strings.Cut(line, "\t")
		if !ok {
			return
		}
		head = strings.ToLower(strings.TrimSpace(head))
		for _, v := range strings.Split(vals, "|") {
			if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
				d[head] = appendUnique(d[head], v)
			}
		}
	})
	return d, err
}

// edgeFS holds what the bundled files do not: a headword on two lines,
// repeated and empty renderings, comments, blank and CRLF lines, upper
// case, a line without a tab, a last line without a newline.
var edgeFS = fstest.MapFS{
	"edge.tsv": {Data: []byte("# comment\nA\tx|Y| x |\r\n\n  b\t|\na\ty|z|X\nno tab here\nc\t \nÉcole\tÉCOLE|d e\r\nlast\tq|q")},
}

func TestReadersMatchReference(t *testing.T) {
	files, err := fs.Glob(dataFS, "data/*")
	if err != nil {
		t.Fatal(err)
	}
	type input struct {
		fsys fs.FS
		name string
	}
	inputs := []input{{edgeFS, "edge.tsv"}}
	for _, f := range files {
		inputs = append(inputs, input{dataFS, f})
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			wantD, err := refReadDict(in.fsys, in.name)
			if err != nil {
				t.Fatal(err)
			}
			gotD, err := readDict(in.fsys, in.name)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotD, wantD) {
				t.Errorf("readDict differs from the reference: %d against %d headwords", len(gotD), len(wantD))
			}
			wantS, _ := refReadSet(in.fsys, in.name)
			gotS, err := readSet(in.fsys, in.name)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(gotS, wantS) {
				t.Errorf("readSet differs from the reference: %d against %d words", len(gotS), len(wantS))
			}
		})
	}
	if d, _ := readDict(edgeFS, "edge.tsv"); !slices.Equal(d["a"], []string{"x", "y", "z"}) {
		t.Errorf(`edge "a" = %q, want [x y z]`, d["a"])
	}
}

// TestDictSlicesDoNotAlias checks that appending to one headword's
// renderings (as ForClaims's copy and callers may) leaves the next
// headword's alone: the slices share a backing array.
func TestDictSlicesDoNotAlias(t *testing.T) {
	d, err := readDict(fstest.MapFS{"d.tsv": {Data: []byte("a\tx|y\nb\tz\n")}}, "d.tsv")
	if err != nil {
		t.Fatal(err)
	}
	_ = append(d["a"], "w")
	if !slices.Equal(d["b"], []string{"z"}) {
		t.Errorf(`after appending to "a", "b" = %q, want [z]`, d["b"])
	}
}

// TestDerivedTablesMatchReference rebuilds, as New did before they were
// made lazy, the known and listed words, the longest phrase and the
// glosses, and compares them with what the lexicon builds on first use.
func TestDerivedTablesMatchReference(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	known, listed, maxPhrase := map[string]bool{}, map[string]bool{}, 0
	for _, d := range []map[string][]string{l.news, l.freedict} {
		for h, vals := range d {
			if len(vals) == 1 && vals[0] == h {
				listed[h] = true
				continue
			}
			if !strings.Contains(h, " ") {
				known[h] = true
			}
			for _, v := range vals {
				for _, w := range strings.Fields(v) {
					known[w] = true
				}
			}
			maxPhrase = max(maxPhrase, len(strings.Fields(h)))
		}
	}
	maxPhrase = min(maxPhrase, 4)
	if w := l.wordSets(); !maps.Equal(w.known, known) || !maps.Equal(w.listed, listed) {
		t.Errorf("known/listed: %d/%d words, want %d/%d", len(w.known), len(w.listed), len(known), len(listed))
	}
	if l.maxPhrase != maxPhrase {
		t.Errorf("maxPhrase = %d, want %d", l.maxPhrase, maxPhrase)
	}
	counts := readCounts()
	// The reading a gloss shows (read, and its pos) can depend on the
	// order the maps are walked: readingBetter is not transitive among
	// some equally listed renderings ("yang": who or whom, from one build
	// to the next, before this change as after). The rest must match.
	headword := func(m map[string]gloss) map[string]gloss {
		out := make(map[string]gloss, len(m))
		for k, g := range m {
			g.read, g.pos = "", 0
			out[k] = g
		}
		return out
	}
	if g := buildGlosses(counts, l.news, l.freedict); !maps.Equal(headword(l.glosses()), headword(g)) {
		t.Errorf("glosses differ: %d against %d", len(l.glosses()), len(g))
	}
	if g := buildPhraseGlosses(counts, l.news, l.freedict); !maps.Equal(l.phraseGlosses(), g) {
		t.Errorf("phrase glosses differ: %d against %d", len(l.phraseGlosses()), len(g))
	}
	nouns, _ := refReadSet(dataFS, "data/wordnet-nouns.txt")
	for w := range nouns {
		if !l.nouns.has(w) {
			t.Fatalf("noun %q missing", w)
		}
	}
	if c := l.ForClaims(); c.glossTab != l.glossTab || c.words != l.words || c.nouns != l.nouns {
		t.Error("ForClaims's copy does not share the lazily built tables")
	}
}

func TestFieldCount(t *testing.T) {
	for _, s := range []string{"", "a", " a ", "korea utara", "a\tb  c", "x\u00a0y", "\u0085", "é è", "a\xffb c"} {
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, want %d", s, got, want)
		}
		var got []string
		eachField(s, func(f string) { got = append(got, f) })
		if want := strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("eachField(%q) = %q, want %q", s, got, want)
		}
	}
}

// refBuildGlosses is buildGlosses before issue 14's lexicon work: two
// maps, the best rendering and the best reading, grown as they fill.
func refBuildGlosses(counts map[string]wordCount, dicts ...map[string][]string) map[string]gloss {
	out, read := map[string]gloss{}, map[string]gloss{}
	for src, d := range dicts {
		for en, ids := range d {
			if strings.Contains(en, " ") {
				continue
			}
			for rank, id := range ids {
				if strings.Contains(id, " ") {
					continue
				}
				g := gloss{en: en, source: src, rank: rank, senses: len(ids), count: counts[en].n}
				if cur, ok := out[id]; !ok || g.better(cur) {
					out[id] = g
				}
				if en == id {
					continue
				}
				g.agree = agreement(en, id, dicts)
				if cur, ok := read[id]; ok && !g.readingBetter(cur) {
					continue
				}
				if inflectedOf(en, id, dicts) {
					continue
				}
				read[id] = g
			}
		}
	}
	for id, g := range out {
		g.read = g.en
		if r, ok := read[id]; ok {
			g.read = r.en
		}
		g.pos = counts[g.read].pos
		out[id] = g
	}
	return out
}

// TestBuildGlossesMatchesReference compares buildGlosses with the
// reference. The headword chosen must match exactly. The reading can
// depend on the order the maps are walked (readingBetter is not
// transitive among some equally listed renderings: "yang" reads "who" or
// "whom" from one build to the next, in the reference too), so a reading
// must be one the reference gave in one of several builds, but for at
// most a couple of words.
func TestBuildGlossesMatchesReference(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	counts := readCounts()
	seen := map[string]map[gloss]bool{}
	var want map[string]gloss
	for range 5 {
		want = refBuildGlosses(counts, l.news, l.freedict)
		for id, g := range want {
			if seen[id] == nil {
				seen[id] = map[gloss]bool{}
			}
			seen[id][g] = true
		}
	}
	for range 3 {
		got := buildGlosses(counts, l.news, l.freedict)
		if len(got) != len(want) {
			t.Fatalf("%d glosses, want %d", len(got), len(want))
		}
		unseen := 0
		for id, g := range got {
			w, ok := want[id]
			if !ok || g.en != w.en || g.source != w.source || g.rank != w.rank || g.senses != w.senses || g.count != w.count {
				t.Fatalf("%q: %+v, want %+v", id, g, w)
			}
			if !seen[id][g] {
				unseen++
				t.Logf("%q: reading %q not among the reference's %v", id, g.read, seen[id])
			}
		}
		if unseen > 2 {
			t.Errorf("%d readings the reference never gave", unseen)
		}
	}
}

// TestWordListsMatchReference checks the lazily read word lists against
// the reference set, on the bundled lists (searched in place) and on
// lists that are not (upper case, out of order, repeated).
func TestWordListsMatchReference(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		inPlace    bool
	}{
		{"sorted", "# header\na\nb b\nzz\n", true},
		{"upper case", "a\nB\nc\n", false},
		{"out of order", "b\na\n", false},
		{"repeated", "a\na\nb", false},
		{"crlf and blanks", "a\r\n\n  b \r\nc", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sorted, set := readWordList(tc.text)
			if (sorted != nil) != tc.inPlace {
				t.Errorf("searched in place = %v, want %v", sorted != nil, tc.inPlace)
			}
			want, _ := refReadSet(fstest.MapFS{"f": {Data: []byte(tc.text)}}, "f")
			z := &lazySet{sorted: sorted, set: set}
			z.once.Do(func() {})
			for w := range want {
				if !z.has(w) {
					t.Errorf("%q missing", w)
				}
			}
			for _, w := range []string{"", "A", "ab", "b", "b b", "zzz", "c"} {
				if z.has(w) != want[w] {
					t.Errorf("has(%q) = %v, want %v", w, z.has(w), want[w])
				}
			}
		})
	}
	for _, file := range []string{"data/english-words.txt", "data/wordnet-nouns.txt"} {
		want, err := refReadSet(dataFS, file)
		if err != nil {
			t.Fatal(err)
		}
		z := &lazySet{file: file}
		for w := range want {
			if !z.has(w) {
				t.Fatalf("%s: %q missing", file, w)
			}
		}
		if z.sorted == nil {
			t.Errorf("%s is not searched in place", file)
		}
		if len(z.sorted) != len(want) {
			t.Errorf("%s: %d words, want %d", file, len(z.sorted), len(want))
		}
		for _, w := range []string{"Square", "donetsk", "zzzz", ""} {
			if z.has(w) != want[w] {
				t.Errorf("%s: has(%q) = %v, want %v", file, w, z.has(w), want[w])
			}
		}
	}
}

// TestLazyTablesConcurrent builds the tables made on first use from
// several goroutines at once, through the lexicon and its ForClaims copy
// (run with -race), and checks that each answers as one built alone.
func TestLazyTablesConcurrent(t *testing.T) {
	alone, err := New()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"insinyur", "tentara", "korea", "prisoner", "square", "putin", "bengkulu", "zzz"}
	type answers struct {
		gloss       string
		noun, known bool
		listed, en  bool
	}
	ask := func(l *Lexicon, w string) answers {
		return answers{l.Gloss(w), l.IsNoun(w), l.KnownWord(w), l.Listed(w), l.EnglishWord(w)}
	}
	want := map[string]answers{}
	for _, w := range words {
		want[w] = ask(alone, w)
	}
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]map[string]answers, 8)
	done := make(chan int)
	for g := range got {
		go func() {
			view := l
			if g%2 == 1 {
				view = l.ForClaims()
			}
			got[g] = map[string]answers{}
			for _, w := range words {
				got[g][w] = ask(view, w)
			}
			done <- g
		}()
	}
	for range got {
		<-done
	}
	for g, m := range got {
		if !maps.Equal(m, want) {
			t.Errorf("goroutine %d: %v, want %v", g, m, want)
		}
	}
}
