package fakediscord_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"go.uber.org/goleak"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const token = "test-token"

// redirect sends discord.com requests to the fake.
type redirect struct {
	base   http.RoundTripper
	target *url.URL
}

func (r redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host, req.Host = r.target.Scheme, r.target.Host, r.target.Host
	return r.base.RoundTrip(req)
}

// open connects a real discordgo session to fake and closes it at cleanup,
// before the fake closes.
func open(t *testing.T, fake *fakediscord.Server, reconnect bool, setup func(*discordgo.Session)) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		t.Fatal(err)
	}
	target, _ := url.Parse(fake.URL())
	tr := &http.Transport{}
	s.Client = &http.Client{Timeout: 10 * time.Second, Transport: redirect{tr, target}}
	s.ShouldReconnectOnError = reconnect
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages
	if setup != nil {
		setup(s)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.Open() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("open: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("open: timed out")
	}
	t.Cleanup(func() {
		// discordgo's heartbeat can race Close and start reconnecting
		// forever; reconnecting is switched off first, under the session
		// lock its goroutines take before reading the flag.
		s.Lock()
		s.ShouldReconnectOnError = false
		s.Unlock()
		_ = s.Close()
		tr.CloseIdleConnections()
	})
	return s
}

func newFake(t *testing.T) *fakediscord.Server {
	fake := fakediscord.New(fakediscord.Options{Token: token})
	t.Cleanup(fake.Close) // registered first, so it runs after the session's cleanup
	return fake
}

func ctxTimeout(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestDiscordgoHandshakeAndInteraction(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	got := make(chan *discordgo.InteractionCreate, 1)
	s := open(t, fake, false, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { got <- i })
	})

	s.State.RLock()
	user, app := s.State.User, s.State.Application
	s.State.RUnlock()
	if user == nil || user.ID != fakediscord.BotUserID || app == nil || app.ID != fakediscord.ApplicationID {
		t.Fatalf("READY not decoded: user %+v app %+v", user, app)
	}
	ids := fake.Identifies()
	if len(ids) != 1 || ids[0].Token != "Bot "+token || ids[0].Intents != int64(discordgo.IntentsGuilds|discordgo.IntentsGuildMessages) {
		t.Fatalf("identify = %+v", ids)
	}

	sent, err := fake.DispatchInteraction(fakediscord.Interaction{
		GuildID: "500", ChannelID: "600", User: fakediscord.User{ID: "700"},
		Permissions: discordgo.PermissionManageMessages,
		Data:        fakediscord.Command("ask", fakediscord.String("question", "siapa?"), fakediscord.Bool("private", true)),
	})
	if err != nil {
		t.Fatal(err)
	}
	var i *discordgo.InteractionCreate
	select {
	case i = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no interaction")
	}
	d := i.ApplicationCommandData()
	if i.ID != sent.ID || i.Token != sent.Token || i.GuildID != "500" || i.Member == nil ||
		i.Member.User.ID != "700" || i.Member.Permissions != discordgo.PermissionManageMessages ||
		d.Name != "ask" || d.GetOption("question").StringValue() != "siapa?" || !d.GetOption("private").BoolValue() {
		t.Fatalf("interaction not decoded: %+v data %+v", i.Interaction, d)
	}

	err = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	if err != nil {
		t.Fatal(err)
	}
	content := "jawaban"
	msg, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &content})
	if err != nil {
		t.Fatal(err)
	}
	if msg.Content != content || msg.Author == nil || msg.Author.ID != fakediscord.BotUserID || msg.Timestamp.IsZero() {
		t.Fatalf("edit returned %+v", msg)
	}
	fu, err := s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: "lagi"})
	if err != nil || fu.ID == "" || fu.Content != "lagi" {
		t.Fatalf("follow-up: %+v %v", fu, err)
	}
	// A second acknowledgement is refused, as on Discord.
	err = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	var rest *discordgo.RESTError
	if !asRESTError(err, &rest) || rest.Message == nil || rest.Message.Code != 40060 {
		t.Fatalf("second ack: %v", err)
	}
}

func asRESTError(err error, target **discordgo.RESTError) bool {
	r, ok := err.(*discordgo.RESTError)
	if ok {
		*target = r
	}
	return ok
}

