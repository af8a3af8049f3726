// Package eval measures Kabar on a question set with expected answers and
// sources: answer accuracy, declines, citation precision and recall,
// verbatim quotes, retrieval recall@5 per ranking, and latency.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// Item is one line of an evaluation set (JSON Lines).
type Item struct {
	ID         string   `json:"id"`
	Lang       string   `json:"lang"`
	Question   string   `json:"question"`
	Answerable bool     `json:"answerable"`
	Expect     []string `json:"expect"`  // regular expressions that must all match the answer (case-insensitive)
	Sources    []string `json:"sources"` // document ids that support the answer
	Note       string   `json:"note,omitempty"`
	// Kind is what the question asks for: number, person, date, place,
	// duration, yesno, disagreement (typed: scored strictly), or quote,
	// why, how, what, unanswerable.
	Kind string `json:"kind,omitempty"`
	// Half is the part of a blind set the question was put in, once, when
	// the set was split: "tune" (thresholds may be chosen on it) or
	// "test" (only ever reported).
	Half   string `json:"half,omitempty"`
	Answer string `json:"answer,omitempty"` // the expected answer in plain words, for people reading failures
}

// Typed reports whether the item asks for a fact the answer must state in
// its own words: strict scoring ignores the quoted passages for it.
func (it Item) Typed() bool {
	switch it.Kind {
	case "number", "person", "date", "place", "duration", "yesno", "disagreement":
		return true
	}
	return false
}

// ReadSet reads a JSON Lines evaluation set.
func ReadSet(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval set: %w", err)
	}
	defer f.Close()
	return parseSet(f, path)
}

func parseSet(r io.Reader, name string) ([]Item, error) {
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var it Item
		if err := json.Unmarshal([]byte(text), &it); err != nil {
			return nil, fmt.Errorf("eval set %s line %d: %w", name, line, err)
		}
		if strings.TrimSpace(it.Question) == "" {
			return nil, fmt.Errorf("eval set %s line %d: empty question", name, line)
		}
		for _, e := range it.Expect {
			if _, err := regexp.Compile("(?i)" + e); err != nil {
				return nil, fmt.Errorf("eval set %s line %d: bad expect pattern %q: %w", name, line, e, err)
			}
		}
		if it.ID == "" {
			it.ID = fmt.Sprintf("line-%d", line)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval set %s: %w", name, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("eval set %s has no questions", name)
	}
	return items, nil
}

// Answerer answers one question.
type Answerer interface {
	Answer(ctx context.Context, q answer.Query, onPartial func(string)) (answer.Result, error)
}

// Retriever is the search the recall@5 measure needs.
type Retriever interface {
	SearchText(ctx context.Context, text string, k int, r retrieval.Ranking) ([]retrieval.Hit, error)
	Document(id string) (retrieval.Document, bool)
}

// Row is the outcome of one question.
type Row struct {
	ID         string             `json:"id"`
	Kind       string             `json:"kind,omitempty"`
	Lang       string             `json:"lang,omitempty"`
	Question   string             `json:"question"`
	Answerable bool               `json:"answerable"`
	Answered   bool               `json:"answered"`
	Correct    bool               `json:"correct"` // strict: a typed fact stated in the answer's own words
	Lenient    bool               `json:"lenient"` // the fact anywhere in the answer or its quotes
	AnswerLang string             `json:"answer_lang,omitempty"`
	LeadLang   string             `json:"lead_lang,omitempty"` // language of the answer outside quotes
	Mode       string             `json:"mode"`
	CitedDocs  []string           `json:"cited_docs"`
	Precision  float64            `json:"citation_precision"`
	Recall     float64            `json:"citation_recall"`
	Quotes     int                `json:"quotes"`
	Verbatim   int                `json:"verbatim_quotes"`
	RecallAt5  map[string]float64 `json:"recall_at_5"`
	LatencyMS  float64            `json:"latency_ms"`
	Answer     string             `json:"answer"`
	Expected   string             `json:"expected,omitempty"`
	Error      string             `json:"error,omitempty"`
}

// Tally counts questions and correct answers of one group.
type Tally struct {
	N       int `json:"n"`
	Strict  int `json:"strict"`
	Lenient int `json:"lenient"`
}

