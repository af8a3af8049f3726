package retrieval

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Documentation toolchains (DocBook, and the books built with it, such
// as the Debian Administrator's Handbook) put part of the text in
// "sidebar" boxes: "GOING FURTHER The cache of .deb files — APT keeps a
// copy of each downloaded .deb file in /var/cache/apt/archives/". News
// sites use the same class for what surrounds the article: related
// links, newsletters, ads. The extractor drops every sidebar, so the
// documentation's boxes were lost. A sidebar that reads as a titled box
// of prose — a heading, then paragraphs with more words than links — is
// kept as text; a box of links, or a few words, stays out.

// minAsideProse is the least prose (bytes of text outside links) a
// sidebar needs to be the document's text: a newsletter box or an ad
// line has less.
const minAsideProse = 160

// maxAsideLinkShare is the largest share of a sidebar's text that may sit
// in links: a list of related articles is mostly links.
const maxAsideLinkShare = 0.3

// keepProseAsides renames the class of every titled prose sidebar under
// root so the extractor keeps it, and returns how many it renamed.
func keepProseAsides(root *html.Node) int {
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if x.Type != html.ElementNode {
			return
		}
		i := classAttr(x)
		if i < 0 || !hasClassWord(x.Attr[i].Val, "sidebar") || !proseBox(x) {
			return
		}
		x.Attr[i].Val = strings.Join(strings.Fields(strings.ReplaceAll(x.Attr[i].Val, "sidebar", "boxed-note")), " ")
		n++
	}
	walk(root)
	return n
}

func classAttr(x *html.Node) int {
	for i, a := range x.Attr {
		if a.Key == "class" {
			return i
		}
	}
	return -1
}

func hasClassWord(class, word string) bool {
	for _, w := range strings.Fields(class) {
		if w == word {
			return true
		}
	}
	return false
}

// proseBox reports whether a box has a title (a heading, or an element
// of class "title"/"titlepage") and paragraphs of prose: enough text
// outside links, and few links.
func proseBox(x *html.Node) bool {
	titled, paragraphs := false, false
	var text, linked int
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(n.Data))
			text += l
			if inLink {
				linked += l
			}
		case html.ElementNode:
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				titled = true
			case atom.P:
				paragraphs = true
			case atom.A:
				inLink = true
			}
			if i := classAttr(n); i >= 0 {
				titled = titled || hasClassWord(n.Attr[i].Val, "title") || hasClassWord(n.Attr[i].Val, "titlepage")
				paragraphs = paragraphs || hasClassWord(n.Attr[i].Val, "para")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(x, false)
	return titled && paragraphs && text-linked >= minAsideProse && float64(linked) <= maxAsideLinkShare*float64(text)
}
