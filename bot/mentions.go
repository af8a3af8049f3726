package bot

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/feedback"
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
	th, inThread := b.ownThread(m.ChannelID, me)
	mentioned := mentionsUser(m.Message, me)
	if !inThread && (!mentioned || !b.channelAllowed(m.ChannelID)) {
		return
	}
	question := stripMention(m.Content, me)
	if inThread && !b.addressed(m.Message, me, mentioned, question) {
		return // members talking among themselves, or "thanks!"
	}
	if isAcknowledgement(question) {
		return
	}
	ctx, done, ok := b.begin()
	if !ok {
		return
	}
	defer done()
	start := time.Now()
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

// ownThread returns the conversation of a thread Kabar started: from
// memory, or, after a restart, from the gateway state's thread owner.
func (b *Bot) ownThread(channelID, me string) (*thread, bool) {
	if th, ok := b.threads.get(channelID); ok {
		return th, true
	}
	ch, err := b.session.State.Channel(channelID)
	if err != nil || ch == nil || !ch.IsThread() || ch.OwnerID != me {
		return nil, false
	}
	th := &thread{}
	b.threads.put(channelID, th)
	return th, true
}

// addressed reports whether a message in Kabar's thread is for Kabar: it
// mentions or replies to Kabar, or — when Message Content is enabled, so
// that Kabar can read it — it reads as a question.
func (b *Bot) addressed(m *discordgo.Message, me string, mentioned bool, question string) bool {
	if mentioned {
		return true
	}
	if r := m.ReferencedMessage; r != nil && r.Author != nil && r.Author.ID == me {
		return true
	}
	return b.cfg.MessageContent && readsAsQuestion(question)
}

var (
	questionWords = wordSet("what who whom whose when where why how which is are was were did does do can could will would should has have " +
		"apa apakah siapa kapan dimana di mana mengapa kenapa bagaimana berapa benarkah bisakah adakah")
	ackWords = wordSet("thanks thank thx ty cool nice great ok okay oke sip mantap makasih terima kasih tengkyu good awesome wow lol haha 👍 🙏")
)

// readsAsQuestion: a question mark, or a question word first.
func readsAsQuestion(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "?") {
		return true
	}
	f := strings.Fields(strings.ToLower(s))
	return len(f) >= 2 && questionWords[strings.Trim(f[0], ",.!:;")]
}

// isAcknowledgement spots "thanks!", "cool, makasih 👍": short messages
// of thanks or agreement that need no answer.
func isAcknowledgement(s string) bool {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '!' })
	if len(f) == 0 || len(f) > 5 || strings.Contains(s, "?") {
		return false
	}
	for _, w := range f {
		if !ackWords[w] && !ackWords[strings.TrimRight(w, "!")] {
			return false
		}
	}
	return true
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

// messageLang is the language a member wrote in (English when unsure).
func messageLang(s string) lang {
	l, _ := guessLang(s)
	return l
}

// startThread opens a thread on the message that mentioned the bot and
// answers there (or, if the thread cannot be made, in a reply).
func (b *Bot) startThread(ctx context.Context, m *discordgo.Message, question string) outcome {
	ref := m.Reference()
	l := messageLang(question)
	if question == "" {
		b.tell(ctx, m.ChannelID, ref, txtEmptyMention.in(l))
		return outcome{result: "empty_question"}
	}
	release, notice, wait := b.admitIn(m.GuildID, m.Author.ID, true, l)
	if notice != "" {
		b.throttled(ctx, m, ref, notice, wait)
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
	return b.answerInChannel(ctx, m, target, ref, th, question, "mention")
}

// throttled tells a member to slow down: with a ⏳ reaction on their
// message when the wait is a cooldown (no message in the channel), else
// with a short reply.
func (b *Bot) throttled(ctx context.Context, m *discordgo.Message, ref *discordgo.MessageReference, notice string, wait time.Duration) {
	if wait > 0 {
		// On failure, silence: a public notice would be noisier.
		if err := b.session.MessageReactionAdd(m.ChannelID, m.ID, "⏳", discordgo.WithContext(ctx)); err != nil {
			b.log.Warn("could not add the cooldown reaction", "err", err, "channel", m.ChannelID)
		}
		return
	}
	b.tell(ctx, m.ChannelID, ref, notice)
}

// followUpInThread answers a message in a thread the bot started, with
// the thread's earlier turns as history.
func (b *Bot) followUpInThread(ctx context.Context, m *discordgo.Message, th *thread, question string) outcome {
	if question == "" {
		return outcome{result: "ignored"}
	}
	release, notice, wait := b.admitIn(m.GuildID, m.Author.ID, true, messageLang(question))
	if notice != "" {
		b.throttled(ctx, m, m.Reference(), notice, wait)
		return outcome{result: "throttled"}
	}
	defer release()
	th.mu.Lock()
	defer th.mu.Unlock()
	return b.answerInChannel(ctx, m, m.ChannelID, nil, th, question, "thread")
}

// answerInChannel posts a placeholder, streams into it, publishes the
// answer and records the turn. Callers hold th.mu.
func (b *Bot) answerInChannel(ctx context.Context, asked *discordgo.Message, channelID string, ref *discordgo.MessageReference, th *thread, question, source string) outcome {
	b.metrics.questions.WithLabelValues(source).Inc()
	l := messageLang(question)
	placeholder, err := b.sendChannel(ctx, channelID, renderPartialIn("", l), ref)
	if err != nil {
		b.log.Warn("could not post in channel", "err", err, "channel", channelID)
		return outcome{result: "error"}
	}
	actx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	defer cancel()
	st := newStreamer(ctx, b.streamEvery, func(ctx context.Context, text string) error {
		_, err := b.editChannel(ctx, channelID, placeholder.ID, renderPartialIn(text, l))
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
	msgs := b.present(res, placeholder.ID, l)
	ids := []string{placeholder.ID}
	b.remember(placeholder.ID, res, ids) // known before it is shown: 👎 may come at once
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
	b.storeShown(feedback.Shown{Key: placeholder.ID, MessageIDs: ids, Source: source, Result: res,
		GuildID: asked.GuildID, ChannelID: channelID})
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
