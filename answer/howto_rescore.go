package answer

import (
	"fmt"

	"github.com/kabar-bot/kabar/lexicon"
)

// readHowTo judges, for a how-to question, the retrieved sentences as the
// question's how reads them: an instruction gives the method asked, which
// counts as the question's most informative word would as its focus; a
// sentence giving none lacks it. An instruction
// that follows the sentence setting out its situation ("This causes the
// default event MPM to be disabled … To use the event MPM one can use
// php-fpm.") is judged and quoted with it; a sentence introducing a code
// block ("… execute:") is quoted with the block, which holds the command.
// When no retrieved sentence gives an instruction (news), the question's
// how asks a manner, and every sentence is left as judged.
func (e *Extractive) readHowTo(cands []*candidate, lq lexicon.Query) []*candidate {
	h, ok := readHow(lq)
	if !ok {
		return cands
	}
	weights := conceptWeights(e.corpus, lq)
	byStart := map[string]*candidate{}
	for _, c := range cands {
		byStart[fmt.Sprintf("%s@%d", c.doc.ID, c.span.Start)] = c
	}
	codeEnd := make([]int, len(cands))
	instructs := make([]bool, len(cands))
	found := false
	for i, c := range cands {
		codeEnd[i] = e.codeAfter(c)
		instructs[i] = codeEnd[i] > 0 || givesInstruction(c.text(), c.doc.Lang, e.lex)
		found = found || instructs[i]
	}
	if !found {
		return cands // no instructions retrieved (news): a how of manner, read as judged
	}
	docTerms := map[string][][]string{}
	for i, c := range cands {
		if !instructs[i] {
			// The question's "way" is no word to find in a sentence that
			// only names one ("here is a safe way to …"), and one that
			// gives no instruction lacks the method asked.
			cov := h.coverage(c, lq, weights, false)
			c.score += cov - c.coverage
			c.coverage = cov
			continue
		}
		if codeEnd[i] > 0 {
			c.span.End = codeEnd[i] // the quote runs on to the command (verbatim: the text between is the document's)
		}
		best, cov := c, h.coverage(c, lq, weights, true)
		if p := e.situationOf(c, lq, weights, byStart, docTerms); p != nil {
			u := withInstruction(p, c)
			if uc := h.coverage(u, lq, weights, true); uc > cov && u.entities {
				best, cov = u, uc
			}
		}
		best.score = c.score - c.coverage + cov
		best.coverage = cov
		cands[i] = best
	}
	return withoutQuoted(cands)
}

// withInstruction is the situation p judged together with the
// instruction c that follows it: each concept as well matched as either
// sentence matches it, quoted from p's start to c's end.
func withInstruction(p, c *candidate) *candidate {
	u := *p
	u.span.End = c.span.End
	u.toks = append(append([]lexicon.Token(nil), p.toks...), c.toks...)
	u.termsAt = append(append([][]string(nil), p.termsAt...), c.termsAt...)
	u.matched = append([]conceptMatch(nil), p.matched...)
	for _, m := range c.matched {
		if m.pos >= 0 {
			m.pos += len(p.toks) // c's tokens follow p's
		}
		found := false
		for k, x := range u.matched {
			if x.concept == m.concept {
				found = true
				if m.credit > x.credit {
					u.matched[k] = m
				}
			}
		}
		if !found {
			u.matched = append(u.matched, m)
		}
	}
	u.entities = p.entities || c.entities
	u.inDoc = p.inDoc || c.inDoc
	u.allHere = p.allHere || c.allHere
	u.namesOnly = p.namesOnly && c.namesOnly
	u.roleMissing = p.roleMissing && c.roleMissing
	return &u
}

// situationOf returns the judged sentence before an instruction in its
// paragraph, which sets out the situation the instruction is for; nil for
// a paragraph's first sentence.
func (e *Extractive) situationOf(c *candidate, lq lexicon.Query, weights []float64, byStart map[string]*candidate, docTerms map[string][][]string) *candidate {
	para, ok := e.corpus.Paragraph(c.doc.ID, c.paragraph)
	if !ok {
		return nil
	}
	si := -1
	for i, s := range para.Sentences {
		if s.Start == c.span.Start {
			si = i
		}
	}
	if si <= 0 {
		return nil
	}
	prev := para.Sentences[si-1]
	if p, ok := byStart[fmt.Sprintf("%s@%d", c.doc.ID, prev.Start)]; ok && p.span.End == prev.End {
		return p
	}
	p := e.newCandidate(c.doc, prev)
	p.paragraph, p.chunk, p.hitRank = c.paragraph, c.chunk, c.hitRank
	dt, ok := docTerms[c.doc.ID]
	if !ok {
		dt = e.termsOf(c.doc.Text, c.doc.Lang)
		docTerms[c.doc.ID] = dt
	}
	judge(p, lq, weights, e.termsOf(c.doc.Text[para.Span.Start:para.Span.End], c.doc.Lang), e.topicTerms(*c.doc), dt)
	return p
}

// coverage is the weighted share of lq's concepts a sentence matches
// under the how-reading: the words naming the way do not count, and the
// method asked counts as the question's focus would, as its most
// informative word: an instruction gives it, other sentences lack it.
func (h howAsk) coverage(c *candidate, lq lexicon.Query, weights []float64, instruction bool) float64 {
	var got, total, heaviest float64
	for i, con := range lq.Concepts {
		heaviest = max(heaviest, weights[i])
		if h.method[i] {
			continue
		}
		w := weights[i]
		if con.Focus {
			w *= focusWeight
		}
		total += w
	}
	for _, m := range c.matched {
		if h.method[m.concept] {
			continue
		}
		w := weights[m.concept]
		if lq.Concepts[m.concept].Focus {
			w *= focusWeight
		}
		got += w * m.credit
	}
	method := focusWeight * heaviest
	if instruction {
		got += method
	}
	for _, w := range h.code {
		total += heaviest
		for _, t := range c.toks {
			if t.Norm == w {
				got += heaviest // the command the question names, written as code
				break
			}
		}
	}
	return got / (total + method)
}

// withoutQuoted drops the sentences a better candidate's quote already
// holds (the situation an instruction is quoted with, or two
// instructions quoted with the one between them): one passage, cited
// once.
func withoutQuoted(cands []*candidate) []*candidate {
	out := cands[:0:0]
	for i, c := range cands {
		held := false
		for j, o := range cands {
			if j == i || o.doc.ID != c.doc.ID || o.span.End <= quoteStart(c) || c.span.End <= quoteStart(o) {
				continue // another article, or no text in common
			}
			if o.score > c.score || o.score == c.score && j < i {
				held = true
				break
			}
		}
		if !held {
			out = append(out, c)
		}
	}
	return out
}

// quoteStart is where a candidate's quote starts: at the sentence it
// refers back to when that one names whom it means (see evidenceFrom).
func quoteStart(c *candidate) int {
	if c.namedBefore {
		return c.prev.Start
	}
	return c.span.Start
}
