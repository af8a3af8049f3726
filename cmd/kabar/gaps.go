package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/feedback"
)

// openFeedback opens the feedback database in the data directory.
func (e *env) openFeedback(ctx context.Context) (*feedback.Store, error) {
	key, err := feedback.LoadOrCreateKey(filepath.Join(e.dataDir, "feedback.key"))
	if err != nil {
		return nil, err
	}
	return feedback.Open(ctx, filepath.Join(e.dataDir, "feedback.db"), feedback.Options{
		Key: key, Retention: time.Duration(e.cfg.Feedback.RetentionDays) * 24 * time.Hour})
}

// parseSince reads "7d", "12h", "90m" or a date (2026-01-31).
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err == nil && n > 0 {
			return now.Add(-time.Duration(n) * 24 * time.Hour), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Time{}, usagef("--since %q: give a period like 7d or 12h, or a date like 2026-01-31", s)
}

func runGaps(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("gaps", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	since := fs.String("since", "7d", "how far back: a period (7d, 12h) or a date (2026-01-31)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	limit := fs.Int("limit", 20, "at most this many declined questions and flagged answers")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar gaps [--since 7d] [--json] [flags]\n\nShows the questions the coverage could not answer (near-duplicates grouped) and the answers\nreaders voted 👎, with their reasons, from the feedback database the bot keeps.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("gaps takes no arguments (got %q)", pos[0])
	}
	from, err := parseSince(*since, time.Now())
	if err != nil {
		return err
	}
	e, err := loadEnv(c, stderr, getenv)
	if err != nil {
		return err
	}
	st, err := e.openFeedback(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Gaps(ctx, from, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	printGaps(stdout, rep, *since)
	return nil
}

var reasonWords = map[string]string{
	feedback.ReasonWrong: "wrong answer", feedback.ReasonCitation: "citation does not support it",
	feedback.ReasonMissing: "the coverage should know this", feedback.ReasonOther: "other",
}

func printGaps(w io.Writer, rep feedback.Report, since string) {
	fmt.Fprintf(w, "Since %s (%s):\n\n", rep.Since.Format("2006-01-02 15:04"), since)
	fmt.Fprintf(w, "Questions the coverage could not answer: %d\n", len(rep.Declined))
	for _, g := range rep.Declined {
		fmt.Fprintf(w, "  %3d×  %s\n", g.Count, g.Question)
		for _, v := range g.Variants {
			fmt.Fprintf(w, "        also: %s\n", v)
		}
	}
	fmt.Fprintf(w, "\nAnswers readers voted 👎: %d\n", len(rep.Downvoted))
	for _, f := range rep.Downvoted {
		fmt.Fprintf(w, "  👎 %d  👍 %d  %s\n", f.Down, f.Up, f.Question)
		var rs []string
		for _, r := range []string{feedback.ReasonWrong, feedback.ReasonCitation, feedback.ReasonMissing, feedback.ReasonOther} {
			if n := f.Reasons[r]; n > 0 {
				rs = append(rs, fmt.Sprintf("%s (%d)", reasonWords[r], n))
			}
		}
		if len(rs) > 0 {
			fmt.Fprintf(w, "        why: %s\n", strings.Join(rs, ", "))
		}
		if a := strings.Join(strings.Fields(f.Answer), " "); a != "" {
			if r := []rune(a); len(r) > 160 {
				a = string(r[:159]) + "…"
			}
			fmt.Fprintf(w, "        answer: %s\n", a)
		}
	}
}
