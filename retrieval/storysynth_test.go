package retrieval

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/kabar-bot/kabar/bench/synth"
)

// A synthetic corpus for folding at scale: the bench package's generated
// Indonesian news articles (topics share their people and places, so
// articles of one topic are each other's hard negatives), some of them
// translated into an invented language, some re-published by another
// outlet.

// storyCorpus is n generated articles, every tenth also translated and
// every fifteenth also re-published; story[id] is the article a document
// tells.
func storyCorpus(tb testing.TB, n int) (docs []Document, story map[string]string) {
	tb.Helper()
	g := synth.New(7)
	story = map[string]string{}
	add := func(name, text, lang, of string) {
		d, err := ParseDocument(name, []byte(text))
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		if lang != "" {
			d.Lang = lang
		}
		docs = append(docs, d)
		story[d.ID] = of
	}
	for i := range n {
		a := g.Article(i)
		of := fmt.Sprint(i)
		add(a.Name, a.Text, "", of)
		r := rand.New(rand.NewPCG(uint64(i), 0x7a11))
		if i%10 == 3 {
			add("translated/"+strings.TrimSuffix(strings.TrimSuffix(a.Name, ".md"), ".txt")+".txt", cipherTranslate(withoutFrontMatter(a.Text, a.Title), r), "xx", of)
		}
		if i%15 == 4 {
			add("republished/"+a.Name, republish(a.Text, r), "", of)
		}
	}
	return docs, story
}

// withoutFrontMatter is text with its front matter, if any, replaced by
// a headline line.
func withoutFrontMatter(text, title string) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	if end := strings.Index(text[4:], "\n---\n"); end >= 0 {
		return title + "\n" + text[4+end+5:]
	}
	return text
}

// cipherTranslate "translates" an article into an invented language: every
// ordinary word becomes another (sometimes two, sometimes none), names and
// figures stay but figures change their separators as English writes them,
// month and weekday names are translated, neighbouring words swap now and
// then, and a paragraph may be split in two.
func cipherTranslate(text string, r *rand.Rand) string {
	months := map[string]string{"Januari": "January", "Februari": "February", "Maret": "March", "Mei": "May", "Juni": "June", "Juli": "July", "Agustus": "August", "Oktober": "October", "Desember": "December",
		"Senin": "Monday", "Selasa": "Tuesday", "Rabu": "Wednesday", "Kamis": "Thursday", "Jumat": "Friday", "Sabtu": "Saturday", "Minggu": "Sunday"}
	// A translator keeps names where they stand, also at the start of a
	// sentence: words capitalised inside a sentence somewhere, or written
	// in capitals.
	names := map[string]bool{}
	for _, para := range strings.Split(text, "\n") {
		prev := "."
		for _, w := range strings.Fields(para) {
			core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if core != "" && (unicode.IsUpper([]rune(core)[0]) && !strings.HasSuffix(prev, ".") || strings.ToUpper(core) == core) {
				names[core] = true
			}
			prev = w
		}
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		var words []string
		initial := true
		for _, w := range strings.Fields(para) {
			core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			tail := w[len(core):]
			switch {
			case months[core] != "":
				words = append(words, months[core]+tail)
			case core != "" && strings.ContainsAny(core[:1], "0123456789"):
				words = append(words, swapSeparators(core)+tail)
			case names[core]:
				words = append(words, w)
			case core == "":
				words = append(words, w)
			default:
				switch x := r.IntN(20); {
				case x == 0: // dropped
					if tail != "" && len(words) > 0 {
						words[len(words)-1] += tail
					}
				case x < 3:
					words = append(words, cipherWord(core, initial), cipherWord(core+"'", false)+tail)
				default:
					words = append(words, cipherWord(core, initial)+tail)
				}
			}
			initial = strings.HasSuffix(tail, ".") || strings.HasSuffix(tail, "?")
		}
		for k := 0; k+1 < len(words); k++ {
			if r.IntN(8) == 0 {
				words[k], words[k+1] = words[k+1], words[k]
				k++
			}
		}
		line := strings.Join(words, " ")
		if i := strings.Index(line, ". "); i > 0 && len(words) > 40 && r.IntN(5) == 0 {
			line = line[:i+1] + "\n\n" + line[i+2:]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// cipherWord is w's word in the invented language.
func cipherWord(w string, capital bool) string {
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(w)))
	x := h.Sum64()
	syll := []string{"ka", "lo", "mer", "tu", "si", "van", "de", "ro", "pi", "nel", "qua", "zo", "fi", "gar", "bu", "est"}
	var b strings.Builder
	for k := 0; k < 2+int(x%3); k++ {
		b.WriteString(syll[(x>>(4*k+2))%uint64(len(syll))])
	}
	s := b.String()
	if capital {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// swapSeparators writes "1.250" as "1,250" and "12,5" as "12.5".
func swapSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s)
}

// republish is another outlet's copy: its own byline line on top, the
// last paragraph cut, a sign-off added.
func republish(text string, r *rand.Rand) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	head := lines[0]
	if strings.HasPrefix(head, "---") { // front matter: keep it whole
		end := 1
		for end < len(lines) && lines[end] != "---" {
			end++
		}
		head = strings.Join(lines[:end+1], "\n")
		lines = lines[end:]
	}
	body := lines[1 : len(lines)-1]
	return head + "\n\nOleh Redaksi Mitra " + fmt.Sprint(r.IntN(90)+10) + "\n" + strings.Join(body, "\n") +
		"\n\nArtikel ini pertama kali terbit di kantor berita mitra kami dan dimuat ulang atas izin.\n"
}

