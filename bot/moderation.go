package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
)

// Moderator commands run with the guild's concurrency limit but no
// cooldown, and always answer privately.

func (b *Bot) handleCheckClaim(ctx context.Context, i *discordgo.Interaction) outcome {
	claim := optString(i.ApplicationCommandData(), "claim")
	if claim == "" {
		b.notice(ctx, i, "Please give the claim to check.")
		return outcome{result: "empty_claim"}
	}
	if b.chk == nil {
		b.notice(ctx, i, msgNoChecker)
		return outcome{result: "unavailable"}
	}
	return b.moderatorReply(ctx, i, func(ctx context.Context) ([]outMessage, error) {
		res, err := b.chk.CheckClaim(ctx, claim)
		if err != nil {
			return nil, fmt.Errorf("checking claim: %w", err)
		}
		return renderClaim(res), nil
	})
}

func (b *Bot) handleSource(ctx context.Context, i *discordgo.Interaction) outcome {
	d := i.ApplicationCommandData()
	docID := optString(d, "doc")
	para, hasPara := optInt(d, "paragraph")
	return b.moderatorReply(ctx, i, func(context.Context) ([]outMessage, error) {
		return b.renderSource(docID, para, hasPara), nil
	})
}

func (b *Bot) handleCheckCitations(ctx context.Context, i *discordgo.Interaction) outcome {
	d := i.ApplicationCommandData()
	var target *discordgo.Message
	if d.Resolved != nil {
		target = d.Resolved.Messages[d.TargetID]
	}
	if target == nil {
		b.notice(ctx, i, "I couldn't read that message. Try again on a message Kabar posted.")
		return outcome{result: "no_target"}
	}
	if target.Author == nil || target.Author.ID != selfID(b.session) {
		b.notice(ctx, i, "That message isn't a Kabar answer. Run **Check citations** on a message Kabar posted.")
		return outcome{result: "not_kabar"}
	}
	if b.chk == nil {
		b.notice(ctx, i, msgNoChecker)
		return outcome{result: "unavailable"}
	}
	text, cits := target.Content, []answer.Citation(nil)
	if p, ok := b.results.get("m:" + target.ID); ok {
		text, cits = p.result.Answer, p.result.Citations
	} else {
		for _, c := range citationsFromMessage(target) {
			if full, ok := restoreCitation(c, b.lib); ok {
				c = full
			}
			cits = append(cits, c)
		}
	}
	if len(cits) == 0 {
		b.notice(ctx, i, "That message has no Kabar sources to check. Run it on the message that carries the Sources embed.")
		return outcome{result: "no_citations"}
	}
	return b.moderatorReply(ctx, i, func(ctx context.Context) ([]outMessage, error) {
		report, err := b.chk.CheckAnswer(ctx, text, cits)
		if err != nil {
			return nil, fmt.Errorf("checking answer: %w", err)
		}
		return renderCitationCheck(text, cits, report, b.lib), nil
	})
}

// moderatorReply defers privately, runs work and publishes its messages.
func (b *Bot) moderatorReply(ctx context.Context, i *discordgo.Interaction, work func(context.Context) ([]outMessage, error)) outcome {
	release, notice := b.admit(i.GuildID, userID(i), false)
	if notice != "" {
		b.notice(ctx, i, notice)
		return outcome{result: "throttled"}
	}
	defer release()
	if err := b.deferReply(ctx, i, true); err != nil {
		b.log.Warn("could not acknowledge interaction", "err", err, "interaction", i.ID)
		return outcome{result: "error"}
	}
	wctx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	defer cancel()
	msgs, workErr := work(wctx)
	if workErr != nil {
		b.log.Error("moderator command failed", "err", workErr, "interaction", i.ID)
		msgs = []outMessage{{Content: "Sorry, that check failed. Please try again in a minute."}}
	}
	if _, err := b.deliver(ctx, i, msgs, true); err != nil {
		b.log.Warn("could not publish moderator reply", "err", err, "interaction", i.ID)
		return outcome{result: "error"}
	}
	if workErr != nil {
		return outcome{result: "error"}
	}
	return outcome{result: "checked"}
}

