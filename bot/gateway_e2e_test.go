package bot

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

var kabar = fakediscord.User{ID: fakediscord.BotUserID, Username: fakediscord.BotUsername, Bot: true}

func TestMentionStartsThreadAndFollowUpUsesHistory(t *testing.T) {
	t.Parallel()
	for _, content := range []bool{false, true} {
		t.Run(map[bool]string{false: "default intents", true: "message content"}[content], func(t *testing.T) {
			t.Parallel()
			mentionThread(t, content)
		})
	}
}

// mentionThread: "@Kabar question" opens a thread and is answered there;
// in the thread, "thanks!" gets nothing, and a follow-up is answered with
// the history when it mentions Kabar or — with Message Content enabled —
// when it reads as a question.
func mentionThread(t *testing.T, messageContent bool) {
	h := start(t, harnessOptions{config: func(c *Config) { c.Mentions, c.MessageContent = true, messageContent }})
	intents := h.fake.Identifies()[0].Intents
	if intents&int64(discordgo.IntentsGuildMessages) == 0 {
		t.Fatalf("mentions on, but intents %d lack GUILD_MESSAGES", intents)
	}
	if got := intents&int64(discordgo.IntentsMessageContent) != 0; got != messageContent {
		t.Fatalf("Message Content requested: %v, want %v (intents %d)", got, messageContent, intents)
	}

	// Other bots and the bot itself are ignored.
	for _, author := range []fakediscord.User{{ID: "800", Bot: true}, kabar} {
		if _, err := h.fake.DispatchMessageCreate(fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: testChannel,
			Author: author, Content: "<@" + kabar.ID + "> halo", Mentions: []fakediscord.User{kabar}}); err != nil {
			t.Fatal(err)
		}
	}
	// A message without a mention outside a Kabar thread is ignored too.
	if _, err := h.fake.DispatchMessageCreate(fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: testChannel,
		Author: bob, Content: "Apa kabar semua?"}); err != nil {
		t.Fatal(err)
	}

	msgID, err := h.fake.DispatchMessageCreate(fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: testChannel,
		Author: alice, Content: "<@" + kabar.ID + "> Apa yang disepakati Putin dan Kim?", Mentions: []fakediscord.User{kabar}})
	if err != nil {
		t.Fatal(err)
	}
	th := h.waitReq(func(r fakediscord.Request) bool {
		return r.Is("POST", "/channels/"+testChannel+"/messages/*/threads") && r.Status < 300
	})
	if th.Path != "/channels/"+testChannel+"/messages/"+msgID+"/threads" {
		t.Fatalf("thread started on %s, want message %s", th.Path, msgID)
	}
	contains(t, "thread name", str(th.Object()["name"]), "Apa yang disepakati Putin dan Kim?")
	threadID := msgID // Discord gives a message's thread the message's id
	q1 := <-h.ans.queries
	if q1.Question != "Apa yang disepakati Putin dan Kim?" || len(q1.History) != 0 {
		t.Fatalf("first question %+v", q1)
	}
	inThread := func(r fakediscord.Request) bool {
		return r.Is("PATCH", "/channels/"+threadID+"/messages/*") && r.Status == 200 && len(r.Object()["components"].([]any)) > 0
	}
	first := h.waitReq(inThread)
	contains(t, "thread answer", str(first.Object()["content"]), "[1]")

	// Thanks, and chat among members, get nothing.
	for _, c := range []string{"thanks!", "<@" + kabar.ID + "> makasih 👍", "aku juga baru baca beritanya"} {
		m := fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: threadID, Author: bob, Content: c}
		if strings.Contains(c, "<@") {
			m.Mentions = []fakediscord.User{kabar}
		}
		if _, err := h.fake.DispatchMessageCreate(m); err != nil {
			t.Fatal(err)
		}
	}
	// A follow-up: with Message Content it needs no mention; without, it
	// mentions Kabar (Discord would not deliver its text otherwise).
	follow := fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: threadID, Author: bob, Content: "Kapan itu terjadi?"}
	if !messageContent {
		follow.Content = "<@" + kabar.ID + "> Kapan itu terjadi?"
		follow.Mentions = []fakediscord.User{kabar}
	}
	if _, err := h.fake.DispatchMessageCreate(follow); err != nil {
		t.Fatal(err)
	}
	q2 := <-h.ans.queries
	if q2.Question != "Kapan itu terjadi?" || len(q2.History) != 1 ||
		q2.History[0].Question != q1.Question || !strings.Contains(q2.History[0].Answer, "[1]") {
		t.Fatalf("follow-up %+v", q2)
	}
	h.waitReqs(2, inThread)
	if n := len(h.ans.queries); n != 0 {
		t.Fatalf("%d unexpected questions (bots, self, thanks or unmentioned messages answered)", n)
	}
	for _, r := range h.fake.Requests() {
		if strings.HasSuffix(r.Path, "/threads") && r.Path != th.Path {
			t.Errorf("unexpected thread: %v", r)
		}
		if r.Is("POST", "/channels/"+threadID+"/messages") && !strings.HasPrefix(str(r.Object()["content"]), "🔎") {
			t.Errorf("unexpected message in the thread: %s", r.Raw)
		}
	}
}

