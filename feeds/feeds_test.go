package feeds

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// logBuffer collects log lines from the poller.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// lines returns the log lines containing every one of subs.
func (l *logBuffer) lines(subs ...string) []string {
	var out []string
	for _, line := range strings.Split(l.String(), "\n") {
		ok := line != ""
		for _, s := range subs {
			ok = ok && strings.Contains(line, s)
		}
		if ok {
			out = append(out, line)
		}
	}
	return out
}

// site is a loopback news site with an RSS feed, an Atom feed, a broken
// feed, a 404 item, a 50 MB item and a page that never finishes.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	etag     string
	items    []string // paths listed in the RSS feed
	hits     map[string]int
	inm      []string // If-None-Match headers the RSS feed received
	released chan struct{}
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{etag: `"v1"`, items: []string{"/world/kalma-resort-opens.html", "/missing.html", "/huge.html"}, hits: map[string]int{}, released: make(chan struct{})}
	kalma, err := os.ReadFile("testdata/kalma.html")
	if err != nil {
		t.Fatal(err)
	}
	lavrov, err := os.ReadFile("testdata/lavrov.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.inm = append(s.inm, r.Header.Get("If-None-Match"))
		etag, items := s.etag, append([]string(nil), s.items...)
		s.mu.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Times — World</title><link>`+s.URL+`</link>`)
		for i, p := range items {
			fmt.Fprintf(w, `<item><title>Item %d title from the feed</title><link>%s%s</link><pubDate>Tue, 01 Jul 2025 0%d:30:00 +0900</pubDate></item>`, i, s.URL, p, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Pyongyang Wire</title><id>urn:x</id><updated>2025-07-12T10:00:00Z</updated>
<entry><title>Lavrov meets Kim in Wonsan</title><link href="/diplomacy/lavrov-kim#top"/><id>urn:lavrov</id><published>2025-07-12T10:00:00+09:00</published><updated>2025-07-12T10:00:00+09:00</updated><author><name>Ri Song</name></author></entry>
</feed>`)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body>This is not a feed</body></html>`)
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/world/", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(kalma)
	})
	mux.HandleFunc("/diplomacy/lavrov-kim", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		w.Header().Set("Content-Type", "text/html")
		w.Write(lavrov)
	})
	mux.HandleFunc("/huge.html", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Huge</title></head><body><article><p>The port of Rajin handled 50 ships in June, the port authority said.</p>`)
		filler := []byte(strings.Repeat("<p>Lorem ipsum dolor sit amet, ä consectetur.</p>\n", 1024))
		for n := 0; n < 50<<20; n += len(filler) {
			if _, err := w.Write(filler); err != nil {
				return // the client stopped reading at its limit
			}
		}
	})
	mux.HandleFunc("/stalls.html", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><p>The beginning`)
		w.(http.Flusher).Flush()
		select { // never finishes: the client's deadline ends it
		case <-r.Context().Done():
		case <-s.released:
		}
	})
	mux.HandleFunc("/stalls.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-s.released:
		}
	})
	mux.HandleFunc("/slowfeed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><item><title>Stalls</title><link>`+s.URL+`/stalls.html</link></item></channel></rss>`)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(func() {
		close(s.released)
		s.Close()
	})
	return s
}

func (s *site) hit(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[p]++
}

