package eval

import (
	"fmt"
	"io"
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
answerable correct    %d/%d
unanswerable declined %d/%d
citation precision    %.1f%%
citation recall       %.1f%%
verbatim quotes       %.1f%%
recall@5              lexical %.3f  vector %.3f  hybrid %.3f
latency               p50 %.1f ms  p95 %.1f ms
`, rep.AnswerableCorrect, rep.Answerable, rep.Declined, rep.Unanswerable, 100*rep.CitationPrecision, 100*rep.CitationRecall,
		100*rep.VerbatimRate, rep.RecallAt5["lexical"], rep.RecallAt5["vector"], rep.RecallAt5["hybrid"], rep.LatencyP50MS, rep.LatencyP95MS)
	return err
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