func TestRawGatewayPayloadsDecodeStrictly(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	ws, _, err := websocket.DefaultDialer.Dial(fake.GatewayURL()+"?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	read := func() (op int, typ string, d json.RawMessage) {
		t.Helper()
		_ = ws.SetReadDeadline(time.Now().Add(5 * time.Second))
		var f struct {
			Op int             `json:"op"`
			T  string          `json:"t"`
			D  json.RawMessage `json:"d"`
		}
		if err := ws.ReadJSON(&f); err != nil {
			t.Fatal(err)
		}
		return f.Op, f.T, f.D
	}
	if op, _, _ := read(); op != fakediscord.OpHello {
		t.Fatalf("first frame op %d, want HELLO", op)
	}
	if err := ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + token, "intents": 1}}); err != nil {
		t.Fatal(err)
	}
	op, typ, d := read()
	var ready discordgo.Ready
	if op != 0 || typ != "READY" || json.Unmarshal(d, &ready) != nil || ready.User == nil || ready.SessionID == "" {
		t.Fatalf("READY: op %d %s %s", op, typ, d)
	}

	target, _ := fake.Message(mustDispatchMessage(t, fake))
	tests := []struct {
		name string
		in   fakediscord.Interaction
	}{
		{"command", fakediscord.Interaction{GuildID: "1", ChannelID: "2", User: fakediscord.User{ID: "3"},
			Data: fakediscord.Command("source", fakediscord.String("doc", "a"), fakediscord.Int("paragraph", 3))}},
		{"autocomplete", fakediscord.Interaction{Type: fakediscord.InteractionAutocomplete, GuildID: "1", ChannelID: "2",
			User: fakediscord.User{ID: "3"}, Data: fakediscord.Command("source", fakediscord.Focus("doc", "ru"))}},
		{"message command", fakediscord.Interaction{GuildID: "1", ChannelID: "2", User: fakediscord.User{ID: "3"},
			Data: fakediscord.MessageCommand("Check citations", target)}},
		{"button", fakediscord.Interaction{Type: fakediscord.InteractionComponent, GuildID: "1", ChannelID: "2",
			User: fakediscord.User{ID: "3"}, Data: fakediscord.Button("x"), Message: target}},
		{"dm", fakediscord.Interaction{ChannelID: "2", User: fakediscord.User{ID: "3"}, Data: fakediscord.Command("ask")}},
	}
	for _, tc := range tests {
		if _, err := fake.DispatchInteraction(tc.in); err != nil {
			t.Fatal(err)
		}
		for {
			_, typ, d := read()
			if typ != "INTERACTION_CREATE" {
				continue
			}
			var i discordgo.InteractionCreate
			if err := json.Unmarshal(d, &i); err != nil {
				t.Fatalf("%s: %v\n%s", tc.name, err, d)
			}
			if i.ID == "" || i.Token == "" || i.Data == nil {
				t.Fatalf("%s: decoded %+v", tc.name, i.Interaction)
			}
			break
		}
	}
}

func mustDispatchMessage(t *testing.T, fake *fakediscord.Server) string {
	t.Helper()
	id, err := fake.DispatchMessageCreate(fakediscord.ChannelMessage{GuildID: "1", ChannelID: "2",
		Author: fakediscord.User{ID: "3"}, Content: "<@1001> halo", Mentions: []fakediscord.User{{ID: fakediscord.BotUserID, Bot: true}}})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMessageCreateAndThread(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	got := make(chan *discordgo.MessageCreate, 1)
	s := open(t, fake, false, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	})
	id := mustDispatchMessage(t, fake)
	var m *discordgo.MessageCreate
	select {
	case m = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no message")
	}
	if m.ID != id || m.Author.ID != "3" || len(m.Mentions) != 1 || m.Mentions[0].ID != fakediscord.BotUserID || m.Timestamp.IsZero() {
		t.Fatalf("message not decoded: %+v", m.Message)
	}
	th, err := s.MessageThreadStartComplex("2", id, &discordgo.ThreadStart{Name: "halo", AutoArchiveDuration: 1440})
	if err != nil || th.ID != id || th.ParentID != "2" || !th.IsThread() {
		t.Fatalf("thread: %+v %v", th, err)
	}
	if _, err := s.MessageThreadStartComplex("2", id, &discordgo.ThreadStart{Name: "again"}); err == nil {
		t.Fatal("second thread on the same message accepted")
	}
	sent, err := s.ChannelMessageSend(th.ID, "balasan")
	if err != nil {
		t.Fatal(err)
	}
	edited := "diubah"
	if _, err := s.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: sent.ID, Channel: th.ID, Content: &edited}); err != nil {
		t.Fatal(err)
	}
	list, err := s.ChannelMessages(th.ID, 10, "", "", "")
	if err != nil || len(list) != 1 || list[0].Content != edited || list[0].EditedTimestamp == nil {
		t.Fatalf("list: %+v %v", list, err)
	}
}

func TestResumeReplaysMissedEvents(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	got := make(chan string, 4)
	_ = open(t, fake, true, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m.ID })
	})
	dropped := time.Now()
	fake.DropConnection()
	// Dispatched while the client is away: delivered on RESUME.
	id := mustDispatchMessage(t, fake)
	if err := fake.WaitResumed(ctxTimeout(t), dropped); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-got:
		if m != id {
			t.Fatalf("got message %s, want %s", m, id)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("missed event not replayed")
	}
	if n := len(fake.Identifies()); n != 1 {
		t.Fatalf("client identified %d times, want 1 (then resume)", n)
	}
}

