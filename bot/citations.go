package bot

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// A citation field shows a citation to people and keeps it recoverable by
// machine, so that "Check citations" can re-verify a message long after
// the bot forgot it:
//
//	name:  [2] Judul artikel
//	value: Outlet · 17 Juni 2025
//	       > the quoted sentence…
//	       `doc_id` ¶3 · 120–260      (paragraph, byte offsets)
var (
	citationName    = regexp.MustCompile(`^\[(\d{1,6})\]\s?(.*)$`)
	citationLocator = regexp.MustCompile("^`([^`]+)` ¶(\\d+) · (\\d+)–(\\d+)$")
	citationMarker  = regexp.MustCompile(`\[(\d{1,6})\]`)
)

const maxDocIDShown = 200

func citationField(c answer.Citation) *discordgo.MessageEmbedField {
	title := c.Title
	if strings.TrimSpace(title) == "" {
		title = c.Doc
	}
	name := truncate(fmt.Sprintf("[%d] %s", c.N, oneLine(title)), maxFieldName)
	locator := fmt.Sprintf("`%s` ¶%d · %d–%d", truncate(codeSafe(c.Doc), maxDocIDShown), c.Paragraph, c.ByteStart, c.ByteEnd)
	var meta []string
	for _, s := range []string{c.Outlet, c.Published} {
		if s = oneLine(s); s != "" {
			meta = append(meta, s)
		}
	}
	head := truncate(strings.Join(meta, " · "), 200)
	budget := maxFieldValue - textLen(locator) - len("\n> \n")
	if head != "" {
		budget -= textLen(head) + 1
	}
	value := "> " + truncate(oneLine(c.Quote), budget) + "\n" + locator
	if head != "" {
		value = head + "\n" + value
	}
	return &discordgo.MessageEmbedField{Name: name, Value: value}
}

// parseCitationField reads back what citationField wrote. The quote may
// be truncated; restoreCitation re-reads it from the article.
func parseCitationField(f *discordgo.MessageEmbedField) (answer.Citation, bool) {
	if f == nil {
		return answer.Citation{}, false
	}
	nm := citationName.FindStringSubmatch(f.Name)
	if nm == nil {
		return answer.Citation{}, false
	}
	lines := strings.Split(f.Value, "\n")
	loc := citationLocator.FindStringSubmatch(lines[len(lines)-1])
	if loc == nil {
		return answer.Citation{}, false
	}
	var c answer.Citation
	c.N, _ = strconv.Atoi(nm[1])
	c.Title = strings.TrimSuffix(nm[2], "…")
	c.Doc = loc[1]
	c.Paragraph, _ = strconv.Atoi(loc[2])
	c.ByteStart, _ = strconv.Atoi(loc[3])
	c.ByteEnd, _ = strconv.Atoi(loc[4])
	for _, l := range lines[:len(lines)-1] {
		if q, ok := strings.CutPrefix(l, "> "); ok {
			c.Quote = q
		} else if c.Outlet == "" {
			parts := strings.SplitN(l, " · ", 2)
			c.Outlet = parts[0]
			if len(parts) == 2 {
				c.Published = parts[1]
			}
		}
	}
	return c, true
}

// citationsFromEmbeds collects the citations of a Kabar message's source
// embeds, ordered by marker.
func citationsFromEmbeds(embeds []*discordgo.MessageEmbed) []answer.Citation {
	var out []answer.Citation
	seen := map[int]bool{}
	for _, e := range embeds {
		if e == nil {
			continue
		}
		for _, f := range e.Fields {
			if c, ok := parseCitationField(f); ok && !seen[c.N] {
				seen[c.N] = true
				out = append(out, c)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].N < out[b].N })
	return out
}

// restoreCitation completes a citation read back from an embed with the
// article's current text and metadata. ok is false when the article or
// the offsets are gone.
func restoreCitation(c answer.Citation, lib Library) (answer.Citation, bool) {
	doc, found := lib.Document(c.Doc)
	if !found {
		return c, false
	}
	if doc.Title != "" {
		c.Title = doc.Title
	}
	if doc.Outlet != "" {
		c.Outlet = doc.Outlet
	}
	if doc.Published != "" {
		c.Published = doc.Published
	}
	text := doc.Text
	if c.ByteStart < 0 || c.ByteEnd > len(text) || c.ByteStart > c.ByteEnd ||
		!boundary(text, c.ByteStart) || !boundary(text, c.ByteEnd) {
		return c, false
	}
	c.Quote = text[c.ByteStart:c.ByteEnd]
	c.Start = utf8.RuneCountInString(text[:c.ByteStart])
	c.End = c.Start + utf8.RuneCountInString(c.Quote)
	if c.Passage == "" {
		c.Passage = paragraphText(lib, c.Doc, c.Paragraph)
	}
	return c, true
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// paragraphText is the text of paragraph idx (1-based) of a document.
func paragraphText(lib Library, docID string, idx int) string {
	doc, ok := lib.Document(docID)
	if !ok {
		return ""
	}
	for _, p := range lib.Paragraphs(docID) {
		if p.Index == idx && p.Span.Start >= 0 && p.Span.End <= len(doc.Text) && p.Span.Start <= p.Span.End {
			return doc.Text[p.Span.Start:p.Span.End]
		}
	}
	return ""
}

// markers lists the distinct [n] markers of text, in order of appearance.
func markers(text string) []int {
	var out []int
	seen := map[int]bool{}
	for _, m := range citationMarker.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
