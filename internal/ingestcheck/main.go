// Command ingestcheck measures what Kabar's ingest makes of a corpus of
// real pages: how many evidence chunks are code or page furniture, how
// many stated dates are not dates or not in the file, how titles and
// language tags come out. It judges each chunk independently of the
// pipeline: code is text that sits in a <pre> block of the page;
// furniture is a chunk repeated verbatim on many pages of the same book.
//
//	go run ./internal/ingestcheck ~/.cache/kabar/debian-docs/corpus
//
// With -answers or -summary it judges instead what Kabar answered on such
// a corpus (`kabar eval -json`, `kabar summary --json`): whether copies of
// one page were cited as two reports or set against each other (see
// copies.go).
//
// Expected languages are read from the path: a folder named like a
// language tag ("en", "id", "id-ID", "pt-BR") gives it; other files are
// not checked. Languages are judged per document and per prose chunk
// (a chunk's tag is its paragraph's, retrieval.SetParagraphLanguages):
// a chunk of a translation is English when its language words (all
// lower-case: not names, figures or commands) lie mostly in word
// shingles of the English page, or, when it has fewer than six, when it
// is in the English page verbatim; otherwise it is in its folder's
// language. Chunks with fewer than three language words, or half shared,
// are not judged.
//
// Translations are judged by the path too: the same file under two
// language folders is one page in two languages, and must be one story;
// files of two pages must never be. retrieval.StoryGroups folds by the
// documents' text alone and never sees these paths, so the check is
// independent of it. It reports recall (page pairs folded) and precision
// (folded pairs that are one page).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kabar-bot/kabar/retrieval"
)

func main() {
	verbose := flag.Bool("v", false, "list every problem found")
	answers := flag.String("answers", "", "instead, judge the answers of `kabar eval -json` in `FILE`: copies of one page cited as two reports")
	summaries := flag.String("summary", "", "instead, judge the figures of `kabar summary --json` in these comma-separated `FILES`")
	flag.Parse()
	if ran, err := runCopyChecks(*answers, *summaries, *verbose); ran || err != nil {
		if err != nil {
			fmt.Fprintln(os.Stderr, "ingestcheck:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: ingestcheck [-v] CORPUS_DIR | ingestcheck [-v] [-answers EVAL.json] [-summary SUMMARY.json,…]")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "ingestcheck:", err)
		os.Exit(1)
	}
}

type chunkInfo struct {
	doc, text, book string
	notEvidence     bool
}

