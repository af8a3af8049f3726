package bot

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// Embed colours: the usual blue, amber when the reports disagree.
const (
	sourcesColor  = 0x2b6cb0
	disagreeColor = 0xd69e2e
)

// Custom id prefixes of the components under an answer; the key that
// follows names the answer (the interaction id, or the message id in
// threads).
const (
	buttonSources  = "kabar:src:"
	buttonUpvote   = "kabar:up:"
	buttonDownvote = "kabar:down:"
	menuReason     = "kabar:why:"
)

// maxQuoteShown bounds a quote in the Sources block; the full sentence and
// its paragraph are one click away under 📚.
const maxQuoteShown = 300

// declineText is the English decline shown when the answerer gave no text.
const declineText = "**The coverage does not say.** None of the indexed articles answers this, so I won't guess.\n" +
	"Try asking about something the articles cover, or use `/summary` to see what they are about."

// renderOpts says how to render an answer for its audience.
type renderOpts struct {
	lang  lang   // the language of the chrome (buttons, footer, headings)
	model string // the language model's name, for the footer of LLM answers
}

// renderAnswer lays out a result in the language it is written in (the
// question's, else English).
func renderAnswer(r answer.Result, key string) []outMessage {
	return renderAnswerWith(r, key, renderOpts{lang: resultLang(r, langEN)})
}

// renderAnswerWith lays out a result as Discord messages: the lead with
// its [n] markers (split when long), then one compact Sources block, then
// the buttons. Each quote is shown once.
func renderAnswerWith(r answer.Result, key string, o renderOpts) []outMessage {
	l := o.lang
	body := strings.TrimSpace(r.Answer)
	if !r.Answered || body == "" {
		return []outMessage{{Content: declineContent(r, l)}}
	}
	cits := sortedCitations(r.Citations)
	lead, disagree := leadText(body, cits, l)
	var msgs []outMessage
	for _, part := range splitText(lead, maxContent) {
		if strings.TrimSpace(part) != "" {
			msgs = append(msgs, outMessage{Content: part})
		}
	}
	if len(msgs) == 0 {
		msgs = []outMessage{{}}
	}
	embeds := sourceEmbeds(cits, lead, footerText(r, cits, o), disagree, l)
	at, total := len(msgs)-1, 0
	for _, e := range embeds {
		size := embedSize(e)
		if len(msgs[at].Embeds) == maxEmbeds || (len(msgs[at].Embeds) > 0 && total+size > maxEmbedsTotal) {
			msgs = append(msgs, outMessage{})
			at, total = len(msgs)-1, 0
		}
		msgs[at].Embeds = append(msgs[at].Embeds, e)
		total += size
	}
	msgs[len(msgs)-1].Components = answerButtons(key, passagesAddSomething(cits), l)
	return msgs
}

func sortedCitations(in []answer.Citation) []answer.Citation {
	cits := append([]answer.Citation(nil), in...)
	sort.SliceStable(cits, func(a, b int) bool { return cits[a].N < cits[b].N })
	return cits
}

// declineContent is the answerer's own decline (in the asker's language)
// with a hint of what to do; a refusal to talk about Kabar itself gets no
// hint, because rephrasing will not help.
func declineContent(r answer.Result, l lang) string {
	said := oneLineKeepBreaks(r.Answer)
	if said == "" {
		if l == langEN {
			return declineText
		}
		said = "Liputan tidak menyebutkannya. Tidak ada artikel terindeks yang menjawab pertanyaan ini."
	}
	if isRefusal(r) {
		return truncate(said, maxContent)
	}
	head, rest := said, ""
	if k := strings.Index(said, ". "); k > 0 {
		head, rest = said[:k+1], " "+said[k+2:]
	}
	return truncate("**"+head+"**"+rest+"\n"+txtDeclineHint.in(l), maxContent)
}

// isRefusal spots the answerer's refusal to discuss Kabar's own prompt,
// configuration or secrets (it names Kabar; a decline names the coverage).
func isRefusal(r answer.Result) bool {
	return !r.Answered && len(r.Citations) == 0 && strings.HasPrefix(strings.TrimSpace(r.Answer), "Kabar ")
}

