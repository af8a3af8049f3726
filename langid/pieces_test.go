package langid

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestDetectWholeMatchesDetect holds DetectPiece to Detect on each piece,
// and DetectWhole's counts (every language's distance and hits, the
// letters and kana) to Detect's on the whole text: articles cut into
// paragraphs at blank lines, single line breaks, spaces, punctuation or
// nothing at all, pieces at random places, mixed languages and scripts,
// texts longer than the sample, invalid UTF-8 and empty pieces.
func TestDetectWholeMatchesDetect(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(21, 5))
	var paras []string
	for _, s := range sampleTexts(t, r) {
		for p := range strings.SplitSeq(s, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	seps := []string{"\n\n", "\n\n\n", "\n", " ", "", ". ", "\r\n\r\n", " \n", "\u00a0\u00a0", "\xff", "--", "x"}
	d := New().Prefer("id", "en")
	reused := 0
	for range 1500 {
		var b strings.Builder
		var spans [][2]int
		for range 1 + r.IntN(25) {
			if b.Len() > 0 || r.IntN(4) == 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			p := paras[r.IntN(len(paras))]
			if r.IntN(3) == 0 {
				i, j := r.IntN(len(p)+1), r.IntN(len(p)+1)
				p = p[min(i, j):max(i, j)] // may cut a rune
			}
			start := b.Len()
			b.WriteString(p)
			if r.IntN(8) != 0 { // some paragraphs are not identified on their own
				spans = append(spans, [2]int{start, b.Len()})
			}
		}
		if r.IntN(3) == 0 {
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		if r.IntN(5) == 0 && len(text) > 0 { // a piece at a random place
			i, j := r.IntN(len(text)+1), r.IntN(len(text)+1)
			spans = append(spans, [2]int{min(i, j), max(i, j)})
			slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
		}
		var ps Pieces
		for _, sp := range spans {
			if got, want := d.DetectPiece(text, sp[0], sp[1], &ps), d.Detect(text[sp[0]:sp[1]]); got != want {
				t.Fatalf("DetectPiece(%.60q) = %q, Detect %q", text[sp[0]:sp[1]], got, want)
			}
		}
		s := sample(text)
		whole, direct := countPool.Get().(*counts), &counts{}
		got, want := whole.analyseWhole(s, &ps), direct.analyse(s, nil)
		if got.script != want.script || got.index != want.index || !slices.Equal(got.dist, want.dist) || !slices.Equal(got.hits, want.hits) ||
			whole.letters != direct.letters || whole.kana != direct.kana {
			t.Fatalf("%.80q with pieces %v: counted from pieces %v %v (%d letters, %d kana), directly %v %v (%d letters, %d kana)",
				text, spans, got.dist, got.hits, whole.letters, whole.kana, want.dist, want.hits, direct.letters, direct.kana)
		}
		countPool.Put(whole)
		if got, want := d.DetectWhole(text, &ps), d.Detect(text); got != want {
			t.Fatalf("DetectWhole(%.60q) = %q, Detect %q", text, got, want)
		}
		for _, p := range ps.pieces {
			if _, _, ok := stopBounds(s, p.start, p.end); ok && p.counted {
				reused++
			}
		}
	}
	if reused < 2000 {
		t.Fatalf("only %d pieces could stand for their text", reused)
	}
}
