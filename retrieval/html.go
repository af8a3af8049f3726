package retrieval

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPage is what Kabar reads from an HTML article: its visible text and
// the metadata the page declares.
type htmlPage struct {
	Text string
	Meta metadata
}

// extractHTML parses an HTML article. Text is the visible text of the body,
// one line per block element, skipping page furniture (script, style, nav,
// header, footer, aside, form, noscript). Metadata comes from <title> (or
// og:title, or the first <h1>), og:site_name, article:published_time (or
// the first <time datetime>), og:url (or the canonical link) and <html lang>.
func extractHTML(raw []byte) (htmlPage, error) {
	root, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return htmlPage{}, fmt.Errorf("parse html: %w", err)
	}
	head := readHTMLHead(root)
	m := metadata{
		Outlet:    head.siteName,
		Published: normaliseDate(firstNonEmpty(head.published, head.timeDatetime)),
		Lang:      normaliseLang(head.lang),
		URL:       firstNonEmpty(head.ogURL, head.canonical),
	}
	m.Title = firstNonEmpty(dropSiteSuffix(head.title, head.siteName), head.ogTitle, head.h1)
	var body *html.Node
	walkHTML(root, func(n *html.Node) bool {
		if body == nil && n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
		}
		return body == nil
	})
	var tb textBuilder
	if body != nil {
		tb.node(body)
	}
	return htmlPage{Text: tb.String(), Meta: m}, nil
}

// htmlHead collects the page's declared metadata.
type htmlHead struct {
	title, ogTitle, h1, siteName, published, timeDatetime, ogURL, canonical, lang string
}

func readHTMLHead(root *html.Node) htmlHead {
	var h htmlHead
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			h.lang = firstNonEmpty(h.lang, attr(n, "lang"))
		case atom.Title:
			if h.title == "" && !inSVG(n) {
				h.title = visibleText(n)
			}
		case atom.H1:
			h.h1 = firstNonEmpty(h.h1, visibleText(n))
		case atom.Time:
			h.timeDatetime = firstNonEmpty(h.timeDatetime, attr(n, "datetime"))
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				h.canonical = firstNonEmpty(h.canonical, attr(n, "href"))
			}
		case atom.Meta:
			key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			content := strings.TrimSpace(attr(n, "content"))
			switch key {
			case "og:site_name":
				h.siteName = firstNonEmpty(h.siteName, content)
			case "og:title":
				h.ogTitle = firstNonEmpty(h.ogTitle, content)
			case "og:url":
				h.ogURL = firstNonEmpty(h.ogURL, content)
			case "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date":
				h.published = firstNonEmpty(h.published, content)
			}
		}
		return true
	})
	return h
}

func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// dropSiteSuffix removes " | Section" and " - Site Name" tails from a
// <title>.
func dropSiteSuffix(title, site string) string {
	title = dropSectionSuffix(oneLine(title))
	if site == "" {
		return title
	}
	for _, sep := range []string{" - ", " – ", " — ", " : "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
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
// lines, and <pre> keeps its line breaks.
type textBuilder struct {
	b        strings.Builder
	lineOpen bool // the current line has text
	space    bool // a space is pending before the next text
}

type htmlEvent struct {
	n    *html.Node
	exit bool
}

func (t *textBuilder) node(root *html.Node) {
	stack := []htmlEvent{{n: root}}
	pre := 0
	for len(stack) > 0 {
		ev := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := ev.n
		if ev.exit {
			if n.DataAtom == atom.Pre {
				pre--
			}
			t.breakLine()
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
			if blockElement(n) {
				t.breakLine()
				if n.DataAtom == atom.Pre {
					pre++
				}
				stack = append(stack, htmlEvent{n: n, exit: true})
			} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				t.space = true
			}
		case html.DocumentNode:
		default:
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, htmlEvent{n: c})
		}
	}
	t.breakLine()
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
