package langid

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// referenceDetect is Detector.Detect as it was on whatlanggo alone: the
// reference the trigram index is held to, and the benchmarks' baseline.
func (d *Detector) referenceDetect(text string) string {
	text = sample(text)
	letters, kana := 0, 0
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters < 3 {
		return ""
	}
	if kana*20 >= letters {
		return d.allow("ja")
	}
	if d.allowed != nil {
		if info := whatlanggo.Detect(text); info.Lang >= 0 && info.Confidence >= 0.5 && !d.allowed[info.Lang.Iso6391()] {
			return ""
		}
	}
	info := whatlanggo.DetectWithOptions(text, d.opts)
	if d.prefer != nil && info.Confidence < clearConfidence {
		if code := d.prefer.referenceDetect(text); code != "" {
			return d.allow(code)
		}
	}
	minConf := d.minConf
	if letters >= longText {
		minConf /= 5
	}
	if info.Lang < 0 || info.Confidence < minConf {
		return ""
	}
	return d.allow(info.Lang.Iso6391())
}

// sampleTexts gathers real text: the seed articles, the Debian pages
// when they are cached (HTML, markup and all), this package's test
// sentences, and pieces of them of every length from a few bytes up.
func sampleTexts(t testing.TB, r *rand.Rand) []string {
	t.Helper()
	var texts []string
	seeds, _ := filepath.Glob("../seeds/*.txt")
	for _, n := range seeds {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if home, err := os.UserHomeDir(); err == nil {
		root := filepath.Join(home, ".cache", "kabar", "debian-docs", "corpus")
		n := 0
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || n >= 120 {
				return nil
			}
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
				n++
			}
			return nil
		})
	}
	texts = append(texts,
		"Der nordkoreanische Machthaber Kim Jong Un hat den russischen Außenminister Sergej Lawrow am Samstag in Wonsan empfangen.",
		"Лидер Северной Кореи Ким Чен Ын принял министра иностранных дел России Сергея Лаврова в Вонсане в субботу.",
		"北朝鮮の金正恩総書記は土曜日、元山でロシアのラブロフ外相を迎えた。", "金正恩", "김정은 위원장", "שלום עולם", "नमस्ते दुनिया",
		"مرحبا بالعالم", "Γειά σου Κόσμε", "", "a", "\xff\xfe\xfd abc", "12345 — 678", "   \t\n  ", "İstanbul'da ŞEHİR",
	)
	whole := len(texts)
	for range 600 {
		s := texts[r.IntN(whole)]
		if len(s) == 0 {
			continue
		}
		i := r.IntN(len(s))
		n := []int{3, 8, 20, 60, 200, 1000, 5000}[r.IntN(7)]
		texts = append(texts, s[i:min(len(s), i+n)]) // may cut a rune: invalid UTF-8 too
	}
	return texts
}

// TestMatchesWhatlanggo holds the trigram index to whatlanggo: the same
// language, script and confidence, with and without whitelists, except
// where the two best languages tie and whatlanggo's answer depends on its
// map order.
func TestMatchesWhatlanggo(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(14, 2))
	whitelists := []map[whatlanggo.Lang]bool{nil, New("id", "en").opts.Whitelist, New("de").opts.Whitelist, New("ru", "uk", "en").opts.Whitelist}
	checked, tied := 0, 0
	for _, text := range sampleTexts(t, r) {
		a := analyse(text)
		for _, wl := range whitelists {
			if a.tied(wl) {
				tied++
				continue
			}
			checked++
			got, want := a.info(wl), whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: wl})
			if got != want {
				t.Fatalf("%.60q (whitelist %v): got %v %.2f, whatlanggo %v %.2f", text, wl, got.Lang, got.Confidence, want.Lang, want.Confidence)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d comparisons (%d tied)", checked, tied)
	}
}

// TestDetectMatchesReference checks the detectors Kabar uses against
// their whatlanggo-only version on the same texts.
func TestDetectMatchesReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(14, 3))
	idEn := New("id", "en").opts.Whitelist
	for _, d := range []*Detector{New(), New("id", "en"), New().Prefer("id", "en"), New("de", "fr")} {
		for _, text := range sampleTexts(t, r) {
			if a := analyse(sample(text)); a.tied(nil) || a.tied(idEn) || a.tied(d.opts.Whitelist) {
				continue
			}
			if got, want := d.Detect(text), d.referenceDetect(text); got != want {
				t.Fatalf("%.60q: Detect %q, reference %q", text, got, want)
			}
		}
	}
}

