// Package feeds follows RSS and Atom feeds into the corpus folder. Each
// poll fetches every configured feed (conditionally, with the ETag and
// Last-Modified remembered from the last poll), fetches the page of each
// item not seen before within a size and a time limit, extracts its main
// text with the extractor the corpus uses for .html files
// (retrieval.ParseDocument) and writes it as a Markdown article with
// front matter (title, url, outlet, published: only what the feed and the
// page state) under the corpus folder. So the corpus stays a plain folder
// a person can read and edit, and indexing needs nothing feed-specific.
//
// A file is named stably from the item's URL and never overwrites a file
// that is there, whoever wrote it. A bad feed or page is logged (one
// line) and skipped; nothing here stops the caller.
package feeds

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
	"gopkg.in/yaml.v3"

	"github.com/kabar-bot/kabar/retrieval"
)

// Defaults for Options' zero values.
const (
	DefaultFolder       = "feeds"
	DefaultTimeout      = 20 * time.Second
	DefaultMaxFeedBytes = 8 << 20
	DefaultMaxPageBytes = 2 << 20
	// maxTries is how many polls retry an item whose page failed.
	maxTries = 3
	// maxItemsPerFeed bounds the items one poll considers in one feed.
	maxItemsPerFeed = 200
)

// Options configures a Poller.
type Options struct {
	URLs      []string // RSS or Atom feeds
	CorpusDir string   // the corpus folder
	Folder    string   // the folder inside CorpusDir items are written to; "" = DefaultFolder
	StateFile string   // where ETags, Last-Modified dates and seen items are remembered
	// Timeout bounds each request, feed or page, body included.
	Timeout time.Duration
	// MaxFeedBytes bounds a feed document; a larger one is skipped.
	MaxFeedBytes int64
	// MaxPageBytes bounds a page; a larger one is cut at the limit (and
	// logged) and its beginning extracted.
	MaxPageBytes int64
	Client       *http.Client // nil: a client of its own
	UserAgent    string
	Logger       *slog.Logger
}

// Result counts what one poll did.
type Result struct {
	Feeds       int      // feeds fetched and parsed
	NotModified int      // feeds answering 304 Not Modified
	FeedErrors  int      // feeds that failed (logged)
	PageErrors  int      // item pages that failed (logged)
	Existing    int      // items whose file was already there (never overwritten)
	Written     []string // corpus paths of the articles written, slash-separated
}

// Poller polls feeds. Its methods are safe for concurrent use; polls run
// one at a time.
type Poller struct {
	o      Options
	client *http.Client
	log    *slog.Logger
	mu     sync.Mutex
}

// New checks o and returns a Poller.
func New(o Options) (*Poller, error) {
	if o.CorpusDir == "" {
		return nil, errors.New("feeds: the corpus must be a folder (set corpus or --corpus): feed articles are written into it")
	}
	if o.StateFile == "" {
		return nil, errors.New("feeds: no state file")
	}
	for _, u := range o.URLs {
		if err := checkURL(u); err != nil {
			return nil, fmt.Errorf("feeds: %s: %w", u, err)
		}
	}
	if o.Folder == "" {
		o.Folder = DefaultFolder
	}
	o.Folder = filepath.ToSlash(filepath.Clean(o.Folder))
	if filepath.IsAbs(o.Folder) || o.Folder == ".." || strings.HasPrefix(o.Folder, "../") {
		return nil, fmt.Errorf("feeds: folder %q must be inside the corpus folder", o.Folder)
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxFeedBytes <= 0 {
		o.MaxFeedBytes = DefaultMaxFeedBytes
	}
	if o.MaxPageBytes <= 0 {
		o.MaxPageBytes = DefaultMaxPageBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = "Kabar (+https://github.com/kabar-bot/kabar)"
	}
	p := &Poller{o: o, client: o.Client, log: o.Logger}
	if p.client == nil {
		p.client = &http.Client{} // every request carries its own deadline
	}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	p.log = p.log.With("component", "feeds")
	return p, nil
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return errors.New("want an http:// or https:// URL")
	}
	return nil
}

