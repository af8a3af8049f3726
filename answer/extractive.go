package answer

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/timeline"
)

// Thresholds of the extractive answerer, chosen on the tuning half of the
// blind seed set. A sentence answers only when it carries at least
// minCoverage of the question's weighted concepts (minCoverageNamed when
// it names everyone the question names itself), every name and number of
// the question is in it, its paragraph or its article's title and lead,
// it matches something of the question besides the names, and (for typed
// questions) it holds something of the asked type. Sentences within
// peerShare of the best score may corroborate or contradict it; sentences
// within backerShare whose article (not sentence) names the question's
// subjects may only corroborate an answer already found.
const (
	minCoverage      = 0.5
	minCoverageNamed = 0.4
	peerShare        = 0.85
	backerShare      = 0.6
	maxQuotes        = 4
	disagreeShare    = 0.8 // a figure of another story this near the best answers too: the reports disagree
	expansionBonus   = 0.1 // like quotationBonus: a sentence that spells the asked short form out ranks first
)

// Extractive answers from verbatim sentences of the coverage, offline.
type Extractive struct {
	corpus   Corpus
	langOnce sync.Once
	langs    docLanguages // documents per language, counted once
	verOnce  sync.Once
	ver      *cite.Verifier // judges who does what in a chosen sentence (decline_roles.go), made on first use
	lex      *lexicon.Lexicon
	k        int
	ranking  retrieval.Ranking
}

// NewExtractive returns the offline answerer over corpus. k is the number
// of passages retrieved per question (0: 16): more than a reader would
// want, because the answerer judges their sentences itself.
func NewExtractive(corpus Corpus, k int, ranking retrieval.Ranking) *Extractive {
	if k <= 0 {
		k = 16
	}
	return &Extractive{corpus: corpus, lex: corpus.Lexicon(), k: k, ranking: ranking}
}

// verifier returns the citation verifier over the corpus's lexicon.
func (e *Extractive) verifier() *cite.Verifier {
	e.verOnce.Do(func() { e.ver = cite.NewVerifier(e.lex) })
	return e.ver
}

// Evidence is a retrieved, judged sentence, ready to cite.
type Evidence struct {
	Doc       retrieval.Document
	Paragraph int
	Span      retrieval.Span // the sentence in the document
	Chunk     retrieval.Chunk
	Coverage  float64
	Score     float64
	Backer    bool            // corroborates an answer other sentences give; never an answer on its own
	AllNamed  bool            // the sentence (or the one it refers back to) names everyone the question names
	Answers   bool            // the sentence may answer on its own (a backer may too, below the peers' bar)
	credits   map[int]float64 // question concept → how well this sentence matched it
	Key       string          // the answer-type match nearest the question's focus, verbatim
	KeyNorm   string
	KeyStart  int
	KeyEnd    int
	KeyType   lexicon.AnswerType // what kind of value Key is
	KeyDate   *timeline.Date     // a date key resolved to the calendar
	// Story is the story the article belongs to: re-publications and
	// translations of one report are one source, never corroboration or
	// disagreement of each other.
	Story string
	// Why says, in the reader's language, why a polar question is
	// answered no when the verifier's rules decided it ("the report
	// calls it a former title (“mantan”)"); "" otherwise.
	Why string
}

// Answer answers q from the coverage.
func (e *Extractive) Answer(ctx context.Context, q Query) (Result, error) {
	start := time.Now()
	res := Result{Question: q.Question, Mode: ModeExtractive, Citations: []Citation{}}
	if meta, ok, err := e.articleMeta(ctx, q); err != nil || ok {
		meta.TookMS = time.Since(start).Milliseconds()
		return meta, err // a question about the article itself: its byline, dateline, date, outlet, a photo's source
	}
	lq, hits, err := e.analyze(ctx, q.Question, q.K)
	if err != nil {
		return res, err
	}
	if len(lq.Choices) == 2 {
		ev, open, err := e.choiceEvidence(ctx, lq, q.K, hits) // choices.go: "in Wonsan or Pyongyang?"
		if err != nil {
			return res, err
		}
		res = e.compose(res, open, ev, yesNoNone)
		res.TookMS = time.Since(start).Milliseconds()
		return res, nil
	}
	if lq.Type == lexicon.AnswerYesNo {
		ev, polarity, err := e.yesNoEvidence(ctx, lq, q.K, hits)
		if err != nil {
			return res, err
		}
		res = e.compose(res, lq, ev, polarity)
		res.TookMS = time.Since(start).Milliseconds()
		return res, nil
	}
	ev, err := e.evidenceFrom(ctx, lq, q.K, hits)
	if err != nil {
		return res, err
	}
	if len(ev) == 0 && lq.Type == lexicon.AnswerTitle {
		// No title beside the name (a page in a language whose titles
		// Kabar cannot tell): "who is Kim Jong Un?" is still answered by
		// the best sentence about him.
		lq.Type = lexicon.AnswerAny
		if ev, err = e.evidenceFrom(ctx, lq, q.K, hits); err != nil {
			return res, err
		}
	}
	res = e.compose(res, lq, ev, yesNoNone)
	res.TookMS = time.Since(start).Milliseconds()
	return res, nil
}

