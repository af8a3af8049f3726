package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// The decline stage judges the sentence the answerer chose against the
// question, once selection is done, and declines when the sentence answers
// a neighbouring question. Each check is one named rule, with a labelled
// row in decline_test.go:
//   - grounded: the question's salient concepts — the thing a how-many
//     question counts (countedConcept), a name typed in lower case
//     (lowercaseName), a lower-case place qualifying a thing
//     (placeModifiers) — are matched in the sentence or its context (the
//     sentence before, which a pronoun subject refers to; the article's
//     title). A concept matched through a translation or a synonym counts:
//     judge matched the sentence's index terms against all of them.
//   - ownedByAnotherPlace, possessedByAnother: the sentence does not give
//     the thing the question qualifies to another country or person.
//   - withheld: the sentence does not say that what is asked was not told.
//   - versionApart: a figure the question writes after a name ("debian
//     12") is matched beside that name, not elsewhere.
// Names written as names, figures and other words are judged before, in
// judge and the candidates' rules.

// declineReason returns why the chosen sentence does not answer the
// question (the concept it misses or misreads, or "untold"), or "" when it
// may answer.
func (e *Extractive) declineReason(c *candidate, lq lexicon.Query) string {
	places := e.placeModifiers(lq)
	if con := e.ungrounded(c, lq, places); con != "" {
		return con
	}
	if con := e.otherEvent(c, lq); con != "" {
		return con
	}
	if v := e.versionApart(c, lq); v != "" {
		return v // decline_version.go: "debian 12" — "the 12th DebConf"
	}
	if p := e.ownedByAnotherPlace(c, lq, places); p != "" {
		return p
	}
	if p := e.possessedByAnother(c, lq); p != "" {
		return p
	}
	if withheld(c, lq) {
		return "untold"
	}
	if r := e.rolesSwapped(c, lq); r != "" {
		return r
	}
	if p := e.placeAsActor(c, lq); p != "" {
		return p // decline_place.go: "to the Kremlin" — "dibantah oleh Kremlin"
	}
	return ""
}

// ungrounded returns a concept the question must find in its evidence
// that the chosen sentence does not match, in itself or in its context,
// or "" when there is none. A sentence that never names what the question
// is about ("how many tanks" over a sentence counting troops; a release
// name the question gives over a sentence about another) answers a
// neighbouring question: the coverage does not say.
func (e *Extractive) ungrounded(c *candidate, lq lexicon.Query, places map[int][]int) string {
	var title [][]string
	counted := e.countedConcept(lq)
	for i, con := range lq.Concepts {
		_, place := places[i]
		if !(i == counted || e.mustGround(con, lq.Lang) || place) || matchedInSentence(c, i) {
			continue
		}
		readings := []lexicon.Concept{con}
		if asName, ok := e.lex.NameConcept(con.Surface); ok && place {
			// read as the name it is: its capital too ("Pyongyang
			// mengirim …" for "north korean troops")
			readings = append(readings, asName)
		}
		if title == nil {
			title = e.termsOf(c.doc.Title, c.doc.Lang)
		}
		if inContext(c, readings, title) || listMemberHere(c, lq, con) || e.anyoneCounted(c, con) {
			continue
		}
		if i == counted && measuredHere(c, strings.ToLower(con.Surface)) {
			continue // "berapa luas": the sentence's "90 kilometer persegi" is an area
		}
		return con.Surface
	}
	return ""
}

// inContext reports whether one of a concept's readings is in the
// sentence (a name reading is matched here, not by judge), in the sentence
// before when this one refers back to it ("it", "ia"), or in the
// article's title.
func inContext(c *candidate, readings []lexicon.Concept, title [][]string) bool {
	for k, r := range readings {
		if k > 0 && namesWhole(r, c.termsAt) || c.prevTerms != nil && namesWhole(r, c.prevTerms) || namesWhole(r, title) {
			return true
		}
	}
	return false
}

// mustGround reports whether the evidence must itself name a concept of
// the question, beyond the names judge already requires.
func (e *Extractive) mustGround(con lexicon.Concept, lang string) bool {
	return lang == "en" && e.lowercaseName(con)
}

// otherEvent returns the predicate of an English how-many question
// (countPredicate) that the chosen sentence, and the one it refers back
// to, do not state in a translation or a close synonym, or "". A loose
// synonym ("lalu" among the dictionaries' words for "died") is not the
// event.
func (e *Extractive) otherEvent(c *candidate, lq lexicon.Query) string {
	counted := e.countedConcept(lq)
	for i, con := range lq.Concepts {
		if !e.countPredicate(lq, counted, i) {
			continue
		}
		stated := false
		for k, a := range con.Alts {
			if con.AltWeight(k) >= synonymCredit && (phraseAt(a, c.termsAt) || c.prevTerms != nil && phraseAt(a, c.prevTerms)) {
				stated = true
				break
			}
		}
		if !stated && !sharesBase(c, con.Surface) {
			return con.Surface
		}
	}
	return ""
}

