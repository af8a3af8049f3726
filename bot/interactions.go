package bot

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// outcome is what an interaction handler reports for the log line.
type outcome struct {
	mode   string // answer mode, when an answer was produced
	result string // "answered", "declined", "refused", "error", …
}

const (
	msgRestarting   = "Kabar is restarting. Please try again in a minute."
	msgNotHere      = "Kabar isn't enabled in this channel. Ask in one of the channels set up for it."
	msgModerators   = "This command is for moderators (Manage Messages permission)."
	msgAnswerFailed = "Sorry, I couldn't answer that right now. Please try again in a minute."
	msgNoChecker    = "Citation checks aren't available on this bot right now."
)

func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	b.touch()
	i := ic.Interaction
	if i == nil || i.Data == nil {
		return
	}
	ctx, done, ok := b.begin()
	if !ok {
		// Not counted as work: answered at once, best effort.
		if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			short, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			b.notice(short, i, msgRestarting)
		}
		return
	}
	defer done()
	start := time.Now()
	name := interactionName(i)
	out := b.route(ctx, i, name)
	level := slog.LevelInfo
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		level = slog.LevelDebug
	}
	b.log.Log(ctx, level, "interaction",
		"id", i.ID, "guild", i.GuildID, "channel", i.ChannelID, "command", name,
		"latency_ms", time.Since(start).Milliseconds(), "mode", out.mode, "outcome", out.result)
}

func interactionName(i *discordgo.Interaction) string {
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		return i.ApplicationCommandData().Name
	case discordgo.InteractionMessageComponent:
		id := i.MessageComponentData().CustomID
		if k := strings.LastIndex(id, ":"); k > 0 {
			return id[:k]
		}
		return id
	}
	return i.Type.String()
}

func (b *Bot) route(ctx context.Context, i *discordgo.Interaction, name string) outcome {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return b.handleAutocomplete(ctx, i)
	case discordgo.InteractionMessageComponent:
		return b.handleButton(ctx, i)
	case discordgo.InteractionApplicationCommand:
	default:
		return outcome{result: "ignored"}
	}
	if !b.channelAllowed(i.ChannelID) && !b.isOwnThread(i.ChannelID) {
		b.notice(ctx, i, msgNotHere)
		return outcome{result: "channel_not_allowed"}
	}
	switch name {
	case cmdAsk:
		return b.handleAsk(ctx, i)
	case cmdSummary:
		return b.handleStory(ctx, i)
	case cmdTimeline:
		return b.handleTimeline(ctx, i)
	case cmdCheck, cmdSource, cmdCheckCitations, cmdGaps:
		if !isModerator(i) {
			b.notice(ctx, i, msgModerators)
			return outcome{result: "not_moderator"}
		}
		switch name {
		case cmdCheck:
			return b.handleCheckClaim(ctx, i)
		case cmdSource:
			return b.handleSource(ctx, i)
		case cmdGaps:
			return b.handleGaps(ctx, i)
		default:
			return b.handleCheckCitations(ctx, i)
		}
	}
	b.notice(ctx, i, "I don't know that command. Commands may still be updating; try again in a minute.")
	return outcome{result: "unknown_command"}
}

func (b *Bot) isOwnThread(channelID string) bool {
	_, ok := b.threads.get(channelID)
	return ok
}

// Option helpers: Discord omits options the user left empty.

func optString(d discordgo.ApplicationCommandInteractionData, name string) string {
	if o := d.GetOption(name); o != nil {
		if s, ok := o.Value.(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func optBool(d discordgo.ApplicationCommandInteractionData, name string) bool {
	if o := d.GetOption(name); o != nil {
		if v, ok := o.Value.(bool); ok {
			return v
		}
	}
	return false
}

func optInt(d discordgo.ApplicationCommandInteractionData, name string) (int, bool) {
	if o := d.GetOption(name); o != nil {
		if v, ok := o.Value.(float64); ok {
			return int(v), true
		}
	}
	return 0, false
}
