package answer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/timeline"
)

// ErrUnknownDocument reports a document id that is not in the index.
var ErrUnknownDocument = errors.New("no such article in the index")

// maxSummarySentences bounds an extractive summary.
const maxSummarySentences = 5

// leadChunks is how much of each article a summary of the whole coverage
// reads: the opening, where news states its point.
const leadChunks = 3

// SummaryGenerator writes abstractive summaries with a language model.
// Generators that implement it are used for summaries; the extractive
// summary is the fallback.
type SummaryGenerator interface {
	Summarize(ctx context.Context, topic string, chunks []retrieval.Chunk) (res Result, fallbackReason string, err error)
}

// Summarize summarises the coverage, or what it says about topic, or one
// article (docID), or what one article says about topic. Every sentence is
// cited.
func (s *Service) Summarize(ctx context.Context, topic, docID string) (Result, error) {
	start := time.Now()
	topic = strings.TrimSpace(topic)
	if topic != "" {
		if err := CheckQuestion(topic); err != nil {
			return Result{}, fmt.Errorf("topic: %w", err)
		}
	}
	if docID != "" {
		if _, ok := s.corpus.Document(docID); !ok {
			return Result{}, fmt.Errorf("%w: %q (use an id from the article list)", ErrUnknownDocument, docID)
		}
	}
	picked, err := s.summarySentences(ctx, topic, docID)
	if err != nil {
		return Result{}, err
	}
	question := "Summary of the coverage"
	switch {
	case topic != "" && docID != "":
		question = fmt.Sprintf("Summary of %s about %s", docID, topic)
	case topic != "":
		question = "Summary of the coverage about " + topic
	case docID != "":
		question = "Summary of " + docID
	}
	if sg, ok := s.gen.(SummaryGenerator); ok && s.gen != nil && len(picked) > 0 {
		chunks := make([]retrieval.Chunk, 0, len(picked))
		for _, e := range picked {
			chunks = append(chunks, e.Chunk)
		}
		res, reason, err := sg.Summarize(ctx, topic, chunks)
		if err == nil && reason == "" {
			res.Question = question
			res.TookMS = time.Since(start).Milliseconds()
			return res, nil
		}
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		defer func() { s.logger.Warn("llm summary fallback", "reason", reason) }()
		out := extractiveSummary(question, topic, picked)
		out.FallbackReason = reason
		out.TookMS = time.Since(start).Milliseconds()
		return out, nil
	}
	out := extractiveSummary(question, topic, picked)
	out.TookMS = time.Since(start).Milliseconds()
	return out, nil
}

func extractiveSummary(question, topic string, picked []Evidence) Result {
	res := Result{Question: question, Mode: ModeExtractive, Citations: []Citation{}}
	if len(picked) == 0 {
		res.Answer = "The coverage does not mention this."
		if topic != "" {
			res.Answer = fmt.Sprintf("The coverage does not mention %q.", topic)
		}
		return res
	}
	res.Answered = true
	var b strings.Builder
	for i, e := range picked {
		c := citationFor(i+1, e)
		res.Citations = append(res.Citations, c)
		fmt.Fprintf(&b, "• “%s” [%d]\n", asQuoted(c.Quote), c.N)
	}
	res.Answer = strings.TrimRight(b.String(), "\n")
	return res
}

