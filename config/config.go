// Package config loads Kabar's YAML configuration, applies environment
// overrides and validates it. Secrets (the Discord token, API keys) are
// never read from the file: only from the environment.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the whole configuration. Every key is documented in
// config.example.yaml.
type Config struct {
	Corpus     string     `yaml:"corpus"`
	DataDir    string     `yaml:"data_dir"`
	Retrieval  Retrieval  `yaml:"retrieval"`
	LLM        LLM        `yaml:"llm"`
	Embeddings Embeddings `yaml:"embeddings"`
	Discord    Discord    `yaml:"discord"`
	Feedback   Feedback   `yaml:"feedback"`
	Live       Live       `yaml:"live"`
	Feeds      Feeds      `yaml:"feeds"`
	Log        Log        `yaml:"log"`
}

// Live configures how kabar serve follows the corpus folder.
type Live struct {
	Watch  bool     `yaml:"watch"`  // re-index when files change
	Rescan Duration `yaml:"rescan"` // re-index on this interval too; 0: never
}

// Feeds lists RSS/Atom feeds whose items kabar serve and kabar index
// --feeds write into the corpus folder.
type Feeds struct {
	URLs         []string `yaml:"urls"`
	Interval     Duration `yaml:"interval"`
	Folder       string   `yaml:"folder"`
	Timeout      Duration `yaml:"timeout"`
	MaxFeedBytes int64    `yaml:"max_feed_bytes"`
	MaxPageBytes int64    `yaml:"max_page_bytes"`
}

// Feedback configures the feedback database (answers shown, votes,
// reasons) behind /gaps and kabar gaps.
type Feedback struct {
	Enabled       bool `yaml:"enabled"`
	RetentionDays int  `yaml:"retention_days"`
}

// Retrieval tunes search.
type Retrieval struct {
	K       int    `yaml:"k"`
	Ranking string `yaml:"ranking"` // lexical | vector | hybrid
}

// LLM configures the optional OpenAI-compatible chat model.
type LLM struct {
	BaseURL          string   `yaml:"base_url"`
	Model            string   `yaml:"model"`
	APIKeyEnv        string   `yaml:"api_key_env"`
	Timeout          Duration `yaml:"timeout"`
	StreamIdle       Duration `yaml:"stream_idle_timeout"`
	MaxContextTokens int      `yaml:"max_context_tokens"`
	MaxRetries       int      `yaml:"max_retries"`
	MaxTokens        int      `yaml:"max_tokens"`      // sent as max_tokens
	MaxReplyBytes    int      `yaml:"max_reply_bytes"` // byte cap on a reply's text
	// VerifyWithModel asks the model, after the citation check, whether
	// each cited passage entails its sentence; on by default.
	VerifyWithModel bool `yaml:"verify_with_model"`
}

// Embeddings selects the embedder.
type Embeddings struct {
	Provider string `yaml:"provider"` // local | openai
	Model    string `yaml:"model"`
	BaseURL  string `yaml:"base_url"`
}

// Discord configures the bot. The token comes only from DISCORD_TOKEN.
type Discord struct {
	GuildID          string   `yaml:"guild_id"`
	APIBaseURL       string   `yaml:"api_base_url"`
	Mentions         bool     `yaml:"mentions"`
	MessageContent   bool     `yaml:"message_content"`
	AllowedChannels  []string `yaml:"allowed_channels"`
	ShardID          int      `yaml:"shard_id"`
	ShardCount       int      `yaml:"shard_count"`
	UserCooldown     Duration `yaml:"user_cooldown"`
	GuildConcurrency int      `yaml:"guild_concurrency"`
	AnswerTimeout    Duration `yaml:"answer_timeout"`
	MetricsAddr      string   `yaml:"metrics_addr"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level"`  // debug | info | warn | error
	Format string `yaml:"format"` // text | json
}

// Duration is a time.Duration written as "30s", "2m".
type Duration time.Duration

