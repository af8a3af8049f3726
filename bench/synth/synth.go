// Package synth generates synthetic news corpora for Kabar's benchmarks:
// Indonesian-like articles with headlines, datelines, quotations, names,
// places, organisations, numbers and dates, with realistic article,
// paragraph and sentence lengths and a Zipf-distributed vocabulary grouped
// into topics. Everything is a pure function of a seed: article i of seed s
// is the same on every machine and in every run, so a corpus of n articles
// is the first n articles of the seed's endless sequence and benchmarks can
// cache it on disk.
package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Generator produces the articles of one seed. It is immutable after New
// and safe for concurrent use.
type Generator struct {
	seed   uint64
	vocab  []string // contentWords followed by invented words
	topics []topic
	people []string
}

// topic is what keeps an article coherent: the words, people and places it
// keeps coming back to.
type topic struct {
	words  []string
	people []int // indexes into Generator.people
	places []string
}

// Sizes of the invented parts of the world.
const (
	inventedWords   = 30000
	inventedSurname = 600
	numTopics       = 400
	wordsPerTopic   = 48
	peoplePerTopic  = 6
	placesPerTopic  = 3
)

// New returns the generator for seed.
func New(seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, 0x5eed_70c5))
	g := &Generator{seed: seed}
	g.vocab = append(append([]string(nil), contentWords...), inventWords(r, inventedWords, contentWords)...)
	surnames := append(append([]string(nil), familyNames...), capitalizeAll(inventWords(r, inventedSurname, nil))...)
	for _, s := range surnames {
		for _, n := range givenNames {
			g.people = append(g.people, n+" "+s)
		}
	}
	// Shuffle so that the most frequent (lowest Zipf rank) people are a mix
	// of real and invented surnames.
	r.Shuffle(len(g.people), func(i, j int) { g.people[i], g.people[j] = g.people[j], g.people[i] })
	g.topics = make([]topic, numTopics)
	for t := range g.topics {
		tp := &g.topics[t]
		for range wordsPerTopic {
			// Topic words come from the middle of the vocabulary: frequent
			// enough to recur, rare enough to discriminate.
			tp.words = append(tp.words, g.vocab[20+r.IntN(8000)])
		}
		for range peoplePerTopic {
			tp.people = append(tp.people, r.IntN(len(g.people)))
		}
		for range placesPerTopic {
			tp.places = append(tp.places, places[r.IntN(len(places))])
		}
	}
	return g
}

// Seed returns the generator's seed.
func (g *Generator) Seed() uint64 { return g.seed }

// Article is one generated article and the facts it states, from which
// questions about it are made.
type Article struct {
	Name   string // slash path relative to the corpus root, e.g. "a0001/artikel-0001234.txt"
	Text   string // the file's content
	Title  string
	Outlet string
	Place  string   // the dateline city
	Date   string   // "Senin, 14 Juli 2025"
	People []string // the people it quotes or mentions, most prominent first
	Words  []string // its topic's words
}

// filesPerDir keeps directories to a size file managers and walkers like.
const filesPerDir = 1000

// ArticleName is the corpus path of article i: a .md file with YAML front
// matter for about three in ten articles, as collections exported from a
// CMS have, a plain .txt file with a headline line otherwise.
func (g *Generator) ArticleName(i int) string {
	ext := ".txt"
	if g.frontMatter(i) {
		ext = ".md"
	}
	return "a" + pad(i/filesPerDir, 4) + "/artikel-" + pad(i, 7) + ext
}

func (g *Generator) frontMatter(i int) bool {
	return rand.New(rand.NewPCG(g.seed^0xf2_0a7, uint64(i))).IntN(10) < 3
}

// Article generates article i (i ≥ 0).
func (g *Generator) Article(i int) Article {
	return g.article(i, 0)
}

// Revision generates revision rev of article i: revision 0 is Article(i),
// later ones append an update paragraph, as outlets do when a story moves.
func (g *Generator) Revision(i, rev int) Article {
	return g.article(i, rev)
}

