package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"
)

// Config configures a Bot. The zero value of every field but Token is
// usable.
type Config struct {
	// Token is the bot token (from DISCORD_TOKEN). It is never logged.
	Token string
	// APIBaseURL replaces https://discord.com for REST calls and the
	// gateway lookup (a rate-limit proxy, or a fake Discord in tests).
	APIBaseURL string
	// GuildID registers the commands in one guild (instant) instead of
	// globally.
	GuildID string
	// Mentions answers "@Kabar question" in channels, in a thread started
	// on the message, and messages in that thread that mention or reply to
	// Kabar. It requests GUILD_MESSAGES, which is not privileged: Discord
	// delivers the content of messages that mention the bot without the
	// Message Content intent.
	Mentions bool
	// MessageContent also answers questions in Kabar's threads that do not
	// mention it. It requests the privileged Message Content intent, which
	// must be enabled in the developer portal too.
	MessageContent bool
	// Model names the language model in the footer of written answers
	// ("Written by <model> …"); empty: "a language model".
	Model string
	// AllowedChannels limits the bot to these channel ids; empty allows all.
	AllowedChannels []string
	// ShardID and ShardCount select this process's shard (count 0 = 1).
	ShardID, ShardCount int
	// UserCooldown is the minimum time between two questions of one user;
	// 0 means no cooldown. (The configuration file's default is 10 s.)
	UserCooldown time.Duration
	// GuildConcurrency caps the answers in flight per guild (default 4).
	GuildConcurrency int
	// AnswerTimeout bounds one answer or summary (default 60 s).
	AnswerTimeout time.Duration
	// GatewayWatchdog reconnects when the gateway has been silent (no
	// event, no heartbeat acknowledgement) this long (default 2 min).
	GatewayWatchdog time.Duration
	// Feedback stores the answers shown, votes and reasons for /gaps and
	// `kabar gaps`; nil keeps only counters and log lines.
	Feedback FeedbackStore
	// MetricsAddr serves /healthz and /metrics (e.g. "127.0.0.1:9090");
	// empty disables them.
	MetricsAddr string
}

const (
	defaultConcurrency = 4
	defaultTimeout     = 60 * time.Second
	defaultWatchdog    = 2 * time.Minute
	discordBaseURL     = "https://discord.com"
)

// withDefaults validates c and fills in defaults.
func (c Config) withDefaults() (Config, error) {
	c.Token = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Token), "Bot "))
	if c.Token == "" {
		return c, errors.New("bot: no Discord token: set DISCORD_TOKEN")
	}
	if c.APIBaseURL != "" {
		u, err := url.Parse(c.APIBaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c, fmt.Errorf("bot: API base URL %q is not an http(s) address", c.APIBaseURL)
		}
	}
	if c.ShardCount <= 0 {
		c.ShardCount = 1
	}
	if c.ShardID < 0 || c.ShardID >= c.ShardCount {
		return c, fmt.Errorf("bot: shard id %d is outside 0..%d", c.ShardID, c.ShardCount-1)
	}
	if c.UserCooldown < 0 {
		c.UserCooldown = 0
	}
	if c.GuildConcurrency <= 0 {
		c.GuildConcurrency = defaultConcurrency
	}
	if c.AnswerTimeout <= 0 {
		c.AnswerTimeout = defaultTimeout
	}
	if c.GatewayWatchdog <= 0 {
		c.GatewayWatchdog = defaultWatchdog
	}
	return c, nil
}

// LogValue keeps the token out of logs when a Config is logged.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Bool("token_set", c.Token != ""),
		slog.String("api_base_url", c.APIBaseURL),
		slog.String("guild_id", c.GuildID),
		slog.Bool("mentions", c.Mentions),
		slog.Bool("message_content", c.MessageContent),
		slog.String("model", c.Model),
		slog.Int("allowed_channels", len(c.AllowedChannels)),
		slog.Int("shard_id", c.ShardID),
		slog.Int("shard_count", c.ShardCount),
		slog.Duration("user_cooldown", c.UserCooldown),
		slog.Int("guild_concurrency", c.GuildConcurrency),
		slog.Duration("answer_timeout", c.AnswerTimeout),
		slog.Duration("gateway_watchdog", c.GatewayWatchdog),
		slog.String("metrics_addr", c.MetricsAddr),
		slog.Bool("feedback", c.Feedback != nil),
	)
}

// String keeps the token out of fmt output.
func (c Config) String() string { return c.LogValue().String() }
