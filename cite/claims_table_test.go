package cite

import (
	"os"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/internal/claimtable"
)

// lexicalKeeps reports whether Verify keeps the table row's claim citing
// its passage(s): the claim is written with [1] (and [2] for a claim
// combining two passages) over those passages, titled as the LLM path
// titles them.
func lexicalKeeps(v *Verifier, r claimtable.Row) (bool, SentenceVerdict) {
	sources := []Source{{N: 1, DocID: r.Doc, Text: r.Passage, Context: claimtable.Title(r.Doc), Before: tableBefore(r.Doc, r.Passage)}}
	answer := strings.TrimSpace(r.Claim)
	marks := " [1]"
	if r.Passage2 != "" {
		sources = append(sources, Source{N: 2, DocID: r.Doc2, Text: r.Passage2, Context: claimtable.Title(r.Doc2), Before: tableBefore(r.Doc2, r.Passage2)})
		marks = " [1][2]"
	}
	if strings.HasSuffix(answer, ".") {
		answer = strings.TrimSuffix(answer, ".") + marks + "."
	} else {
		answer += marks
	}
	rep := v.Verify(answer, sources)
	kept := len(rep.Sentences) > 0
	var first SentenceVerdict
	for i, s := range rep.Sentences {
		if i == 0 {
			first = s
		}
		kept = kept && s.Supported
	}
	return kept, first
}

// tableBefore is the text of the passage's paragraph before it in its
// article, as the index gives it with a chunk.
func tableBefore(doc, passage string) string {
	text, start := claimtable.Locate(doc, passage)
	return ParagraphBefore(text, start)
}

// TestClaimTable measures the lexical verifier on the blind claim tables:
// per class, the share of faithful claims kept and of wrong ones removed,
// on the tuning half and on the test half, and asserts each test half
// meets the bars (faithful kept ≥ 95%, wrong removed ≥ 90%, no class of
// wrong below 80%) — or, where it does not yet, its measured level.
// Run with -v to see the tables.
func TestClaimTable(t *testing.T) {
	v := newTestVerifier(t)
	for _, tab := range claimtable.Tables("testdata") {
		t.Run(tab.Name, func(t *testing.T) { measureClaimTable(t, v, tab) })
	}
}

func measureClaimTable(t *testing.T, v *Verifier, tab claimtable.Table) {
	if _, err := os.Stat(tab.Path); err != nil {
		t.Skip("no claim table")
	}
	rows, broken, err := claimtable.Load(tab.Path)
	if err != nil {
		t.Fatal(err)
	}
	if broken > 0 {
		t.Logf("skipped %d broken lines (passage not verbatim text of its article)", broken)
	}
	for _, h := range claimtable.Halves() {
		tally := claimtable.NewTally()
		for _, r := range rows[h] {
			kept, sv := lexicalKeeps(v, r)
			good := kept == (r.Label == "faithful")
			tally.Add(r, good)
			if !good && testing.Verbose() && claimtable.ShowFailures(h) {
				reason := ""
				for _, c := range sv.Citations {
					reason += c.Reason + "; "
				}
				t.Logf("%s %s kept=%v %q — %s", r.ID, r.Class, kept, r.Claim, reason)
			}
		}
		t.Logf("%s: %s half (%d claims), lexical verification:\n%s", tab.Name, h, len(rows[h]), tally.Table("kept (faithful) / removed (wrong)"))
		if h != claimtable.Test || claimtable.Probing() {
			continue
		}
		// The bars, reported; the assertions hold the measured
		// level so the verifier cannot regress while the gap is closed.
		for k, bar := range map[string]float64{"all faithful": 0.95, "all wrong": 0.90} {
			if got := tally.Share(k); got < bar {
				t.Logf("GAP %s test half: %s %.1f%% (bar %.0f%%)", tab.Name, k, 100*got, 100*bar)
			}
		}
		for k, floor := range testHalfFloors[tab.Name] {
			if got := tally.Share(k); got < floor {
				t.Errorf("%s test half: %s %.1f%% fell below its measured %.0f%%", tab.Name, k, 100*got, 100*floor)
			}
		}
		for k := range tally.Total {
			if strings.HasPrefix(k, "wrong_") && tally.Share(k) < 0.80 {
				t.Logf("GAP %s test half: class %s %.0f%% (bar 80%%)", tab.Name, k, 100*tally.Share(k))
			}
		}
	}
}

// testHalfFloors are each table's test-half levels when last changed.
// blind: the fourth pass on issue #10 (name spellings, partitives, time
// phrases, owners, passive agents, "not even"…) raised faithful kept
// from 88% (43/49) to 92% (45/49), wrong removed stayed at 93% (79/85).
// blind2: measured once, at the end of that pass (faithful kept 34/55,
// wrong removed 53/57; unchanged from the code before it).
var testHalfFloors = map[string]map[string]float64{
	"blind":  {"all faithful": 0.91, "all wrong": 0.92},
	"blind2": {"all faithful": 0.61, "all wrong": 0.92},
}

const probeTablePath = "testdata/claims-probe.jsonl"

// TestProbeTable measures the verifier on the probe table: claim–passage
// pairs written by the verifier's engineer (not blind, unlike
// claims-blind.jsonl) to probe each general cause of a dropped paraphrase
// or a kept change of meaning — capitals for governments, post-number
// bounds, denials, titles, additions at a claim's end, fused sentences.
// Its rules were fitted to it, so it measures no generalisation; it
// holds them from regressing, at the levels measured when it was written.
func TestProbeTable(t *testing.T) {
	rows, broken, err := claimtable.Load(probeTablePath)
	if err != nil {
		t.Fatal(err)
	}
	if broken > 0 {
		t.Errorf("%d probe rows are broken (passage not verbatim text of its article)", broken)
	}
	v := newTestVerifier(t)
	tally := claimtable.NewTally()
	for _, h := range []claimtable.Half{claimtable.Tuning, claimtable.Test} {
		for _, r := range rows[h] {
			kept, _ := lexicalKeeps(v, r)
			tally.Add(r, kept == (r.Label == "faithful"))
		}
	}
	t.Logf("probe table, lexical verification:\n%s", tally.Table("kept (faithful) / removed (wrong)"))
	for k, floor := range map[string]float64{"all faithful": 0.88, "all wrong": 0.93} {
		if got := tally.Share(k); got < floor {
			t.Errorf("probe table: %s %.1f%% fell below %.0f%%", k, 100*got, 100*floor)
		}
	}
}
