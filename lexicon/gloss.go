package lexicon

import (
	"strings"
	"time"
)

// gloss is one English headword that translates an Indonesian word, with
// how good a rendering it is: curated entries before FreeDict, a word
// listed first before one listed later, a short headword before a long one.
type gloss struct {
	en           string
	source, rank int
}

func (g gloss) better(o gloss) bool {
	if g.source != o.source {
		return g.source < o.source
	}
	if g.rank != o.rank {
		return g.rank < o.rank
	}
	// A singular headword before a plural one ("soldier" before
	// "armies"): the caller inflects.
	if gp, op := strings.HasSuffix(g.en, "s"), strings.HasSuffix(o.en, "s"); gp != op {
		return op
	}
	if len(g.en) != len(o.en) {
		return len(g.en) < len(o.en)
	}
	return g.en < o.en
}

// buildGlosses reverses the English → Indonesian dictionaries: for each
// single Indonesian word, the English headword that renders it best.
func buildGlosses(dicts ...map[string][]string) map[string]gloss {
	out := map[string]gloss{}
	for src, d := range dicts {
		for en, ids := range d {
			if strings.Contains(en, " ") {
				continue
			}
			for rank, id := range ids {
				if strings.Contains(id, " ") {
					continue
				}
				g := gloss{en: en, source: src, rank: rank}
				if cur, ok := out[id]; !ok || g.better(cur) {
					out[id] = g
				}
			}
		}
	}
	return out
}

// Gloss returns an English word for a folded Indonesian word ("insinyur"
// → "engineer"), through the dictionaries read backwards, trying the
// word's stems when the inflected form is not listed; "" when none knows it.
func (l *Lexicon) Gloss(id string) string {
	if g, ok := l.glosses[id]; ok {
		return g.en
	}
	for _, s := range StemID(id) {
		if g, ok := l.glosses[s]; ok {
			return g.en
		}
	}
	return ""
}

// functionGloss renders Indonesian function words, a closed class the
// dictionaries do not list on their own (Sneddon, Indonesian: A
// Comprehensive Grammar, chapters on prepositions, conjunctions and
// aspect markers).
func functionGloss(w string) (string, bool) {
	switch w {
	case "yang":
		return "that", true
	case "dan":
		return "and", true
	case "atau":
		return "or", true
	case "di":
		return "in", true
	case "ke":
		return "to", true
	case "dari":
		return "from", true
	case "pada":
		return "on", true
	case "dengan":
		return "with", true
	case "untuk":
		return "for", true
	case "dalam":
		return "in", true
	case "oleh":
		return "by", true
	case "bahwa":
		return "that", true
	case "telah", "sudah":
		return "has", true
	case "akan":
		return "will", true
	case "sedang":
		return "is", true
	case "tidak", "tak":
		return "not", true
	case "belum":
		return "not yet", true
	case "bukan":
		return "not", true
	case "ini":
		return "this", true
	case "itu":
		return "that", true
	case "juga":
		return "also", true
	case "mereka":
		return "they", true
	case "ia", "dia":
		return "he/she", true
	case "kami", "kita":
		return "we", true
	case "adalah", "merupakan":
		return "is", true
	case "sebagai":
		return "as", true
	case "setelah":
		return "after", true
	case "sebelum":
		return "before", true
	case "saat", "ketika":
		return "when", true
	case "tetapi", "namun":
		return "but", true
	case "karena":
		return "because", true
	case "para", "sebuah", "seorang":
		return "", true
	case "tersebut":
		return "the said", true
	case "lebih":
		return "more", true
	case "antara":
		return "between", true
	case "tentang":
		return "about", true
	case "menurut":
		return "according to", true
	case "sekitar":
		return "about", true
	case "hingga", "sampai":
		return "until", true
	}
	return "", false
}

// GlossText renders Indonesian text word by word in English, for a reader
// who cannot read the verbatim quote: dictionary phrases first ("korea
// utara" → "north korea"), function words from their closed class, other
// words through the dictionaries read backwards, names and unknown words
// as written. It is a reading aid, not a translation: word order and
// grammar stay Indonesian.
func (l *Lexicon) GlossText(text string) string {
	toks := Tokenize(text)
	var b strings.Builder
	write := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	for i := 0; i < len(toks); {
		if i > 0 {
			if gap := text[toks[i-1].End:toks[i].Start]; strings.ContainsAny(gap, ",;:") {
				b.WriteByte(',')
			}
		}
		if n, en := l.phraseGloss(toks, i); n > 0 {
			write(en)
			i += n
			continue
		}
		t := toks[i]
		switch {
		case t.Num:
			write(t.Text)
		case MonthNumber(t.Norm) > 0 && IsMonthName(t.Norm):
			write(time.Month(MonthNumber(t.Norm)).String())
		case WeekdayEN(t.Norm) != "":
			write(WeekdayEN(t.Norm))
		case t.Upper && i > 0:
			// A name, or a capitalised word the dictionaries render
			// ("Ukraina" → "Ukraine").
			if en := l.Gloss(t.Norm); en != "" && l.KnownWord(t.Norm) {
				write(strings.ToUpper(en[:1]) + en[1:])
			} else {
				write(t.Text)
			}
		default:
			if en, ok := functionGloss(t.Norm); ok {
				write(en)
			} else if en := l.Gloss(t.Norm); en != "" {
				write(en)
			} else {
				write(t.Text)
			}
		}
		i++
	}
	return b.String()
}

// phraseGloss matches the longest Indonesian dictionary phrase (2–3
// words) at token i and returns its length and English headword.
func (l *Lexicon) phraseGloss(toks []Token, i int) (int, string) {
	for n := 3; n >= 2; n-- {
		if i+n > len(toks) {
			continue
		}
		if g, ok := l.phraseGlosses[joinNorms(toks[i:i+n])]; ok {
			return n, g.en
		}
	}
	return 0, ""
}

// buildPhraseGlosses reverses the dictionaries' multi-word translations
// ("korea utara" → "north korea").
func buildPhraseGlosses(dicts ...map[string][]string) map[string]gloss {
	out := map[string]gloss{}
	for src, d := range dicts {
		for en, ids := range d {
			for rank, id := range ids {
				if !strings.Contains(id, " ") || strings.Count(id, " ") > 2 {
					continue
				}
				// The English phrase, not a chat short form ("north
				// korea", not "nk").
				g := gloss{en: en, source: src, rank: rank}
				cur, ok := out[id]
				if !ok || len(cur.en) <= 3 && len(g.en) > 3 || (len(g.en) > 3) == (len(cur.en) > 3) && g.better(cur) {
					out[id] = g
				}
			}
		}
	}
	return out
}
