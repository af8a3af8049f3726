package retrieval

import (
	"context"
	"index/suffixarray"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxExtractNodes bounds the pages handed to the extractor: its scoring
// walks the tree many times, and no article needs more elements.
const maxExtractNodes = 200_000

// mainContent returns the article's main content as found by
// go-trafilatura (with its Readability and DOM Distiller fallbacks), or
// nil when it finds none. Comments, navigation, banners, share boxes and
// related-article lists are left out; links are kept as <a> elements so
// that link lists can be told from prose. Trafilatura's own metadata and
// date guessing are not used: metadata comes only from what the page
// states (readPageMeta).
func mainContent(root *html.Node) *html.Node {
	if countNodes(root, maxExtractNodes) >= maxExtractNodes {
		return nil
	}
	keepProseAsides(root) // documentation's titled boxes are its text
	// No "baseline" rescue (MinExtractedSize 0): when trafilatura finds
	// little, its rescue flattens the page (or takes the JSON-LD
	// articleBody, which is not the visible text); Kabar's own body
	// rendering does better there.
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 0
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		Config:          cfg,
		EnableFallback:  nestedTextBytes(root, maxFallbackWork) <= maxFallbackWork,
		ExcludeComments: true,
		IncludeLinks:    true,
		IncludeImages:   true,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.Balanced,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return nil
	}
	return res.ContentNode
}

// maxFallbackWork bounds the pages trafilatura's fallbacks (Readability,
// DOM Distiller) see, in bytes of text times nesting depth: they weigh
// every candidate container by the text under it, so their work grows
// with the page's size times its depth. Real pages stay far below (a
// 2.5 MB Python documentation index: 5 MB; a 1 MiB article: 5 MB); a page
// nested hundreds of levels deep goes past it and is extracted by
// trafilatura alone.
const maxFallbackWork = 128 << 20

// nestedTextBytes sums, over the text under n, its length times its depth
// below n, stopping once the sum passes limit.
func nestedTextBytes(n *html.Node, limit int) int {
	type frame struct {
		n     *html.Node
		depth int
	}
	sum := 0
	stack := []frame{{n, 0}}
	for len(stack) > 0 && sum <= limit {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.n.Type == html.TextNode {
			sum += len(f.n.Data) * f.depth
		}
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, frame{c, f.depth + 1})
		}
	}
	return sum
}

// countNodes counts the element nodes under n, stopping at limit.
func countNodes(n *html.Node, limit int) int {
	count := 0
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode {
			count++
		}
		return count < limit
	})
	return count
}

// bodyOf returns the <body> element of a parsed page, or nil.
func bodyOf(root *html.Node) *html.Node {
	var body *html.Node
	walkHTML(root, func(n *html.Node) bool {
		if body == nil && n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
		}
		return body == nil
	})
	return body
}

// normalisedText is n's text lower-cased with everything but letters and
// digits removed: what survives any difference in spacing and line breaks
// between trafilatura's output and Kabar's rendering.
func normalisedText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(normalise(c.Data))
		}
		return true
	})
	return b.String()
}

