// Package fakediscord is an in-process Discord for tests: a loopback HTTP
// server that speaks Discord's REST API (v9) and gateway websocket protocol
// closely enough for the real discordgo client to connect, identify, resume
// and call the routes a bot uses. Tests dispatch gateway events, inject
// rate limits and dropped connections, and wait on the recorded requests
// instead of sleeping. Payloads follow Discord's exact shapes (string
// snowflakes, string permission bit sets, RFC 3339 timestamps) because
// discordgo silently hands zero structs to handlers when a field does not
// decode. It also enforces the limits Discord enforces (message sizes, the
// 3-second acknowledgement window, single acknowledgement) so that a bot
// that passes here would not be rejected by Discord.
package fakediscord

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Identifiers of the bot user and its application, as announced in READY.
const (
	BotUserID     = "1001"
	ApplicationID = "2002"
	BotUsername   = "kabar"
)

// AckWindow is how long after dispatch an interaction may be acknowledged;
// later callbacks get Discord's 404 "Unknown interaction" (code 10062).
const AckWindow = 3 * time.Second

// Options configure a Server.
type Options struct {
	// Token is the bot token requests must carry as "Authorization: Bot
	// <Token>" (REST) and in IDENTIFY/RESUME. Empty accepts any token.
	Token string
	// HeartbeatInterval is announced in HELLO; zero means Discord's usual
	// 41.25 s.
	HeartbeatInterval time.Duration
	// AckWindow overrides the 3 s acknowledgement window (zero = AckWindow).
	AckWindow time.Duration
}

// Server is a fake Discord. Create it with New and Close it after the
// clients connected to it.
type Server struct {
	opts     Options
	http     *httptest.Server
	upgrader websocket.Upgrader

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever something is recorded
	closed  bool
	nextID  int64

	requests []Request
	frames   []Frame
	limits   []*rateLimit

	// gateway
	conns     map[*gwConn]struct{}
	live      *gwConn // the identified or resumed connection events go to
	sessionID string
	seq       int64
	events    []event // dispatched in this session, for RESUME replay
	noACK     bool

	// REST state
	commands     map[string][]map[string]any // scope ("" global or guild id) → commands
	interactions map[string]*interaction     // by token
	messages     map[string]map[string]any   // by message id
	channelMsgs  map[string][]string         // channel id → message ids, oldest first
}

type interaction struct {
	id, token, channelID, guildID string
	dispatched                    time.Time
	acked                         bool
	originalID                    string
	ephemeral                     bool
}

// New starts a fake Discord on a loopback port.
func New(opts Options) *Server {
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = 41250 * time.Millisecond
	}
	if opts.AckWindow <= 0 {
		opts.AckWindow = AckWindow
	}
	s := &Server{
		opts:         opts,
		upgrader:     websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
		changed:      make(chan struct{}),
		nextID:       1_300_000_000_000_000_000,
		conns:        map[*gwConn]struct{}{},
		commands:     map[string][]map[string]any{},
		interactions: map[string]*interaction{},
		messages:     map[string]map[string]any{},
		channelMsgs:  map[string][]string{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", s.serveGateway)
	mux.HandleFunc("/ws/", s.serveGateway)
	mux.HandleFunc("/api/", s.serveREST)
	s.http = httptest.NewServer(mux)
	return s
}

// URL is the server's base address (http://127.0.0.1:PORT), to be used in
// place of https://discord.com.
func (s *Server) URL() string { return s.http.URL }

// GatewayURL is the websocket address GET /gateway returns.
func (s *Server) GatewayURL() string {
	return "ws" + strings.TrimPrefix(s.http.URL, "http") + "/ws"
}

// Close drops every gateway connection and stops the server. Close the
// clients first: a client that reconnects forever would otherwise spin.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.live = nil
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.Close()
	}
	s.http.Close()
}

// newID returns a fresh snowflake. Callers hold s.mu.
func (s *Server) newID() string {
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

// notify wakes every waiter. Callers hold s.mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitFor polls check under the lock each time something is recorded until
// it reports true or ctx ends.
func (s *Server) waitFor(ctx context.Context, what string, check func() bool) error {
	for {
		s.mu.Lock()
		ok := check()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("fakediscord: waiting for %s: %w", what, ctx.Err())
		}
	}
}