// Poll polls every feed once and writes the new items' articles.
func (p *Poller) Poll(ctx context.Context) Result {
	p.mu.Lock()
	defer p.mu.Unlock()
	var res Result
	st := loadState(p.o.StateFile, p.log)
	for _, u := range p.o.URLs {
		if ctx.Err() != nil {
			break
		}
		fs := st.Feeds[u]
		if fs == nil {
			fs = &feedState{Items: map[string]*itemState{}}
			st.Feeds[u] = fs
		}
		p.pollFeed(ctx, u, fs, &res)
	}
	for u := range st.Feeds {
		if !contains(p.o.URLs, u) {
			delete(st.Feeds, u)
		}
	}
	if err := st.save(p.o.StateFile); err != nil {
		p.log.Warn("could not remember what the feeds sent; the next poll fetches them again", "state", p.o.StateFile, "error", err.Error())
	}
	if len(res.Written) > 0 || res.FeedErrors > 0 || res.PageErrors > 0 {
		p.log.Info("feeds polled", "feeds", res.Feeds, "not_modified", res.NotModified, "new_articles", len(res.Written),
			"feed_errors", res.FeedErrors, "page_errors", res.PageErrors)
	}
	return res
}

// Run polls now and then every interval until ctx ends, calling written
// (may be nil) after a poll that wrote articles.
func (p *Poller) Run(ctx context.Context, interval time.Duration, written func([]string)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if res := p.Poll(ctx); len(res.Written) > 0 && written != nil && ctx.Err() == nil {
			written(res.Written)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// pollFeed fetches one feed and the pages of its new items.
func (p *Poller) pollFeed(ctx context.Context, feedURL string, fs *feedState, res *Result) {
	log := p.log.With("feed", feedURL)
	// Items still to retry are in the feed as it was: ask for it whole.
	conditional := !fs.pending()
	body, hdr, status, err := p.get(ctx, feedURL, "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5", p.o.MaxFeedBytes, fs, conditional)
	switch {
	case err != nil:
		res.FeedErrors++
		log.Warn("feed skipped", "error", err.Error())
		return
	case status == http.StatusNotModified:
		res.NotModified++
		log.Debug("feed not modified")
		return
	}
	if int64(len(body)) > p.o.MaxFeedBytes {
		res.FeedErrors++
		log.Warn("feed skipped: larger than the limit", "limit_bytes", p.o.MaxFeedBytes)
		return
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		res.FeedErrors++
		log.Warn("feed skipped: not an RSS or Atom feed", "error", oneLine(err.Error()))
		return
	}
	res.Feeds++
	base, _ := url.Parse(feedURL)
	inFeed := map[string]bool{}
	for i, item := range feed.Items {
		if ctx.Err() != nil {
			return // nothing remembered: the next poll starts over
		}
		if i >= maxItemsPerFeed {
			log.Warn("feed has more items than one poll takes; the rest wait for the next poll", "items", len(feed.Items), "taken", maxItemsPerFeed)
			break
		}
		link := itemURL(base, item)
		if link == "" {
			log.Debug("feed item without a link skipped", "title", oneLine(item.Title))
			continue
		}
		inFeed[link] = true
		is := fs.Items[link]
		if is != nil && is.Done {
			continue
		}
		if is == nil {
			is = &itemState{}
			fs.Items[link] = is
		}
		rel := p.fileFor(link)
		abs := filepath.Join(p.o.CorpusDir, filepath.FromSlash(rel))
		if _, err := os.Lstat(abs); err == nil {
			res.Existing++
			is.Done, is.File = true, rel
			continue
		}
		err := p.fetchItem(ctx, log, feedURL, feed, item, link, abs)
		if errors.Is(err, errExists) {
			res.Existing++
			is.Done, is.File = true, rel
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			is.Tries++
			is.Done = is.Tries >= maxTries
			res.PageErrors++
			log.Warn("feed item skipped", "url", link, "error", oneLine(err.Error()), "try", is.Tries, "gives_up", is.Done)
			continue
		}
		is.Done, is.File = true, rel
		res.Written = append(res.Written, rel)
		log.Info("feed article written", "url", link, "path", rel)
	}
	// Items that left the feed are forgotten, so the state stays the size
	// of the feeds.
	for link := range fs.Items {
		if !inFeed[link] {
			delete(fs.Items, link)
		}
	}
	fs.ETag, fs.LastModified = hdr.Get("ETag"), hdr.Get("Last-Modified")
}

// itemURL is the item's page URL, absolute, without its fragment.
func itemURL(base *url.URL, item *gofeed.Item) string {
	cands := append([]string{item.Link}, item.Links...)
	if strings.HasPrefix(item.GUID, "http://") || strings.HasPrefix(item.GUID, "https://") {
		cands = append(cands, item.GUID)
	}
	for _, c := range cands {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			continue
		}
		u.Fragment, u.RawFragment = "", ""
		return u.String()
	}
	return ""
}

// fileFor names an item's article from its URL: stable across polls and
// processes, readable, and unique (a hash of the whole URL ends it).
func (p *Poller) fileFor(link string) string {
	sum := sha256.Sum256([]byte(link))
	u, _ := url.Parse(link)
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	last := ""
	if segs := strings.Split(strings.Trim(u.Path, "/"), "/"); len(segs) > 0 {
		last = segs[len(segs)-1]
		last = strings.TrimSuffix(last, path.Ext(last))
	}
	name := slug(host)
	if s := slug(last); s != "" {
		name += "-" + s
	}
	return path.Join(p.o.Folder, name+"-"+hex.EncodeToString(sum[:4])+".md")
}

// slug keeps letters and digits (lower-cased), turns runs of anything else
// into one hyphen and bounds the length.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return b.String()
}

