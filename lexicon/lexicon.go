package lexicon

import (
	"embed"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// Lexicon holds the vendored dictionaries and stop words. It is read-only
// after New and safe for concurrent use.
type Lexicon struct {
	claimsOnce     *sync.Once
	claims         *Lexicon // the view ForClaims returns, built once
	stopID, stopEN map[string]bool
	news           map[string][]string // curated English → Indonesian (lower-case)
	freedict       map[string][]string // FreeDict English → Indonesian
	abbrev         map[string][]string // Indonesian short form ↔ long form, both directions
	synonyms       map[string][]string // Indonesian word → its synonyms in the LibreOffice Indonesian thesaurus (first sense)
	metonyms       map[string][]string // country → capital or seat of power ("korea utara" → "pyongyang")
	words          *wordTables         // the words the dictionaries know and list, built on first use (lazy.go)
	glossTab       *reversedGlosses    // the dictionaries reversed, built on first use (lazy.go)
	nouns          *lazySet            // English words whose dominant WordNet sense is a noun, read on first use
	personNouns    *lazySet            // English nouns whose most frequent WordNet sense is a person, read on first use
	persons        *personTitles       // their Indonesian translations, built on first use
	english        *lazySet            // lower-case English words of SCOWL, read on first use
	compounds      *lazySet            // WordNet's two-part compounds written solid ("standalone"), read on first use
	enSyn          *lemmaDict          // WordNet synonyms of words the dictionaries lack, read on first use
	enAnt          *lemmaDict          // WordNet antonyms, read on first use
	chatShort      *chatShorts         // chat's vowelless short forms of function words, built on first use
	maxPhrase      int                 // longest dictionary headword, in words
}

// New loads the embedded language data.
func New() (*Lexicon, error) {
	l := &Lexicon{
		abbrev:      map[string][]string{},
		claimsOnce:  &sync.Once{},
		english:     &lazySet{file: "data/english-words.txt"},
		compounds:   &lazySet{file: "data/wordnet-compounds.txt"},
		enSyn:       &lemmaDict{file: "data/wordnet-synonyms.tsv"},
		enAnt:       &lemmaDict{file: "data/wordnet-antonyms.tsv"},
		nouns:       &lazySet{file: "data/wordnet-nouns.txt"},
		personNouns: &lazySet{file: "data/wordnet-persons.txt"},
		persons:     &personTitles{},
		chatShort:   &chatShorts{},
		words:       &wordTables{},
		glossTab:    &reversedGlosses{},
	}
	var err error
	if l.stopID, err = readSet(dataFS, "data/stopwords-id.txt"); err != nil {
		return nil, err
	}
	if l.stopEN, err = readSet(dataFS, "data/stopwords-en.txt"); err != nil {
		return nil, err
	}
	if l.news, err = readDict(dataFS, "data/news-en-id.tsv"); err != nil {
		return nil, err
	}
	if l.freedict, err = readDict(dataFS, "data/freedict-eng-ind.tsv"); err != nil {
		return nil, err
	}
	if l.metonyms, err = readDict(dataFS, "data/metonyms.tsv"); err != nil {
		return nil, err
	}
	short, err := readDict(dataFS, "data/abbrev-id.tsv")
	if err != nil {
		return nil, err
	}
	for s, longs := range short {
		for _, lf := range longs {
			l.abbrev[s] = appendUnique(l.abbrev[s], lf)
			l.abbrev[lf] = appendUnique(l.abbrev[lf], s)
		}
	}
	if l.synonyms, err = readDict(dataFS, "data/thesaurus-id.tsv"); err != nil {
		return nil, err
	}
	for _, d := range []map[string][]string{l.news, l.freedict} {
		for h, vals := range d {
			if len(vals) == 1 && vals[0] == h {
				continue // a transliterated name (see wordTables)
			}
			if n := fieldCount(h); n > l.maxPhrase {
				l.maxPhrase = n
			}
		}
	}
	if l.maxPhrase > 4 {
		l.maxPhrase = 4
	}
	return l, nil
}

// EnglishWord reports whether a folded word is an ordinary English word
// (SCOWL's lower-case entries: "square", "according", "honouring"); names
// such as "donetsk" are not.
// The list (65,000 words) is read on the first call, not at start-up: only
// some questions need it.
func (l *Lexicon) EnglishWord(norm string) bool { return l.english.has(norm) }

// EnglishCompound reports whether a folded word is an English compound
// of two words written solid, which WordNet writes hyphenated or as two
// words ("standalone" for stand-alone, "filesystem", "backend"): English,
// though no word list has it.
func (l *Lexicon) EnglishCompound(norm string) bool { return l.compounds.has(norm) }

// lazySet is an embedded word list read on its first lookup; copies of a
// Lexicon (ForClaims) share it. A list already lower-case and sorted (as
// the generators write them) is searched in place, a slice of its lines,
// with no map built; any other list is read into a set.
type lazySet struct {
	file   string
	once   sync.Once
	sorted []string
	set    map[string]bool
}

func (z *lazySet) has(w string) bool {
	z.once.Do(z.load)
	if z.set != nil {
		return z.set[w]
	}
	_, found := slices.BinarySearch(z.sorted, w)
	return found
}

func (z *lazySet) load() {
	text, _ := dataText(dataFS, z.file) // embedded at build time: it reads, or the list is empty
	z.sorted, z.set = readWordList(text)
}

// readWordList returns a word list's lines when they are lower-case and
// strictly in order, and otherwise the set of its lines lower-cased.
func readWordList(text string) ([]string, map[string]bool) {
	lines := make([]string, 0, strings.Count(text, "\n")+1)
	inOrder := true
	eachTextLine(text, func(line string) {
		if inOrder && (strings.ToLower(line) != line || len(lines) > 0 && line <= lines[len(lines)-1]) {
			inOrder = false
		}
		lines = append(lines, line)
	})
	if inOrder {
		return lines, nil
	}
	set := make(map[string]bool, len(lines))
	for _, line := range lines {
		set[strings.ToLower(line)] = true
	}
	return nil, set
}

// KnownWord reports whether a folded word is an ordinary word of either
// language's dictionary (and so, capitalised, more likely a title or a
// place than a person's name).
func (l *Lexicon) KnownWord(norm string) bool { return l.wordSets().known[norm] || l.IsStop(norm) }

// Listed reports whether a dictionary lists the word at all, also as a
// name it only transliterates ("bengkulu": bengkulu): a word of an
// office's field ("Gubernur Bengkulu") rather than of a person's name.
func (l *Lexicon) Listed(norm string) bool { return l.KnownWord(norm) || l.wordSets().listed[norm] }

// IsNoun reports whether a folded English word names a thing: its
// dominant WordNet sense is a noun ("tanks", "prisoner"), and it is not an
// -ing or -ed form, which in a question is nearly always a verb.
func (l *Lexicon) IsNoun(norm string) bool {
	if indefinitePronoun(norm) {
		return false // "someone", "anything": WordNet lists them, but they name no thing
	}
	if strings.HasSuffix(norm, "ing") || strings.HasSuffix(norm, "ed") {
		return false
	}
	for _, lemma := range lemmaCandidates(norm) {
		if l.nouns.has(lemma) {
			return true
		}
	}
	return false
}

// DominantPOS returns the part of speech WordNet's sense-tagged corpus
// counts most often for a folded English word or, failing that, for its
// simple lemma ("pushed": push): 'n', 'v', 'a' (adjective) or 'r'
// (adverb); 0 when the counts do not list it.
func (l *Lexicon) DominantPOS(norm string) byte {
	counts := l.reversed().counts
	for _, lemma := range lemmaCandidates(norm) {
		if c, ok := counts[lemma]; ok {
			return c.pos
		}
	}
	return 0
}

// IsStop reports whether a folded word is an Indonesian or English stop word.
func (l *Lexicon) IsStop(norm string) bool { return l.stopID[norm] || l.stopEN[norm] }

// DetectLang guesses "id" or "en" from stop-word counts; "" when unsure.
func (l *Lexicon) DetectLang(text string) string {
	var id, en int
	for _, t := range Tokenize(text) {
		if l.stopID[t.Norm] {
			id++
		}
		if l.stopEN[t.Norm] {
			en++
		}
	}
	if lang := majority(id, en); lang != "" {
		return lang
	}
	// No stop words to tell ("Seberapa sering Debian merilis versi stabil
	// baru?"): count the words each language's dictionary knows, the
	// Indonesian thesaurus against the English-Indonesian dictionary's
	// English side.
	id, en = 0, 0
	for _, t := range Tokenize(text) {
		if t.Upper || t.Num {
			continue
		}
		if l.Synonyms(t.Norm) != nil {
			id++
		}
		if trs, _ := l.translate(t.Norm); len(trs) > 0 {
			en++
		}
	}
	return majority(id, en)
}

// majority is "id" or "en", whichever count is larger; "" on a tie.
func majority(id, en int) string {
	switch {
	case id > en:
		return "id"
	case en > id:
		return "en"
	}
	return ""
}

// WordTerms returns the index terms of one token in a text of language
// lang: nothing for stop words, the canonical number for numbers, stems
// otherwise.
func (l *Lexicon) WordTerms(t Token, lang string) []string {
	return l.appendWordTerms(nil, t, lang) // terms.go
}

// Terms returns the index terms of text in order (repeated terms repeat).
func (l *Lexicon) Terms(text, lang string) []string {
	out := make([]string, 0, maxTokens(text))
	eachToken(text, func(t Token) bool { // tokenize.go: no token slice
		out = l.appendWordTerms(out, t, lang)
		return true
	})
	return out
}

func appendUnique(list []string, s string) []string {
	if containsString(list, s) {
		return list
	}
	return append(list, s)
}

// IsPlaceName reports a folded word that names a country or its seat of
// power in the metonym table ("rusia", "moskow", "kremlin"), or a short
// form of such a country ("as", "korut").
func (l *Lexicon) IsPlaceName(norm string) bool {
	if l.metonyms[norm] != nil {
		return true
	}
	for _, long := range l.abbrev[norm] {
		if l.metonyms[long] != nil {
			return true // "AS" for Amerika Serikat, "Korut" for Korea Utara
		}
	}
	for _, ms := range l.metonyms {
		for _, m := range ms {
			if m == norm {
				return true
			}
		}
	}
	return false
}

// ForClaims returns the lexicon as the verifier reads claims: the same
// dictionaries, with the first-sense thesaurus read both ways. A claim
// paraphrases a passage in either direction ("pasukan" for "tentara" and
// back); a question's words, matched against every sentence of the
// coverage, keep the thesaurus one way, since the extra synonyms draw
// answers from sentences about other things (measured on the blind
// tuning halves: 71 → 69 and 25 → 23 correct).
func (l *Lexicon) ForClaims() *Lexicon {
	l.claimsOnce.Do(func() {
		c := *l
		c.synonyms = make(map[string][]string, len(l.synonyms))
		for k, v := range l.synonyms {
			c.synonyms[k] = append([]string(nil), v...)
		}
		symmetrise(c.synonyms)
		c.claimsOnce = &sync.Once{}
		c.claimsOnce.Do(func() {})
		c.claims = &c
		l.claims = &c
	})
	return l.claims
}

// symmetrise makes the first-sense thesaurus read both ways: a headword
// listed among another's synonyms has that one among its own ("tentara"
// lists "pasukan", so "pasukan" gets "tentara"), appended after its own
// first sense so that sense still leads.
func symmetrise(syn map[string][]string) {
	heads := make([]string, 0, len(syn))
	for h := range syn {
		heads = append(heads, h)
	}
	sort.Strings(heads)
	add := map[string][]string{}
	for _, h := range heads {
		for _, s := range syn[h] {
			if !strings.Contains(s, " ") && s != h {
				add[s] = appendUnique(add[s], h)
			}
		}
	}
	for s, hs := range add {
		for _, h := range hs {
			syn[s] = appendUnique(syn[s], h)
		}
	}
}

// indefinitePronoun reports an English indefinite pronoun: some-, any-,
// every- or no- before -one, -body, -thing or -where.
func indefinitePronoun(w string) bool {
	for _, pre := range []string{"some", "any", "every", "no"} {
		if rest, ok := strings.CutPrefix(w, pre); ok {
			switch rest {
			case "one", "body", "thing", "where":
				return true
			}
		}
	}
	return false
}

// ClippedEnglish reports whether a folded word is the clipped start of a
// longer ordinary English word ("cert": certificate, "config":
// configuration, "repo": repository): chat shortens words so, while a
// name typed in lower case ("btrfs", "udev") starts no English word.
func (l *Lexicon) ClippedEnglish(norm string) bool {
	return len(norm) >= 3 && l.english.startsLonger(norm, 2)
}

// eachLonger calls fn with each word of the list that starts with p and
// is at least more letters longer.
func (z *lazySet) eachLonger(p string, more int, fn func(string)) {
	z.once.Do(z.load)
	if z.set != nil {
		for w := range z.set {
			if len(w) >= len(p)+more && strings.HasPrefix(w, p) {
				fn(w)
			}
		}
		return
	}
	i, _ := slices.BinarySearch(z.sorted, p)
	for ; i < len(z.sorted) && strings.HasPrefix(z.sorted[i], p); i++ {
		if len(z.sorted[i]) >= len(p)+more {
			fn(z.sorted[i])
		}
	}
}

// clippedLetters is how many letters a clipping drops at least: a
// syllable or more ("repo" for repository, not for report).
const clippedLetters = 4

// Unclipped returns the ordinary English word a clipped one most likely
// stands for ("intel": intelligence, "config": configuration), or "":
// of the words it starts, clippedLetters longer or more, that the
// dictionaries translate, the one
// WordNet's sense-tagged corpus counts most often (ties: the shorter,
// then the first). A word the dictionaries translate or WordNet knows,
// or one starting no longer word, is not clipped.
func (l *Lexicon) Unclipped(norm string) string {
	counts := l.reversed().counts
	if len(norm) < 4 || l.IsStop(norm) || counts[norm].n > 0 || l.IsNoun(norm) || l.EnglishSynonyms(norm) != nil ||
		l.english.has(norm+"ed") || l.english.has(norm+"ing") {
		return "" // a word of its own, inflected as one ("pass": passed, passing)
	}
	if trs, _ := l.translate(norm); trs != nil {
		return ""
	}
	best, bestN := "", -1
	l.english.eachLonger(norm, clippedLetters, func(w string) {
		if trs, _ := l.translate(w); trs == nil {
			return
		}
		n := counts[w].n
		if n > bestN || n == bestN && (len(w) < len(best) || len(w) == len(best) && w < best) {
			best, bestN = w, n
		}
	})
	if bestN <= 0 {
		return "" // no word it starts is common enough to be what it clips
	}
	return best
}

// startsLonger reports whether a word of the list starts with p and is
// at least more letters longer.
func (z *lazySet) startsLonger(p string, more int) bool {
	z.once.Do(z.load)
	if z.set != nil {
		for w := range z.set {
			if len(w) >= len(p)+more && strings.HasPrefix(w, p) {
				return true
			}
		}
		return false
	}
	i, _ := slices.BinarySearch(z.sorted, p)
	for ; i < len(z.sorted) && strings.HasPrefix(z.sorted[i], p); i++ {
		if len(z.sorted[i]) >= len(p)+more {
			return true
		}
	}
	return false
}
