package answer

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/prompts"
)

// Model-written timeline lines. With a language model configured, a
// story's events may be told by the model, one sentence each, from the
// quotes the extractive line cites; every sentence is verified like an
// answer's, against that event's quotes only, and a sentence that does
// not hold (a name, a number or a claim its quotes do not give, a marker
// of another event) leaves the extractive line in place. Without a model,
// or when it fails, the story is the extractive one.

// StoryLine is one event offered to a StoryWriter.
type StoryLine struct {
	Date      string          // as the story shows it ("11–13 July 2025")
	Draft     string          // the extractive line, without its markers
	Citations []StoryCitation // the quotes the line may cite, numbered as in the story
}

// StoryWriter writes verified timeline lines in lang: for each event, the
// sentence with its story markers, or "" to keep the extractive line.
// LLMGenerator is one.
type StoryWriter interface {
	StoryLines(ctx context.Context, lang string, events []StoryLine) ([]string, error)
}

var _ StoryWriter = (*LLMGenerator)(nil)

// storyLineRE reads one line of the reply: "E3: sentence [4][5]".
var storyLineRE = regexp.MustCompile(`(?m)^\s*E(\d+)\s*[:.]\s*(.+?)\s*$`)

// StoryLines asks the model to tell the events in lang and verifies each
// sentence against its own event's quotes.
func (g *LLMGenerator) StoryLines(ctx context.Context, lang string, events []StoryLine) ([]string, error) {
	out := make([]string, len(events))
	if len(events) == 0 {
		return out, nil
	}
	var sources []prompts.Source
	seen := map[int]bool{}
	var pes []prompts.StoryEvent
	for i, e := range events {
		var ms []string
		for _, c := range e.Citations {
			ms = append(ms, fmt.Sprintf("[%d]", c.N))
			if !seen[c.N] {
				seen[c.N] = true
				doc, _ := g.corpus.Document(c.Doc)
				sources = append(sources, prompts.Source{N: c.N, DocID: c.Doc, Title: c.Title, Outlet: doc.Outlet, Published: doc.Published, Text: c.Quote})
			}
		}
		pes = append(pes, prompts.StoryEvent{N: i + 1, Date: e.Date, Draft: e.Draft, Markers: strings.Join(ms, "")})
	}
	sort.Slice(sources, func(i, j int) bool { return sources[i].N < sources[j].N })
	system, err := g.prompts.System()
	if err != nil {
		return out, err
	}
	user, err := g.prompts.StoryLines(lang, sources, pes)
	if err != nil {
		return out, err
	}
	if estimateTokens(system)+estimateTokens(user) > g.budget {
		return out, errNoRoom
	}
	mctx, cancel := g.modelContext(ctx)
	defer cancel(nil)
	reply, err := g.model.Complete(mctx, []llm.Message{{Role: "system", Content: system}, {Role: "user", Content: user}})
	if err != nil {
		return out, err
	}
	if prompts.Declined(reply) {
		return out, nil
	}
	for _, m := range storyLineRE.FindAllStringSubmatch(reply, -1) {
		k, err := strconv.Atoi(m[1])
		if err != nil || k < 1 || k > len(events) || out[k-1] != "" {
			continue
		}
		out[k-1] = g.verifyStoryLine(m[2], events[k-1])
	}
	return out, nil
}

// verifyStoryLine keeps a model's sentence when the citation verifier
// finds it supported by the event's own quotes, with the markers that
// hold; "" otherwise.
func (g *LLMGenerator) verifyStoryLine(text string, e StoryLine) string {
	text = strings.TrimSpace(text)
	if text == "" || text == "-" || strings.Contains(text, "\n") {
		return ""
	}
	var csrc []cite.Source
	for _, c := range e.Citations {
		csrc = append(csrc, cite.Source{N: c.N, DocID: c.Doc, Text: c.Quote, Context: c.Title})
	}
	rep := g.verifier.Verify(text, csrc)
	if rep.Text == "" || len(rep.Sentences) != 1 || !allKept(rep.Sentences) {
		return ""
	}
	return rep.Text
}
