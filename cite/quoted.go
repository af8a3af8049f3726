package cite

// A quoted speaker says "we" for their own side and "you" for the side
// they address: "“… kami tidak akan pernah melupakan pengorbanan …
// angkatan bersenjata Anda …,” ujar Putin" is Putin saying Russia will
// never forget the sacrifices of North Korea's forces. A claim that names
// those sides is not missing them: quoteStandIns lets
//
//   - the one country the claim's reported clause opens with ("Putin
//     said Russia would …") stand for the quote's first person plural,
//     when the sentence quotes the claim's speaker; and
//   - any other name stand for the quote's second person, when the
//     sentence before or the passage's context names it (the addressee
//     is named around the quote, "Putin memuji prajurit Korea Utara").
//
// Only one name stands for "we", so two sides traded ("North Korea
// would never forget the sacrifices of Russia's forces") leave the one
// the text around does not name missing.

var firstPlural = map[string]bool{"kami": true, "kita": true, "we": true, "our": true, "us": true}

var secondPerson = map[string]bool{"anda": true, "kalian": true, "kamu": true, "you": true, "your": true}

// quoteStandIns gives, in place, creditContext to the claim's names the
// window lacks that its quoted pronouns stand for. around holds the
// sentence before the window and the passage's context.
func (v *Verifier) quoteStandIns(c *claim, w *window, around []token, credits []float64) {
	we, you := tokenIn(w.toks, firstPlural), tokenIn(w.toks, secondPerson)
	if !we && !you || !tokenIn(w.toks, speechVerbs) && !tokenIn(w.toks, speakerSuffixed) {
		return
	}
	said := -1 // the claim's verb of saying, after its speaker
	for j, t := range c.toks {
		if speechVerbs[t.Norm] || sayingVerb(t.Norm) || reportingWords[t.Norm] && t.Norm != "according" && t.Norm != "menurut" {
			said = j
			break
		}
	}
	if said < 0 || !c.speakerMatched(said, credits) {
		return
	}
	weTaken := !we
	for i, k := range c.concepts {
		if k.kind != kindEntity || credits[i] > 0 {
			continue
		}
		s, _ := c.claimSpan(i)
		if s <= said {
			continue
		}
		switch {
		case !weTaken && c.opensReported(i, said) && v.countryConcept(k):
			weTaken, credits[i] = true, creditContext
		case you && nameIn(k, around):
			credits[i] = creditContext
		}
	}
}

// speakerMatched reports a name before the claim's verb of saying at
// token said that the window holds.
func (c *claim) speakerMatched(said int, credits []float64) bool {
	for i, k := range c.concepts {
		if _, e := c.claimSpan(i); k.kind == kindEntity && e >= 0 && e <= said && credits[i] == 1 {
			return true
		}
	}
	return false
}

// opensReported reports whether name i is the first name of the clause
// the claim's verb of saying at token said reports.
func (c *claim) opensReported(i, said int) bool {
	s, _ := c.claimSpan(i)
	for j, k := range c.concepts {
		if js, _ := c.claimSpan(j); j != i && k.kind == kindEntity && js > said && js < s {
			return false
		}
	}
	return true
}

func tokenIn(toks []token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.Norm] {
			return true
		}
	}
	return false
}
