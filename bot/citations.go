package bot

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// Members see a source by a readable name — outlet or site, date, short
// title — and its quote; never the article id or offsets. "Check
// citations" still re-verifies a message long after the bot forgot it:
// it reads each source back from the Sources block (number, link, quote)
// and finds the quote again in the article (restoreCitation).
//
// Messages posted by earlier versions carried a locator line per field
// (`doc_id` ¶3 · 120–260); those are still read.
var (
	citationName    = regexp.MustCompile(`^\[(\d{1,6})\]\s?(.*)$`)
	citationLocator = regexp.MustCompile("^`([^`]+)` ¶(\\d+) · (\\d+)–(\\d+)$")
	citationMarker  = regexp.MustCompile(`\[(\d{1,6})\]`)
	quotedText      = regexp.MustCompile(`“([^”]+)”`)
	// A source line of the Sources block: **[n]** label, or **[n]** [label](url).
	sourceLine = regexp.MustCompile(`^\*\*\[(\d{1,6})\]\*\* (?:\[(.*)\]\((https?://[^\s()]+)\)|(.*))$`)
)

const (
	maxDocIDShown    = 200
	maxShortTitle    = 60
	maxSourceLabel   = 120
	minQuoteToSearch = 12 // characters of a read-back quote worth searching for
)

// sourceName is how a source is called in running text: the outlet, else
// the article's site, else its short title, else "Article n".
func sourceName(c answer.Citation, l lang) string {
	if s := outletOrSite(c); s != "" {
		return s
	}
	if t := shortTitle(c.Title); t != "" {
		return t
	}
	return txtArticle.f(l, c.N)
}

// sourceLabel is a source's line in the Sources block:
// "Outlet or site · date — short title". The outlet appears only where
// the article states it; a missing title falls back to "Article n".
func sourceLabel(c answer.Citation, l lang) string {
	var head []string
	if s := outletOrSite(c); s != "" {
		head = append(head, s)
	}
	if d := oneLine(c.Published); d != "" {
		head = append(head, d)
	}
	title := shortTitle(c.Title)
	if title == "" {
		title = txtArticle.f(l, c.N)
	}
	if len(head) == 0 {
		return truncate(title, maxSourceLabel)
	}
	return truncate(strings.Join(head, " · ")+" — "+title, maxSourceLabel)
}

