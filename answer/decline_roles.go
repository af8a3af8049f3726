package answer

import (
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/lexicon"
)

// rolesSwapped returns the verifier's reason when the chosen sentence
// gives the question's names swapped roles ("rusia ngirim brp insinyur ke
// korut?" over "Korut … mengirim 6.000 insinyur ke Rusia"; "when did Kim
// go to the Kremlin?" over Choe's visit), or "". The question is read as
// the statement it makes: its words without the question words, its
// names capitalised as names.
func (e *Extractive) rolesSwapped(c *candidate, lq lexicon.Query) string {
	if lq.Type == lexicon.AnswerYesNo || lq.Polar {
		return "" // a yes/no question's swapped roles answer no (yesno.go), not "the coverage does not say"
	}
	statement := e.questionStatement(lq)
	if statement == "" {
		return ""
	}
	text := c.doc.Text[c.span.Start:c.span.End]
	before := ""
	if c.prev.End > c.prev.Start {
		before = c.doc.Text[c.prev.Start:c.prev.End]
	}
	return e.verifier().RolesSwapped(statement, text, before)
}

// attributionWord is a question word that, kept, tells the verifier
// whose statement follows: without it, "according to the Pentagon" reads
// "to the Pentagon", a destination.
func attributionWord(norm string) bool { return norm == "according" || norm == "menurut" }

// questionStatement is the question as a statement for the verifier: its
// tokens in order without question words, tags and chat particles, each
// name concept's words capitalised, and a place typed in lower case
// ("rusia", "north korea") too; "" when it names fewer than two names
// (roles need two).
func (e *Extractive) questionStatement(lq lexicon.Query) string {
	toks := lexicon.Tokenize(lq.Text)
	names := 0
	capital := make([]bool, len(toks))
	for _, con := range lq.Concepts {
		if !con.Entity && !e.lex.PlaceNamed(con) {
			continue
		}
		names++
		for _, w := range strings.Fields(con.Surface) {
			for i, t := range toks {
				if strings.EqualFold(t.Text, w) {
					capital[i] = true
				}
			}
		}
	}
	if names < 2 {
		return ""
	}
	var b strings.Builder
	for i, t := range toks {
		if (lexicon.IsQuestionWord(t.Norm) || lexicon.IsTagWord(t.Norm)) && !attributionWord(t.Norm) {
			continue
		}
		w := t.Text
		if capital[i] {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			w = string(r)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
