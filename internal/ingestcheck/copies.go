package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// Copies of one page (the same file under two language folders) are one
// source: an answer must never cite them as two reports, nor set one
// against the other. checkAnswers reads the answers of `kabar eval -json`
// and checkSummary those of `kabar summary --json`, and judges their
// citations by the corpus's layout, as the rest of ingestcheck does.

// copyPhrases mark an answer that presents its citations as several
// reports ("according to X and another report") or as disagreeing.
var (
	severalReports = []string{"another report", "other reports", "laporan lain"}
	disagreement   = []string{"The reports disagree:", "Laporan berbeda:"}
)

// evalReport is what checkAnswers reads of `kabar eval -json`.
type evalReport struct {
	Rows []struct {
		ID        string   `json:"id"`
		Answer    string   `json:"answer"`
		CitedDocs []string `json:"cited_docs"`
	} `json:"rows"`
}

// checkAnswers reports, of the answers in r, those citing two copies of
// one page, those of them worded as several reports, and disagreements
// between copies.
func checkAnswers(r io.Reader, w io.Writer, verbose bool) error {
	var rep evalReport
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return fmt.Errorf("answers: %w", err)
	}
	var copies, several, disagree int
	for _, row := range rep.Rows {
		pair := copyPair(row.CitedDocs)
		if pair == "" {
			continue
		}
		copies++
		kind := "cites two copies"
		switch {
		case containsAny(row.Answer, disagreement):
			disagree++
			kind = "sets two copies against each other"
		case containsAny(row.Answer, severalReports):
			several++
			kind = "cites two copies as two reports"
		}
		if verbose {
			fmt.Fprintf(w, "answer %s %s (%s): %.160q\n", row.ID, kind, pair, row.Answer)
		}
	}
	fmt.Fprintf(w, "answers %d: %d cite two copies of one page, %d of them as two reports, %d as a disagreement\n",
		len(rep.Rows), copies, several, disagree)
	return nil
}

// copyPair names two of docs that are copies of one page, or "".
func copyPair(docs []string) string {
	seen := map[string]string{}
	for _, d := range docs {
		page := counterpart(d)
		if other, ok := seen[page]; ok && other != d && pathLang(d) != "" {
			return other + " + " + d
		}
		seen[page] = d
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// storyReport is what checkSummary reads of `kabar summary --json`.
type storyReport struct {
	Figures []struct {
		What     string `json:"what"`
		Value    string `json:"value"`
		Disagree bool   `json:"disagree"`
	} `json:"figures"`
	Citations []struct {
		N   int    `json:"n"`
		Doc string `json:"doc"`
	} `json:"citations"`
}

var citeMarker = regexp.MustCompile(`\[(\d+)\]`)

// checkSummary reports the summary's disagreeing figures, and the pairs of
// values in them that copies of one page set against each other: one copy
// cited for one value only, another copy of the page for the other only.
// (A page that gives two figures for two things, cited in both languages
// for both, is not a disagreement between copies.)
func checkSummary(r io.Reader, w io.Writer, verbose bool) error {
	var rep storyReport
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	docOf := map[int]string{}
	for _, c := range rep.Citations {
		docOf[c.N] = c.Doc
	}
	var figures, copyPairs int
	for _, f := range rep.Figures {
		if !f.Disagree {
			continue
		}
		figures++
		values := strings.Split(f.Value, ";")
		sides := make([]map[string]bool, len(values))
		for i, v := range values {
			sides[i] = map[string]bool{}
			for _, m := range citeMarker.FindAllStringSubmatch(v, -1) {
				n, _ := strconv.Atoi(m[1])
				if d := docOf[n]; d != "" {
					sides[i][d] = true
				}
			}
		}
		for i := range values {
			for j := i + 1; j < len(values); j++ {
				if a, b, ok := copiesApart(sides[i], sides[j]); ok {
					copyPairs++
					if verbose {
						fmt.Fprintf(w, "summary: %s: %q (%s) against %q (%s)\n", f.What, strings.TrimSpace(values[i]), a, strings.TrimSpace(values[j]), b)
					}
				}
			}
		}
	}
	fmt.Fprintf(w, "summary: %d disagreeing figures, %d value pairs set against each other by copies of one page\n", figures, copyPairs)
	return nil
}

// copiesApart finds a document of x and another of y that are copies of
// one page, each cited on its own side only.
func copiesApart(x, y map[string]bool) (string, string, bool) {
	for a := range x {
		for b := range y {
			if a != b && counterpart(a) == counterpart(b) && pathLang(a) != "" && !y[a] && !x[b] {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// runCopyChecks runs the checks of the files given, and reports whether
// there were any.
func runCopyChecks(answers, summaries string, verbose bool) (bool, error) {
	ran := false
	if answers != "" {
		ran = true
		if err := withFile(answers, func(r io.Reader) error { return checkAnswers(r, os.Stdout, verbose) }); err != nil {
			return ran, err
		}
	}
	for _, s := range strings.Split(summaries, ",") {
		if s == "" {
			continue
		}
		ran = true
		if err := withFile(s, func(r io.Reader) error { return checkSummary(r, os.Stdout, verbose) }); err != nil {
			return ran, err
		}
	}
	return ran, nil
}

func withFile(name string, fn func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := fn(f); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
