package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

func modInteraction(u fakediscord.User, perms int64, data map[string]any) fakediscord.Interaction {
	return fakediscord.Interaction{User: u, Permissions: perms, Data: data}
}

const manageMessages = discordgo.PermissionManageMessages

func TestCommandsRegisteredAtStartup(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	cmds := h.fake.Commands(testGuild)
	if global := h.fake.Commands(""); len(global) != 0 {
		t.Fatalf("%d global commands with a guild configured", len(global))
	}
	perms := map[string]any{}
	types := map[string]int{}
	for _, c := range cmds {
		perms[str(c["name"])] = c["default_member_permissions"]
		types[str(c["name"])] = num(c["type"])
	}
	want := map[string]any{"ask": nil, "summary": nil, "timeline": nil, "check": "8192", "source": "8192", "gaps": "8192", "Check citations": "8192"}
	if len(perms) != len(want) {
		t.Fatalf("registered %v", perms)
	}
	for name, p := range want {
		if perms[name] != p {
			t.Errorf("%s: default_member_permissions %v, want %v", name, perms[name], p)
		}
	}
	if types["Check citations"] != fakediscord.CommandMessage {
		t.Errorf("Check citations has type %d, want message (3)", types["Check citations"])
	}
	if len(h.bot.Commands()) != len(want) {
		t.Error("Commands() disagrees with the registration")
	}
}

func TestModeratorCommandsRefuseNonModerators(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	for _, data := range []map[string]any{
		fakediscord.Command("check", fakediscord.String("claim", "Putin tiba di Pyongyang")),
		fakediscord.Command("source", fakediscord.String("doc", "antara-putin-kim")),
	} {
		// Members lacking Manage Messages are refused even if a guild
		// overrode the command's default permissions.
		sent := h.dispatch(modInteraction(alice, discordgo.PermissionSendMessages, data))
		cb := h.waitReq(callbackOf(sent))
		d, _ := cb.Object()["data"].(map[string]any)
		if num(cb.Object()["type"]) != 4 || num(d["flags"]) != 64 || str(d["content"]) != msgModerators {
			t.Errorf("%s: non-moderator got %s", data["name"], cb.Raw)
		}
	}
	if len(h.chk.claims) != 0 {
		t.Error("the checker ran for a non-moderator")
	}
}

func TestCheckClaim(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	tests := []struct{ claim, want string }{
		{"Kedua pemimpin bertemu di Pyongyang", "**Supported**"},
		{"Rusia mengirim 7.000 tentara", "**Contradicted**"},
		{"Harga beras turun", "**Not in the coverage**"},
		{"rahasia negara", "that check failed"},
	}
	for _, tc := range tests {
		sent := h.dispatch(modInteraction(moderator, manageMessages, fakediscord.Command("check", fakediscord.String("claim", tc.claim))))
		ack := h.waitReq(callbackOf(sent))
		if d, _ := ack.Object()["data"].(map[string]any); num(ack.Object()["type"]) != 5 || num(d["flags"]) != 64 {
			t.Fatalf("check is not deferred privately: %s", ack.Raw)
		}
		final := h.waitReq(originalEditOf(sent))
		content := str(final.Object()["content"])
		contains(t, tc.claim, content, tc.want)
		if strings.Contains(content, "sk-secret") || strings.Contains(content, "10.0.0.5") {
			t.Errorf("raw upstream error shown to the user: %s", content)
		}
	}
}

func TestSourceShowsParagraphWithNeighbours(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	sent := h.dispatch(modInteraction(moderator, manageMessages, fakediscord.Command("source",
		fakediscord.String("doc", "antara-putin-kim"), fakediscord.Int("paragraph", 3))))
	final := h.waitReq(originalEditOf(sent))
	content := str(final.Object()["content"])
	contains(t, "source", content, "**Putin dan Kim Jong Un teken perjanjian kemitraan**", "Antara · 19 Juni 2025",
		"`antara-putin-kim`", "<https://example.com/antara/putin-kim>", "¶2 Kedua pemimpin", "▶ **¶3** Perjanjian itu",
		"¶4 *(boilerplate)* Baca juga: [Kunjungan sebelumnya] (https://example.com/berita-lama)")
	if strings.Contains(content, "¶1 ") {
		t.Error("paragraph 1 shown for paragraph 3 ± 1")
	}

	bad := h.dispatch(modInteraction(moderator, manageMessages, fakediscord.Command("source",
		fakediscord.String("doc", "antara-putin-kim"), fakediscord.Int("paragraph", 9))))
	contains(t, "out of range", str(h.waitReq(originalEditOf(bad)).Object()["content"]), "pick one between 1 and 4")
}

func TestCheckCitationsOnAnAnswer(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	sent := h.ask(alice, "Apa yang disepakati?")
	h.waitReq(finalEditOf(sent))
	orig, _ := h.fake.Original(sent.Token)

	// The same message as remembered, and as read back from its embed
	// only (a copy under an id the bot never saw).
	copyMsg := map[string]any{}
	for k, v := range orig {
		copyMsg[k] = v
	}
	copyMsg["id"] = "999"
	for _, target := range []map[string]any{orig, copyMsg} {
		run := h.dispatch(modInteraction(moderator, manageMessages, fakediscord.MessageCommand("Check citations", target)))
		final := h.waitReq(originalEditOf(run))
		got := <-h.chk.answers
		want := shortResult(h.lib).Citations
		if len(got) != len(want) {
			t.Fatalf("checker got %d citations, want %d", len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.N != w.N || g.Doc != w.Doc || g.Paragraph != w.Paragraph || g.ByteStart != w.ByteStart ||
				g.ByteEnd != w.ByteEnd || g.Quote != w.Quote {
				t.Errorf("citation %d read back as %+v, want %+v", w.N, g, w)
			}
		}
		contains(t, "check", str(final.Object()["content"]), "**Citation check** — 1 of 2 sentences supported.",
			"**[1] Putin dan Kim Jong Un", "[1] — supported", "[2] — the passage does not mention Juni", "¶2 · characters ")
	}

	// Someone else's message is not a Kabar answer.
	other, _ := h.fake.Message(mustPost(t, h))
	run := h.dispatch(modInteraction(moderator, manageMessages, fakediscord.MessageCommand("Check citations", other)))
	contains(t, "not kabar", str(h.waitReq(callbackOf(run)).Object()["data"].(map[string]any)["content"]), "isn't a Kabar answer")
}

func mustPost(t *testing.T, h *harness) string {
	t.Helper()
	id, err := h.fake.DispatchMessageCreate(fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: testChannel,
		Author: bob, Content: "pesan biasa"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
