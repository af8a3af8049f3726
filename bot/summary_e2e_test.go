package bot

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

// storyReply is what the bot sent for a /summary or /timeline: the edit
// of the deferred response (with its files) and any follow-ups.
type storyReply struct {
	Callback  map[string]any   `json:"callback"`
	Original  map[string]any   `json:"original"`
	Files     []map[string]any `json:"files"`
	Followups []map[string]any `json:"followups,omitempty"`
	png       []byte
}

func waitStory(t *testing.T, h *harness, sent fakediscord.Sent) storyReply {
	t.Helper()
	var out storyReply
	cb := h.waitReq(callbackOf(sent))
	out.Callback = cb.Object()
	edit := h.waitReq(originalEditOf(sent))
	out.Original = edit.Object()
	for _, f := range edit.Files {
		// Sizes vary with the font rasteriser; the golden records the file, not its bytes.
		out.Files = append(out.Files, map[string]any{"field": f.Field, "name": f.Name, "content_type": f.ContentType})
		out.png = f.Data
	}
	// Sources that do not fit the first message follow it: wait until
	// the bot is done with the interaction before collecting them.
	h.waitDone(sent.ID)
	for _, r := range h.fake.Requests() {
		if followupOf(sent)(r) {
			out.Followups = append(out.Followups, r.Object())
		}
	}
	return out
}

// noPingsIn checks every payload's allowed_mentions parse is [].
func noPingsIn(t *testing.T, what string, bodies ...map[string]any) {
	t.Helper()
	for _, b := range bodies {
		if b == nil {
			continue
		}
		if d, ok := b["data"].(map[string]any); ok {
			b = d
		}
		am, _ := b["allowed_mentions"].(map[string]any)
		p, ok := am["parse"].([]any)
		if !ok || len(p) != 0 {
			t.Errorf("%s: allowed_mentions %v, want parse: []", what, b["allowed_mentions"])
		}
	}
}

func storyGolden(t *testing.T, name string, r storyReply) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from the golden file; run with -update if the change is intended.\ngot:\n%s", path, buf.Bytes())
	}
}

// checkPNG decodes the attached picture and checks its size; it is
// written next to the goldens for looking at.
func checkPNG(t *testing.T, name string, b []byte) {
	t.Helper()
	if len(b) < 10_000 || len(b) > 2<<20 {
		t.Fatalf("%s: %d bytes", name, len(b))
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 1056 || h < 300 || h > 2000 {
		t.Errorf("%s: %d×%d px", name, w, h)
	}
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// /summary through the fake Discord on the real pipeline: the overview
// as content, the timeline and figures once in an embed showing the
// attached picture, sources after; English for an en-US member,
// Indonesian for an id one.
func TestStorySummaryE2E(t *testing.T) {
	t.Parallel()
	p := newPipeline(t, pipelineOptions{})
	h := startReal(t, p, harnessOptions{})
	for _, tc := range []struct{ name, locale, lead string }{
		{"summary_story_en", "en-US", "dated events"},
		{"summary_story_id", "id", "peristiwa bertanggal"},
	} {
		sent := h.dispatch(fakediscord.Interaction{User: alice, Locale: tc.locale, Data: fakediscord.Command("summary")})
		r := waitStory(t, h, sent)
		noPingsIn(t, tc.name, append([]map[string]any{r.Callback, r.Original}, r.Followups...)...)
		content := str(r.Original["content"])
		contains(t, tc.name, content, tc.lead)
		embeds, _ := r.Original["embeds"].([]any)
		if len(embeds) == 0 {
			t.Fatalf("%s: no embeds", tc.name)
		}
		desc := str(embeds[0].(map[string]any)["description"])
		contains(t, tc.name, desc, "Wonsan", "Kremlin")
		// The timeline is shown once: its lines are not also in the content.
		timeline, _, _ := strings.Cut(desc, "\n\n**")
		for _, line := range strings.Split(timeline, "\n") {
			if l := strings.TrimPrefix(line, "• "); len(l) > 30 && strings.Contains(content, l) {
				t.Errorf("%s: %q shown twice", tc.name, l)
			}
		}
		if len(r.Files) != 1 || r.Files[0]["name"] != "timeline.png" {
			t.Fatalf("%s: files %v", tc.name, r.Files)
		}
		checkPNG(t, tc.name, r.png)
		storyGolden(t, tc.name, r)
	}
	// private: the deferral is ephemeral.
	sent := h.dispatch(fakediscord.Interaction{User: bob, Data: fakediscord.Command("summary", fakediscord.Bool("private", true))})
	r := waitStory(t, h, sent)
	if f := num(r.Callback["data"].(map[string]any)["flags"]); f&64 == 0 {
		t.Errorf("private summary deferred with flags %d", f)
	}
}

// /timeline gives the picture directly, with a caption and the sources.
func TestTimelineE2E(t *testing.T) {
	t.Parallel()
	p := newPipeline(t, pipelineOptions{})
	h := startReal(t, p, harnessOptions{})
	sent := h.dispatch(fakediscord.Interaction{User: alice, Data: fakediscord.Command("timeline")})
	r := waitStory(t, h, sent)
	noPingsIn(t, "timeline", append([]map[string]any{r.Callback, r.Original}, r.Followups...)...)
	contains(t, "timeline", str(r.Original["content"]), "Timeline")
	if len(r.Files) != 1 {
		t.Fatalf("files %v", r.Files)
	}
	checkPNG(t, "timeline", r.png)
	storyGolden(t, "timeline", r)

	topic := h.dispatch(fakediscord.Interaction{User: bob, Locale: "id", Data: fakediscord.Command("timeline", fakediscord.String("topic", "Lavrov di Wonsan"))})
	rt := waitStory(t, h, topic)
	contains(t, "timeline topic", str(rt.Original["content"]), "Kronologi: Lavrov di Wonsan")
	checkPNG(t, "timeline_topic_id", rt.png)
}
