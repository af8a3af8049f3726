package bot

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// thread is a conversation in a thread the bot started; answers in it are
// given one at a time so that each sees the previous turns.
type thread struct {
	mu    sync.Mutex
	turns []answer.Turn
}

const threadArchiveMinutes = 1440

func (b *Bot) onMessage(_ *discordgo.Session, m *discordgo.MessageCreate) {
	b.touch()
	if m.Message == nil || m.Author == nil || m.Author.Bot {
		return
	}
	me := selfID(b.session)
	if me == "" || m.Author.ID == me {
		return
	}
	th, inThread := b.threads.get(m.ChannelID)
	if !inThread && (!mentionsUser(m.Message, me) || !b.channelAllowed(m.ChannelID)) {
		return
	}
	ctx, done, ok := b.begin()
	if !ok {
		return
	}
	defer done()
	start := time.Now()
	question := stripMention(m.Content, me)
	kind := "mention"
	var out outcome
	if inThread {
		kind = "thread"
		out = b.followUpInThread(ctx, m.Message, th, question)
	} else {
		out = b.startThread(ctx, m.Message, question)
	}
	b.log.Info("message", "guild", m.GuildID, "channel", m.ChannelID, "command", kind,
		"latency_ms", time.Since(start).Milliseconds(), "mode", out.mode, "outcome", out.result)
}

func mentionsUser(m *discordgo.Message, id string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+id+">") || strings.Contains(m.Content, "<@!"+id+">")
}

func stripMention(content, id string) string {
	content = strings.ReplaceAll(content, "<@!"+id+">", " ")
	content = strings.ReplaceAll(content, "<@"+id+">", " ")
	return strings.Join(strings.Fields(content), " ")
}

// startThread opens a thread on the message that mentioned the bot and
// answers there (or, if the thread cannot be made, in a reply).
func (b *Bot) startThread(ctx context.Context, m *discordgo.Message, question string) outcome {
	ref := m.Reference()
	if question == "" {
		b.tell(ctx, m.ChannelID, ref, "Ask me a question after the mention, e.g. “@Kabar what did the two leaders agree on?”")
		return outcome{result: "empty_question"}
	}
	release, notice := b.admit(m.GuildID, m.Author.ID, true)
	if notice != "" {
		b.tell(ctx, m.ChannelID, ref, notice)
		return outcome{result: "throttled"}
	}
	defer release()
	name := truncate(oneLine(question), 90)
	ch, err := b.session.MessageThreadStartComplex(m.ChannelID, m.ID,
		&discordgo.ThreadStart{Name: name, AutoArchiveDuration: threadArchiveMinutes}, discordgo.WithContext(ctx))
	th := &thread{}
	target := m.ChannelID
	if err != nil {
		b.log.Warn("could not start a thread; answering in the channel", "err", err, "channel", m.ChannelID)
	} else {
		target, ref = ch.ID, nil
		b.threads.put(ch.ID, th)
	}
	th.mu.Lock()
	defer th.mu.Unlock()
	return b.answerInChannel(ctx, target, ref, th, question, "mention")
}

// followUpInThread answers a message in a thread the bot started, with
// the thread's earlier turns as history; no mention is needed.
func (b *Bot) followUpInThread(ctx context.Context, m *discordgo.Message, th *thread, question string) outcome {
	if question == "" {
		return outcome{result: "ignored"}
	}
	release, notice := b.admit(m.GuildID, m.Author.ID, true)
	if notice != "" {
		b.tell(ctx, m.ChannelID, m.Reference(), notice)
		return outcome{result: "throttled"}
	}
	defer release()
	th.mu.Lock()
	defer th.mu.Unlock()
	return b.answerInChannel(ctx, m.ChannelID, nil, th, question, "thread")
}

// answerInChannel posts a placeholder, streams into it, publishes the
// answer and records the turn. Callers hold th.mu.
func (b *Bot) answerInChannel(ctx context.Context, channelID string, ref *discordgo.MessageReference, th *thread, question, source string) outcome {
	b.metrics.questions.WithLabelValues(source).Inc()
	placeholder, err := b.sendChannel(ctx, channelID, renderPartial(""), ref)
	if err != nil {
		b.log.Warn("could not post in channel", "err", err, "channel", channelID)
		return outcome{result: "error"}
	}
	actx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	defer cancel()
	st := newStreamer(ctx, b.streamEvery, func(ctx context.Context, text string) error {
		_, err := b.editChannel(ctx, channelID, placeholder.ID, renderPartial(text))
		return err
	})
	start := time.Now()
	history := append([]answer.Turn(nil), th.turns...)
	res, err := b.ans.Answer(actx, answer.Query{Question: question, History: history}, st.partial)
	st.close()
	if err != nil {
		b.metrics.llmErrors.Inc()
		b.log.Error("answering failed", "err", err, "channel", channelID, "source", source)
		if _, err := b.editChannel(ctx, channelID, placeholder.ID, outMessage{Content: msgAnswerFailed}); err != nil {
			b.log.Warn("could not report failure", "err", err, "channel", channelID)
		}
		return outcome{result: "error"}
	}
	b.observe(res, time.Since(start))
	msgs := renderAnswer(res, placeholder.ID)
	ids := []string{placeholder.ID}
	_, err = b.editChannel(ctx, channelID, placeholder.ID, msgs[0])
	for _, m := range msgs[1:] {
		if err != nil {
			break
		}
		var sent *discordgo.Message
		if sent, err = b.sendChannel(ctx, channelID, m, nil); err == nil {
			ids = append(ids, sent.ID)
		}
	}
	b.remember(placeholder.ID, res, ids)
	th.turns = append(th.turns, answer.Turn{Question: question, Answer: res.Answer})
	if len(th.turns) > maxThreadTurns {
		th.turns = th.turns[len(th.turns)-maxThreadTurns:]
	}
	if err != nil {
		b.log.Warn("could not publish answer", "err", err, "channel", channelID)
		return outcome{mode: res.Mode, result: "error"}
	}
	return outcome{mode: res.Mode, result: resultLabel(res)}
}

// tell posts a short notice in a channel, as a reply when ref is set.
func (b *Bot) tell(ctx context.Context, channelID string, ref *discordgo.MessageReference, text string) {
	if _, err := b.sendChannel(ctx, channelID, outMessage{Content: text}, ref); err != nil {
		b.log.Warn("could not post notice", "err", err, "channel", channelID)
	}
}
