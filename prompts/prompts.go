// Package prompts renders the texts Kabar sends to an LLM: the system
// prompt for cited answering, the user message carrying numbered sources
// and the question, the query-rewriting prompt for follow-up questions,
// and the cited-summary request. Templates live in *.tmpl files embedded
// in the binary and are parsed once by New. Everything that comes from
// articles or users is fenced between <<<...>>> delimiters and cleaned so
// it cannot close its fence or pose as a citation marker.
package prompts

import (
	"embed"
	"errors"
	"fmt"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var templateFS embed.FS

// DeclineMarker is the whole reply the system prompt demands when the
// sources do not answer the question (or hold nothing on a summary's
// topic). Callers detect it with Declined and show their own message.
const DeclineMarker = "NOT_IN_COVERAGE"

// Declined reports whether an LLM reply is the decline: it starts with
// DeclineMarker, ignoring surrounding space. Streaming callers can test
// the growing text, since the marker comes first.
func Declined(reply string) bool {
	return strings.HasPrefix(strings.TrimSpace(reply), DeclineMarker)
}

// Source is a numbered passage offered to the model, cited as [N].
type Source struct {
	N         int
	DocID     string
	Title     string
	Outlet    string
	Published string
	Text      string
}

// Turn is an earlier exchange of a conversation, oldest first.
type Turn struct {
	Question string
	Answer   string
}

// Prompts renders the prompt templates. It is immutable and safe for
// concurrent use.
type Prompts struct {
	t *template.Template
}

// New parses the embedded templates.
func New() (*Prompts, error) {
	t, err := template.New("prompts").
		Option("missingkey=error").
		Funcs(template.FuncMap{"data": fenceData, "line": fenceLine, "add1": func(i int) int { return i + 1 }}).
		ParseFS(templateFS, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("prompts: parsing templates: %w", err)
	}
	for _, name := range []string{"system.tmpl", "answer.tmpl", "rewrite.tmpl", "summary.tmpl", "storylines.tmpl", "sources"} {
		if t.Lookup(name) == nil {
			return nil, fmt.Errorf("prompts: template %q is missing", name)
		}
	}
	return &Prompts{t: t}, nil
}

// System is the system prompt for cited answering and summaries.
func (p *Prompts) System() (string, error) {
	return p.render("system.tmpl", struct{ Decline string }{DeclineMarker})
}

// Answer is the user message asking question about sources.
func (p *Prompts) Answer(question string, sources []Source) (string, error) {
	if strings.TrimSpace(question) == "" {
		return "", errors.New("prompts: the question is empty")
	}
	if err := checkSources(sources); err != nil {
		return "", err
	}
	return p.render("answer.tmpl", struct {
		Question string
		Sources  []Source
		Decline  string
	}{question, sources, DeclineMarker})
}

// Rewrite asks for one standalone search query for question, resolving
// references to the earlier turns of history (which may be empty).
func (p *Prompts) Rewrite(question string, history []Turn) (string, error) {
	if strings.TrimSpace(question) == "" {
		return "", errors.New("prompts: the question is empty")
	}
	return p.render("rewrite.tmpl", struct {
		Question string
		History  []Turn
	}{question, history})
}

// Summary asks for a cited summary of sources, about topic when it is not
// empty.
func (p *Prompts) Summary(topic string, sources []Source) (string, error) {
	if err := checkSources(sources); err != nil {
		return "", err
	}
	return p.render("summary.tmpl", struct {
		Topic   string
		Sources []Source
		Decline string
	}{strings.TrimSpace(topic), sources, DeclineMarker})
}

// StoryEvent is one timeline event offered to the model to tell: its
// number (E<N>), its date as shown, the extractive line and the markers
// of the sources it may cite.
type StoryEvent struct {
	N       int
	Date    string
	Draft   string
	Markers string
}

// StoryLines asks for one sentence per event in lang ("en" or "id"),
// each from its own cited sources.
func (p *Prompts) StoryLines(lang string, sources []Source, events []StoryEvent) (string, error) {
	if err := checkSources(sources); err != nil {
		return "", err
	}
	if len(events) == 0 {
		return "", errors.New("prompts: no events to tell")
	}
	language := "English"
	if lang == "id" {
		language = "Indonesian"
	}
	return p.render("storylines.tmpl", struct {
		Language string
		Sources  []Source
		Events   []StoryEvent
	}{language, sources, events})
}

func (p *Prompts) render(name string, data any) (string, error) {
	var b strings.Builder
	if err := p.t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("prompts: rendering %s: %w", name, err)
	}
	return b.String(), nil
}

// checkSources rejects numbering the model could not cite unambiguously.
func checkSources(sources []Source) error {
	seen := make(map[int]bool, len(sources))
	for _, s := range sources {
		if s.N < 1 {
			return fmt.Errorf("prompts: source %q has number %d; numbers start at 1", s.DocID, s.N)
		}
		if seen[s.N] {
			return fmt.Errorf("prompts: two sources are numbered %d", s.N)
		}
		seen[s.N] = true
	}
	return nil
}
