package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// When one report says yes and another no because someone denies it
// ("… merebut kembali wilayah Kursk—klaim yang dibantah Ukraina", "a
// claim Kyiv denies"), the lead says who denies it: the reader learns
// what the disagreement is, not only that there is one.

// denier returns the name that denies what the sentence reports: after
// an Indonesian passive ("dibantah Ukraina") or an English "by"
// ("denied by Kyiv"), before an active verb ("Ukraina membantah", "Kyiv
// denies"); "" when no denial verb has a name beside it.
func denier(text string) string {
	toks := lexicon.Tokenize(text)
	nameRun := func(from, step int) string {
		i := from
		if step > 0 && i < len(toks) && toks[i].Norm == "by" {
			i++
		}
		if step > 0 && i < len(toks) && toks[i].Norm == "the" {
			i++ // "denied by the Kremlin"
		}
		var run []lexicon.Token
		for i >= 0 && i < len(toks) && toks[i].Upper && !toks[i].Num && len(run) < 4 {
			run = append(run, toks[i])
			i += step
		}
		if len(run) == 0 {
			return ""
		}
		if step < 0 {
			run[0], run[len(run)-1] = run[len(run)-1], run[0]
			for a, b := 1, len(run)-2; a < b; a, b = a+1, b-1 {
				run[a], run[b] = run[b], run[a]
			}
		}
		return text[run[0].Start:run[len(run)-1].End]
	}
	for i, t := range toks {
		switch t.Norm {
		case "dibantah", "disangkal", "ditolak", "denied":
			if n := nameRun(i+1, 1); n != "" {
				return n
			}
		case "membantah", "menyangkal", "menolak", "deny", "denies", "rejects", "rejected", "dismissed":
			if n := nameRun(i-1, -1); n != "" {
				return n
			}
		}
	}
	return ""
}

// denialNote writes " (NAME denies it)" in the answer's language for the
// no side of a disputed answer, or "" when its sentence names no denier.
func (e *Extractive) denialNote(ev Evidence, lang string) string {
	name := denier(ev.Doc.Text[ev.Span.Start:ev.Span.End])
	if name == "" {
		return ""
	}
	if lang == "id" {
		return " (dibantah " + name + ")"
	}
	if en := placeEN(name, e.lex); en != "" {
		name = en
	}
	return " (" + strings.TrimSpace(name) + " denies it)"
}
