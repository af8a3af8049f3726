package lexicon

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// equivalenceTexts are the texts the fast tokeniser and stemmer are held
// to the reference on: the seed articles, the retrieval test corpus, edge
// cases and seeded random text over an alphabet chosen to hit every branch
// (case, diacritics, combining marks, runes whose lower case changes
// length, other scripts' digits, separators, scale words, invalid UTF-8).
func equivalenceTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, dir := range []string{"../seeds", "../retrieval/testdata/corpus"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, ".go") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(texts) < 5 {
		t.Fatalf("found %d texts, want the seed articles at least", len(texts))
	}
	texts = append(texts,
		"", " ", "a", "A", "İstanbul", "ȺȾ", "ǅemal", "10km", "10 ribu5", "2,5 juta orang", "1.234,5", "1,,2", "3.",
		"Rusia-Ukraina", "Lavrov's", "Zelénskyy", "e\u0301", "hari ٣", "１２ orang", "a\xffb", "\xc3", "\xe2\x80",
		"MENGIRIMKAN", "Pemerintahannya", "bekerjalah", "AS dan Korut", strings.Repeat("Ab", 80),
		strings.Repeat("x", 70)+"Y", "6 thousand troops", "10 Ribu", "5 MILIAR",
	)
	alphabet := []string{
		"a", "e", "i", "o", "u", "k", "n", "g", "m", "s", "r", "t", "h", "y", "A", "K", "M", "Z",
		"0", "1", "5", "9", " ", " ", ".", ",", "-", "'", "\n", "é", "É", "ł", "ß", "İ", "Ⱥ", "\u0301",
		"٣", "３", "—", "“", "\xff", "ribu", "juta", "thousand", "nya", "meng", "ber", "kan",
	}
	r := rand.New(rand.NewPCG(14, 2026))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// stemWords are affixed Indonesian-like words covering every prefix,
// suffix, particle and possessive the stemmer strips, over real and random
// roots, plus random lower-case strings.
func stemWords() []string {
	prefixes := []string{"", "meng", "peng", "meny", "peny", "mem", "pem", "men", "pen", "me", "di", "ter", "ke", "ber", "per", "be", "pe", "memper", "diper", "keber"}
	roots := []string{"kirim", "irim", "tewas", "bangun", "erja", "kerja", "temu", "janji", "ajar", "rita", "ang", "ukur", "sapu", "olah", "aku", "pukul", "x", "ab"}
	suffixes := []string{"", "kan", "an", "i", "nya", "ku", "mu", "lah", "kah", "pun", "tah", "nyalah", "kanlah", "annya", "inya"}
	var words []string
	for _, p := range prefixes {
		for _, root := range roots {
			for _, s := range suffixes {
				words = append(words, p+root+s)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 14))
	const letters = "aaeeiioouubdgkmnprstyz"
	for range 20000 {
		b := make([]byte, r.IntN(14))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		words = append(words, string(b))
	}
	return words
}

func TestTokenizeMatchesReference(t *testing.T) {
	t.Parallel()
	for _, text := range equivalenceTexts(t) {
		checkTokenize(t, text)
	}
}

func TestStemIDMatchesReference(t *testing.T) {
	t.Parallel()
	for _, w := range stemWords() {
		checkStemID(t, w)
	}
}

func TestTermsMatchReference(t *testing.T) {
	t.Parallel()
	l := newLexicon(t)
	for _, text := range equivalenceTexts(t) {
		checkTerms(t, l, text)
	}
}

// FuzzEquivalence holds Tokenize, StemID, WordTerms and Terms to the
// reference implementations on arbitrary text.
func FuzzEquivalence(f *testing.F) {
	for _, s := range []string{"10.000 tentara", "Mengirimkan 2,5 juta", "Zelénskyy's", "İİ ȺȾ", "hari ٣", "a\xffb", "10 ribu5"} {
		f.Add(s)
	}
	l := newLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenize(t, text)
		checkTerms(t, l, text)
		for _, w := range strings.Fields(text) {
			checkStemID(t, w)
			checkStemID(t, strings.ToLower(w))
		}
	})
}

func checkTokenize(t *testing.T, text string) {
	t.Helper()
	got, want := Tokenize(text), refTokenize(text)
	if !slices.Equal(got, want) || (got == nil) != (want == nil) {
		t.Fatalf("Tokenize(%q)\n got %+v\nwant %+v", text, got, want)
	}
	if n := maxTokens(text); len(got) > n {
		t.Fatalf("Tokenize(%q): %d tokens, maxTokens said at most %d", text, len(got), n)
	}
	var seq []Token
	for tok := range Tokens(text) {
		seq = append(seq, tok)
	}
	if !slices.Equal(seq, want) {
		t.Fatalf("Tokens(%q)\n got %+v\nwant %+v", text, seq, want)
	}
}

func checkStemID(t *testing.T, w string) {
	t.Helper()
	if got, want := StemID(w), refStemID(w); !slices.Equal(got, want) || (got == nil) != (want == nil) {
		t.Fatalf("StemID(%q) = %q, want %q", w, got, want)
	}
}

func checkTerms(t *testing.T, l *Lexicon, text string) {
	t.Helper()
	for _, lang := range []string{"id", "en", ""} {
		if got, want := l.Terms(text, lang), refTerms(l, text, lang); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("Terms(%q, %q)\n got %q\nwant %q", text, lang, got, want)
		}
		for _, tok := range refTokenize(text) {
			got, want := l.WordTerms(tok, lang), refWordTerms(l, tok, lang)
			if !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("WordTerms(%+v, %q) = %q, want %q", tok, lang, got, want)
			}
		}
	}
}
