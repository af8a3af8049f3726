package retrieval

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A translation changes every word of a story but keeps what no
// translator translates: figures, the names of people, places and
// organisations, acronyms, file names, addresses and commands. These are
// a paragraph's anchors. Two copies of one story, in one language or two,
// have the same paragraphs in the same order, each with the same anchors
// or the same words.

// storyPara is what folding knows of one paragraph (or of the title).
type storyPara struct {
	anchors     []uint64 // sorted, with repeats
	distinct    int      // distinct anchors
	shingles    []uint64 // sorted, unique: word 5-grams, or one hash of a shorter paragraph
	letters     int
	notEvidence bool
	text        string
}

// storyDoc is what folding knows of one document.
type storyDoc struct {
	paras    []storyPara // the title, then every other non-boilerplate paragraph
	anchors  []uint64    // sorted, unique, of every paragraph
	pairs    []uint64    // sorted, unique: each two anchors that follow each other in a paragraph
	shingles []uint64    // sorted, unique: the prose's word 5-grams
	langs    []string    // paragraph languages, identified on first need; "?" before
	titled   bool        // paras[0] is the title
}

// newStoryDoc reads d's paragraphs (segs, Segment's of d), anchors and
// shingles.
func newStoryDoc(d Document, segs []Paragraph) storyDoc {
	type token struct {
		tok     string
		initial bool
	}
	title := strings.TrimSpace(d.Title)
	var texts []string
	var notEvidence []bool
	if title != "" {
		texts, notEvidence = append(texts, title), append(notEvidence, false)
	}
	for _, p := range segs {
		if t := d.Text[p.Span.Start:p.Span.End]; !p.Boilerplate && t != title {
			texts, notEvidence = append(texts, t), append(notEvidence, p.NotEvidence)
		}
	}
	// A capitalised word that opens a sentence is a name only if the
	// document also capitalises it inside one. In a title or a heading
	// every word may be capitalised ("Rupiah Menguat", "Additional
	// Software"): its capitalised words are names only if the text
	// capitalises them inside a sentence.
	midCaps := map[string]bool{}
	tokens := make([][]token, len(texts))
	heading := make([]bool, len(texts))
	for k, t := range texts {
		eachToken(t, func(tok string, initial bool) {
			tokens[k] = append(tokens[k], token{tok, initial})
		})
		heading[k] = k == 0 && title != "" || isHeading(t, len(tokens[k]))
		if heading[k] {
			continue
		}
		for _, tk := range tokens[k] {
			if !tk.initial && isCapitalised(tk.tok) {
				midCaps[tk.tok] = true
			}
		}
	}
	sd := storyDoc{titled: title != ""}
	for k, t := range texts {
		isTitle := sd.titled && k == 0
		p := storyPara{text: t, notEvidence: notEvidence[k]}
		for _, tk := range tokens[k] {
			if a, ok := anchorOf(tk.tok, tk.initial || heading[k], midCaps); ok {
				h := hashString(a)
				if n := len(p.anchors); n > 0 {
					sd.pairs = append(sd.pairs, (p.anchors[n-1]^anchorPairSalt)*fnvPrime^h)
				}
				p.anchors = append(p.anchors, h)
			}
		}
		slices.Sort(p.anchors)
		p.distinct = len(slices.Compact(slices.Clone(p.anchors)))
		p.shingles, p.letters = paraShingles(t)
		if !isTitle && !p.notEvidence {
			sd.shingles = append(sd.shingles, p.shingles...)
		}
		sd.anchors = append(sd.anchors, p.anchors...)
		sd.paras = append(sd.paras, p)
	}
	sd.anchors = sortedUnique(sd.anchors)
	sd.pairs = sortedUnique(sd.pairs)
	sd.shingles = sortedUnique(sd.shingles)
	sd.langs = make([]string, len(sd.paras))
	for i := range sd.langs {
		sd.langs[i] = "?"
	}
	return sd
}

