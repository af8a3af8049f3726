package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/feedback"
)

// FeedbackStore keeps the answers shown and the votes on them
// (feedback.Store). Its failures are logged and never block an answer.
type FeedbackStore interface {
	RecordShown(ctx context.Context, s feedback.Shown) error
	Vote(ctx context.Context, key, member string, up bool) (feedback.VoteResult, error)
	Reason(ctx context.Context, key, member, reason string) error
	Gaps(ctx context.Context, since time.Time, limit int) (feedback.Report, error)
}

// storeTimeout bounds one feedback write: the answer is already out.
const storeTimeout = 3 * time.Second

// recordShown stores an answer published for an interaction.
func (b *Bot) recordShown(i *discordgo.Interaction, source string, r answer.Result, ids []string) {
	b.storeShown(feedback.Shown{Key: i.ID, MessageIDs: ids, Source: source, Result: r, GuildID: i.GuildID, ChannelID: i.ChannelID})
}

func (b *Bot) storeShown(s feedback.Shown) {
	if b.cfg.Feedback == nil || isRefusal(s.Result) {
		return // a refusal to discuss Kabar itself is no coverage gap
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(b.workContext()), storeTimeout)
	defer cancel()
	if err := b.cfg.Feedback.RecordShown(ctx, s); err != nil {
		b.log.Warn("could not record the answer for feedback; the answer was published anyway", "err", err, "answer", s.Key)
	}
}

func (b *Bot) workContext() context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.work == nil {
		return context.Background()
	}
	return b.work
}

// feedback records a 👍 or 👎 (one per member per answer, changeable)
// and thanks the member privately; after 👎 it asks what was wrong.
func (b *Bot) feedback(ctx context.Context, i *discordgo.Interaction, vote, key string) outcome {
	b.metrics.feedback.WithLabelValues(vote).Inc()
	mode := ""
	l := interactionLang(i)
	if p, ok := b.results.get("k:" + key); ok {
		mode = p.result.Mode
		l = resultLang(p.result, l)
	}
	var res feedback.VoteResult
	if b.cfg.Feedback != nil {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		var err error
		res, err = b.cfg.Feedback.Vote(sctx, key, userID(i), vote == "up")
		cancel()
		if err != nil {
			b.log.Warn("could not store a vote", "err", err, "answer", key)
		}
	}
	b.log.Info("feedback", "vote", vote, "answer", key, "mode", mode, "changed", res.Changed, "guild", i.GuildID, "channel", i.ChannelID)
	msg := outMessage{Content: txtThanksUp.in(l)}
	if vote == "down" {
		msg = outMessage{Content: txtThanksDown.in(l), Components: reasonMenu(key, l)}
	}
	if res.Changed || res.Repeated {
		msg.Content = txtVoteChanged.in(l) + " " + msg.Content
	}
	if err := b.reply(ctx, i, []outMessage{msg}, true); err != nil {
		b.log.Warn("could not thank for feedback", "err", err, "interaction", i.ID)
		return outcome{mode: mode, result: "error"}
	}
	return outcome{mode: mode, result: "feedback_" + vote}
}

var reasonTexts = []struct {
	value string
	label text
}{
	{feedback.ReasonWrong, txtReasonWrong},
	{feedback.ReasonCitation, txtReasonCitation},
	{feedback.ReasonMissing, txtReasonMissing},
	{feedback.ReasonOther, txtReasonOther},
}

// reasonMenu is the select menu that follows a 👎.
func reasonMenu(key string, l lang) []discordgo.MessageComponent {
	one := 1
	var opts []discordgo.SelectMenuOption
	for _, r := range reasonTexts {
		opts = append(opts, discordgo.SelectMenuOption{Label: r.label.in(l), Value: r.value})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: menuReason + key,
			Placeholder: txtReasonPrompt.in(l), MinValues: &one, MaxValues: 1, Options: opts},
	}}}
}

