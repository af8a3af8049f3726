package answer

import (
	"regexp"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// photoStatement is a caption or credit line saying who took, released or
// provided a photo.
type photoStatement struct {
	doc      retrieval.Document
	rank     int
	caption  retrieval.Span // the caption sentence; zero for a credit line alone
	credit   retrieval.Span // the credit line after it; zero when none
	by       string         // who released it, as written
	verb     string         // what they did, in English: "released", "provided", "taken"; "" when only credited
	coverage float64        // how much of the question the caption matches
}

// The ways captions and credit lines name a photo's source, in Indonesian
// and English newsroom style: "Dalam foto yang dirilis oleh X ini", "In
// this photo provided by X,", "courtesy of X", "X via AP", "X melalui
// AP", "Foto: X", "Photo: X".
var (
	releasedByRE = regexp.MustCompile(`(?i)\b(dirilis|disediakan|diberikan|dibagikan|diambil|dipotret|diterbitkan|dikeluarkan|disiarkan|didistribusikan|released|provided|distributed|supplied|handed out|taken|issued|published|made available|shared|obtained)\s+(?:oleh|by)\s+([^,.;:()“”"]+)|(?i)\bcourtesy of\s+([^,.;:()“”"]+)`)
	creditViaRE  = regexp.MustCompile(`^(.{3,80}?)\s+(?:via|melalui|lewat|through)\s+[\pL.&-]+(?:\s[\pL.&-]+){0,2}\.?$`)
	creditTagRE  = regexp.MustCompile(`(?i)^\(?(?:foto|photo|photograph|credit|kredit foto|sumber foto|image)s?(?:\s+by)?\s*[:/]\s*(.{2,80}?)\)?\.?$`)
	// photographerRE reads a photographer's credit: "(AP Photo/Jane Roe)",
	// "(Foto: …)" is creditTagRE's; "REUTERS/Kim Hong-Ji", "ANTARA FOTO/Budi
	// Santoso" name the agency (a closed class of wire services) and the
	// photographer.
	photographerRE = regexp.MustCompile(`\((?:[A-Z][\pL.]*\s+)?(?:Photo|PHOTO|Foto|FOTO)\s*/\s*([^)]{2,60})\)|\b(?:REUTERS|Reuters|AFP|ANTARA FOTO|ANTARA|EPA|AP)\s*/\s*([A-Z][\pL.'-]*(?:\s+(?:(?:van|de|der|den|von|da|di|bin|al|el|la|le)\s+)*[A-Z][\pL.'-]*){0,3})`)
	releaserStop   = map[string]bool{"ini": true, "itu": true, "this": true, "that": true, "shows": true, "show": true,
		"showing": true, "menunjukkan": true, "memperlihatkan": true, "tampak": true, "terlihat": true, "on": true,
		"pada": true, "di": true, "in": true, "at": true, "during": true, "saat": true, "ketika": true, "when": true,
		"as": true, "yang": true, "which": true, "who": true, "where": true}
)

// verbEN renders a caption's verb in English; verbID in Indonesian.
func verbEN(v string) string {
	switch strings.ToLower(v) {
	case "dirilis", "dikeluarkan":
		return "released"
	case "disediakan", "diberikan":
		return "provided"
	case "dibagikan":
		return "shared"
	case "diambil", "dipotret":
		return "taken"
	case "diterbitkan":
		return "published"
	case "disiarkan":
		return "broadcast"
	case "didistribusikan":
		return "distributed"
	case "":
		return "provided" // "courtesy of"
	}
	return strings.ToLower(v)
}

func verbID(en string) string {
	switch en {
	case "released", "issued":
		return "dirilis"
	case "provided", "supplied", "made available":
		return "disediakan"
	case "shared", "handed out":
		return "dibagikan"
	case "taken", "shot":
		return "diambil"
	case "published":
		return "diterbitkan"
	case "broadcast":
		return "disiarkan"
	case "distributed":
		return "didistribusikan"
	case "obtained":
		return "diperoleh"
	}
	return "dirilis"
}

// releaser trims what follows "released by" to the name: up to a
// demonstrative, a verb or a preposition opening the rest of the caption.
func releaser(s string) string {
	words := strings.Fields(s)
	var out []string
	for _, w := range words {
		if releaserStop[strings.ToLower(w)] && len(out) > 0 {
			break
		}
		out = append(out, w)
		if len(out) == 10 {
			break
		}
	}
	return strings.Join(out, " ")
}

// creditLine reads a credit line ("Layanan Pers … melalui AP", "Foto:
// ANTARA/Budi"): who it credits, or "".
func creditLine(line string) string {
	if len(strings.Fields(line)) > 12 {
		return ""
	}
	if m := creditTagRE.FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(m[1])
	}
	if m := creditViaRE.FindStringSubmatch(line); m != nil && !strings.ContainsAny(m[1], ".!?") {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// photoStatements reads the captions and credit lines of doc that name a
// photo's source.
func (e *Extractive) photoStatements(doc retrieval.Document, rank int, lq lexicon.Query, weights []float64) []photoStatement {
	var out []photoStatement
	var prev *photoStatement
	for n := 1; ; n++ {
		p, ok := e.corpus.Paragraph(doc.ID, n)
		if !ok {
			break
		}
		text := doc.Text[p.Span.Start:p.Span.End]
		if by := creditLine(text); by != "" {
			if prev != nil && prev.credit == (retrieval.Span{}) {
				prev.credit = p.Span
				if prev.by == "" {
					prev.by = by
				}
			} else {
				out = append(out, photoStatement{doc: doc, rank: rank, credit: p.Span, by: by})
			}
			prev = nil
			continue
		}
		prev = nil
		// A caption is judged by its paragraph's words: its credit may be a
		// sentence of its own ("… on Monday. (AP Photo/Jane Roe)").
		cov := metaCoverage(lq, weights, e.termsOf(text, doc.Lang), doc.Lang)
		for si, s := range p.Sentences {
			sent := doc.Text[s.Start:s.End]
			if by := creditLine(sent); by != "" && si > 0 {
				if prev == nil || prev.credit != (retrieval.Span{}) {
					out = append(out, photoStatement{doc: doc, rank: rank, caption: p.Sentences[si-1], coverage: cov})
					prev = &out[len(out)-1]
				}
				prev.credit = s
				if prev.by == "" {
					prev.by = by
				}
				continue
			}
			m := releasedByRE.FindStringSubmatchIndex(sent)
			pm := photographerRE.FindStringSubmatch(sent)
			if !isCaption(sent) && pm == nil && (m == nil || !photoWordRE.MatchString(strings.ToLower(sent[:m[0]]))) {
				continue
			}
			st := photoStatement{doc: doc, rank: rank, caption: s, coverage: cov}
			switch {
			case m != nil && m[4] >= 0:
				st.verb, st.by = verbEN(sent[m[2]:m[3]]), releaser(sent[m[4]:m[5]])
			case m != nil && m[6] >= 0:
				st.verb, st.by = verbEN(""), releaser(sent[m[6]:m[7]])
			case pm != nil:
				st.verb, st.by = "taken", strings.TrimSpace(pm[1]+pm[2])
			}
			out = append(out, st)
			prev = &out[len(out)-1]
		}
		// A credit after the paragraph's last sentence is left out of its
		// sentences ("… on Friday. (AP Photo/Jane Roe)"): it credits that
		// sentence's photo.
		if tail := paragraphTail(doc.Text, p); tail != (retrieval.Span{}) {
			t := doc.Text[tail.Start:tail.End]
			by := creditLine(t)
			if pm := photographerRE.FindStringSubmatch(t); pm != nil {
				by = strings.TrimSpace(pm[1] + pm[2])
			}
			if by != "" {
				last := p.Sentences[len(p.Sentences)-1]
				if prev == nil || prev.caption != last {
					out = append(out, photoStatement{doc: doc, rank: rank, caption: last, coverage: cov})
					prev = &out[len(out)-1]
				}
				if prev.credit == (retrieval.Span{}) {
					prev.credit = tail
				}
				if prev.by == "" {
					prev.by, prev.verb = by, "taken"
				}
			}
		}
	}
	kept := out[:0]
	for _, st := range out {
		if st.by != "" {
			kept = append(kept, st)
		}
	}
	return kept
}

// maxPhotoDocs bounds how many of the retrieved articles are read for
// captions: the photo a question describes is in an article it retrieves.
const maxPhotoDocs = 5

// photoCredit answers who took, released or provided the photo the
// question describes, from the caption matching it best.
func (e *Extractive) photoCredit(res Result, lq lexicon.Query, hits []retrieval.Hit) (Result, bool, error) {
	weights := conceptWeights(e.corpus, lq)
	var best *photoStatement
	seen := map[string]bool{}
	for rank, h := range hits {
		if seen[h.Chunk.DocID] || len(seen) >= maxPhotoDocs {
			continue
		}
		seen[h.Chunk.DocID] = true
		doc, ok := e.corpus.Document(h.Chunk.DocID)
		if !ok {
			continue
		}
		for _, st := range e.photoStatements(doc, rank, lq, weights) {
			if st.coverage < minMetaCoverage {
				continue
			}
			if best == nil || st.coverage > best.coverage {
				st := st
				best = &st
			}
		}
	}
	if best == nil {
		return Result{}, false, nil
	}
	id := res.Lang == "id"
	by := best.by
	if !id && best.doc.Lang == "id" {
		if en := e.lex.GlossText(by); en != "" && !strings.EqualFold(en, by) {
			by += " (word by word: " + en + ")" // a reading aid, not a translation
		}
	}
	var lead string
	n := 0
	for _, sp := range []retrieval.Span{best.caption, best.credit} {
		if sp != (retrieval.Span{}) {
			n++
			res.Citations = append(res.Citations, e.citationAt(n, best.doc, sp))
		}
	}
	if best.verb == "" {
		lead = pick(id, "Foto itu dikreditkan kepada "+by, "The photo is credited to "+by)
	} else {
		lead = pick(id, "Foto itu "+verbID(best.verb)+" oleh "+by, "The photo was "+best.verb+" by "+by)
	}
	res.Answered = true
	res.Answer = lead + " " + metaMarkers(n) + "."
	return res, true, nil
}

// paragraphTail is the text of p after its last sentence, trimmed; zero
// when there is none.
func paragraphTail(text string, p retrieval.Paragraph) retrieval.Span {
	if len(p.Sentences) == 0 {
		return retrieval.Span{}
	}
	start, end := p.Sentences[len(p.Sentences)-1].End, p.Span.End
	for start < end && (text[start] == ' ' || text[start] == '\n' || text[start] == '\t' || text[start] == '\r') {
		start++
	}
	if start >= end {
		return retrieval.Span{}
	}
	return retrieval.Span{Start: start, End: end}
}
