package answer

import "github.com/kabar-bot/kabar/lexicon"

// Documentation and news often state what a thing does and, in the next
// sentence, what it does not: "When updates are available, apticron
// automatically downloads them. It does not install them." A sentence
// lacking a word of the question is then answered by the one after it,
// when that one refers back to it ("it", "ia", "this") and negates the
// missing word: no, quoting both.

// negatedNext returns the evidence extended over the next sentence of
// its paragraph when that sentence refers back, states a word of the
// question the evidence sentence lacks, and negates; ok is false
// otherwise.
func (e *Extractive) negatedNext(lq lexicon.Query, ev Evidence) (Evidence, bool) {
	sentence := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	var missing []lexicon.Concept
	for _, c := range lq.Concepts {
		if c.Entity || c.Number || c.Meta || lexicon.IsTagWord(foldWord(c.Surface)) {
			continue
		}
		if !conceptMatches(c, sentence, e.lex) {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return ev, false
	}
	para, ok := e.corpus.Paragraph(ev.Doc.ID, ev.Paragraph)
	if !ok {
		return ev, false
	}
	for i, s := range para.Sentences {
		if s.End != ev.Span.End || i+1 >= len(para.Sentences) {
			continue
		}
		next := para.Sentences[i+1]
		text := ev.Doc.Text[next.Start:next.End]
		if !e.refersBack(text, ev.Doc.Lang) || !lexicon.HasNegation(lexicon.Tokenize(text)) {
			return ev, false
		}
		for _, c := range missing {
			if conceptMatches(c, text, e.lex) {
				out := ev
				out.Span.End = next.End // the quote runs on to the negation
				return out, true
			}
		}
		return ev, false
	}
	return ev, false
}
