package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/retrieval"
)

func runSummary(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	asJSON := fs.Bool("json", false, "print one JSON object")
	topic := fs.String("topic", "", "summarise what the coverage says about `T`")
	doc := fs.String("doc", "", "summarise one article (its `ID`: the file name without extension)")
	lang := fs.String("lang", "en", "language of the summary: en or id")
	events := fs.Int("events", 12, "show at most `N` timeline events, the most widely reported (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar summary [flags]\n\nTells the story of the coverage: an overview, a dated timeline and the key figures, every line cited.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("summary takes no arguments (use --topic %q)", pos[0])
	}
	if *lang != "en" && *lang != "id" {
		return usagef("--lang must be en or id")
	}
	if *events < 0 {
		return usagef("--events must be 0 (all) or more")
	}
	maxEvents := *events
	if maxEvents == 0 {
		maxEvents = -1 // every event
	}
	topicSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "topic" {
			topicSet = true
		}
	})
	e, err := loadEnv(c, stderr, getenv)
	if err != nil {
		return err
	}
	ix, st, err := e.openIndex(ctx, false, nil, func(retrieval.Skipped) {})
	if err != nil {
		return err
	}
	if st.Skipped > 0 {
		fmt.Fprintf(stderr, "kabar: %d corpus files skipped; run `kabar index` to see why\n", st.Skipped)
	}
	svc, err := e.service(ix) // with a model configured, it writes the lines (verified)
	if err != nil {
		return err
	}
	story, err := svc.Storyteller().Story(ctx, answer.StoryOptions{Topic: *topic, TopicSet: topicSet, DocID: *doc, Lang: *lang, MaxEvents: maxEvents})
	if err != nil {
		if errors.Is(err, answer.ErrEmptyTopic) || errors.Is(err, answer.ErrUnknownDocument) ||
			errors.Is(err, answer.ErrEmptyQuestion) || errors.Is(err, answer.ErrQuestionTooLong) {
			return usageError{err.Error()}
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(story)
	}
	return writeStory(stdout, story)
}

// writeStory prints a story for people.
func writeStory(w io.Writer, s answer.Story) error {
	heads := map[string][3]string{"en": {"Timeline:", "Key figures:", "Sources:"}, "id": {"Kronologi:", "Angka utama:", "Sumber:"}}[s.Lang]
	fmt.Fprintln(w, s.Summary)
	if len(s.Timeline) > 0 {
		fmt.Fprintln(w, "\n"+heads[0])
		for _, e := range s.Timeline {
			fmt.Fprintf(w, "  %s\n", e.Event)
		}
	}
	if len(s.Figures) > 0 {
		fmt.Fprintln(w, "\n"+heads[1])
		for _, f := range s.Figures {
			fmt.Fprintf(w, "  %s: %s\n", f.What, f.Value)
		}
	}
	if len(s.Citations) > 0 {
		fmt.Fprintln(w, "\n"+heads[2])
		for _, c := range s.Citations {
			fmt.Fprintf(w, "[%d] %s, characters %d–%d\n    “%s”\n", c.N, c.Doc, c.Start, c.End, c.Quote)
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
