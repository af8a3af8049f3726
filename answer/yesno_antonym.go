package answer

import (
	"context"

	"github.com/kabar-bot/kabar/lexicon"
)

// A sentence that lacks a word of the question may paraphrase it, so by
// itself the lack proves nothing. A sentence stating its opposite does:
// "is Wonsan on North Korea's west coast?" is answered no by "Wonsan, kota
// di pesisir timur", whatever the sentence without "west" that was chosen
// first says. The opposites are WordNet's antonyms (west → east), read in
// the passages' language through the dictionaries.

// statesOpposite returns a sentence that states the question's
// proposition with one of its words, which the chosen sentence (yes)
// lacks, replaced by an antonym: the coverage says no.
func (e *Extractive) statesOpposite(ctx context.Context, lq lexicon.Query, yes Evidence, k int) (Evidence, bool, error) {
	if lq.Lang != "en" {
		return Evidence{}, false, nil // the antonyms are of English words
	}
	chosen := yes.Doc.Text[yes.Span.Start:yes.Span.End]
	for i, c := range lq.Concepts {
		if c.Entity || c.Number || c.Meta || conceptMatches(c, chosen, e.lex) {
			continue
		}
		toks := lexicon.Tokenize(c.Surface)
		if len(toks) != 1 {
			continue
		}
		for _, a := range e.lex.EnglishAntonyms(toks[0].Norm) {
			opposite, ok := e.oppositeConcept(a)
			if !ok {
				continue
			}
			asked := lq
			asked.Type = lexicon.AnswerAny
			asked.Concepts = append([]lexicon.Concept{}, lq.Concepts...)
			asked.Concepts[i] = opposite
			ev, err := e.evidenceFrom(ctx, asked, k, nil)
			if err != nil {
				return Evidence{}, false, err
			}
			for _, x := range allNamed(ev) {
				sentence := x.Doc.Text[x.Span.Start:x.Span.End]
				if !x.Backer && conceptMatches(opposite, sentence, e.lex) && !conceptMatches(c, sentence, e.lex) {
					return x, true, nil
				}
			}
		}
	}
	return Evidence{}, false, nil
}

// oppositeConcept reads an antonym as a concept of an English question.
func (e *Extractive) oppositeConcept(word string) (lexicon.Concept, bool) {
	for _, c := range e.lex.Analyze(word).Concepts {
		if c.Surface == word {
			c.Focus = false
			return c, true
		}
	}
	return lexicon.Concept{}, false
}