// feedbackReason stores the reason picked after a 👎 and replaces the
// menu with a thank-you.
func (b *Bot) feedbackReason(ctx context.Context, i *discordgo.Interaction, key string) outcome {
	l := interactionLang(i)
	if p, ok := b.results.get("k:" + key); ok {
		l = resultLang(p.result, l)
	}
	values := i.MessageComponentData().Values
	if len(values) != 1 || !feedback.ValidReason(values[0]) {
		return outcome{result: "unknown_reason"}
	}
	reason := values[0]
	label := reason
	for _, r := range reasonTexts {
		if r.value == reason {
			label = r.label.in(l)
		}
	}
	if b.cfg.Feedback != nil {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		if err := b.cfg.Feedback.Reason(sctx, key, userID(i), reason); err != nil {
			b.log.Warn("could not store a feedback reason", "err", err, "answer", key)
		}
		cancel()
	}
	b.metrics.feedback.WithLabelValues("reason_" + reason).Inc()
	content, comps := txtThanksReason.f(l, strings.ToLower(label)), []discordgo.MessageComponent{}
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: content, Components: comps,
			Embeds: []*discordgo.MessageEmbed{}, AllowedMentions: noPings()},
	}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("could not confirm a feedback reason", "err", redact(err, i.Token), "interaction", i.ID)
		return outcome{result: "error"}
	}
	return outcome{result: "feedback_reason"}
}

// handleGaps shows moderators what the coverage is missing and which
// answers readers flagged.
func (b *Bot) handleGaps(ctx context.Context, i *discordgo.Interaction) outcome {
	if b.cfg.Feedback == nil {
		b.notice(ctx, i, "Feedback storage is off on this bot, so there are no gaps to show. Set `feedback.enabled: true` in the configuration.")
		return outcome{result: "unavailable"}
	}
	days := 7
	if n, ok := optInt(i.ApplicationCommandData(), "days"); ok && n > 0 {
		days = min(n, 365)
	}
	return b.moderatorReply(ctx, i, func(ctx context.Context) ([]outMessage, error) {
		rep, err := b.cfg.Feedback.Gaps(ctx, time.Now().Add(-time.Duration(days)*24*time.Hour), 10)
		if err != nil {
			return nil, fmt.Errorf("reading gaps: %w", err)
		}
		return renderGaps(rep, days), nil
	})
}

var reasonWords = map[string]string{
	feedback.ReasonWrong: "wrong answer", feedback.ReasonCitation: "citation does not support it",
	feedback.ReasonMissing: "the coverage should know this", feedback.ReasonOther: "other",
}

// renderGaps is the /gaps reply (moderators, English).
func renderGaps(rep feedback.Report, days int) []outMessage {
	var b strings.Builder
	fmt.Fprintf(&b, "**Coverage gaps — last %d days**\n", days)
	if len(rep.Declined) == 0 {
		b.WriteString("No declined questions.\n")
	} else {
		b.WriteString("\n**Questions the coverage could not answer**\n")
		for _, g := range rep.Declined {
			fmt.Fprintf(&b, "• %d× %s\n", g.Count, truncate(oneLine(g.Question), 200))
			if len(g.Variants) > 0 {
				var vs []string
				for _, v := range g.Variants {
					vs = append(vs, truncate(oneLine(v), 80))
				}
				fmt.Fprintf(&b, "  also: %s\n", strings.Join(vs, " / "))
			}
		}
	}
	if len(rep.Downvoted) == 0 {
		b.WriteString("\nNo answers voted 👎.\n")
	} else {
		b.WriteString("\n**Answers readers flagged**\n")
		for _, f := range rep.Downvoted {
			fmt.Fprintf(&b, "• 👎 %d", f.Down)
			if f.Up > 0 {
				fmt.Fprintf(&b, " · 👍 %d", f.Up)
			}
			fmt.Fprintf(&b, " — %s\n", truncate(oneLine(f.Question), 200))
			if len(f.Reasons) > 0 {
				var rs []string
				for _, r := range reasonTexts {
					if n := f.Reasons[r.value]; n > 0 {
						rs = append(rs, fmt.Sprintf("%s (%d)", reasonWords[r.value], n))
					}
				}
				fmt.Fprintf(&b, "  why: %s\n", strings.Join(rs, ", "))
			}
			if a := strings.TrimSpace(f.Answer); a != "" {
				fmt.Fprintf(&b, "  answer: %s\n", truncate(oneLine(a), 160))
			}
		}
	}
	return textMessages(b.String())
}
