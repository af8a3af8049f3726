package bot

// Load and faults through the fake Discord: many users ask at once while
// the model fails, stalls and rate-limits, the gateway drops and Discord
// answers a storm of 429s. Every interaction must still get exactly one
// final response, and nothing may be lost.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakediscord"
	"github.com/kabar-bot/kabar/internal/fakeopenai"
	"github.com/kabar-bot/kabar/llm"
)

// Discord's invalid-request budget: 401, 403 and 429 responses count;
// 10,000 in 10 minutes get the bot's IP banned for a while.
const invalidRequestBudget = 10000

// paraphrases of dev-set questions, in both languages.
var paraphrases = []string{
	"Berapa insinyur yang dijanjikan Korea Utara untuk Rusia?",
	"Di kota mana Lavrov bertemu Kim Jong Un?",
	"How many troops has North Korea sent to Russia?",
	"Apa yang ditandatangani Choe Son Hui dan Lavrov?",
	"Who did Lavrov meet in Kuala Lumpur?",
	"Museum apa yang dibuka Kim untuk tentara yang gugur?",
	"Berapa hari Lavrov berkunjung ke Korea Utara?",
	"Where is the next Eurasian security conference?",
	"Siapa juru bicara Kemlu Rusia?",
	"What resort area opened in North Korea this summer?",
	"Berapa banyak tentara Korea Utara yang tewas dalam perang?",
	"Who won the football world cup in 2022?",
}

// loadQuestions returns the dev-set questions plus paraphrases.
func loadQuestions(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../eval/testdata/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var item struct {
			Question string `json:"question"`
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &item); err != nil || item.Question == "" {
			t.Fatalf("dev set line %q: %v", sc.Text(), err)
		}
		qs = append(qs, item.Question)
	}
	if len(qs) == 0 {
		t.Fatal("empty dev set")
	}
	return append(qs, paraphrases...)
}

// lockedRand is a seeded generator shared by goroutines.
type lockedRand struct {
	mu sync.Mutex
	r  *rand.Rand
}

func newLockedRand(seed uint64) *lockedRand {
	return &lockedRand{r: rand.New(rand.NewPCG(seed, seed^0x5eed))}
}

func (l *lockedRand) float() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.r.Float64()
}

func (l *lockedRand) intN(n int) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.r.IntN(n)
}

// faultyModel answers like a cooperative model (the first sentence of
// source 1, cited) but also rate-limits some calls and arms a stall for
// some streams; the server adds random 500s on top.
type faultyModel struct {
	rnd                 *lockedRand
	rateLimited, stalls atomic.Int64
}

var questionBlock = regexp.MustCompile(`(?s)<<<QUESTION>>>\n(.*?)\n<<<END QUESTION>>>`)

func (m *faultyModel) install(srv *fakeopenai.Server) {
	srv.OnChat(func(req fakeopenai.ChatRequest) fakeopenai.Reply {
		// Each call decides whether the next stream stalls after one chunk.
		if m.rnd.float() < 0.08 {
			m.stalls.Add(1)
			srv.StallStreams(1)
		} else {
			srv.StallStreams(-1)
		}
		if m.rnd.float() < 0.08 {
			m.rateLimited.Add(1)
			return fakeopenai.Reply{Fault: &fakeopenai.Fault{Status: 429, RetryAfter: "1"}}
		}
		user := req.Messages[len(req.Messages)-1].Content
		if req.Messages[0].Role != "system" { // the query rewrite
			if q := questionBlock.FindStringSubmatch(user); q != nil {
				return fakeopenai.Reply{Text: q[1]}
			}
		}
		src := sourceBlockRE.FindStringSubmatch(user)
		if src == nil {
			return fakeopenai.Reply{Text: "NOT_IN_COVERAGE"}
		}
		sentence, _, _ := strings.Cut(strings.TrimSpace(src[3]), ". ")
		sentence, _, _ = strings.Cut(sentence, "\n")
		return fakeopenai.Reply{Text: strings.TrimSuffix(sentence, ".") + " [" + src[1] + "]."}
	})
}

