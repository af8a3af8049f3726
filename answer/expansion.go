package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// What a short form stands for, as a sentence spells it out: after a
// word of the relation ("kependekan dari "build daemon"", "stands for
// print working directory", "an abbreviation of Debian PacKaGe"), or as
// the long form of a name the abbreviation table knows ("Kantor Berita
// Pusat Korea" for KCNA).

// maxExpansionWords bounds a long form, in tokens.
const maxExpansionWords = 6

// expansionValue returns the long form the evidence sentence gives the
// question's short form, verbatim, or "".
func (e *Extractive) expansionValue(lq lexicon.Query, text, lang string) string {
	if !lq.AsksExpansion {
		return ""
	}
	toks := lexicon.Tokenize(text)
	for i, t := range toks {
		if !relationWord(t.Norm) {
			continue
		}
		from := i + 1
		for from < len(toks) && (toks[from].Norm == "dari" || toks[from].Norm == "of" || toks[from].Norm == "for" || toks[from].Norm == "kata") {
			from++
		}
		if from == i+1 && toks[i].Norm != "singkatan" && toks[i].Norm != "kependekan" {
			continue // "stands" needs its "for", "abbreviation" its "of"
		}
		if from >= len(toks) {
			continue
		}
		to := from
		for to+1 < len(toks) && to-from+1 < maxExpansionWords && !strings.ContainsAny(text[toks[to].End:toks[to+1].Start], ",.;:()\"“”") {
			to++
		}
		return strings.Trim(text[toks[from].Start:toks[to].End], " \"“”")
	}
	// The long form of an asked name, written in the sentence.
	var terms [][]string // the sentence's index terms, computed when a long form is looked for
	for _, c := range lq.Concepts {
		if !c.Entity {
			continue
		}
		for _, a := range c.Alts {
			if len(a) < 2 {
				continue
			}
			if terms == nil {
				terms = make([][]string, len(toks))
				for k, t := range toks {
					terms[k] = e.lex.WordTerms(t, lang)
				}
			}
			for p := 0; p+len(a) <= len(toks); p++ {
				whole := true
				for k, w := range a {
					whole = whole && anyIn(w, terms[p+k])
				}
				if whole {
					return text[toks[p].Start:toks[p+len(a)-1].End]
				}
			}
		}
	}
	return ""
}

// relationWord reports a word that spells out a short form.
func relationWord(w string) bool {
	switch w {
	case "stands", "stand", "short", "abbreviation", "acronym", "kependekan", "singkatan", "akronim", "abreviasi":
		return true
	}
	return false
}