// countPredicate reports whether concept i is what an English how-many
// question says happened to what it counts ("how many soldiers died",
// "… were taken prisoner"): the first word after the counted noun that is
// no noun, name or figure, and that the dictionaries translate. A
// sentence counting the same people for another event ("10.000 tentara
// dikirim") answers another question. A word with no translation is not
// judged: a verb the dictionaries miss is no evidence of another event.
func (e *Extractive) countPredicate(lq lexicon.Query, counted, i int) bool {
	if lq.Lang != "en" || counted < 0 || i <= counted {
		return false
	}
	toks := lexicon.Tokenize(lq.Text)
	if quantityEnd(toks) < 0 {
		return false
	}
	for k := counted + 1; k < i; k++ {
		if predicateLike(e, lq.Concepts[k]) {
			return false // only the first: the rest says more of the event ("to help rebuild")
		}
	}
	con := lq.Concepts[i]
	if !predicateLike(e, con) || adverbBeforeVerb(e, toks, con) {
		return false
	}
	for k := range con.Alts {
		if k < len(con.AltLangs) && con.AltLangs[k] == "id" {
			return true
		}
	}
	return false
}

func predicateLike(e *Extractive, con lexicon.Concept) bool {
	return !con.Salient && !con.Entity && !con.Number && !con.Meta && !e.lex.PlaceNamed(con) && !lightVerb(strings.ToLower(con.Surface))
}

// adverbBeforeVerb reports a one-word concept that is an adverb by
// WordNet's dominant part of speech and stands before a word of the
// question (toks) rather than after a verb ("did Ukraine still hold": how it
// stands, not what happened; "taken back" keeps its particle).
func adverbBeforeVerb(e *Extractive, toks []lexicon.Token, con lexicon.Concept) bool {
	w := strings.ToLower(con.Surface)
	if strings.Contains(w, " ") || e.lex.DominantPOS(w) != 'r' {
		return false
	}
	for j, t := range toks {
		if t.Norm != w {
			continue
		}
		if j > 0 && (lightVerb(toks[j-1].Norm) || e.lex.DominantPOS(toks[j-1].Norm) == 'v') {
			return false // a verb's particle
		}
		return j+1 < len(toks)
	}
	return false
}

// lightVerb reports an English verb that carries little of an event
// itself ("had Shoigu made three trips", "taken prisoner", "held
// talks"): the noun beside it says what happened, and its translations
// are many and loose.
func lightVerb(w string) bool {
	switch w {
	case "make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "get", "gets", "got", "gotten",
		"give", "gives", "gave", "given", "go", "goes", "went", "gone", "come", "comes", "came", "put", "puts",
		"keep", "keeps", "kept", "let", "lets", "do", "does", "did", "done", "have", "has", "had", "be", "been", "being",
		"hold", "holds", "held", "holding": // "held talks"; "can the resort hold" over "room for 20,000 guests"

		return true
	}
	return false
}

// sharesBase reports a token of the sentence derived from the same
// English base as word ("attendees" for "attended"), which the stemmer
// keeps apart.
func sharesBase(c *candidate, word string) bool {
	base := strings.ToLower(word)
	for _, suf := range []string{"ing", "ed", "es", "s", "e"} {
		if strings.HasSuffix(base, suf) && len(base)-len(suf) >= 4 {
			base = base[:len(base)-len(suf)]
			break
		}
	}
	if len(base) < 4 {
		return false
	}
	for _, t := range c.toks {
		if strings.HasPrefix(t.Norm, base) {
			return true
		}
	}
	return false
}

// lowercaseName reports whether con is one word that no dictionary knows
// but the coverage uses: a name typed in lower case ("btrfs",
// "bullseye"), which, like any name, the evidence must contain. Only
// English questions are judged so: Indonesian chat and affixes ("ngirim",
// "ketemunya") make many words no dictionary lists.
func (e *Extractive) lowercaseName(con lexicon.Concept) bool {
	if con.Entity || con.Number || con.Meta {
		return false
	}
	toks := lexicon.Tokenize(con.Surface)
	if len(toks) != 1 {
		return false
	}
	n := toks[0].Norm
	if e.lex.EnglishWord(n) || e.lex.Listed(n) || e.lex.IsStop(n) || e.lex.ClippedEnglish(n) || e.lex.EnglishCompound(n) {
		return false // an English word, clipped ("cert" for certificate) or compound ("standalone"), is no name
	}
	if one, ok := strings.CutSuffix(n, "s"); ok && (e.lex.EnglishWord(one) || e.lex.ClippedEnglish(one)) {
		return false // its plural: "devs", "repos"
	}
	return conceptInCorpus(e.corpus, con)
}

// matchedInSentence reports whether the judged sentence itself matched
// concept i.
func matchedInSentence(c *candidate, i int) bool {
	for _, m := range c.matched {
		if m.concept == i && m.pos >= 0 {
			return true
		}
	}
	return false
}

// listMemberHere reports whether the sentence matches another member of
// con's coordinated list ("construction workers and engineers" over a
// sentence counting engineers): a list asks about any of its members.
func listMemberHere(c *candidate, lq lexicon.Query, con lexicon.Concept) bool {
	if con.List == 0 {
		return false
	}
	for i, o := range lq.Concepts {
		if o.List == con.List && o.Surface != con.Surface && matchedInSentence(c, i) {
			return true
		}
	}
	return false
}

// anyone reports a word that counts people of any kind ("how many people
// attended"): a sentence may count them by what they are or do
// ("attendees", "voters", "peserta").
func anyone(w string) bool {
	switch w {
	case "people", "person", "persons", "orang":
		return true
	}
	return false
}

// anyoneCounted reports whether con counts people of any kind and the
// sentence names people by a person noun.
func (e *Extractive) anyoneCounted(c *candidate, con lexicon.Concept) bool {
	toks := lexicon.Tokenize(con.Surface)
	if len(toks) != 1 || !anyone(toks[0].Norm) {
		return false
	}
	for _, t := range c.toks {
		if e.lex.PersonNoun(t.Norm, c.doc.Lang) {
			return true
		}
	}
	return false
}
