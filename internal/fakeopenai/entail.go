package fakeopenai

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// The entailment emulator answers Kabar's model check (prompts/entail.tmpl:
// fenced <<<CLAIM n>>> blocks, each followed by its <<<PASSAGE n.m>>>
// blocks, asking for JSON verdicts) by a transparent rule over the claim
// and passage text, so that it can say "not entailed" and tests can know
// why. The rule, in Entails, is what a careful reader checks first:
//
//   - every number of the claim (digits in any style, 6,000 = 6.000, or
//     spelled, three = tiga, empat puluh = 40, six hundred, 10k) is in a
//     passage;
//   - every name and title of the claim (capitalised words; role words
//     such as minister, aide, spokesperson) is in a passage, across
//     English and Indonesian by a small gazetteer and by spelling
//     (Moscow = Moskow, Russia = Rusia);
//   - every ordinal of the claim (third = ketiga = ke-3) is in a passage;
//   - each clause of the claim and the passage sentence closest to it
//     agree on negation (not, never, failed, tidak, belum, gagal…), on
//     denial (denied, membantah), on hedging (likely, may, kemungkinan,
//     mungkin…) and on each quantity qualifier (at least, more than, up
//     to, about, nearly, exactly, former…): one stating it and the
//     other not is not entailed; "reportedly" in a claim needs a
//     passage saying so;
//   - a name the passages lack may stand for a pronoun they use: the
//     claim's first name for a pronoun actor after a sentence (BEFORE
//     block) that opens with or quotes that name; in a quote, the first
//     country after the claim's verb of saying for "kami"/"we", and a
//     name the sentence before gives for "Anda"/"you";
//   - a place the claim names as a destination ("to X", "ke X") is among
//     the passage's destinations when the passage names any.
//
//   - a claim's "hundreds" needs that magnitude in a passage, not only
//     another one ("ribuan").
//
// Names match across a country and its capital or seat of power (North
// Korea = Pyongyang, one way only), a person's first name may be added
// ("Vladimir Putin" for "Putin"), a Korean name of three words may be
// given by its family name alone ("Choe Son Hui" for a bare "Choe"), and a well-known title the passages
// leave out ("President Putin") is taken unless they give that person
// another one. A negation, denial or hedge in a passage binds only what
// it governs: a name after it in its clause, or one of the next words.
//
// It is deliberately lenient about wording (paraphrase is entailed) and
// strict about these markers of meaning.

// IsEntailment reports whether req is Kabar's entailment check.
func IsEntailment(req ChatRequest) bool {
	last := lastUser(req)
	return strings.Contains(last, "<<<CLAIM 1>>>") && strings.Contains(last, `"verdicts"`)
}

// WithEntailment returns a chat handler that answers entailment checks by
// the rule of Entails and passes every other request to next (nil: the
// default, which echoes the last user message).
func WithEntailment(next ChatHandler) ChatHandler {
	if next == nil {
		next = defaultChat
	}
	return func(req ChatRequest) Reply {
		if !IsEntailment(req) {
			return next(req)
		}
		return Reply{Text: EntailReply(lastUser(req))}
	}
}

// EntailItem is one claim of an entailment check with its passages.
type EntailItem struct {
	ID       int
	Claim    string
	Passages []string // each passage's text, its "Title:" line first when given
	Befores  []string // the sentence before each passage in its article, or ""
}

var (
	claimBlock   = regexp.MustCompile(`(?s)<<<CLAIM (\d+)>>>\n(.*?)\n<<<END CLAIM (\d+)>>>`)
	passageBlock = regexp.MustCompile(`(?s)<<<PASSAGE (\d+)\.(\d+)>>>\n(.*?)\n<<<END PASSAGE (\d+)\.(\d+)>>>`)
	beforeBlock  = regexp.MustCompile(`(?s)<<<BEFORE (\d+\.\d+)>>>\n(.*?)\n<<<END BEFORE (\d+\.\d+)>>>`)
)

// ParseEntailment reads the claims and passages of an entailment prompt.
func ParseEntailment(prompt string) []EntailItem {
	var items []EntailItem
	at := map[int]int{}
	for _, m := range claimBlock.FindAllStringSubmatch(prompt, -1) {
		if m[1] != m[3] {
			continue
		}
		id, _ := strconv.Atoi(m[1])
		at[id] = len(items)
		items = append(items, EntailItem{ID: id, Claim: m[2]})
	}
	before := map[string]string{} // "claim.passage" → its BEFORE block
	for _, m := range beforeBlock.FindAllStringSubmatch(prompt, -1) {
		if m[1] == m[3] {
			before[m[1]] = m[2]
		}
	}
	for _, m := range passageBlock.FindAllStringSubmatch(prompt, -1) {
		if m[1] != m[4] || m[2] != m[5] {
			continue
		}
		id, _ := strconv.Atoi(m[1])
		if i, ok := at[id]; ok {
			items[i].Passages = append(items[i].Passages, m[3])
			items[i].Befores = append(items[i].Befores, before[m[1]+"."+m[2]])
		}
	}
	return items
}

