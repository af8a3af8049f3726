package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/retrieval"
)

// checkJSON is what `kabar check --json` prints: exactly one object.
type checkJSON struct {
	Claim    string          `json:"claim"`
	Verdict  string          `json:"verdict"` // supported, contradicted or not_in_coverage
	Evidence []checkEvidence `json:"evidence"`
	TookMS   int64           `json:"took_ms"`
}

// checkEvidence is one passage behind a verdict. Quote is verbatim text of
// doc at Unicode-character offsets start/end, as in ask --json.
type checkEvidence struct {
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	Quote     string `json:"quote"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Stance    string `json:"stance"` // supports, contradicts or related
	Reason    string `json:"-"`      // for people; the JSON contract is the six fields above
	Paragraph int    `json:"-"`
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	asJSON := fs.Bool("json", false, "print one JSON object")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar check [flags] CLAIM\n\nChecks CLAIM against the coverage: supported, contradicted or not in the coverage, with the passages behind the verdict.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	claim := strings.TrimSpace(strings.Join(pos, " "))
	switch {
	case claim == "":
		return usagef("the claim is empty: give the sentence to check")
	case !utf8.ValidString(claim):
		return usagef("the claim is not valid UTF-8 text")
	case utf8.RuneCountInString(claim) > answer.MaxQuestionRunes:
		return usagef("the claim is longer than %d characters: shorten it", answer.MaxQuestionRunes)
	}
	start := time.Now()
	e, err := loadEnv(c, stderr, getenv)
	if err != nil {
		return err
	}
	ix, _, err := e.openIndex(ctx, false, nil, func(retrieval.Skipped) {})
	if err != nil {
		return err
	}
	svc := answer.NewService(ix, answer.Options{K: e.cfg.Retrieval.K, Ranking: rankingOf(e.cfg.Retrieval.Ranking)}, nil, e.logger)
	res, err := svc.CheckClaim(ctx, claim)
	if err != nil {
		return err
	}
	out := checkResult(res, time.Since(start))
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	return writeCheck(stdout, out)
}

// checkResult turns the verifier's result into the command's contract.
func checkResult(res cite.ClaimResult, took time.Duration) checkJSON {
	out := checkJSON{Claim: res.Claim, Verdict: string(res.Status), Evidence: []checkEvidence{}, TookMS: took.Milliseconds()}
	for _, e := range res.Evidence {
		stance := e.Stance
		if stance == "" {
			stance = cite.StanceRelated
		}
		out.Evidence = append(out.Evidence, checkEvidence{Doc: e.DocID, Title: e.Title, Quote: e.Quote,
			Start: e.CharStart, End: e.CharEnd, Stance: stance, Reason: e.Conflict, Paragraph: e.Paragraph})
	}
	return out
}

var checkVerdictText = map[string]string{
	string(cite.ClaimSupported):     "Supported by the coverage.",
	string(cite.ClaimContradicted):  "Contradicted by the coverage.",
	string(cite.ClaimNotInCoverage): "Not in the coverage.",
}

func writeCheck(w io.Writer, c checkJSON) error {
	fmt.Fprintln(w, checkVerdictText[c.Verdict])
	for _, e := range c.Evidence {
		line := e.Stance
		if e.Reason != "" {
			line += ": " + e.Reason
		}
		fmt.Fprintf(w, "\n[%s] %s\n    %s ¶%d, characters %d–%d\n    “%s”\n", line, e.Title, e.Doc, e.Paragraph, e.Start, e.End, e.Quote)
	}
	return nil
}
