package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares msgs, as JSON, with testdata/name.golden.
func golden(t *testing.T, name string, msgs []outMessage) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(msgs); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run with -update if the change is intended.\ngot:\n%s", path, got)
	}
}

func TestRenderGolden(t *testing.T) {
	t.Parallel()
	lib := newTestLibrary()
	masked := shortResult(lib)
	masked.Answer = "Lihat [sumber resmi](https://contoh.invalid/phish) dan <@&987654321> untuk rincian [1]."
	masked.Citations = []answer.Citation{lib.cite(1, "antara-putin-kim", "Baca juga: [Kunjungan sebelumnya](https://example.com/berita-lama)")}
	masked.FallbackReason = "llm timeout"
	masked.Mode = answer.ModeExtractive
	tests := []struct {
		name string
		msgs []outMessage
	}{
		{"answer_short", renderAnswer(shortResult(lib), "1234")},
		{"answer_declined", renderAnswer(declinedResult(), "1234")},
		{"answer_long", renderAnswer(longResult(lib), "1234")},
		{"answer_masked_link", renderAnswer(masked, "1234")},
		{"sources", renderSources(shortResult(lib).Citations)},
		{"claim_contradicted", renderClaim(cite.ClaimResult{Claim: "Rusia mengirim 7.000 tentara", Status: cite.ClaimContradicted,
			Evidence: []cite.Evidence{{DocID: "kompas-kerja-sama", Title: "Rusia dan Korea Utara perluas kerja sama",
				Quote: "Jembatan jalan raya di atas Sungai Tumen akan dibangun, kata pejabat Rusia.", Start: 88, End: 164,
				Conflict: "claim says 7.000; passage says none"}}})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkLimits(t, tc.msgs)
			golden(t, tc.name, tc.msgs)
		})
	}
}

func TestRenderedAnswersNeutraliseMaskedLinks(t *testing.T) {
	t.Parallel()
	lib := newTestLibrary()
	r := shortResult(lib)
	r.Answer = "Klik [di sini](https://contoh.invalid) [1]."
	r.Citations = []answer.Citation{lib.cite(1, "antara-putin-kim", "Baca juga: [Kunjungan sebelumnya](https://example.com/berita-lama)")}
	for _, m := range renderAnswer(r, "k") {
		all := m.Content
		for _, e := range m.Embeds {
			for _, f := range e.Fields {
				all += f.Name + f.Value
			}
		}
		if strings.Contains(all, "](") {
			t.Errorf("masked link survives: %s", all)
		}
	}
}

// checkLimits asserts Discord's message limits.
func checkLimits(t *testing.T, msgs []outMessage) {
	t.Helper()
	if len(msgs) == 0 {
		t.Fatal("no messages")
	}
	for i, m := range msgs {
		if textLen(m.Content) > maxContent {
			t.Errorf("message %d: content of %d", i, textLen(m.Content))
		}
		if m.Content == "" && len(m.Embeds) == 0 && len(m.Components) == 0 {
			t.Errorf("message %d is empty", i)
		}
		if len(m.Embeds) > maxEmbeds {
			t.Errorf("message %d: %d embeds", i, len(m.Embeds))
		}
		total := 0
		for _, e := range m.Embeds {
			total += embedSize(e)
			if textLen(e.Title) > maxEmbedTitle || textLen(e.Description) > maxEmbedDesc || len(e.Fields) > maxFields {
				t.Errorf("message %d: embed over limits", i)
			}
			if e.Footer != nil && textLen(e.Footer.Text) > maxFooter {
				t.Errorf("message %d: footer over limit", i)
			}
			for _, f := range e.Fields {
				if f.Name == "" || f.Value == "" || textLen(f.Name) > maxFieldName || textLen(f.Value) > maxFieldValue {
					t.Errorf("message %d: field %q over limits (%d/%d)", i, f.Name, textLen(f.Name), textLen(f.Value))
				}
			}
		}
		if total > maxEmbedsTotal {
			t.Errorf("message %d: embeds total %d", i, total)
		}
		for _, row := range m.Components {
			for _, c := range row.(discordgo.ActionsRow).Components {
				if id := c.(discordgo.Button).CustomID; len(id) > 100 {
					t.Errorf("custom id of %d", len(id))
				}
			}
		}
	}
}

func TestRenderStaysWithinLimitsForHugeResults(t *testing.T) {
	t.Parallel()
	lib := newTestLibrary()
	r := longResult(lib)
	// 80 citations with titles and metadata far over the field limits.
	r.Citations = nil
	for n := 1; n <= 80; n++ {
		c := lib.cite(n, "kompas-kerja-sama", longParagraph)
		c.Title = strings.Repeat("Judul sangat panjang 🇰🇵 ", 40)
		c.Outlet = strings.Repeat("Outlet ", 60)
		c.Doc = strings.Repeat("d", 300)
		r.Citations = append(r.Citations, c)
	}
	msgs := renderAnswer(r, "1300000000000000000")
	checkLimits(t, msgs)
	fields := 0
	for _, m := range msgs {
		for _, e := range m.Embeds {
			fields += len(e.Fields)
		}
	}
	if fields != 80 {
		t.Fatalf("%d fields rendered, want 80", fields)
	}
}

func TestCitationFieldRoundTrip(t *testing.T) {
	t.Parallel()
	lib := newTestLibrary()
	tests := []answer.Citation{
		lib.cite(1, "antara-putin-kim", "Kedua pemimpin menandatangani perjanjian kemitraan strategis komprehensif di Pyongyang."),
		lib.cite(12, "kompas-kerja-sama", longParagraph), // truncated in the embed
	}
	for _, want := range tests {
		got, ok := parseCitationField(citationField(want))
		if !ok {
			t.Fatalf("[%d]: not recognised", want.N)
		}
		if got.N != want.N || got.Doc != want.Doc || got.Paragraph != want.Paragraph || got.ByteStart != want.ByteStart ||
			got.ByteEnd != want.ByteEnd || got.Title != want.Title || got.Outlet != want.Outlet || got.Published != want.Published {
			t.Errorf("[%d] read back as %+v", want.N, got)
		}
		full, ok := restoreCitation(got, lib)
		if !ok || full.Quote != want.Quote || full.Start != want.Start || full.End != want.End || full.Passage != want.Passage {
			t.Errorf("[%d] restored as %+v", want.N, full)
		}
	}
	// Fields that are not citations are skipped.
	if _, ok := parseCitationField(&discordgo.MessageEmbedField{Name: "Catatan", Value: "bebas"}); ok {
		t.Error("a free-form field parsed as a citation")
	}
	// Offsets that no longer fit the article are reported.
	bad := tests[0]
	bad.ByteEnd = 1 << 20
	if _, ok := restoreCitation(bad, lib); ok {
		t.Error("out-of-range offsets restored")
	}
}

func TestRenderCitationCheck(t *testing.T) {
	t.Parallel()
	lib := newTestLibrary()
	r := shortResult(lib)
	chk := newTestChecker(lib)
	rep, _ := chk.CheckAnswer(t.Context(), r.Answer+" Klaim tambahan [3].", r.Citations)
	msgs := renderCitationCheck(r.Answer+" Klaim tambahan [3].", r.Citations, rep, lib)
	checkLimits(t, msgs)
	golden(t, "citation_check", msgs)
}