// summarySentences picks the sentences of a summary: with a topic, the
// best sentence about it from each article; without, each article's most
// central sentence (the one sharing the most informative words with the
// rest of the coverage), best first.
func (s *Service) summarySentences(ctx context.Context, topic, docID string) ([]Evidence, error) {
	if topic != "" {
		lq := s.corpus.Lexicon().Analyze(topic)
		hits, err := s.corpus.Search(ctx, lq, 24, s.ext.ranking)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		cands := s.ext.candidates(hits, lq)
		sortCandidates(cands)
		perDoc := map[string]int{}
		var out []Evidence
		for _, c := range cands {
			if docID != "" && c.doc.ID != docID || !c.inDoc || c.coverage < minCoverageNamed {
				continue
			}
			limit := 1
			if docID != "" {
				limit = maxSummarySentences
			}
			if perDoc[c.doc.ID] >= limit || len(out) == maxSummarySentences {
				continue
			}
			perDoc[c.doc.ID]++
			out = append(out, evidenceOf(c))
		}
		return out, nil
	}
	docs := s.corpus.Documents()
	if docID != "" {
		d, _ := s.corpus.Document(docID)
		docs = []retrieval.Document{d}
	}
	type scoredSentence struct {
		ev    Evidence
		score float64
	}
	var all []scoredSentence
	for _, d := range docs {
		var best []scoredSentence
		lead := true
		chunks := s.corpus.DocumentChunks(d.ID)
		if docID == "" && len(chunks) > leadChunks {
			chunks = chunks[:leadChunks] // news puts its point first; this bounds a coverage summary's cost
		}
		for _, ch := range chunks {
			p, ok := s.corpus.Paragraph(d.ID, ch.Paragraph)
			if !ok {
				continue
			}
			for _, sp := range p.Sentences {
				if sp.Start < ch.Start || sp.End > ch.End {
					continue
				}
				score := centrality(s.corpus, s.corpus.Lexicon(), d.Text[sp.Start:sp.End], d.Lang)
				if lead && docID != "" && score > 0 {
					score += 1e6 // an article's lead sentence states its news
					lead = false
				}
				best = append(best, scoredSentence{ev: Evidence{Doc: d, Paragraph: p.Index, Span: sp, Chunk: ch}, score: score})
			}
		}
		sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
		take := 1
		if docID != "" {
			take = maxSummarySentences
		}
		if len(best) > take {
			best = best[:take]
		}
		if docID != "" {
			sort.SliceStable(best, func(i, j int) bool { return best[i].ev.Span.Start < best[j].ev.Span.Start })
		}
		all = append(all, best...)
	}
	if docID == "" {
		sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	}
	if len(all) > maxSummarySentences {
		all = all[:maxSummarySentences]
	}
	out := make([]Evidence, len(all))
	for i, x := range all {
		out[i] = x.ev
	}
	return out, nil
}

// centrality scores a sentence by the informative words it shares with the
// rest of the coverage (how many chunks use a word, times its IDF: words
// neither everywhere nor unique), normalised by length so long sentences
// do not win by size alone.
func centrality(corpus Corpus, lex *lexicon.Lexicon, text, lang string) float64 {
	terms := lex.Terms(text, lang)
	if len(terms) < 5 {
		return 0 // fragments and labels do not summarise anything
	}
	seen := map[string]bool{}
	var sum float64
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		sum += float64(corpus.DF(t)) * corpus.IDF(t)
	}
	return sum / float64(len(seen)+5)
}

func evidenceOf(c *candidate) Evidence {
	return Evidence{Doc: *c.doc, Paragraph: c.paragraph, Span: c.span, Chunk: c.chunk, Coverage: c.coverage, Score: c.score}
}

// ErrEmptyTopic reports a topic given but blank.
var ErrEmptyTopic = errors.New("the topic is empty: name what to summarise, or leave the option out")

// Story is a summary that tells the story: an overview, a dated timeline
// and the key figures, every line cited with verbatim quotes. Its JSON is
// the `kabar summary --json` contract.
type Story struct {
	Topic     string          `json:"topic"`
	Lang      string          `json:"lang"`
	Summary   string          `json:"summary"`
	Timeline  []StoryEvent    `json:"timeline"`
	Figures   []StoryFigure   `json:"figures"`
	Citations []StoryCitation `json:"citations"`
	TookMS    int64           `json:"took_ms"`
}