func run(dir string, verbose bool) error {
	fsys := os.DirFS(dir)
	var skipped []retrieval.Skipped
	docs, err := retrieval.LoadCorpus(context.Background(), fsys, func(s retrieval.Skipped) { skipped = append(skipped, s) })
	if err != nil {
		return err
	}
	// A page in a translation's folder whose prose is mostly (60% of its
	// words or more) still the English page's text is mostly
	// untranslated: its language is English; at 40% or less it is in
	// its folder's language; in between either answer is fair. Only prose
	// counts: code listings and command output are the same lines in
	// every translation.
	english := map[string]englishPage{}
	for _, d := range docs {
		if pathLang(d.Path) == "en" {
			english[counterpart(d.Path)] = englishPage{shingleSet(proseOf(d)), norm(proseOf(d))}
		}
	}
	englishShingles := map[string]map[string]bool{}
	for k, e := range english {
		englishShingles[k] = e.shingles
	}
	var chunks []chunkInfo
	pagesPerBook := map[string]int{}
	seenOn := map[string]map[string]bool{} // chunk text -> doc ids
	var code, badDate, noTitle, markupTitle, langChecked, langWrong, mixed int
	var chunkRight, chunkWrong, chunkUnjudged, untranslatedRight, untranslatedWrong, docTagWrong int
	var problems []string
	for _, d := range docs {
		book := strings.SplitN(d.Path, "/", 2)[0]
		pagesPerBook[book]++
		raw, err := fs.ReadFile(fsys, d.Path)
		if err != nil {
			return err
		}
		pre := ""
		if strings.HasSuffix(d.Path, ".html") || strings.HasSuffix(d.Path, ".htm") {
			pre = preText(raw)
		}
		segs := retrieval.Segment(d)
		retrieval.SetParagraphLanguages(d, segs)
		for _, c := range retrieval.Chunks(d, segs, retrieval.ChunkOptions{}) {
			ci := chunkInfo{doc: d.ID, text: c.Text, book: book, notEvidence: isNotEvidence(c)}
			if !ci.notEvidence {
				got := retrieval.ParagraphLanguage(d, segs[c.Paragraph-1])
				want := chunkWant(d.Path, c.Text, english)
				if want != "" && d.Lang != want {
					docTagWrong++
				}
				switch {
				case want == "":
					chunkUnjudged++
				case got == want:
					chunkRight++
					if want != pathLang(d.Path) {
						untranslatedRight++
					}
				default:
					chunkWrong++
					if want != pathLang(d.Path) {
						untranslatedWrong++
					}
					problems = append(problems, fmt.Sprintf("chunk language: %s: got %q, want %q: %.80q", c.ID, got, want, c.Text))
				}
			}
			chunks = append(chunks, ci)
			if seenOn[c.Text] == nil {
				seenOn[c.Text] = map[string]bool{}
			}
			seenOn[c.Text][d.ID] = true
			if n := norm(c.Text); !ci.notEvidence && len(n) >= 8 && strings.Contains(pre, n) {
				code++
				problems = append(problems, fmt.Sprintf("code as evidence: %s: %.80q", d.ID, c.Text))
			}
		}
		if d.Published != "" && !statedDate(d.Published, raw) {
			badDate++
			problems = append(problems, fmt.Sprintf("invented date: %s: %q", d.ID, d.Published))
		}
		switch {
		case d.Title == "":
			noTitle++
			first, _, _ := strings.Cut(strings.TrimSpace(string(raw)), "\n")
			problems = append(problems, fmt.Sprintf("empty title: %s (the file begins %.80q)", d.ID, strings.TrimSpace(first)))
		case strings.ContainsAny(d.Title, "=*`<>") || strings.HasPrefix(d.Title, ".."):
			markupTitle++
			problems = append(problems, fmt.Sprintf("markup in title: %s: %q", d.ID, d.Title))
		}
		want := pathLang(d.Path)
		share := -1.0
		if en := englishShingles[counterpart(d.Path)]; want != "en" && en != nil {
			share = sharedShare(proseOf(d), en)
			switch {
			case share >= 0.6:
				want = "en" // mostly untranslated
			case share > 0.4:
				want = "" // half translated: either answer is fair
				mixed++
			}
		}
		if want != "" {
			langChecked++
			if d.Lang != want {
				langWrong++
				if share >= 0 {
					problems = append(problems, fmt.Sprintf("language: %s: got %q, want %q (%.0f%% of its prose words are the English page's)", d.ID, d.Lang, want, 100*share))
				} else {
					problems = append(problems, fmt.Sprintf("language: %s: got %q, want %q", d.ID, d.Lang, want))
				}
			}
		}
	}
	var evidence, furniture int
	for _, c := range chunks {
		if c.notEvidence {
			continue
		}
		evidence++
		if n := len(seenOn[c.text]); n >= 5 && n*5 >= pagesPerBook[c.book] {
			furniture++
			problems = append(problems, fmt.Sprintf("furniture as evidence (on %d pages): %s: %.80q", n, c.doc, c.text))
		}
	}
	// Translations: a page and its copy in another language's folder are
	// one story; two different pages are never one. The judge is the
	// package's own layout (the same file under two language folders).
	// StoryGroups reads that layout too, as a hint its text must confirm,
	// so it is also run on the documents with their paths and addresses
	// taken away: what the text alone folds.
	fold := scoreFolding(docs, retrieval.StoryGroups(docs))
	problems = append(problems, fold.problems...)
	textOnly := make([]retrieval.Document, len(docs))
	for i, d := range docs {
		d.Path, d.URL, d.Alternates = "", "", ""
		textOnly[i] = d
	}
	byText := scoreFolding(docs, retrieval.StoryGroups(textOnly))
	if verbose {
		sort.Strings(problems)
		for _, p := range problems {
			fmt.Println(p)
		}
	}
	pct := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return 100 * float64(n) / float64(of)
	}
	fmt.Printf("documents %d (skipped %d), chunks %d, evidence chunks %d\n", len(docs), len(skipped), len(chunks), evidence)
	fmt.Printf("code in evidence chunks: %d (%.2f%%)\n", code, pct(code, evidence))
	fmt.Printf("furniture in evidence chunks: %d (%.2f%%)\n", furniture, pct(furniture, evidence))
	fmt.Printf("boilerplate+code: %.2f%% of evidence chunks\n", pct(code+furniture, evidence))
	fmt.Printf("published dates not stated as dates in the file: %d\n", badDate)
	fmt.Printf("titles: %d empty, %d with markup\n", noTitle, markupTitle)
	fmt.Printf("language tags: %d of %d wrong (%d half-translated pages not judged)\n", langWrong, langChecked, mixed)
	fmt.Printf("chunk language tags: %d of %d prose chunks wrong (with the document's tag for each: %d), %d not judged (names, figures, commands or half shared); untranslated English chunks in translation folders: %d of %d tagged en\n",
		chunkWrong, chunkRight+chunkWrong, docTagWrong, chunkUnjudged, untranslatedRight, untranslatedRight+untranslatedWrong)
	fmt.Printf("translations: %d of %d page/translation pairs folded into one story; %d stories join different pages\n", fold.folded, fold.pairs, fold.wrongFolds)
	fmt.Printf("folding: recall %.1f%% (%d of %d pairs), precision %.1f%% (%d of %d folded pairs are one page)\n",
		pct(fold.folded, fold.pairs), fold.folded, fold.pairs, pct(fold.foldedPairs-fold.wrongPairs, fold.foldedPairs), fold.foldedPairs-fold.wrongPairs, fold.foldedPairs)
	fmt.Printf("folding by text alone (no paths or addresses): recall %.1f%% (%d of %d pairs), precision %.1f%% (%d of %d)\n",
		pct(byText.folded, byText.pairs), byText.folded, byText.pairs, pct(byText.foldedPairs-byText.wrongPairs, byText.foldedPairs), byText.foldedPairs-byText.wrongPairs, byText.foldedPairs)
	for _, s := range skipped {
		fmt.Printf("skipped %s: %s\n", s.Path, s.Reason)
	}
	return nil
}

