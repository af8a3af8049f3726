// Package bot is Kabar's Discord front end. It registers the slash
// commands (/ask, /summary, and the moderators' /check, /source and
// "Check citations"), answers them with the Answerer — deferring at once,
// streaming LLM text, then publishing the answer with a sources embed whose
// citations stay machine-readable for later re-verification — answers
// "@Kabar" mentions in threads with their history, and keeps itself safe
// and operable: no pings ever, per-user cooldowns, per-guild concurrency
// limits, a channel allow-list, a gateway watchdog, graceful shutdown, and
// /healthz and Prometheus /metrics.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

const (
	resultCacheSize = 512  // recent answers kept for the Sources button
	threadCacheSize = 1024 // threads whose history is kept
	maxThreadTurns  = 8    // turns of history kept per thread
	streamInterval  = time.Second
	shutdownExtra   = 5 * time.Second // beyond AnswerTimeout for in-flight work
)

// Bot is a Kabar Discord bot. Create it with New, then call Run once.
type Bot struct {
	cfg     Config
	ans     Answerer
	chk     Checker
	lib     Library
	log     *slog.Logger
	session *discordgo.Session
	http    *http.Transport
	metrics *metrics

	results   *lru[*published]
	threads   *lru[*thread]
	cooldowns *cooldowns
	slots     *guildSlots
	allowed   map[string]bool

	streamEvery time.Duration // edit interval while streaming

	lastEvent atomic.Int64 // unix nanoseconds of the last gateway event

	mu        sync.Mutex
	started   bool
	connected bool // the first connection succeeded
	closing   bool
	stopping  chan struct{}   // closed when shutdown starts
	work      context.Context // parent of all handler work; outlives Run's ctx until the grace period ends
	inflight  sync.WaitGroup
}

// published is an answer the bot posted, kept for its buttons and checks.
type published struct {
	result answer.Result
}