// StoryEvent is one line of the timeline.
type StoryEvent struct {
	Date      string `json:"date"`          // YYYY-MM-DD, YYYY-MM or YYYY: the precision the text gives
	End       string `json:"end,omitempty"` // the last day of an event reported over consecutive days
	Event     string `json:"event"`
	Citations []int  `json:"citations"`
	Anchor    string `json:"anchor"`
	// Model says a language model wrote the line (verified against its
	// quotes like an answer); false for the extractive line.
	Model bool `json:"model,omitempty"`
}

// StoryFigure is one key figure; differing values stand side by side in
// Value, each with its markers.
type StoryFigure struct {
	What      string `json:"what"`
	Value     string `json:"value"`
	Citations []int  `json:"citations"`
	// Disagree says the reports give different values for the same thing
	// (not different things: a count per release is not a disagreement).
	Disagree bool `json:"disagree,omitempty"`
}

// StoryCitation is a verbatim quote: Quote == text[Start:End] in Unicode
// characters, as in answer citations.
type StoryCitation struct {
	N     int    `json:"n"`
	Doc   string `json:"doc"`
	Title string `json:"title"`
	Quote string `json:"quote"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// StoryOptions narrows a story.
type StoryOptions struct {
	Topic    string // "" for the whole coverage
	TopicSet bool   // the caller gave a topic (so a blank one is an error)
	DocID    string // "" for every article
	Lang     string // "en" (default) or "id"
	// MaxEvents bounds the timeline to the most widely reported events:
	// 0 means the default (maxStoryEvents), a negative number no bound.
	MaxEvents int
}

// Limits of a story.
const (
	maxStoryEvents  = 12
	maxStoryFigures = 6
)

// Storyteller writes stories over a corpus. The timeline of the whole
// corpus is built once per corpus generation (the set of article hashes)
// and shared by every story until the corpus changes, so a story costs a
// filter and some formatting, not a pass over every article.
type Storyteller struct {
	corpus Corpus
	mu     sync.Mutex
	key    string
	tl     timeline.Timeline
	// whole holds the stories of the whole coverage by language, told
	// once per corpus generation: /summary without a topic or an article
	// costs a copy.
	whole map[string]Story
	// writer tells the events with a language model (story_llm.go); nil
	// keeps the extractive lines.
	writer StoryWriter
}

// Storyteller returns the service's storyteller, shared by every caller
// so the timeline is built once per corpus generation.
func (s *Service) Storyteller() *Storyteller {
	s.storyOnce.Do(func() {
		s.story = NewStoryteller(s.corpus)
		if w, ok := s.gen.(StoryWriter); ok && s.gen != nil {
			s.story.writer = w
		}
	})
	return s.story
}

// NewStoryteller returns a storyteller over corpus.
func NewStoryteller(corpus Corpus) *Storyteller { return &Storyteller{corpus: corpus} }

// Timeline returns the timeline of the whole corpus, building it when the
// corpus changed since the last call.
func (st *Storyteller) Timeline() timeline.Timeline {
	tl, _ := st.generation()
	return tl
}

// generation returns the timeline and the key of the corpus generation
// it was built for.
func (st *Storyteller) generation() (timeline.Timeline, string) {
	docs := st.corpus.Documents()
	h := sha256.New()
	for _, d := range docs {
		h.Write([]byte(d.ID + "\x00" + d.Hash + "\x00" + d.Published + "\n"))
	}
	key := hex.EncodeToString(h.Sum(nil))
	st.mu.Lock()
	defer st.mu.Unlock()
	if key == st.key {
		return st.tl, key
	}
	st.whole = nil
	in := make([]timeline.Input, 0, len(docs))
	for _, d := range docs {
		var paras []retrieval.Paragraph
		for n := 1; ; n++ {
			p, ok := st.corpus.Paragraph(d.ID, n)
			if !ok {
				break
			}
			paras = append(paras, p)
		}
		in = append(in, timeline.Input{Doc: d, Paragraphs: paras})
	}
	st.tl = timeline.Build(in, st.corpus.Lexicon())
	st.key = key
	return st.tl, key
}

// StoryLangs are the languages stories are told in.
var StoryLangs = []string{"en", "id"}

// Warm builds the timeline of the corpus ahead of the first request and,
// without a language model, tells the whole-coverage story in every
// language, so the first /summary after a start or an index swap costs a
// cached copy. With a model the lines are written when first asked for
// (a model call then, as for an answer), not at every start. It is meant
// to run in the background: requests meanwhile wait for the timeline
// being built, as they would have to.
func (st *Storyteller) Warm(ctx context.Context) error {
	st.generation()
	if st.writer != nil {
		return ctx.Err()
	}
	for _, lang := range StoryLangs {
		if _, err := st.Story(ctx, StoryOptions{Lang: lang}); err != nil {
			return err
		}
	}
	return nil
}

// Cached reports whether the story o asks for would be a cached copy of
// the current corpus generation's (whole-coverage stories only).
func (st *Storyteller) Cached(o StoryOptions) bool {
	if o.Topic != "" || o.DocID != "" {
		return false
	}
	if o.Lang != "id" {
		o.Lang = "en"
	}
	_, gen := st.generation()
	st.mu.Lock()
	defer st.mu.Unlock()
	_, ok := st.whole[wholeKey(gen, o)]
	return ok
}

// Story tells the story of the coverage, of one article, or of what
// either says about a topic.
func (st *Storyteller) Story(ctx context.Context, o StoryOptions) (result Story, resultErr error) {
	start := time.Now()
	o.Topic = strings.TrimSpace(o.Topic)
	if o.TopicSet && o.Topic == "" {
		return Story{}, ErrEmptyTopic
	}
	if o.Topic != "" {
		if err := CheckQuestion(o.Topic); err != nil {
			return Story{}, fmt.Errorf("topic: %w", err)
		}
	}
	if o.DocID != "" {
		if _, ok := st.corpus.Document(o.DocID); !ok {
			return Story{}, fmt.Errorf("%w: %q (use an id from the article list)", ErrUnknownDocument, o.DocID)
		}
	}
	if o.Lang != "id" {
		o.Lang = "en"
	}
	if err := ctx.Err(); err != nil {
		return Story{}, err
	}
	tl, gen := st.generation()
	whole := o.Topic == "" && o.DocID == ""
	if whole {
		st.mu.Lock()
		s, ok := st.whole[wholeKey(gen, o)]
		st.mu.Unlock()
		if ok {
			s.TookMS = time.Since(start).Milliseconds()
			return s, nil
		}
		defer func() {
			if resultErr != nil {
				return
			}
			st.mu.Lock()
			if st.key == gen { // not a story of a generation since replaced
				if st.whole == nil {
					st.whole = map[string]Story{}
				}
				st.whole[wholeKey(gen, o)] = result
			}
			st.mu.Unlock()
		}()
	}
	b := storyBuilder{corpus: st.corpus, tl: tl, lang: o.Lang, index: map[string]int{}}
	keep := st.filter(o)
	var groups []timeline.Group
	for _, g := range tl.Groups {
		var evs []timeline.Event
		for _, e := range g.Events {
			if keep(e.Doc, e.Text) {
				evs = append(evs, e)
			}
		}
		if len(evs) > 0 {
			g.Events = evs
			g.Docs = docsOf(evs)
			groups = append(groups, g)
		}
	}
	// The most widely reported events, told oldest first.
	limit := o.MaxEvents
	if limit == 0 {
		limit = maxStoryEvents
	}
	if limit > 0 && len(groups) > limit {
		ranked := append([]timeline.Group(nil), groups...)
		sort.SliceStable(ranked, func(i, j int) bool {
			if len(ranked[i].Docs) != len(ranked[j].Docs) {
				return len(ranked[i].Docs) > len(ranked[j].Docs)
			}
			return ranked[i].Date.Prec > ranked[j].Date.Prec
		})
		ranked = ranked[:limit]
		sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Date.Before(ranked[j].Date) })
		groups = ranked
	}
	story := Story{Topic: o.Topic, Lang: o.Lang, Timeline: []StoryEvent{}, Figures: []StoryFigure{}}
	var drafts []string
	for _, g := range groups {
		ev, draft := b.event(g)
		story.Timeline = append(story.Timeline, ev)
		drafts = append(drafts, draft)
	}
	if st.writer != nil && len(groups) > 0 {
		b.writeLines(ctx, st.writer, groups, drafts, story.Timeline)
		if err := ctx.Err(); err != nil {
			return Story{}, err
		}
	}
	for _, f := range tl.Figures {
		if sf, ok := b.figure(f, keep); ok && len(story.Figures) < maxStoryFigures {
			story.Figures = append(story.Figures, sf)
		}
	}
	story.Summary = b.overview(groups, story)
	story.Citations = b.cites
	if story.Citations == nil {
		story.Citations = []StoryCitation{}
	}
	story.TookMS = time.Since(start).Milliseconds()
	return story, nil
}

// wholeKey names a whole-coverage story of a corpus generation.
func wholeKey(gen string, o StoryOptions) string {
	return fmt.Sprintf("%s|%s|%d", gen, o.Lang, o.MaxEvents)
}

// filter keeps the reports of one article and/or about the topic: a
// sentence about the topic shares at least half its informative words.
func (st *Storyteller) filter(o StoryOptions) func(doc, text string) bool {
	var terms []string
	if o.Topic != "" {
		q := st.corpus.Lexicon().Analyze(o.Topic)
		for _, c := range q.Concepts {
			var alts []string
			for _, a := range c.Alts {
				for _, w := range a {
					alts = append(alts, w...)
				}
			}
			terms = append(terms, strings.Join(alts, "|"))
		}
	}
	return func(doc, text string) bool {
		if o.DocID != "" && doc != o.DocID {
			return false
		}
		if len(terms) == 0 {
			return true
		}
		have := map[string]bool{}
		for _, t := range st.corpus.Lexicon().Terms(text, "") {
			have[t] = true
		}
		hit := 0
		for _, alts := range terms {
			for _, a := range strings.Split(alts, "|") {
				if have[a] {
					hit++
					break
				}
			}
		}
		return hit*2 >= len(terms) && hit > 0
	}
}

func docsOf(evs []timeline.Event) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range evs {
		if !seen[e.Doc] {
			seen[e.Doc] = true
			out = append(out, e.Doc)
		}
	}
	sort.Strings(out)
	return out
}

// storyBuilder numbers citations and composes lines.
type storyBuilder struct {
	corpus Corpus
	tl     timeline.Timeline
	lang   string
	cites  []StoryCitation
	index  map[string]int
}

// cite returns the marker number of a sentence, adding its citation.
func (b *storyBuilder) cite(doc string, sp retrieval.Span) int {
	k := fmt.Sprintf("%s:%d:%d", doc, sp.Start, sp.End)
	if n, ok := b.index[k]; ok {
		return n
	}
	d, _ := b.corpus.Document(doc)
	n := len(b.cites) + 1
	b.cites = append(b.cites, StoryCitation{
		N: n, Doc: doc, Title: d.Title, Quote: d.Text[sp.Start:sp.End],
		Start: utf8.RuneCountInString(d.Text[:sp.Start]), End: utf8.RuneCountInString(d.Text[:sp.End]),
	})
	b.index[k] = n
	return n
}

// maxEventSources bounds the quotes a timeline line cites.
const maxEventSources = 5

// event composes a timeline line: the event told from its evidence (who
// did what where, or its shortest verbatim clause), dated at the
// precision the text gives or as a range of days, with one quote per
// article as its evidence.
func (b *storyBuilder) event(g timeline.Group) (StoryEvent, string) {
	var ns []int
	seen := map[string]bool{}
	anchors := map[string]bool{}
	var how []string
	lines := b.tl.LinesFor(g)
	// The report the line was composed from is cited first.
	evs := append([]timeline.Event(nil), g.Events...)
	if l, ok := lines[b.lang]; ok {
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Doc == l.Doc && evs[j].Doc != l.Doc })
	}
	for _, e := range evs {
		if seen[e.Doc] || len(ns) == maxEventSources {
			continue
		}
		seen[e.Doc] = true
		ns = append(ns, b.cite(e.Doc, e.Sentence))
		if !anchors[e.How] {
			anchors[e.How] = true
			how = append(how, e.How)
		}
	}
	if g.Stretched != "" {
		how = append(how, "days from "+g.Stretched)
	}
	text := ""
	if l, ok := lines[b.lang]; ok {
		text = g.Visit.Tell(b.lang) + l.Text
	} else {
		kind := g.KindIn(b.lang)
		if kind == "" {
			kind = map[string]string{"en": "reported", "id": "dilaporkan"}[b.lang]
		}
		text = strings.ToUpper(kind[:1]) + kind[1:]
	}
	ev := StoryEvent{Date: g.Date.String(), Event: g.Span(b.lang) + " — " + text + " " + markers(ns), Citations: ns, Anchor: strings.Join(how, "; ")}
	if g.End.Prec == timeline.Day && g.End != g.Date {
		ev.End = g.End.String()
	}
	return ev, text
}

// writeLines has w tell the events (model-written, verified lines) and
// puts each line that held in place of the extractive one.
func (b *storyBuilder) writeLines(ctx context.Context, w StoryWriter, groups []timeline.Group, drafts []string, evs []StoryEvent) {
	byN := map[int]StoryCitation{}
	for _, c := range b.cites {
		byN[c.N] = c
	}
	reqs := make([]StoryLine, len(evs))
	for i, ev := range evs {
		reqs[i] = StoryLine{Date: groups[i].Span(b.lang), Draft: drafts[i]}
		for _, n := range ev.Citations {
			reqs[i].Citations = append(reqs[i].Citations, byN[n])
		}
	}
	lines, err := w.StoryLines(ctx, b.lang, reqs)
	if err != nil {
		return // the extractive lines stand
	}
	for i, l := range lines {
		if i < len(evs) && l != "" {
			evs[i].Event = groups[i].Span(b.lang) + " — " + l
			evs[i].Model = true
		}
	}
}

// Bounds of a figure's line.
const (
	maxFigureParts   = 8 // values (or subjects) shown
	maxFigureSources = 3 // markers per value
)

// figure composes a key figure within the reports keep admits. Values the
// text ties to a subject ("Debian 2.1 Slink consisted of about 2250
// packages") are listed by subject and never called a disagreement;
// different values for the same thing are.
func (b *storyBuilder) figure(f timeline.Figure, keep func(doc, text string) bool) (StoryFigure, bool) {
	type part struct {
		subject string
		text    string
		ns      []int
		first   timeline.Report
		docs    map[string]bool
		v       timeline.Variant
	}
	var parts []part
	var all []int
	for _, v := range f.Variants {
		var ns []int
		var first timeline.Report
		docs := map[string]bool{}
		for _, r := range v.Reports {
			if keep(r.Doc, r.Text) {
				docs[r.Doc] = true
			}
			if keep(r.Doc, r.Text) && len(ns) < maxFigureSources {
				if len(ns) == 0 {
					first = r
				}
				ns = append(ns, b.cite(r.Doc, r.Sentence))
			}
		}
		if len(ns) == 0 {
			continue
		}
		all = append(all, ns...)
		parts = append(parts, part{subject: v.SubjectIn(b.lang), text: v.Format(b.lang) + " " + markers(ns), ns: ns, first: first, docs: docs, v: v})
	}
	if len(parts) == 0 {
		return StoryFigure{}, false
	}
	// Reports differ when different articles give different values for
	// the same subject; one article giving several (binary and source
	// packages, new and total) counts different things.
	disagree := false
	for i := range parts {
		for j := i + 1; j < len(parts); j++ {
			if parts[i].subject == parts[j].subject && !sharesDoc(parts[i].docs, parts[j].docs) && !roughlySame(parts[i].v, parts[j].v) {
				disagree = true
			}
		}
	}
	if len(parts) == 1 {
		parts[0].subject = "" // one value: nothing to tell apart
	}
	// Subjects in the order the coverage tells them; the story's own values first.
	sort.SliceStable(parts, func(i, j int) bool {
		a, c := parts[i], parts[j]
		if (a.subject == "") != (c.subject == "") {
			return a.subject == ""
		}
		if a.subject == "" {
			return false
		}
		if a.first.Doc != c.first.Doc {
			return a.first.Doc < c.first.Doc
		}
		return a.first.Sentence.Start < c.first.Sentence.Start
	})
	if len(parts) > maxFigureParts {
		parts = parts[:maxFigureParts]
	}
	var texts []string
	for _, p := range parts {
		if p.subject != "" {
			texts = append(texts, p.subject+": "+p.text)
		} else {
			texts = append(texts, p.text)
		}
	}
	return StoryFigure{What: f.What[b.lang], Value: strings.Join(texts, "; "), Citations: all, Disagree: disagree}, true
}

// roughlySame reports values that agree within their hedges: "about
// 15,000" and "around 15,400" are one figure, rounded differently.
func roughlySame(a, b timeline.Variant) bool {
	if len(a.Quals) == 0 && len(b.Quals) == 0 || a.Percent != b.Percent {
		return false
	}
	hi, lo := a.Value, b.Value
	if lo > hi {
		hi, lo = lo, hi
	}
	return hi > 0 && (hi-lo)/hi <= 0.05
}

func sharesDoc(a, b map[string]bool) bool {
	for d := range a {
		if b[d] {
			return true
		}
	}
	return false
}

// overview opens the story: how much coverage, over what span, its most
// reported event, and where the figures disagree.
func (b *storyBuilder) overview(groups []timeline.Group, s Story) string {
	if len(groups) == 0 {
		if b.lang == "id" {
			return "Liputan tidak memuat peristiwa bertanggal tentang ini."
		}
		return "The coverage gives no dated events on this."
	}
	ti := 0
	for i, g := range groups {
		if top := groups[ti]; len(g.Docs) > len(top.Docs) || len(g.Docs) == len(top.Docs) && g.Date.Prec > top.Date.Prec {
			ti = i
		}
	}
	top := groups[ti]
	topLine := strings.TrimPrefix(s.Timeline[ti].Event, top.Span(b.lang)+" — ")
	lastG := groups[len(groups)-1]
	lastDate := lastG.Date
	if lastG.End.Prec == timeline.Day {
		lastDate = lastG.End
	}
	first, last := groups[0].Date.Format(b.lang), lastDate.Format(b.lang)
	var out string
	if b.lang == "id" {
		out = fmt.Sprintf("%d peristiwa bertanggal, dari %s hingga %s. Paling banyak diberitakan: %s, %s.", len(groups), first, last, top.Span(b.lang), topLine)
	} else {
		out = fmt.Sprintf("%d dated events, from %s to %s. Most reported: %s, %s.", len(groups), first, last, top.Span(b.lang), topLine)
	}
	for _, f := range s.Figures {
		if f.Disagree {
			if b.lang == "id" {
				out += fmt.Sprintf(" Angka %s berbeda: %s.", f.What, f.Value)
			} else {
				out += fmt.Sprintf(" The reports differ on %s: %s.", f.What, f.Value)
			}
		}
	}
	return out
}
