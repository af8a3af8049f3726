package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/internal/fakediscord"
)

// livePatience bounds every wait in these tests; they end on the outcome.
const livePatience = 2 * time.Minute

const kursk = `---
title: Engineers for Kursk
published: 2025-07-14
---

North Korea agreed to send 6,000 military engineers and workers to help rebuild the Kursk region, officials said.
`

const lavrovMD = `---
title: Lavrov in Pyongyang
published: 2025-07-12
---

Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Friday for talks with his North Korean counterpart.
`

const kalmaMD = `---
title: Kalma resort opens
published: 2025-07-01
---

The Kalma resort in Wonsan opened on 1 July 2025 with room for 20,000 guests, state media said.
`

// liveServe runs `kabar serve` on a corpus folder against a fake Discord.
type liveServe struct {
	t       *testing.T
	fake    *fakediscord.Server
	stderr  *lockedBuffer
	metrics string // host:port of /healthz and /metrics
	client  *http.Client
	sent    []fakediscord.Sent
}

func startLiveServe(t *testing.T, corpus, configYAML string) *liveServe {
	t.Helper()
	fake := fakediscord.New(fakediscord.Options{Token: serveToken})
	t.Cleanup(fake.Close)
	cfgPath := filepath.Join(t.TempDir(), "kabar.yaml")
	if err := os.WriteFile(cfgPath, []byte("discord:\n  metrics_addr: 127.0.0.1:0\n"+configYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"DISCORD_TOKEN": serveToken, "KABAR_DISCORD_API_BASE_URL": fake.URL(), "KABAR_DISCORD_GUILD_ID": "500"}
	ctx, cancel := context.WithCancel(context.Background())
	var stdout lockedBuffer
	s := &liveServe{t: t, fake: fake, stderr: &lockedBuffer{}}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"kabar", "serve", "--config", cfgPath, "--corpus", corpus, "--data", t.TempDir()}, &stdout, s.stderr, func(k string) string { return env[k] })
	}()
	tr := &http.Transport{}
	s.client = &http.Client{Transport: tr, Timeout: livePatience}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(livePatience):
			t.Error("serve did not stop")
		}
		tr.CloseIdleConnections()
	})
	s.wait(func(r fakediscord.Request) bool { return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands") })
	m := regexp.MustCompile(`msg="serving metrics".* addr=(127\.0\.0\.1:\d+)`).FindStringSubmatch(s.stderr.String())
	if m == nil {
		t.Fatalf("metrics address not logged:\n%s", s.stderr.String())
	}
	s.metrics = m[1]
	return s
}

func (s *liveServe) wait(match func(fakediscord.Request) bool) fakediscord.Request {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), livePatience)
	defer cancel()
	r, err := s.fake.WaitRequest(ctx, match)
	if err != nil {
		s.t.Fatalf("%v\nlogs:\n%s", err, s.stderr.String())
	}
	return r
}

