package answer

import (
	"context"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// A polar question may set its proposition in a situation: "Was the
// archive affected when the servers were hacked?", "Putin nitip salam
// buat Kim pas ketemu Choe?". Writers state the situation once (a
// heading, the sentence before, the article's lead) and the proposition
// in a sentence of its own ("… the package archive was not affected by
// this compromise"). When no sentence states both, the proposition is
// judged alone, and the situation must be the one its sentence stands
// in: every name and figure of the situation in the sentence, the one
// before, its paragraph or the article's title and lead.

// settingWord reports a word that opens a when-clause.
func settingWord(w string) bool {
	switch w {
	case "when", "while", "whilst", "ketika", "saat", "sewaktu", "tatkala", "pas", "semasa":
		return true
	}
	return false
}

// knowingWord reports a verb that takes an embedded question ("know
// when", "decide when").
func knowingWord(w string) bool {
	switch w {
	case "know", "knew", "known", "decide", "decided", "reveal", "revealed", "specify", "specified", "disclose", "disclosed",
		"tell", "ask", "asked", "confirm", "confirmed", "tahu", "mengetahui", "memutuskan", "mengungkap", "menjelaskan":
		return true
	}
	return false
}

// splitSetting splits a polar question at its when-clause: the
// proposition (as a question) and the situation. ok is false when the
// question has none after its first words.
func splitSetting(text string) (main, setting string, ok bool) {
	toks := lexicon.Tokenize(text)
	for i := 2; i+1 < len(toks); i++ {
		if !settingWord(toks[i].Norm) {
			continue
		}
		switch toks[i+1].Norm {
		case "ini", "itu", "now", "yang":
			continue // "saat ini" is now, "waktu itu" then: no clause
		}
		if p := toks[i-1].Norm; lexicon.ReportsSpeech(p) || knowingWord(p) {
			continue // "did they say when …?" asks the time said, no situation
		}
		main = strings.TrimRight(strings.TrimSpace(text[:toks[i].Start]), ",;") + "?"
		setting = strings.TrimRight(strings.TrimSpace(text[toks[i].End:]), "?!. ")
		return main, setting, setting != ""
	}
	return "", "", false
}

// inSetting judges the proposition of a question with a when-clause by
// itself, and keeps its verdict only when each sentence it rests on
// stands in the asked situation.
//
// The passages are those retrieved for the whole question: the ones
// about the situation. A name that only owns a thing of the proposition
// ("the Debian package archive") is checked like the situation's names:
// a page about Debian says "the package archive".
func (e *Extractive) inSetting(ctx context.Context, lq lexicon.Query, k int, hits []retrieval.Hit) ([]Evidence, yesNo, bool, error) {
	main, setting, ok := splitSetting(lq.Text)
	if !ok {
		return nil, yesNoNone, false, nil
	}
	mq := e.readClause(main, hits)
	if hits == nil {
		var err error
		if hits, err = e.search(ctx, lq, k); err != nil {
			return nil, yesNoNone, false, err
		}
	}
	mq.Type, mq.Polar = lexicon.AnswerYesNo, true
	mq, owners := withoutOwners(mq)
	ev, polarity, decided, err := e.asAsked(ctx, mq, k, hits)
	if err != nil || !decided || len(ev) == 0 {
		return nil, yesNoNone, false, err
	}
	sq := e.readClause(setting, hits)
	sq.Concepts = append(sq.Concepts, owners...)
	for _, x := range ev {
		if !e.standsIn(sq, x) {
			return nil, yesNoNone, false, nil
		}
	}
	return ev, polarity, true, nil
}

// withoutOwners takes out of q the names that own one of its things
// ("Debian" of "the Debian package archive"), returning them apart.
func withoutOwners(q lexicon.Query) (lexicon.Query, []lexicon.Concept) {
	owns := map[int]bool{}
	for _, c := range q.Concepts {
		if c.Owner > 0 && q.Concepts[c.Owner-1].Entity {
			owns[c.Owner-1] = true
		}
	}
	if len(owns) == 0 {
		return q, nil
	}
	var kept, owners []lexicon.Concept
	newIndex := map[int]int{}
	for i, c := range q.Concepts {
		if owns[i] {
			owners = append(owners, c)
			continue
		}
		newIndex[i] = len(kept)
		kept = append(kept, c)
	}
	renumber := func(ref int) int { // 1 + an index into the concepts, 0 for none
		if j, ok := newIndex[ref-1]; ok && ref > 0 {
			return j + 1
		}
		return 0 // none, or a name taken out: checked around the sentence
	}
	for i := range kept {
		kept[i].Owner, kept[i].List = renumber(kept[i].Owner), renumber(kept[i].List)
	}
	q.Concepts = kept
	return q, owners
}

// standsIn reports whether the evidence sentence stands in the situation
// sq: each of its names and figures in the sentence, the sentence
// before, the paragraph or the article's title and lead; a situation
// without any needs one of its words there.
func (e *Extractive) standsIn(sq lexicon.Query, ev Evidence) bool {
	var around [][][]string
	around = append(around, e.termsOf(ev.Doc.Text[ev.Span.Start:ev.Span.End], ev.Doc.Lang))
	if para, ok := e.corpus.Paragraph(ev.Doc.ID, ev.Paragraph); ok {
		around = append(around, e.termsOf(ev.Doc.Text[para.Span.Start:para.Span.End], ev.Doc.Lang))
		if before, ok := e.corpus.Paragraph(ev.Doc.ID, ev.Paragraph-1); ok {
			around = append(around, e.termsOf(ev.Doc.Text[before.Span.Start:before.Span.End], ev.Doc.Lang))
		}
	}
	around = append(around, e.topicTerms(ev.Doc))
	found := func(c lexicon.Concept) bool {
		for _, terms := range around {
			if namesWhole(c, terms) {
				return true
			}
		}
		return false
	}
	named, words := 0, 0
	for _, c := range sq.Concepts {
		switch {
		case c.Entity || c.Number:
			named++
			if !found(c) {
				return false
			}
		case !c.Meta && found(c):
			words++
		}
	}
	return named > 0 || words > 0
}

// restsOnProposition reports whether the sentences of a verdict state
// something of the proposition itself, not only of its situation: a
// heading "November 2003: servers hacked" does not say whether the
// archive was affected then. A question without a when-clause rests on
// whatever its sentences state.
func (e *Extractive) restsOnProposition(lq lexicon.Query, ev []Evidence) bool {
	main, _, ok := splitSetting(lq.Text)
	if !ok || len(ev) == 0 {
		return true
	}
	var words []lexicon.Concept
	for _, c := range e.readClause(main, nil).Concepts {
		if !c.Entity && !c.Number && !c.Meta {
			words = append(words, c)
		}
	}
	if len(words) == 0 {
		return true
	}
	for _, x := range ev {
		sentence := x.Doc.Text[x.Span.Start:x.Span.End]
		found := false
		for _, c := range words {
			found = found || conceptMatches(c, sentence, e.lex)
		}
		if !found {
			return false
		}
	}
	return true
}

// readClause reads a part of a question as a question of its own, with
// the words the passages write as names read as names ("choe").
func (e *Extractive) readClause(text string, hits []retrieval.Hit) lexicon.Query {
	q := e.lex.Analyze(text)
	if names := corpusNames(text, hits, e.lex.KnownWord, e.lex.TitleWord); len(names) > 0 {
		q = e.lex.AnalyzeWith(text, func(w string) bool { return names[w] })
	}
	return withCorpusSpellings(e.corpus, q, e.lex.KnownWord)
}
