package eval

import (
	"bytes"
	"context"
	"flag"
	"os"
	"testing"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

var (
	half     = flag.String("half", "tune", "which half of the blind sets to score: tune or test")
	failures = flag.Bool("failures", false, "log every wrong answer")
)

// seedService is the offline pipeline over the bundled articles.
func seedService(t *testing.T) (*answer.Service, *retrieval.Index) {
	t.Helper()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: seeds.FS, CorpusName: "seeds", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		t.Fatal(err)
	}
	return answer.NewService(ix, answer.Options{Ranking: retrieval.RankLexical}, nil, nil), ix
}

// TestSeedBlindSet is the fast gate on the blind seed-article sets: it
// scores one half (the tuning half unless -half=test) strictly and holds
// it to the levels Kabar reaches. Thresholds are chosen on the tuning
// halves only; the test halves are reported, never tuned to.
func TestSeedBlindSet(t *testing.T) {
	for _, set := range []struct {
		file              string
		correct, declined int // today's tuning-half levels
	}{
		// seed-blind's 20th decline ("how many north korean soldiers have
		// been taken prisoner?") came from reading "north korean" as the
		// counted thing, which also answered "how many north korean troops
		// were sent?" with the death toll; counting the soldiers, the
		// sentence on the dead is chosen (the Indonesian stemmer reads
		// "tahanan", prisoners, and "pertahanan", defence, alike).
		{"testdata/seed-blind.jsonl", 81, 19},
		{"testdata/seed-blind2.jsonl", 31, 9},
		{"testdata/seed-blind3.jsonl", 22, 10},
		{"testdata/seed-blind6.jsonl", 53, 16},
		{"testdata/seed-blind8.jsonl", 48, 15},
		{"testdata/seed-blind9.jsonl", 55, 13},
		{"testdata/seed-blind10.jsonl", 49, 11},
	} {
		t.Run(set.file, func(t *testing.T) {
			checkBlindSet(t, set.file, set.correct, set.declined)
		})
	}
}

func checkBlindSet(t *testing.T, file string, wantCorrect, wantDeclined int) {
	items, err := ReadSet(file)
	if err != nil {
		t.Fatal(err)
	}
	items = Filter(items, *half)
	svc, ix := seedService(t)
	rep, err := RunWith(context.Background(), items, svc, ix, Options{SkipRecall: true})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteBreakdown(&out, rep); err != nil {
		t.Fatal(err)
	}
	if *failures {
		_ = WriteFailures(&out, rep)
	}
	t.Logf("%s half: strict %d/%d, lenient %d, declined %d/%d, English leads %d/%d, precision %.3f, verbatim %.3f\n%s",
		*half, rep.AnswerableCorrect, rep.Answerable, rep.AnswerableLenient, rep.Declined, rep.Unanswerable,
		rep.EnglishLeads, rep.EnglishAnswered, rep.CitationPrecision, rep.VerbatimRate, out.String())
	if os.Getenv("KABAR_EVAL_REPORT_ONLY") != "" {
		return
	}
	if rep.VerbatimRate != 1 {
		t.Errorf("verbatim quotes %.3f, want 1", rep.VerbatimRate)
	}
	if *half != "tune" {
		return // the test half is reported, never held to a tuned level
	}
	// Today's tuning-half levels: a change that loses answers or declines
	// fails here. They are far from where Kabar must be (issue #9).
	if rep.AnswerableCorrect < wantCorrect {
		t.Errorf("strict correct %d/%d on the tuning half, want ≥ %d", rep.AnswerableCorrect, rep.Answerable, wantCorrect)
	}
	if rep.Declined < wantDeclined {
		t.Errorf("declined %d/%d unanswerable on the tuning half, want ≥ %d", rep.Declined, rep.Unanswerable, wantDeclined)
	}
	if rep.EnglishLeads != rep.EnglishAnswered {
		t.Errorf("English leads %d/%d, want every answered English question led in English", rep.EnglishLeads, rep.EnglishAnswered)
	}
}
