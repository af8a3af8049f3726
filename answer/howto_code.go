package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
)

// A how-to answer is often a command set in a code block right after
// the prose sentence introducing it ("… with the following command:"):
// code is searched, never quoted on its own, so the quote is the
// sentence with its block.

// maxCodeQuote bounds the code block a quote may take after the sentence
// introducing it ("… with the following command:"): a command or a few
// lines of settings, not a whole listing.
const maxCodeQuote = 400

// codeAfter returns where the code block a sentence introduces ends: the
// sentence ends its paragraph with a colon ("… for that execute:") or
// announces what follows ("… with the following command.", "… dengan
// yang berikut.") and the next paragraph is code, short enough to quote.
// 0 when it introduces none.
func (e *Extractive) codeAfter(c *candidate) int {
	if !introducesBlock(c.text()) {
		return 0
	}
	para, ok := e.corpus.Paragraph(c.doc.ID, c.paragraph)
	if !ok || para.Span.End != c.span.End {
		return 0
	}
	for n := c.paragraph + 1; ; n++ {
		next, ok := e.corpus.Paragraph(c.doc.ID, n)
		if !ok || !next.NotEvidence || next.Span.End-c.span.End > maxCodeQuote {
			return 0
		}
		block := c.doc.Text[next.Span.Start:next.Span.End]
		if strings.Trim(block, "`~ ") == "" {
			continue // a fence of the block ("```")
		}
		if !looksLikeCode(block) {
			return 0
		}
		return next.Span.End
	}
}

// looksLikeCode reports whether a block that is not evidence reads as a
// command line or a setting ("$ apt install ./foo.deb", "a2enmod
// authz_groupfile") rather than a table of contents or a list of links,
// which start with a capitalised title.
func looksLikeCode(block string) bool {
	line := strings.TrimSpace(strings.SplitN(block, "\n", 2)[0])
	line = strings.TrimSpace(strings.TrimLeft(line, "$#%>"))
	if line == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	return !unicode.IsUpper(first)
}

// introducesBlock reports whether a sentence announces what comes after
// it: it ends with a colon, or speaks of what follows.
func introducesBlock(text string) bool {
	if strings.HasSuffix(strings.TrimSpace(text), ":") {
		return true
	}
	for _, t := range lexicon.Tokenize(text) {
		switch t.Norm {
		case "following", "follows", "below", "berikut", "berikutnya":
			return true
		}
	}
	return false
}
