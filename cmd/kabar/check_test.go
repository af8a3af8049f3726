package main

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestCLICheckJSON(t *testing.T) {
	t.Parallel()
	texts := cliSeedTexts(t)
	data := t.TempDir()
	tests := []struct {
		claim, verdict, stance, inQuote string
	}{
		{"North Korea promised to send 60,000 engineers to Russia", "contradicted", "contradicts", "6.000 insinyur"},
		{"Lavrov met Kim Jong Un in Wonsan", "supported", "supports", "Wonsan"},
		{"Korut setuju mengirim 6.000 insinyur", "supported", "supports", "6.000 insinyur"},
		{"Indonesia won the 2022 World Cup", "not_in_coverage", "", ""},
	}
	for _, tc := range tests {
		stdout, stderr, err := cliRun(t, nil, "check", "--json", "--data", data, tc.claim)
		if err != nil {
			t.Fatalf("check %q: %v\n%s", tc.claim, err, stderr)
		}
		dec := json.NewDecoder(strings.NewReader(stdout))
		var raw map[string]json.RawMessage
		if err := dec.Decode(&raw); err != nil || strings.TrimSpace(cliRemaining(dec)) != "" {
			t.Fatalf("stdout is not exactly one JSON object: %v\n%s", err, stdout)
		}
		var keys []string
		for k := range raw {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !reflect.DeepEqual(keys, []string{"claim", "evidence", "took_ms", "verdict"}) {
			t.Errorf("keys %v", keys)
		}
		var got checkJSON
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		if got.Claim != tc.claim || got.Verdict != tc.verdict {
			t.Errorf("%q: verdict %q; want %q (%+v)", tc.claim, got.Verdict, tc.verdict, got.Evidence)
		}
		var ev []map[string]json.RawMessage
		_ = json.Unmarshal(raw["evidence"], &ev)
		for _, e := range ev {
			var ek []string
			for k := range e {
				ek = append(ek, k)
			}
			sort.Strings(ek)
			if !reflect.DeepEqual(ek, []string{"doc", "end", "quote", "stance", "start", "title"}) {
				t.Errorf("evidence keys %v", ek)
			}
		}
		for _, e := range got.Evidence {
			r := []rune(texts[e.Doc])
			if e.Start < 0 || e.End > len(r) || string(r[e.Start:e.End]) != e.Quote {
				t.Errorf("%q: quote %q is not %s at characters %d–%d", tc.claim, e.Quote, e.Doc, e.Start, e.End)
			}
			if e.Stance != "supports" && e.Stance != "contradicts" && e.Stance != "related" {
				t.Errorf("stance %q", e.Stance)
			}
		}
		if tc.stance != "" && (len(got.Evidence) == 0 || got.Evidence[0].Stance != tc.stance || !strings.Contains(got.Evidence[0].Quote, tc.inQuote)) {
			t.Errorf("%q: first evidence %+v; want %s quoting %q", tc.claim, got.Evidence, tc.stance, tc.inQuote)
		}
	}
}

func TestCLICheckBadInput(t *testing.T) {
	t.Parallel()
	_, _, err := cliRun(t, nil, "check", "--json", "  ")
	cliCheckUsage(t, err, "empty")
	_, _, err = cliRun(t, nil, "check", strings.Repeat("a", 2001))
	cliCheckUsage(t, err, "2000")
}

// TestCLICheckPlaceOfTheEvent: a claim's wrong meeting place is
// contradicted by the place of the meeting, not by a place another
// clause of the passage names ("kampanye militer Rusia di Ukraina").
func TestCLICheckPlaceOfTheEvent(t *testing.T) {
	t.Parallel()
	stdout, stderr, err := cliRun(t, nil, "check", "--data", t.TempDir(), "Lavrov met Kim in Moscow")
	if err != nil {
		t.Fatalf("check: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "Contradicted") || !strings.Contains(stdout, "the passage says Wonsan, not Moscow") {
		t.Errorf("want a contradiction by Wonsan:\n%s", stdout)
	}
	for _, wrong := range []string{"Ukraina, not Moscow", "Rusia, not Moscow"} {
		if strings.Contains(stdout, wrong) {
			t.Errorf("a place of another event contradicts (%q):\n%s", wrong, stdout)
		}
	}
}
