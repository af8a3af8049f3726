package fakediscord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	OpDispatch       = 0
	OpHeartbeat      = 1
	OpIdentify       = 2
	OpResume         = 6
	OpInvalidSession = 9
	OpHello          = 10
	OpHeartbeatACK   = 11
)

const writeTimeout = 5 * time.Second

// Identify is the part of a client's IDENTIFY (op 2) a test may check.
// discordgo's own Identify type does not decode what it sends, hence this.
type Identify struct {
	Token      string            `json:"token"`
	Intents    int64             `json:"intents"`
	Shard      *[2]int           `json:"shard"`
	Compress   bool              `json:"compress"`
	Properties map[string]string `json:"properties"`
}

type resume struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

type event struct {
	seq   int64
	frame []byte
}

type gwConn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
}

func (c *gwConn) write(b []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(writeTimeout))
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

func (c *gwConn) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.write(b)
}

type frameOut struct {
	Op int     `json:"op"`
	D  any     `json:"d"`
	S  *int64  `json:"s"`
	T  *string `json:"t"`
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		if s.live == c {
			s.live = nil
		}
		s.notify()
		s.mu.Unlock()
		_ = ws.Close()
	}()

	hello := frameOut{Op: OpHello, D: map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}}
	if err := c.writeJSON(hello); err != nil {
		return
	}
	ws.SetReadLimit(1 << 20)
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var in struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(msg, &in); err != nil {
			_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4002, "Error while decoding payload."), time.Now().Add(writeTimeout))
			return
		}
		s.mu.Lock()
		s.frames = append(s.frames, Frame{Time: time.Now(), Op: in.Op, Data: in.D})
		s.notify()
		s.mu.Unlock()

		switch in.Op {
		case OpHeartbeat:
			s.mu.Lock()
			ack := !s.noACK
			s.mu.Unlock()
			if ack {
				if err := c.writeJSON(frameOut{Op: OpHeartbeatACK}); err != nil {
					return
				}
			}
		case OpIdentify:
			if !s.identify(c, in.D) {
				return
			}
		case OpResume:
			if !s.resume(c, in.D) {
				return
			}
		}
	}
}

func (s *Server) tokenOK(token string) bool {
	return s.opts.Token == "" || token == s.opts.Token || token == "Bot "+s.opts.Token
}

// identify starts a new session on c and sends READY.
func (s *Server) identify(c *gwConn, d json.RawMessage) bool {
	var id Identify
	if err := json.Unmarshal(d, &id); err != nil || !s.tokenOK(id.Token) {
		_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(writeTimeout))
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessionID = "session-" + s.newID()
	s.seq = 0
	s.events = nil
	ready := map[string]any{
		"v":                  9,
		"session_id":         s.sessionID,
		"resume_gateway_url": s.GatewayURL(),
		"user": map[string]any{
			"id": BotUserID, "username": BotUsername, "discriminator": "0",
			"global_name": nil, "avatar": nil, "bot": true, "verified": true,
			"mfa_enabled": false, "flags": 0,
		},
		"application":      map[string]any{"id": ApplicationID, "flags": 0},
		"guilds":           []any{},
		"private_channels": []any{},
		"user_settings":    map[string]any{},
		"relationships":    []any{},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	if err := s.dispatchLocked(c, "READY", ready); err != nil {
		return false
	}
	s.live = c
	return true
}

// resume replays the events the client missed, then sends RESUMED.
func (s *Server) resume(c *gwConn, d json.RawMessage) bool {
	var rs resume
	if err := json.Unmarshal(d, &rs); err != nil || !s.tokenOK(rs.Token) {
		_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(writeTimeout))
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if rs.SessionID == "" || rs.SessionID != s.sessionID {
		return c.writeJSON(frameOut{Op: OpInvalidSession, D: false}) == nil
	}
	for _, e := range s.events {
		if e.seq > rs.Seq {
			if err := c.write(e.frame); err != nil {
				return false
			}
		}
	}
	if err := s.dispatchLocked(c, "RESUMED", map[string]any{}); err != nil {
		return false
	}
	s.live = c
	return true
}

// dispatchLocked numbers an event, keeps it for replay and writes it to c
// when c is not nil. Callers hold s.mu.
func (s *Server) dispatchLocked(c *gwConn, typ string, data any) error {
	s.seq++
	seq := s.seq
	b, err := json.Marshal(frameOut{Op: OpDispatch, D: data, S: &seq, T: &typ})
	if err != nil {
		return fmt.Errorf("fakediscord: encoding %s: %w", typ, err)
	}
	s.events = append(s.events, event{seq: seq, frame: b})
	if c == nil {
		return nil
	}
	return c.write(b)
}

// Dispatch sends a gateway event of type typ with data as "d". When no
// client is connected, the event is kept and replayed when the client
// resumes, as Discord does.
func (s *Server) Dispatch(typ string, data any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sessionID == "" {
		return errors.New("fakediscord: no gateway session: the client has not identified")
	}
	err := s.dispatchLocked(s.live, typ, data)
	if err != nil {
		return fmt.Errorf("fakediscord: dispatching %s: %w", typ, err)
	}
	return nil
}

// DropConnection cuts the live gateway connection without a close frame,
// like a network failure. The client may RESUME afterwards.
func (s *Server) DropConnection() {
	s.mu.Lock()
	c := s.live
	s.live = nil
	s.mu.Unlock()
	if c != nil {
		_ = c.ws.UnderlyingConn().Close()
	}
}

// SetHeartbeatACK turns acknowledging heartbeats on (the default) or off,
// to make a client believe the connection went stale.
func (s *Server) SetHeartbeatACK(on bool) {
	s.mu.Lock()
	s.noACK = !on
	s.mu.Unlock()
}

// Identifies returns every IDENTIFY received so far.
func (s *Server) Identifies() []Identify {
	var out []Identify
	for _, f := range s.Frames() {
		if f.Op == OpIdentify {
			var id Identify
			if json.Unmarshal(f.Data, &id) == nil {
				out = append(out, id)
			}
		}
	}
	return out
}

// WaitConnected waits until a client has identified or resumed on a live
// connection.
func (s *Server) WaitConnected(ctx context.Context) error {
	return s.waitFor(ctx, "a connected gateway client", func() bool { return s.live != nil })
}

// WaitResumed waits until a client has sent a RESUME at or after since
// and is live again.
func (s *Server) WaitResumed(ctx context.Context, since time.Time) error {
	if _, err := s.WaitFrame(ctx, OpResume, since); err != nil {
		return err
	}
	return s.WaitConnected(ctx)
}

// Connected reports whether a client is identified on a live connection.
func (s *Server) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live != nil
}
