package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

const serveToken = "serve-test-token-SENTINEL"

// lockedBuffer collects the bot's log lines from its goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeAnswersFromTheCoverage runs `kabar serve` (the real binary's
// run function, the real pipeline over the bundled articles, the real
// discordgo client) against a fake Discord and asks it questions.
func TestServeAnswersFromTheCoverage(t *testing.T) {
	fake := fakediscord.New(fakediscord.Options{Token: serveToken})
	t.Cleanup(fake.Close)
	env := map[string]string{
		"DISCORD_TOKEN":              serveToken,
		"KABAR_DISCORD_API_BASE_URL": fake.URL(),
		"KABAR_DISCORD_GUILD_ID":     "500",
	}
	getenv := func(k string) string { return env[k] }
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"kabar", "serve", "--data", t.TempDir()}, &stdout, &stderr, getenv)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
		if strings.Contains(stderr.String(), serveToken) {
			t.Error("the token appeared in the logs")
		}
	})
	wait := func(match func(fakediscord.Request) bool) fakediscord.Request {
		t.Helper()
		wctx, wcancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer wcancel()
		r, err := fake.WaitRequest(wctx, match)
		if err != nil {
			t.Fatalf("%v\nlogs:\n%s", err, stderr.String())
		}
		return r
	}
	wait(func(r fakediscord.Request) bool { return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands") })

	alice := fakediscord.User{ID: "701", Username: "alice"}
	sent, err := fake.DispatchInteraction(fakediscord.Interaction{GuildID: "500", ChannelID: "600", User: alice,
		Data: fakediscord.Command("ask", fakediscord.String("question", "How many engineers did North Korea promise?"))})
	if err != nil {
		t.Fatal(err)
	}
	final := wait(func(r fakediscord.Request) bool {
		comps, _ := r.Object()["components"].([]any)
		return r.Is("PATCH", "/webhooks/*/"+sent.Token+"/messages/@original") && len(comps) > 0
	})
	body := final.Object()
	content, _ := body["content"].(string)
	if !strings.Contains(content, "6,000") || !strings.Contains(content, "[1]") {
		t.Errorf("answer content: %s", content)
	}
	raw, _ := json.Marshal(body["embeds"])
	// Members see the articles by title, never by id.
	for _, title := range []string{"Pemimpin Korut Tegaskan Kembali", "Lavrov Rusia Temui Kim Jong Un"} {
		if !strings.Contains(string(raw), title) {
			t.Errorf("sources embed does not cite %q: %s", title, raw)
		}
	}
	if strings.Contains(string(raw), "001_a0a4439ec23291f3") || strings.Contains(string(raw), "¶") {
		t.Errorf("sources embed shows article ids or locators to members: %s", raw)
	}

	// A claim a moderator checks against the coverage.
	mod := fakediscord.User{ID: "703", Username: "mod"}
	check, err := fake.DispatchInteraction(fakediscord.Interaction{GuildID: "500", ChannelID: "600", User: mod, Permissions: 1 << 13,
		Data: fakediscord.Command("check", fakediscord.String("claim", "North Korea promised about 6,000 engineers"))})
	if err != nil {
		t.Fatal(err)
	}
	verdict := wait(func(r fakediscord.Request) bool {
		return strings.Contains(r.Path, check.Token) && (r.Method == "PATCH" || r.Method == "POST" && !strings.Contains(r.Path, "/interactions/")) ||
			r.Is("POST", "/interactions/"+check.ID+"/"+check.Token+"/callback") && strings.Contains(string(r.Raw), "upport")
	})
	if !strings.Contains(string(verdict.Raw), "**Supported**") {
		t.Errorf("claim check: %s", verdict.Raw)
	}

	for _, r := range fake.Requests() {
		if strings.Contains(string(r.Raw), "@everyone") {
			t.Errorf("%v sends @everyone", r)
		}
		if (r.Method == "POST" || r.Method == "PATCH") && strings.Contains(string(r.Raw), `"content"`) && !strings.Contains(string(r.Raw), `"parse":[]`) {
			t.Errorf("%v lacks allowed_mentions.parse=[]: %s", r, r.Raw)
		}
	}
}
