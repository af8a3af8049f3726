package cite

// RolesSwapped reports whether a passage gives the names of a statement
// other roles than the statement does: another name does what its subject
// does, or the direction of what passes between them is reversed ("Russia
// sends engineers to North Korea" over "Korea Utara mengirim 6.000
// insinyur ke Rusia"). It returns the verifier's reason, or "" when the
// roles agree or the passage does not tell. The answerer asks it of the
// statement a question makes ("how many engineers did Russia send to
// North Korea?"), so that a sentence about the converse does not answer
// it. before is the text of the passage's paragraph before it.
func (v *Verifier) RolesSwapped(statement, passageText, before string) string {
	c := v.analyseClaim(statement)
	p := v.withBefore(v.analysePassage(passageText, "", ""), before)
	vd := v.check(c, p, false)
	if vd.conflictRule == "direction" || vd.conflictRule == "actor" {
		return vd.contradiction
	}
	return ""
}

// DirectionReversed is RolesSwapped for the direction rule alone: a name
// the statement has as the goal is where the passage's act starts, or
// the reverse ("… ke Korut" over "Korut … mengirim"). It holds for a
// statement shortened to the names the passage writes, where the actor
// rule, which takes a statement's first name as its actor, would not.
func (v *Verifier) DirectionReversed(statement, passageText, before string) string {
	c := v.analyseClaim(statement)
	p := v.withBefore(v.analysePassage(passageText, "", ""), before)
	if vd := v.check(c, p, false); vd.conflictRule == "direction" {
		return vd.contradiction
	}
	return ""
}

// Contradiction returns the meaning rule by which the passage contradicts
// the statement, with the verifier's reason, or "" for both when it does
// not (it supports it, or says nothing of it). The answerer asks it of a
// polar question's statement ("is Shoigu still Russia's defence
// minister?" over "… mantan menteri pertahanan Rusia": rule "former").
func (v *Verifier) Contradiction(statement, passageText, before string) (rule, reason string) {
	c := v.analyseClaim(statement)
	p := v.withBefore(v.analysePassage(passageText, "", ""), before)
	vd := v.check(c, p, false)
	if vd.supports || vd.contradiction == "" {
		return "", ""
	}
	return vd.conflictRule, vd.contradiction
}