// New builds a bot. chk may be nil: the citation checks then say they are
// unavailable. Nothing connects until Run.
func New(cfg Config, ans Answerer, chk Checker, lib Library, logger *slog.Logger) (*Bot, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if ans == nil || lib == nil {
		return nil, errors.New("bot: an Answerer and a Library are required")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s, tr, err := newSession(cfg)
	if err != nil {
		return nil, err
	}
	b := &Bot{
		cfg: cfg, ans: ans, chk: chk, lib: lib,
		log:         logger.With("component", "bot", "shard", cfg.ShardID),
		session:     s,
		http:        tr,
		metrics:     newMetrics(),
		results:     newLRU[*published](resultCacheSize),
		threads:     newLRU[*thread](threadCacheSize),
		cooldowns:   newCooldowns(cfg.UserCooldown),
		slots:       newGuildSlots(cfg.GuildConcurrency),
		allowed:     map[string]bool{},
		streamEvery: streamInterval,
		stopping:    make(chan struct{}),
	}
	for _, id := range cfg.AllowedChannels {
		b.allowed[id] = true
	}
	b.metrics.watchIndex(lib)
	s.AddHandler(b.onInteraction)
	s.AddHandler(func(*discordgo.Session, *discordgo.Event) { b.touch() })
	if cfg.Mentions || cfg.MessageContent {
		s.AddHandler(b.onMessage)
	}
	return b, nil
}

// Commands returns the application command definitions the bot registers.
func (b *Bot) Commands() []*discordgo.ApplicationCommand { return commandDefinitions() }

// Run connects to Discord, registers the commands and serves until ctx is
// done. It then stops taking new work, lets answers in flight finish
// (bounded by AnswerTimeout plus a few seconds) and disconnects.
func (b *Bot) Run(ctx context.Context) error {
	b.mu.Lock()
	if b.started {
		b.mu.Unlock()
		return errors.New("bot: Run called twice")
	}
	b.started = true
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	b.work = work
	b.mu.Unlock()
	defer b.http.CloseIdleConnections()

	var ms *metricsServer
	if b.cfg.MetricsAddr != "" {
		var addr fmt.Stringer
		var err error
		ms, addr, err = startMetricsServer(b.cfg.MetricsAddr, b.metrics.handler(b.healthy))
		if err != nil {
			return err
		}
		b.log.Info("serving metrics", "addr", addr.String())
		defer func() {
			if err := ms.stop(); err != nil {
				b.log.Warn("stopping metrics server", "err", err)
			}
		}()
	}

	b.touch()
	if err := openSession(ctx, b.session); err != nil {
		if ctx.Err() != nil {
			return nil // cancelled while starting
		}
		return fmt.Errorf("bot: connecting to the Discord gateway: %w", explainAuth(err))
	}
	b.mu.Lock()
	b.connected = true
	b.mu.Unlock()
	if err := b.registerCommands(ctx); err != nil && ctx.Err() == nil {
		b.shutdown(cancelWork, false)
		return err
	}
	b.log.Info("kabar bot ready", "user_id", selfID(b.session), "guild_id", b.cfg.GuildID,
		"shard_count", b.cfg.ShardCount, "mentions", b.cfg.Mentions)

	wdCtx, stopWatchdog := context.WithCancel(ctx)
	wdDone := make(chan struct{})
	go func() {
		defer close(wdDone)
		b.watchdog(wdCtx)
	}()

	<-ctx.Done()
	b.log.Info("shutting down", "reason", context.Cause(ctx))
	stopWatchdog()
	<-wdDone
	b.shutdown(cancelWork, true)
	return nil
}

// shutdown refuses new work, waits for work in flight (when wait is set)
// and closes the gateway connection.
func (b *Bot) shutdown(cancelWork context.CancelFunc, wait bool) {
	b.mu.Lock()
	if !b.closing {
		b.closing = true
		close(b.stopping)
	}
	b.mu.Unlock()
	if wait {
		done := make(chan struct{})
		go func() { b.inflight.Wait(); close(done) }()
		grace := time.NewTimer(b.cfg.AnswerTimeout + shutdownExtra)
		defer grace.Stop()
		select {
		case <-done:
		case <-grace.C:
			b.log.Warn("answers still running after the grace period; cancelling them")
			cancelWork()
			select {
			case <-done:
			case <-time.After(shutdownExtra):
				b.log.Error("answers did not stop after cancellation")
			}
		}
	}
	cancelWork()
	closeSession(b.session)
}

// begin registers a unit of work (an interaction or message). It returns
// false once shutdown has started.
func (b *Bot) begin() (context.Context, func(), bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing || b.work == nil {
		return nil, nil, false
	}
	b.inflight.Add(1)
	return b.work, b.inflight.Done, true
}

func (b *Bot) touch() { b.lastEvent.Store(time.Now().UnixNano()) }

// healthy reports whether the bot is serving and has heard from the
// gateway within the watchdog period.
func (b *Bot) healthy() bool {
	b.mu.Lock()
	serving := b.connected && !b.closing
	b.mu.Unlock()
	return serving && time.Since(b.lastActivity()) < b.cfg.GatewayWatchdog
}

func (b *Bot) channelAllowed(id string) bool {
	return len(b.allowed) == 0 || b.allowed[id]
}

// admit applies the guild concurrency limit and, when cooldown is set, the
// user's cooldown. It returns the slot's release, or a notice for the user.
func (b *Bot) admit(guildID, userID string, cooldown bool) (func(), string) {
	release, notice, _ := b.admitIn(guildID, userID, cooldown, langEN)
	return release, notice
}

// remember keeps a published answer under its key and message ids.
func (b *Bot) remember(key string, r answer.Result, messageIDs []string) {
	p := &published{result: r}
	b.results.put("k:"+key, p)
	for _, id := range messageIDs {
		b.results.put("m:"+id, p)
	}
}

func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// isModerator re-checks the invoking member's permissions: the command's
// default permissions can be overridden per guild, so they are not enough.
func isModerator(i *discordgo.Interaction) bool {
	if i.Member == nil {
		return false
	}
	p := i.Member.Permissions
	return p&discordgo.PermissionManageMessages != 0 || p&discordgo.PermissionAdministrator != 0
}
