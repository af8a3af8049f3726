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