// cappedSleep waits at most limit, whatever Retry-After or the backoff
// asked for, so retries stay real but the test stays fast.
func cappedSleep(limit time.Duration) func(context.Context, time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		t := time.NewTimer(min(d, limit))
		defer t.Stop()
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// asked is one dispatched interaction.
type asked struct {
	sent fakediscord.Sent
	at   time.Time
}

// verdict is what the bot did with one interaction.
type verdict struct {
	callbacks int       // successful acknowledgements
	finals    int       // final responses: notices, answer edits, error edits
	kind      string    // of the first final
	at        time.Time // of the first final
}

var (
	msgCooldownPrefix = "⏳ You're asking quickly."
	msgBusyPrefix     = "Kabar is answering several questions"
	msgTooLong        = "That took too long, sorry. Please try a narrower question."
)

// judge classifies the requests of every interaction token.
func judge(reqs []fakediscord.Request) map[string]*verdict {
	out := map[string]*verdict{}
	get := func(token string) *verdict {
		v := out[token]
		if v == nil {
			v = &verdict{}
			out[token] = v
		}
		return v
	}
	final := func(v *verdict, kind string, at time.Time) {
		if v.finals == 0 {
			v.kind, v.at = kind, at
		}
		v.finals++
	}
	for _, r := range reqs {
		seg := strings.Split(strings.Trim(r.Path, "/"), "/")
		switch {
		case r.Is("POST", "/interactions/*/*/callback") && r.Status < 300:
			v := get(seg[2])
			v.callbacks++
			if num(r.Object()["type"]) == 4 {
				content := str(r.Object()["data"].(map[string]any)["content"])
				switch {
				case strings.HasPrefix(content, msgCooldownPrefix):
					final(v, "cooldown notice", r.Time)
				case strings.HasPrefix(content, msgBusyPrefix):
					final(v, "busy notice", r.Time)
				default:
					final(v, "other notice: "+content, r.Time)
				}
			}
		case r.Is("PATCH", "/webhooks/*/*/messages/@original") && r.Status == 200:
			body := r.Object()
			content := str(body["content"])
			comps, _ := body["components"].([]any)
			if len(comps) == 0 && strings.HasSuffix(content, "…") {
				continue // a streamed partial
			}
			v := get(seg[2])
			footer := fmt.Sprint(body["embeds"])
			kind := answerKind(content, footer)
			switch {
			case kind == "declined":
				final(v, "declined", r.Time)
			case kind == "llm":
				final(v, "answered by the LLM", r.Time)
			case kind == "fallback":
				final(v, "answered offline (LLM fallback)", r.Time)
			case kind == "offline":
				final(v, "answered offline", r.Time)
			case content == msgAnswerFailed || content == msgTooLong:
				final(v, "clear error", r.Time)
			default:
				final(v, "unclear: "+content, r.Time)
			}
		}
	}
	return out
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

func TestLoadWithFaultsThroughFakeDiscord(t *testing.T) {
	// Not parallel: the load runs alone in this package.
	total, users, guilds := 1000, 50, 5
	if testing.Short() {
		total = 200
	}
	const (
		burstSize  = 8
		burstGuild = "999"
		stormAfter = 20 * time.Millisecond
	)
	stormSize := total / 10 // 429s in a row on the answer edits
	questions := loadQuestions(t)
	pipelineLogs := &syncBuffer{}
	p := newPipeline(t, pipelineOptions{
		llm:    true,
		logger: slog.New(slog.NewTextHandler(pipelineLogs, &slog.HandlerOptions{Level: slog.LevelWarn})),
		client: func(c *llm.Config) {
			c.Timeout = 5 * time.Second
			c.StreamIdleTimeout = 300 * time.Millisecond
			c.MaxRetries = 2
			c.BackoffBase, c.BackoffMax = 5*time.Millisecond, 20*time.Millisecond
			c.Sleep = cappedSleep(20 * time.Millisecond)
		},
	})
	model := &faultyModel{rnd: newLockedRand(7)}
	model.install(p.llm)
	p.llm.FailRandomly(0.20, 11, fakeopenai.Fault{Status: 500})

	// The outcome is asserted, not the speed: Discord's 3 s acknowledgement
	// window is opened wide, so a slow (-race, loaded) machine does not
	// turn late acknowledgements into lost interactions.
	h := startReal(t, p, harnessOptions{reconnect: true, fake: fakediscord.Options{AckWindow: 30 * time.Minute}, config: func(c *Config) {
		c.UserCooldown = 150 * time.Millisecond
		c.GuildConcurrency = 8
		c.AnswerTimeout = 30 * time.Second
	}})

	rnd := newLockedRand(3)
	start := time.Now()
	var (
		mu         sync.Mutex
		all        []asked
		dispatched atomic.Int64
		dropOnce   sync.Once
		stormOnce  sync.Once
		faultsDone = make(chan struct{})
		dropErr    error
		burst      []asked // dispatched while the gateway was down
		droppedAt  time.Time
		resumedAt  time.Time
		wg         sync.WaitGroup
	)
	// Mid-load faults: a 429 storm on the answer edits at a quarter, the
	// gateway dropped at half.
	faults := func(n int64) {
		if n == int64(total/4) {
			stormOnce.Do(func() {
				h.fake.RateLimit("PATCH", "/webhooks/*/*/messages/@original", stormSize, stormAfter, false)
			})
		}
		if n == int64(total/2) {
			dropOnce.Do(func() {
				go func() {
					defer close(faultsDone)
					droppedAt = time.Now()
					h.fake.DropConnection()
					// Questions asked while the bot is away: Discord queues
					// them and replays them when the session resumes.
					for b := range burstSize {
						sent, err := h.fake.DispatchInteraction(fakediscord.Interaction{GuildID: burstGuild, ChannelID: testChannel,
							User: fakediscord.User{ID: fmt.Sprintf("%d", 20_000+b)},
							Data: fakediscord.Command("ask", fakediscord.String("question", questions[b%len(questions)]))})
						if err != nil {
							dropErr = err
							return
						}
						mu.Lock()
						burst = append(burst, asked{sent: sent, at: time.Now()})
						mu.Unlock()
					}
					ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
					defer cancel()
					f, err := h.fake.WaitFrame(ctx, fakediscord.OpResume, droppedAt)
					if err == nil {
						resumedAt = f.Time
						err = h.fake.WaitConnected(ctx)
					}
					dropErr = err
				}()
			})
		}
	}
	for u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := fakediscord.User{ID: fmt.Sprintf("%d", 10_000+u), Username: fmt.Sprintf("user%02d", u)}
			guild := fmt.Sprintf("%d", 900+u%guilds)
			for i := u; i < total; i += users {
				q := questions[rnd.intN(len(questions))]
				sent, err := h.fake.DispatchInteraction(fakediscord.Interaction{GuildID: guild, ChannelID: testChannel,
					User: user, Data: fakediscord.Command("ask", fakediscord.String("question", q))})
				if err != nil {
					t.Errorf("dispatch: %v", err)
					return
				}
				mu.Lock()
				all = append(all, asked{sent: sent, at: time.Now()})
				mu.Unlock()
				faults(dispatched.Add(1))
				// Think time: mostly a while, sometimes an impatient retry
				// that lands in the cooldown.
				think := time.Duration(300+rnd.intN(1200)) * time.Millisecond
				if rnd.float() < 0.15 {
					think = time.Duration(rnd.intN(50)) * time.Millisecond
				}
				time.Sleep(think)
			}
		}()
	}
	wg.Wait()
	select {
	case <-faultsDone:
	case <-time.After(10 * time.Minute):
		t.Fatal("the gateway drop never ran")
	}
	if dropErr != nil {
		t.Fatalf("the gateway was not resumed after the drop: %v", dropErr)
	}

	// Wait until every interaction has a final response, then stop the
	// bot so that nothing more can arrive, and judge.
	deadline := time.Now().Add(10 * time.Minute) // generous: a slow machine is not a failure
	for {
		verdicts := judge(h.fake.Requests())
		missing := 0
		for _, a := range slices.Concat(all, burst) {
			if v := verdicts[a.sent.Token]; v == nil || v.finals == 0 {
				missing++
			}
		}
		if missing == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%d of %d interactions still have no final response", missing, len(all))
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	elapsed := time.Since(start)
	h.stop()
	reqs := h.fake.Requests()
	verdicts := judge(reqs)

	if len(all) != total {
		t.Fatalf("dispatched %d interactions, want %d", len(all), total)
	}
	kinds := map[string]int{}
	var latencies []time.Duration
	byKind := map[string][]time.Duration{}
	lost := 0
	for _, a := range all {
		v := verdicts[a.sent.Token]
		switch {
		case v == nil || v.finals == 0:
			lost++
			continue
		case v.finals != 1 || v.callbacks != 1:
			t.Errorf("interaction %s: %d final responses, %d acknowledgements; want exactly one of each", a.sent.ID, v.finals, v.callbacks)
		}
		kinds[v.kind]++
		latencies = append(latencies, v.at.Sub(a.at))
		byKind[v.kind] = append(byKind[v.kind], v.at.Sub(a.at))
		if strings.HasPrefix(v.kind, "unclear") || strings.HasPrefix(v.kind, "other") {
			t.Errorf("interaction %s got an unclear final response: %s", a.sent.ID, v.kind)
		}
	}
	if lost > 0 {
		t.Errorf("%d interactions lost (no final response)", lost)
	}
	queued := 0
	for _, a := range burst {
		if a.at.Before(resumedAt) {
			queued++
		}
		v := verdicts[a.sent.Token]
		if v == nil || v.finals != 1 || !strings.HasPrefix(v.kind, "answered") && v.kind != "declined" {
			t.Errorf("question %s asked during the gateway drop: %+v, want one answer", a.sent.ID, v)
		}
	}
	if queued == 0 {
		t.Error("the bot resumed before any question was queued; the drop proved nothing")
	}
	slices.Sort(latencies)

	// Discord's side: no rejected request, every 429 absorbed by one
	// retry after the wait Discord asked for.
	invalid, by429, retriedEarly := 0, 0, 0
	for i, r := range reqs {
		switch r.Status {
		case 401, 403:
			invalid++
		case 429:
			invalid++
			by429++
			for _, next := range reqs[i+1:] {
				if next.Method == r.Method && next.Path == r.Path {
					if next.Time.Sub(r.Time) < stormAfter {
						retriedEarly++
					}
					break
				}
			}
		case 400, 404:
			t.Errorf("Discord rejected %v: %s", r, r.Raw)
		}
	}
	if by429 != stormSize {
		t.Errorf("the bot received %d 429s; want exactly the %d injected (no extra invalid requests)", by429, stormSize)
	}
	if retriedEarly > 0 {
		t.Errorf("%d requests were retried before the 429's retry_after", retriedEarly)
	}
	if invalid >= invalidRequestBudget {
		t.Errorf("%d invalid requests exceed Discord's budget of %d per 10 minutes", invalid, invalidRequestBudget)
	}
	if n := len(h.fake.Identifies()); n != 1 {
		t.Errorf("identified %d times; the dropped session should have been resumed", n)
	}

	// The model's side.
	var llm500, llm429, llmCalls int
	for _, r := range p.llm.Requests() {
		llmCalls++
		switch r.Status {
		case 500:
			llm500++
		case 429:
			llm429++
		}
	}
	fallbacks := strings.Count(pipelineLogs.String(), `msg="llm fallback"`)
	timeouts := strings.Count(pipelineLogs.String(), `reason="the language model timed out"`)
	assertNoPings(t, reqs)
	payloads := 0
	for _, r := range reqs {
		if messageBearing(r) {
			payloads++
		}
	}

	t.Logf("%d interactions from %d users in %d guilds held in %v; lost: %d", len(all), users, guilds, elapsed.Round(time.Millisecond), lost)
	t.Logf("gateway down %v; %d more asked right after the drop (%d of them queued until the RESUME), all answered",
		resumedAt.Sub(droppedAt).Round(time.Millisecond), len(burst), queued)
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		ls := byKind[k]
		slices.Sort(ls)
		t.Logf("  %-32s %4d  p50 %v, p95 %v", k, kinds[k], percentile(ls, 0.5).Round(time.Millisecond), percentile(ls, 0.95).Round(time.Millisecond))
	}
	t.Logf("latency dispatch → final response: p50 %v, p95 %v, max %v",
		percentile(latencies, 0.50).Round(time.Millisecond), percentile(latencies, 0.95).Round(time.Millisecond),
		percentile(latencies, 1).Round(time.Millisecond))
	t.Logf("model: %d calls, %d answered 500, %d answered 429 (Retry-After), %d streams armed to stall; %d answers fell back offline (%d after a stall/timeout)",
		llmCalls, llm500, llm429, model.stalls.Load(), fallbacks, timeouts)
	t.Logf("Discord: %d requests, %d message payloads (all allowed_mentions.parse=[]), %d 429s absorbed, %d invalid requests (budget %d), gateway dropped and resumed once",
		len(reqs), payloads, by429, invalid, invalidRequestBudget)
}