var errExists = errors.New("a file is already there")

// fetchItem fetches an item's page, extracts it and writes the article.
func (p *Poller) fetchItem(ctx context.Context, log *slog.Logger, feedURL string, feed *gofeed.Feed, item *gofeed.Item, link, abs string) error {
	body, hdr, _, err := p.get(ctx, link, "text/html, application/xhtml+xml;q=0.9, */*;q=0.1", p.o.MaxPageBytes, nil, false)
	if err != nil {
		return err
	}
	if ct := hdr.Get("Content-Type"); ct != "" {
		mt, _, _ := mime.ParseMediaType(ct)
		if mt != "text/html" && mt != "application/xhtml+xml" {
			return fmt.Errorf("not an HTML page (%s)", mt)
		}
	}
	if int64(len(body)) > p.o.MaxPageBytes {
		body = cutUTF8(body[:p.o.MaxPageBytes])
		log.Warn("page larger than the limit: cut at the limit, its beginning extracted", "url", link, "limit_bytes", p.o.MaxPageBytes)
	}
	body = withHeaderCharset(body, hdr.Get("Content-Type"))
	doc, err := retrieval.ParseDocumentContext(ctx, "page.html", body)
	if err != nil {
		return fmt.Errorf("extract: %s", strings.TrimPrefix(err.Error(), "parse page.html: "))
	}
	text := fenceNotEvidence(doc.Text, doc.NotEvidence)
	article, err := render(frontMatter(feedURL, feed, item, link, doc), text)
	if err != nil {
		return err
	}
	if len(article) > retrieval.MaxFileBytes {
		return fmt.Errorf("the extracted article is larger than the corpus limit (%d bytes)", retrieval.MaxFileBytes)
	}
	return writeNew(abs, article)
}

