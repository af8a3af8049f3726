package retrieval

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/langid"
)

// A page is not always in one language: a translation left half done
// keeps whole sections of the original, a news story quotes a statement
// in the language it was made in. Each paragraph of prose long enough to
// tell is identified on its own; a shorter one (a heading, a list item)
// between paragraphs of another language is identified between that
// language and the document's only, and follows its neighbours when even
// that is unclear.

// SetParagraphLanguages sets Lang on every paragraph of paras (Segment's
// of doc) that is not in doc.Lang: "" means the document's language (or,
// for a document without one, a paragraph too short to tell).
// Code, tables of contents and boilerplate keep "": they are not prose.
func SetParagraphLanguages(doc Document, paras []Paragraph) {
	setLanguages(&doc, paras, false)
}

// setLanguages is SetParagraphLanguages; with docToo, doc.Lang is first
// set to documentLanguage.Detect(doc.Text) (see parseDocument), from the
// paragraphs' trigram counts where they can stand for the text's.
func setLanguages(doc *Document, paras []Paragraph, docToo bool) {
	own := make([]string, len(paras)) // the language of each long prose paragraph, "" else
	long := make([]bool, len(paras))
	var pieces *langid.Pieces
	if docToo {
		pieces = piecesPool.Get().(*langid.Pieces)
		pieces.Reset()
		defer piecesPool.Put(pieces)
	}
	for i, p := range paras {
		if p.Boilerplate || p.NotEvidence {
			continue
		}
		text := doc.Text[p.Span.Start:p.Span.End]
		if letterCount(text) < minParagraphLetters || proseWords(text) < minProseWords {
			continue // a heading, or a row of names, figures and commands
		}
		long[i] = true
		if pieces != nil {
			own[i] = documentLanguage.DetectPiece(doc.Text, p.Span.Start, p.Span.End, pieces)
		} else {
			own[i] = documentLanguage.Detect(text)
		}
	}
	if docToo {
		doc.Lang = documentLanguage.DetectWhole(doc.Text, pieces)
	}
	for i := range paras {
		if long[i] && own[i] != "" && own[i] != doc.Lang {
			paras[i].Lang = own[i]
		}
	}
	// Short paragraphs between two long ones of one other language. (A
	// short one identified on its own, between Indonesian and English
	// only, was measured on the Debian pages: as many headings and table
	// rows went wrong as untranslated lines came right.)
	next := make([]string, len(paras)) // the language of the next long paragraph after each
	for i, after := len(paras)-1, ""; i >= 0; i-- {
		next[i] = after
		if long[i] {
			after = own[i]
		}
	}
	between := map[string]*langid.Detector{}
	prev := ""
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		if p.Boilerplate || p.NotEvidence {
			continue
		}
		if long[i] {
			prev = own[i]
			continue
		}
		text := doc.Text[p.Span.Start:p.Span.End]
		if prev == "" || prev != next[i] || prev == doc.Lang {
			continue
		}
		if doc.Lang == "" {
			paras[i].Lang = prev // nothing to weigh the neighbours against
			continue
		}
		d := between[prev]
		if d == nil {
			d = langid.New(doc.Lang, prev)
			between[prev] = d
		}
		switch d.Detect(text) {
		case doc.Lang:
		default: // the neighbours' language, or unclear: follow them
			paras[i].Lang = prev
		}
	}
}

// piecesPool holds setLanguages's paragraph counts between documents.
var piecesPool = sync.Pool{New: func() any { return new(langid.Pieces) }}

// ParagraphLanguage is the language of paragraph p of doc: its own when
// it has one, else the document's.
func ParagraphLanguage(doc Document, p Paragraph) string {
	if p.Lang != "" {
		return p.Lang
	}
	return doc.Lang
}

// minProseWords is how many words of a language (see proseWords) a
// paragraph needs to be identified on its own.
const minProseWords = 5

// proseWords counts the words of text that are a language's rather than
// a name, a figure or a command: two letters or more, all lower-case.
// A word is a run of non-space runes less the non-letters at either end,
// read in one pass: every paragraph of every article goes through here.
// TestProseWordsMatchesFields holds it to the strings.Fields reading.
func proseWords(text string) int {
	n := 0
	letters := 0  // in the current run
	gap := false  // a non-letter after the run's first letter
	lower := true // every letter lower-case, none after a gap
	for _, r := range text {
		var space, letter, low bool
		if r < utf8.RuneSelf {
			// unicode's answers for ASCII, without the calls.
			space = asciiSpace(byte(r))
			low = r >= 'a' && r <= 'z'
			letter = low || r >= 'A' && r <= 'Z'
		} else {
			space = unicode.IsSpace(r)
			letter = !space && unicode.IsLetter(r)
			low = letter && unicode.IsLower(r)
		}
		switch {
		case space:
			if lower && letters >= 2 {
				n++
			}
			letters, gap, lower = 0, false, true
		case letter:
			if gap || !low {
				lower = false // a non-letter inside the word, or a capital
			}
			letters++
		case letters > 0:
			gap = true // trailing unless a letter follows
		}
	}
	if lower && letters >= 2 {
		n++
	}
	return n
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
