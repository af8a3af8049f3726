package bot

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/timeline/chart"
)

// cmdTimeline is the /timeline command: the timeline as a picture.
const cmdTimeline = "timeline"

// storyTelling is what an Answerer offers when it tells stories (dated
// timelines with key figures): answer.Service does.
type storyTelling interface {
	Storyteller() *answer.Storyteller
}

// storyPictures keeps the latest timeline pictures by their content (a
// few, shared by every bot of the process: the same story draws the same
// picture).
var storyPictures = newLRU[[]byte](16)

// timelineFile is the attachment's name; the timeline embed shows it.
const timelineFile = "timeline.png"

// Member-facing strings of summaries.
var (
	txtTimeline      = text{"Timeline", "Kronologi"}
	txtKeyFigures    = text{"Key figures", "Angka utama"}
	txtTimelineOf    = text{"Timeline of the coverage", "Kronologi liputan"}
	txtTimelineAbout = text{"Timeline: %s", "Kronologi: %s"}
	txtNoEvents      = text{"The coverage gives no dated events on this.", "Liputan tidak memuat peristiwa bertanggal tentang ini."}
	txtStoryFailed   = text{"Sorry, I couldn't tell the story of the coverage right now. Please try again in a minute.", "Maaf, kronologi liputan belum bisa dibuat sekarang. Coba lagi sebentar lagi."}
	txtUnknownDoc    = text{"I don't know that article. Start typing in the `article` option and pick one from the list.", "Artikel itu tidak saya kenal. Mulai ketik di opsi `artikel` lalu pilih dari daftar."}
)

// storyMessage is a rendered story message with the files it uploads.
type storyMessage struct {
	outMessage
	Files []storyFile `json:"files,omitempty"`
}

// storyFile is an uploaded file; only its name, type and size go into
// golden files.
type storyFile struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
	data        []byte
}

// handleStory serves /summary: the overview, the timeline and the key
// figures once, in the member's language, with the timeline as a picture
// and the sources below. Without a storyteller it falls back to the
// quote summary.
func (b *Bot) handleStory(ctx context.Context, i *discordgo.Interaction) outcome {
	st, ok := b.ans.(storyTelling)
	if !ok {
		return b.handleSummary(ctx, i)
	}
	d := i.ApplicationCommandData()
	topic, docID, private := optString(d, "topic"), optString(d, "article"), optBool(d, "private")
	return b.tellStory(ctx, i, st.Storyteller(), "summary", answer.StoryOptions{Topic: topic, DocID: docID}, private, false)
}

// handleTimeline serves /timeline [topic]: the timeline as a PNG with
// its sources.
func (b *Bot) handleTimeline(ctx context.Context, i *discordgo.Interaction) outcome {
	st, ok := b.ans.(storyTelling)
	if !ok {
		b.notice(ctx, i, "Timelines aren't available on this bot right now.")
		return outcome{result: "unavailable"}
	}
	d := i.ApplicationCommandData()
	return b.tellStory(ctx, i, st.Storyteller(), "timeline", answer.StoryOptions{Topic: optString(d, "topic")}, optBool(d, "private"), true)
}

// storyLang is the language to tell a story in: the topic's when it reads
// as one language, else the member's locale.
func storyLang(i *discordgo.Interaction, topic string) lang {
	if l, ok := guessLang(topic); ok && topic != "" {
		return l
	}
	return interactionLang(i)
}