// preText is the normalised text of every <pre> block of a page,
// separated so that no match spans two blocks.
func preText(raw []byte) string {
	root, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Pre {
			b.WriteString(norm(textOf(n)))
			b.WriteString("|")
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// statedDate reports whether a published value is a date whose year
// appears in the file.
func statedDate(published string, raw []byte) bool {
	if len(published) < 4 || !isDigits(published[:4]) {
		return false
	}
	return bytes.Contains(raw, []byte(published[:4]))
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// pathLang is the language a folder in p names ("en", "id-ID" → "id").
func pathLang(p string) string {
	for _, part := range strings.Split(path.Dir(p), "/") {
		tag := strings.ToLower(part)
		if i := strings.IndexAny(tag, "-_"); i >= 0 && len(tag)-i == 3 {
			tag = tag[:i]
		}
		if len(tag) == 2 && tag[0] >= 'a' && tag[0] <= 'z' && tag[1] >= 'a' && tag[1] <= 'z' {
			return tag
		}
	}
	return ""
}

// counterpart is p with its language folder replaced by "*".
func counterpart(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts[:len(parts)-1] {
		if pathLang(part+"/x") != "" {
			parts[i] = "*"
		}
	}
	return strings.Join(parts, "/")
}

// proseOf is d's text without its not-evidence spans (code, tables of
// contents, link lists).
func proseOf(d retrieval.Document) string {
	var b strings.Builder
	pos := 0
	for _, sp := range d.NotEvidence {
		if sp.Start < pos || sp.End > len(d.Text) || sp.Start > sp.End {
			continue
		}
		b.WriteString(d.Text[pos:sp.Start])
		b.WriteByte('\n')
		pos = sp.End
	}
	b.WriteString(d.Text[pos:])
	return b.String()
}

// shingleWords is how many consecutive words make a shingle: enough that
// a shared shingle is shared text, not a shared term or command name.
const shingleWords = 4

// words are text's words lower-cased, punctuation trimmed.
func words(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		if w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// shingleSet is the set of text's word shingles.
func shingleSet(text string) map[string]bool {
	set := map[string]bool{}
	ws := words(text)
	for i := 0; i+shingleWords <= len(ws); i++ {
		set[strings.Join(ws[i:i+shingleWords], " ")] = true
	}
	return set
}

// sharedShare is the share of text's words that lie in a shingle of set:
// how much of a translation's prose is still the English text (a
// paragraph left untranslated keeps its shingles even when a term in it
// was translated).
func sharedShare(text string, set map[string]bool) float64 {
	ws := words(text)
	if len(ws) < shingleWords {
		return 0
	}
	covered := make([]bool, len(ws))
	for i := 0; i+shingleWords <= len(ws); i++ {
		if set[strings.Join(ws[i:i+shingleWords], " ")] {
			for k := i; k < i+shingleWords; k++ {
				covered[k] = true
			}
		}
	}
	n := 0
	for _, c := range covered {
		if c {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// folding is how StoryGroups' groups compare with the layout's pages.
type folding struct {
	pairs, folded           int // page/translation pairs, and those in one story
	foldedPairs, wrongPairs int // pairs in one story, and those of two pages
	wrongFolds              int // stories joining two pages
	problems                []string
}

// scoreFolding judges groups (document id to story) against the pages
// docs' paths lay out.
func scoreFolding(docs []retrieval.Document, groups map[string]string) folding {
	var out folding
	pageOf := map[string]string{}
	byCounterpart := map[string][]retrieval.Document{}
	for _, d := range docs {
		pageOf[d.ID] = counterpart(d.Path)
		if pathLang(d.Path) != "" {
			byCounterpart[counterpart(d.Path)] = append(byCounterpart[counterpart(d.Path)], d)
		}
	}
	for _, copies := range byCounterpart {
		for i := range copies {
			for j := i + 1; j < len(copies); j++ {
				out.pairs++
				a, b := copies[i], copies[j]
				if g := groups[a.ID]; g != "" && g == groups[b.ID] {
					out.folded++
				} else {
					out.problems = append(out.problems, fmt.Sprintf("translation not folded: %s and %s", a.ID, b.ID))
				}
			}
		}
	}
	members := map[string][]string{}
	for id, g := range groups {
		members[g] = append(members[g], id)
	}
	for g, ids := range members {
		sort.Strings(ids)
		pages := map[string]bool{}
		for k, a := range ids {
			pages[pageOf[a]] = true
			for _, b := range ids[k+1:] {
				out.foldedPairs++
				if pageOf[a] != pageOf[b] {
					out.wrongPairs++
				}
			}
		}
		if len(pages) > 1 {
			out.wrongFolds++
			out.problems = append(out.problems, fmt.Sprintf("different pages folded into story %s: %v", g, ids))
		}
	}
	return out
}

// A chunk's language is judged by its language words (see
// languageWords): a row of package names and figures reads the same in
// every translation. minJudgedWords is how many it needs to be judged at
// all, and minShareWords to be judged by its share of the English page's
// shingles; a shorter one is English when it is in the English page
// verbatim.
const (
	minJudgedWords = 3
	minShareWords  = 6
)

// englishPage is what the judge knows of a page's English copy.
type englishPage struct {
	shingles map[string]bool
	norm     string // its prose through norm
}

// chunkWant is the language a prose chunk of the page at p should be
// tagged with, judged by the corpus's layout, not by language
// identification: its folder's language, except that a chunk of a
// translation whose language words lie mostly (60% or more) in shingles
// of the English page, or that is short and in the English page
// verbatim, is an untranslated English paragraph. "" when the chunk has
// too few language words, is half shared (over 40%, under 60%), or the
// path names no language.
func chunkWant(p, text string, english map[string]englishPage) string {
	want := pathLang(p)
	lw := languageWords(text)
	if want == "" || lw < minJudgedWords {
		return ""
	}
	en, ok := english[counterpart(p)]
	if want == "en" || !ok {
		return want
	}
	if lw < minShareWords {
		if n := norm(text); len(n) >= 8 && strings.Contains(en.norm, n) {
			return "en"
		}
		return want
	}
	switch share := languageShare(text, en.shingles); {
	case share >= 0.6:
		return "en"
	case share > 0.4:
		return ""
	}
	return want
}

// languageWords counts text's words that are a language's, not a name,
// a figure or a command: all lower-case letters.
func languageWords(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if len(w) < 2 {
			continue
		}
		ok := true
		for _, r := range w {
			if !unicode.IsLetter(r) || !unicode.IsLower(r) {
				ok = false
				break
			}
		}
		if ok {
			n++
		}
	}
	return n
}

// languageShare is sharedShare counted over text's language words only
// (see languageWords): a table row keeps its package names and figures
// in every translation, and only its words tell whether it was
// translated.
func languageShare(text string, set map[string]bool) float64 {
	var ws []string
	var lang []bool
	for _, f := range strings.Fields(text) {
		if w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })); w != "" {
			ws = append(ws, w)
			lang = append(lang, languageWords(f) == 1)
		}
	}
	covered := make([]bool, len(ws))
	for i := 0; i+shingleWords <= len(ws); i++ {
		if set[strings.Join(ws[i:i+shingleWords], " ")] {
			for k := i; k < i+shingleWords; k++ {
				covered[k] = true
			}
		}
	}
	n, of := 0, 0
	for i := range ws {
		if lang[i] {
			of++
			if covered[i] {
				n++
			}
		}
	}
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
