package answer

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/claimtable"
	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/retrieval"
)

// entailHarness is the LLM harness with the model check on; the fake
// answers questions with answer(sources) and entailment checks with
// entail (nil: the emulator's rule).
func entailHarness(t *testing.T, timeout time.Duration, answer func(srcs map[int]string) string, entail fakeopenai.ChatHandler) *llmHarness {
	t.Helper()
	h := newLLMHarness(t, nil, func(c *LLMConfig) { c.VerifyWithModel = true; c.VerifyTimeout = timeout })
	next := func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		if isRewrite(req) {
			return fakeopenai.Reply{Text: "Korea Utara insinyur Rusia Kursk North Korea engineers Russia"}
		}
		return fakeopenai.Reply{Text: answer(requestSources(req))}
	}
	if entail == nil {
		h.srv.OnChat(fakeopenai.WithEntailment(next))
	} else {
		h.srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
			if fakeopenai.IsEntailment(req) {
				return entail(req)
			}
			return next(req)
		})
	}
	return h
}

func (h *llmHarness) entailRequests() int {
	n := 0
	for _, r := range h.srv.Requests() {
		if r.Chat != nil && fakeopenai.IsEntailment(*r.Chat) {
			n++
		}
	}
	return n
}

// The reply of the tests below: a sentence the passage entails, then one
// that passes the citation check but that the emulated model rejects (the
// passage says 6.000 insinyur, not "about 6,000").
func twoSentences(srcs map[int]string) string {
	n := findSource(srcs, engineersID)
	return fmt.Sprintf("North Korea agreed to send 6,000 engineers [%d]. It agreed to send about 6,000 engineers [%d].", n, n)
}

func TestModelCheckAgreesAndDisagrees(t *testing.T) {
	t.Parallel()
	h := entailHarness(t, 0, twoSentences, nil)
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Answer != "North Korea agreed to send 6,000 engineers [1]." {
		t.Errorf("answer = %q; want only the entailed sentence", res.Answer)
	}
	if res.Verification != VerificationModel {
		t.Errorf("verification = %q; want %q", res.Verification, VerificationModel)
	}
	if n := h.entailRequests(); n != 1 {
		t.Errorf("%d entailment requests; want one batched request", n)
	}
	checkCitations(t, h.ix, res)
}

func TestModelCheckRejectingEverythingDeclines(t *testing.T) {
	t.Parallel()
	h := entailHarness(t, 0, twoSentences, func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		return fakeopenai.Reply{Text: `{"verdicts": [{"claim": 1, "entailed": false, "reason": "no"}, {"claim": 2, "entailed": false, "reason": "no"}]}`}
	})
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Answered || len(res.Citations) != 0 {
		t.Errorf("answered %q; want the decline when the model rejects every sentence", res.Answer)
	}
	if res.Verification != VerificationModel {
		t.Errorf("verification = %q; want %q", res.Verification, VerificationModel)
	}
}

func TestModelCheckFailureLeavesTheLexicalVerdict(t *testing.T) {
	t.Parallel()
	lexical := "North Korea agreed to send 6,000 engineers [1]. It agreed to send about 6,000 engineers [1]."
	tests := map[string]fakeopenai.ChatHandler{
		"prose": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Text: "Both claims look fine to me."}
		},
		"cut-off JSON": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Text: `{"verdicts": [{"claim": 1, "entailed": tr`}
		},
		"missing claim": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Text: `{"verdicts": [{"claim": 1, "entailed": true}]}`}
		},
		"unknown claim": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Text: `{"verdicts": [{"claim": 1, "entailed": true}, {"claim": 7, "entailed": false}]}`}
		},
		"no boolean": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Text: `{"verdicts": [{"claim": 1, "entailed": "yes"}, {"claim": 2}]}`}
		},
		"duplicate": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Text: `{"verdicts": [{"claim": 1, "entailed": true}, {"claim": 1, "entailed": false}]}`}
		},
		"server error": func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Reply{Fault: &fakeopenai.Fault{Status: http.StatusBadRequest}}
		},
		"never answers":  func(fakeopenai.ChatRequest) fakeopenai.Reply { return fakeopenai.Reply{Write: hang} },
		"fenced verdict": nil, // control: a fenced but valid reply is read
	}
	for name, entail := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, wantV := lexical, VerificationLexical
			if entail == nil {
				entail = func(req fakeopenai.ChatRequest) fakeopenai.Reply {
					return fakeopenai.Reply{Text: "```json\n" + fakeopenai.EntailReply(req.Messages[len(req.Messages)-1].Content) + "\n```"}
				}
				want, wantV = "North Korea agreed to send 6,000 engineers [1].", VerificationModel
			}
			// "never answers" gets a short deadline and must end in the
			// lexical verdict; the others answer, so a long one.
			timeout := time.Minute
			if name == "never answers" {
				timeout = 100 * time.Millisecond
			}
			h := entailHarness(t, timeout, twoSentences, entail)
			res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Mode != ModeLLM || res.Answer != want {
				t.Errorf("mode %s answer %q; want %q", res.Mode, res.Answer, want)
			}
			if res.Verification != wantV {
				t.Errorf("verification = %q; want %q", res.Verification, wantV)
			}
		})
	}
}