// UnmarshalYAML parses a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return fmt.Errorf("line %d: want a duration like 30s or 2m", n.Line)
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		return fmt.Errorf("line %d: %q is not a duration (use e.g. 30s or 2m)", n.Line, s)
	}
	*d = Duration(v)
	return nil
}

// D returns the duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// Default returns the configuration used when no file is given.
func Default() Config {
	return Config{
		Retrieval: Retrieval{K: 16, Ranking: "lexical"},
		LLM: LLM{APIKeyEnv: "OPENAI_API_KEY", Timeout: Duration(30 * time.Second), StreamIdle: Duration(20 * time.Second), MaxContextTokens: 6000, MaxRetries: 2,
			MaxTokens: 800, MaxReplyBytes: 256 << 10, VerifyWithModel: true},
		Embeddings: Embeddings{Provider: "local", Model: "text-embedding-3-small"},
		Feedback:   Feedback{Enabled: true, RetentionDays: 90},
		Live:       Live{Watch: true, Rescan: Duration(5 * time.Minute)},
		Feeds: Feeds{URLs: []string{}, Interval: Duration(15 * time.Minute), Folder: "feeds", Timeout: Duration(20 * time.Second),
			MaxFeedBytes: 8 << 20, MaxPageBytes: 2 << 20},
		Discord: Discord{Mentions: true, ShardCount: 1, UserCooldown: Duration(10 * time.Second), GuildConcurrency: 4,
			AnswerTimeout: Duration(60 * time.Second)},
		Log: Log{Level: "info", Format: "text"},
	}
}

// Warning is a non-fatal problem found while loading.
type Warning string

// Load reads the YAML file at path (none when path is ""), applies the
// environment (getenv) and validates. Unknown keys are errors, so a typo
// does not silently fall back to a default.
func Load(path string, getenv func(string) string) (Config, []Warning, error) {
	cfg := Default()
	var warns []Warning
	if path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return cfg, nil, fmt.Errorf("config %s: %w", path, err)
		}
		w, err := parse(&cfg, raw)
		if err != nil {
			return cfg, nil, fmt.Errorf("config %s: %w", path, err)
		}
		warns = append(warns, w...)
	}
	applyEnv(&cfg, getenv)
	if err := cfg.Validate(); err != nil {
		where := "configuration"
		if path != "" {
			where = "config " + path
		}
		return cfg, warns, fmt.Errorf("%s: %w", where, err)
	}
	return cfg, warns, nil
}

func parse(cfg *Config, raw []byte) ([]Warning, error) {
	var warns []Warning
	var generic map[string]any
	if err := yaml.Unmarshal(raw, &generic); err != nil {
		return nil, fmt.Errorf("not valid YAML: %w", oneLineYAML(err))
	}
	for key := secretsIn(generic); key != nil; key = secretsIn(generic) {
		warns = append(warns, Warning(fmt.Sprintf("the config file contains %q: secrets are read only from the environment (DISCORD_TOKEN, OPENAI_API_KEY); the value is ignored, remove it from the file", strings.Join(key, "."))))
		deleteKey(generic, key)
		cleaned, err := yaml.Marshal(generic)
		if err != nil {
			return nil, err
		}
		raw = cleaned
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, oneLineYAML(err)
	}
	return warns, nil
}

// oneLineYAML joins the lines of yaml.v3's multi-line type errors ("yaml:
// unmarshal errors:\n  line 2: field modle not found …") so the CLI can
// print the problem on one line.
func oneLineYAML(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return errors.New(strings.Join(te.Errors, "; "))
	}
	return err
}

// secretsIn returns the path of the first token-like key in m, nil if none.
// A path, not a dotted string, because a key may itself contain a dot.
func secretsIn(m map[string]any) []string {
	for k, v := range m {
		if isSecretKey(k) {
			return []string{k}
		}
		if sub, ok := v.(map[string]any); ok {
			if s := secretsIn(sub); s != nil {
				return append([]string{k}, s...)
			}
		}
	}
	return nil
}

