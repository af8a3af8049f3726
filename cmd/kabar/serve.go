package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/bot"
	"github.com/kabar-bot/kabar/config"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar serve [flags]\n\nRuns the Discord bot until interrupted. The token comes from DISCORD_TOKEN.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments (got %q)", pos[0])
	}
	e, err := loadEnv(c, stderr, getenv)
	if err != nil {
		return err
	}
	bcfg, err := botConfig(e.cfg, getenv)
	if err != nil {
		return err
	}
	lc, err := e.openLive(ctx) // the index, kept current with the corpus folder and feeds (watch.go)
	if err != nil {
		return err
	}
	if e.cfg.LLMEnabled() {
		bcfg.Model = e.cfg.LLM.Model
	}
	if e.cfg.Feedback.Enabled {
		st, err := e.openFeedback(ctx)
		if err != nil {
			return fmt.Errorf("%w (or set feedback.enabled: false)", err)
		}
		defer st.Close()
		bcfg.Feedback = st
	}
	b, err := bot.New(bcfg, lc.corpus, lc.corpus, lc.corpus, e.logger)
	if err != nil {
		return err
	}
	return lc.serve(ctx, b.Run)
}

func runCommands(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("commands", flag.ContinueOnError)
	configFile := fs.String("config", getenv("KABAR_CONFIG"), "configuration `file` (YAML)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar commands sync|list|clear [flags]\n\nsync registers Kabar's application commands (bulk overwrite), list shows them, clear removes them;\nper guild when discord.guild_id is set, global otherwise. The token comes from DISCORD_TOKEN.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("commands needs one of sync, list, clear")
	}
	cfg, warns, err := config.Load(*configFile, getenv)
	if err != nil {
		return usageError{err.Error()}
	}
	for _, w := range warns {
		fmt.Fprintln(stderr, "warning:", w)
	}
	bcfg, err := botConfig(cfg, getenv)
	if err != nil {
		return err
	}
	switch pos[0] {
	case "sync":
		cmds, err := bot.SyncCommands(ctx, bcfg)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "registered %d commands%s\n", len(cmds), scope(bcfg))
		printCommands(stdout, cmds)
	case "list":
		cmds, err := bot.ListCommands(ctx, bcfg)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d commands%s\n", len(cmds), scope(bcfg))
		printCommands(stdout, cmds)
	case "clear":
		if err := bot.ClearCommands(ctx, bcfg); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed all commands%s\n", scope(bcfg))
	default:
		return usagef("unknown commands action %q: use sync, list or clear", pos[0])
	}
	return nil
}

// botConfig maps the configuration to the bot's, with the token from the
// environment only.
func botConfig(cfg config.Config, getenv func(string) string) (bot.Config, error) {
	token := strings.TrimSpace(getenv("DISCORD_TOKEN"))
	if token == "" {
		return bot.Config{}, usagef("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications and export its token")
	}
	d := cfg.Discord
	return bot.Config{
		Token: token, APIBaseURL: d.APIBaseURL, GuildID: d.GuildID, Mentions: d.Mentions, MessageContent: d.MessageContent,
		AllowedChannels: d.AllowedChannels, ShardID: d.ShardID, ShardCount: d.ShardCount,
		UserCooldown: d.UserCooldown.D(), GuildConcurrency: d.GuildConcurrency,
		AnswerTimeout: d.AnswerTimeout.D(), MetricsAddr: d.MetricsAddr,
	}, nil
}

func scope(c bot.Config) string {
	if c.GuildID != "" {
		return " in guild " + c.GuildID
	}
	return " globally"
}

func printCommands(w io.Writer, cmds []*discordgo.ApplicationCommand) {
	for _, c := range cmds {
		fmt.Fprintf(w, "  %s\n", c.Name)
	}
}