func (b *Bot) tellStory(ctx context.Context, i *discordgo.Interaction, st *answer.Storyteller, source string, o answer.StoryOptions, private, pictureOnly bool) outcome {
	l := storyLang(i, o.Topic)
	o.Lang = string(l)
	if o.DocID != "" {
		if _, ok := b.lib.Document(o.DocID); !ok {
			b.notice(ctx, i, txtUnknownDoc.in(interactionLang(i)))
			return outcome{result: "unknown_article"}
		}
	}
	release, refused, ok := b.admitAndDefer(ctx, i, source, private)
	if !ok {
		return refused
	}
	defer release()
	sctx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	defer cancel()
	start := time.Now()
	story, err := st.Story(sctx, o)
	if err != nil {
		msg := txtStoryFailed.in(l)
		if errors.Is(err, answer.ErrEmptyQuestion) || errors.Is(err, answer.ErrQuestionTooLong) || errors.Is(err, answer.ErrEmptyTopic) {
			msg = err.Error()
		} else {
			b.metrics.llmErrors.Inc()
			b.log.Error("story failed", "err", err, "interaction", i.ID, "source", source)
		}
		if _, err := b.editOriginal(ctx, i, outMessage{Content: msg}); err != nil {
			b.log.Warn("could not report failure", "err", err, "interaction", i.ID)
		}
		return outcome{result: "error"}
	}
	b.metrics.latency.WithLabelValues(answer.ModeExtractive).Observe(time.Since(start).Seconds())
	var png []byte
	if len(story.Timeline) > 0 {
		png, err = b.storyPNG(story)
		if err != nil {
			b.log.Warn("could not draw the timeline", "err", err, "interaction", i.ID)
		}
	}
	msgs := renderStory(story, l, png, pictureOnly)
	for n, m := range msgs {
		var err error
		if n == 0 {
			err = b.editOriginalFiles(ctx, i, m)
		} else {
			_, err = b.followup(ctx, i, m.outMessage, private)
		}
		if err != nil {
			b.log.Warn("could not publish story", "err", err, "interaction", i.ID)
			return outcome{mode: answer.ModeExtractive, result: "error"}
		}
	}
	if len(story.Timeline) == 0 {
		return outcome{mode: answer.ModeExtractive, result: "declined"}
	}
	return outcome{mode: answer.ModeExtractive, result: "answered"}
}

// editOriginalFiles puts m, with its files, in the deferred response.
func (b *Bot) editOriginalFiles(ctx context.Context, i *discordgo.Interaction, m storyMessage) error {
	content, embeds, comps := m.Content, m.embeds(), m.components()
	edit := &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noPings()}
	for _, f := range m.Files {
		edit.Files = append(edit.Files, &discordgo.File{Name: f.Name, ContentType: f.ContentType, Reader: bytes.NewReader(f.data)})
	}
	if _, err := b.session.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("editing interaction response: %w", redact(err, i.Token))
	}
	return nil
}

// storyPNG draws (or recalls) the picture of a story's timeline. Stories
// of the whole coverage repeat until the index changes, so their
// pictures are kept by the timeline's content.
func (b *Bot) storyPNG(s answer.Story) ([]byte, error) {
	raw, _ := json.Marshal(struct {
		L string
		T []answer.StoryEvent
	}{s.Lang, s.Timeline})
	sum := sha256.Sum256(raw)
	key := "png:" + hex.EncodeToString(sum[:])
	if p, ok := storyPictures.get(key); ok {
		return p, nil
	}
	l := lang(s.Lang)
	title := txtTimelineOf.in(l)
	if s.Topic != "" {
		title = txtTimelineAbout.f(l, truncate(oneLine(s.Topic), 80))
	}
	png, err := chart.PNG(title, chartEvents(s))
	if err != nil {
		return nil, err
	}
	storyPictures.put(key, png)
	return png, nil
}

// chartEvents turns a story's timeline into chart rows.
func chartEvents(s answer.Story) []chart.Event {
	var out []chart.Event
	for _, e := range s.Timeline {
		start, end, ok := storyDates(e)
		if !ok {
			continue
		}
		when, what, _ := strings.Cut(e.Event, " — ")
		out = append(out, chart.Event{Start: start, End: end, When: when, Label: plain(stripMarkers(what)), Sources: e.Citations})
	}
	return out
}

// storyDates reads an event's date (and range) as the span it covers: a
// day, the days of a range, a whole month or year.
func storyDates(e answer.StoryEvent) (time.Time, time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, e.Date)
		if err != nil {
			continue
		}
		end := t
		switch layout {
		case "2006-01":
			end = t.AddDate(0, 1, 0)
		case "2006":
			end = t.AddDate(1, 0, 0)
		}
		if e.End != "" {
			if t2, err := time.Parse("2006-01-02", e.End); err == nil {
				end = t2
			}
		}
		return t, end, true
	}
	return time.Time{}, time.Time{}, false
}