func normalise(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// minAnchorRunes is how long a line must be (in letters and digits) to be
// found anywhere further on in the main content; shorter lines are kept
// only where they continue the content right where the previous kept line
// ended, so that "News" or "Home" is never matched inside a word.
const minAnchorRunes = 12

// keepMainLines keeps the lines of text (Kabar's rendering of the whole
// body) that make up main, trafilatura's main content normalised, in
// order. The headline (a line equal to title) is kept when it comes before
// the first kept line. It returns the kept lines joined by line breaks
// and the not-evidence spans moved to the new offsets; ok is false when
// less than half of main was found, so the caller falls back to the whole
// body. It fails only when ctx ends.
func keepMainLines(ctx context.Context, text string, notEvidence []Span, main, title string) (string, []Span, bool, error) {
	if main == "" {
		return "", nil, false, nil
	}
	var out strings.Builder
	var spans []Span
	find := mainFinder{main: main}
	normTitle := normalise(title) // "6.7.\u00a0Upgrading …" is the title "6.7. Upgrading …"
	cursor, matched := 0, 0
	headline := -1 // offset of a pending headline line in text
	for start, lines := 0, 1; start < len(text); lines++ {
		if lines%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return "", nil, false, err
			}
		}
		end := lineEnd(text, start)
		line := text[start:end]
		lineStart := start
		start = end + 1
		n := normalise(line)
		if n == "" {
			continue
		}
		if title != "" && out.Len() == 0 && (strings.TrimSpace(line) == title || n == normTitle) {
			// The headline is kept with the first line found, not looked
			// for: the title's words may recur in the lead ("welcome you
			// to … the Debian Administrator's Handbook"), and matching
			// them there would skip the lead itself.
			if headline < 0 {
				headline = lineStart
			}
			continue
		}
		runes := utf8.RuneCountInString(n)
		i := find.next(n, cursor, runes >= minAnchorRunes)
		if i < 0 {
			continue
		}
		if out.Len() == 0 && i > cursor && runes < maxShortLineRunes {
			// Before the first kept line, a short line (a menu item, a
			// heading) found past unmatched content may only be words the
			// content uses later ("the Debian Administrator's Handbook"
			// inside the lead): when one of the next lines is found
			// before it, it is out of place. (Further in, table rows
			// repeat words, and the check would drop them.)
			if laterLineFirst(&find, text, start, cursor, i) {
				continue
			}
		}
		i -= cursor
		if out.Len() == 0 && headline >= 0 && headline != lineStart {
			hl := text[headline : headline+strings.IndexByte(text[headline:], '\n')]
			appendLine(&out, &spans, hl, within(notEvidence, headline, headline+len(hl)))
		}
		appendLine(&out, &spans, line, within(notEvidence, lineStart, end))
		cursor += i + len(n)
		matched += len(n)
	}
	if matched*2 < len(main) {
		return "", nil, false, nil
	}
	return out.String(), spans, true, nil
}

// maxShortLineRunes is the longest normalised line taken for a menu item
// or a heading rather than a paragraph.
const maxShortLineRunes = 80

// lookAhead is how many of the following lines may show a short line
// out of place.
const lookAhead = 4

// laterLineFirst reports whether one of the next lookAhead lines of text
// from start that is long enough to be looked for anywhere is found in
// the main content between cursor and at.
func laterLineFirst(find *mainFinder, text string, start, cursor, at int) bool {
	for seen := 0; start < len(text) && seen < lookAhead; {
		end := lineEnd(text, start)
		n := normalise(text[start:end])
		start = end + 1
		if n == "" {
			continue
		}
		seen++
		if utf8.RuneCountInString(n) < minAnchorRunes {
			continue
		}
		if j := find.next(n, cursor, true); j >= 0 && j < at {
			return true
		}
	}
	return false
}

// findWindow is how far past the cursor a line is first looked for in
// the main content: the next kept line is nearly always right there.
const findWindow = 4 << 10

// mainFinder finds lines in trafilatura's normalised main content. A
// line that is not there at all (boilerplate, the common case on a page
// full of menus) would cost a scan of the rest of the content each time,
// quadratic on a big page; past a short window near the cursor it is
// looked up in a suffix array of the content instead, built on first
// need.
type mainFinder struct {
	main  string
	index *suffixarray.Index
}

// next returns the offset of the first occurrence of n in the main
// content at or after cursor, or -1. When anywhere is false, n is only
// looked for right at cursor.
func (f *mainFinder) next(n string, cursor int, anywhere bool) int {
	rest := f.main[cursor:]
	if !anywhere {
		if strings.HasPrefix(rest, n) {
			return cursor
		}
		return -1
	}
	window := rest[:min(len(rest), findWindow+len(n))]
	if i := strings.Index(window, n); i >= 0 {
		return cursor + i
	}
	if len(window) == len(rest) {
		return -1
	}
	if f.index == nil {
		f.index = suffixarray.New([]byte(f.main))
	}
	first := -1
	for _, i := range f.index.Lookup([]byte(n), -1) {
		if i >= cursor && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// appendLine adds a line and its line break to out, extending or starting
// a not-evidence span when notEvidence is set.
func appendLine(out *strings.Builder, spans *[]Span, line string, notEvidence bool) {
	s := out.Len()
	out.WriteString(line)
	e := out.Len()
	out.WriteByte('\n')
	if !notEvidence {
		return
	}
	if k := len(*spans); k > 0 && (*spans)[k-1].End+1 == s {
		(*spans)[k-1].End = e
		return
	}
	*spans = append(*spans, Span{Start: s, End: e})
}
