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
	shingles []uint64    // sorted, unique: the prose's word 5-grams
	langs    []string    // paragraph languages, identified on first need; "?" before
	titled   bool        // paras[0] is the title
}

// newStoryDoc reads d's paragraphs, anchors and shingles.
func newStoryDoc(d Document) storyDoc {
	segs := Segment(d)
	// A capitalised word that opens a sentence is a name only if the
	// document also capitalises it inside one.
	midCaps := map[string]bool{}
	for _, p := range segs {
		if !p.Boilerplate {
			eachToken(d.Text[p.Span.Start:p.Span.End], func(tok string, initial bool) {
				if !initial && isCapitalised(tok) {
					midCaps[tok] = true
				}
			})
		}
	}
	var sd storyDoc
	title := strings.TrimSpace(d.Title)
	if title != "" {
		sd.paras = append(sd.paras, newStoryPara(title, midCaps, true))
		sd.titled = true
	}
	for _, p := range segs {
		if p.Boilerplate || d.Text[p.Span.Start:p.Span.End] == title {
			continue
		}
		sp := newStoryPara(d.Text[p.Span.Start:p.Span.End], midCaps, false)
		sp.notEvidence = p.NotEvidence
		sd.paras = append(sd.paras, sp)
	}
	for _, p := range sd.paras {
		sd.anchors = append(sd.anchors, p.anchors...)
	}
	sd.anchors = sortedUnique(sd.anchors)
	for h := range docShingles(withoutSpans(d.Text, d.NotEvidence)) {
		sd.shingles = append(sd.shingles, h)
	}
	slices.Sort(sd.shingles)
	sd.langs = make([]string, len(sd.paras))
	for i := range sd.langs {
		sd.langs[i] = "?"
	}
	return sd
}

// newStoryPara reads one paragraph. In a title every word may be
// capitalised ("Rupiah Menguat", "Beat Bahrain"), so a capitalised word
// of a title is a name only if the text capitalises it inside a sentence.
func newStoryPara(text string, midCaps map[string]bool, title bool) storyPara {
	p := storyPara{text: text}
	eachToken(text, func(tok string, initial bool) {
		if a, ok := anchorOf(tok, initial || title, midCaps); ok {
			p.anchors = append(p.anchors, hashString(a))
		}
	})
	slices.Sort(p.anchors)
	p.distinct = len(slices.Compact(slices.Clone(p.anchors)))
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < shingleWords {
		p.shingles = []uint64{hashString(strings.Join(words, " "))}
	} else {
		for i := 0; i+shingleWords <= len(words); i++ {
			p.shingles = append(p.shingles, hashString(strings.Join(words[i:i+shingleWords], " ")))
		}
		p.shingles = sortedUnique(p.shingles)
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			p.letters++
		}
	}
	return p
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
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
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