// stripMarkers removes the trailing [n] markers of an event line.
func stripMarkers(s string) string {
	s = strings.TrimSpace(s)
	for strings.HasSuffix(s, "]") {
		k := strings.LastIndex(s, "[")
		if k < 0 {
			break
		}
		s = strings.TrimSpace(s[:k])
	}
	return s
}

// Bounds of a rendered story.
const (
	maxStoryQuote = 160 // characters of a quote in the sources list
)

// renderStory lays a story out for Discord. The overview is the content;
// the timeline and the key figures are one embed (shown once, not also
// in the content), with the picture attached and shown in it; the
// sources follow in their own embeds. pictureOnly (for /timeline) leaves
// out the overview and the figures: a caption, the picture, the sources.
func renderStory(s answer.Story, l lang, png []byte, pictureOnly bool) []storyMessage {
	if len(s.Timeline) == 0 {
		return []storyMessage{{outMessage: outMessage{Content: truncate(plain(s.Summary), maxContent)}}}
	}
	if s.Summary == "" {
		s.Summary = txtNoEvents.in(l)
	}
	first := storyMessage{}
	title := txtTimeline.in(l)
	if s.Topic != "" {
		title = txtTimelineAbout.f(l, truncate(oneLine(s.Topic), 200))
	}
	em := &discordgo.MessageEmbed{Title: truncate(plain(title), maxEmbedTitle), Color: sourcesColor}
	if pictureOnly {
		first.Content = truncate(plain(title), maxContent)
	} else {
		first.Content = truncate(plain(s.Summary), maxContent)
		var lines []string
		for _, e := range s.Timeline {
			lines = append(lines, "• "+plain(e.Event))
		}
		desc := strings.Join(lines, "\n")
		if len(s.Figures) > 0 {
			desc += "\n\n**" + txtKeyFigures.in(l) + "**"
			for _, f := range s.Figures {
				desc += "\n• " + plain(f.What) + ": " + plain(f.Value)
			}
		}
		em.Description = truncate(desc, maxEmbedDesc)
	}
	if png != nil {
		first.Files = []storyFile{{Name: timelineFile, ContentType: "image/png", Size: len(png), data: png}}
		em.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + timelineFile}
	}
	if em.Description != "" || em.Image != nil {
		first.Embeds = []*discordgo.MessageEmbed{em}
	}
	msgs := []storyMessage{first}
	// Sources: one line per citation, in embeds within Discord's limits.
	var cur *discordgo.MessageEmbed
	var src []*discordgo.MessageEmbed
	for _, c := range s.Citations {
		title := c.Title
		if title == "" {
			title = c.Doc
		}
		line := fmt.Sprintf("[%d] **%s** — “%s”", c.N, truncate(oneLine(plain(title)), 80), truncate(oneLine(plain(c.Quote)), maxStoryQuote))
		if cur == nil || textLen(cur.Description)+textLen(line)+1 > maxEmbedDesc {
			name := txtSources.in(l)
			if cur != nil {
				name = txtSourcesMore.in(l)
			}
			cur = &discordgo.MessageEmbed{Title: name, Color: sourcesColor}
			src = append(src, cur)
			cur.Description = line
			continue
		}
		cur.Description += "\n" + line
	}
	total := embedSize(em)
	at := &msgs[0]
	for _, e := range src {
		size := embedSize(e)
		if len(at.Embeds) == maxEmbeds || total+size > maxEmbedsTotal {
			msgs = append(msgs, storyMessage{})
			at, total = &msgs[len(msgs)-1], 0
		}
		at.Embeds = append(at.Embeds, e)
		total += size
	}
	return msgs
}

// timelineCommand defines /timeline [topic] [private] (registered with
// the other commands in commandDefinitions).
func timelineCommand(private *discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Name:                     cmdTimeline,
		Description:              "The coverage's timeline as a picture, optionally about a topic",
		DescriptionLocalizations: localized("Kronologi liputan sebagai gambar, bisa tentang satu topik"),
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Narrow the timeline to a topic",
				NameLocalizations: map[discordgo.Locale]string{localeID: "topik"}, DescriptionLocalizations: loc("Batasi kronologi pada satu topik"),
				MaxLength: 200},
			private,
		},
	}
}
