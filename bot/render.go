package bot

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// Discord's message limits.
const (
	maxContent     = 2000
	maxEmbeds      = 10
	maxEmbedTitle  = 256
	maxEmbedDesc   = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedsTotal = 6000
)

const sourcesColor = 0x2b6cb0

// Custom id prefixes of the buttons under an answer; the key that follows
// names the answer (the interaction id, or the message id in threads).
const (
	buttonSources  = "kabar:src:"
	buttonUpvote   = "kabar:up:"
	buttonDownvote = "kabar:down:"
)

const declineText = "**The coverage does not say.** None of the indexed articles answers this, so I won't guess.\n" +
	"Try rephrasing the question, or use `/summary` to see what the coverage is about."

// renderAnswer lays out a result as Discord messages: the answer text
// (split when long), then the sources embeds, then the buttons.
func renderAnswer(r answer.Result, key string) []outMessage {
	text := strings.TrimSpace(r.Answer)
	if !r.Answered || text == "" {
		return []outMessage{{Content: declineText, Components: answerButtons(key, false)}}
	}
	var msgs []outMessage
	for _, part := range splitText(plain(text), maxContent) {
		if strings.TrimSpace(part) != "" {
			msgs = append(msgs, outMessage{Content: part})
		}
	}
	embeds := sourceEmbeds(r)
	at, total := len(msgs)-1, 0
	first := -1
	for _, e := range embeds {
		size := embedSize(e)
		if len(msgs[at].Embeds) == maxEmbeds || (len(msgs[at].Embeds) > 0 && total+size > maxEmbedsTotal) {
			msgs = append(msgs, outMessage{})
			at, total = len(msgs)-1, 0
		}
		if first < 0 {
			first = at
		}
		msgs[at].Embeds = append(msgs[at].Embeds, e)
		total += size
	}
	if first < 0 {
		first = len(msgs) - 1
	}
	msgs[first].Components = answerButtons(key, len(embeds) > 0)
	return msgs
}

// sourceEmbeds renders the citations as embed fields, 25 to an embed and
// each embed within the total size limit.
func sourceEmbeds(r answer.Result) []*discordgo.MessageEmbed {
	cits := append([]answer.Citation(nil), r.Citations...)
	if len(cits) == 0 {
		return nil
	}
	sort.SliceStable(cits, func(a, b int) bool { return cits[a].N < cits[b].N })
	footer := "Quotes are verbatim from the articles · " + r.Mode
	if r.FallbackReason != "" {
		footer += " (fallback)"
	}
	newEmbed := func(first bool) *discordgo.MessageEmbed {
		e := &discordgo.MessageEmbed{Title: "Sources", Color: sourcesColor}
		if !first {
			e.Title = "Sources (continued)"
		} else {
			e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(footer, maxFooter)}
		}
		return e
	}
	var out []*discordgo.MessageEmbed
	cur := newEmbed(true)
	for _, c := range cits {
		f := citationField(c)
		size := textLen(f.Name) + textLen(f.Value)
		if len(cur.Fields) == maxFields || (len(cur.Fields) > 0 && embedSize(cur)+size > maxEmbedsTotal) {
			out = append(out, cur)
			cur = newEmbed(false)
		}
		cur.Fields = append(cur.Fields, f)
	}
	return append(out, cur)
}

// embedSize is what Discord counts towards the 6,000-character total.
func embedSize(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	return n
}

func answerButtons(key string, sources bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if sources {
		row = append(row, discordgo.Button{Label: "Sources", Style: discordgo.SecondaryButton,
			CustomID: buttonSources + key, Emoji: &discordgo.ComponentEmoji{Name: "📚"}})
	}
	row = append(row,
		discordgo.Button{Label: "Helpful", Style: discordgo.SecondaryButton,
			CustomID: buttonUpvote + key, Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{Label: "Not helpful", Style: discordgo.SecondaryButton,
			CustomID: buttonDownvote + key, Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// renderPartial shows a streaming answer: its text so far, cut to fit
// one message.
func renderPartial(text string) outMessage {
	text = plain(strings.TrimSpace(text))
	if text == "" {
		return outMessage{Content: "🔎 Searching the coverage…"}
	}
	return outMessage{Content: truncate(text+" …", maxContent)}
}

// renderSources shows each citation's full quote and the passage around
// it, as private messages.
func renderSources(cits []answer.Citation) []outMessage {
	if len(cits) == 0 {
		return []outMessage{{Content: "These sources are no longer available. Ask again with `/ask`."}}
	}
	var b strings.Builder
	for _, c := range cits {
		title := oneLine(c.Title)
		if title == "" {
			title = c.Doc
		}
		fmt.Fprintf(&b, "**[%d] %s**", c.N, title)
		var meta []string
		for _, s := range []string{c.Outlet, c.Published} {
			if s = oneLine(s); s != "" {
				meta = append(meta, s)
			}
		}
		if len(meta) > 0 {
			fmt.Fprintf(&b, " — %s", strings.Join(meta, ", "))
		}
		fmt.Fprintf(&b, "\n`%s` ¶%d\n%s\n", codeSafe(c.Doc), c.Paragraph, quoteBlock(c.Quote))
		if p := strings.TrimSpace(c.Passage); p != "" && p != strings.TrimSpace(c.Quote) {
			fmt.Fprintf(&b, "*Passage:* %s\n", oneLine(p))
		}
		b.WriteString("\n")
	}
	return textMessages(b.String())
}

// textMessages splits a long text into content-only messages.
func textMessages(text string) []outMessage {
	var out []outMessage
	for _, part := range splitText(strings.TrimSpace(text), maxContent) {
		if strings.TrimSpace(part) != "" {
			out = append(out, outMessage{Content: part})
		}
	}
	if len(out) == 0 {
		out = []outMessage{{Content: "Nothing to show."}}
	}
	return out
}
