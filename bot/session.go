package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

const (
	restTimeout = 20 * time.Second
	openTimeout = 30 * time.Second
)

// rewriteTransport sends requests for discord.com to another base URL.
// discordgo computes its endpoints once at package load, so redirecting
// at the transport is the only per-session way to change them.
type rewriteTransport struct {
	base   http.RoundTripper
	target *url.URL
}

func (t rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return t.base.RoundTrip(r)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme = t.target.Scheme
	r.URL.Host = t.target.Host
	r.URL.Path = t.target.Path + r.URL.Path
	if r.URL.RawPath != "" {
		r.URL.RawPath = t.target.Path + r.URL.RawPath
	}
	r.Host = t.target.Host
	return t.base.RoundTrip(r)
}

// newSession builds a discordgo session for cfg without connecting. The
// returned transport is the session's own, to be closed after use.
func newSession(cfg Config) (*discordgo.Session, *http.Transport, error) {
	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, nil, fmt.Errorf("creating Discord session: %w", err)
	}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: restTimeout,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   8,
		ForceAttemptHTTP2:     true,
	}
	var rt http.RoundTripper = tr
	if cfg.APIBaseURL != "" && cfg.APIBaseURL != discordBaseURL {
		target, _ := url.Parse(cfg.APIBaseURL) // validated by withDefaults
		target.Path = trimSlash(target.Path)
		rt = rewriteTransport{base: tr, target: target}
	}
	s.Client = &http.Client{Timeout: restTimeout, Transport: rt}
	s.Dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 15 * time.Second}
	s.ShardID = cfg.ShardID
	s.ShardCount = cfg.ShardCount
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true
	s.StateEnabled = true
	s.LogLevel = discordgo.LogError
	s.Identify.Intents = intents(cfg)
	return s, tr, nil
}

// intents are the gateway intents cfg needs. GUILD_MESSAGES is not
// privileged and suffices for "@Kabar question": Discord delivers the
// content of messages that mention the bot without MESSAGE_CONTENT, which
// is requested only to read thread follow-ups that do not mention it.
func intents(cfg Config) discordgo.Intent {
	in := discordgo.IntentsGuilds
	if cfg.Mentions || cfg.MessageContent {
		in |= discordgo.IntentsGuildMessages | discordgo.IntentsGuildMessageReactions
	}
	if cfg.MessageContent {
		in |= discordgo.IntentsMessageContent
	}
	return in
}

func trimSlash(p string) string {
	for len(p) > 0 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	return p
}

// openSession connects s to the gateway. discordgo's Open has no deadline
// of its own, so it runs in a goroutine bounded by ctx and openTimeout; a
// connection that completes after giving up is closed again.
func openSession(ctx context.Context, s *discordgo.Session) error {
	errc := make(chan error, 1)
	go func() { errc <- s.Open() }()
	timer := time.NewTimer(openTimeout)
	defer timer.Stop()
	var why error
	select {
	case err := <-errc:
		if errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			return nil
		}
		return err
	case <-ctx.Done():
		why = ctx.Err()
	case <-timer.C:
		why = fmt.Errorf("no READY within %s", openTimeout)
	}
	go func() {
		if <-errc == nil {
			_ = s.Close()
		}
	}()
	return why
}

// closeSession disconnects s for good. discordgo's heartbeat can race
// Close and start reconnecting forever, so reconnecting is switched off
// first, under the session lock its goroutines take before reading it.
func closeSession(s *discordgo.Session) {
	s.Lock()
	s.ShouldReconnectOnError = false
	s.Unlock()
	_ = s.Close()
}

// selfID is the bot's own user id, known once READY arrived.
func selfID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// appID is the bot's application id, known once READY arrived.
func appID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.Application != nil && s.State.Application.ID != "" {
		return s.State.Application.ID
	}
	if s.State.User != nil {
		return s.State.User.ID
	}
	return ""
}

// errBadToken explains what to do when Discord refuses the token.
const errBadToken = "Discord rejected the bot token: set DISCORD_TOKEN to the token from https://discord.com/developers/applications → your application → Bot → Reset Token (the token, not the application id or public key)"

// explainAuth adds what to do to an error caused by a wrong token: a 401
// from REST, or gateway close code 4004.
func explainAuth(err error) error {
	if err == nil {
		return nil
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return fmt.Errorf("%s (HTTP 401): %w", errBadToken, err)
	}
	if strings.Contains(err.Error(), "4004") {
		return fmt.Errorf("%s (gateway close 4004): %w", errBadToken, err)
	}
	return err
}