// isSecretKey reports keys that hold credentials: "token", "bot_token",
// "api_key", "client_secret", "password" — but not settings that merely
// count tokens, such as "max_context_tokens".
func isSecretKey(k string) bool {
	lk := strings.ToLower(k)
	return strings.Contains(lk, "token") && !strings.HasSuffix(lk, "tokens") ||
		lk == "api_key" || lk == "apikey" || strings.HasSuffix(lk, "secret") || lk == "password"
}

func deleteKey(m map[string]any, path []string) {
	if len(path) == 1 {
		delete(m, path[0])
		return
	}
	if sub, ok := m[path[0]].(map[string]any); ok {
		deleteKey(sub, path[1:])
	}
}

func applyEnv(cfg *Config, getenv func(string) string) {
	set := func(dst *string, key string) {
		if v := getenv(key); v != "" {
			*dst = v
		}
	}
	set(&cfg.Corpus, "KABAR_CORPUS")
	set(&cfg.DataDir, "KABAR_DATA_DIR")
	set(&cfg.Retrieval.Ranking, "KABAR_RETRIEVAL_RANKING")
	set(&cfg.LLM.BaseURL, "KABAR_LLM_BASE_URL")
	set(&cfg.LLM.Model, "KABAR_LLM_MODEL")
	set(&cfg.Embeddings.Provider, "KABAR_EMBEDDINGS_PROVIDER")
	set(&cfg.Embeddings.Model, "KABAR_EMBEDDINGS_MODEL")
	set(&cfg.Embeddings.BaseURL, "KABAR_EMBEDDINGS_BASE_URL")
	set(&cfg.Discord.APIBaseURL, "KABAR_DISCORD_API_BASE_URL")
	set(&cfg.Discord.GuildID, "KABAR_DISCORD_GUILD_ID")
	set(&cfg.Log.Level, "KABAR_LOG_LEVEL")
}

