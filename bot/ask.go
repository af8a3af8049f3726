package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// produce is a function that makes an answer, streaming partial text to
// onPartial when it can.
type produce func(ctx context.Context, onPartial func(string)) (answer.Result, error)

func (b *Bot) handleAsk(ctx context.Context, i *discordgo.Interaction) outcome {
	d := i.ApplicationCommandData()
	question := optString(d, "question")
	private := optBool(d, "private")
	if question == "" {
		b.notice(ctx, i, "Please include a question, e.g. `/ask question: What did the two leaders agree?`")
		return outcome{result: "empty_question"}
	}
	return b.answerInteraction(ctx, i, "ask", private, func(ctx context.Context, onPartial func(string)) (answer.Result, error) {
		return b.ans.Answer(ctx, answer.Query{Question: question}, onPartial)
	})
}

func (b *Bot) handleSummary(ctx context.Context, i *discordgo.Interaction) outcome {
	d := i.ApplicationCommandData()
	topic, docID, private := optString(d, "topic"), optString(d, "article"), optBool(d, "private")
	if docID != "" {
		if _, ok := b.lib.Document(docID); !ok {
			b.notice(ctx, i, "I don't know that article. Start typing in the `article` option and pick one from the list.")
			return outcome{result: "unknown_article"}
		}
	}
	return b.answerInteraction(ctx, i, "summary", private, func(ctx context.Context, _ func(string)) (answer.Result, error) {
		return b.ans.Summarize(ctx, topic, docID)
	})
}

// admitAndDefer admits an interaction (guild concurrency, the member's cooldown),
// acknowledges it and counts it. When it returns ok, the caller must call
// release when done; otherwise refused is the interaction's outcome.
func (b *Bot) admitAndDefer(ctx context.Context, i *discordgo.Interaction, source string, private bool) (release func(), refused outcome, ok bool) {
	release, notice, _ := b.admitIn(i.GuildID, userID(i), true, interactionLang(i))
	if notice != "" {
		b.notice(ctx, i, notice)
		return nil, outcome{result: "throttled"}, false
	}
	// Discord drops interactions not acknowledged within 3 s: defer first.
	if err := b.deferReply(ctx, i, private); err != nil {
		release()
		b.log.Warn("could not acknowledge interaction", "err", err, "interaction", i.ID)
		return nil, outcome{result: "error"}, false
	}
	b.metrics.questions.WithLabelValues(source).Inc()
	return release, outcome{}, true
}

// answerInteraction admits, defers, produces, and publishes an answer.
func (b *Bot) answerInteraction(ctx context.Context, i *discordgo.Interaction, source string, private bool, run produce) outcome {
	release, refused, ok := b.admitAndDefer(ctx, i, source, private)
	if !ok {
		return refused
	}
	defer release()

	actx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	defer cancel()
	st := newStreamer(ctx, b.streamEvery, func(ctx context.Context, text string) error {
		_, err := b.editOriginal(ctx, i, renderPartial(text))
		return err
	})
	start := time.Now()
	res, err := run(actx, st.partial)
	st.close()
	if err != nil {
		b.metrics.llmErrors.Inc()
		b.log.Error("answering failed", "err", err, "interaction", i.ID, "source", source)
		msg := msgAnswerFailed
		if errors.Is(err, context.DeadlineExceeded) {
			msg = "That took too long, sorry. Please try a narrower question."
		}
		if _, err := b.editOriginal(ctx, i, outMessage{Content: msg}); err != nil {
			b.log.Warn("could not report failure", "err", err, "interaction", i.ID)
		}
		return outcome{result: "error"}
	}
	b.observe(res, time.Since(start))
	// Known before it is shown: a member may press 👎 the moment the
	// answer appears.
	b.remember(i.ID, res, nil)
	ids, err := b.deliver(ctx, i, b.present(res, i.ID, interactionLang(i)), private)
	b.remember(i.ID, res, ids)
	b.recordShown(i, source, res, ids)
	if err != nil {
		b.log.Warn("could not publish answer", "err", err, "interaction", i.ID)
		return outcome{mode: res.Mode, result: "error"}
	}
	return outcome{mode: res.Mode, result: resultLabel(res)}
}

func (b *Bot) observe(r answer.Result, took time.Duration) {
	b.metrics.latency.WithLabelValues(r.Mode).Observe(took.Seconds())
	if !r.Answered {
		b.metrics.declines.Inc()
	}
	if r.FallbackReason != "" {
		b.metrics.fallbacks.Inc()
	}
}

func resultLabel(r answer.Result) string {
	if r.Answered {
		return "answered"
	}
	return "declined"
}

// handleButton serves the Sources and feedback buttons under answers.
func (b *Bot) handleButton(ctx context.Context, i *discordgo.Interaction) outcome {
	id := i.MessageComponentData().CustomID
	if key, ok := strings.CutPrefix(id, buttonSources); ok && key != "" {
		if err := b.reply(ctx, i, renderPassages(b.sourcesFor(key, i.Message), interactionLang(i), isModerator(i)), true); err != nil {
			b.log.Warn("could not show sources", "err", err, "interaction", i.ID)
			return outcome{result: "error"}
		}
		return outcome{result: "sources"}
	}
	if key, ok := strings.CutPrefix(id, buttonUpvote); ok && key != "" {
		return b.feedback(ctx, i, "up", key)
	}
	if key, ok := strings.CutPrefix(id, buttonDownvote); ok && key != "" {
		return b.feedback(ctx, i, "down", key)
	}
	if key, ok := strings.CutPrefix(id, menuReason); ok && key != "" {
		return b.feedbackReason(ctx, i, key)
	}
	return outcome{result: "unknown_button"}
}

// sourcesFor returns the citations of an answer: from memory while it is
// recent, else read back from the message's embed and the articles.
func (b *Bot) sourcesFor(key string, msg *discordgo.Message) []answer.Citation {
	if p, ok := b.results.get("k:" + key); ok {
		return p.result.Citations
	}
	if msg == nil {
		return nil
	}
	var out []answer.Citation
	for _, c := range citationsFromMessage(msg) {
		if full, ok := restoreCitation(c, b.lib); ok {
			c = full
		}
		out = append(out, c)
	}
	return out
}