var claimVerdicts = map[cite.ClaimStatus]string{
	cite.ClaimSupported:     "✅ **Supported** by the coverage",
	cite.ClaimContradicted:  "❌ **Contradicted** by the coverage",
	cite.ClaimNotInCoverage: "❔ **Not in the coverage**",
}

const maxEvidenceShown = 5

func renderClaim(r cite.ClaimResult) []outMessage {
	var b strings.Builder
	verdict, ok := claimVerdicts[r.Status]
	if !ok {
		verdict = "❔ **Not in the coverage**"
	}
	fmt.Fprintf(&b, "**Claim:** %s\n**Verdict:** %s\n", truncate(oneLine(r.Claim), 500), verdict)
	for n, e := range r.Evidence {
		if n == maxEvidenceShown {
			fmt.Fprintf(&b, "\n…and %d more passages.", len(r.Evidence)-n)
			break
		}
		title := oneLine(e.Title)
		if title == "" {
			title = e.DocID
		}
		stance := "related"
		switch {
		case e.Conflict != "":
			stance = "contradicts: " + oneLine(e.Conflict)
		case e.Supports:
			stance = "supports"
		}
		fmt.Fprintf(&b, "\n**%s** (%s) — %s\n%s\n", title, location(e.DocID, e.Paragraph, e.CharStart, e.CharEnd), stance, quoteBlock(e.Quote))
	}
	return textMessages(b.String())
}

// renderSource shows paragraph ± 1 of an article (its start when no
// paragraph is given) with the article's metadata.
func (b *Bot) renderSource(docID string, para int, hasPara bool) []outMessage {
	doc, ok := b.lib.Document(docID)
	if !ok {
		return textMessages(fmt.Sprintf("I don't know the article `%s`. Start typing in the `doc` option and pick one from the list.", codeSafe(truncate(docID, 100))))
	}
	paras := b.lib.Paragraphs(docID)
	if len(paras) == 0 {
		return textMessages(fmt.Sprintf("The article `%s` has no paragraphs in the index.", codeSafe(doc.ID)))
	}
	if hasPara && (para < 1 || para > len(paras)) {
		return textMessages(fmt.Sprintf("The article `%s` has %d paragraphs; pick one between 1 and %d.", codeSafe(doc.ID), len(paras), len(paras)))
	}
	from, to, mark := 1, min(3, len(paras)), 0
	if hasPara {
		from, to, mark = max(1, para-1), min(len(paras), para+1), para
	}
	var sb strings.Builder
	title := oneLine(doc.Title)
	if title == "" {
		title = doc.ID
	}
	fmt.Fprintf(&sb, "**%s**\n", title)
	meta := []string{}
	for _, s := range []string{doc.Outlet, doc.Published} {
		if s = oneLine(s); s != "" {
			meta = append(meta, s)
		}
	}
	meta = append(meta, "`"+codeSafe(doc.ID)+"`")
	if doc.URL != "" {
		meta = append(meta, "<"+strings.ReplaceAll(oneLine(doc.URL), ">", "")+">")
	}
	sb.WriteString(strings.Join(meta, " · ") + "\n")
	for _, p := range paras {
		if p.Index < from || p.Index > to || p.Span.Start < 0 || p.Span.End > len(doc.Text) || p.Span.Start > p.Span.End {
			continue
		}
		label := fmt.Sprintf("¶%d", p.Index)
		if p.Index == mark {
			label = fmt.Sprintf("▶ **¶%d**", p.Index)
		}
		if p.Boilerplate {
			label += " *(boilerplate)*"
		}
		fmt.Fprintf(&sb, "\n%s %s\n", label, plain(strings.TrimSpace(doc.Text[p.Span.Start:p.Span.End])))
	}
	return textMessages(sb.String())
}

// location names where a quote is, in the units /source takes: the
// article, its paragraph, and Unicode-character offsets as in ask --json.
func location(doc string, para, start, end int) string {
	if para > 0 {
		return fmt.Sprintf("`%s` ¶%d · characters %d–%d", codeSafe(doc), para, start, end)
	}
	return fmt.Sprintf("`%s` · characters %d–%d", codeSafe(doc), start, end)
}

