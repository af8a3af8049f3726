package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

// TestBogusTokenSaysWhatToDo: what `kabar commands list` prints with a
// wrong DISCORD_TOKEN (docs/discord.md quotes it).
func TestBogusTokenSaysWhatToDo(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(fakediscord.Options{Token: "the-right-token"})
	defer fake.Close()
	env := map[string]string{"DISCORD_TOKEN": "bogus", "KABAR_DISCORD_API_BASE_URL": fake.URL()}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"kabar", "commands", "list"}, &out, &errOut, func(k string) string { return env[k] })
	if err == nil {
		t.Fatal("a bogus token was accepted")
	}
	t.Logf("kabar: %v", err)
	if strings.Contains(err.Error(), "bogus") {
		t.Errorf("the error echoes the token: %v", err)
	}
	for _, want := range []string{"401", "DISCORD_TOKEN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not mention %s: %v", want, err)
		}
	}
}

const waitServe = 60 * time.Second

func TestBogusTokenServe(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(fakediscord.Options{Token: "the-right-token"})
	defer fake.Close()
	env := map[string]string{"DISCORD_TOKEN": "bogus", "KABAR_DISCORD_API_BASE_URL": fake.URL()}
	var out, errOut bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), waitServe)
	defer cancel()
	err := run(ctx, []string{"kabar", "serve", "--data", t.TempDir()}, &out, &errOut, func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") || strings.Contains(err.Error(), "bogus") {
		t.Fatalf("serve with a bogus token: %v", err)
	}
	t.Logf("kabar: %v", err)
}
