package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// redactedError hides a secret (an interaction token, which discordgo
// errors carry in their URLs) from an error's text while keeping the
// error chain for errors.Is.
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

func redact(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return redactedError{msg: strings.ReplaceAll(err.Error(), secret, "[token]"), err: err}
}

// outMessage is one Discord message the bot sends, already within limits.
type outMessage struct {
	Content    string                       `json:"content"`
	Embeds     []*discordgo.MessageEmbed    `json:"embeds"`
	Components []discordgo.MessageComponent `json:"components"`
}

// noPings is attached to every message: an empty parse list stops
// @everyone, role and user pings, whatever the text contains. (An empty
// struct would serialise "parse": null, which Discord treats as default.)
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (m outMessage) embeds() []*discordgo.MessageEmbed {
	if m.Embeds == nil {
		return []*discordgo.MessageEmbed{}
	}
	return m.Embeds
}

func (m outMessage) components() []discordgo.MessageComponent {
	if m.Components == nil {
		return []discordgo.MessageComponent{}
	}
	return m.Components
}

func ephemeralFlag(ephemeral bool) discordgo.MessageFlags {
	if ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// deferReply acknowledges an interaction; Discord shows "thinking…" until
// the original response is edited.
func (b *Bot) deferReply(ctx context.Context, i *discordgo.Interaction, ephemeral bool) error {
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: ephemeralFlag(ephemeral), AllowedMentions: noPings()},
	}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("deferring interaction: %w", redact(err, i.Token))
	}
	return nil
}

// reply answers an interaction at once with msgs: the first as the
// response, the rest as follow-ups.
func (b *Bot) reply(ctx context.Context, i *discordgo.Interaction, msgs []outMessage, ephemeral bool) error {
	if len(msgs) == 0 {
		return nil
	}
	m := msgs[0]
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: m.Content, Embeds: m.embeds(), Components: m.components(),
			Flags: ephemeralFlag(ephemeral), AllowedMentions: noPings(),
		},
	}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("responding to interaction: %w", redact(err, i.Token))
	}
	for _, m := range msgs[1:] {
		if _, err := b.followup(ctx, i, m, ephemeral); err != nil {
			return err
		}
	}
	return nil
}

// notice answers an interaction with a short private message.
func (b *Bot) notice(ctx context.Context, i *discordgo.Interaction, text string) {
	if err := b.reply(ctx, i, []outMessage{{Content: text}}, true); err != nil {
		b.log.Warn("sending notice failed", "err", err, "interaction", i.ID)
	}
}

// editOriginal replaces the deferred response's content, embeds and
// components.
func (b *Bot) editOriginal(ctx context.Context, i *discordgo.Interaction, m outMessage) (*discordgo.Message, error) {
	content, embeds, comps := m.Content, m.embeds(), m.components()
	msg, err := b.session.InteractionResponseEdit(i, &discordgo.WebhookEdit{
		Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noPings(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("editing interaction response: %w", redact(err, i.Token))
	}
	return msg, nil
}

func (b *Bot) followup(ctx context.Context, i *discordgo.Interaction, m outMessage, ephemeral bool) (*discordgo.Message, error) {
	msg, err := b.session.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
		Content: m.Content, Embeds: m.Embeds, Components: m.components(),
		Flags: ephemeralFlag(ephemeral), AllowedMentions: noPings(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("sending follow-up: %w", redact(err, i.Token))
	}
	return msg, nil
}

// deliver puts msgs in the deferred response and follow-ups and returns
// the ids of the messages sent.
func (b *Bot) deliver(ctx context.Context, i *discordgo.Interaction, msgs []outMessage, ephemeral bool) ([]string, error) {
	var ids []string
	for n, m := range msgs {
		var msg *discordgo.Message
		var err error
		if n == 0 {
			msg, err = b.editOriginal(ctx, i, m)
		} else {
			msg, err = b.followup(ctx, i, m, ephemeral)
		}
		if err != nil {
			return ids, err
		}
		if msg != nil {
			ids = append(ids, msg.ID)
		}
	}
	return ids, nil
}

// sendChannel posts m in a channel (or thread), optionally as a reply.
func (b *Bot) sendChannel(ctx context.Context, channelID string, m outMessage, ref *discordgo.MessageReference) (*discordgo.Message, error) {
	msg, err := b.session.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content: m.Content, Embeds: m.embeds(), Components: m.components(),
		AllowedMentions: noPings(), Reference: ref, StickerIDs: []string{},
	}, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("sending channel message: %w", err)
	}
	return msg, nil
}

// editChannel replaces a channel message's content, embeds and components.
func (b *Bot) editChannel(ctx context.Context, channelID, messageID string, m outMessage) (*discordgo.Message, error) {
	content, embeds, comps := m.Content, m.embeds(), m.components()
	msg, err := b.session.ChannelMessageEditComplex(&discordgo.MessageEdit{
		ID: messageID, Channel: channelID,
		Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noPings(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("editing channel message: %w", err)
	}
	return msg, nil
}

// autocompleteResult sends autocomplete choices. It builds the request
// itself because discordgo omits an empty choices list, which Discord
// rejects.
func (b *Bot) autocompleteResult(ctx context.Context, i *discordgo.Interaction, choices []*discordgo.ApplicationCommandOptionChoice) error {
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	body := struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		} `json:"data"`
	}{Type: discordgo.InteractionApplicationCommandAutocompleteResult}
	body.Data.Choices = choices
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	if _, err := b.session.RequestWithBucketID("POST", endpoint, body, endpoint, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("sending autocomplete choices: %w", redact(err, i.Token))
	}
	return nil
}
