package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A cited sentence often names its actor only by a pronoun or a speaker
// suffix ("…, ujarnya.", "Ia menambahkan …", "He said …"): the sentence
// before it, in the same paragraph, names who that is. The antecedent
// rule lets the name that sentence opens with (its subject) stand for the
// pronoun, for the claim's subject only; a claim naming anyone else is
// still missing its name.

// ParagraphBefore returns the text before byte offset start of docText
// that a pronoun in the text at start may point back to: its paragraph's
// text before start (a line break ends a paragraph in a plain-text
// article), or, when start opens its paragraph, the paragraph before it
// (a quote paragraph's "…," ujarnya is the last speaker named). Empty
// when start is out of range or opens the article.
func ParagraphBefore(docText string, start int) string {
	if start <= 0 || start > len(docText) {
		return ""
	}
	from := strings.LastIndexByte(docText[:start], '\n') + 1
	if strings.TrimSpace(docText[from:start]) != "" {
		return docText[from:start]
	}
	prev := strings.TrimRight(docText[:from], " \t\r\n")
	return prev[strings.LastIndexByte(prev, '\n')+1:]
}

// subjectPronouns stand for a person or group named before.
var subjectPronouns = map[string]bool{
	"ia": true, "dia": true, "beliau": true, "mereka": true, "kami": true, "kita": true,
	"he": true, "she": true, "they": true, "we": true,
}

// speakerSuffixed are reporting words whose "-nya" is the speaker
// ("ujarnya": "he said").
var speakerSuffixed = map[string]bool{
	"ujarnya": true, "katanya": true, "tuturnya": true, "ucapnya": true, "tambahnya": true,
	"jelasnya": true, "lanjutnya": true, "imbuhnya": true, "tegasnya": true, "ungkapnya": true,
	"paparnya": true, "terangnya": true, "sebutnya": true, "tukasnya": true, "pungkasnya": true,
	"menurutnya": true, "tandasnya": true,
}

// pronounSubject reports whether the sentence's actor is a pronoun: a
// speaker suffix anywhere ("…, ujarnya"), a pronoun right after a
// reporting word ("kata dia", "said he"), or a pronoun before any name.
func pronounSubject(v *Verifier, toks []token) bool {
	for j, t := range toks {
		switch {
		case speakerSuffixed[t.Norm]:
			return true
		case subjectPronouns[t.Norm] && j > 0 && reportingWords[toks[j-1].Norm]:
			return true
		}
	}
	for j, t := range toks {
		if subjectPronouns[t.Norm] {
			return true
		}
		if nameToken(v, toks, j) {
			return false
		}
	}
	return false
}

// nameToken reports whether token j of a sentence is (part of) a name:
// capitalised, not a number, a title or a calendar word, and not merely
// the sentence's capitalised first word.
func nameToken(v *Verifier, toks []token, j int) bool {
	t := toks[j]
	if !t.Upper || t.Num || titleWord(t.Norm) || lexicon.IsCalendarWord(t.Norm) || subjectPronouns[t.Norm] {
		return false
	}
	return j > 0 || !v.lex.KnownWord(t.Norm)
}

// antecedentNames returns who a sentence is about: the speaker it
// quotes ("…, ujar Kyrylo Budanov", "said Lavrov") or else the name it
// opens with, its subject — the run of capitalised words around that
// name ("Presiden Rusia Vladimir Putin"). Nil when it names no one.
func antecedentNames(v *Verifier, toks []token) []token {
	for j := 1; j < len(toks); j++ {
		if reportingWords[toks[j-1].Norm] && toks[j-1].Norm != "according" && toks[j-1].Norm != "menurut" && nameToken(v, toks, j) {
			return nameRun(toks, j)
		}
	}
	for j := range toks {
		if nameToken(v, toks, j) {
			return nameRun(toks, j)
		}
	}
	return nil
}

// nameRun is the run of capitalised words around the name at token j,
// with the titles before it.
func nameRun(toks []token, j int) []token {
	a, b := j, j+1
	for a > 0 && toks[a-1].Upper && !toks[a-1].Num && !toks[a].breakBefore && (a-1 > 0 || titleWord(toks[a-1].Norm)) {
		a--
	}
	for b < len(toks) && toks[b].Upper && !toks[b].Num && !toks[b].breakBefore {
		b++
	}
	return toks[a:b]
}

// lastSentence returns the tokens of the last sentence of text.
func (v *Verifier) lastSentence(text string) []token {
	toks := v.tokens(text)
	sents := sentenceRanges(text, toks)
	if len(sents) == 0 {
		return nil
	}
	last := sents[len(sents)-1]
	return toks[last[0]:last[1]]
}

// antecedentOf returns the names a pronoun subject of sentence si of p
// stands for: the subject of the sentence before it, in p or, for p's
// first sentence, at the end of the paragraph before p. Nil when the
// sentence names its own actor.
func (v *Verifier) antecedentOf(p passage, sents [][2]int, si int) []token {
	sr := sents[si]
	if !pronounSubject(v, p.toks[sr[0]:sr[1]]) {
		return nil
	}
	prev := p.before
	if si > 0 {
		pr := sents[si-1]
		prev = p.toks[pr[0]:pr[1]]
	}
	return antecedentNames(v, prev)
}

// withBefore gives p the last sentence of the paragraph text before it.
func (v *Verifier) withBefore(p passage, before string) passage {
	if strings.TrimSpace(before) != "" {
		p.before = v.lastSentence(before)
	}
	return p
}

// actor reports whether concept i of the claim is who acts or speaks: its
// subject, or the source a statement is attributed to ("according to
// Budanov", "menurut Budanov").
func (c *claim) actor(i int) bool {
	if i >= len(c.roles) {
		return false
	}
	if c.roles[i] == roleSubject {
		return true
	}
	if i >= len(c.cspans) || c.cspans[i][0] < 1 {
		return false
	}
	j := c.cspans[i][0]
	prev := c.toks[j-1].Norm
	return prev == "menurut" || prev == "to" && j >= 2 && c.toks[j-2].Norm == "according"
}
