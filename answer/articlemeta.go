package answer

import (
	"context"
	"regexp"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// articleMeta answers a question about an article itself: its byline,
// dateline, publication date or outlet, or who released a photo in it.
// The article is the one the rest of the question describes (its topic,
// its byline's name, its dateline, its date); the answer is what its
// opening lines (retrieval.ReadHeader) or a caption state, cited
// verbatim. ok is false when q is no such question or no article fits
// its description: the ordinary answerer then takes it.
func (e *Extractive) articleMeta(ctx context.Context, q Query) (Result, bool, error) {
	ask := askedMeta(q.Question)
	if ask.field == metaNone {
		return Result{}, false, nil
	}
	lang := answerLang(e.lex.Analyze(q.Question))
	date, rest := dateInQuestion(ask.rest)
	lq := withCorpusSpellings(e.corpus, e.lex.Analyze(rest), e.lex.KnownWord)
	k := q.K
	if k <= 0 {
		k = e.k
	}
	var hits []retrieval.Hit
	if len(lq.Concepts) > 0 {
		var err error
		if hits, err = e.search(ctx, lq, k); err != nil {
			return Result{}, false, err
		}
	}
	res := Result{Question: q.Question, Mode: ModeExtractive, Lang: lang, Citations: []Citation{}}
	if ask.field == metaPhoto {
		return e.photoCredit(res, lq, hits)
	}
	art, ok := e.describedArticle(q.Question, lq, date, hits, ask.field)
	if !ok {
		return Result{}, false, nil
	}
	return e.metaAnswer(res, ask, art), true, nil
}

// describedDoc is an article a question may describe, with what its
// opening states.
type describedDoc struct {
	doc  retrieval.Document
	head retrieval.Header
	rank int // first search rank of its passages; hits+1 when found by its byline only
}

// Article selection: an article matching minMetaCoverage of the question's
// weighted concepts (over its whole text, byline included, and over its
// best sentence: each counts), or described by its date (a selector worth
// namedSelector), is a candidate; the best scoring one is the article.
const (
	minMetaCoverage = 0.5
	namedSelector   = 1.0
)

// describedArticle picks the article the question describes.
func (e *Extractive) describedArticle(question string, lq lexicon.Query, date askedDate, hits []retrieval.Hit, field metaField) (describedDoc, bool) {
	var cands []describedDoc
	seen := map[string]bool{}
	add := func(id string, rank int) {
		if seen[id] {
			return
		}
		if doc, ok := e.corpus.Document(id); ok {
			seen[id] = true
			cands = append(cands, describedDoc{doc: doc, head: retrieval.ReadHeader(doc.Text), rank: rank})
		}
	}
	for rank, h := range hits {
		add(h.Chunk.DocID, rank)
		for _, d := range h.Duplicates {
			add(d.DocID, rank)
		}
	}
	// Bylines are not searched (they are not evidence of the story), so an
	// article described by its author's name is found by its header.
	if field != metaAuthor {
		for _, doc := range e.corpus.Documents() {
			if seen[doc.ID] {
				continue
			}
			if name := firstNonEmpty(retrieval.ReadHeader(doc.Text).Author, doc.Author); name != "" && wordsIn(name, question) {
				add(doc.ID, len(hits)+1)
			}
		}
	}
	weights := conceptWeights(e.corpus, lq)
	quoted := quotedConcepts(question, lq)
	best, bestScore := -1, 0.0
	for i, c := range cands {
		cov := metaCoverage(lq, weights, e.termsOf(c.doc.Text, c.doc.Lang), c.doc.Lang)
		// Of two articles on one story, the one with a sentence stating
		// what the question describes ("the report saying Pyongyang will
		// keep supporting the war") is the one it means.
		cov += e.bestSentenceCoverage(c.doc, lq, weights, quoted)
		sel := 0.0
		if match, known := date.matches(firstNonEmpty(c.head.Published, c.doc.Published)); known {
			if match {
				sel += namedSelector
			} else {
				sel -= namedSelector // "the monday 14 july article" is not one of another day
			}
		}
		if cov < 2*minMetaCoverage && sel < namedSelector {
			continue
		}
		score := cov + sel + 0.01/float64(1+c.rank)
		if best < 0 || score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return describedDoc{}, false
	}
	return cands[best], true
}

// bestSentenceCoverage is the highest metaCoverage of one sentence of
// doc; a sentence holding the words the question quotes, in order, gains
// namedSelector: "the report saying … 'supporting and encouraging'" means
// the article writing "mendukung dan mendorong", not one writing
// "mendukung tanpa syarat dan mendorong".
func (e *Extractive) bestSentenceCoverage(doc retrieval.Document, lq lexicon.Query, weights []float64, quoted []int) float64 {
	best := 0.0
	for n := 1; ; n++ {
		p, ok := e.corpus.Paragraph(doc.ID, n)
		if !ok {
			return best
		}
		for _, s := range p.Sentences {
			terms := e.termsOf(doc.Text[s.Start:s.End], doc.Lang)
			cov := metaCoverage(lq, weights, terms, doc.Lang)
			if len(quoted) > 1 && conceptsInOrder(lq, quoted, terms, doc.Lang) {
				cov += namedSelector
			}
			best = max(best, cov)
		}
	}
}

// quotedRE finds the words a question quotes: 'supporting and
// encouraging', “mendukung tanpa syarat”. An apostrophe inside a word
// (russia's, where's) opens no quotation.
var quotedRE = regexp.MustCompile(`(?:^|\s)['‘"“]([^'’"”]{3,120}?)['’"”](?:\s|[,.?!;:]|$)`)

// quotedConcepts returns the indices of lq's concepts written inside a
// quotation of the question.
func quotedConcepts(question string, lq lexicon.Query) []int {
	var out []int
	for _, m := range quotedRE.FindAllStringSubmatch(strings.ToLower(question), -1) {
		for i, c := range lq.Concepts {
			if c.Surface != "" && strings.Contains(m[1], strings.ToLower(c.Surface)) {
				out = append(out, i)
			}
		}
	}
	return out
}

// conceptsInOrder reports whether the concepts idx occur in order in the
// term sequence, each at most maxQuoteGap tokens after the one before.
func conceptsInOrder(lq lexicon.Query, idx []int, termsAt [][]string, docLang string) bool {
	at := func(ci, k int) bool {
		con := lq.Concepts[ci]
		for ai, a := range con.Alts {
			if len(a) > 0 && inLanguage(con.AltLang(ai), docLang) && anyIn(a[0], termsAt[k]) {
				return true
			}
		}
		return false
	}
	return inOrderWithin(len(idx), len(termsAt), maxQuoteGap, func(i, k int) bool { return at(idx[i], k) })
}

// maxQuoteGap allows one function word between quoted words ("supporting
// and encouraging": "mendukung dan mendorong").
const maxQuoteGap = 2

// metaCoverage is the weighted share of the question's concepts the term
// sequence holds (any alternative, in the document's language).
func metaCoverage(lq lexicon.Query, weights []float64, termsAt [][]string, docLang string) float64 {
	var got, total float64
	for i, con := range lq.Concepts {
		if con.Meta {
			continue
		}
		total += weights[i]
		for ai, a := range con.Alts {
			if !inLanguage(con.AltLang(ai), docLang) {
				continue
			}
			if ok, _ := matchAlt(a, termsAt); ok {
				w := 1.0
				if ai < len(con.AltWeights) {
					w = con.AltWeights[ai]
				}
				got += weights[i] * w
				break
			}
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// wordsIn reports whether every word of name occurs as a word of text,
// ignoring case.
func wordsIn(name, text string) bool {
	words := wordsOf(name)
	if len(words) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range wordsOf(text) {
		have[w] = true
	}
	for _, w := range words {
		if !have[w] {
			return false
		}
	}
	return true
}

var letterRunRE = regexp.MustCompile(`[\pL\pN]+`)

func wordsOf(s string) []string {
	var out []string
	for _, w := range letterRunRE.FindAllString(strings.ToLower(s), -1) {
		switch w {
		case "and", "dan", "the":
			continue
		}
		out = append(out, w)
	}
	return out
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