func oneLineKeepBreaks(s string) string {
	var lines []string
	for _, l := range strings.Split(plain(s), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

var (
	quotedSegment  = regexp.MustCompile(`“([^”]+)”\s*((?:\[\d{1,6}\])+)`)
	disagreePrefix = regexp.MustCompile(`^(?i:(?:the )?reports (?:differ|disagree)|laporan(?:-laporan)? berbeda)\s*:\s*`)
	// A version: "more than 6,000 soldiers, according to the report [1]",
	// or "… (according to Antara) [1]".
	versionPart = regexp.MustCompile(`^(.*?)(,\s*(?i:according to|menurut)\s[^\[]*|\s*\((?i:according to|menurut)[^()]*\))?\s*((?:\[\d{1,6}\])+)$`)
)

// leadText is what the content shows: the answer without the verbatim
// quotes the Sources block already shows, and, when the reports
// disagree, a ⚖️ heading and one line per version with its source.
func leadText(body string, cits []answer.Citation, l lang) (string, bool) {
	byN := map[int]answer.Citation{}
	for _, c := range cits {
		byN[c.N] = c
	}
	stripped := quotedSegment.ReplaceAllStringFunc(body, func(m string) string {
		sub := quotedSegment.FindStringSubmatch(m)
		for _, n := range markers(sub[2]) {
			if c, ok := byN[n]; ok && sameText(sub[1], c.Quote) {
				return ""
			}
		}
		return m
	})
	lead := strings.TrimSpace(collapseBlank(stripped))
	if lead == "" {
		lead = body // the answer is only quotes: show them here, not twice
	}
	lead = plain(lead)
	first, rest, _ := strings.Cut(lead, "\n")
	loc := disagreePrefix.FindStringIndex(first)
	if loc == nil {
		return lead, false
	}
	versions := strings.Split(strings.TrimSuffix(strings.TrimSpace(first[loc[1]:]), "."), "; ")
	var b strings.Builder
	b.WriteString(txtDisagree.in(l))
	for _, v := range versions {
		m := versionPart.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil || strings.TrimSpace(m[1]) == "" {
			b.WriteString("\n• " + strings.TrimSpace(v))
			continue
		}
		ns := markers(m[3])
		var who []string
		for _, n := range ns {
			if c, ok := byN[n]; ok {
				who = appendNew(who, sourceName(c, l))
			}
		}
		fmt.Fprintf(&b, "\n• **%s**", strings.TrimSpace(m[1]))
		if len(who) > 0 {
			b.WriteString(" — " + strings.Join(who, ", "))
		}
		b.WriteString(" " + m[3])
	}
	if rest = strings.TrimSpace(rest); rest != "" {
		b.WriteString("\n\n" + rest)
	}
	return b.String(), true
}

func collapseBlank(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, ln := range lines {
		ln = strings.TrimSpace(strings.Join(strings.Fields(ln), " "))
		if ln == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, ln)
	}
	return strings.Join(out, "\n")
}

// sameText compares two renderings of a sentence by their letters and
// digits only (the answerer may turn brackets into parentheses).
func sameText(a, b string) bool {
	na, nb := normText(a), normText(b)
	return na != "" && (na == nb || (len(na) > 40 && strings.HasPrefix(nb, strings.TrimSuffix(na, "…"))))
}

func normText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r > 0x7f && r != '…' && r != '“' && r != '”' && r != '’' && r != '‘' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// footerText says in plain words where the answer comes from.
func footerText(r answer.Result, cits []answer.Citation, o renderOpts) string {
	l := o.lang
	docs := map[string]bool{}
	for _, c := range cits {
		docs[c.Doc] = true
	}
	if r.Mode == answer.ModeLLM && r.FallbackReason == "" {
		model := oneLine(o.model)
		if model == "" {
			model = txtAModel.in(l)
		}
		if len(cits) == 1 {
			return txtWrittenBy1.f(l, model)
		}
		return txtWrittenBy.f(l, model, len(cits))
	}
	s := txtQuotedFrom.f(l, len(docs))
	if len(docs) == 1 {
		s = txtQuotedFrom1.in(l)
	}
	if r.FallbackReason != "" {
		s += " · " + txtModelDown.in(l)
	}
	return s
}

// sourceEmbeds renders the citations as one compact block: per source a
// readable name (linked to the article when it has an address) and the
// verbatim quote, unless the content already shows that quote. Long
// blocks continue in further embeds within Discord's limits.
func sourceEmbeds(cits []answer.Citation, content, footer string, disagree bool, l lang) []*discordgo.MessageEmbed {
	if len(cits) == 0 {
		return nil
	}
	color := sourcesColor
	if disagree {
		color = disagreeColor
	}
	shown := normText(content)
	var out []*discordgo.MessageEmbed
	var desc strings.Builder
	flush := func() {
		title := txtSources.in(l)
		if len(out) > 0 {
			title = txtSourcesMore.in(l)
		}
		out = append(out, &discordgo.MessageEmbed{Title: title, Color: color, Description: strings.TrimSpace(desc.String())})
		desc.Reset()
	}
	budget := maxEmbedDesc
	if total := maxEmbedsTotal - textLen(footer) - 64; total < budget {
		budget = total // the first embed shares a message with the footer
	}
	for _, c := range cits {
		entry := sourceEntry(c, shown, l)
		if desc.Len() > 0 && !fits(desc.String()+"\n"+entry, budget) {
			flush()
		}
		if desc.Len() > 0 {
			desc.WriteString("\n")
		}
		desc.WriteString(entry)
	}
	flush()
	out[len(out)-1].Footer = &discordgo.MessageEmbedFooter{Text: truncate(footer, maxFooter)}
	return out
}

// sourceEntry is one source of the block:
//
//	**[2]** [Kompas · 20 Juni 2025 — Rusia dan Korea Utara perluas kerja sama](https://…)
//	> the quoted sentence
func sourceEntry(c answer.Citation, shown string, l lang) string {
	label := markdownSafe(sourceLabel(c, l))
	head := fmt.Sprintf("**[%d]** %s", c.N, label)
	if u := linkTarget(c.URL); u != "" {
		head = fmt.Sprintf("**[%d]** [%s](%s)", c.N, strings.NewReplacer("[", "(", "]", ")").Replace(label), u)
	}
	q := oneLine(c.Quote)
	if q == "" || (len(normText(q)) > 20 && strings.Contains(shown, normText(q))) {
		return head
	}
	return head + "\n> " + truncate(q, maxQuoteShown)
}

// passagesAddSomething reports whether any cited passage says more than
// its quote, which is when 📚 Full passages is worth a click.
func passagesAddSomething(cits []answer.Citation) bool {
	for _, c := range cits {
		p := strings.TrimSpace(c.Passage)
		if p != "" && len(normText(p)) > len(normText(c.Quote))+20 {
			return true
		}
		if textLen(oneLine(c.Quote)) > maxQuoteShown {
			return true
		}
	}
	return false
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

func answerButtons(key string, passages bool, l lang) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if passages {
		row = append(row, discordgo.Button{Label: txtFullPassages.in(l), Style: discordgo.SecondaryButton,
			CustomID: buttonSources + key, Emoji: &discordgo.ComponentEmoji{Name: "📚"}})
	}
	row = append(row,
		discordgo.Button{Label: txtHelpful.in(l), Style: discordgo.SecondaryButton,
			CustomID: buttonUpvote + key, Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{Label: txtNotHelpful.in(l), Style: discordgo.SecondaryButton,
			CustomID: buttonDownvote + key, Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// renderPartial shows a streaming answer: its text so far, cut to fit
// one message.
func renderPartial(text string) outMessage { return renderPartialIn(text, langEN) }

func renderPartialIn(text string, l lang) outMessage {
	text = plain(strings.TrimSpace(text))
	if text == "" {
		return outMessage{Content: txtSearching.in(l)}
	}
	return outMessage{Content: truncate(text+" …", maxContent)}
}

// renderSources shows each citation's full passage, privately, with its
// quote in bold.
func renderSources(cits []answer.Citation) []outMessage {
	return renderPassages(cits, langEN, false)
}

// renderPassages is the 📚 Full passages reply. Moderators also see
// where each quote sits (article id, paragraph, byte offsets).
func renderPassages(cits []answer.Citation, l lang, moderator bool) []outMessage {
	if len(cits) == 0 {
		return []outMessage{{Content: txtSourcesGone.in(l)}}
	}
	var b strings.Builder
	for _, c := range cits {
		label := markdownSafe(sourceLabel(c, l))
		if u := linkTarget(c.URL); u != "" {
			label = fmt.Sprintf("[%s](<%s>)", strings.NewReplacer("[", "(", "]", ")").Replace(label), u)
		}
		fmt.Fprintf(&b, "**[%d]** %s\n", c.N, label)
		if moderator {
			b.WriteString(txtLocator.f(l, codeSafe(truncate(c.Doc, maxDocIDShown)), c.Paragraph, c.ByteStart, c.ByteEnd) + "\n")
		}
		quote, passage := oneLine(c.Quote), oneLine(c.Passage)
		switch {
		case passage == "" || passage == quote:
			b.WriteString("> " + quote + "\n")
		case strings.Contains(passage, quote) && quote != "":
			at := strings.Index(passage, quote)
			b.WriteString("> " + passage[:at] + "**" + quote + "**" + passage[at+len(quote):] + "\n")
		default:
			fmt.Fprintf(&b, "> **%s**\n%s: %s\n", quote, txtPassageLabel.in(l), passage)
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

// answerKind classifies a published answer by its content and footer
// text, in either language: "declined", "llm" (written by a model),
// "fallback" (quoted because the model was unavailable), "offline"
// (quoted), or "" when it is not an answer. Tests and tools use it.
func answerKind(content, footer string) string {
	switch {
	case strings.HasPrefix(content, "**The coverage does not say.**"), strings.HasPrefix(content, "**Liputan tidak menyebutkannya.**"):
		return "declined"
	case strings.Contains(footer, txtModelDown.en), strings.Contains(footer, txtModelDown.id):
		return "fallback"
	case strings.Contains(footer, "Written by "), strings.Contains(footer, "Ditulis oleh "):
		return "llm"
	case strings.Contains(footer, "Quoted from "), strings.Contains(footer, "Dikutip dari "):
		return "offline"
	}
	return ""
}