// analyze reads the question; when it has words in lower case that the
// coverage writes as names, it reads it again knowing them. hits are the
// passages retrieved for the returned query, or nil when the second
// reading changed what to search for.
func (e *Extractive) analyze(ctx context.Context, question string, k int) (lexicon.Query, []retrieval.Hit, error) {
	lq := withUnclipped(e.corpus, e.lex, unfocusBounds(withCorpusSpellings(e.corpus, e.lex.Analyze(question), e.lex.KnownWord))) // docs_bound.go, unclip.go
	if k <= 0 {
		k = e.k
	}
	hits, err := e.search(ctx, lq, k)
	if err != nil {
		return lq, nil, err
	}
	if names := corpusNames(question, hits, e.lex.KnownWord, e.lex.TitleWord); len(names) > 0 {
		return withUnclipped(e.corpus, e.lex, unfocusBounds(withCorpusSpellings(e.corpus, e.lex.AnalyzeWith(question, func(w string) bool { return names[w] }), e.lex.KnownWord))), nil, nil
	}
	return lq, hits, nil
}

// Evidence retrieves and ranks the sentences that answer lq, best first;
// empty when nothing in the coverage answers it.
func (e *Extractive) Evidence(ctx context.Context, lq lexicon.Query, k int) ([]Evidence, error) {
	return e.evidence(ctx, lq, k)
}

func (e *Extractive) evidence(ctx context.Context, lq lexicon.Query, k int) ([]Evidence, error) {
	return e.evidenceFrom(ctx, lq, k, nil)
}

// evidenceFrom is evidence over passages already retrieved for lq's
// concepts (nil: retrieve them).
func (e *Extractive) evidenceFrom(ctx context.Context, lq lexicon.Query, k int, hits []retrieval.Hit) ([]Evidence, error) {
	if k <= 0 {
		k = e.k
	}
	if absentThing(e.corpus, lq) != "" || absentPlace(e.corpus, lq) != "" {
		return nil, nil
	}
	if hits == nil {
		var err error
		if hits, err = e.search(ctx, lq, k); err != nil {
			return nil, err
		}
	}
	if e.phraseAbsent(lq, hits) {
		return nil, nil
	}
	cands := e.readHowTo(e.candidates(hits, lq), lq) // howto_rescore.go
	if len(cands) == 0 {
		return nil, nil
	}
	sortCandidates(cands)
	typed := lq.Type != lexicon.AnswerAny
	var best, top *candidate
	for _, c := range cands {
		if !c.answers() {
			continue
		}
		if top == nil {
			top = c
		}
		// A typed question's answer holds something of the asked type:
		// a sentence without one cannot set the bar for those that do,
		// but one far weaker than the best sentence answers another
		// question.
		if !typed || len(extractKeys(c, lq.Type, c.focus(lq), lq, e.lex)) > 0 {
			if c.score >= backerShare*top.score {
				best = c
			}
			break
		}
	}
	if best == nil || e.declineReason(best, lq) != "" {
		return nil, nil // decline.go: the best sentence answers a neighbouring question
	}
	peers := make([]*candidate, 0, len(cands))
	var backers []*candidate
	for _, c := range cands {
		switch {
		case c.answers() && c.score >= peerShare*best.score:
			peers = append(peers, c)
		case c.corroborates() && c.score >= backerShare*best.score:
			backers = append(backers, c)
		}
	}
	if typed {
		peers = e.withKeys(peers, lq)
		if len(peers) == 0 {
			return nil, nil // nothing of the asked type: the coverage does not say
		}
		backers = e.withKeys(backers, lq)
	} else {
		backers = nil
	}
	out := make([]Evidence, 0, len(peers)+len(backers))
	for i, c := range append(peers, backers...) {
		span := c.span
		if c.namedBefore {
			span.Start = c.prev.Start // the quote shows whom "it" or "ia" means
		}
		if lq.AsksReason {
			span.End = e.withReason(c)
		}
		ev := Evidence{Doc: *c.doc, Paragraph: c.paragraph, Span: span, Chunk: c.chunk, Coverage: c.coverage, Score: c.score, Backer: i >= len(peers),
			credits: map[int]float64{}, KeyType: lq.Type, Story: c.doc.ID, AllNamed: c.allHere, Answers: c.answers()}
		for _, m := range c.matched {
			if !lq.Concepts[m.concept].Entity {
				ev.credits[m.concept] = m.credit
			}
		}
		if len(c.keys) > 0 {
			k := c.keys[0]
			ev.Key, ev.KeyNorm, ev.KeyStart, ev.KeyEnd, ev.KeyDate = c.doc.Text[k.start:k.end], k.norm, k.start, k.end, k.date
			if lq.Type == lexicon.AnswerPerson {
				ev.Key = e.fullerName(*c.doc, ev.Key) // fullname.go: "Hui" is Choe Son Hui
			}
			if k.ordinal {
				ev.KeyType = lexicon.AnswerOrdinal
			}
		}
		out = append(out, ev)
	}
	markStories(out)
	return out, nil
}

// withReason returns where the quote of a why-question's sentence ends:
// the sentence itself when it gives a reason ("because", "karena", "so
// that", "agar"), else the next sentence of its paragraph too, which is
// where documentation and news give the reason after restating the fact
// ("… requires a proper shutdown. All changes in memory must first be
// written to disk.").
func (e *Extractive) withReason(c *candidate) int {
	if statesReason(c.text()) {
		return c.span.End
	}
	para, ok := e.corpus.Paragraph(c.doc.ID, c.paragraph)
	if !ok {
		return c.span.End
	}
	for i, s := range para.Sentences {
		if s.Start == c.span.Start && i+1 < len(para.Sentences) {
			return para.Sentences[i+1].End
		}
	}
	return c.span.End
}

