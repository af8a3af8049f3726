package synth

import (
	"math/rand/v2"
	"strings"
)

// Questions returns n questions about articles [0, articles): each names
// people, places and topic words of one article, the way a reader would
// ask about a story they half remember. A few are in English, as Kabar's
// users mix languages. The list is deterministic for the seed.
func (g *Generator) Questions(n, articles int) []string {
	r := rand.New(rand.NewPCG(g.seed^0x9e37_79b9, uint64(articles)))
	out := make([]string, 0, n)
	for range n {
		a := g.Article(r.IntN(articles))
		w := func() string { return a.Words[r.IntN(len(a.Words))] }
		p := func(k int) string { return a.People[min(k, len(a.People)-1)] }
		var q string
		switch r.IntN(7) {
		case 0:
			q = "Apa kata " + p(0) + " tentang " + w() + " " + w() + "?"
		case 1:
			q = "Kapan " + p(0) + " bertemu " + p(1) + " di " + a.Place + "?"
		case 2:
			q = "Berapa " + w() + " yang dibahas " + p(0) + " di " + a.Place + "?"
		case 3:
			q = "Siapa yang " + w() + " " + w() + " di " + a.Place + "?"
		case 4:
			q = "Mengapa " + w() + " " + w() + " " + w() + " menurut " + p(1) + "?"
		case 5:
			q = "What did " + p(0) + " say about " + w() + " in " + a.Place + "?"
		default:
			q = capitalize(strings.Join([]string{w(), w(), a.Place, p(0)}, " ")) + "?"
		}
		out = append(out, q)
	}
	return out
}
