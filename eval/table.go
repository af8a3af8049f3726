package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the per-question table and the totals.
func WriteTable(w io.Writer, rep Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tok\tanswered\tcited\tprec\trecall\tverbatim\tr@5 lex/vec/hyb\tms\tquestion")
	for _, r := range rep.Rows {
		ok := "FAIL"
		if r.Correct {
			ok = "ok"
		}
		if r.Error != "" {
			ok = "ERROR"
		}
		r5 := "-"
		if r.Answerable {
			r5 = fmt.Sprintf("%.2f/%.2f/%.2f", r.RecallAt5["lexical"], r.RecallAt5["vector"], r.RecallAt5["hybrid"])
		}
		fmt.Fprintf(tw, "%s\t%s\t%v\t%s\t%.2f\t%.2f\t%d/%d\t%s\t%.1f\t%s\n", r.ID, ok, r.Answered, strings.Join(shortIDs(r.CitedDocs), ","),
			r.Precision, r.Recall, r.Verbatim, r.Quotes, r5, r.LatencyMS, clip(r.Question, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, `
answerable correct    %d/%d strict (%.1f%%), %d lenient
unanswerable declined %d/%d
english leads         %d/%d answered English questions
citation precision    %.1f%%
citation recall       %.1f%%
verbatim quotes       %.1f%%
recall@5              lexical %.3f  vector %.3f  hybrid %.3f
latency               p50 %.1f ms  p95 %.1f ms
`, rep.AnswerableCorrect, rep.Answerable, pct(rep.AnswerableCorrect, rep.Answerable), rep.AnswerableLenient,
		rep.Declined, rep.Unanswerable, rep.EnglishLeads, rep.EnglishAnswered, 100*rep.CitationPrecision, 100*rep.CitationRecall,
		100*rep.VerbatimRate, rep.RecallAt5["lexical"], rep.RecallAt5["vector"], rep.RecallAt5["hybrid"], rep.LatencyP50MS, rep.LatencyP95MS)
	if err != nil {
		return err
	}
	return WriteBreakdown(w, rep)
}

// WriteBreakdown prints the strict and lenient counts per kind and per
// language, as a Markdown table.
func WriteBreakdown(w io.Writer, rep Report) error {
	var b strings.Builder
	b.WriteString("\n| group | questions | strict | lenient |\n|---|---|---|---|\n")
	for _, part := range []struct {
		prefix string
		m      map[string]*Tally
	}{{"kind ", rep.ByKind}, {"lang ", rep.ByLang}} {
		keys := make([]string, 0, len(part.m))
		for k := range part.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t := part.m[k]
			fmt.Fprintf(&b, "| %s%s | %d | %d (%.0f%%) | %d (%.0f%%) |\n", part.prefix, k, t.N, t.Strict, pct(t.Strict, t.N), t.Lenient, pct(t.Lenient, t.N))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func shortIDs(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if j := strings.IndexByte(id, '_'); j > 0 {
			id = id[:j]
		}
		out[i] = id
	}
	return out
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// WriteFailures prints each wrong row: question, expected, and the answer.
func WriteFailures(w io.Writer, rep Report) error {
	var b strings.Builder
	for _, r := range rep.Rows {
		if r.Correct {
			continue
		}
		fmt.Fprintf(&b, "\n%s [%s %s] %s\n  expected: %s\n  got:      %s\n", r.ID, r.Kind, r.Lang, r.Question, r.Expected,
			strings.ReplaceAll(clip(r.Answer, 300), "\n", " "))
		if r.Error != "" {
			fmt.Fprintf(&b, "  error:    %s\n", r.Error)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
