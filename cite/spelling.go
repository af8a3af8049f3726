package cite

import "strings"

// A name is written differently by outlets and languages: "Moskow" and
// "Moskwa", "Pyongyang" and "Pyongjang", "Zelensky" and "Zelenskyy". The
// transliterations differ in vowels, in y/j/i and v/w, in c/k/q and in
// doubled letters, never in the order of the other consonants. A one-word
// name the lexicon lists no spelling for is matched by a passage name of
// the same consonant skeleton.

// minVariantLetters is the shortest name matched by its skeleton: short
// names share skeletons by chance ("Kim", "Kaum").
const minVariantLetters = 5

// skeleton is a word's consonants after folding the letters that
// transliterations exchange; "" for a word too short to compare.
func skeleton(w string) string {
	if len([]rune(w)) < minVariantLetters {
		return ""
	}
	w = strings.ReplaceAll(w, "ph", "f")
	var b strings.Builder
	var last rune
	for _, r := range w {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'j', 'h':
			continue
		case 'c', 'q':
			r = 'k'
		case 'v':
			r = 'w'
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// spellingVariant reports whether two names are one name spelled two
// ways: the same first letter (folded), the same skeleton of at least
// three consonants, and lengths within two letters.
func spellingVariant(a, b string) bool {
	if a == b || a == "" || b == "" {
		return a == b && a != ""
	}
	sa, sb := skeleton(a), skeleton(b)
	if len(sa) < 3 || sa != sb {
		return false
	}
	d := len(a) - len(b)
	return d >= -2 && d <= 2 && foldFirst(a) == foldFirst(b)
}

func foldFirst(w string) byte {
	switch c := w[0]; c {
	case 'c', 'q':
		return 'k'
	case 'j':
		return 'y'
	case 'v':
		return 'w'
	default:
		return c
	}
}

// variantSpans finds a one-word name in toks by its spelling variants:
// a capitalised passage word that spells the name, or one of its
// one-word alternatives, another way.
func variantSpans(k concept, toks []token) [][2]int {
	if k.kind != kindEntity || strings.ContainsAny(strings.TrimSpace(k.Surface), " -") {
		return nil
	}
	forms := []string{strings.ToLower(k.Surface)}
	for _, a := range k.Alts {
		if len(a) == 1 {
			forms = append(forms, a[0]...)
		}
	}
	var out [][2]int
	for j, t := range toks {
		if t.Num || !t.Upper {
			continue
		}
		for _, f := range forms {
			if spellingVariant(f, t.Norm) {
				out = append(out, [2]int{j, j + 1})
				break
			}
		}
	}
	return out
}
