// Package langid identifies the language of a text: whole articles when
// they are indexed, and questions when they are asked. It wraps whatlanggo
// (a trigram identifier covering 84 languages, after Franc) and answers in
// ISO 639-1 codes, or "" when the text does not say clearly enough. The
// comparison of trigram profiles is whatlanggo's, done with less work
// (trigram.go).
package langid

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// sampleBytes is how much of a text is looked at: a few paragraphs tell a
// language as well as a whole article, at a fraction of the cost.
const sampleBytes = 16 << 10

// Detector identifies languages, optionally restricted to a set.
// A Detector is immutable and safe for concurrent use.
type Detector struct {
	opts    whatlanggo.Options
	allowed map[string]bool // nil: any language
	minConf float64
	prefer  *Detector // consulted when the answer is not clear; may be nil
}

// New returns a detector that only answers with one of codes (ISO 639-1,
// e.g. "id", "en"); with no codes it considers every language whatlanggo
// knows. Unknown codes are ignored.
func New(codes ...string) *Detector {
	d := &Detector{minConf: 0.5}
	for _, c := range codes {
		l := whatlanggo.CodeToLang(iso6393(strings.ToLower(strings.TrimSpace(c))))
		if l < 0 || iso6391(l) == "" {
			continue
		}
		if d.allowed == nil {
			d.allowed = map[string]bool{}
			d.opts.Whitelist = map[whatlanggo.Lang]bool{}
		}
		d.allowed[iso6391(l)] = true
		d.opts.Whitelist[l] = true
	}
	if d.allowed != nil && len(d.allowed) <= 3 {
		// Choosing among two or three languages needs less evidence than
		// choosing among 84.
		d.minConf = 0.2
	}
	return d
}

// Prefer returns a detector like d that, when its answer is not clear
// (whatlanggo's confidence below 0.9: name lists, short or technical
// text), answers with one of codes instead if the text is clearly in one
// of them. Kabar prefers the languages it can translate, so that a list of
// English names is English and not Danish, while a German article is
// still German.
func (d *Detector) Prefer(codes ...string) *Detector {
	p := *d
	p.prefer = New(codes...)
	p.prefer.minConf = 0.5 // a preference overrides an answer: it needs a clear lead
	return &p
}

// clearConfidence is the confidence above which a preference is not
// consulted.
const clearConfidence = 0.9

// anyLanguage is the unrestricted detector behind Detect.
var anyLanguage = New()

// Detect returns the ISO 639-1 code of text's language among all the
// languages whatlanggo knows, or "" when unsure.
func Detect(text string) string { return anyLanguage.Detect(text) }

// Detect returns the ISO 639-1 code of text's language, or "" when the
// text is too short, mixed, or not in an allowed language.
func (d *Detector) Detect(text string) string {
	text = sample(text)
	// The text's trigrams are counted once, in the same pass as its
	// letters; every comparison below, with or without a whitelist, reads
	// them.
	c := countPool.Get().(*counts)
	defer countPool.Put(c)
	a := c.analyse(text, nil) // before c.letters is read
	return d.decide(a, c.letters, c.kana)
}

// decide is Detect's answer from a text's analysis and letters.
func (d *Detector) decide(a analysis, letters, kana int) string {
	if letters < 3 {
		return ""
	}
	// Japanese mixes kanji with kana; whatlanggo goes by the most common
	// script and would call kanji-heavy Japanese Chinese.
	if kana*20 >= letters {
		return d.allow("ja")
	}
	return d.detect(a, letters)
}

// letterTally counts text's letters, and among them its kana, as Detect
// needs them: an ASCII letter, a kana or any other Unicode letter.
func letterTally(text string) (letters, kana int) {
	for _, r := range text {
		letters, kana = tallyLetter(r, letters, kana)
	}
	return letters, kana
}

// tallyLetter adds r to the tallies of letters and kana.
func tallyLetter(r rune, letters, kana int) (int, int) {
	switch {
	case r < utf8.RuneSelf:
		if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
			letters++
		}
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		kana++
		letters++
	case unicode.IsLetter(r):
		letters++
	}
	return letters, kana
}

// detect is Detect's answer from the text's analysis.
func (d *Detector) detect(a analysis, letters int) string {
	if d.allowed != nil {
		// A text clearly in a language outside the set is in none of the
		// set's languages, however the restricted comparison comes out.
		if info := a.info(nil); info.Lang >= 0 && info.Confidence >= 0.5 && !d.allowed[iso6391(info.Lang)] {
			return ""
		}
	}
	info := a.info(d.opts.Whitelist)
	if d.prefer != nil && info.Confidence < clearConfidence {
		if code := d.prefer.detect(a, letters); code != "" {
			return d.allow(code)
		}
	}
	minConf := d.minConf
	if letters >= longText {
		minConf /= 5
	}
	if info.Lang < 0 || info.Confidence < minConf {
		return ""
	}
	return d.allow(iso6391(info.Lang))
}

// longText is how many letters make a text long enough that a narrow lead
// of one language over the next is still a clear answer (whatlanggo's
// confidence is a margin, and short texts need a wide one).
const longText = 60

func (d *Detector) allow(code string) string {
	if code == "" || d.allowed != nil && !d.allowed[code] {
		return ""
	}
	return code
}

// sample cuts text to sampleBytes at a rune boundary.
func sample(text string) string {
	if len(text) <= sampleBytes {
		return text
	}
	cut := sampleBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

// iso6393 maps an ISO 639-1 code to the ISO 639-3 code whatlanggo looks
// codes up by; three-letter codes pass through.
func iso6393(code string) string {
	if len(code) != 2 {
		return code
	}
	for l := range whatlanggo.Langs {
		if iso6391(l) == code {
			return l.Iso6393()
		}
	}
	return code
}

// Known reports whether code is the ISO 639-1 code of a language the
// detector knows ("id", "en", "de"); "us" or "tv" are not.
func Known(code string) bool {
	if len(code) != 2 {
		return false
	}
	l := whatlanggo.CodeToLang(iso6393(strings.ToLower(code)))
	return l >= 0 && iso6391(l) == strings.ToLower(code)
}

// isoCodes is every language's ISO 639-1 code, by Lang. whatlanggo's
// Iso6391 builds a map of all its languages on every call, which cost as
// much as comparing a paragraph's trigrams.
var isoCodes = sync.OnceValue(func() []string {
	var codes []string
	for l := range whatlanggo.Langs {
		if l >= 0 {
			if int(l) >= len(codes) {
				codes = append(codes, make([]string, int(l)+1-len(codes))...)
			}
			codes[l] = l.Iso6391()
		}
	}
	return codes
})

// iso6391 is l.Iso6391(), looked up.
func iso6391(l whatlanggo.Lang) string {
	if codes := isoCodes(); l >= 0 && int(l) < len(codes) {
		return codes[l]
	}
	return l.Iso6391()
}