// renderCitationCheck lists each sentence of the answer with its markers,
// its verdict and, when it fails, why in plain words; then each source
// with where its quote is. Sentences that claim nothing (a framing line,
// the "the reports do not say the rest" sentence) are not failures.
func renderCitationCheck(text string, cits []answer.Citation, r cite.Report, lib Library) []outMessage {
	claims, supported := 0, 0
	var lines strings.Builder
	for _, s := range r.Sentences {
		var marks []string
		for _, v := range s.Citations {
			marks = append(marks, fmt.Sprintf("[%d]", v.N))
		}
		for _, n := range s.RepointedTo {
			marks = append(marks, fmt.Sprintf("→[%d]", n))
		}
		mark := strings.Join(marks, "")
		if mark != "" {
			mark = " " + mark
		}
		sentence := truncate(oneLine(s.Sentence), 300)
		switch {
		case s.Note != "" || !s.Supported && len(s.Citations) == 0 && s.Kept:
			fmt.Fprintf(&lines, "➖ %s%s — states nothing to check\n", sentence, mark)
		case s.Supported:
			claims++
			supported++
			note := "supported"
			if len(s.RepointedTo) > 0 {
				note = "supported by another source than the one cited"
			}
			fmt.Fprintf(&lines, "✅ %s%s — %s\n", sentence, mark, note)
		default:
			claims++
			reason := sentenceReason(s)
			fmt.Fprintf(&lines, "❌ %s%s — %s\n", sentence, mark, oneLine(reason))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**Citation check** — %d of %d sentences supported.\n\n", supported, claims)
	b.WriteString(lines.String())
	have := map[int]bool{}
	for _, c := range cits {
		have[c.N] = true
		title := oneLine(c.Title)
		if title == "" {
			title = c.Doc
		}
		fmt.Fprintf(&b, "\n**[%d] %s** (%s)\n", c.N, title, location(c.Doc, c.Paragraph, c.Start, c.End))
		if doc, ok := lib.Document(c.Doc); !ok {
			b.WriteString("⚠️ This article is no longer in the index.\n")
		} else if c.ByteEnd <= len(doc.Text) && c.ByteStart <= c.ByteEnd && c.ByteStart >= 0 &&
			c.Quote != "" && doc.Text[c.ByteStart:c.ByteEnd] != c.Quote {
			b.WriteString("⚠️ The article text at these offsets has changed since the answer was published.\n")
		}
		b.WriteString(quoteBlock(c.Quote) + "\n")
	}
	var orphans []string
	for _, n := range markers(text) {
		if !have[n] {
			orphans = append(orphans, fmt.Sprintf("[%d]", n))
		}
	}
	if len(orphans) > 0 {
		fmt.Fprintf(&b, "\n⚠️ No source on this message for %s.\n", strings.Join(orphans, ", "))
	}
	return textMessages(b.String())
}

// sentenceReason is why a sentence failed, in plain words.
func sentenceReason(s cite.SentenceVerdict) string {
	if s.Reason != "" {
		return s.Reason
	}
	for _, v := range s.Citations {
		switch {
		case v.Supports:
		case !v.Known:
			return fmt.Sprintf("[%d] names no source", v.N)
		case v.Conflict != "":
			return v.Conflict
		case len(v.Missing) > 0:
			return "the passage does not mention " + strings.Join(v.Missing, ", ")
		}
	}
	return "no cited source states it"
}

func missingNote(missing []string) string {
	if len(missing) == 0 {
		return ""
	}
	for i, m := range missing {
		missing[i] = oneLine(m)
	}
	return " Not in the passage: " + truncate(strings.Join(missing, ", "), 300) + "."
}

func citingSentences(n int) string {
	if n == 1 {
		return "the sentence that cites it"
	}
	return fmt.Sprintf("the %d sentences that cite it", n)
}

func appendNew(list []string, xs ...string) []string {
	for _, x := range xs {
		found := false
		for _, y := range list {
			if y == x {
				found = true
				break
			}
		}
		if !found {
			list = append(list, x)
		}
	}
	return list
}
