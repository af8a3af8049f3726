package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestConfigDefaultsAndValidation(t *testing.T) {
	t.Parallel()
	c, err := Config{Token: "Bot abc"}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if c.Token != "abc" || c.UserCooldown != 0 || c.GuildConcurrency != 4 ||
		c.AnswerTimeout != time.Minute || c.GatewayWatchdog != 2*time.Minute || c.ShardCount != 1 {
		t.Fatalf("defaults: %+v", c)
	}
	bad := []Config{
		{},
		{Token: "x", APIBaseURL: "discord.com"},
		{Token: "x", APIBaseURL: "ftp://proxy"},
		{Token: "x", ShardID: 2, ShardCount: 2},
		{Token: "x", ShardID: -1},
	}
	for _, cfg := range bad {
		if _, err := cfg.withDefaults(); err == nil {
			t.Errorf("%v accepted", cfg)
		}
	}
}

func TestConfigNeverPrintsTheToken(t *testing.T) {
	t.Parallel()
	cfg := Config{Token: "secret-token-value", GuildID: "1"}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("start", "config", cfg)
	for _, out := range []string{buf.String(), fmt.Sprint(cfg), fmt.Sprintf("%v %+v", cfg, cfg)} {
		if strings.Contains(out, "secret-token-value") {
			t.Fatalf("token printed: %s", out)
		}
	}
	if _, err := New(Config{}, nil, nil, nil, nil); err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Fatalf("missing token: %v", err)
	}
}

func TestRedactHidesInteractionTokens(t *testing.T) {
	t.Parallel()
	inner := fmt.Errorf(`Patch "https://discord.com/api/v9/webhooks/1/tok123/messages/@original": %w`, context.Canceled)
	err := fmt.Errorf("editing: %w", redact(inner, "tok123"))
	if strings.Contains(err.Error(), "tok123") || !errors.Is(err, context.Canceled) {
		t.Fatalf("redact: %v (is canceled: %v)", err, errors.Is(err, context.Canceled))
	}
}
