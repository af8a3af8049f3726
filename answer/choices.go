package answer

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// An alternative question ("was Lavrov's visit in Wonsan or Pyongyang?",
// lexicon's Query.Choices) is no yes/no question: "yes" answers nothing.
// Each offer is asked on its own, as the yes/no question it makes (was
// the visit in Wonsan? in Pyongyang?), and the offers the coverage says
// yes to are the answer: one, or both when the sources differ, each with
// its source. An offer said no to, or untold, is left out; when none is
// stated the coverage does not say.

// choiceEvidence returns the evidence for an alternative question, each
// sentence keyed by the offer it states, and the open question (the
// offers taken out, typed by them) to compose the answer as.
func (e *Extractive) choiceEvidence(ctx context.Context, lq lexicon.Query, k int, hits []retrieval.Hit) ([]Evidence, lexicon.Query, error) {
	open := lq
	open.Choices, open.Chosen = nil, true
	open.Concepts = nil
	for i, c := range lq.Concepts {
		if i != lq.Choices[0] && i != lq.Choices[1] {
			open.Concepts = append(open.Concepts, c)
		}
	}
	var out []Evidence
	for n, offered := range lq.Choices {
		other := lq.Choices[1-n]
		asked := lq
		asked.Choices = nil
		asked.Type = lexicon.AnswerYesNo
		asked.Polar = true
		asked.Concepts = append(append([]lexicon.Concept{}, lq.Concepts[:other]...), lq.Concepts[other+1:]...)
		asked.Text = withoutOffer(lq.Text, lq.Concepts[other].Surface) // the yes/no rules read the question's words
		ev, polarity, decided, err := e.asAsked(ctx, asked, k, hits)
		if err != nil {
			return nil, open, err
		}
		if !decided || polarity != yesNoYes {
			continue
		}
		for _, x := range ev {
			if !x.Backer && e.keyByOffer(&x, lq.Concepts[offered], lq.Type) {
				out = append(out, x)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out, open, nil
}

// keyByOffer sets the evidence's key to where its sentence writes the
// offer, and reports whether it does. Only the offer's own spellings
// count, not the country a capital stands for ("Pyongyang" is not
// "Korea Utara"), and an offered place only where the sentence locates
// something in it ("di Wonsan", "ke Pyongyang"), not where it names a
// government ("Pyongjang menyatakan") or a dateline.
func (e *Extractive) keyByOffer(x *Evidence, offer lexicon.Concept, typ lexicon.AnswerType) bool {
	sentence := x.Doc.Text[x.Span.Start:x.Span.End]
	toks := lexicon.Tokenize(sentence)
	terms := e.termsOf(sentence, x.Doc.Lang)
	for ai, a := range offer.Alts {
		if offer.AltWeight(ai) < 1 || !inLanguage(offer.AltLang(ai), x.Doc.Lang) {
			continue
		}
		for p := 0; p+len(a) <= len(toks) && p+len(a) <= len(terms); p++ {
			if !wordsAt(a, terms, p) || typ == lexicon.AnswerPlace && !(p > 0 && relationOf(toks[p-1].Norm) != placeUnknown) {
				continue
			}
			start, end := x.Span.Start+toks[p].Start, x.Span.Start+toks[p+len(a)-1].End
			x.Key, x.KeyStart, x.KeyEnd, x.KeyType, x.KeyDate = x.Doc.Text[start:end], start, end, typ, nil
			x.KeyNorm = strings.ToLower(offer.Surface) // one group per offer, however each source spells it
			return true
		}
	}
	return false
}

// wordsAt reports whether the alternative's words are written in order
// from token p.
func wordsAt(a lexicon.Alt, terms [][]string, p int) bool {
	for i, w := range a {
		if !anyIn(w, terms[p+i]) {
			return false
		}
	}
	return true
}

// withoutOffer returns the question without one offer and the "or" that
// joins it ("was it in Wonsan or in Moscow?" → "was it in Wonsan?").
func withoutOffer(question, offer string) string {
	q := regexp.QuoteMeta(offer)
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)\s+(?:or|atau|ato)\s+(?:(?:in|at|to|from|on|di|ke|dari|pada)\s+)?` + q + `\b`),
		regexp.MustCompile(`(?i)\b` + q + `\s+(?:or|atau|ato)\s+(?:(?:in|at|to|from|on|di|ke|dari|pada)\s+)?`),
	} {
		if loc := re.FindStringIndex(question); loc != nil {
			return question[:loc[0]] + question[loc[1]:]
		}
	}
	return question
}
