package answer

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
)

// storyEventRE reads an event of a story-lines request.
var storyEventRE = regexp.MustCompile(`(?m)^E(\d+) \| [^|]* \| cites ((?:\[\d+\])+) \| draft: (.*)$`)

// With a model, timeline lines are model-written and verified against
// their own quotes: a faithful sentence replaces the extractive line, one
// that names what its quotes do not give leaves the extractive line, and
// a marker of another event's quote is not kept.
func TestStoryLinesVerified(t *testing.T) {
	h := newLLMHarness(t, nil, nil)
	h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		user := req.Messages[len(req.Messages)-1].Content
		var b strings.Builder
		for _, m := range storyEventRE.FindAllStringSubmatch(user, -1) {
			switch {
			case strings.Contains(m[3], "Marco Rubio"):
				fmt.Fprintf(&b, "E%s: Sergei Lavrov met Marco Rubio in Malaysia %s\n", m[1], m[2])
			case strings.Contains(m[3], "Beijing"):
				fmt.Fprintf(&b, "E%s: Putin met Emmanuel Macron and 500 generals in Paris %s\n", m[1], m[2])
			default:
				fmt.Fprintf(&b, "E%s: -\n", m[1])
			}
		}
		return fakeopenai.Reply{Text: b.String()}
	})
	story, err := h.svc.Storyteller().Story(context.Background(), StoryOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var rubio, beijing *StoryEvent
	for i, e := range story.Timeline {
		switch {
		case strings.Contains(e.Event, "Rubio"):
			rubio = &story.Timeline[i]
		case strings.Contains(e.Event, "Beijing") || strings.Contains(e.Event, "Macron"):
			beijing = &story.Timeline[i]
		}
		if !e.Model && strings.Contains(e.Event, " -") {
			t.Errorf("a kept draft shows the model's dash: %q", e.Event)
		}
	}
	if rubio == nil || !rubio.Model || !strings.Contains(rubio.Event, "Lavrov met Marco Rubio in Malaysia [") {
		t.Errorf("the faithful model line was not used: %+v", rubio)
	}
	if beijing == nil || beijing.Model || strings.Contains(beijing.Event, "Macron") {
		t.Errorf("the unsupported model line was used: %+v", beijing)
	}
	for _, e := range story.Timeline {
		for _, n := range markersOf(e.Event) {
			if !containsN(e.Citations, n) {
				t.Errorf("%q cites [%d], not one of its own quotes %v", e.Event, n, e.Citations)
			}
		}
	}
}
