package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/retrieval"
)

func runAsk(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	asJSON := fs.Bool("json", false, "print one JSON object")
	stream := fs.Bool("stream", false, "print the model's answer sentence by sentence, each once its citations are verified (LLM mode)")
	k := fs.Int("k", 0, "passages to retrieve (default from config: 10)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar ask [flags] QUESTION\n\nAnswers QUESTION from the coverage with verbatim citations.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	question := strings.Join(pos, " ")
	if err := answer.CheckQuestion(question); err != nil {
		return usageError{err.Error()}
	}
	if *k < 0 || *k > 50 {
		return usagef("--k must be between 1 and 50")
	}
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
	svc, err := e.service(ix)
	if err != nil {
		return err
	}
	var onPartial func(string)
	printed := 0
	if *stream && !*asJSON {
		// Only verified sentences arrive here, each extending the last;
		// until the first, the user sees a neutral progress line.
		fmt.Fprintln(stderr, "kabar: reading the coverage and checking citations…")
		onPartial = func(text string) {
			if len(text) > printed {
				fmt.Fprint(stdout, text[printed:])
				printed = len(text)
			}
		}
	}
	res, err := svc.Answer(ctx, answer.Query{Question: question, K: *k}, onPartial)
	if err != nil {
		if errors.Is(err, answer.ErrEmptyQuestion) || errors.Is(err, answer.ErrQuestionTooLong) {
			return usageError{err.Error()}
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	if printed > 0 {
		fmt.Fprint(stdout, "\n\n--- verified answer ---\n")
	}
	return writeAnswer(stdout, res)
}

// writeAnswer prints an answer for people: the text, then each source with
// where to find the quote.
func writeAnswer(w io.Writer, res answer.Result) error {
	fmt.Fprintln(w, res.Answer)
	if res.FallbackReason != "" {
		fmt.Fprintf(w, "\n(answered offline from quotes: %s)\n", res.FallbackReason)
	}
	if len(res.Citations) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nSources:")
	for _, c := range res.Citations {
		meta := c.Title
		if meta == "" {
			meta = "(untitled)"
		}
		for _, m := range []string{c.Outlet, c.Published} {
			if m != "" {
				meta += " — " + m
			}
		}
		mark := ""
		if c.Verified != nil && !*c.Verified {
			mark = " [unverified]"
		}
		fmt.Fprintf(w, "[%d] %s%s\n    %s ¶%d, characters %d–%d\n", c.N, meta, mark, c.Doc, c.Paragraph, c.Start, c.End)
		// The answer states the fact in Kabar's words; the quote is the
		// evidence, verbatim, once.
		fmt.Fprintf(w, "    “%s”\n", c.Quote)
	}
	return nil
}