func (s *site) hitsOf(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func newPoller(t *testing.T, corpus string, logs *logBuffer, o Options) *Poller {
	t.Helper()
	o.CorpusDir = corpus
	if o.StateFile == "" {
		o.StateFile = filepath.Join(t.TempDir(), "feeds.json")
	}
	o.Logger = slog.New(slog.NewTextHandler(logs, nil))
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	o.Client = &http.Client{Transport: tr}
	p, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFeedItemsBecomeAnswerableArticles(t *testing.T) {
	s := newSite(t)
	corpus := t.TempDir()
	var logs logBuffer
	p := newPoller(t, corpus, &logs, Options{
		URLs:         []string{s.URL + "/rss.xml", s.URL + "/atom.xml", s.URL + "/broken.xml", s.URL + "/down.xml"},
		Timeout:      time.Minute, // generous: nothing here is slow
		MaxPageBytes: 256 << 10,   // extraction cost grows faster than the page: keep the cut page small
	})
	// A person's own file where the Atom item's article would go.
	personal := filepath.Join(corpus, filepath.FromSlash(p.fileFor(s.URL+"/diplomacy/lavrov-kim")))
	if err := os.MkdirAll(filepath.Dir(personal), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(personal, []byte("my own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	res := p.Poll(context.Background())
	if res.Feeds != 2 || res.FeedErrors != 2 {
		t.Errorf("feeds parsed %d, failed %d; want 2, 2\n%s", res.Feeds, res.FeedErrors, logs.String())
	}
	if res.Existing != 1 || read(t, personal) != "my own notes\n" {
		t.Errorf("a person's file was not left alone (existing=%d): %q", res.Existing, read(t, personal))
	}
	if len(res.Written) != 2 {
		t.Fatalf("written %v; want the Kalma article and the cut huge page\n%s", res.Written, logs.String())
	}
	for _, w := range []string{"broken.xml", "down.xml", "missing.html"} {
		if n := len(logs.lines("level=WARN", w)); n != 1 {
			t.Errorf("%d warning lines for %s, want 1:\n%s", n, w, logs.String())
		}
	}
	if l := logs.lines("level=WARN", "missing.html"); len(l) == 1 && !strings.Contains(l[0], "404") {
		t.Errorf("404 not said: %s", l[0])
	}
	if l := logs.lines("level=WARN", "huge.html", "cut at the limit"); len(l) != 1 {
		t.Errorf("the 50 MB page's cut is not logged once:\n%s", logs.String())
	}
	if n := s.hitsOf("/diplomacy/lavrov-kim"); n != 0 {
		t.Errorf("the page of an item whose file exists was fetched %d times", n)
	}

	kalmaPath := filepath.Join(corpus, filepath.FromSlash(p.fileFor(s.URL+"/world/kalma-resort-opens.html")))
	if !strings.HasPrefix(filepath.Base(kalmaPath), "127-0-0-1-kalma-resort-opens-") {
		t.Errorf("file name %s", kalmaPath)
	}
	kalma := read(t, kalmaPath)
	for _, want := range []string{
		"title: Item 0 title from the feed\n",
		"url: " + s.URL + "/world/kalma-resort-opens.html\n",
		"outlet: Harbour Times\n",
		"published: \"2025-07-01T00:30:00+09:00\"\n",
		"author: Min Ji\n",
		"room for 20,000 guests",
	} {
		if !strings.Contains(kalma, want) {
			t.Errorf("Kalma article lacks %q:\n%s", want, kalma)
		}
	}
	for _, junk := range []string{"cookies", "newsletter", "Other story one"} {
		if strings.Contains(kalma, junk) {
			t.Errorf("boilerplate %q kept:\n%s", junk, kalma)
		}
	}
	huge, err := os.Stat(filepath.Join(corpus, filepath.FromSlash(p.fileFor(s.URL+"/huge.html"))))
	if err != nil || huge.Size() > 256<<10 {
		t.Errorf("huge page article: %v, %d bytes", err, huge.Size())
	}

	// The articles are read by the indexer like any other and answer.
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, st, err := retrieval.Build(context.Background(), retrieval.Options{Corpus: os.DirFS(corpus), CorpusName: "feeds test",
		DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.Skipped != 0 {
		t.Errorf("the indexer skipped %d files", st.Skipped)
	}
	doc, ok := ix.Document(strings.TrimSuffix(p.fileFor(s.URL+"/world/kalma-resort-opens.html"), ".md"))
	if !ok || doc.Title != "Item 0 title from the feed" || doc.Outlet != "Harbour Times" || doc.Published != "2025-07-01" || doc.URL != s.URL+"/world/kalma-resort-opens.html" {
		t.Errorf("indexed document: %+v", doc)
	}
	res2, err := answer.NewService(ix, answer.Options{}, nil, nil).Answer(context.Background(), answer.Query{Question: "How many guests does the Kalma resort have room for?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res2.Answered || len(res2.Citations) == 0 || res2.Citations[0].Doc != doc.ID || !strings.Contains(res2.Answer, "20,000") {
		t.Errorf("feed article not answerable: %+v", res2)
	}

	// The next poll asks conditionally: 304, nothing fetched again. The
	// 404 item is retried, the feed being asked for whole while an item
	// waits for a retry.
	before := s.hitsOf("/world/kalma-resort-opens.html")
	res = p.Poll(context.Background())
	if len(res.Written) != 0 || s.hitsOf("/world/kalma-resort-opens.html") != before {
		t.Errorf("second poll wrote %v, fetched Kalma %d times more", res.Written, s.hitsOf("/world/kalma-resort-opens.html")-before)
	}
	p.Poll(context.Background()) // the 404 item's third and last try
	res = p.Poll(context.Background())
	s.mu.Lock()
	last := s.inm[len(s.inm)-1]
	s.mu.Unlock()
	if last != `"v1"` || res.NotModified != 1 {
		t.Errorf("fourth poll: If-None-Match %q, not modified %d", last, res.NotModified)
	}

	// A new item arrives; a deleted article is not fetched again.
	if err := os.Remove(kalmaPath); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	s.etag, s.items = `"v2"`, append([]string{"/world/second-story.html"}, s.items...)
	s.mu.Unlock()
	res = p.Poll(context.Background())
	if len(res.Written) != 1 || !strings.Contains(res.Written[0], "second-story") {
		t.Errorf("after the feed changed: wrote %v", res.Written)
	}
	if _, err := os.Stat(kalmaPath); err == nil {
		t.Error("an article deleted from the corpus was fetched again")
	}
}

func TestSlowServersTimeOut(t *testing.T) {
	s := newSite(t)
	corpus := t.TempDir()
	var logs logBuffer
	// Every request here stalls until the client gives up, so the short
	// deadline decides nothing but how long the test takes.
	p := newPoller(t, corpus, &logs, Options{URLs: []string{s.URL + "/stalls.xml", s.URL + "/slowfeed.xml"}, Timeout: 100 * time.Millisecond})
	res := p.Poll(context.Background())
	if res.FeedErrors != 1 || res.PageErrors != 1 || len(res.Written) != 0 {
		t.Errorf("result %+v\n%s", res, logs.String())
	}
	if l := logs.lines("level=WARN", "stalls.xml", "no complete answer within 100ms"); len(l) != 1 {
		t.Errorf("stalled feed not logged once as a timeout:\n%s", logs.String())
	}
	if l := logs.lines("level=WARN", "stalls.html", "no complete answer within 100ms"); len(l) != 1 {
		t.Errorf("stalled page not logged once as a timeout:\n%s", logs.String())
	}
	entries, _ := os.ReadDir(corpus)
	if len(entries) != 0 {
		t.Errorf("corpus has %d entries after timeouts", len(entries))
	}
}

func TestRunStopsWithItsContext(t *testing.T) {
	s := newSite(t)
	var logs logBuffer
	p := newPoller(t, t.TempDir(), &logs, Options{URLs: []string{s.URL + "/atom.xml"}, Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan []string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(ctx, time.Hour, func(w []string) { got <- w })
	}()
	w := <-got
	cancel()
	<-done
	if len(w) != 1 || !strings.Contains(w[0], "lavrov-kim") {
		t.Errorf("Run wrote %v", w)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	for _, o := range []Options{
		{URLs: []string{"http://x/feed"}, StateFile: "s"},                                   // no corpus folder
		{URLs: []string{"ftp://x/feed"}, CorpusDir: "c", StateFile: "s"},                    // scheme
		{URLs: []string{"http://x/feed"}, CorpusDir: "c", StateFile: "s", Folder: "../out"}, // outside
	} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) accepted", o)
		}
	}
}

func TestCutUTF8(t *testing.T) {
	b := []byte("aä") // a, 0xC3 0xA4
	if got := string(cutUTF8(b[:2])); got != "a" {
		t.Errorf("cut in a rune: %q", got)
	}
	if got := string(cutUTF8(b)); got != "aä" {
		t.Errorf("whole: %q", got)
	}
}