// statesReason reports whether a sentence has a word of cause or purpose.
func statesReason(s string) bool {
	toks := lexicon.Tokenize(s)
	for i, t := range toks {
		switch t.Norm {
		case "because", "since", "therefore", "thus", "hence", "karena", "sebab", "agar", "supaya", "sehingga", "maka", "akibat":
			return true
		case "so", "due", "order":
			if i+1 < len(toks) && (toks[i+1].Norm == "that" || toks[i+1].Norm == "to") {
				return true // "so that", "due to", "in order to"
			}
		}
	}
	return false
}

// markStories sets each evidence's story: documents among the evidence
// that are re-published copies or translations of one report (retrieval's
// StoryGroups, run on these few documents only, so answering never pays
// for the whole corpus) share the smallest id.
func markStories(ev []Evidence) {
	var docs []retrieval.Document
	seen := map[string]bool{}
	for _, e := range ev {
		if !seen[e.Doc.ID] {
			seen[e.Doc.ID] = true
			docs = append(docs, e.Doc)
		}
	}
	if len(docs) < 2 {
		return
	}
	groups := retrieval.StoryGroups(docs)
	for i := range ev {
		if s, ok := groups[ev[i].Doc.ID]; ok {
			ev[i].Story = s
		}
	}
}

// search retrieves the passages for lq. In a corpus that holds articles
// in the question's own language beside others (documentation in English
// and Indonesian), the question is also searched as it reads in its own
// language, so translations into the other one cannot crowd those
// articles out.
func (e *Extractive) search(ctx context.Context, lq lexicon.Query, k int) ([]retrieval.Hit, error) {
	hits, err := e.corpus.Search(ctx, lq, k, e.ranking)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if !e.languages().mixed(lq.Lang) {
		return hits, nil
	}
	own, err := e.corpus.Search(ctx, lq.InLanguage(lq.Lang), k, e.ranking)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	seen := map[string]bool{}
	var merged []retrieval.Hit
	for i := 0; i < max(len(own), len(hits)); i++ {
		for _, list := range [][]retrieval.Hit{own, hits} {
			if i < len(list) {
				id := fmt.Sprintf("%s@%d", list[i].Chunk.DocID, list[i].Chunk.Start)
				if !seen[id] {
					seen[id] = true
					merged = append(merged, list[i])
				}
			}
		}
	}
	return merged, nil
}

// docLanguages counts the corpus's documents per language.
type docLanguages map[string]int

// mixed reports whether the corpus has documents in lang and in others.
func (d docLanguages) mixed(lang string) bool {
	return d[lang] > 0 && d[lang] < d[""]
}

func (e *Extractive) languages() docLanguages {
	e.langOnce.Do(func() {
		e.langs = docLanguages{}
		// An index counts its languages without decoding every document.
		if lc, ok := e.corpus.(interface{ LanguageCounts() map[string]int }); ok {
			for lang, n := range lc.LanguageCounts() {
				e.langs[lang] += n
				e.langs[""] += n
			}
			return
		}
		for _, d := range e.corpus.Documents() {
			e.langs[d.Lang]++
			e.langs[""]++
		}
	})
	return e.langs
}

// phraseAbsent reports whether the question names a thing in several
// words ("defence ministry", "kementerian pertahanan") that no retrieved
// passage writes as a phrase: its words may each occur, scattered, but
// nothing speaks of that thing.
func (e *Extractive) phraseAbsent(lq lexicon.Query, hits []retrieval.Hit) bool {
	hitTerms := make([][][]string, len(hits))
	for i, h := range hits {
		toks := lexicon.Tokenize(h.Chunk.Text)
		hitTerms[i] = make([][]string, len(toks))
		for k, t := range toks {
			hitTerms[i][k] = append(e.lex.WordTerms(t, "id"), e.lex.WordTerms(t, "en")...)
		}
	}
	written := func(con lexicon.Concept) bool {
		for _, terms := range hitTerms {
			for ai, a := range con.Alts {
				if con.AltWeight(ai) >= synonymCredit && phraseAt(a, terms) {
					return true
				}
			}
		}
		return false
	}
	for _, con := range lq.Concepts {
		if !con.Salient || con.Entity || !strings.Contains(strings.TrimSpace(con.Surface), " ") {
			continue
		}
		words := strings.Fields(strings.ToLower(con.Surface))
		if lq.Lang == "en" && !e.lex.IsNoun(words[0]) {
			continue // "fallen soldiers": an adjective and its noun may be said otherwise ("pasukan … yang tewas")
		}
		if lexicon.IsMeasureNoun(words[len(words)-1]) {
			continue // "death toll": a count of deaths, written as the count ("6.000 tentara … tewas")
		}
		if !written(con) && !anyListed(lq, con, written) {
			return true
		}
	}
	return false
}

// phraseAt reports whether the words of a occur in order, at most one
// word apart, somewhere in the term sequence.
func phraseAt(a lexicon.Alt, terms [][]string) bool {
	return inOrderWithin(len(a), len(terms), 2, func(i, k int) bool { return anyIn(a[i], terms[k]) })
}

// inOrderWithin reports whether n items occur in order among size token
// positions, each at most gap positions after the one before: at(i, k)
// says whether item i is at position k.
func inOrderWithin(n, size, gap int, at func(i, k int) bool) bool {
	for start := 0; start < size; start++ {
		if !at(0, start) {
			continue
		}
		pos, ok := start, true
		for i := 1; i < n; i++ {
			next := -1
			for k := pos + 1; k <= pos+gap && k < size; k++ {
				if at(i, k) {
					next = k
					break
				}
			}
			if next < 0 {
				ok = false
				break
			}
			pos = next
		}
		if ok {
			return true
		}
	}
	return false
}

