package answer

import (
	"context"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Offline follow-ups. A language model reads a thread's earlier turns
// itself; the extractive answerer cannot, so a follow-up such as "When did
// that happen?" is first folded into a standalone question: the words
// pointing back ("that", "itu", "happen", "terjadi") give way to the
// subject and the names of the thread's latest question that has any.

// Words that point back to an earlier turn, and vague verbs that only
// stand for "the thing asked about before".
var (
	anaphors = map[string]bool{
		"that": true, "it": true, "this": true, "they": true, "them": true, "those": true, "these": true,
		"he": true, "she": true, "him": true, "her": true, "there": true, "its": true, "their": true,
		"itu": true, "tersebut": true, "ini": true, "dia": true, "ia": true, "mereka": true, "sana": true, "hal": true,
	}
	vagueVerbs = map[string]bool{
		"happen": true, "happened": true, "happens": true, "occur": true, "occurred": true, "take": true, "place": true,
		"terjadi": true, "berlangsung": true, "dilakukan": true,
	}
)

// maxShortFollowUp is the most content words a question without names may
// have and still read as a follow-up ("And the engineers?").
const maxShortFollowUp = 2

// Standalone returns question made standalone with the thread's earlier
// turns (oldest first); a question that stands on its own is returned
// unchanged.
func Standalone(lex *lexicon.Lexicon, question string, history []Turn) string {
	question = strings.TrimSpace(question)
	if len(history) == 0 || lex == nil || question == "" {
		return question
	}
	toks := lexicon.Tokenize(question)
	pointsBack, content := false, 0
	for _, t := range toks {
		switch {
		case anaphors[t.Norm] || strings.HasSuffix(t.Norm, "nya") && len(t.Norm) > 5:
			pointsBack = true
		case vagueVerbs[t.Norm]:
		case !lex.IsStop(t.Norm):
			content++
		}
	}
	hasName := false
	for _, c := range lex.Analyze(question).Concepts {
		hasName = hasName || c.Entity
	}
	if !pointsBack && (hasName || content > maxShortFollowUp) {
		return question
	}
	for i := len(history) - 1; i >= 0; i-- {
		subject := subjectOf(lex, history[i].Question)
		if subject == "" {
			continue
		}
		return foldInto(question, toks, subject)
	}
	return question
}

// subjectOf is what an earlier question was about: its words without
// question words, stop words and punctuation, names kept as written.
func subjectOf(lex *lexicon.Lexicon, q string) string {
	var words []string
	for _, t := range lexicon.Tokenize(q) {
		if lex.IsStop(t.Norm) || anaphors[t.Norm] || vagueVerbs[t.Norm] {
			continue
		}
		words = append(words, t.Text)
	}
	return strings.Join(words, " ")
}

// foldInto drops question's pointing-back words and appends subject,
// keeping the question mark at the end.
func foldInto(question string, toks []lexicon.Token, subject string) string {
	var b strings.Builder
	last := 0
	for _, t := range toks {
		if !anaphors[t.Norm] && !vagueVerbs[t.Norm] {
			continue
		}
		b.WriteString(question[last:t.Start])
		last = t.End
	}
	b.WriteString(question[last:])
	kept := strings.Join(strings.Fields(b.String()), " ")
	mark := ""
	for _, m := range []string{"?", "？"} {
		if strings.HasSuffix(kept, m) {
			kept, mark = strings.TrimSpace(strings.TrimSuffix(kept, m)), m
		}
	}
	if mark == "" && strings.HasSuffix(question, "?") {
		mark = "?"
	}
	return strings.TrimSpace(kept+" "+subject) + mark
}

// offline answers q extractively, folding a follow-up into a standalone
// question first; the Result keeps the question as asked.
func (s *Service) offline(ctx context.Context, q Query) (Result, error) {
	asked := q.Question
	if len(q.History) > 0 {
		q.Question = Standalone(s.corpus.Lexicon(), q.Question, q.History)
		if q.Question != asked {
			s.logger.Debug("follow-up made standalone", "turns", len(q.History))
		}
	}
	res, err := s.ext.Answer(ctx, q)
	res.Question = asked
	return res, err
}
