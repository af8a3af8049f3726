package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const (
	testToken   = "test-token-do-not-log"
	testGuild   = "500"
	testChannel = "600"
	waitLimit   = 2 * time.Minute // generous: waits end on the outcome, a slow machine only waits longer

	interactionTokenPrefix = "aW50ZXJhY3Rpb246" // how the fake's interaction tokens start
)

var (
	alice     = fakediscord.User{ID: "701", Username: "alice"}
	bob       = fakediscord.User{ID: "702", Username: "bob"}
	moderator = fakediscord.User{ID: "703", Username: "mod"}
)

// syncBuffer collects log output from handler goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is a bot connected to a fake Discord through the real discordgo
// client.
type harness struct {
	t    *testing.T
	fake *fakediscord.Server
	bot  *Bot
	ans  *testAnswerer
	chk  *testChecker
	lib  *testLibrary
	logs *syncBuffer

	cancel   context.CancelFunc
	done     chan error
	stopOnce sync.Once
}

type harnessOptions struct {
	config    func(*Config)
	fake      fakediscord.Options
	reconnect bool // discordgo's own reconnect, for the resume test
}

// start runs a bot on the test doubles against a fresh fake Discord.
func start(t *testing.T, opts harnessOptions) *harness {
	t.Helper()
	lib := newTestLibrary()
	ans, chk := newTestAnswerer(lib), newTestChecker(lib)
	h := launch(t, opts, ans, chk, lib, testToken, interactionTokenPrefix)
	h.ans, h.chk, h.lib = ans, chk, lib
	return h
}

// launch starts a bot on the given dependencies against a fresh fake
// Discord and waits for its commands to be registered. On cleanup it stops
// the bot and checks that nothing pinged and no secret reached the logs.
func launch(t *testing.T, opts harnessOptions, ans Answerer, chk Checker, lib Library, secrets ...string) *harness {
	t.Helper()
	opts.fake.Token = testToken
	fake := fakediscord.New(opts.fake)
	t.Cleanup(fake.Close) // runs last: the bot must close first

	h := &harness{t: t, fake: fake, logs: &syncBuffer{}, done: make(chan error, 1)}
	cfg := Config{Token: testToken, APIBaseURL: fake.URL(), GuildID: testGuild}
	if opts.config != nil {
		opts.config(&cfg)
	}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(cfg, ans, chk, lib, logger)
	if err != nil {
		t.Fatal(err)
	}
	b.session.ShouldReconnectOnError = opts.reconnect
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- b.Run(ctx) }()
	t.Cleanup(func() {
		h.stop()
		assertNoPings(t, fake.Requests())
		for _, secret := range secrets {
			if strings.Contains(h.logs.String(), secret) {
				t.Errorf("a secret (%.8s…) appeared in the logs", secret)
			}
		}
		if t.Failed() {
			t.Logf("bot logs (last 20 kB):\n%s", tail(h.logs.String(), 20000))
		}
	})
	h.waitReq(func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands") && r.Status == 200
	})
	return h
}

// stop shuts the bot down and waits for Run to return.
func (h *harness) stop() {
	h.stopOnce.Do(func() {
		h.cancel()
		select {
		case err := <-h.done:
			if err != nil {
				h.t.Errorf("Run: %v", err)
			}
		case <-time.After(waitLimit + defaultTimeout):
			h.t.Error("Run did not return after cancellation")
		}
	})
}

func (h *harness) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	h.t.Cleanup(cancel)
	return ctx
}

func (h *harness) waitReq(match func(fakediscord.Request) bool) fakediscord.Request {
	h.t.Helper()
	r, err := h.fake.WaitRequest(h.ctx(), match)
	if err != nil {
		h.t.Fatal(err)
	}
	return r
}

