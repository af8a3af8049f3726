package retrieval

import (
	"net/url"
	"strings"

	"github.com/kabar-bot/kabar/langid"
)

// A publisher lays out a page's translations side by side: the same file
// under a folder per language (en/apt.html, id/apt.html), or the same
// address with a language part (…/en-US/stable/apt.html and
// …/id-ID/stable/apt.html, ch01.en.html and ch01.id.html), or it says so
// on the page (<link rel="alternate" hreflang="id" href="…">, whatever
// the addresses look like). Two documents so laid out are counterparts:
// their text then only has to agree with the layout (the same anchors,
// paragraphs that align), not prove on its own that they are one story,
// which a short page's few names and figures cannot.

// counterpartKey is where and in which language p lays out a page: p
// with each part that is a language tag (a folder, or a dot-separated
// piece of the file name) replaced by "*", and those languages in order.
// A p with no language part has no key.
func counterpartKey(p string) (key, langs string) {
	parts := strings.Split(p, "/")
	found := false
	var ls []string
	for i, part := range parts {
		pieces := strings.Split(part, ".")
		for k, piece := range pieces {
			if i == len(parts)-1 && len(pieces) > 1 && (k == 0 || k == len(pieces)-1) {
				continue // a file's stem and extension are not its language
			}
			if l := languagePart(piece); l != "" {
				pieces[k] = "*"
				ls = append(ls, l)
				found = true
			}
		}
		parts[i] = strings.Join(pieces, ".")
	}
	if !found {
		return "", ""
	}
	return strings.Join(parts, "/"), strings.Join(ls, ",")
}

// languagePart is the language a path part names ("en", "id-ID",
// "pt_BR"), or "".
func languagePart(s string) string {
	code, region, hasRegion := strings.Cut(s, "-")
	if !hasRegion {
		code, region, hasRegion = strings.Cut(s, "_")
	}
	if hasRegion && (len(region) != 2 || !isASCIIAlpha(region)) {
		return ""
	}
	if len(code) != 2 || !isASCIIAlpha(code) || !langid.Known(code) {
		return ""
	}
	return strings.ToLower(code)
}

func isASCIIAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// counterpartKeys are d's layout keys: of its path in the corpus and of
// the address it states it is at.
func counterpartKeys(d Document) [][2]string {
	var out [][2]string
	if k, l := counterpartKey(d.Path); k != "" {
		out = append(out, [2]string{"path:" + k, l})
	}
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		if k, l := counterpartKey(strings.ToLower(u.Host) + u.EscapedPath()); k != "" {
			out = append(out, [2]string{"url:" + k, l})
		}
	}
	return out
}

// counterparts reports whether documents i and j are laid out as one
// page in two languages: one of their keys is the same, its languages
// differ, and the language one of them is laid out under is the one it is
// tagged with (so a folder that only looks like a language code does not
// pair pages).
func (f *storyFolder) counterparts(i, j int) bool {
	a, b := f.docs[i], f.docs[j]
	if f.addrs[i].alternateOf(f.addrs[j]) || f.addrs[j].alternateOf(f.addrs[i]) {
		return true
	}
	ka, kb := f.keys[i], f.keys[j]
	for _, x := range ka {
		for _, y := range kb {
			if x[0] != y[0] || x[1] == y[1] {
				continue
			}
			if taggedAs(a, x[1]) || taggedAs(b, y[1]) {
				return true
			}
		}
	}
	return false
}

// taggedAs reports whether d's language is among the comma-separated
// langs.
func taggedAs(d Document, langs string) bool {
	if d.Lang == "" {
		return false
	}
	for _, l := range strings.Split(langs, ",") {
		if l == d.Lang {
			return true
		}
	}
	return false
}

// counterpartCandidates lists, once each and in a fixed order, the pairs
// of documents that are counterparts: sharing a layout key under
// different languages, or one naming the other's address as its
// alternate.
func (f *storyFolder) counterpartCandidates() [][2]int {
	byKey := map[string][]int{}
	for i := range f.docs {
		for _, k := range f.keys[i] {
			byKey[k[0]] = append(byKey[k[0]], i)
		}
		if f.addrs[i].self != "" {
			byKey["addr:"+f.addrs[i].self] = append(byKey["addr:"+f.addrs[i].self], i)
		}
		for _, alt := range f.addrs[i].alternates {
			byKey["addr:"+alt] = append(byKey["addr:"+alt], i)
		}
	}
	seen := map[[2]int]bool{}
	for _, list := range byKey {
		if len(list) > maxShingleDocs {
			continue
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				if list[a] != list[b] && f.counterparts(list[a], list[b]) {
					seen[[2]int{min(list[a], list[b]), max(list[a], list[b])}] = true
				}
			}
		}
	}
	return sortedPairs(seen)
}

// minCounterpartAnchored is the share of each counterpart's letters in
// paragraphs with anchors that must align for the text to agree with the
// layout.
const minCounterpartAnchored = 0.5

// laidOutAsOne reports whether counterparts i and j say in their text what
// their layout says: most of their anchors in common, and paragraphs that
// align in order, by text or by anchors, over most of their anchored text
// at a steady length ratio.
func (f *storyFolder) laidOutAsOne(i, j int) bool {
	if !f.anchorsOverlap(i, j) {
		return false
	}
	al := f.align(i, j)
	return al.pairs >= 1 && al.evidence >= 1 && al.steady && al.anchored >= minCounterpartAnchored
}

// pageAddrs are a document's stated address and its alternates', as
// sameAddress compares them.
type pageAddrs struct {
	self       string
	alternates []string
}

func addrsOf(d Document) pageAddrs {
	a := pageAddrs{self: sameAddress(d.URL)}
	for _, alt := range strings.Fields(d.Alternates) {
		if k := sameAddress(alt); k != "" && k != a.self {
			a.alternates = append(a.alternates, k)
		}
	}
	return a
}

// alternateOf reports whether the page of a names the page of b as its
// alternate.
func (a pageAddrs) alternateOf(b pageAddrs) bool {
	if b.self == "" {
		return false
	}
	for _, alt := range a.alternates {
		if alt == b.self {
			return true
		}
	}
	return false
}

// sameAddress is an address as two statements of one page's address
// agree on: host in lower case and path, without scheme, query
// fragment or final slash; "" when it is no absolute address.
func sameAddress(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Host) + strings.TrimSuffix(u.EscapedPath(), "/")
}