// paraShingles hashes every run of shingleWords consecutive lower-cased
// words of text (a shorter text is one run), and counts its letters and
// digits.
func paraShingles(text string) (shingles []uint64, letters int) {
	var words []uint64
	h, in := uint64(fnvOffset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
			h = fnvAdd(h, unicode.ToLower(r))
			in = true
			continue
		}
		if in {
			words = append(words, h)
			h, in = fnvOffset, false
		}
	}
	if in {
		words = append(words, h)
	}
	run := func(ws []uint64) uint64 {
		x := uint64(fnvOffset)
		for _, w := range ws {
			x = (x ^ w) * fnvPrime
		}
		return x
	}
	if len(words) < shingleWords {
		return []uint64{run(words)}, letters
	}
	shingles = make([]uint64, 0, len(words)-shingleWords+1)
	for i := 0; i+shingleWords <= len(words); i++ {
		shingles = append(shingles, run(words[i:i+shingleWords]))
	}
	return sortedUnique(shingles), letters
}

// fnvAdd adds r's UTF-8 bytes to an FNV-1a hash.
func fnvAdd(h uint64, r rune) uint64 {
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

// anchorPairSalt keeps a pair of anchors' hash apart from an anchor's.
const anchorPairSalt = 0x9e3779b97f4a7c15

// maxHeadingTokens is the most tokens a heading has.
const maxHeadingTokens = 12

// isHeading reports whether a paragraph of n tokens is a heading: short,
// and not ending as a sentence does.
func isHeading(text string, n int) bool {
	if n > maxHeadingTokens {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return !strings.ContainsRune(".!?:;\"”’)]", r)
}

// eachToken calls f with every token of text: a run of non-space
// characters split at hyphens ("non-LTS", "Debian-nya", "UTF-8") and cut
// at an apostrophe ("Russia's"), its surrounding punctuation trimmed;
// initial says whether it opens a sentence.
func eachToken(text string, f func(tok string, initial bool)) {
	initial := true
	for _, field := range strings.Fields(text) {
		next := false
		trimmed := strings.TrimRightFunc(field, func(r rune) bool { return strings.ContainsRune(`"'”’»)]`, r) })
		if r, _ := utf8.DecodeLastRuneInString(trimmed); strings.ContainsRune(".!?", r) {
			next = true
		}
		if i := strings.IndexAny(field, "'’"); i > 0 {
			field = field[:i]
		}
		for _, part := range strings.Split(field, "-") {
			tok := strings.TrimFunc(part, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '$' && r != '~'
			})
			tok = strings.TrimRight(tok, "/")
			if tok == "" {
				continue
			}
			f(tok, initial)
			initial = false
		}
		if next {
			initial = true
		}
	}
}

// anchorOf reports whether tok survives translation, and how it is
// compared: figures without their separators ("6.000" and "6,000" are
// one), names as written.
func anchorOf(tok string, initial bool, midCaps map[string]bool) (string, bool) {
	letters, digits, upper, inner := 0, 0, 0, false
	for i, r := range tok {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		case i > 0 && i < len(tok)-1 && strings.ContainsRune("/_.@:=~+$", r):
			inner = true
		}
	}
	switch {
	case letters == 0 && digits > 0:
		var b strings.Builder
		for _, r := range tok {
			if unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		return "#" + strings.TrimLeft(b.String(), "0"), true
	case digits > 0 && letters > 0, inner, upper >= 2:
		return tok, true // ext4, /etc/fstab, debian.org, KCNA, IPv6
	case upper == 1 && isCapitalised(tok) && (!initial || midCaps[tok]):
		return tok, true
	}
	return "", false
}

func isCapitalised(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func sortedUnique(s []uint64) []uint64 {
	slices.Sort(s)
	return slices.Compact(s)
}

// sharedSorted counts the elements two sorted lists share (with repeats: an
// element twice in both counts twice).
func sharedSorted(a, b []uint64) int {
	n := 0
	eachShared(a, b, func(uint64) { n++ })
	return n
}

// eachShared calls f with every element two sorted lists share.
func eachShared(a, b []uint64, f func(uint64)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			f(a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
}