func FuzzMatchesWhatlanggo(f *testing.F) {
	for _, s := range []string{"", "a", "Kim Jong Un", "\xff\xfe", "北朝鮮", "ひらがな", "Berapa tentara Korea Utara yang tewas?", "The two ministers met."} {
		f.Add(s)
	}
	idEn := New("id", "en").opts.Whitelist
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := detectScript(s), whatlanggo.DetectScript(s); got != want {
			t.Fatalf("%q: script %v, whatlanggo %v", s, got, want)
		}
		a := analyse(s)
		for _, wl := range []map[whatlanggo.Lang]bool{nil, idEn} {
			if a.tied(wl) {
				continue
			}
			if got, want := a.info(wl), whatlanggo.DetectWithOptions(s, whatlanggo.Options{Whitelist: wl}); got != want {
				t.Fatalf("%q: got %v %.2f, whatlanggo %v %.2f", s, got.Lang, got.Confidence, want.Lang, want.Confidence)
			}
		}
	})
}

// trimmed is used by the benchmark: texts of article length.
func articleTexts(t testing.TB) []string {
	var out []string
	for _, s := range sampleTexts(t, rand.New(rand.NewPCG(1, 1))) {
		if len(strings.TrimSpace(s)) > 1000 {
			out = append(out, s)
		}
	}
	return out
}

// TestScriptMatchesWhatlanggo holds detectScript to whatlanggo's.
func TestScriptMatchesWhatlanggo(t *testing.T) {
	t.Parallel()
	texts := sampleTexts(t, rand.New(rand.NewPCG(14, 4)))
	texts = append(texts, "金正恩ひ", "ひ金正恩金", "abcд", "дabc", "a1b2c3", "Ελλάδα abc", "한국 中国 日本", "ab ℃ çé ß")
	for _, text := range texts {
		if got, want := detectScript(text), whatlanggo.DetectScript(text); got != want {
			t.Fatalf("%.60q: got %v, whatlanggo %v", text, got, want)
		}
	}
}

// TestASCIINorm holds count's table for ASCII to the rule it stands for:
// isStopChar's runes a space, the rest lower-cased.
func TestASCIINorm(t *testing.T) {
	if len(asciiNorm) != utf8.RuneSelf {
		t.Fatalf("asciiNorm has %d bytes, want %d", len(asciiNorm), utf8.RuneSelf)
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := unicode.ToLower(r)
		if isStopChar(r) {
			want = ' '
		}
		if got := norm(r); got != want {
			t.Errorf("norm(%q) = %q, want %q", r, got, want)
		}
	}
}

// TestDetectLabelledMatchesReference holds the one-pass counting (letters
// and profile trigrams read together, ASCII trigrams by array) to
// whatlanggo on labelled kinds of text: mixed languages, short texts,
// code, accented and non-Latin letters, and empty text.
func TestDetectLabelledMatchesReference(t *testing.T) {
	t.Parallel()
	const (
		id = "Pemimpin Korea Utara Kim Jong Un menyambut Menteri Luar Negeri Rusia Sergei Lavrov di Wonsan pada hari Sabtu."
		en = "North Korean leader Kim Jong Un welcomed Russian Foreign Minister Sergei Lavrov in Wonsan on Saturday."
		de = "Der nordkoreanische Machthaber Kim Jong Un hat den russischen Außenminister Sergej Lawrow empfangen."
	)
	texts := map[string]string{
		"empty":              "",
		"spaces":             " \t\n ",
		"one letter":         "a",
		"short":              "Halo",
		"two words":          "Kim Jong",
		"mixed id en":        id + "\n\n" + en,
		"mixed en de":        en + " " + de,
		"mixed id de en":     id + "\n" + de + "\n" + en,
		"code":               "func main() {\n\tfor i := range xs {\n\t\tif err := run(xs[i]); err != nil {\n\t\t\treturn fmt.Errorf(\"run: %w\", err)\n\t\t}\n\t}\n}",
		"code and prose":     "Jalankan perintah berikut:\n\n$ sudo apt-get install -y build-essential\n$ make && make install\n\n" + id,
		"capitals":           strings.ToUpper(id),
		"accents":            "Ça été très difficile à l'école, où les élèves apprennent le français.",
		"Turkish İ":          "İstanbul'da ŞEHİR İÇİ ulaşım",
		"Cyrillic and ASCII": "Лидер Северной Кореи Kim Jong Un принял министра",
		"kana":               "ひらがなとカタカナ",
		"invalid UTF-8":      "\xff\xfe" + id + "\xc3",
		"control bytes":      "abc\x00def\x7fghi\x1bjkl",
	}
	idEn := New("id", "en").opts.Whitelist
	for name, text := range texts {
		for _, d := range []*Detector{New(), New("id", "en"), New().Prefer("id", "en")} {
			if a := analyse(sample(text)); a.tied(nil) || a.tied(idEn) {
				continue
			}
			if got, want := d.Detect(text), d.referenceDetect(text); got != want {
				t.Errorf("%s: Detect %q, reference %q", name, got, want)
			}
		}
		a := analyse(text)
		for _, wl := range []map[whatlanggo.Lang]bool{nil, idEn} {
			if a.tied(wl) {
				continue
			}
			if got, want := a.info(wl), whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: wl}); got != want {
				t.Errorf("%s: got %v %.2f, whatlanggo %v %.2f", name, got.Lang, got.Confidence, want.Lang, want.Confidence)
			}
		}
	}
}
