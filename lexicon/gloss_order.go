package lexicon

import "strings"

// glossUnit is one rendered word or dictionary phrase of a gloss.
type glossUnit struct {
	en      string
	pos     byte // the English rendering's part of speech (n, v, a, r; 0 unknown)
	content bool // an ordinary word the dictionaries render, not a name, number or function word
	comma   bool // a comma stands before it in the text
}

// englishOrder puts Indonesian head-first noun phrases in English order,
// in place: a noun followed by up to two more nouns and at most one
// closing adjective, with no comma between, reads modifiers first
// ("kedaulatan nasional": sovereignty national → national sovereignty;
// "kawasan wisata pesisir": zone tourist coastal → coastal tourist
// zone). Indonesian modifiers follow their head (Sneddon, Indonesian: A
// Comprehensive Grammar, 3.1 on the noun phrase); the parts of speech are
// the English renderings' dominant ones in WordNet.
func englishOrder(units []glossUnit) {
	for i := 0; i < len(units); {
		n := nounRun(units[i:])
		if n < 2 {
			i++
			continue
		}
		for a, b := i, i+n-1; a < b; a, b = a+1, b-1 {
			units[a].en, units[b].en = units[b].en, units[a].en
			units[a].pos, units[b].pos = units[b].pos, units[a].pos
		}
		i += n
	}
}

// nounRun is the length of the noun phrase starting at units[0]: a noun,
// then nouns, then at most one adjective, four words at most
// ("administrator sistem bisnis kecil": small business system
// administrator).
func nounRun(units []glossUnit) int {
	if len(units) == 0 || !units[0].content || units[0].pos != 'n' {
		return 0
	}
	n := 1
	for n < len(units) && n < 4 {
		u := units[n]
		if !u.content || u.comma || strings.Contains(u.en, " ") && u.pos != 'n' {
			break
		}
		if u.pos == 'a' {
			return n + 1
		}
		if u.pos != 'n' {
			break
		}
		n++
	}
	return n
}

// verbPrefixed reports a folded Indonesian word with a verbal prefix
// (meN-, di-, ber-, ter-): rendered by a noun's English ("menyerang":
// attack), it is a verb, not the head of a noun phrase.
func verbPrefixed(norm string) bool {
	for _, p := range []string{"me", "di", "ber", "ter"} {
		if strings.HasPrefix(norm, p) && len(norm) > len(p)+3 {
			return true
		}
	}
	return false
}

// nominal reports a folded Indonesian word with a noun-forming ending and
// no verbal prefix: -an (pertemuan, kedaulatan), and the loan endings
// -si, -itas, -isme (sanksi, integritas).
func nominal(norm string) bool {
	if verbPrefixed(norm) || len(norm) < 5 {
		return false
	}
	for _, suf := range []string{"an", "si", "itas", "isme"} {
		if strings.HasSuffix(norm, suf) {
			return true
		}
	}
	return false
}