func (s *liveServe) get(path string) string {
	s.t.Helper()
	resp, err := s.client.Get("http://" + s.metrics + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

// waitGeneration polls /healthz until the index generation is at least n.
func (s *liveServe) waitGeneration(n int) {
	s.t.Helper()
	re := regexp.MustCompile(`index generation (\d+), updated \d{4}-\d\d-\d\dT`)
	deadline := time.Now().Add(livePatience)
	for {
		body := s.get("/healthz")
		if m := re.FindStringSubmatch(body); m != nil {
			var g int
			fmt.Sscan(m[1], &g)
			if g >= n {
				return
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("index generation never reached %d; /healthz says %q\nlogs:\n%s", n, body, s.stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ask dispatches /ask without waiting for the answer.
func (s *liveServe) ask(q string) fakediscord.Sent {
	s.t.Helper()
	sent, err := s.fake.DispatchInteraction(fakediscord.Interaction{GuildID: "500", ChannelID: "600",
		User: fakediscord.User{ID: fmt.Sprint(800 + len(s.sent)), Username: "member"},
		Data: fakediscord.Command("ask", fakediscord.String("question", q))})
	if err != nil {
		s.t.Fatal(err)
	}
	s.sent = append(s.sent, sent)
	return sent
}

// finished counts the interactions the bot logged as done, by outcome.
func (s *liveServe) finished() map[string]int {
	out := map[string]int{}
	for _, m := range regexp.MustCompile(`msg=interaction .* outcome=(\w+)`).FindAllStringSubmatch(s.stderr.String(), -1) {
		out[m[1]]++
	}
	return out
}

// answer waits until every interaction asked so far is done, then returns
// the final reply to sent: its content and its embeds as JSON.
func (s *liveServe) answer(sent fakediscord.Sent) (string, string) {
	s.t.Helper()
	deadline := time.Now().Add(livePatience)
	for {
		n := 0
		for _, c := range s.finished() {
			n += c
		}
		if n >= len(s.sent) {
			break
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%d of %d interactions finished\nlogs:\n%s", n, len(s.sent), s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	var final fakediscord.Request
	for _, r := range s.fake.Requests() {
		if r.Is("PATCH", "/webhooks/*/"+sent.Token+"/messages/@original") {
			final = r
		}
	}
	content, _ := final.Object()["content"].(string)
	embeds, _ := json.Marshal(final.Object()["embeds"])
	return content, string(embeds)
}

// checkEveryInteraction asserts each interaction was acknowledged once
// and finished once, answered or declined, never failed.
func (s *liveServe) checkEveryInteraction() {
	s.t.Helper()
	if len(s.sent) > 0 {
		s.answer(s.sent[len(s.sent)-1])
	}
	if got := s.finished(); got["answered"]+got["declined"] != len(s.sent) || len(got) > 2 {
		s.t.Errorf("interactions finished %v, want %d answered or declined", got, len(s.sent))
	}
	for _, sent := range s.sent {
		acks := 0
		for _, r := range s.fake.Requests() {
			if r.Is("POST", "/interactions/"+sent.ID+"/"+sent.Token+"/callback") {
				acks++
			}
			if strings.Contains(r.Path, sent.Token) && strings.Contains(string(r.Raw), "Sorry") {
				s.t.Errorf("interaction %s failed: %s", sent.ID, r.Raw)
			}
		}
		if acks != 1 {
			s.t.Errorf("interaction %s acknowledged %d times", sent.ID, acks)
		}
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeFollowsTheCorpusFolder: with `kabar serve` running, a new
// article becomes answerable and a removed one disappears, with every
// question asked around the swaps answered exactly once.
func TestServeFollowsTheCorpusFolder(t *testing.T) {
	corpus := t.TempDir()
	writeFile(t, filepath.Join(corpus, "kursk.md"), kursk)
	writeFile(t, filepath.Join(corpus, "lavrov.md"), lavrovMD)
	s := startLiveServe(t, corpus, "")
	if h := s.get("/healthz"); !strings.Contains(h, "ok\nindex generation 1, updated ") {
		t.Errorf("/healthz at start: %q", h)
	}
	if m := s.get("/metrics"); !strings.Contains(m, "kabar_index_generation 1\n") || !strings.Contains(m, "kabar_index_updated_timestamp_seconds ") {
		t.Errorf("/metrics lacks the index generation")
	}

	// A new article, with questions in flight while it is indexed. How
	// long it takes to become answerable is logged, never asserted.
	written := time.Now()
	writeFile(t, filepath.Join(corpus, "2025", "kalma.md"), kalmaMD)
	for _, q := range []string{"How many engineers did North Korea promise?", "Who arrived in Pyongyang on Friday?", "How many guests can the Kalma resort hold?"} {
		s.ask(q)
	}
	s.waitGeneration(2)
	content, embeds := s.answer(s.ask("How many guests can the Kalma resort hold?"))
	if !strings.Contains(content, "20,000") || !strings.Contains(embeds, "Kalma resort opens") {
		t.Errorf("the new article is not answerable: %s\n%s", content, embeds)
	}
	t.Logf("the new article was answered %v after it was written", time.Since(written).Round(time.Millisecond))
	if m := s.get("/metrics"); !strings.Contains(m, "kabar_index_generation 2\n") {
		t.Errorf("/metrics does not show generation 2")
	}

	// A removed article leaves, with questions in flight again.
	removed := time.Now()
	if err := os.Remove(filepath.Join(corpus, "kursk.md")); err != nil {
		t.Fatal(err)
	}
	s.ask("How many engineers did North Korea promise?")
	s.ask("How many guests can the Kalma resort hold?")
	s.waitGeneration(3)
	content, embeds = s.answer(s.ask("How many engineers did North Korea promise?"))
	if strings.Contains(content, "6,000") || strings.Contains(embeds, "Engineers for Kursk") {
		t.Errorf("a removed article is still cited: %s\n%s", content, embeds)
	}
	t.Logf("the removed article was gone from the answer %v after its removal", time.Since(removed).Round(time.Millisecond))
	s.checkEveryInteraction()
}

// TestServeFollowsFeeds: a feed's new item becomes an article in the
// corpus folder and answerable without a restart; a broken feed is
// logged and does not stop the bot.
func TestServeFollowsFeeds(t *testing.T) {
	page := `<html><head><title>Kalma resort opens - Harbour Times</title><meta property="og:site_name" content="Harbour Times"></head>
<body><div class="menu"><a href="/">Home</a></div><article><h1>Kalma resort opens</h1>
<p>The Kalma resort in Wonsan opened on 1 July 2025 with room for 20,000 guests, state media said.</p>
<p>Foreign tourists are not yet allowed, the operator said.</p></article></body></html>`
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Kalma resort opens</title><link>%s/world/kalma</link><pubDate>Tue, 01 Jul 2025 09:00:00 +0900</pubDate></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<rss><channel><item>") })
	mux.HandleFunc("/world/kalma", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	corpus := t.TempDir()
	writeFile(t, filepath.Join(corpus, "kursk.md"), kursk)
	s := startLiveServe(t, corpus, fmt.Sprintf("feeds:\n  urls: [%q, %q]\n", srv.URL+"/broken.xml", srv.URL+"/rss.xml"))
	s.waitGeneration(2)
	files, _ := filepath.Glob(filepath.Join(corpus, "feeds", "*.md"))
	if len(files) != 1 {
		t.Fatalf("feed articles: %v", files)
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), "outlet: Harbour Times\n") || !strings.Contains(string(raw), "published: \"2025-07-01T09:00:00+09:00\"\n") {
		t.Errorf("feed article front matter:\n%s", raw)
	}
	content, embeds := s.answer(s.ask("How many guests can the Kalma resort hold?"))
	if !strings.Contains(content, "20,000") || !strings.Contains(embeds, "Kalma resort opens") {
		t.Errorf("the feed article is not answerable: %s\n%s", content, embeds)
	}
	if n := strings.Count(s.stderr.String(), "broken.xml"); n != 1 {
		t.Errorf("the broken feed is logged %d times, want once:\n%s", n, s.stderr.String())
	}
	s.checkEveryInteraction()
}

// TestIndexFeeds: `kabar index --feeds` polls once, then indexes.
func TestIndexFeeds(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id><updated>2025-07-12T10:00:00Z</updated>
<entry><title>Lavrov in Pyongyang</title><link href="%s/lavrov"/><id>urn:l</id><updated>2025-07-12T10:00:00Z</updated></entry>
<entry><title>Gone</title><link href="%s/gone"/><id>urn:g</id><updated>2025-07-12T10:00:00Z</updated></entry></feed>`, srv.URL, srv.URL)
	})
	mux.HandleFunc("/lavrov", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><article><h1>Lavrov in Pyongyang</h1><p>Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Friday for talks with his North Korean counterpart.</p></article></body></html>`)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	corpus := t.TempDir()
	writeFile(t, filepath.Join(corpus, "kursk.md"), kursk)
	cfg := filepath.Join(t.TempDir(), "kabar.yaml")
	writeFile(t, cfg, fmt.Sprintf("feeds:\n  urls: [%q]\n", srv.URL+"/atom.xml"))
	var stdout, stderr lockedBuffer
	err := run(context.Background(), []string{"kabar", "index", "--feeds", "--config", cfg, "--corpus", corpus, "--data", t.TempDir()}, &stdout, &stderr, func(string) string { return "" })
	if err != nil {
		t.Fatalf("index --feeds: %v\n%s", err, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "2 documents") {
		t.Errorf("stdout: %s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "feeds: 1 new articles") || strings.Count(stderr.String(), "/gone") != 1 || !strings.Contains(stderr.String(), "404") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