func outletOrSite(c answer.Citation) string {
	if o := oneLine(c.Outlet); o != "" {
		return truncate(o, 40)
	}
	if u, err := url.Parse(strings.TrimSpace(c.URL)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// shortTitle drops a " | section" tail and shortens on a word boundary.
func shortTitle(t string) string {
	t = oneLine(t)
	if k := strings.Index(t, " | "); k > 0 {
		t = strings.TrimSpace(t[:k])
	}
	if utf8.RuneCountInString(t) <= maxShortTitle {
		return t
	}
	r := []rune(t)
	cut := maxShortTitle - 1
	for k := cut; k > maxShortTitle/2; k-- {
		if r[k] == ' ' {
			cut = k
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:–—-") + "…"
}

// linkTarget is u when it is a plain http(s) address safe inside a
// masked link, else "".
func linkTarget(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || strings.ContainsAny(u, " <>()[]\"`\n") || len(u) > 512 {
		return ""
	}
	return u
}

// markdownSafe keeps article text from turning into Discord formatting.
func markdownSafe(s string) string {
	return strings.NewReplacer("*", "\\*", "_", "\\_", "~", "\\~", "|", "\\|", "`", "'", ">", "›").Replace(s)
}

func unMarkdown(s string) string {
	return strings.NewReplacer("\\*", "*", "\\_", "_", "\\~", "~", "\\|", "|").Replace(s)
}

// citationField is the field layout of earlier versions, kept so that
// tests can build such messages and Check citations still reads them.
func citationField(c answer.Citation) *discordgo.MessageEmbedField {
	title := c.Title
	if strings.TrimSpace(title) == "" {
		title = c.Doc
	}
	name := truncate(fmt.Sprintf("[%d] %s", c.N, oneLine(title)), maxFieldName)
	locator := fmt.Sprintf("`%s` ¶%d · %d–%d", truncate(codeSafe(c.Doc), maxDocIDShown), c.Paragraph, c.ByteStart, c.ByteEnd)
	var meta []string
	for _, s := range []string{c.Outlet, c.Published} {
		if s = oneLine(s); s != "" {
			meta = append(meta, s)
		}
	}
	head := truncate(strings.Join(meta, " · "), 200)
	budget := maxFieldValue - textLen(locator) - len("\n> \n")
	if head != "" {
		budget -= textLen(head) + 1
	}
	value := "> " + truncate(oneLine(c.Quote), budget) + "\n" + locator
	if head != "" {
		value = head + "\n" + value
	}
	return &discordgo.MessageEmbedField{Name: name, Value: value}
}

// parseCitationField reads back what citationField wrote. The quote may
// be truncated; restoreCitation re-reads it from the article.
func parseCitationField(f *discordgo.MessageEmbedField) (answer.Citation, bool) {
	if f == nil {
		return answer.Citation{}, false
	}
	nm := citationName.FindStringSubmatch(f.Name)
	if nm == nil {
		return answer.Citation{}, false
	}
	lines := strings.Split(f.Value, "\n")
	loc := citationLocator.FindStringSubmatch(lines[len(lines)-1])
	if loc == nil {
		return answer.Citation{}, false
	}
	var c answer.Citation
	c.N, _ = strconv.Atoi(nm[1])
	c.Title = strings.TrimSuffix(nm[2], "…")
	c.Doc = loc[1]
	c.Paragraph, _ = strconv.Atoi(loc[2])
	c.ByteStart, _ = strconv.Atoi(loc[3])
	c.ByteEnd, _ = strconv.Atoi(loc[4])
	for _, l := range lines[:len(lines)-1] {
		if q, ok := strings.CutPrefix(l, "> "); ok {
			c.Quote = q
		} else if c.Outlet == "" {
			parts := strings.SplitN(l, " · ", 2)
			c.Outlet = parts[0]
			if len(parts) == 2 {
				c.Published = parts[1]
			}
		}
	}
	return c, true
}

// parseSourcesBlock reads back the sources of a Sources block: number,
// label (kept as Title), link and quote. Doc is empty: restoreCitation
// finds the article.
func parseSourcesBlock(desc string) []answer.Citation {
	var out []answer.Citation
	for _, line := range strings.Split(desc, "\n") {
		if m := sourceLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			c := answer.Citation{N: n, Title: unMarkdown(m[4]), URL: m[3]}
			if m[2] != "" {
				c.Title = unMarkdown(m[2])
			}
			out = append(out, c)
			continue
		}
		if q, ok := strings.CutPrefix(line, "> "); ok && len(out) > 0 && out[len(out)-1].Quote == "" {
			out[len(out)-1].Quote = q
		}
	}
	return out
}

// citationsFromEmbeds collects the citations of a Kabar message's source
// embeds, ordered by marker.
func citationsFromEmbeds(embeds []*discordgo.MessageEmbed) []answer.Citation {
	var out []answer.Citation
	seen := map[int]bool{}
	add := func(c answer.Citation) {
		if !seen[c.N] {
			seen[c.N] = true
			out = append(out, c)
		}
	}
	for _, e := range embeds {
		if e == nil {
			continue
		}
		for _, f := range e.Fields {
			if c, ok := parseCitationField(f); ok {
				add(c)
			}
		}
		for _, c := range parseSourcesBlock(e.Description) {
			add(c)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].N < out[b].N })
	return out
}

// restoreCitation completes a citation read back from an embed with the
// article's current text and metadata. A citation without an article id
// (the Sources block shows none) is found by its quote, looked up first
// in the articles whose address or title matches. ok is false when the
// article, the quote or the offsets are gone.
func restoreCitation(c answer.Citation, lib Library) (answer.Citation, bool) {
	if c.Doc == "" {
		found, ok := findQuote(c, lib)
		if !ok {
			return c, false
		}
		c = found
	}
	doc, found := lib.Document(c.Doc)
	if !found {
		return c, false
	}
	if doc.Title != "" {
		c.Title = doc.Title
	}
	if doc.Outlet != "" {
		c.Outlet = doc.Outlet
	}
	if doc.Published != "" {
		c.Published = doc.Published
	}
	if doc.URL != "" {
		c.URL = doc.URL
	}
	text := doc.Text
	if c.ByteStart < 0 || c.ByteEnd > len(text) || c.ByteStart > c.ByteEnd ||
		!boundary(text, c.ByteStart) || !boundary(text, c.ByteEnd) {
		return c, false
	}
	c.Quote = text[c.ByteStart:c.ByteEnd]
	c.Start = utf8.RuneCountInString(text[:c.ByteStart])
	c.End = c.Start + utf8.RuneCountInString(c.Quote)
	if c.Passage == "" {
		c.Passage = paragraphText(lib, c.Doc, c.Paragraph)
	}
	return c, true
}

// findQuote locates a read-back quote (possibly cut with "…") in the
// library and fills in the article id, paragraph and byte offsets; the
// quote is extended to the end of its sentence when it was cut.
func findQuote(c answer.Citation, lib Library) (answer.Citation, bool) {
	q := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c.Quote), "…"))
	cut := q != strings.TrimSpace(c.Quote)
	if t := strings.TrimRight(q, " .!?"); t != q { // a sentence read from the content: "… diserang ."
		q, cut = t, true
	}
	if utf8.RuneCountInString(q) < minQuoteToSearch {
		return c, false
	}
	docs := lib.Documents()
	sort.SliceStable(docs, func(a, b int) bool {
		return matchesLabel(docs[a].URL, docs[a].Title, c) && !matchesLabel(docs[b].URL, docs[b].Title, c)
	})
	unplain := strings.ReplaceAll(q, "] (", "](") // undo plain(): the article may hold a masked link
	for _, d := range docs {
		at := strings.Index(d.Text, q)
		if at < 0 && unplain != q {
			if at = strings.Index(d.Text, unplain); at >= 0 {
				q = unplain
			}
		}
		if at < 0 {
			continue
		}
		end := at + len(q)
		for _, p := range lib.Paragraphs(d.ID) {
			if p.Span.Start <= at && at < p.Span.End {
				c.Paragraph = p.Index
				if cut { // the sentence runs on, at most to the paragraph's end
					end = sentenceEnd(d.Text, end, p.Span.End)
				}
			}
		}
		c.Doc, c.ByteStart, c.ByteEnd = d.ID, at, end
		return c, true
	}
	return c, false
}