// get fetches u with a deadline of Timeout for the whole exchange and
// reads at most limit+1 bytes of the body (so callers can tell a body
// over the limit). fs, when not nil and conditional, supplies the
// validators of the last response.
func (p *Poller) get(ctx context.Context, u, accept string, limit int64, fs *feedState, conditional bool) ([]byte, http.Header, int, error) {
	ctx, cancel := context.WithTimeout(ctx, p.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, nil, 0, err
	}
	req.Header.Set("User-Agent", p.o.UserAgent)
	req.Header.Set("Accept", accept)
	if fs != nil && conditional {
		if fs.ETag != "" {
			req.Header.Set("If-None-Match", fs.ETag)
		}
		if fs.LastModified != "" {
			req.Header.Set("If-Modified-Since", fs.LastModified)
		}
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, nil, 0, timeoutError(ctx, err, p.o.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && fs != nil {
		return nil, resp.Header, resp.StatusCode, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, resp.StatusCode, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, nil, resp.StatusCode, timeoutError(ctx, err, p.o.Timeout)
	}
	return body, resp.Header, resp.StatusCode, nil
}

func timeoutError(ctx context.Context, err error, limit time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s", limit)
	}
	return err
}

// cutUTF8 drops an incomplete UTF-8 sequence a cut left at the end, so a
// UTF-8 page cut short still reads as UTF-8.
func cutUTF8(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return b // ASCII: no sequence is open
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}

// withHeaderCharset applies the charset an HTTP Content-Type header names,
// which outranks the page's own <meta> (as in browsers): the body is
// decoded with it and handed on as UTF-8 with a byte order mark, the one
// signal retrieval's decoder puts first. A page with its own byte order
// mark, or without a header charset, is left as it is.
func withHeaderCharset(body []byte, contentType string) []byte {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return body
	}
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(body, []byte{0xFF, 0xFE}) || bytes.HasPrefix(body, []byte{0xFE, 0xFF}) {
		return body
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil {
		return body
	}
	if name == "utf-8" && !utf8.Valid(body) {
		return body // the header is wrong; let the decoder judge the bytes
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return append([]byte("\xef\xbb\xbf"), out...)
}

// fenceNotEvidence puts the spans the extractor marked as not evidence
// (code, tables of contents, link lists) between ``` fences, which mark
// them again when the Markdown article is read.
func fenceNotEvidence(text string, spans []retrieval.Span) string {
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(text[pos:sp.Start])
		if sp.Start > 0 && text[sp.Start-1] != '\n' {
			b.WriteByte('\n')
		}
		inner := strings.TrimRight(text[sp.Start:sp.End], "\n")
		b.WriteString("```\n" + strings.ReplaceAll(inner, "```", "'''") + "\n```\n")
		pos = sp.End
		if pos < len(text) && text[pos] == '\n' && !strings.HasSuffix(text[sp.Start:sp.End], "\n") {
			pos++
		}
	}
	b.WriteString(text[pos:])
	return b.String()
}

// fields are the front matter of an article written from a feed item.
type fields struct {
	Title     string `yaml:"title,omitempty"`
	URL       string `yaml:"url"`
	Outlet    string `yaml:"outlet,omitempty"`
	Published string `yaml:"published,omitempty"`
	Author    string `yaml:"author,omitempty"`
	Feed      string `yaml:"feed,omitempty"` // provenance; Kabar's reader ignores it
}

// frontMatter takes each field from where it is stated: the title and
// date the feed gives the item (the page's when it gives none), the outlet
// the page names itself (the feed's title when it does not). Nothing is
// made up: a field no one states is left out.
func frontMatter(feedURL string, feed *gofeed.Feed, item *gofeed.Item, link string, doc retrieval.Document) fields {
	f := fields{URL: link, Feed: feedURL}
	f.Title = firstNonEmpty(oneLine(item.Title), doc.Title)
	f.Outlet = firstNonEmpty(doc.Outlet, oneLine(feed.Title))
	f.Published = firstNonEmpty(statedTime(item.Published), doc.Published)
	var authors []string
	for _, a := range item.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			authors = append(authors, oneLine(a.Name))
		}
	}
	f.Author = firstNonEmpty(strings.Join(authors, ", "), doc.Author)
	return f
}

// feedTimeLayouts are the ways feeds write dates (RSS: RFC 822 and its
// variants; Atom: RFC 3339).
var feedTimeLayouts = []string{time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", time.RFC822Z, time.RFC822}

// statedTime writes a feed's date as RFC 3339 in the zone it was stated in
// (gofeed's parsed times are in UTC, which can move the day), or as it was
// written when it has another form (no zone, a date only, prose); the
// corpus reader takes the date from either.
func statedTime(raw string) string {
	raw = oneLine(raw)
	for _, l := range feedTimeLayouts {
		if t, err := time.Parse(l, raw); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return raw
}

func render(f fields, text string) ([]byte, error) {
	y, err := yaml.Marshal(f)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(y)
	b.WriteString("---\n\n")
	b.WriteString(strings.TrimLeft(text, "\n"))
	if !strings.HasSuffix(text, "\n") {
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// writeNew writes data to path only when nothing is there: it is written
// to a hidden temporary file next to it (which neither the indexer nor the
// watcher reads) and linked into place, which fails rather than replace a
// file that appeared meanwhile.
func writeNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".kabar-feed-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrExist):
		return errExists
	}
	// No hard links here (some network and FAT filesystems): create the
	// file exclusively instead.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return errExists
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
