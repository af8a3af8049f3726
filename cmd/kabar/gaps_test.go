package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/feedback"
)

func TestGapsCommand(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	ctx := context.Background()
	key, err := feedback.LoadOrCreateKey(filepath.Join(data, "feedback.key"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := feedback.Open(ctx, filepath.Join(data, "feedback.db"), feedback.Options{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range []string{"What is the population of Wonsan?", "what is the population of Wonsan"} {
		if err := st.RecordShown(ctx, feedback.Shown{Key: "d" + string(rune('0'+i)), Result: answer.Result{Question: q}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RecordShown(ctx, feedback.Shown{Key: "a1", Result: answer.Result{Question: "How many engineers?", Answered: true, Answer: "6.000 [1]."}}); err != nil {
		t.Fatal(err)
	}
	if err := st.Reason(ctx, "a1", "701", feedback.ReasonCitation); err != nil {
		t.Fatal(err)
	}
	st.Close()

	getenv := func(string) string { return "" }
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"kabar", "gaps", "--data", data, "--since", "7d"}, &out, &errOut, getenv); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	for _, want := range []string{"2×  what is the population of Wonsan", "👎 1  👍 0  How many engineers?", "why: citation does not support it"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := run(ctx, []string{"kabar", "gaps", "--data", data, "--json"}, &out, &errOut, getenv); err != nil {
		t.Fatal(err)
	}
	var rep feedback.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || len(rep.Declined) != 1 || rep.Declined[0].Count != 2 ||
		len(rep.Downvoted) != 1 || rep.Downvoted[0].Reasons[feedback.ReasonCitation] != 1 {
		t.Fatalf("json: %+v %v\n%s", rep, err, out.String())
	}
	if err := run(ctx, []string{"kabar", "gaps", "--data", data, "--since", "soon"}, &out, &errOut, getenv); exitCode(err) != 2 {
		t.Fatalf("a bad --since: %v", err)
	}
	if _, err := parseSince("2026-01-31", time.Now()); err != nil {
		t.Fatal(err)
	}
}