// waitDone waits until the bot has logged the end of interaction id:
// every message it sends for it has been sent by then.
func (h *harness) waitDone(id string) {
	h.t.Helper()
	ctx := h.ctx()
	done := func() bool {
		for _, l := range strings.Split(h.logs.String(), "\n") {
			if strings.Contains(l, "msg=interaction ") && strings.Contains(l, " id="+id+" ") {
				return true
			}
		}
		return false
	}
	for !done() {
		select {
		case <-ctx.Done():
			h.t.Fatalf("interaction %s did not finish", id)
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func (h *harness) waitReqs(n int, match func(fakediscord.Request) bool) []fakediscord.Request {
	h.t.Helper()
	rs, err := h.fake.WaitRequests(h.ctx(), n, match)
	if err != nil {
		h.t.Fatal(err)
	}
	return rs
}

func (h *harness) dispatch(in fakediscord.Interaction) fakediscord.Sent {
	h.t.Helper()
	if in.GuildID == "" {
		in.GuildID = testGuild
	}
	if in.ChannelID == "" {
		in.ChannelID = testChannel
	}
	sent, err := h.fake.DispatchInteraction(in)
	if err != nil {
		h.t.Fatal(err)
	}
	return sent
}

func (h *harness) ask(u fakediscord.User, question string, more ...fakediscord.Option) fakediscord.Sent {
	h.t.Helper()
	opts := append([]fakediscord.Option{fakediscord.String("question", question)}, more...)
	return h.dispatch(fakediscord.Interaction{User: u, Data: fakediscord.Command("ask", opts...)})
}

// Request matchers for one interaction.

func callbackOf(s fakediscord.Sent) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Is("POST", "/interactions/"+s.ID+"/"+s.Token+"/callback") && r.Status < 300
	}
}

func originalEditOf(s fakediscord.Sent) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Is("PATCH", "/webhooks/*/"+s.Token+"/messages/@original") && r.Status == 200
	}
}

// finalEditOf matches the edit that publishes the answer (partial edits
// carry no components).
func finalEditOf(s fakediscord.Sent) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		if !originalEditOf(s)(r) {
			return false
		}
		comps, _ := r.Object()["components"].([]any)
		return len(comps) > 0 || !strings.HasSuffix(str(r.Object()["content"]), "…")
	}
}

func followupOf(s fakediscord.Sent) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Is("POST", "/webhooks/*/"+s.Token) && r.Status == 200
	}
}

func forToken(s fakediscord.Sent) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool { return strings.Contains(r.Path, s.Token) }
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// messageBearing reports whether a request creates or edits a message.
func messageBearing(r fakediscord.Request) bool {
	switch {
	case r.Is("POST", "/interactions/*/*/callback"):
		t := num(r.Object()["type"])
		return t != 1 && t != 8 // PONG and autocomplete results carry no message
	case r.Is("POST", "/webhooks/*/*"), r.Is("PATCH", "/webhooks/*/*/messages/*"),
		r.Is("POST", "/channels/*/messages"), r.Is("PATCH", "/channels/*/messages/*"):
		return true
	}
	return false
}

// assertNoPings checks, on the raw JSON, that every message the bot sent
// or edited carried allowed_mentions with an empty parse list.
func assertNoPings(t *testing.T, reqs []fakediscord.Request) {
	t.Helper()
	for _, r := range reqs {
		if !messageBearing(r) {
			continue
		}
		var body struct {
			AllowedMentions *struct {
				Parse json.RawMessage `json:"parse"`
			} `json:"allowed_mentions"`
			Data *struct {
				AllowedMentions *struct {
					Parse json.RawMessage `json:"parse"`
				} `json:"allowed_mentions"`
			} `json:"data"`
		}
		if err := json.Unmarshal(r.Raw, &body); err != nil {
			t.Errorf("%v: body is not JSON: %v", r, err)
			continue
		}
		am := body.AllowedMentions
		if r.Is("POST", "/interactions/*/*/callback") {
			am = nil
			if body.Data != nil {
				am = body.Data.AllowedMentions
			}
		}
		if am == nil || string(am.Parse) != "[]" {
			t.Errorf("%v: allowed_mentions.parse is not []: %s", r, r.Raw)
		}
	}
}

func contains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}