func matchesLabel(docURL, title string, c answer.Citation) bool {
	if c.URL != "" && docURL == c.URL {
		return true
	}
	st := shortTitle(title)
	return st != "" && strings.Contains(c.Title, strings.TrimSuffix(st, "…"))
}

// sentenceEnd is the end of the sentence running on from at, bounded by limit.
func sentenceEnd(text string, at, limit int) int {
	if limit > len(text) {
		limit = len(text)
	}
	for i := at; i < limit; i++ {
		switch text[i] {
		case '.', '!', '?':
			if i+1 == limit || text[i+1] == ' ' || text[i+1] == '\n' {
				return i + 1
			}
		}
	}
	return limit
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// paragraphText is the text of paragraph idx (1-based) of a document.
func paragraphText(lib Library, docID string, idx int) string {
	doc, ok := lib.Document(docID)
	if !ok {
		return ""
	}
	for _, p := range lib.Paragraphs(docID) {
		if p.Index == idx && p.Span.Start >= 0 && p.Span.End <= len(doc.Text) && p.Span.Start <= p.Span.End {
			return doc.Text[p.Span.Start:p.Span.End]
		}
	}
	return ""
}

// markers lists the distinct [n] markers of text, in order of appearance.
func markers(text string) []int {
	var out []int
	seen := map[int]bool{}
	for _, m := range citationMarker.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// withURLs fills in each citation's article address from the library.
func withURLs(r answer.Result, lib Library) answer.Result {
	if len(r.Citations) == 0 || lib == nil {
		return r
	}
	cits := append([]answer.Citation(nil), r.Citations...)
	for k, c := range cits {
		if c.URL == "" {
			if d, ok := lib.Document(c.Doc); ok {
				cits[k].URL = d.URL
			}
		}
	}
	r.Citations = cits
	return r
}

// citationsFromMessage is citationsFromEmbeds for a whole Kabar message:
// a source whose quote the Sources block left out (because the content
// already shows it) gets the quote next to its marker in the content —
// "According to X [1]: “…”" or "“…” [1]" — else the sentence carrying
// the marker.
func citationsFromMessage(m *discordgo.Message) []answer.Citation {
	if m == nil {
		return nil
	}
	cits := citationsFromEmbeds(m.Embeds)
	quotes := quotedText.FindAllStringSubmatchIndex(m.Content, -1)
	for k, c := range cits {
		if c.Doc != "" || c.Quote != "" {
			continue
		}
		if q := quoteNearMarker(m.Content, quotes, c.N); q != "" {
			cits[k].Quote = q
			continue
		}
		for _, s := range splitSentences(m.Content) {
			if containsInt(markers(s), c.N) {
				cits[k].Quote = strings.TrimSpace(citationMarker.ReplaceAllString(s, ""))
				break
			}
		}
	}
	return cits
}

// quoteNearMarker is the quoted text that marker [n] belongs to: the
// quote just after it ("[1]: “…”"), else the one just before it
// ("“…” [1]").
func quoteNearMarker(text string, quotes [][]int, n int) string {
	mark := fmt.Sprintf("[%d]", n)
	for from := 0; ; {
		at := strings.Index(text[from:], mark)
		if at < 0 {
			return ""
		}
		at += from
		end := at + len(mark)
		for _, q := range quotes { // just after: only punctuation and other markers between
			if q[0] >= end && strings.Trim(citationMarker.ReplaceAllString(text[end:q[0]], ""), " :") == "" {
				return text[q[2]:q[3]]
			}
		}
		for k := len(quotes) - 1; k >= 0; k-- { // just before
			q := quotes[k]
			if q[1] <= at && strings.TrimSpace(citationMarker.ReplaceAllString(text[q[1]:at], "")) == "" {
				return text[q[2]:q[3]]
			}
		}
		from = end
	}
}

// splitSentences cuts text after each run of markers that ends a sentence.
func splitSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, s := range strings.SplitAfter(line, "]. ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