func (t *Tally) add(r Row) {
	t.N++
	if r.Correct {
		t.Strict++
	}
	if r.Lenient {
		t.Lenient++
	}
}

// Report is a whole run.
type Report struct {
	Rows              []Row              `json:"rows"`
	Answerable        int                `json:"answerable"`
	AnswerableCorrect int                `json:"answerable_correct"` // strict
	AnswerableLenient int                `json:"answerable_lenient"`
	Unanswerable      int                `json:"unanswerable"`
	Declined          int                `json:"declined"`
	ByKind            map[string]*Tally  `json:"by_kind"`
	ByLang            map[string]*Tally  `json:"by_lang"`
	EnglishAnswered   int                `json:"english_answered"` // answered English questions
	EnglishLeads      int                `json:"english_leads"`    // ... whose lead is written in English
	CitationPrecision float64            `json:"citation_precision"`
	CitationRecall    float64            `json:"citation_recall"`
	VerbatimRate      float64            `json:"verbatim_rate"`
	RecallAt5         map[string]float64 `json:"recall_at_5"`
	LatencyP50MS      float64            `json:"latency_p50_ms"`
	LatencyP95MS      float64            `json:"latency_p95_ms"`
}

// Options adjusts a run.
type Options struct {
	// DetectLang tells the language of a text ("en", "id", or "" when
	// unsure); it judges whether leads are in the asker's language.
	DetectLang func(string) string
	// SkipRecall leaves out the recall@5 searches (three per question).
	SkipRecall bool
}

// Run answers every item and scores the answers.
func Run(ctx context.Context, items []Item, a Answerer, r Retriever) (Report, error) {
	return RunWith(ctx, items, a, r, Options{})
}

