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
	cmdGaps           = "gaps"
)

func commandDefinitions() []*discordgo.ApplicationCommand {
	moderators := int64(discordgo.PermissionManageMessages)
	guildOnly := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	minParagraph, minDays, maxDays := 1.0, 1.0, 365.0
	private := func(id string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
			NameLocalizations: map[discordgo.Locale]string{localeID: "pribadi"},
			Description:       "Only you see the answer", DescriptionLocalizations: loc(id)}
	}
	return []*discordgo.ApplicationCommand{
		{
			Name:                     cmdAsk,
			Description:              "Ask a question about the news coverage; every claim comes with a quote",
			DescriptionLocalizations: localized("Tanyakan sesuatu tentang liputan berita; setiap klaim disertai kutipan"),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question",
					NameLocalizations: map[discordgo.Locale]string{localeID: "pertanyaan"}, DescriptionLocalizations: loc("Pertanyaanmu"),
					Required: true, MaxLength: 500},
				private("Hanya kamu yang melihat jawabannya"),
			},
		},
		{
			Name:                     cmdSummary,
			Description:              "Summarise the coverage, optionally about a topic or of one article",
			DescriptionLocalizations: localized("Ringkas liputan, bisa tentang satu topik atau satu artikel"),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Narrow the summary to a topic",
					NameLocalizations: map[discordgo.Locale]string{localeID: "topik"}, DescriptionLocalizations: loc("Batasi ringkasan pada satu topik"),
					MaxLength: 200},
				{Type: discordgo.ApplicationCommandOptionString, Name: "article", Description: "Summarise one article",
					NameLocalizations: map[discordgo.Locale]string{localeID: "artikel"}, DescriptionLocalizations: loc("Ringkas satu artikel"),
					Autocomplete: true},
				private("Hanya kamu yang melihat ringkasannya"),
			},
		},
		timelineCommand(private("Hanya kamu yang melihat kronologinya")),
		{
			Name:                     cmdCheck,
			Description:              "Moderators: check a claim against the coverage",
			DescriptionLocalizations: localized("Moderator: periksa sebuah klaim terhadap liputan"),
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "claim", Description: "The claim to check",
					NameLocalizations: map[discordgo.Locale]string{localeID: "klaim"}, DescriptionLocalizations: loc("Klaim yang diperiksa"),
					Required: true, MaxLength: 1000},
			},
		},
		{
			Name:                     cmdSource,
			Description:              "Moderators: show an article passage with its metadata",
			DescriptionLocalizations: localized("Moderator: tampilkan paragraf artikel beserta metadatanya"),
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "doc", Description: "The article",
					DescriptionLocalizations: loc("Artikelnya"), Required: true, Autocomplete: true},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "paragraph", Description: "Paragraph number (shown with ± 1)",
					NameLocalizations: map[discordgo.Locale]string{localeID: "paragraf"}, DescriptionLocalizations: loc("Nomor paragraf (ditampilkan dengan ± 1)"),
					MinValue: &minParagraph},
			},
		},
		{
			Name:                     cmdGaps,
			Description:              "Moderators: questions the coverage could not answer and answers readers flagged",
			DescriptionLocalizations: localized("Moderator: pertanyaan yang tak terjawab liputan dan jawaban yang ditandai pembaca"),
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "days", Description: "How many days back (default 7)",
					NameLocalizations: map[discordgo.Locale]string{localeID: "hari"}, DescriptionLocalizations: loc("Berapa hari ke belakang (bawaan 7)"),
					MinValue: &minDays, MaxValue: maxDays},
			},
		},
		{
			Type:                     discordgo.MessageApplicationCommand,
			Name:                     cmdCheckCitations,
			NameLocalizations:        &map[discordgo.Locale]string{localeID: "Periksa kutipan"},
			DefaultMemberPermissions: &moderators,
			Contexts:                 guildOnly,
		},
	}
}

// loc is the Indonesian localization of a description.
func loc(id string) map[discordgo.Locale]string { return map[discordgo.Locale]string{localeID: id} }

// registerCommands bulk-overwrites the commands once connected.
func (b *Bot) registerCommands(ctx context.Context) error {
	app := appID(b.session)
	if app == "" {
		return fmt.Errorf("bot: registering commands: READY carried no application id")
	}
	cmds, err := b.session.ApplicationCommandBulkOverwrite(app, b.cfg.GuildID, commandDefinitions(), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: registering commands: %w", explainAuth(err))
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
		return nil, fmt.Errorf("bot: looking up the application: %w", explainAuth(err))
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