func TestMentionsOffByDefault(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{config: func(c *Config) { c.ShardID, c.ShardCount = 1, 2 }})
	id := h.fake.Identifies()[0]
	if id.Intents&int64(discordgo.IntentsMessageContent|discordgo.IntentsGuildMessages) != 0 {
		t.Fatalf("intents %d request messages with mentions off", id.Intents)
	}
	if id.Shard == nil || *id.Shard != [2]int{1, 2} {
		t.Fatalf("shard %v, want [1 2]", id.Shard)
	}
	if _, err := h.fake.DispatchMessageCreate(fakediscord.ChannelMessage{GuildID: testGuild, ChannelID: testChannel,
		Author: alice, Content: "<@" + kabar.ID + "> halo?", Mentions: []fakediscord.User{kabar}}); err != nil {
		t.Fatal(err)
	}
	// Prove the event was processed by answering an interaction after it.
	sent := h.ask(alice, "Apa?")
	h.waitReq(finalEditOf(sent))
	for _, r := range h.fake.Requests() {
		if strings.HasPrefix(r.Path, "/channels/") {
			t.Errorf("mentions are off, but the bot sent %v", r)
		}
	}
}

func TestDroppedGatewayIsResumed(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{reconnect: true})
	first := h.ask(alice, "Pertama?")
	h.waitReq(finalEditOf(first))

	dropped := time.Now()
	h.fake.DropConnection()
	if err := h.fake.WaitResumed(h.ctx(), dropped); err != nil {
		t.Fatal(err)
	}
	second := h.ask(bob, "Kedua?")
	h.waitReq(finalEditOf(second))
	if n := len(h.fake.Identifies()); n != 1 {
		t.Fatalf("identified %d times; the session should have been resumed", n)
	}
}

func TestWatchdogReconnectsASilentGateway(t *testing.T) {
	t.Parallel()
	// Heartbeats every minute and no events: the gateway goes silent.
	h := start(t, harnessOptions{
		config: func(c *Config) { c.GatewayWatchdog = 300 * time.Millisecond },
		fake:   fakediscord.Options{HeartbeatInterval: time.Minute},
	})
	if _, err := h.fake.WaitFrame(h.ctx(), fakediscord.OpResume, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := h.fake.WaitConnected(h.ctx()); err != nil {
		t.Fatal(err)
	}
	sent := h.ask(alice, "Masih di sana?")
	h.waitReq(finalEditOf(sent))
	rec := httptest.NewRecorder()
	h.bot.metrics.handler(h.bot.healthy).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if strings.Contains(rec.Body.String(), "kabar_gateway_watchdog_reconnects_total 0") {
		t.Error("watchdog reconnect not counted")
	}
}

func TestShutdownFinishesAnswersInFlight(t *testing.T) {
	t.Parallel()
	h := start(t, harnessOptions{})
	gate := h.ans.hold()
	sent := h.ask(alice, "Pertanyaan panjang?")
	<-h.ans.queries

	h.cancel()
	<-h.bot.stopping
	select {
	case <-h.done:
		t.Fatal("Run returned with an answer in flight")
	default:
	}
	// New work is refused while shutting down.
	late := h.ask(bob, "Terlambat?")
	cb := h.waitReq(callbackOf(late))
	if str(cb.Object()["data"].(map[string]any)["content"]) != msgRestarting {
		t.Fatalf("late interaction got %s", cb.Raw)
	}

	close(gate)
	h.stop()
	if _, err := h.fake.WaitRequest(h.ctx(), finalEditOf(sent)); err != nil {
		t.Fatal(err)
	}
	published := false
	for _, r := range h.fake.Requests() {
		published = published || finalEditOf(sent)(r)
	}
	if !published {
		t.Fatal("the answer in flight was not published before Run returned")
	}
}

func TestCommandsCLI(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(fakediscord.Options{Token: testToken})
	defer fake.Close()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	for _, guild := range []string{testGuild, ""} {
		cfg := Config{Token: testToken, APIBaseURL: fake.URL(), GuildID: guild}
		want := len(commandDefinitions())
		cmds, err := SyncCommands(ctx, cfg)
		if err != nil || len(cmds) != want {
			t.Fatalf("sync %q: %d commands, %v", guild, len(cmds), err)
		}
		listed, err := ListCommands(ctx, cfg)
		if err != nil || len(listed) != want || len(fake.Commands(guild)) != want {
			t.Fatalf("list %q: %d commands, %v", guild, len(listed), err)
		}
		if err := ClearCommands(ctx, cfg); err != nil || len(fake.Commands(guild)) != 0 {
			t.Fatalf("clear %q: %v, %d left", guild, err, len(fake.Commands(guild)))
		}
	}
	_, err := SyncCommands(ctx, Config{Token: "wrong", APIBaseURL: fake.URL()})
	if err == nil || strings.Contains(err.Error(), "wrong") {
		t.Fatalf("bad token: %v", err)
	}
}
