package retrieval

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPage is what Kabar reads from an HTML article: its main text, the
// spans of that text that are not evidence (code, tables of contents,
// link lists) and the metadata the page declares.
type htmlPage struct {
	Text        string
	NotEvidence []Span
	Meta        metadata
}

// extractHTML parses an HTML article. Kabar renders the visible text of
// the body itself, one line per block element (skipping script, style,
// nav, header, footer, aside, form, noscript and hidden elements), and
// go-trafilatura decides which of those lines are the article: a line is
// kept when its words are in trafilatura's main content, in order (see
// keepMainLines). So navigation, banners, share boxes, related-article
// lists and comments are left out while the text stays Kabar's own
// rendering of the page (line breaks, dates in <time>, table cells), and
// every offset counts in it. When trafilatura finds nothing usable, the
// whole body's text is used. Metadata is what the page states (see
// readPageMeta).
//
// extractHTML gives up with ctx.Err() when ctx ends: it checks between
// steps and every few thousand elements or lines within its own steps.
func extractHTML(ctx context.Context, raw []byte) (htmlPage, error) {
	root, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return htmlPage{}, fmt.Errorf("parse html: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return htmlPage{}, err
	}
	links := countLinks(root)
	m := readPageMeta(root, links)
	tb := textBuilder{ctx: ctx, links: links}
	if body := bodyOf(root); body != nil {
		if err := tb.node(body); err != nil {
			return htmlPage{}, err
		}
	}
	full := htmlPage{Text: tb.String(), NotEvidence: tb.notEvidence, Meta: m}
	if err := ctx.Err(); err != nil {
		return htmlPage{}, err
	}
	content := mainContent(root)
	if err := ctx.Err(); err != nil {
		return htmlPage{}, err
	}
	if content == nil {
		return full, nil
	}
	text, spans, ok, err := keepMainLines(ctx, full.Text, full.NotEvidence, normalisedText(content), m.Title)
	if err != nil {
		return htmlPage{}, err
	}
	if !ok {
		return full, nil
	}
	// Trafilatura sometimes takes a documentation page's code listings
	// for its main content; prose dropped for code is a miss, not a
	// cleaner page.
	kept, all := evidenceBytes(text, spans), evidenceBytes(full.Text, full.NotEvidence)
	if kept*2 < len(text)-kept && kept*4 < all {
		return full, nil
	}
	return htmlPage{Text: text, NotEvidence: spans, Meta: m}, nil
}

// evidenceBytes counts the non-space bytes of text outside spans.
func evidenceBytes(text string, spans []Span) int {
	n := 0
	for _, r := range withoutSpans(text, spans) {
		if r != ' ' && r != '\n' {
			n++
		}
	}
	return n
}

func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// dropSiteSuffix removes a " - Site Name" (or " | Site Name", " – Site
// Name", " — Site Name", " : Site Name", and the same as a prefix) from a
// title, only when the site's name is known from the page: a title is never
// cut on a guess.
func dropSiteSuffix(title, site string) string {
	title = oneLine(title)
	site = oneLine(site)
	if site == "" {
		return title
	}
	for _, sep := range []string{" - ", " | ", " – ", " — ", " : ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// walkHTML visits n and its descendants in document order without
// recursion (pages can nest deeply); visit returns false to stop.
func walkHTML(n *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(n) {
			return
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// visibleText is the text of n's subtree with white space collapsed.
func visibleText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return oneLine(b.String())
}

// hiddenElement reports whether n's content is not article text.
func hiddenElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Nav, atom.Header, atom.Footer, atom.Aside,
		atom.Form, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Button,
		atom.Select, atom.Textarea, atom.Object, atom.Canvas, atom.Head, atom.Title:
		return true
	}
	if _, hidden := attrPresent(n, "hidden"); hidden {
		return true
	}
	return strings.EqualFold(attr(n, "aria-hidden"), "true")
}

func attrPresent(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// blockElement reports whether n starts its own line of text.
func blockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Section, atom.Article, atom.Main, atom.Figure, atom.Figcaption,
		atom.Table, atom.Tr, atom.Caption, atom.Pre, atom.Address, atom.Details,
		atom.Summary, atom.Fieldset, atom.Hr, atom.Br, atom.Body, atom.Center:
		return true
	}
	return false
}

// textBuilder renders visible text the way a browser lays it out: runs of
// ASCII white space collapse to one space, block elements and <br> break
// lines, and <pre> keeps its line breaks. It records the byte spans of the
// text that are not evidence: code blocks, tables of contents and other
// link lists (see notEvidenceElement).
type textBuilder struct {
	b           strings.Builder
	lineOpen    bool // the current line has text
	space       bool // a space is pending before the next text
	notEvidence []Span
	links       map[*html.Node]linkCount // see countLinks; counted by node when nil
	ctx         context.Context          // checked every checkEvery nodes; nil: never
}

// checkEvery is how many elements or lines extraction handles between two
// looks at its context.
const checkEvery = 4096

type htmlEvent struct {
	n        *html.Node
	exit     bool
	evidence int // for a not-evidence element: where its text started, else -1
}