// RunWith is Run with options.
func RunWith(ctx context.Context, items []Item, a Answerer, r Retriever, opt Options) (Report, error) {
	var rep Report
	rep.RecallAt5 = map[string]float64{}
	rep.ByKind, rep.ByLang = map[string]*Tally{}, map[string]*Tally{}
	if opt.DetectLang == nil {
		lex, err := lexicon.New()
		if err != nil {
			return rep, err
		}
		opt.DetectLang = lex.DetectLang
	}
	var citedIn, cited, srcFound, srcTotal, quotes, verbatim int
	var lat []float64
	rankings := []retrieval.Ranking{retrieval.RankLexical, retrieval.RankVector, retrieval.RankHybrid}
	tally := func(m map[string]*Tally, k string, row Row) {
		if k == "" {
			k = "-"
		}
		if m[k] == nil {
			m[k] = &Tally{}
		}
		m[k].add(row)
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		kind := it.Kind
		if !it.Answerable {
			kind = "unanswerable"
		}
		row := Row{ID: it.ID, Kind: kind, Lang: it.Lang, Question: it.Question, Answerable: it.Answerable, RecallAt5: map[string]float64{}, Expected: it.Answer}
		start := time.Now()
		res, err := a.Answer(ctx, answer.Query{Question: it.Question}, nil)
		row.LatencyMS = float64(time.Since(start).Microseconds()) / 1000
		lat = append(lat, row.LatencyMS)
		if err != nil {
			row.Error = err.Error()
			rep.Rows = append(rep.Rows, row)
			if it.Answerable {
				rep.Answerable++
			} else {
				rep.Unanswerable++
			}
			tally(rep.ByKind, kind, row)
			tally(rep.ByLang, it.Lang, row)
			continue
		}
		row.Answered, row.Mode, row.Answer, row.AnswerLang = res.Answered, res.Mode, res.Answer, res.Lang
		lead := Lead(res.Answer)
		row.LeadLang = opt.DetectLang(lead)
		seen := map[string]bool{}
		full := res.Answer
		for _, c := range res.Citations {
			row.Quotes++
			full += "\n" + c.Quote
			if d, ok := r.Document(c.Doc); ok && c.ByteStart >= 0 && c.ByteEnd <= len(d.Text) && c.ByteStart <= c.ByteEnd && d.Text[c.ByteStart:c.ByteEnd] == c.Quote && c.Quote != "" {
				row.Verbatim++
			}
			if !seen[c.Doc] {
				seen[c.Doc] = true
				row.CitedDocs = append(row.CitedDocs, c.Doc)
			}
		}
		quotes += row.Quotes
		verbatim += row.Verbatim
		if it.Answerable {
			rep.Answerable++
			row.Lenient = res.Answered && matchesAll(it.Expect, full)
			row.Correct = row.Lenient
			if it.Typed() {
				row.Correct = res.Answered && matchesAll(it.Expect, lead)
			}
			if row.Correct {
				rep.AnswerableCorrect++
			}
			if row.Lenient {
				rep.AnswerableLenient++
			}
			if res.Answered && it.Lang == "en" {
				rep.EnglishAnswered++
				if row.LeadLang == "en" {
					rep.EnglishLeads++
				}
			}
			in := 0
			for _, d := range row.CitedDocs {
				if contains(it.Sources, d) {
					in++
				}
			}
			if len(row.CitedDocs) > 0 {
				row.Precision = float64(in) / float64(len(row.CitedDocs))
			}
			if len(it.Sources) > 0 {
				row.Recall = float64(in) / float64(len(it.Sources))
			}
			citedIn += in
			cited += len(row.CitedDocs)
			srcFound += in
			srcTotal += len(it.Sources)
			if !opt.SkipRecall {
				for _, rk := range rankings {
					hits, err := r.SearchText(ctx, it.Question, 5, rk)
					if err != nil {
						return rep, err
					}
					row.RecallAt5[rk.String()] = sourceRecall(hits, it.Sources)
					rep.RecallAt5[rk.String()] += row.RecallAt5[rk.String()]
				}
			}
		} else {
			rep.Unanswerable++
			row.Correct = !res.Answered
			row.Lenient = row.Correct
			if row.Correct {
				rep.Declined++
			}
		}
		tally(rep.ByKind, kind, row)
		tally(rep.ByLang, it.Lang, row)
		rep.Rows = append(rep.Rows, row)
	}
	if cited > 0 {
		rep.CitationPrecision = float64(citedIn) / float64(cited)
	}
	if srcTotal > 0 {
		rep.CitationRecall = float64(srcFound) / float64(srcTotal)
	}
	if quotes > 0 {
		rep.VerbatimRate = float64(verbatim) / float64(quotes)
	}
	if rep.Answerable > 0 {
		for k := range rep.RecallAt5 {
			rep.RecallAt5[k] /= float64(rep.Answerable)
		}
	}
	rep.LatencyP50MS, rep.LatencyP95MS = percentile(lat, 0.50), percentile(lat, 0.95)
	return rep, nil
}

// Lead is an answer's own words: the text with its quoted passages
// (“…”, "…") and citation markers removed. Strict scoring looks for a
// typed fact only there.
func Lead(answer string) string {
	var b strings.Builder
	depth := 0
	for _, r := range answer {
		switch {
		case r == '“':
			depth++
			continue
		case r == '”':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(markerRE.ReplaceAllString(b.String(), ""))
}

var markerRE = regexp.MustCompile(`\[\d+\]`)

// Filter keeps the items of one half ("tune" or "test"); "" keeps all.
func Filter(items []Item, half string) []Item {
	if half == "" {
		return items
	}
	var out []Item
	for _, it := range items {
		if it.Half == half {
			out = append(out, it)
		}
	}
	return out
}

// sourceRecall is the share of expected source documents found among the
// documents of the hits (folded duplicates included).
func sourceRecall(hits []retrieval.Hit, sources []string) float64 {
	if len(sources) == 0 {
		return 0
	}
	found := map[string]bool{}
	for _, h := range hits {
		found[h.Chunk.DocID] = true
		for _, d := range h.Duplicates {
			found[d.DocID] = true
		}
	}
	n := 0
	for _, s := range sources {
		if found[s] {
			n++
		}
	}
	return float64(n) / float64(len(sources))
}

func matchesAll(patterns []string, text string) bool {
	for _, p := range patterns {
		if !regexp.MustCompile("(?i)" + p).MatchString(text) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	i := int(p*float64(len(s))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return s[i]
}