// hang answers nothing until the client gives up.
func hang(_ http.ResponseWriter, r *http.Request, _ fakeopenai.ChatRequest) { <-r.Context().Done() }

func TestModelCheckStreamsOnlyWhatBothAccept(t *testing.T) {
	t.Parallel()
	h := entailHarness(t, 0, twoSentences, nil)
	var partial []string
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, func(s string) { partial = append(partial, s) })
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range partial {
		if strings.Contains(p, "about") {
			t.Errorf("streamed a sentence the model rejected: %q", p)
		}
	}
	if res.Answer != "North Korea agreed to send 6,000 engineers [1]." || res.Verification != VerificationModel {
		t.Errorf("answer %q verification %q", res.Answer, res.Verification)
	}
}

func TestModelCheckOff(t *testing.T) {
	t.Parallel()
	h := newLLMHarness(t, nil, nil)
	h.scriptAnswer(twoSentences)
	res, err := h.svc.Answer(context.Background(), Query{Question: engineersQ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verification != VerificationLexical || h.entailRequests() != 0 {
		t.Errorf("verification %q with %d entailment requests; want lexical and none", res.Verification, h.entailRequests())
	}
}

// TestClaimTableWithModel measures the claim table with the model check
// on: each claim, cited [1] (and [2]) over its passage(s), goes through
// the real citation verifier and then the model check, asked of the
// emulated model (internal/fakeopenai, entail.go) over loopback by the
// real client. A claim is kept only when both accept it. Run with -v for
// the tables.
func TestClaimTableWithModel(t *testing.T) {
	h := newLLMHarness(t, nil, func(c *LLMConfig) { c.VerifyWithModel = true })
	h.srv.OnChat(fakeopenai.WithEntailment(nil))
	for _, tab := range claimtable.Tables("../cite/testdata") {
		t.Run(tab.Name, func(t *testing.T) { measureWithModel(t, h, tab) })
	}
}

func measureWithModel(t *testing.T, h *llmHarness, tab claimtable.Table) {
	if _, err := os.Stat(tab.Path); err != nil {
		t.Skip("no claim table")
	}
	rows, _, err := claimtable.Load(tab.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, half := range claimtable.Halves() {
		lex, both := claimtable.NewTally(), claimtable.NewTally()
		failed := 0
		for _, r := range rows[half] {
			srcs := []source{tableSource(1, r.Doc, r.Passage)}
			marks := " [1]"
			if r.Passage2 != "" {
				srcs = append(srcs, tableSource(2, r.Doc2, r.Passage2))
				marks = " [1][2]"
			}
			claim := strings.TrimSpace(r.Claim)
			if strings.HasSuffix(claim, ".") {
				claim = strings.TrimSuffix(claim, ".") + marks + "."
			} else {
				claim += marks
			}
			rv := h.gen.newReplyVerifier(context.Background(), srcs, nil, nil)
			rv.whole = false // check lexically first, then ask once below
			rv.mc.on = false
			rv.feed(claim)
			rv.end(true)
			lexKept := anySupported(rv.kept) && rv.dropped == 0
			mc := &modelCheck{on: true}
			kept := h.gen.confirm(context.Background(), mc, nil, rv.kept, srcs)
			if mc.failed > 0 {
				failed++
			}
			bothKept := lexKept && anySupported(kept) && len(kept) == len(rv.kept)
			faithful := r.Label == "faithful"
			lex.Add(r, lexKept == faithful)
			both.Add(r, bothKept == faithful)
			if claimtable.ShowFailures(half) && bothKept != faithful && lexKept != bothKept == faithful {
				var texts, befores []string
				for _, s := range srcs {
					texts, befores = append(texts, s.chunk.Text), append(befores, sentenceBefore(s))
				}
				ok, why := fakeopenai.EntailsAfter(strings.TrimSpace(r.Claim), texts, befores)
				t.Logf("%s %s lexical=%v model=%v (%s) %q", r.ID, r.Class, lexKept, ok, why, r.Claim)
			}
		}
		if failed > 0 {
			t.Errorf("%s %s half: %d model checks failed; the emulated model must always answer", tab.Name, half, failed)
		}
		t.Logf("%s: %s half (%d claims), lexical verification then the emulated model check:\n%s", tab.Name, half, len(rows[half]), both.Table("kept (faithful) / removed (wrong)"))
		t.Logf("%s: %s half, lexical alone: faithful kept %d/%d, wrong removed %d/%d", tab.Name, half,
			lex.Good["all faithful"], lex.Total["all faithful"], lex.Good["all wrong"], lex.Total["all wrong"])
		if half == claimtable.Test && !claimtable.Probing() {
			for k, bar := range map[string]float64{"all faithful": 0.95, "all wrong": 0.98} {
				if got := both.Share(k); got < bar {
					t.Logf("GAP %s test half with the model check: %s %.1f%% (bar %.0f%%)", tab.Name, k, 100*got, 100*bar)
				}
			}
			for k, floor := range modelTableFloors[tab.Name] {
				if got := both.Share(k); got < floor {
					t.Errorf("%s test half with the model check: %s %.1f%% fell below %.0f%%", tab.Name, k, 100*got, 100*floor)
				}
			}
		}
	}
}

// tableSource is a table row's passage as retrieval gives it: located in
// its article, so the verifier sees the paragraph before it.
func tableSource(n int, doc, passage string) source {
	text, start := claimtable.Locate(doc, passage)
	ch := retrieval.Chunk{DocID: doc, Text: passage, Start: start, End: start + len(passage)}
	return source{n: n, chunk: ch, doc: retrieval.Document{ID: doc, Title: claimtable.Title(doc), Text: text}}
}

// modelTableFloors are each table's test-half levels with the emulated
// model check when last changed (blind: issue #10, third pass — the model
// sees the sentence before each passage, and the emulator reads pronouns
// by it: faithful kept 82% → 88% (43/49), wrong removed 97.6% (83/85);
// fourth pass: faithful kept 92% (45/49). blind2: faithful kept 33/55,
// wrong removed 55/57, measured once at the end of the fourth pass).
var modelTableFloors = map[string]map[string]float64{
	"blind":  {"all faithful": 0.91, "all wrong": 0.97},
	"blind2": {"all faithful": 0.59, "all wrong": 0.96},
}

// TestModelCheckSeesTheSentenceBefore: the model is shown the sentence
// before a cited chunk, so "Ia bertemu Kim" can be read as Lavrov's
// meeting; a chunk whose offsets do not hold its text gets none.
func TestModelCheckSeesTheSentenceBefore(t *testing.T) {
	t.Parallel()
	var prompt string
	h := entailHarness(t, 0, func(map[int]string) string { return "" }, func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		prompt = req.Messages[len(req.Messages)-1].Content
		return fakeopenai.Reply{Text: fakeopenai.EntailReply(prompt)}
	})
	doc := "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Wonsan. Ia bertemu Kim Jong Un di sana."
	chunk := "Ia bertemu Kim Jong Un di sana."
	at := strings.Index(doc, chunk)
	for _, tc := range []struct {
		name   string
		start  int
		before bool
	}{
		{"located chunk", at, true},
		{"offsets off", at + 1, false},
	} {
		src := source{n: 1, chunk: retrieval.Chunk{DocID: "d", Text: chunk, Start: tc.start, End: tc.start + len(chunk)},
			doc: retrieval.Document{ID: "d", Title: "t", Text: doc}}
		mc := &modelCheck{on: true}
		h.gen.confirm(context.Background(), mc, nil, []VerifiedSentence{{Text: "Sergei Lavrov met Kim Jong Un [1].", Supported: true}}, []source{src})
		got := strings.Contains(prompt, "<<<BEFORE 1.1>>>\nMenteri Luar Negeri Rusia Sergei Lavrov tiba di Wonsan.\n<<<END BEFORE 1.1>>>")
		if got != tc.before || mc.checked != 1 {
			t.Errorf("%s: sentence before shown %v (want %v), %d checked:\n%s", tc.name, got, tc.before, mc.checked, prompt)
		}
	}
}
