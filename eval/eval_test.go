package eval

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestDevSet runs the offline pipeline on the bundled articles and the dev
// set and holds it to the thresholds Kabar promises.
func TestDevSet(t *testing.T) {
	ctx := context.Background()
	svc, ix := seedService(t)
	items, err := ReadSet("testdata/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(ctx, items, svc, ix)
	if err != nil {
		t.Fatal(err)
	}
	var table bytes.Buffer
	if err := WriteTable(&table, rep); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + table.String())
	if rep.AnswerableCorrect != rep.Answerable {
		t.Errorf("answerable correct %d/%d, want all", rep.AnswerableCorrect, rep.Answerable)
	}
	if rep.Declined != rep.Unanswerable {
		t.Errorf("declined %d/%d unanswerable, want all", rep.Declined, rep.Unanswerable)
	}
	if rep.VerbatimRate != 1 {
		t.Errorf("verbatim quotes %.3f, want 1", rep.VerbatimRate)
	}
	if rep.CitationPrecision < 0.9 {
		t.Errorf("citation precision %.3f, want ≥ 0.9", rep.CitationPrecision)
	}
	for _, r := range rep.Rows {
		if !r.Correct {
			t.Logf("%s: %s\n  → %s", r.ID, r.Question, strings.ReplaceAll(r.Answer, "\n", " "))
		}
	}
}

func TestParseSetRejectsBadLines(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"not json":    "{\"question\": ",
		"empty":       "",
		"no question": `{"id":"x","question":"  "}`,
		"bad pattern": `{"id":"x","question":"q","expect":["(unclosed"]}`,
	} {
		if _, err := parseSet(strings.NewReader(in), name); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}