// EntailReply is the emulated model's JSON answer to an entailment prompt.
func EntailReply(prompt string) string {
	type verdict struct {
		Claim    int    `json:"claim"`
		Entailed bool   `json:"entailed"`
		Reason   string `json:"reason"`
	}
	out := struct {
		Verdicts []verdict `json:"verdicts"`
	}{Verdicts: []verdict{}}
	for _, it := range ParseEntailment(prompt) {
		ok, why := EntailsAfter(it.Claim, it.Passages, it.Befores)
		out.Verdicts = append(out.Verdicts, verdict{Claim: it.ID, Entailed: ok, Reason: why})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// Entails applies the emulator's rule: whether passages entail claim, and
// why not.
func Entails(claim string, passages []string) (bool, string) {
	return EntailsAfter(claim, passages, nil)
}

// EntailsAfter is Entails with the sentence before each passage (befores,
// aligned with passages; "" for none). That sentence is read only for who
// a pronoun of its passage is: the claim's first name, missing from the
// passages, is taken when a passage's actor is a pronoun and the sentence
// before it opens with that name. It is never evidence for anything else.
func EntailsAfter(claim string, passages, befores []string) (bool, string) {
	cw := words(claim)
	var pw []word
	var sents [][]word
	for _, p := range passages {
		ws := words(p)
		pw = append(pw, ws...)
		for _, st := range sentencesOf(ws) {
			sents = append(sents, clausesOf(st)...)
		}
	}
	pnums := numbersOf(pw, true)
	cnums := numbersOf(cw, false)
	var ns []string
	for n := range cnums {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	for _, n := range ns {
		if !pnums[n] {
			return false, fmt.Sprintf("the passages do not state %s", n)
		}
	}
	pords := ordinalsOf(pw)
	for _, o := range sortedKeys(ordinalsOf(cw)) {
		if !pords[o] {
			return false, fmt.Sprintf("the passages do not state the ordinal %d", o)
		}
	}
	weTaken := false
	for ni, name := range namesOf(cw) {
		if ni == 0 && pronounAntecedent(name, passages, befores) {
			continue
		}
		if side := quotedSide(cw, name, passages, befores, weTaken); side != "" {
			weTaken = weTaken || side == "we"
			continue
		}
		found := 0
		for _, n := range name {
			if mentions(pw, n) {
				found++
			}
		}
		if 2*found <= len(name) && !metonymMentioned(pw, name) && !surnameMentioned(pw, name) && !capitalActing(cw, pw, name) && !acronymMentioned(pw, name) {
			return false, fmt.Sprintf("the passages do not mention %q", strings.Join(name, " "))
		}
	}
	for _, r := range rolesOf(cw) {
		if !mentions(pw, r) && (titledOtherwise(cw, pw, r) || !holderOf(cw, r)) {
			return false, fmt.Sprintf("the passages do not give the title %q", r)
		}
	}
	if to, pto := destinations(cw), destinations(pw); len(to) > 0 && len(pto) > 0 && !overlap(to, pto) {
		return false, fmt.Sprintf("the passages send it to %s, not %s", pto[0], to[0])
	}
	if why := vagueMismatch(cw, pw); why != "" {
		return false, why
	}
	cqAll := qualified(cw)
	for _, clause := range clausesOf(cw) {
		best := closest(clause, sents)
		cq := qualified(clause)
		for _, m := range markerClasses {
			if m.quantity() {
				if why := m.compareQuantities(cq, cqAll, qualified(pw), qualified(best), cnums); why != "" {
					return false, why
				}
				continue
			}
			c, p := m.in(clause), m.in(best)
			if p && !c && m.scoped {
				p = m.bindsTo(best, cw)
			}
			if c && !p {
				// The claim's marker may sit in another passage clause
				// about the same thing.
				p = m.inRelated(clause, sents) || len(m.weak) > 0 && markerClass{words: m.weak}.in(best)
			}
			if c && !p && m.name == "a negation" && privative(clause) && (markerClass{words: []string{"tanpa", "without"}}).in(best) {
				p = true // "with no conditions" is "tanpa syarat"
			}
			if c && len(m.passage) > 0 {
				p = markerClass{words: m.passage}.in(pw)
			}
			switch {
			case c && !p:
				return false, fmt.Sprintf("the claim says %s; the passage does not", m.name)
			case p && !c && m.both:
				return false, fmt.Sprintf("the passage says %s; the claim does not", m.name)
			}
		}
	}
	return true, "the passages state it"
}

// pronounWords are subject pronouns and speaker suffixes ("ujarnya": he
// said) of both languages.
var pronounWords = map[string]bool{"he": true, "she": true, "they": true, "ia": true, "dia": true, "beliau": true, "mereka": true,
	"ujarnya": true, "katanya": true, "tambahnya": true, "tuturnya": true, "ucapnya": true, "jelasnya": true, "lanjutnya": true}

// pronounAntecedent reports a passage whose actor is a pronoun, after a
// sentence whose first name is name: "Ia bertemu Choe" after "Menteri
// Luar Negeri Rusia Sergei Lavrov tiba …" is Lavrov meeting Choe. The
// speaker that sentence quotes counts as its first name too.
func pronounAntecedent(name []string, passages, befores []string) bool {
	for i, b := range befores {
		if b == "" || i >= len(passages) {
			continue
		}
		pronoun := false
		for _, w := range words(passages[i]) {
			pronoun = pronoun || pronounWords[w.fold]
		}
		bw := words(b)
		bn := namesOf(bw)
		if !pronoun || len(bn) == 0 {
			continue
		}
		who := [][]string{bn[0]} // its subject, and the speaker it quotes ("…, ujar Kyrylo Budanov")
		for j := 0; j+1 < len(bw); j++ {
			if speechWords[bw[j].fold] {
				if after := namesOf(bw[j+1:]); len(after) > 0 {
					who = append(who, after[0])
				}
			}
		}
		for _, cand := range who {
			found := 0
			for _, n := range name {
				if mentions(wordsOf(cand), n) {
					found++
				}
			}
			if 2*found > len(name) {
				return true
			}
		}
	}
	return false
}

var (
	speechWords = map[string]bool{"said": true, "says": true, "told": true, "ujar": true, "ujarnya": true, "kata": true, "katanya": true, "mengatakan": true, "berkata": true,
		"menegaskan": true, "menyatakan": true, "stressed": true, "insisted": true, "stated": true, "declared": true, "affirmed": true}
	weWords      = map[string]bool{"kami": true, "kita": true, "we": true, "our": true, "us": true}
	youWords     = map[string]bool{"anda": true, "kalian": true, "kamu": true, "you": true, "your": true}
	countryWords = map[string]bool{"russia": true, "rusia": true, "north": true, "korea": true, "korut": true, "ukraine": true, "ukraina": true, "china": true, "us": true, "as": true}
)

// quotedSide reports which pronoun of a quoting passage the claim's name
// stands for: "we" for the first country after the claim's verb of
// saying (one only, unless taken), when a passage quotes someone saying
// "kami"/"we" and the claim's speaker is mentioned; "you" for a name the
// sentence before that passage gives, when the quote says "Anda"/"you".
// "" when neither.
func quotedSide(cw []word, name []string, passages, befores []string, weTaken bool) string {
	said := -1
	for i, w := range cw {
		if speechWords[w.fold] {
			said = i
			break
		}
	}
	if said < 1 {
		return ""
	}
	for i, p := range passages {
		pw := words(p)
		speech, we, you := false, false, false
		for _, w := range pw {
			speech, we, you = speech || speechWords[w.fold], we || weWords[w.fold], you || youWords[w.fold]
		}
		if !speech || !mentions(pw, cw[said-1].fold) {
			continue
		}
		if we && !weTaken && countryWords[name[0]] && firstNameAfter(cw, said, name) {
			return "we"
		}
		if you && i < len(befores) && befores[i] != "" {
			bw := words(befores[i])
			found := 0
			for _, n := range name {
				if mentions(bw, n) {
					found++
				}
			}
			if 2*found > len(name) {
				return "you"
			}
		}
	}
	return ""
}

// privative reports a clause whose only negator is "no" before a noun
// ("with no conditions"): the "without" of "tanpa syarat", not a
// negated verb.
func privative(ws []word) bool {
	found := false
	for i, w := range ws {
		switch w.fold {
		case "no":
			if i+1 >= len(ws) {
				return false
			}
			found = true
		case "not", "never", "nor", "tidak", "tak", "bukan", "belum", "failed", "unable", "cannot":
			return false
		}
	}
	return found
}

// firstNameAfter reports whether name is the first name after word said.
func firstNameAfter(cw []word, said int, name []string) bool {
	for _, n := range namesOf(cw[said+1:]) {
		return strings.Join(n, " ") == strings.Join(name, " ")
	}
	return false
}

// wordsOf makes folded name words into words.
func wordsOf(folded []string) []word {
	out := make([]word, len(folded))
	for i, f := range folded {
		out[i] = word{text: f, fold: f}
	}
	return out
}

// vagueWords give a count by its order of magnitude only ("hundreds",
// "ribuan"), as a power of ten.
var vagueWords = map[string]int{"dozens": 1, "puluhan": 1, "hundreds": 2, "ratusan": 2, "thousands": 3, "ribuan": 3, "millions": 6, "jutaan": 6}

// vagueMismatch: a claim's "hundreds" needs the passages to give that
// magnitude, as a word or a figure, not only another one ("ribuan").
func vagueMismatch(claim, passages []word) string {
	for _, c := range claim {
		mag, ok := vagueWords[c.fold]
		if !ok {
			continue
		}
		found, other := false, ""
		for _, p := range passages {
			if pm, ok := vagueWords[p.fold]; ok {
				if pm == mag {
					found = true
				} else {
					other = p.text
				}
			}
		}
		if !found && other != "" {
			for n := range numbersOf(passages, false) {
				if v, err := strconv.ParseFloat(n, 64); err == nil && v >= 10 && len(strconv.Itoa(int(v)))-1 == mag {
					found = true
				}
			}
		}
		if !found && other != "" {
			return fmt.Sprintf("the claim says %s; the passage says %s", c.text, other)
		}
	}
	return ""
}

// word is one token: its text, its folded form and whether it began a
// sentence or was capitalised.
type word struct {
	text, fold string
	upper      bool
	start      bool // first word of a sentence
	end        bool // ends a sentence
	comma      bool // a comma or semicolon follows it
}

var tokenRe = regexp.MustCompile(`\d+(?:[.,]\d+)*%?|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|[.!?;:,]`)

func words(s string) []word {
	var out []word
	start := true
	for _, t := range tokenRe.FindAllString(s, -1) {
		switch t {
		case ".", "!", "?", ":":
			if len(out) > 0 {
				out[len(out)-1].end = true
			}
			start = true
			continue
		case ",", ";":
			if len(out) > 0 {
				out[len(out)-1].comma = true
			}
			continue
		}
		if low := strings.ToLower(t); strings.HasPrefix(low, "ex-") && len(low) > 3 {
			// "ex-defence minister": the prefix is "former".
			out = append(out, word{text: t[:2], fold: "ex", upper: unicode.IsUpper([]rune(t)[0]), start: start})
			t, start = t[3:], false
		}
		r := []rune(t)
		out = append(out, word{text: t, fold: fold(t), upper: unicode.IsUpper(r[0]), start: start})
		start = false
	}
	return out
}

// fold lowercases and evens out spelling across the two languages: c is
// k, doubled letters are single, diacritics and apostrophes go.
func fold(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	s = strings.NewReplacer("’", "", "'", "", "-", "", "é", "e", "ë", "e", "c", "k", "q", "k", "ph", "f").Replace(s)
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func sentencesOf(ws []word) [][]word {
	var out [][]word
	from := 0
	for i, w := range ws {
		if w.end || i == len(ws)-1 {
			out = append(out, ws[from:i+1])
			from = i + 1
		}
	}
	return out
}

// clausesOf splits a claim where a new clause starts: after a comma or
// semicolon before a conjunction, and at "while", "but", "sementara",
// "tetapi", "namun".
func clausesOf(ws []word) [][]word {
	var out [][]word
	from := 0
	for i := 1; i < len(ws); i++ {
		f := ws[i].fold
		split := ws[i-1].comma && (f == "and" || f == "dan" || f == "then" || f == "lalu" || f == "kemudian" || f == "which" || f == "yang")
		split = split || f == "while" || f == "but" || f == "sementara" || f == "tetapi" || f == "namun" || f == "whereas" ||
			f == "meskipun" || f == "walaupun" || f == "although" || f == "though" || ws[i-1].comma && (f == "setelah" || f == "after")
		if split && i-from >= 3 {
			out = append(out, ws[from:i])
			from = i
		}
	}
	return append(out, ws[from:])
}

// closest is the passage sentence sharing the most words with clause (by
// folded prefix), names and numbers counting double.
func closest(clause []word, sents [][]word) []word {
	var best []word
	bestScore := -1
	for _, s := range sents {
		score := 0
		for _, c := range clause {
			if len(c.fold) < 4 && !isDigit(c.fold) {
				continue
			}
			for _, p := range s {
				if same(c.fold, p.fold) || translates(c.fold, p.fold) {
					score++
					if c.upper && !c.start || isDigit(c.fold) {
						score++
					}
					break
				}
			}
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

func isDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// same matches two folded words: equal, or sharing a stem of five letters
// (four for short words): Moskow = Moskow, Ukraine = Ukraina.
func same(a, b string) bool {
	if a == b {
		return true
	}
	if sameStem(a, b) {
		return true
	}
	a, b = unprefix(a), unprefix(b)
	n := 5
	if len(a) <= 6 || len(b) <= 6 {
		n = 4
	}
	return len(a) >= n && len(b) >= n && a[:n] == b[:n]
}

// sameStem is same's test on the words as they are.
func sameStem(a, b string) bool {
	n := 5
	if len(a) <= 6 || len(b) <= 6 {
		n = 4
	}
	return len(a) >= n && len(b) >= n && a[:n] == b[:n]
}

// unprefix takes an Indonesian verb prefix off a folded word
// ("memverifikasi" → "verifikasi", "berkonspirasi" → "konspirasi") so a
// loan word meets its English form; the rest must stay long enough to be
// a word.
func unprefix(w string) string {
	for _, p := range []string{"meng", "meny", "mem", "men", "me", "di", "ber", "ter", "per"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 6 {
			return w[len(p):]
		}
	}
	return w
}

// gazetteer maps folded English words to Indonesian equivalents (and is
// read both ways): names, titles, days and months that spelling does not
// match.
var gazetteer = foldedGazetteer(map[string][]string{
	"north": {"utara", "korut"}, "south": {"selatan", "korsel"}, "korea": {"korut", "korsel"}, "korean": {"korea", "korut"},
	"russian": {"rusia"}, "ukrainian": {"ukraina"}, "american": {"amerika", "as"}, "america": {"amerika"},
	"united": {"amerika", "as", "serikat"}, "states": {"serikat", "as"}, "us": {"as", "amerika"}, "amerika": {"as"}, "serikat": {"as"},
	"japan": {"jepang"}, "japanese": {"jepang"}, "china": {"tiongkok"}, "chinese": {"china", "tiongkok"}, "west": {"barat"}, "western": {"barat"},
	"europe": {"eropa"}, "european": {"eropa"}, "britain": {"inggris"}, "british": {"inggris"},
	"minister": {"menteri", "menlu", "diplomat"}, "diplomat": {"diplomat", "menlu", "menteri"}, "prime": {"perdana"}, "ministry": {"kementerian", "kemenlu"}, "president": {"presiden"}, "presidential": {"presiden"},
	"secretary": {"menteri", "sekretaris", "menlu"}, "foreign": {"luar", "kemenlu", "menlu"}, "defense": {"pertahanan"}, "defence": {"pertahanan"},
	"security": {"keamanan"}, "department": {"departemen", "deplu"}, "state": {"negara", "luar", "deplu"}, "leader": {"pemimpin"},
	"ambassador": {"duta", "dubes"}, "spokesperson": {"juru", "jubir"}, "spokesman": {"juru", "jubir"}, "spokeswoman": {"juru", "jubir"},
	"aide": {"ajudan", "pembantu", "penasihat"}, "adviser": {"penasihat"}, "advisor": {"penasihat"}, "commander": {"komandan", "panglima"},
	"general": {"jenderal"}, "chief": {"kepala", "ketua", "pemimpin"}, "head": {"kepala", "ketua"}, "envoy": {"utusan"}, "official": {"pejabat"},
	"intelligence": {"intelijen"}, "council": {"dewan"}, "people": {"rakyat"}, "army": {"angkatan", "tentara"}, "menlu": {"menteri", "luar"}, "menhan": {"menteri", "pertahanan"},
	"korut": {"korea", "utara"}, "korsel": {"korea", "selatan"}, "military": {"militer"}, "news": {"berita"}, "agency": {"kantor"},
	"monday": {"senin"}, "tuesday": {"selasa"}, "wednesday": {"rabu"}, "thursday": {"kamis"}, "friday": {"jumat"}, "saturday": {"sabtu"}, "sunday": {"minggu"},
	"january": {"januari"}, "february": {"februari"}, "march": {"maret"}, "may": {"mei"}, "june": {"juni"}, "july": {"juli"},
	"august": {"agustus"}, "october": {"oktober"}, "december": {"desember"}, "sea": {"laut"}, "capital": {"ibu", "ibukota"},
})

// foldedSet is the set of the folded words of a space-separated list.
func foldedSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[fold(w)] = true
	}
	return out
}

// foldedGazetteer folds both sides of the gazetteer's table.
func foldedGazetteer(table map[string][]string) map[string][]string {
	out := map[string][]string{}
	for en, ids := range table {
		for _, id := range ids {
			out[fold(en)] = append(out[fold(en)], fold(id))
		}
	}
	return out
}

// surnameMentioned reports a person's two-word name given by its family
// name, last or first ("Vladimir Putin" for "Putin", "Choe Son" for
// "Choe"); a word the gazetteer knows ("South Korea") makes it a place's,
// which needs both.
func surnameMentioned(ws []word, name []string) bool {
	for _, n := range name {
		if gazetteer[n] != nil || notNames[n] {
			return false
		}
	}
	if len(name) == 3 {
		// A Korean or Chinese name of three words ("Choe Son Hui") by its
		// family name, first, standing alone ("Choe" and no other
		// given names after it).
		return bareMentioned(ws, name[0])
	}
	if len(name) != 2 {
		return false
	}
	// The family name comes last in most names, first in Korean and
	// Chinese ones.
	return mentions(ws, name[len(name)-1]) || mentions(ws, name[0])
}

// bareMentioned reports f as a capitalised word with no capitalised word
// after it in its clause ("Choe", not "Choe Yong Gon").
func bareMentioned(ws []word, f string) bool {
	for i, w := range ws {
		if !w.upper || !same(f, w.fold) {
			continue
		}
		if i+1 < len(ws) && !w.comma && !w.end && ws[i+1].upper && !notNames[ws[i+1].fold] {
			continue
		}
		return true
	}
	return false
}

// metonyms are, for a country's names, the capitals and seats of power
// news writes for it ("Pyongyang said" = North Korea said): a claim
// naming the country is matched by a passage naming its seat, not the
// other way round ("the White House denied it" needs the White House).
var metonyms = []struct{ country, seats []string }{
	{[]string{"north korea", "korea utara", "korut"}, []string{"pyongyang", "pyongjang"}},
	{[]string{"south korea", "korea selatan", "korsel"}, []string{"seoul"}},
	{[]string{"russia", "rusia"}, []string{"moskow", "moskwa", "moscow", "kremlin"}},
	{[]string{"ukraine", "ukraina"}, []string{"kyiv", "kiev"}},
	{[]string{"united states", "amerika serikat", "us", "as"}, []string{"washington"}},
	{[]string{"china", "tiongkok"}, []string{"beijing"}},
	{[]string{"britain", "inggris"}, []string{"london"}},
	{[]string{"japan", "jepang"}, []string{"tokyo"}},
}

// metonymMentioned reports whether the passages name the claim's
// country by one of its seats.
func metonymMentioned(ws []word, name []string) bool {
	joined := strings.Join(name, " ")
	for _, m := range metonyms {
		in := false
		for _, c := range m.country {
			in = in || strings.Join(foldAll(strings.Fields(c)), " ") == joined
		}
		if !in {
			continue
		}
		for _, seat := range m.seats {
			for _, w := range ws {
				if w.fold == fold(seat) {
					return true
				}
			}
		}
	}
	return false
}

// acronyms are organisations news names by initials, with their names
// in full in both languages (as any reader of the news knows them).
var acronyms = map[string][]string{
	"asean": {"perhimpunan bangsa asia tenggara", "association of southeast asian nations"},
	"nato":  {"pakta pertahanan atlantik utara", "north atlantic treaty organization"},
	"pb":    {"perserikatan bangsa", "united nations"},
	"un":    {"perserikatan bangsa", "united nations"},
	"kkna":  {"kantor berita pusat korea", "korean central news agency"},
	"dprk":  {"republik rakyat demokratik korea", "democratic people's republic of korea", "korea utara", "north korea"},
	"eu":    {"uni eropa", "european union"},
}

// acronymMentioned reports a claim's name given by the passages as its
// acronym or its name in full, the other way round.
func acronymMentioned(ws []word, name []string) bool {
	all := func(phrase string) bool {
		for _, f := range foldAll(strings.Fields(phrase)) {
			if !mentions(ws, f) {
				return false
			}
		}
		return true
	}
	joined := strings.Join(name, " ")
	for acr, fulls := range acronyms {
		if len(name) == 1 && name[0] == acr {
			for _, f := range fulls {
				if all(f) {
					return true
				}
			}
		}
		for _, f := range fulls {
			if strings.Join(foldAll(strings.Fields(f)), " ") == joined && shortFormIn(ws, acr) {
				return true
			}
		}
	}
	return false
}

// seatBuildings are seats of power that are buildings, not capitals: a
// claim's "the Kremlin denied it" needs the Kremlin.
var seatBuildings = map[string]bool{"kremlin": true}

// placePreps put the name after them in a place's slot ("in Moscow",
// "ke Pyongyang"), where a capital is the city, not its country.
var placePreps = map[string]bool{"in": true, "at": true, "to": true, "from": true, "near": true, "di": true, "ke": true, "dari": true}

// capitalActing reports a capital the claim names as an actor, not as a
// place ("Washington and Seoul worry", "said Washington would send"),
// whose country the passages name ("AS dan Korsel khawatir"): news names
// a government by its capital.
func capitalActing(cw, pw []word, name []string) bool {
	if len(name) != 1 || seatBuildings[name[0]] {
		return false
	}
	var country []string
	for _, m := range metonyms {
		for _, seat := range m.seats {
			if fold(seat) == name[0] {
				country = m.country
			}
		}
	}
	if country == nil {
		return false
	}
	for i, w := range cw {
		if w.fold == name[0] && i > 0 && placePreps[cw[i-1].fold] {
			return false
		}
	}
	for _, c := range country {
		all := true
		for _, f := range foldAll(strings.Fields(c)) {
			all = all && (len(f) > 2 && mentions(pw, f) || shortFormIn(pw, f))
		}
		if all {
			return true
		}
	}
	return false
}

// shortFormIn reports a short form ("AS", "US") written in capitals in
// ws: lower-case "as" is an English word.
func shortFormIn(ws []word, f string) bool {
	for _, w := range ws {
		if w.fold == f && w.text == strings.ToUpper(w.text) {
			return true
		}
	}
	return false
}

func foldAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fold(x)
	}
	return out
}

func translates(a, b string) bool {
	for _, t := range gazetteer[a] {
		if same(t, b) {
			return true
		}
	}
	for _, t := range gazetteer[b] {
		if same(t, a) {
			return true
		}
	}
	return false
}

func mentions(ws []word, f string) bool {
	for _, w := range ws {
		if same(f, w.fold) || translates(f, w.fold) {
			return true
		}
	}
	return false
}

// notNames are capitalised words that are not names: sentence openers,
// pronouns and function words of both languages.
var notNames = foldedSet(`the a an on in at of and but while after before during since according
		he she they it its his her their this that these those we i there here as by for with from to when
		if what who which where how also however meanwhile earlier later last next both all some many
		di pada dalam menurut dia ia mereka ini itu para sang yang dan tetapi namun sementara setelah sebelum
		saat ketika sejak dengan untuk dari ke oleh bahwa juga kemudian lalu kami kita beberapa banyak semua`)

// namesOf is the claim's names: runs of capitalised words that are not
// function words, except a sentence's first word (capitalised anyway).
// A name is mentioned when more than half its words are (Son Hui = Choe
// Son Hui).
func namesOf(ws []word) [][]string {
	var out [][]string
	var cur []string
	for i, w := range ws {
		// A sentence's first word is capitalised anyway; it is a name's
		// when the name goes on ("North Korea sent …").
		first := w.start && i+1 < len(ws) && ws[i+1].upper && !w.comma && !w.end
		if w.upper && (!w.start || first) && !notNames[w.fold] && !isDigit(w.fold) && len(w.fold) >= 2 && !roleWords[w.fold] {
			cur = append(cur, w.fold)
			if !w.comma && !w.end {
				continue
			}
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// roleWords are titles a claim may give someone, in either language;
// each must be in a passage, also inside a name ("Defence Minister
// Shoigu").
var roleWords = foldedSet(`minister ministry president secretary ambassador spokesperson spokesman spokeswoman
		aide adviser advisor commander general chief envoy leader defence defense foreign security interior
		menteri presiden sekretaris duta jubir ajudan penasihat komandan jenderal panglima kepala utusan pemimpin
		pertahanan keamanan menlu menhan premier diplomat prime perdana`)

func rolesOf(ws []word) []string {
	var out []string
	for i, w := range ws {
		if roleWords[w.fold] && (!roleModifiers[w.fold] || roleHeadNear(ws, i)) {
			out = append(out, w.fold)
		}
	}
	return out
}

// holderOf reports whether the claim's title r stands beside a name (its
// holder: "Russian President Vladimir Putin", "Choe, the foreign
// minister").
func holderOf(claim []word, r string) bool {
	return len(titleHolders(claim, r)) > 0
}

// titleHolders are the names within three words of title r in ws,
// leaving out countries and their demonyms ("Russian President").
func titleHolders(ws []word, r string) []string {
	var out []string
	for i, w := range ws {
		if w.fold != r {
			continue
		}
		for j := max(0, i-3); j < len(ws) && j <= i+3; j++ {
			if j != i && ws[j].upper && !notNames[ws[j].fold] && !roleWords[ws[j].fold] && !isDigit(ws[j].fold) && gazetteer[ws[j].fold] == nil {
				out = append(out, ws[j].fold)
			}
		}
	}
	return out
}

// titledOtherwise reports whether the passages give the holder of the
// claim's title r another title: a reader takes a well-known title the
// passage leaves out ("President Putin" for "Putin"), not one the passage
// contradicts ("defence minister" for "kepala intelijen militer").
func titledOtherwise(claim, passages []word, r string) bool {
	holders := titleHolders(claim, r)
	for i, w := range passages {
		if !roleWords[w.fold] || roleModifiers[w.fold] {
			continue
		}
		for j := max(0, i-4); j < len(passages) && j <= i+4; j++ {
			for _, h := range holders {
				if passages[j].upper && same(h, passages[j].fold) {
					return true
				}
			}
		}
	}
	return false
}

// roleModifiers make a title only beside its head ("foreign minister",
// "defence chief"); alone they are ordinary words ("foreign forces",
// "security guarantees").
var roleModifiers = foldedSet("prime perdana foreign defence defense security interior pertahanan keamanan")

// roleHeadNear reports a title's head within two words of word i.
func roleHeadNear(ws []word, i int) bool {
	for j := max(0, i-2); j < len(ws) && j <= i+2; j++ {
		if j != i && roleWords[ws[j].fold] && !roleModifiers[ws[j].fold] {
			return true
		}
	}
	return false
}

// destinations are the names within three words after "to", "into",
// "ke" or "menuju".
func destinations(ws []word) []string {
	var out []string
	for i, w := range ws {
		if w.fold != "to" && w.fold != "into" && w.fold != "ke" && w.fold != "menuju" {
			continue
		}
		if i > 0 && (ws[i-1].fold == "akording" || ws[i-1].fold == "according") {
			continue // "according to Reuters" names a source
		}
		for j := i + 1; j < len(ws) && j <= i+3; j++ {
			if ws[j].upper && !notNames[ws[j].fold] {
				out = append(out, ws[j].fold)
			}
			// Only the place itself, after "the" or a place word; not
			// the object of a verb ("to help Russia").
			if ws[j].comma || ws[j].end || !ws[j].upper && !notNames[ws[j].fold] && !placeWords[ws[j].fold] {
				break
			}
		}
	}
	return out
}

// placeWords may stand between "to"/"ke" and a place's name ("to the
// city of Wonsan", "ke wilayah Kursk").
var placeWords = map[string]bool{"kota": true, "wilayah": true, "city": true, "region": true, "provinsi": true, "province": true, "ibukota": true, "kawasan": true}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if same(x, y) || translates(x, y) {
				return true
			}
		}
	}
	return false
}

var spelled = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"eleven": "11", "twelve": "12", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6", "tujuh": "7",
	"delapan": "8", "sembilan": "9", "sepuluh": "10", "sebelas": "11",
}

// numbersOf is the set of numbers stated, each in one canonical form:
// thousands separators dropped (6,000 = 6.000 = 6000), a decimal comma a
// point, a per cent sign gone, a scale word applied (10 ribu = 10 thousand
// = 10000); spelled numbers up to twelve as digits. Indonesian ke- words
// (kedua, ketiga) are "both/the three" as often as "second/third", so they
// count as numbers; in a passage also as ordinals (ordinalsOf).
func numbersOf(ws []word, passage bool) map[string]bool {
	out := map[string]bool{}
	for i, w := range ws {
		if _, ok := spelled[w.fold]; ok && i > 0 && ws[i-1].fold == "the" && !ws[i-1].comma {
			continue // "the two countries" refers to them; it counts nothing
		}
		if v, ok := spelled[w.fold]; ok {
			if i+1 < len(ws) {
				if m, ok := scales[ws[i+1].fold]; ok {
					n, _ := strconv.ParseFloat(v, 64)
					v = strconv.FormatFloat(n*m, 'f', -1, 64) // six thousand, enam ribu
				}
			}
			out[v] = true
			continue
		}
		if n, ok := idOrdinal(w.fold); ok {
			if passage && !ordinalUse(ws, i) {
				// kedua negara, both countries: a number a claim's
				// "two" may match, though a claim's "kedua" claims none.
				out[strconv.Itoa(n)] = true
			}
			continue
		}
		for _, part := range strings.Split(w.text, "-") {
			v, ok := numberValue(part)
			if !ok {
				continue
			}
			if i+1 < len(ws) {
				if m, ok := scales[ws[i+1].fold]; ok {
					v *= m
				}
			}
			out[strconv.FormatFloat(v, 'f', -1, 64)] = true
		}
	}
	return out
}

// units are the Indonesian time units that take se- for "one" (sebulan).
var units = map[string]bool{"bulan": true, "tahun": true, "minggu": true, "hari": true, "jam": true, "pekan": true, "dekade": true, "abad": true}

var scales = map[string]float64{"puluh": 10, "k": 1e3, "hundred": 1e2, "ratus": 1e2, "thousand": 1e3, "ribu": 1e3, "milion": 1e6, "juta": 1e6, "bilion": 1e9, "miliar": 1e9, "trilion": 1e12, "triliun": 1e12}

// ordinalUse reports whether the Indonesian ke- word at i is an ordinal:
// pertama always; the others after a content word of the same clause.
func ordinalUse(ws []word, i int) bool {
	if ws[i].fold == "pertama" {
		return true
	}
	if i+1 < len(ws) && bothNouns[ws[i+1].fold] {
		return false // kedua negara: both countries
	}
	return i > 0 && !ws[i-1].comma && !ws[i-1].end && !ws[i-1].upper && !notNames[ws[i-1].fold] && !isDigit(ws[i-1].fold)
}

// bothNouns follow kedua, ketiga… meaning "both", "the three".
var bothNouns = map[string]bool{"negara": true, "pihak": true, "belah": true, "pemimpin": true, "menteri": true, "negeri": true, "bangsa": true, "tokoh": true, "kepala": true, "orang": true}

func idOrdinal(f string) (int, bool) {
	n, ok := ordinalWords[f]
	return n, ok && strings.HasPrefix(f, "ke")
}

var thousands = regexp.MustCompile(`^\d{1,3}(?:[.,]\d{3})+$`)

func numberValue(s string) (float64, bool) {
	s = strings.TrimSuffix(s, "%")
	if !isDigit(s) {
		return 0, false
	}
	if thousands.MatchString(s) {
		s = strings.NewReplacer(",", "", ".", "").Replace(s)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	return v, err == nil
}

var ordinalWords = map[string]int{
	"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
}

// ordinalsOf is the ordinals stated: second…tenth, ke-N and Nth, "first"
// after an article or possessive (not the adverb "first"), pertama, and
// kedua…kesepuluh after a noun (putaran kedua: the second round; kedua
// negara is "both countries", a number).
func ordinalsOf(ws []word) map[int]bool {
	out := map[int]bool{}
	for i, w := range ws {
		f := strings.ToLower(w.text)
		if n, ok := ordinalWords[f]; ok {
			if _, id := idOrdinal(w.fold); !id || ordinalUse(ws, i) {
				out[n] = true
			}
			continue
		}
		if f == "first" && i > 0 && strings.Contains(" the its his her their ", " "+ws[i-1].fold+" ") {
			out[1] = true
			continue
		}
		if strings.HasPrefix(f, "ke-") {
			if n, err := strconv.Atoi(f[3:]); err == nil {
				out[n] = true
			}
		}
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if n, err := strconv.Atoi(strings.TrimSuffix(f, suf)); err == nil && strings.HasSuffix(f, suf) {
				out[n] = true
			}
		}
	}
	return out
}

func sortedKeys(m map[int]bool) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// markerClass is a marker of meaning the claim and its passage must agree
// on: both state it or neither does (both), or the claim's needs the
// passage's (not both).
type markerClass struct {
	name    string
	both    bool
	words   []string // single words
	phrases []string // multi-word phrases, lower case
	passage []string // when set, the words that satisfy the claim's in a passage
	// weak words satisfy the claim's marker in the closest passage
	// sentence without asking for one in the claim ("bisa" = could, for a
	// claim's "might"; "perkiraan", an estimate, for "estimated").
	weak   []string
	titled bool // counts only before a title or name ("former minister")
	// scoped: in a passage it binds only when the claim states what it
	// qualifies (bindsTo).
	scoped bool
}

// bindsTo reports whether the marker in passage sentence ws qualifies
// something the claim states: a name, number or title in the words after
// it, to the end of its clause, is in the claim; or, where none is
// there, one of the next few words is ("tidak dapat memverifikasi" binds
// to "verified"; "tak terkalahkan" does not bind to "brotherhood").
func (m markerClass) bindsTo(ws []word, claim []word) bool {
	for i := range ws {
		hit := false
		for _, x := range m.words {
			hit = hit || ws[i].fold == fold(x)
		}
		for _, p := range m.phrases {
			ps := strings.Fields(p)
			ok := i+len(ps) <= len(ws)
			for k := 0; ok && k < len(ps); k++ {
				ok = ws[i+k].fold == fold(ps[k])
			}
			hit = hit || ok
		}
		if !hit {
			continue
		}
		if (ws[i].fold == "tak" || ws[i].fold == "tidak") && i+1 < len(ws) && len(ws[i+1].fold) > 5 && strings.HasPrefix(ws[i+1].fold, "ter") {
			continue // "tak terkalahkan": one adjective, invincible
		}
		named, binds := false, false
		for j := i + 1; j < len(ws); j++ {
			w := ws[j]
			if w.upper || isDigit(w.fold) || roleWords[w.fold] {
				named = true
				binds = binds || mentions(claim, w.fold)
			}
			if w.comma || w.end {
				break
			}
		}
		if !named {
			for j := i + 1; j < len(ws) && j <= i+scopeWords; j++ {
				if len(ws[j].fold) >= 4 && !notNames[ws[j].fold] && mentions(claim, ws[j].fold) {
					binds = true
				}
				if ws[j].comma || ws[j].end {
					break
				}
			}
		}
		if binds {
			return true
		}
	}
	return false
}

// scopeWords is how many words after a marker it governs when no name
// follows it.
const scopeWords = 4

var markerClasses = []markerClass{
	{name: "a negation", both: true, scoped: true,
		words: []string{"not", "never", "no", "nor", "failed", "fail", "unable", "cannot",
			"didnt", "doesnt", "dont", "wasnt", "werent", "isnt", "arent", "hasnt", "havent", "hadnt", "wouldnt", "couldnt", "cant", "wont",
			"tidak", "tak", "bukan", "belum", "gagal", "enggan"},
		phrases: []string{"berhenti mengatakan", "stopped short of", "declined to", "refused to"}},
	{name: "a denial", both: true, scoped: true, words: []string{"denied", "denies", "deny", "rejected", "rejects", "disputed", "disputes", "dispute", "refuted", "refutes",
		"contested", "dismissed", "dismisses", "dismiss", "membantah", "dibantah", "menyangkal", "disangkal", "menolak", "ditolak", "bantah",
		"menepis", "ditepis"}},
	{name: "a hedge (likely, may)", both: true, scoped: true,
		words: []string{"likely", "may", "might", "possibly", "probably", "perhaps", "kemungkinan", "mungkin", "berpotensi", "diperkirakan", "kiranya",
			"expected", "expects", "estimated", "believed", "dikhawatirkan", "diyakini", "diduga"},
		weak: []string{"bisa", "could", "perkiraan", "memperkirakan", "estimates", "estimate"}},
	{name: "it was reported", words: []string{"reportedly", "dilaporkan", "dikabarkan", "kabarnya", "konon"},
		passage: []string{"reportedly", "dilaporkan", "dikabarkan", "melaporkan", "laporan", "kabarnya", "konon", "menurut", "reported", "reports", "according", "kata", "said"}},
	{name: "at least", both: true, phrases: []string{"at least", "a minimum of", "no fewer than", "no less than", "not less than", "tidak kurang dari", "paling sedikit", "sekurang-kurangnya"}, words: []string{"setidaknya", "sedikitnya", "minimal"}},
	{name: "more than", both: true, phrases: []string{"more than", "over", "lebih dari", "lebih banyak dari"}},
	{name: "up to", both: true, phrases: []string{"up to", "as many as", "as much as", "at most", "no more than", "not more than", "tidak lebih dari", "paling banyak", "hingga", "sampai"}},
	{name: "about", both: true, phrases: []string{"about", "around", "approximately", "roughly", "some", "sekitar", "kira-kira", "kurang lebih", "lebih kurang"}},
	{name: "less than", both: true, phrases: []string{"less than", "fewer than", "under", "kurang dari", "not even", "not quite"}},
	{name: "nearly", both: true, phrases: []string{"nearly", "almost", "hampir"}},
	{name: "exactly", phrases: []string{"exactly", "precisely", "tepat", "persis"}},
	{name: "certainly", phrases: []string{"certainly", "definitely", "certain", "surely", "pasti", "tentu", "dipastikan"}},
	{name: "last year", words: []string{}, phrases: []string{"last year", "tahun lalu"}},
	{name: "this year", phrases: []string{"this year", "tahun ini"}},
	{name: "last month", phrases: []string{"last month", "bulan lalu"}},
	{name: "this month", phrases: []string{"this month", "bulan ini"}},
	{name: "last week", phrases: []string{"last week", "pekan lalu", "minggu lalu"}},
	{name: "this week", phrases: []string{"this week", "pekan ini", "minggu ini"}},
	{name: "former", both: true, words: []string{"former", "mantan", "bekas", "ex"}, titled: true, scoped: true},
}

// phraseAt reports whether the words of phrase stand in ws from i on.
func phraseAt(ws []word, i int, phrase []string) bool {
	if i+len(phrase) > len(ws) {
		return false
	}
	for k, x := range phrase {
		if ws[i+k].fold != fold(x) {
			return false
		}
	}
	return true
}

// in reports whether ws states the marker (not a quantity marker).
func (m markerClass) in(ws []word) bool {
	for i, w := range ws {
		for _, x := range m.words {
			if w.fold == fold(x) && (!m.titled || titleAfter(ws, i)) && !comparativeBound(ws, i) {
				return true
			}
		}
		for _, p := range m.phrases {
			if phraseAt(ws, i, strings.Fields(p)) && (p != "certain" || predicativeCertain(ws, i)) {
				return true
			}
		}
	}
	return false
}

// comparativeBound: "no fewer than", "not more than", "tidak kurang
// dari" bound a number; their "no" negates nothing.
func comparativeBound(ws []word, i int) bool {
	switch ws[i].fold {
	case "no", "not", "tidak", "tak":
	default:
		return false
	}
	if i+1 >= len(ws) {
		return false
	}
	switch ws[i+1].fold {
	case "fewer", "les", "more", "later", "earlier", "longer", "kurang", "lebih":
		return true
	case "even", "quite":
		// "not even a month", "not quite 600": less than an amount.
		if i+2 < len(ws) {
			n := ws[i+2].fold
			_, spelledNumber := spelled[n]
			return isDigit(n) || n == "a" || n == "an" || spelledNumber
		}
	}
	return false
}

// predicativeCertain: "certain" is sure only as a predicate ("is
// certain", "almost certain", "certain to"); before a noun ("certain
// shipments") it means "some particular".
func predicativeCertain(ws []word, i int) bool {
	if i+1 >= len(ws) || ws[i].end || ws[i].comma {
		return true
	}
	switch ws[i+1].fold {
	case "to", "that", "of", "whether":
		return true
	}
	if i > 0 {
		switch ws[i-1].fold {
		case "is", "are", "was", "were", "be", "ben", "being", "sems", "semed", "almost", "nearly", "not", "quite", "made", "virtualy":
			return true
		}
	}
	return false
}

// inRelated reports whether a passage clause sharing a content word with
// the claim's clause states the marker.
func (m markerClass) inRelated(clause []word, sents [][]word) bool {
	for _, s := range sents {
		if m.in(s) && shares(clause, s) {
			return true
		}
	}
	return false
}

func shares(a, b []word) bool {
	for _, x := range a {
		if len(x.fold) < 4 || notNames[x.fold] {
			continue
		}
		for _, y := range b {
			if same(x.fold, y.fold) || translates(x.fold, y.fold) {
				return true
			}
		}
	}
	return false
}

// titleAfter reports whether a title or a name follows word i closely.
func titleAfter(ws []word, i int) bool {
	for j := i + 1; j < len(ws) && j <= i+3; j++ {
		if roleWords[ws[j].fold] || ws[j].upper {
			return true
		}
	}
	return false
}

// qualified maps each quantity marker to the numbers it qualifies in ws
// ("at least 600" → at least: {600}). A marker counts only before a
// number, since "about" and "over" are also prepositions.
func qualified(ws []word) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, m := range markerClasses {
		if !m.quantity() {
			continue
		}
		for i := range ws {
			for _, p := range append(m.phrases, m.words...) {
				ps := strings.Fields(p)
				if i+len(ps) >= len(ws) || !phraseAt(ws, i, ps) {
					continue // the phrase, with a word after it
				}
				if i > 0 && comparativeBound(ws, i-1) {
					continue // "fewer than" inside "no fewer than"
				}
				next := ws[i+len(ps) : min(len(ws), i+len(ps)+2)]
				if f := next[0].fold; f == "a" || f == "an" || len(f) > 4 && strings.HasPrefix(f, "se") && units[f[2:]] {
					next = []word{{fold: "1", text: "1"}} // a year, sebulan
				}
				for n := range numbersOf(next, false) {
					if out[m.name] == nil {
						out[m.name] = map[string]bool{}
					}
					out[m.name][n] = true
					break
				}
			}
		}
	}
	// The same bounds after the number: "600 or more", "6.000 lebih".
	for i := range ws {
		if !isDigit(ws[i].fold) {
			continue
		}
		j := i + 1
		if j < len(ws) && scaleWords[ws[j].fold] {
			j++
		}
		for _, pq := range postQualifiers {
			ps := strings.Fields(pq.phrase)
			if j+len(ps) > len(ws) || !phraseAt(ws, j, ps) {
				continue
			}
			for n := range numbersOf(ws[i:min(len(ws), j)], false) {
				if out[pq.class] == nil {
					out[pq.class] = map[string]bool{}
				}
				out[pq.class][n] = true
			}
			break
		}
	}
	return out
}

// postQualifiers bound the number before them.
var postQualifiers = []struct{ phrase, class string }{
	{"or more", "at least"}, {"atau lebih", "at least"}, {"or so", "about"}, {"or fewer", "up to"}, {"or less", "up to"},
	{"lebih", "more than"},
}

// scaleWords may stand between a number and its qualifier ("6 ribu lebih").
var scaleWords = map[string]bool{"ribu": true, "juta": true, "thousand": true, "milion": true, "milyar": true, "miliar": true, "bilion": true}

// compareQuantities: a number the claim qualifies must be qualified so in
// a passage, and a number of the claim that the closest passage sentence
// qualifies must be qualified so in the claim.
func (m markerClass) compareQuantities(claim, whole, passages, best map[string]map[string]bool, claimNumbers map[string]bool) string {
	for n := range claim[m.name] {
		if !passages[m.name][n] {
			return fmt.Sprintf("the claim says %s %s; the passage does not", m.name, n)
		}
	}
	if !m.both {
		return ""
	}
	for n := range best[m.name] {
		// The claim may bound that figure in another of its clauses.
		if claimNumbers[n] && !claim[m.name][n] && !whole[m.name][n] {
			return fmt.Sprintf("the passage says %s %s; the claim does not", m.name, n)
		}
	}
	return ""
}

func (m markerClass) quantity() bool {
	switch m.name {
	case "at least", "more than", "up to", "about", "nearly", "exactly", "less than":
		return true
	}
	return false
}

func lastUser(req ChatRequest) string {
	last := ""
	for _, m := range req.Messages {
		if m.Role == "user" {
			last = m.Content
		}
	}
	return last
}
