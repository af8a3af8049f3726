package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/retrieval"
)

// An item of a numbered or bulleted list is read with its list:
// documentation states the subject once, in the heading or lead that
// introduces the list, and its items go on without it ("5.2.
// Appointment. 1. The Project Leader is elected by the Developers. …
// 5. The next two weeks are the polling period …"). A name the earlier
// items, the lead or the page's title hold is the item's own, as a
// name in the sentence before is for a pronoun: judge (sentence.go)
// credits it listCredit and counts it as named in the sentence.

// listCredit is the credit of a name the item's list gives: stated
// nearby, less surely than in the sentence.
const listCredit = 0.8

// maxListContext bounds how many paragraphs before an item are read as
// its list: a long list's first items are far from its last.
const maxListContext = 12

// listItem reports whether a paragraph's text starts with a list marker:
// a number followed by "." or ")" and a space ("5. ", "3) "; not a
// section number "5.2."), or a bullet.
func listItem(text string) bool {
	text = strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(text, "- "), strings.HasPrefix(text, "* "), strings.HasPrefix(text, "• "):
		return true
	}
	i := 0
	for i < len(text) && i < 3 && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(text) && (text[i] == '.' || text[i] == ')') && text[i+1] == ' '
}

// listContext returns, for a paragraph that is a list item, the text of
// its list before it: the earlier items back to the paragraph that
// introduces them (a heading or a lead), and the page's title, which
// names what the heading abbreviates ("Appointment" of the Project
// Leader, in the Debian constitution). It is "" for any other paragraph.
func listContext(doc retrieval.Document, p retrieval.Paragraph, paragraph func(n int) (retrieval.Paragraph, bool)) string {
	if !listItem(doc.Text[p.Span.Start:p.Span.End]) {
		return ""
	}
	var b strings.Builder
	for n := p.Index - 1; n >= 1 && p.Index-n <= maxListContext; n-- {
		prev, ok := paragraph(n)
		if !ok {
			break
		}
		pt := doc.Text[prev.Span.Start:prev.Span.End]
		b.WriteString(pt)
		b.WriteString("\n")
		if !listItem(pt) {
			break // the heading or lead the list starts after
		}
	}
	b.WriteString(doc.Title)
	return b.String()
}

// listTerms is listContext's index terms, nil for a paragraph that is no
// list item.
func (e *Extractive) listTerms(doc retrieval.Document, p retrieval.Paragraph) [][]string {
	text := listContext(doc, p, func(n int) (retrieval.Paragraph, bool) { return e.corpus.Paragraph(doc.ID, n) })
	if text == "" {
		return nil
	}
	return e.termsOf(text, doc.Lang)
}
