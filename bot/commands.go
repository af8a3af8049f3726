package bot

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Command names.
const (
	cmdAsk            = "ask"
	cmdSummary        = "summary"
	cmdCheck          = "check"
	cmdSource         = "source"
	cmdCheckCitations = "Check citations"
)

func commandDefinitions() []*discordgo.ApplicationCommand {
	moderators := int64(discordgo.PermissionManageMessages)
	guildOnly := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	minParagraph := 1.0
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question about the news coverage; every claim comes with a quote",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question",
					Required: true, MaxLength: 500},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only you see the answer"},
			},
		},
		{
			Name:        cmdSummary,
			Description: "Summarise the coverage, optionally about a topic or of one article",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Narrow the summary to a topic",
					MaxLength: 200},
				{Type: discordgo.ApplicationCommandOptionString, Name: "article", Description: "Summarise one article",
					Autocomplete: true},
			},
		},
		{
			Name:                     cmdCheck,
			Description:              "Moderators: check a claim against the coverage",
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "claim", Description: "The claim to check",
					Required: true, MaxLength: 1000},
			},
		},
		{
			Name:                     cmdSource,
			Description:              "Moderators: show an article passage with its metadata",
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "doc", Description: "The article",
					Required: true, Autocomplete: true},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "paragraph", Description: "Paragraph number (shown with ± 1)",
					MinValue: &minParagraph},
			},
		},
		{
			Type:                     discordgo.MessageApplicationCommand,
			Name:                     cmdCheckCitations,
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
		},
	}
}

// registerCommands bulk-overwrites the commands once connected.
func (b *Bot) registerCommands(ctx context.Context) error {
	app := appID(b.session)
	if app == "" {
		return fmt.Errorf("bot: registering commands: READY carried no application id")
	}
	cmds, err := b.session.ApplicationCommandBulkOverwrite(app, b.cfg.GuildID, commandDefinitions(), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: registering commands: %w", err)
	}
	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild"
	}
	b.log.Info("commands registered", "count", len(cmds), "scope", scope)
	return nil
}

// SyncCommands registers the bot's commands (per guild when cfg.GuildID
// is set, globally otherwise), replacing whatever was registered.
func SyncCommands(ctx context.Context, cfg Config) ([]*discordgo.ApplicationCommand, error) {
	return withREST(ctx, cfg, func(s *discordgo.Session, app string) ([]*discordgo.ApplicationCommand, error) {
		return s.ApplicationCommandBulkOverwrite(app, cfg.GuildID, commandDefinitions(), discordgo.WithContext(ctx))
	})
}

// ListCommands returns the commands registered in cfg.GuildID's scope.
func ListCommands(ctx context.Context, cfg Config) ([]*discordgo.ApplicationCommand, error) {
	return withREST(ctx, cfg, func(s *discordgo.Session, app string) ([]*discordgo.ApplicationCommand, error) {
		return s.ApplicationCommands(app, cfg.GuildID, discordgo.WithContext(ctx))
	})
}

// ClearCommands removes every command in cfg.GuildID's scope.
func ClearCommands(ctx context.Context, cfg Config) error {
	_, err := withREST(ctx, cfg, func(s *discordgo.Session, app string) ([]*discordgo.ApplicationCommand, error) {
		return s.ApplicationCommandBulkOverwrite(app, cfg.GuildID, []*discordgo.ApplicationCommand{}, discordgo.WithContext(ctx))
	})
	return err
}

// withREST runs f with a REST-only session and the bot's application id.
func withREST(ctx context.Context, cfg Config, f func(*discordgo.Session, string) ([]*discordgo.ApplicationCommand, error)) ([]*discordgo.ApplicationCommand, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	s, tr, err := newSession(cfg)
	if err != nil {
		return nil, err
	}
	defer tr.CloseIdleConnections()
	endpoint := discordgo.EndpointOAuth2Application("@me")
	body, err := s.RequestWithBucketID("GET", endpoint, nil, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("bot: looking up the application: %w", err)
	}
	var app discordgo.Application
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return nil, fmt.Errorf("bot: looking up the application: unexpected reply")
	}
	cmds, err := f(s, app.ID)
	if err != nil {
		return nil, fmt.Errorf("bot: application commands: %w", err)
	}
	return cmds, nil
}