// candidates splits retrieved chunks (and their folded duplicates) into
// judged sentences.
func (e *Extractive) candidates(hits []retrieval.Hit, lq lexicon.Query) []*candidate {
	weights := conceptWeights(e.corpus, lq)
	docTermCache := map[string][][]string{}
	topicTermCache := map[string][][]string{}
	seen := map[string]bool{}
	var out []*candidate
	for rank, h := range hits {
		for _, ch := range append([]retrieval.Chunk{h.Chunk}, h.Duplicates...) {
			doc, ok := e.corpus.Document(ch.DocID)
			if !ok {
				continue
			}
			docTerms, ok := docTermCache[doc.ID]
			if !ok {
				docTerms = e.termsOf(doc.Text, doc.Lang)
				docTermCache[doc.ID] = docTerms
			}
			topicTerms, ok := topicTermCache[doc.ID]
			if !ok {
				topicTerms = e.topicTerms(doc)
				topicTermCache[doc.ID] = topicTerms
			}
			para, ok := e.corpus.Paragraph(doc.ID, ch.Paragraph)
			if !ok || para.NotEvidence || ch.NotEvidence {
				continue // code, a table of contents, a link list: searched, never quoted
			}
			paraTerms := e.termsOf(doc.Text[para.Span.Start:para.Span.End], doc.Lang)
			listTerms := e.listTerms(doc, para) // docs_list.go: a list item with its list
			for si, s := range para.Sentences {
				if s.Start < ch.Start || s.End > ch.End {
					continue
				}
				id := fmt.Sprintf("%s@%d", doc.ID, s.Start)
				if seen[id] {
					continue
				}
				seen[id] = true
				c := e.newCandidate(&doc, s)
				c.paragraph, c.chunk, c.hitRank, c.listTerms = para.Index, ch, rank, listTerms
				if si > 0 && e.anaphoric(c) {
					// The sentence before, and the one before that when it
					// refers back too ("… mendirikan perusahaan Progeny.
					// Sayangnya perusahaan ini gagal … Setelah beberapa tahun,
					// perusahaan ini … bangkrut").
					from := si - 1
					if from > 0 && (c.pointsBack || e.refersBack(doc.Text[para.Sentences[from].Start:para.Sentences[from].End], doc.Lang)) {
						// A demonstrative ("this release") may point past a
						// sentence that only adds to what it describes.
						from--
					}
					c.prev = retrieval.Span{Start: para.Sentences[from].Start, End: para.Sentences[si-1].End}
					c.prevTerms = e.termsOf(doc.Text[c.prev.Start:c.prev.End], doc.Lang)
				}
				judge(c, lq, weights, paraTerms, topicTerms, docTerms)
				if e.ownedByAnother(c, lq) || missesPath(c, lq) {
					c.entities = false // about another country's ministry, soldiers, minister; another file (docs_path.go)
				}
				if lq.Type == lexicon.AnswerTitle && len(titleKeys(c, lq, e.lex)) > 0 {
					c.namesOnly = false // the title beside the name is what "job" or "who is" asks
				}
				c.score = c.coverage + 0.02/float64(1+rank)
				if doc.Lang == lq.Lang {
					c.score += 0.02 // a reader's own language, on a tie
				}
				if lq.AsksWords && hasQuotation(c.text()) {
					c.score += quotationBonus // asked what was said: the sentence quoting it
				}
				if lq.AsksWords && (!reportsSpeech(c) || e.someoneElseSpeaks(c, lq)) {
					c.entities = false // asked what someone said: a sentence reporting no speech, or another's, says something else
				}
				if lq.AsksExpansion && e.expansionValue(lq, c.text(), doc.Lang) != "" {
					c.score += expansionBonus // asked what a short form stands for: the sentence spelling it out
				}
				if isCaption(c.text()) {
					c.score *= 0.9 // photo captions restate the story; prefer its own sentences
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// anaphoric reports whether the sentence refers back with a pronoun or a
// demonstrative ("it", "he", "this company", "ia", "perusahaan ini"):
// then the previous sentence names what it is about.
func (e *Extractive) anaphoric(c *candidate) bool {
	refers := false
	for _, t := range c.toks {
		c.pointsBack = c.pointsBack || e.lex.Demonstrative(t.Norm, c.doc.Lang)
		refers = refers || e.lex.Anaphor(t.Norm, c.doc.Lang)
	}
	return refers
}

// refersBack reports whether a sentence's text has a pronoun or a
// demonstrative.
func (e *Extractive) refersBack(text, lang string) bool {
	for _, t := range lexicon.Tokenize(text) {
		if e.lex.Anaphor(t.Norm, lang) {
			return true
		}
	}
	return false
}

// leadParagraphs is how many opening paragraphs make an article's lead:
// a news page opens with its headline, a byline or dateline, and the lead
// sentence.
const leadParagraphs = 3

// topicTerms are the terms of what an article is about: its title and
// its lead. A sentence of the article is about them even when
// it says "the government" or "he".
func (e *Extractive) topicTerms(doc retrieval.Document) [][]string {
	text := doc.Title
	for n := 1; n <= leadParagraphs; n++ {
		if p, ok := e.corpus.Paragraph(doc.ID, n); ok {
			text += "\n" + doc.Text[p.Span.Start:p.Span.End]
		}
	}
	return e.termsOf(text, doc.Lang)
}

// ownedByAnother reports whether the sentence speaks of a thing the
// question gives an owner ("Ukraine's foreign ministry", "tentara Korea
// Selatan") as another place's: "Kementerian Luar Negeri Rusia". Indonesian
// puts the owner right after the thing, English right before it.
func (e *Extractive) ownedByAnother(c *candidate, lq lexicon.Query) bool {
	for _, m := range c.matched {
		con := lq.Concepts[m.concept]
		if con.Owner == 0 || m.pos < 0 {
			continue
		}
		owner := lq.Concepts[con.Owner-1]
		// Every place the sentence writes the thing counts: "Menteri Luar
		// Negeri Rusia Sergey Lavrov … dan Menteri Luar Negeri Korea Utara
		// Choe Son Hui" has North Korea's foreign minister too.
		others := 0
		starts := thingStarts(c, con, m.pos)
		for _, at := range starts {
			asked, other := e.ownerBeside(c, con, owner, at)
			if asked {
				others = -1
				break
			}
			if other {
				others++
			}
		}
		if others < 0 {
			continue // the asked owner's
		}
		if others == len(starts) {
			return true
		}
		// No owner beside it: a country's thing is the sentence's actor's,
		// the first place it names ("Korea Utara telah mengirimkan
		// sekitar 10.000 pasukan" are North Korea's troops, whoever the
		// sentence names after).
		// Only the asked thing's owner is judged so (the troops a question
		// counts), and only a country's.
		if !con.Focus || !e.lex.PlaceNamed(owner) {
			continue
		}
		if k, n := e.firstPlace(c, m.pos); n > 0 && !namesWhole(owner, c.termsAt[k:k+n]) {
			return true
		}
	}
	return false
}

// thingStarts returns where the sentence writes a concept, from its first
// match on: each token of it that does not continue the one before.
func thingStarts(c *candidate, con lexicon.Concept, first int) []int {
	starts := []int{first}
	for k := first + 1; k < len(c.toks); k++ {
		if tokenOf(con, c.termsAt[k]) && !tokenOf(con, c.termsAt[k-1]) {
			starts = append(starts, k)
		}
	}
	return starts
}

// ownerBeside judges the owner written beside the thing at token pos
// (Indonesian puts it right after the thing, English right before): the
// asked owner, or another place.
func (e *Extractive) ownerBeside(c *candidate, con, owner lexicon.Concept, pos int) (asked, other bool) {
	end := pos
	for k := pos + 1; k < len(c.toks) && k <= pos+3; k++ {
		if tokenOf(con, c.termsAt[k]) {
			end = k
		}
	}
	from, to := end+1, end+3
	if c.doc.Lang == "en" {
		from, to = pos-3, pos-1
	}
	for k := max(from, 0); k <= to && k < len(c.toks); k++ {
		if c.doc.Lang != "en" && isFunctionWord(c.toks[k].Norm) {
			break // "pasukan ke Rusia": a place after a preposition owns nothing
		}
		if tokenOf(owner, c.termsAt[k]) {
			return true, false
		}
		place := e.lex.IsPlaceName(c.toks[k].Norm)
		if k+1 < len(c.toks) {
			place = place || e.lex.IsPlaceName(c.toks[k].Norm+" "+c.toks[k+1].Norm) // "Korea Utara"
		}
		other = other || c.toks[k].Upper && place
	}
	return false, other
}

// firstPlace returns the first capitalised place name before token i, as
// its first token and its length in tokens (0 when there is none).
func (e *Extractive) firstPlace(c *candidate, i int) (int, int) {
	for k := 0; k < i; k++ {
		if !c.toks[k].Upper {
			continue
		}
		if k+1 < i && e.lex.IsPlaceName(c.toks[k].Norm+" "+c.toks[k+1].Norm) {
			return k, 2 // "Korea Utara"
		}
		if e.lex.IsPlaceName(c.toks[k].Norm) {
			return k, 1
		}
	}
	return 0, 0
}

// tokenOf reports whether a token's terms are a word of any of the
// concept's alternatives.
func tokenOf(con lexicon.Concept, terms []string) bool {
	for _, a := range con.Alts {
		for _, w := range a {
			if anyIn(w, terms) {
				return true
			}
		}
	}
	return false
}

// newCandidate tokenises a sentence of doc, with document offsets and
// index terms, ready to judge.
func (e *Extractive) newCandidate(doc *retrieval.Document, s retrieval.Span) *candidate {
	c := &candidate{doc: doc, span: s}
	c.toks = lexicon.Tokenize(doc.Text[s.Start:s.End])
	for i := range c.toks {
		c.toks[i].Start += s.Start
		c.toks[i].End += s.Start
	}
	c.termsAt = make([][]string, len(c.toks))
	for i, t := range c.toks {
		c.termsAt[i] = e.lex.WordTerms(t, doc.Lang)
	}
	return c
}

func (e *Extractive) termsOf(text, lang string) [][]string {
	toks := lexicon.Tokenize(text)
	out := make([][]string, len(toks))
	for i, t := range toks {
		out[i] = e.lex.WordTerms(t, lang)
	}
	return out
}

// withKeys keeps the peers holding something of the asked type and orders
// them so that the key most outlets agree on comes first.
func (e *Extractive) withKeys(peers []*candidate, lq lexicon.Query) []*candidate {
	votes := map[string]float64{}
	var kept []*candidate
	for _, c := range peers {
		c.keys = extractKeys(c, lq.Type, c.focus(lq), lq, e.lex)
		if len(c.keys) == 0 {
			continue
		}
		kept = append(kept, c)
	}
	if lq.Type == lexicon.AnswerDate {
		anchorWeekdays(kept)
	}
	for _, c := range kept {
		for _, k := range c.keys {
			votes[k.norm] += c.score / float64(1+k.dist)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		vi, vj := votes[kept[i].keys[0].norm], votes[kept[j].keys[0].norm]
		if math.Abs(vi-vj) > 1e-9 {
			return vi > vj
		}
		return kept[i].score > kept[j].score
	})
	return kept
}

// anchorWeekdays resolves a bare weekday of an undated article ("pada
// hari Sabtu") to the one calendar day, among the other sentences' dates,
// that falls on that weekday: they report the same event, and a dated
// article pins it down.
func anchorWeekdays(cands []*candidate) {
	byWeekday := map[string][]timeline.Date{}
	for _, c := range cands {
		for _, k := range c.keys {
			if k.date != nil && k.date.Prec == timeline.Day {
				wd := k.date.Time().Weekday().String()
				if !containsDate(byWeekday[wd], *k.date) {
					byWeekday[wd] = append(byWeekday[wd], *k.date)
				}
			}
		}
	}
	for _, c := range cands {
		for i, k := range c.keys {
			if k.date != nil {
				continue
			}
			for _, w := range strings.Fields(k.norm) {
				if days := byWeekday[lexicon.WeekdayEN(w)]; lexicon.IsWeekday(w) && len(days) == 1 {
					d := days[0]
					c.keys[i].date, c.keys[i].norm = &d, d.String()
				}
			}
		}
	}
}

func containsDate(ds []timeline.Date, d timeline.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// untranslatedCopy reports whether two sentences are one written
// verbatim in two documents in different languages: a paragraph a
// translation left in the original's language, so one report, not two,
// even when the documents were not recognised as one story.
func untranslatedCopy(a, b Evidence) bool {
	if a.Doc.ID == b.Doc.ID || a.Doc.Lang == b.Doc.Lang || a.Doc.Lang == "" || b.Doc.Lang == "" {
		return false
	}
	return sentenceText(a) != "" && sentenceText(a) == sentenceText(b)
}

// sentenceText is the evidence sentence's text, or "" when its span does
// not fit its document's text.
func sentenceText(e Evidence) string {
	if e.Span.Start < 0 || e.Span.End > len(e.Doc.Text) || e.Span.Start >= e.Span.End {
		return ""
	}
	return strings.TrimSpace(e.Doc.Text[e.Span.Start:e.Span.End])
}

// groupEvidence groups sentences by the answer they give. Typed questions
// group by key value; the first group is the best-supported answer; a
// second group survives only for figures (where outlets really disagree)
// and only when its own best sentence is as strong as the first's.
func groupEvidence(lq lexicon.Query, ev []Evidence) [][]Evidence {
	perDoc := func(g []Evidence) []Evidence {
		seen := map[string]bool{}
		var out []Evidence
	next:
		for _, e := range g {
			if seen[e.Story] || len(out) >= maxQuotes {
				continue
			}
			for _, o := range out {
				if untranslatedCopy(e, o) {
					continue next
				}
			}
			seen[e.Story] = true
			out = append(out, e)
		}
		return out
	}
	if lq.Type == lexicon.AnswerAny {
		// No figure or name to agree on: the best sentence, and the next
		// best when nearly as good (it often holds what the first only
		// frames).
		// The next best is dropped when it is a copy of the first's
		// report (a re-publication or translation: its story, another
		// document; or the same sentence left untranslated in a
		// translation), which would only say the same again as "another
		// report".
		n := min(len(ev), 2)
		if n == 2 && (ev[1].Story == ev[0].Story && ev[1].Doc.ID != ev[0].Doc.ID || untranslatedCopy(ev[1], ev[0]) || !addsConcept(ev[1], ev[0])) {
			n = 1
		}
		return [][]Evidence{ev[:n:n]}
	}
	var order []string
	byKey := map[string][]Evidence{}
	for _, e := range ev {
		if e.Backer {
			continue
		}
		k := e.KeyNorm
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], e)
	}
	for _, e := range ev {
		if e.Backer && e.KeyNorm == order[0] {
			byKey[e.KeyNorm] = append(byKey[e.KeyNorm], e)
		}
	}
	// A sentence that answers on its own with another figure, a little
	// below the peers' bar, may still be the other side of a disagreement
	// ("Lebih dari 6.000 tentara Korut tewas" — "setidaknya 600 di
	// antaranya tewas").
	for _, e := range ev {
		if e.Backer && e.Answers && e.KeyNorm != order[0] {
			if _, ok := byKey[e.KeyNorm]; !ok {
				order = append(order, e.KeyNorm)
			}
			byKey[e.KeyNorm] = append(byKey[e.KeyNorm], e)
		}
	}
	if lq.Type == lexicon.AnswerPerson {
		// One person, named in full in one report and in part in another
		// ("Choe Son Hui", "Son Hui"): the lead names them in full.
		fullestNameFirst(byKey[order[0]])
	}
	groups := [][]Evidence{perDoc(byKey[order[0]])}
	if lq.Type == lexicon.AnswerDate {
		groups[0] = withFinerDate(groups[0], ev)
	}
	if lq.Chosen {
		// choices.go: each offer the coverage states is an answer
		for _, k := range order[1:] {
			groups = append(groups, perDoc(byKey[k]))
		}
		sort.SliceStable(groups, func(i, j int) bool { return len(groups[i]) > len(groups[j]) }) // the offer more sources state first
		return groups
	}
	numeric := lq.Type == lexicon.AnswerNumber || lq.Type == lexicon.AnswerPercent
	if numeric || lq.Type == lexicon.AnswerDate {
		for _, k := range order[1:] {
			g := perDoc(byKey[k])
			if lq.Type == lexicon.AnswerDate && !monthsDiffer(g[0], groups[0][0]) && !undatedAgainstMonth(g[0], groups[0][0]) {
				continue // "this year" and "June": one account, told at two precisions
			}
			if !sameDocs(g, groups[0]) && g[0].Score >= disagreeShare*groups[0][0].Score && asStrong(g[0], groups[0][0]) &&
				measureOf(g[0].Key) == measureOf(groups[0][0].Key) {
				groups = append(groups, g)
			}
			if len(groups) == 2 {
				break
			}
		}
	}
	return groups
}

// addsConcept reports whether next matches in full a word of the question
// that best matches less well or not at all: only then does a second
// quote of an open question add to the first.
func addsConcept(next, best Evidence) bool {
	for c, credit := range next.credits {
		if credit >= 1 && best.credits[c] < 1 {
			return true
		}
	}
	return false
}

// fullestNameFirst moves to the front of one answer's evidence the one
// that writes the person's name with the most words; the others keep
// their order.
func fullestNameFirst(g []Evidence) {
	best, words := 0, 0
	for i, e := range g {
		if e.Backer {
			continue
		}
		if n := len(strings.Fields(e.Key)); n > words {
			best, words = i, n
		}
	}
	if best > 0 {
		e := g[best]
		copy(g[1:best+1], g[:best])
		g[0] = e
	}
}

// withFinerDate puts first in a date answer's group the evidence, among
// all sentences judged, that dates the same account more precisely: "in
// June 2014" before "in 2014", "on 12 July" before "in July" (same year,
// and same month where the answer gives one). A reader asking when wants
// the most precise date the coverage gives.
func withFinerDate(g []Evidence, ev []Evidence) []Evidence {
	lead := g[0].KeyDate
	if lead == nil && undatedYearOnly(g[0]) {
		// "tahun ini" in an undated article and "in June" in another,
		// neither resolved: the month is the finer of the two, and the
		// lead gives it alone (the undated year is not known to agree).
		for _, e := range ev {
			if namesMonthOnly(e) {
				return []Evidence{e}
			}
		}
		return g
	}
	if lead == nil || lead.Prec == timeline.Day {
		return g
	}
	best := -1
	for i, e := range ev {
		d := e.KeyDate
		if d == nil || d.Prec <= lead.Prec || d.Year != lead.Year || lead.Prec == timeline.Month && d.Month != lead.Month {
			continue
		}
		if best < 0 || d.Prec > ev[best].KeyDate.Prec {
			best = i
		}
	}
	if best < 0 {
		return g
	}
	return prependEvidence(g, ev[best])
}

// prependEvidence puts e before the group's evidence, keeping at most
// maxQuotes.
func prependEvidence(g []Evidence, e Evidence) []Evidence {
	out := append([]Evidence{e}, g...)
	if len(out) > maxQuotes {
		out = out[:maxQuotes]
	}
	return out
}

// monthsDiffer reports whether two date answers name different months
// (of the same year where both years are known): "bulan Juni" against
// "awal bulan ini" in an article of July is a disagreement; "tahun ini"
// against "Juni" is not, nor is a day against its month.
func monthsDiffer(a, b Evidence) bool {
	ma, ya := evidenceMonth(a)
	mb, yb := evidenceMonth(b)
	if ma == 0 || mb == 0 {
		return false
	}
	if ya != 0 && yb != 0 && ya != yb {
		return true
	}
	return ma != mb
}

// evidenceMonth is the month (and year, 0 when unknown) of a date
// answer: resolved to the calendar, or a month name as written.
func evidenceMonth(e Evidence) (month, year int) {
	if e.KeyDate != nil {
		if e.KeyDate.Prec == timeline.Year {
			return 0, e.KeyDate.Year
		}
		return e.KeyDate.Month, e.KeyDate.Year
	}
	for _, t := range lexicon.Tokenize(e.Key) {
		if m := lexicon.MonthNumber(t.Norm); m > 0 && lexicon.IsMonthName(t.Norm) {
			return m, 0
		}
	}
	return 0, 0
}

// asStrong reports whether e matches every content word of the question
// that lead matched exactly, as exactly: a figure reached through a loose
// synonym ("pekerja militer" for soldiers) is about something else, not a
// conflicting report.
func asStrong(e, lead Evidence) bool {
	for c, credit := range lead.credits {
		if credit >= 1 && e.credits[c] < synonymCredit {
			return false
		}
	}
	return true
}

// synonymCredit is the credit of a thesaurus synonym of the question's own
// word ("pasukan" for "tentara"): the same thing said otherwise. Weaker
// matches (a synonym of a translation) may be about something else.
const synonymCredit = 0.6

// sameDocs reports whether every story of g already backs first: one
// outlet giving two figures is not a disagreement between outlets.
func sameDocs(g, first []Evidence) bool {
	for _, e := range g {
		found := false
		for _, f := range first {
			if f.Story == e.Story {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// quotationBonus lifts, for a question about what someone said, a
// sentence that quotes words.
const quotationBonus = 0.1

// hasQuotation reports quoted words in a sentence: “…” or "…".
func hasQuotation(s string) bool {
	return strings.Contains(s, "“") || strings.Count(s, "\"") >= 2
}

// someoneElseSpeaks reports whether a sentence, asked about what
// someone said, names another person while none of the people the
// question names is in the sentence itself: the words it reports are
// that other person's ("Saat itu, Putin memuji …" does not say what Xi
// said, though the sentence before names Xi).
func (e *Extractive) someoneElseSpeaks(c *candidate, lq lexicon.Query) bool {
	if lq.Speaker > 0 {
		if who := e.speakerIn(c, lq); who != -1 {
			return who != lq.Speaker-1 // "Putin menyatakan … salam kepada Kim": Putin speaks, Kim is spoken to
		}
	}
	speakerHere, otherHere := false, false
	for _, m := range c.matched {
		con := lq.Concepts[m.concept]
		if con.Entity && m.pos >= 0 && !e.lex.PlaceNamed(con) {
			if lq.Speaker == 0 || m.concept == lq.Speaker-1 {
				return false
			}
			otherHere = true
		}
		speakerHere = speakerHere || m.concept == lq.Speaker-1 && m.pos >= 0
	}
	if lq.Speaker > 0 && otherHere && !speakerHere {
		// "what did Kim tell Putin": "Saat itu, Putin memuji …" reports
		// Putin's words, the sentence before naming Kim.
		return true
	}
	return len(nameKeys(c, lexicon.AnswerPerson, c.questionTokens(lq), e.lex)) > 0
}

// speakerIn returns the question's concept that a sentence shows
// speaking: the person it names nearest a verb of saying, right before it
// ("Putin menyatakan") or right after it ("kata Lavrov", "said Lavrov");
// someoneElse when that person is none the question names ("Choe,
// sebaliknya, menyampaikan …"); -1 when it shows no one.
func (e *Extractive) speakerIn(c *candidate, lq lexicon.Query) int {
	var others []key
	for v, t := range c.toks {
		if !lexicon.ReportsSpeech(t.Norm) {
			continue
		}
		// near ranks a name by its distance to the verb, 0 when not near: a
		// subject before the verb first ("Putin told Kim"), else a name
		// after it, as attributions write ("…," kata Lavrov).
		near := func(first, last int) int {
			switch {
			case last < v && v-last <= 3:
				return v - last
			case first > v && first-v <= 3:
				return 3 + first - v
			}
			return 0
		}
		best, dist := -1, 7
		for _, m := range c.matched {
			con := lq.Concepts[m.concept]
			if !con.Entity || m.pos < 0 || e.lex.PlaceNamed(con) {
				continue
			}
			if d := near(m.pos, m.pos); d > 0 && d < dist {
				best, dist = m.concept, d
			}
		}
		if others == nil {
			others = personLike(c, nameKeys(c, lexicon.AnswerPerson, c.questionTokens(lq), e.lex))
		}
		for _, k := range others {
			if partOfAsked(c, lq, k) {
				continue // "Kyrylo" of "Kyrylo Budanov", asked as "budanov"
			}
			if d := near(k.first, k.last); d > 0 && d < dist {
				best, dist = someoneElse, d
			}
		}
		if best != -1 {
			return best
		}
	}
	return -1
}

// partOfAsked reports whether a name key runs into a name the question
// asks by (the first name of a person asked by the family name).
func partOfAsked(c *candidate, lq lexicon.Query, k key) bool {
	for _, m := range c.matched {
		if lq.Concepts[m.concept].Entity && m.pos >= 0 && m.pos >= k.first-1 && m.pos <= k.last+1 {
			return true
		}
	}
	return false
}

// someoneElse is speakerIn's answer for a speaker the question does not name.
const someoneElse = -2

// reportsSpeech reports whether a candidate sentence quotes or reports
// what someone said.
func reportsSpeech(c *candidate) bool {
	if hasQuotation(c.text()) {
		return true
	}
	for _, t := range c.toks {
		if lexicon.ReportsSpeech(t.Norm) {
			return true
		}
	}
	return false
}

// isCaption spots photo captions ("Dalam foto ini …", "In this photo …").
func isCaption(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"dalam foto", "foto:", "in this photo", "in this image", "this photo", "photo:"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

func markers(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

func declineText(en bool) string {
	if en {
		return "The coverage does not say. None of the indexed articles answers this question."
	}
	return "Liputan tidak menyebutkannya. Tidak ada artikel terindeks yang menjawab pertanyaan ini."
}

// citationFor builds the citation of a sentence: verbatim quote, byte and
// character offsets.
func citationFor(n int, e Evidence) Citation {
	return Citation{
		N: n, Doc: e.Doc.ID, Title: e.Doc.Title, Outlet: e.Doc.Outlet, Published: e.Doc.Published,
		Quote:     e.Doc.Text[e.Span.Start:e.Span.End],
		ByteStart: e.Span.Start, ByteEnd: e.Span.End,
		Start:     utf8.RuneCountInString(e.Doc.Text[:e.Span.Start]),
		End:       utf8.RuneCountInString(e.Doc.Text[:e.Span.End]),
		Paragraph: e.Paragraph,
		Passage:   e.Chunk.Text,
	}
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