func (g *Generator) article(i, rev int) Article {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)+1))
	w := g.newWriter(r)
	a := Article{Name: g.ArticleName(i)}
	a.Outlet = outlets[w.zipfN(len(outlets))]
	t := &g.topics[w.zipfN(numTopics)]
	w.topic = t
	a.Words = t.words
	a.Place = t.places[r.IntN(len(t.places))]
	a.Date = weekdays[r.IntN(7)] + ", " + strconv.Itoa(1+r.IntN(28)) + " " + months[r.IntN(12)] + " " + strconv.Itoa(2019+r.IntN(7))
	for _, p := range t.people[:2+r.IntN(3)] {
		a.People = append(a.People, g.people[p])
	}
	w.cast = a.People
	a.Title = w.title()

	var b strings.Builder
	b.Grow(4096)
	if g.frontMatter(i) {
		b.WriteString("---\ntitle: \"" + a.Title + "\"\noutlet: " + a.Outlet + "\npublished: " + a.Date + "\nlang: id\n---\n\n")
	} else {
		b.WriteString(a.Title + "\n\n")
	}
	b.WriteString(strings.ToUpper(a.Place) + " (" + a.Outlet + ") - ")
	w.lead(&b, a.People[0], a.Date)
	w.paragraph(&b, 1+r.IntN(2), "")
	paras := 5 + r.IntN(8) + r.IntN(8) // 5–19, centred on 12
	for p := 1; p < paras; p++ {
		b.WriteString("\n\n")
		w.paragraph(&b, paragraphSentences(r), "")
	}
	if rev > 0 {
		u := g.newWriter(rand.New(rand.NewPCG(g.seed^0xa11ce, uint64(i)<<20|uint64(rev))))
		u.topic, u.cast = t, a.People
		b.WriteString("\n\nPembaruan " + strconv.Itoa(rev) + ": ")
		u.paragraph(&b, 2, "")
	}
	b.WriteString("\n")
	a.Text = b.String()
	// Keep only the people the story ended up naming.
	a.People = slices.DeleteFunc(a.People, func(p string) bool { return !strings.Contains(a.Text, p) })
	return a
}

// paragraphSentences draws a news paragraph's length: mostly one to three
// sentences, occasionally four.
func paragraphSentences(r *rand.Rand) int {
	switch x := r.IntN(20); {
	case x < 5:
		return 1
	case x < 14:
		return 2
	case x < 19:
		return 3
	default:
		return 4
	}
}

// writer composes sentences for one article.
type writer struct {
	g     *Generator
	r     *rand.Rand
	words *rand.Zipf
	fn    *rand.Zipf
	topic *topic
	cast  []string
}

func (g *Generator) newWriter(r *rand.Rand) *writer {
	return &writer{
		g: g, r: r,
		words: rand.NewZipf(r, 1.07, 2, uint64(len(g.vocab)-1)),
		fn:    rand.NewZipf(r, 1.2, 4, uint64(len(functionWords)-1)),
	}
}

// zipfN draws from [0, n) favouring low values, for outlets and topics.
func (w *writer) zipfN(n int) int {
	return int(rand.NewZipf(w.r, 1.1, 4, uint64(n-1)).Uint64())
}

func (w *writer) word() string {
	switch x := w.r.IntN(100); {
	case x < 33:
		return functionWords[w.fn.Uint64()]
	case x < 51:
		return w.topic.words[w.r.IntN(len(w.topic.words))]
	default:
		return w.g.vocab[w.words.Uint64()]
	}
}

func (w *writer) person() string {
	if w.r.IntN(4) == 0 {
		return w.g.people[w.r.IntN(len(w.g.people))] // someone outside the story's cast
	}
	return w.cast[w.r.IntN(len(w.cast))]
}

