package main

import (
	"strings"
	"testing"
)

func TestCheckAnswers(t *testing.T) {
	t.Parallel()
	const eval = `{"rows": [
	{"id": "a", "answer": "2014, according to the reports [1][2].", "cited_docs": ["book/en/why", "book/id/why"]},
	{"id": "b", "answer": "According to the report [1]: x. According to another report [2]: y.", "cited_docs": ["book/en/apt", "book/id/apt"]},
	{"id": "c", "answer": "The reports disagree: 5 [1]; 15 [2].", "cited_docs": ["book/en/apt", "book/id/apt"]},
	{"id": "d", "answer": "The reports disagree: 5 [1]; 15 [2].", "cited_docs": ["book/en/apt", "book/en/why"]},
	{"id": "e", "answer": "1993, according to the report [1].", "cited_docs": ["history/en/intro"]}]}`
	var out strings.Builder
	if err := checkAnswers(strings.NewReader(eval), &out, false); err != nil {
		t.Fatal(err)
	}
	if want := "answers 5: 3 cite two copies of one page, 1 of them as two reports, 1 as a disagreement\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestCheckSummary(t *testing.T) {
	t.Parallel()
	const summary = `{"figures": [
	{"what": "packages", "disagree": true, "value": "68,980 [1][2]; 5,989 [2]"},
	{"what": "days", "disagree": true, "value": "5 [3]; 15 [4]"},
	{"what": "people", "disagree": false, "value": "6 [3]; 7 [4]"}],
	"citations": [{"n": 1, "doc": "ref/en/ch02"}, {"n": 2, "doc": "ref/id/ch02"}, {"n": 3, "doc": "ref/en/ch09"}, {"n": 4, "doc": "ref/id/ch09"}]}`
	var out strings.Builder
	if err := checkSummary(strings.NewReader(summary), &out, false); err != nil {
		t.Fatal(err)
	}
	// "packages": both copies give 68,980, one also a second figure: no
	// disagreement between copies. "days": each copy its own value.
	if want := "summary: 2 disagreeing figures, 1 value pairs set against each other by copies of one page\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