// TestStoryGroupsSynthetic folds a generated corpus of 1,500 articles with
// their translations and re-published copies: every copy joins its
// article, and articles of one topic (the same people and places) stay
// apart.
func TestStoryGroupsSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	t.Parallel()
	docs, story := storyCorpus(t, 1500)
	groups := StoryGroups(docs)
	s := scoreFolds(docs, groups, func(id string) string { return story[id] })
	t.Logf("synthetic: %d documents; %d of %d same-story pairs folded, %d pairs of different stories folded", len(docs), s.folded, s.truePairs, s.falseFolds)
	for _, w := range s.wrong[:min(len(s.wrong), 10)] {
		t.Errorf("different stories folded: %s", w)
	}
	// A translation that splits a paragraph leaving one half without
	// names or figures may be missed; nearly every copy must not be.
	if float64(s.folded) < 0.97*float64(s.truePairs) {
		t.Errorf("only %d of %d same-story pairs folded; missed, for example: %v", s.folded, s.truePairs, s.missed[:min(len(s.missed), 5)])
	}
}

// BenchmarkStoryGroups measures folding a generated corpus of 400 and of
// 1,600 articles (with their translations and re-published copies),
// against StoryGroups as it was before (storyGroupsBefore), interleaved in
// every iteration. It reports each one's time per document at both sizes,
// how much that grows from the small corpus to the large one (1 is
// linear; 4 would be quadratic), and the new time over the old one.
func BenchmarkStoryGroups(b *testing.B) {
	small, _ := storyCorpus(b, 400)
	large, _ := storyCorpus(b, 1600)
	var newSmall, newLarge, oldSmall, oldLarge []float64
	perDoc := func(f func([]Document) map[string]string, docs []Document) float64 {
		t := time.Now()
		f(docs)
		return float64(time.Since(t).Microseconds()) / float64(len(docs))
	}
	for b.Loop() {
		newSmall = append(newSmall, perDoc(StoryGroups, small))
		oldSmall = append(oldSmall, perDoc(storyGroupsBefore, small))
		newLarge = append(newLarge, perDoc(StoryGroups, large))
		oldLarge = append(oldLarge, perDoc(storyGroupsBefore, large))
	}
	med := func(v []float64) float64 {
		s := slices.Clone(v)
		slices.Sort(s)
		return s[len(s)/2]
	}
	ratio := func(a, b []float64) float64 {
		r := make([]float64, len(a))
		for i := range a {
			r[i] = a[i] / b[i]
		}
		return med(r)
	}
	b.ReportMetric(med(newSmall), "new-us/doc@400")
	b.ReportMetric(med(newLarge), "new-us/doc@1600")
	b.ReportMetric(med(oldSmall), "old-us/doc@400")
	b.ReportMetric(med(oldLarge), "old-us/doc@1600")
	b.ReportMetric(ratio(newLarge, newSmall), "new-growth")
	b.ReportMetric(ratio(oldLarge, oldSmall), "old-growth")
	b.ReportMetric(ratio(newLarge, oldLarge), "new/old@1600")
}
