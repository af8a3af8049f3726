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
	statement := e.questionStatement(lq, nil)
	if statement == "" {
		return ""
	}
	text := c.doc.Text[c.span.Start:c.span.End]
	before := ""
	if c.prev.End > c.prev.Start {
		before = c.doc.Text[c.prev.Start:c.prev.End]
	}
	if why := e.verifier().RolesSwapped(statement, text, before); why != "" {
		return why
	}
	// "rusia ngirim brp insinyur ke korut?" over "Korut juga setuju
	// mengirim 6.000 insinyur …": the sentence leaves Russia out, so the
	// question's statement is not about the same thing, yet the name it
	// does write sends where the question has it receive. The statement
	// is judged again without the names the sentence (and the one before
	// it) lacks, for the direction alone: without its first name the
	// statement's next name would be read as its actor.
	absent := e.absentNames(c, lq)
	if len(absent) == 0 {
		return ""
	}
	if s := e.questionStatement(lq, absent); s != "" && s != statement {
		return e.verifier().DirectionReversed(s, text, before)
	}
	return ""
}

// absentNames returns the question's name concepts that neither the
// sentence nor the one before it writes.
func (e *Extractive) absentNames(c *candidate, lq lexicon.Query) map[int]bool {
	absent := map[int]bool{}
	for i, con := range lq.Concepts {
		if !con.Entity && !e.lex.PlaceNamed(con) {
			continue
		}
		here := false
		for _, terms := range append(append([][]string{}, c.termsAt...), c.prevTerms...) {
			if conceptAt(con, terms) {
				here = true
				break
			}
		}
		if !here {
			absent[i] = true
		}
	}
	return absent
}

// attributionWord is a question word that, kept, tells the verifier
// whose statement follows: without it, "according to the Pentagon" reads
// "to the Pentagon", a destination.
func attributionWord(norm string) bool { return norm == "according" || norm == "menurut" }

// questionStatement is the question as a statement for the verifier: its
// tokens in order without question words, tags and chat particles, each
// name concept's words capitalised, and a place typed in lower case
// ("rusia", "north korea") too; "" when it names fewer than two names
// (roles need two). The words of the name concepts in leave are left
// out, with the preposition right before them ("ke korut").
func (e *Extractive) questionStatement(lq lexicon.Query, leave map[int]bool) string {
	toks := lexicon.Tokenize(lq.Text)
	names := 0
	capital := make([]bool, len(toks))
	drop := make([]bool, len(toks))
	for ci, con := range lq.Concepts {
		if !con.Entity && !e.lex.PlaceNamed(con) {
			continue
		}
		names++
		for _, w := range strings.Fields(con.Surface) {
			for i, t := range toks {
				if strings.EqualFold(t.Text, w) {
					capital[i] = true
					drop[i] = leave[ci]
				}
			}
		}
	}
	if names < 2 {
		return ""
	}
	return statementOf(toks, capital, drop)
}

// polarStatement is a polar question as the statement it asks about
// ("is Shoigu still Russia's defence minister?": "Shoigu still Russia s
// defence minister"), its names capitalised, whatever their number.
func (e *Extractive) polarStatement(lq lexicon.Query) string {
	toks := lexicon.Tokenize(lq.Text)
	return statementOf(toks, e.nameTokens(lq, toks), make([]bool, len(toks)))
}

// statementOf writes the tokens of a question as a statement: without
// question words, tags and the dropped tokens, the capital ones
// capitalised.
func statementOf(toks []lexicon.Token, capital, drop []bool) string {
	for i := 1; i < len(toks); i++ {
		if drop[i] && !drop[i-1] && rolePreposition(toks[i-1].Norm) {
			drop[i-1] = true
		}
	}
	var b strings.Builder
	for i, t := range toks {
		if drop[i] || (lexicon.IsQuestionWord(t.Norm) || lexicon.IsTagWord(t.Norm)) && !attributionWord(t.Norm) {
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

// rolePreposition reports a preposition that gives the name after it its
// role (to, from, by, in): left without its name it would point at the
// next word.
func rolePreposition(w string) bool {
	switch w {
	case "ke", "kepada", "dari", "di", "oleh", "to", "from", "in", "at", "into", "by":
		return true
	}
	return false
}
