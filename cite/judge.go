package cite

// check judges a claim against a passage: clause by clause, each against
// the passage's sentences one at a time, with the meaning rules. The claim
// is supported when every clause is supported by some sentence; it is
// contradicted when a clause no sentence supports is contradicted by one.
func (v *Verifier) check(c claim, p passage, useContext bool) verdict {
	if len(c.clauses) == 0 {
		return v.checkClause(&c, p, useContext)
	}
	out := verdict{supports: true, namesPresent: true, conflictAt: -1, span: Span{-1, -1}}
	var total, got, contentGot float64
	nums := c.statedNumbers()
	for i := range c.clauses {
		c.clauses[i].stated = nums
		cv := v.checkClause(&c.clauses[i], p, useContext)
		w := c.clauses[i].total
		total += w
		got += cv.score * w
		contentGot += cv.contentScore * w
		out.missing = appendNewStrings(out.missing, cv.missing...)
		out.problems = appendNewStrings(out.problems, cv.problems...)
		out.namesPresent = out.namesPresent && cv.namesPresent
		if !cv.supports {
			out.supports = false
			if out.contradiction == "" && cv.contradiction != "" {
				out.contradiction, out.conflictAt, out.conflictRule = cv.contradiction, cv.conflictAt, cv.conflictRule
			}
		}
		if cv.span.Start >= 0 {
			if out.span.Start < 0 || cv.span.Start < out.span.Start {
				out.span.Start = cv.span.Start
			}
			if cv.span.End > out.span.End {
				out.span.End = cv.span.End
			}
		}
	}
	if total > 0 {
		out.score, out.contentScore = got/total, contentGot/total
	}
	if out.supports {
		out.contradiction = ""
	}
	return out
}

// checkClause judges one clause against each sentence of p and keeps the
// best: a supporting sentence, else a contradicting one, else the one
// holding most of the clause.
func (v *Verifier) checkClause(c *claim, p passage, useContext bool) verdict {
	best := verdict{conflictAt: -1, span: Span{-1, -1}}
	bestRank := -1
	sents := p.sents
	if len(sents) == 0 {
		sents = [][2]int{{0, len(p.toks)}}
	}
	for si, sr := range sents {
		w := &window{toks: p.toks[sr[0]:sr[1]], conflictAt: -1}
		if len(w.toks) == 0 {
			continue
		}
		w.span = Span{w.toks[0].Start, w.toks[len(w.toks)-1].End}
		w.antecedent = v.antecedentOf(p, sents, si)
		w.before = p.before
		if si > 0 {
			w.before = p.toks[sents[si-1][0]:sents[si-1][1]]
		}
		var ctx []token
		if useContext {
			ctx = make([]token, 0, len(p.toks)-len(w.toks)+len(p.context))
			ctx = append(ctx, p.toks[:sr[0]]...)
			ctx = append(ctx, p.toks[sr[1]:]...)
			ctx = append(ctx, p.context...)
		}
		vd, credits := v.coverWindow(c, w, ctx, p.outlet, useContext)
		w.credits = credits
		vd.span, vd.conflictAt = w.span, -1
		for _, r := range meaningRules {
			f := r.check(v, c, w)
			if f == nil {
				continue
			}
			if f.contradicts && vd.contradiction == "" {
				vd.contradiction, vd.conflictAt, vd.conflictRule = f.reason, w.conflictAt, r.name
				if vd.conflictAt < 0 {
					vd.conflictAt = w.span.Start
				}
			}
			vd.problems = append(vd.problems, f.reason)
			if cn := c.claimNegation(); r.name == "negation" && cn != "" {
				vd.missing = appendNewStrings(vd.missing, cn)
			}
		}
		if len(vd.problems) > 0 {
			vd.supports = false
		}
		if vd.supports {
			vd.contradiction = ""
		}
		rank := 0
		switch {
		case vd.supports:
			rank = 2
		case vd.contradiction != "":
			rank = 1
		}
		if rank > bestRank || rank == bestRank && vd.score > best.score {
			best, bestRank = vd, rank
		}
	}
	return best
}

func appendNewStrings(list []string, xs ...string) []string {
	for _, x := range xs {
		if !containsString(list, x) {
			list = append(list, x)
		}
	}
	return list
}