func TestRateLimitIsAbsorbedByDiscordgo(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	s := open(t, fake, false, nil)
	fake.RateLimit("PUT", "/applications/*/commands", 2, 20*time.Millisecond, false)
	cmds, err := s.ApplicationCommandBulkOverwrite(fakediscord.ApplicationID, "", []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask"},
	})
	if err != nil || len(cmds) != 1 || cmds[0].ID == "" {
		t.Fatalf("overwrite: %+v %v", cmds, err)
	}
	var statuses []int
	for _, r := range fake.Requests() {
		if r.Is("PUT", "/applications/*/commands") {
			statuses = append(statuses, r.Status)
		}
	}
	if len(statuses) != 3 || statuses[0] != 429 || statuses[1] != 429 || statuses[2] != 200 {
		t.Fatalf("statuses = %v", statuses)
	}
}

func TestRESTEnforcesDiscordRules(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	// A session is needed for interactions: they are dispatched over the gateway.
	_ = open(t, fake, false, nil)
	sent, err := fake.DispatchInteraction(fakediscord.Interaction{GuildID: "1", ChannelID: "2", User: fakediscord.User{ID: "3"}, Data: fakediscord.Command("ask")})
	if err != nil {
		t.Fatal(err)
	}
	long := string(bytes.Repeat([]byte("a"), 2001))
	tests := []struct {
		name   string
		method string
		path   string
		body   any
		auth   string
		status int
		code   float64
	}{
		{"no token", "GET", "/gateway/bot", nil, "", 401, 0},
		{"edit before ack", "PATCH", "/webhooks/2002/" + sent.Token + "/messages/@original", map[string]any{"content": "x"}, "Bot " + token, 404, 10008},
		{"content too long", "POST", "/interactions/" + sent.ID + "/" + sent.Token + "/callback",
			map[string]any{"type": 4, "data": map[string]any{"content": long}}, "Bot " + token, 400, 50035},
		{"empty message", "POST", "/interactions/" + sent.ID + "/" + sent.Token + "/callback",
			map[string]any{"type": 4, "data": map[string]any{"content": ""}}, "Bot " + token, 400, 50006},
		{"ack", "POST", "/interactions/" + sent.ID + "/" + sent.Token + "/callback",
			map[string]any{"type": 5}, "Bot " + token, 204, 0},
		{"too many fields", "PATCH", "/webhooks/2002/" + sent.Token + "/messages/@original",
			map[string]any{"embeds": []any{map[string]any{"fields": fields(26)}}}, "Bot " + token, 400, 50035},
		{"unknown interaction", "POST", "/interactions/1/nope/callback", map[string]any{"type": 5}, "Bot " + token, 404, 10062},
		{"bad command name", "PUT", "/applications/2002/commands", []any{map[string]any{"name": "Ask Me", "description": "x"}}, "Bot " + token, 400, 50035},
		{"message command with description", "PUT", "/applications/2002/commands", []any{map[string]any{"name": "Check citations", "type": 3, "description": "x"}}, "Bot " + token, 400, 50035},
	}
	for _, tc := range tests {
		var body []byte
		if tc.body != nil {
			body, _ = json.Marshal(tc.body)
		}
		req, _ := http.NewRequest(tc.method, fake.URL()+"/api/v9"+tc.path, bytes.NewReader(body))
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if resp.StatusCode != tc.status || (tc.code != 0 && out["code"] != tc.code) {
			t.Errorf("%s: status %d body %v, want %d code %v", tc.name, resp.StatusCode, out, tc.status, tc.code)
		}
	}
	http.DefaultClient.CloseIdleConnections()
}

func fields(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = map[string]any{"name": "n", "value": "v"}
	}
	return out
}

func TestLateAcknowledgementIsRejected(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(fakediscord.Options{Token: token, AckWindow: time.Nanosecond})
	t.Cleanup(fake.Close)
	s := open(t, fake, false, nil)
	sent, err := fake.DispatchInteraction(fakediscord.Interaction{GuildID: "1", ChannelID: "2", User: fakediscord.User{ID: "3"}, Data: fakediscord.Command("ask")})
	if err != nil {
		t.Fatal(err)
	}
	// The window is 1 ns: the REST round trip alone outlasts it.
	err = s.InteractionRespond(&discordgo.Interaction{ID: sent.ID, Token: sent.Token, AppID: fakediscord.ApplicationID},
		&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	var rest *discordgo.RESTError
	if !asRESTError(err, &rest) || rest.Message == nil || rest.Message.Code != 10062 {
		t.Fatalf("late ack: %v", err)
	}
}

func TestWaitRequestHonoursContext(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := fake.WaitRequest(ctx, func(fakediscord.Request) bool { return true })
	if err == nil {
		t.Fatal("WaitRequest returned without a request")
	}
}