func (t *textBuilder) node(root *html.Node) error {
	if t.links == nil {
		t.links = countLinks(root)
	}
	stack := []htmlEvent{{n: root, evidence: -1}}
	pre, hold := 0, 0
	for steps := 1; len(stack) > 0; steps++ {
		if t.ctx != nil && steps%checkEvery == 0 {
			if err := t.ctx.Err(); err != nil {
				return err
			}
		}
		ev := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := ev.n
		if ev.exit {
			if n.DataAtom == atom.Pre {
				pre--
			}
			t.breakLine()
			if ev.evidence >= 0 {
				hold--
				if hold == 0 && t.b.Len() > ev.evidence {
					t.notEvidence = append(t.notEvidence, Span{Start: ev.evidence, End: t.b.Len() - 1})
				}
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			t.text(n.Data, pre > 0)
			continue
		case html.ElementNode:
			if hiddenElement(n) {
				t.space = true
				continue
			}
			if blockElement(n) || t.blockCode(n) {
				t.breakLine()
				if n.DataAtom == atom.Pre {
					pre++
				}
				exit := htmlEvent{n: n, exit: true, evidence: -1}
				if t.notEvidenceElement(n) {
					// Only the outermost such element records its span.
					exit.evidence = t.b.Len()
					hold++
				}
				stack = append(stack, exit)
			} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				t.space = true
			}
		case html.DocumentNode:
		default:
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, htmlEvent{n: c, evidence: -1})
		}
	}
	t.breakLine()
	return nil
}

// blockCode reports whether n is a <code> element standing as a block of
// its own (several lines, no words around it) rather than a word in a
// sentence.
func (t *textBuilder) blockCode(n *html.Node) bool {
	if n.DataAtom != atom.Code || n.Parent == nil || n.Parent.DataAtom == atom.Pre {
		return false
	}
	if t.links[n].text == 0 || !strings.Contains(visibleTextRaw(n), "\n") {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" || c.Type == html.ElementNode && !blockElement(c)) {
			return false
		}
	}
	return true
}

// visibleTextRaw is n's text as written, white space kept.
func visibleTextRaw(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return b.Len() < 1<<16
	})
	return b.String()
}

// notEvidenceElement reports whether the text of block element n may be
// searched but never quoted as an answer or counted as support: a code
// block, a table of contents, or a list or line that is all links (menus,
// "next"/"previous" links, related-article lists).
func (t *textBuilder) notEvidenceElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Pre, atom.Code:
		return true
	case atom.Ul, atom.Ol, atom.Dl:
		if tocMarked(n) {
			return true
		}
		items := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				items++
			}
		}
		return items >= 2 && t.links[n].share() >= 0.8
	case atom.Tr:
		// A header row repeats on every table of a book; it is a label.
		cells := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if c.DataAtom != atom.Th {
					return false
				}
				cells++
			}
		}
		return cells > 0
	case atom.P, atom.Div, atom.Li:
		if tocMarked(n) {
			return true
		}
		c := t.links[n]
		return c.text > 0 && c.text <= 120 && c.share() >= 0.95
	}
	return false
}

// tocMarked reports whether n's class or id names a table of contents.
func tocMarked(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		v := strings.ToLower(attr(n, key))
		for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
			if f == "toc" {
				return true
			}
		}
		if strings.Contains(v, "table-of-contents") || strings.Contains(v, "tableofcontents") {
			return true
		}
	}
	return false
}

// linkCount is how many non-space bytes of an element's visible text
// there are, and how many of them sit inside <a> elements.
type linkCount struct{ text, linked int }

// share is the share of the text that is linked.
func (c linkCount) share() float64 {
	if c.text == 0 {
		return 0
	}
	return float64(c.linked) / float64(c.text)
}

// countLinks counts the visible text and linked text of every element
// under root in one bottom-up pass (hidden elements count nothing), so
// that judging each block by its links costs nothing per block: asking
// every nested block to walk its own subtree would be quadratic in the
// nesting depth.
func countLinks(root *html.Node) map[*html.Node]linkCount {
	counts := map[*html.Node]linkCount{}
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if !f.exit {
			if n.Type == html.ElementNode && hiddenElement(n) {
				continue
			}
			stack = append(stack, frame{n: n, exit: true})
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.TextNode {
					stack = append(stack, frame{n: c})
				}
			}
			continue
		}
		var sum linkCount
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sum.text += nonSpaceBytes(c.Data)
			case html.ElementNode, html.DocumentNode:
				cc := counts[c]
				sum.text += cc.text
				sum.linked += cc.linked
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			sum.linked = sum.text
		}
		counts[n] = sum
	}
	return counts
}

// nonSpaceBytes counts the bytes of s outside white space.
func nonSpaceBytes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n += w
		}
		i += w
	}
	return n
}

func (t *textBuilder) text(s string, pre bool) {
	for _, r := range s {
		switch {
		case pre && r == '\n':
			t.breakLine()
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f':
			t.space = true
		case r == 0:
			// NUL is not text; the HTML parser already replaces most.
		default:
			if t.space && t.lineOpen {
				t.b.WriteByte(' ')
			}
			t.space = false
			t.b.WriteRune(r)
			t.lineOpen = true
		}
	}
}

func (t *textBuilder) breakLine() {
	if t.lineOpen {
		t.b.WriteByte('\n')
	}
	t.lineOpen, t.space = false, false
}

func (t *textBuilder) String() string { return t.b.String() }
