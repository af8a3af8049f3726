package retrieval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

const embedGolden = "testdata/embed/local.golden"

// embedTexts are the texts the local embedder's vectors are pinned on:
// the seed articles whole and by paragraph, the test corpus, edge cases
// and seeded random text over an alphabet that hits every tokeniser
// branch (case, diacritics, combining marks, numbers and scale words,
// other scripts, invalid UTF-8) and words long enough to grow the
// feature table.
func embedTexts(t testing.TB) []string {
	t.Helper()
	var texts []string
	for _, dir := range []string{"../seeds", "testdata/corpus"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, ".go") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
			for _, p := range strings.Split(string(b), "\n\n") {
				texts = append(texts, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	texts = append(texts, "", " ", "a", "Rusia-Ukraina 10.000 tentara", "2,5 juta orang", "Zelénskyy e\u0301", "hari ٣ １２", "a\xffb",
		strings.Repeat("mengirimkan ", 500), strings.Repeat("x", 3000))
	alphabet := []string{
		"a", "e", "i", "o", "u", "k", "n", "g", "m", "s", "r", "t", "A", "K", "Z", "0", "1", "9",
		" ", " ", " ", ".", ",", "-", "\n", "é", "É", "ł", "İ", "Ⱥ", "\u0301", "٣", "３", "—", "\xff",
		"ribu", "juta", "pemerintah", "Jakarta", "mengirim",
	}
	r := rand.New(rand.NewPCG(14, 7))
	for range 1500 {
		var b strings.Builder
		for range r.IntN(120) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// vectorDigest is a short SHA-256 of a vector's float32 bits.
func vectorDigest(v []float32) string {
	b := make([]byte, 0, 4*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// The local embedder's vectors are bit for bit those recorded in
// testdata/embed/local.golden (written by the embedder before the
// indexing speed work of issue 14): stored indexes stay valid.
func TestLocalEmbedderGolden(t *testing.T) {
	t.Parallel()
	texts := embedTexts(t)
	vecs, err := NewLocalEmbedder().Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, v := range vecs {
		got = append(got, fmt.Sprintf("%d %s", i, vectorDigest(v)))
	}
	if *update {
		if err := os.WriteFile(embedGolden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(embedGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		want = append(want, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d vectors, golden has %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("text %d %.60q: vector %s, golden %s", i, texts[i], got[i], want[i])
		}
	}
}

func TestLocalEmbedderMatchesReference(t *testing.T) {
	t.Parallel()
	e := NewLocalEmbedder()
	for _, text := range embedTexts(t) {
		checkEmbedReference(t, e, text)
	}
}

// FuzzLocalEmbedder holds the embedder to the reference on arbitrary text.
func FuzzLocalEmbedder(f *testing.F) {
	for _, s := range []string{"Rusia-Ukraina 10.000 tentara", "Zelénskyy", "a\xffb", "mengirimkan mengirimkan"} {
		f.Add(s)
	}
	e := NewLocalEmbedder()
	f.Fuzz(func(t *testing.T, text string) { checkEmbedReference(t, e, text) })
}

func checkEmbedReference(t *testing.T, e *LocalEmbedder, text string) {
	t.Helper()
	vecs, err := e.Embed(context.Background(), []string{text, text + " " + text})
	if err != nil {
		t.Fatal(err)
	}
	for k, in := range []string{text, text + " " + text} {
		want := make([]float32, e.dim)
		refEmbedInto(e, want, in, newFeatureCounts())
		for i := range want {
			if math.Float32bits(vecs[k][i]) != math.Float32bits(want[i]) {
				t.Fatalf("Embed(%q)[%d] = %v, reference %v", in, i, vecs[k][i], want[i])
			}
		}
	}
}

// refEmbedInto is embedInto as it was before issue 14's work, over
// lexicon.Tokenize: the reference the fast path is held to.
func refEmbedInto(e *LocalEmbedder, v []float32, text string, f *featureCounts) {
	f.reset()
	wordSeed, gramSeed := hashFeature("w:", ""), hashFeature("g:", "")
	for _, t := range lexicon.Tokenize(text) {
		w := t.Norm
		f.add(hashMore(wordSeed, w), 1)
		if t.Num || len(w) < 4 {
			continue
		}
		padded := append(append(append(f.pad[:0], ' '), w...), ' ')
		f.pad = padded
		for i := 0; i+4 <= len(padded); i++ {
			h := gramSeed
			for _, c := range padded[i : i+4] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			f.add(h, 0.25)
		}
	}
	for j, h := range f.keys {
		idx := h % uint64(len(v))
		var val float32
		if q := f.counts[j] * 4; q < float32(len(e.logTF)) && q == float32(int(q)) {
			val = e.logTF[int(q)]
		} else {
			val = tfWeight(f.counts[j])
		}
		if h>>63 == 1 {
			val = -val
		}
		v[idx] += val
	}
	normalize(v)
}
