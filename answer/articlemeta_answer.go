package answer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/retrieval"
)

// metaAnswer states the asked field of the article, citing the line of its
// text that states it. A field the article does not state is declined:
// Kabar never guesses an author or a date.
func (e *Extractive) metaAnswer(res Result, ask metaAsk, art describedDoc) Result {
	lang := res.Lang
	id := lang == "id"
	doc, h := art.doc, art.head
	subject := articleSubject(doc, id)
	var lead string
	var span retrieval.Span
	switch ask.field {
	case metaAuthor:
		name, at := h.Author, h.AuthorLine
		if name == "" && doc.Author != "" {
			at = lineHolding(doc.Text, doc.Author)
			name = doc.Author
		}
		if name == "" {
			return metaDeclined(res, pick(id, "Liputan tidak menyebutkan penulisnya: "+subject+" tidak memuat nama penulis.",
				"The coverage does not say: "+subject+" carries no byline."))
		}
		if at == (retrieval.Span{}) {
			// Only the page's metadata names the author: nothing to quote.
			return metaDeclined(res, pick(id, "Teks "+subject+" tidak memuat nama penulis; metadata halamannya menyebut "+name+".",
				"The text of "+subject+" carries no byline; its page's metadata names "+name+"."))
		}
		lead, span = pick(id, upperFirst(subject)+" ditulis oleh "+name, upperFirst(subject)+" was written by "+name), at
	case metaDateline:
		if h.Place == "" {
			return metaDeclined(res, pick(id, "Liputan tidak menyebutkannya: "+subject+" tidak memuat dateline.",
				"The coverage does not say: "+subject+" carries no dateline."))
		}
		place := placeCase(h.Place)
		if !id {
			place = placeEN(place, e.lex)
		}
		lead, span = pick(id, "Dateline "+subject+" adalah "+place, upperFirst(subject)+" is datelined "+place), e.sentenceAt(doc, h.Dateline.Start)
	case metaPublished:
		if h.Published == "" {
			note := ""
			if doc.Published != "" {
				note = pick(id, "; metadata halamannya menyebut "+doc.Published, "; its page's metadata gives "+doc.Published)
			}
			return metaDeclined(res, pick(id, "Teks "+subject+" tidak memuat tanggal terbit"+note+".",
				"The text of "+subject+" states no publication date"+note+"."))
		}
		when := publicationDate(h.Published, lang)
		if h.Time != "" {
			when += pick(id, ", pukul ", ", at ") + timeIn(h.Time, lang)
		} else if ask.wantsTime {
			when += pick(id, " (jamnya tidak disebutkan)", " (the time of day is not stated)")
		}
		lead, span = pick(id, upperFirst(subject)+" terbit pada "+when, upperFirst(subject)+" was published on "+when), h.DateLine
	case metaOutlet:
		if doc.Outlet == "" {
			return metaDeclined(res, pick(id, "Liputan tidak menyebutkan medianya.", "The coverage does not say which outlet published it."))
		}
		at := lineHolding(doc.Text, doc.Outlet)
		if h.Outlet == doc.Outlet {
			at = e.sentenceAt(doc, h.Dateline.Start)
		}
		if at == (retrieval.Span{}) {
			return metaDeclined(res, pick(id, "Teks "+subject+" tidak menyebutkan medianya.", "The text of "+subject+" does not name its outlet."))
		}
		lead, span = pick(id, upperFirst(subject)+" dimuat oleh "+doc.Outlet, upperFirst(subject)+" was published by "+doc.Outlet), at
	}
	res.Answered = true
	res.Citations = append(res.Citations, e.citationAt(1, doc, span))
	res.Answer = lead + " [1]."
	return res
}

// articleSubject names the article in the answer: its headline when it has
// one.
func articleSubject(doc retrieval.Document, id bool) string {
	if doc.Title == "" {
		return pick(id, "artikel itu", "the article")
	}
	return pick(id, "artikel “"+doc.Title+"”", "the article “"+doc.Title+"”")
}

func metaDeclined(res Result, text string) Result {
	res.Answered = false
	res.Answer = text
	return res
}

func pick(id bool, idText, enText string) string {
	if id {
		return idText
	}
	return enText
}

// placeCase writes a dateline's capitals ("LONDON", "KUALA LUMPUR") as a
// name ("London", "Kuala Lumpur"); a place written as a name stays.
func placeCase(place string) string {
	if strings.ToUpper(place) != place {
		return place
	}
	words := strings.Fields(strings.ToLower(place))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// lineHolding is the span of the first line of text holding s, trimmed;
// zero when none does.
func lineHolding(text, s string) retrieval.Span {
	i := strings.Index(text, s)
	if i < 0 || s == "" {
		return retrieval.Span{}
	}
	start := strings.LastIndexAny(text[:i], "\r\n") + 1
	end := len(text)
	if j := strings.IndexAny(text[i:], "\r\n"); j >= 0 {
		end = i + j
	}
	for start < end && unicode.IsSpace(rune(text[start])) {
		start++
	}
	for end > start && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	return retrieval.Span{Start: start, End: end}
}

// paragraphAt is the paragraph of doc holding byte offset at.
func (e *Extractive) paragraphAt(doc retrieval.Document, at int) (retrieval.Paragraph, bool) {
	for n := 1; ; n++ {
		p, ok := e.corpus.Paragraph(doc.ID, n)
		if !ok {
			return retrieval.Paragraph{}, false
		}
		if at >= p.Span.Start && at < p.Span.End {
			return p, true
		}
		if p.Span.Start > at {
			return retrieval.Paragraph{}, false
		}
	}
}

// sentenceAt is the sentence of doc holding byte offset at (its line when
// no paragraph holds it).
func (e *Extractive) sentenceAt(doc retrieval.Document, at int) retrieval.Span {
	if p, ok := e.paragraphAt(doc, at); ok {
		for _, s := range p.Sentences {
			if at >= s.Start && at < s.End {
				return s
			}
		}
	}
	end := len(doc.Text)
	if j := strings.IndexAny(doc.Text[at:], "\r\n"); j >= 0 {
		end = at + j
	}
	return retrieval.Span{Start: at, End: end}
}

// citationAt cites span of doc verbatim, with its paragraph and the chunk
// holding it (none for a byline, which is not searched).
func (e *Extractive) citationAt(n int, doc retrieval.Document, span retrieval.Span) Citation {
	ev := Evidence{Doc: doc, Span: span}
	if p, ok := e.paragraphAt(doc, span.Start); ok {
		ev.Paragraph = p.Index
	}
	for _, ch := range e.corpus.DocumentChunks(doc.ID) {
		if ch.Start <= span.Start && span.End <= ch.End {
			ev.Chunk = ch
			break
		}
	}
	return citationFor(n, ev)
}

// metaMarkers writes "[1][2]" for n citations.
func metaMarkers(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[%d]", i)
	}
	return b.String()
}