// Validate checks values that would otherwise fail later and obscurely.
func (c Config) Validate() error {
	var errs []string
	if c.Retrieval.K < 1 || c.Retrieval.K > 50 {
		errs = append(errs, fmt.Sprintf("retrieval.k must be between 1 and 50, not %d", c.Retrieval.K))
	}
	switch c.Retrieval.Ranking {
	case "lexical", "vector", "hybrid":
	default:
		errs = append(errs, fmt.Sprintf("retrieval.ranking must be lexical, vector or hybrid, not %q", c.Retrieval.Ranking))
	}
	switch c.Embeddings.Provider {
	case "local":
	case "openai":
		if c.Embeddings.Model == "" {
			errs = append(errs, "embeddings.model is required when embeddings.provider is openai")
		}
		if c.Embeddings.BaseURL == "" && c.LLM.BaseURL == "" {
			errs = append(errs, "embeddings.base_url (or llm.base_url) is required when embeddings.provider is openai")
		}
	default:
		errs = append(errs, fmt.Sprintf("embeddings.provider must be local or openai, not %q", c.Embeddings.Provider))
	}
	if c.LLM.BaseURL != "" {
		if !strings.HasPrefix(c.LLM.BaseURL, "http://") && !strings.HasPrefix(c.LLM.BaseURL, "https://") {
			errs = append(errs, fmt.Sprintf("llm.base_url must start with http:// or https://, not %q", c.LLM.BaseURL))
		}
		if c.LLM.Model == "" {
			errs = append(errs, "llm.model is required when llm.base_url is set (e.g. llama3.1 for Ollama, gpt-4o-mini for OpenAI)")
		}
	}
	if c.LLM.MaxContextTokens < 512 {
		errs = append(errs, fmt.Sprintf("llm.max_context_tokens must be at least 512, not %d", c.LLM.MaxContextTokens))
	}
	if c.LLM.MaxTokens < 1 || c.LLM.MaxTokens > 32768 {
		errs = append(errs, fmt.Sprintf("llm.max_tokens must be between 1 and 32768, not %d", c.LLM.MaxTokens))
	}
	if c.LLM.MaxReplyBytes < 4096 || c.LLM.MaxReplyBytes > 16<<20 {
		errs = append(errs, fmt.Sprintf("llm.max_reply_bytes must be between 4096 and 16777216, not %d", c.LLM.MaxReplyBytes))
	}
	if c.LLM.Timeout <= 0 {
		errs = append(errs, "llm.timeout must be positive")
	}
	if c.LLM.MaxRetries < 0 || c.LLM.MaxRetries > 5 {
		errs = append(errs, "llm.max_retries must be between 0 and 5")
	}
	if c.Discord.ShardCount < 1 || c.Discord.ShardID < 0 || c.Discord.ShardID >= c.Discord.ShardCount {
		errs = append(errs, fmt.Sprintf("discord.shard_id must be in [0, shard_count); got %d of %d", c.Discord.ShardID, c.Discord.ShardCount))
	}
	if c.Discord.GuildConcurrency < 1 {
		errs = append(errs, "discord.guild_concurrency must be at least 1")
	}
	if c.Feedback.RetentionDays < 1 || c.Feedback.RetentionDays > 3650 {
		errs = append(errs, fmt.Sprintf("feedback.retention_days must be between 1 and 3650, not %d", c.Feedback.RetentionDays))
	}
	if r := c.Live.Rescan.D(); r != 0 && r < time.Second {
		errs = append(errs, fmt.Sprintf("live.rescan must be 0 (off) or at least 1s, not %s", r))
	}
	errs = append(errs, c.Feeds.validate()...)
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Sprintf("log.level must be debug, info, warn or error, not %q", c.Log.Level))
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		errs = append(errs, fmt.Sprintf("log.format must be text or json, not %q", c.Log.Format))
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// LLMEnabled reports whether an LLM is configured.
func (c Config) LLMEnabled() bool { return c.LLM.BaseURL != "" && c.LLM.Model != "" }

// APIKey returns the LLM API key from the environment variable the
// configuration names (OPENAI_API_KEY by default).
func (c Config) APIKey(getenv func(string) string) string {
	name := c.LLM.APIKeyEnv
	if name == "" {
		name = "OPENAI_API_KEY"
	}
	return getenv(name)
}

func (f Feeds) validate() []string {
	var errs []string
	for _, u := range f.URLs {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			errs = append(errs, fmt.Sprintf("feeds.urls: %q must start with http:// or https://", u))
		}
	}
	if f.Interval.D() < time.Minute {
		errs = append(errs, fmt.Sprintf("feeds.interval must be at least 1m, not %s", f.Interval.D()))
	}
	if f.Timeout.D() <= 0 || f.Timeout.D() > 5*time.Minute {
		errs = append(errs, fmt.Sprintf("feeds.timeout must be positive and at most 5m, not %s", f.Timeout.D()))
	}
	if f.MaxFeedBytes < 64<<10 || f.MaxFeedBytes > 64<<20 {
		errs = append(errs, fmt.Sprintf("feeds.max_feed_bytes must be between 65536 and 67108864, not %d", f.MaxFeedBytes))
	}
	if f.MaxPageBytes < 64<<10 || f.MaxPageBytes > 16<<20 {
		errs = append(errs, fmt.Sprintf("feeds.max_page_bytes must be between 65536 and 16777216, not %d", f.MaxPageBytes))
	}
	if f.Folder == "" || strings.HasPrefix(f.Folder, "/") || f.Folder == ".." || strings.HasPrefix(f.Folder, "../") || strings.HasPrefix(f.Folder, ".") {
		errs = append(errs, fmt.Sprintf("feeds.folder must be a visible folder inside the corpus folder, not %q", f.Folder))
	}
	return errs
}