func (w *writer) title() string {
	var parts []string
	n := 5 + w.r.IntN(6)
	for k := 0; k < n; k++ {
		var s string
		switch {
		case k == 1 && w.r.IntN(2) == 0:
			s = w.cast[0]
		case w.r.IntN(2) == 0:
			s = w.topic.words[w.r.IntN(len(w.topic.words))]
		default:
			s = w.g.vocab[w.words.Uint64()]
		}
		parts = append(parts, capitalize(s))
	}
	return strings.Join(parts, " ")
}

// paragraph writes n sentences; date, when set, is worked into the first.
func (w *writer) paragraph(b *strings.Builder, n int, date string) {
	for s := 0; s < n; s++ {
		if s > 0 {
			b.WriteByte(' ')
		}
		if w.r.IntN(5) == 0 {
			w.quote(b)
			continue
		}
		w.sentence(b, date)
		date = ""
	}
}

// lead writes the first sentence: who did what, and when.
func (w *writer) lead(b *strings.Builder, who, date string) {
	b.WriteString(who)
	for range w.sentenceWords() - 2 {
		b.WriteByte(' ')
		b.WriteString(w.word())
	}
	b.WriteString(" pada " + date + ".")
}

// sentenceWords draws a sentence length: 6 to 34 words, centred near 17.
func (w *writer) sentenceWords() int {
	return 6 + w.r.IntN(10) + w.r.IntN(10) + w.r.IntN(10)
}

func (w *writer) sentence(b *strings.Builder, date string) {
	n := w.sentenceWords()
	// Slots for facts: a person, a place, a number, an organisation.
	who, where, num, org := -1, -1, -1, -1
	if w.r.IntN(2) == 0 {
		who = w.r.IntN(n)
	}
	if w.r.IntN(10) < 3 {
		where = w.r.IntN(n)
	}
	if w.r.IntN(10) < 3 {
		num = w.r.IntN(n)
	}
	if w.r.IntN(10) < 2 {
		org = w.r.IntN(n)
	}
	for k := 0; k < n; k++ {
		if k > 0 {
			b.WriteByte(' ')
		}
		var s string
		switch k {
		case who:
			s = w.person()
		case where:
			s = "di " + w.topic.places[w.r.IntN(len(w.topic.places))]
		case num:
			s = w.number()
		case org:
			s = organisations[w.r.IntN(len(organisations))]
		default:
			s = w.word()
		}
		if k == 0 {
			s = capitalize(s)
		}
		b.WriteString(s)
	}
	if date != "" {
		b.WriteString(" pada " + date)
	}
	b.WriteByte('.')
}

// quote writes a quotation with its attribution: “…,” kata Budi Santoso.
func (w *writer) quote(b *strings.Builder) {
	n := 6 + w.r.IntN(12)
	b.WriteString("\u201c")
	for k := 0; k < n; k++ {
		if k > 0 {
			b.WriteByte(' ')
		}
		s := w.word()
		if k == 0 {
			s = capitalize(s)
		}
		b.WriteString(s)
	}
	b.WriteString(",\u201d " + saidVerbs[w.r.IntN(len(saidVerbs))] + " " + w.person() + ".")
}

// number writes an amount the way Indonesian news does: "1.250 orang",
// "12,5 persen", "Rp 3,2 triliun".
func (w *writer) number() string {
	switch w.r.IntN(4) {
	case 0:
		return "Rp " + strconv.Itoa(1+w.r.IntN(999)) + "," + strconv.Itoa(w.r.IntN(10)) + " " + []string{"juta", "miliar", "triliun"}[w.r.IntN(3)]
	case 1:
		return strconv.Itoa(w.r.IntN(100)) + "," + strconv.Itoa(w.r.IntN(10)) + " persen"
	case 2:
		return thousands(1+w.r.IntN(99999)) + " " + units[w.r.IntN(len(units))]
	default:
		return "tahun " + strconv.Itoa(1990+w.r.IntN(40))
	}
}

// thousands formats n with Indonesian thousands separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func capitalizeAll(list []string) []string {
	for i, s := range list {
		list[i] = capitalize(s)
	}
	return list
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s
	}
	return strings.Repeat("0", width-len(s)) + s
}
