package fakediscord

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// apiError is Discord's JSON error body.
type apiError struct {
	status int
	Code   int            `json:"code"`
	Msg    string         `json:"message"`
	Errors map[string]any `json:"errors,omitempty"`
}

func errNotFound(code int, msg string) *apiError {
	return &apiError{status: http.StatusNotFound, Code: code, Msg: msg}
}

func errInvalidForm(field, msg string) *apiError {
	return &apiError{status: http.StatusBadRequest, Code: 50035, Msg: "Invalid Form Body",
		Errors: map[string]any{field: map[string]any{"_errors": []any{map[string]any{"code": "BASE_TYPE_INVALID", "message": msg}}}}}
}

// reply is what a route returns: a status and an optional JSON body.
type reply struct {
	status int
	body   any
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	raw, files, _ := splitMultipart(r, raw) // a malformed upload stays raw: invalid JSON below
	path := r.URL.Path
	for _, prefix := range []string{"/api/v9", "/api/v10"} {
		if strings.HasPrefix(path, prefix+"/") {
			path = strings.TrimPrefix(path, prefix)
		}
	}
	req := Request{Time: time.Now(), Method: r.Method, Path: path, Query: r.URL.Query(), Raw: raw, Files: files}
	if len(bytes.TrimSpace(raw)) > 0 {
		var v any
		if err := json.Unmarshal(raw, &v); err == nil {
			req.Body = v
		}
	}

	s.mu.Lock()
	var out reply
	switch {
	case !s.authorized(r, path):
		out = reply{http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0}}
	case req.Body == nil && len(bytes.TrimSpace(raw)) > 0:
		out = reply{http.StatusBadRequest, map[string]any{"message": "The request body contains invalid JSON.", "code": 50109}}
	default:
		if rl := s.takeRateLimit(req); rl != nil {
			req.Status = http.StatusTooManyRequests
			s.record(req)
			s.mu.Unlock()
			writeRateLimited(w, rl)
			return
		}
		// The route gets its own decoded copy so stored messages never
		// share maps with recorded requests.
		routed := req
		if req.Body != nil {
			var v any
			_ = json.Unmarshal(raw, &v)
			routed.Body = v
		}
		out = s.route(routed)
	}
	if e, ok := out.body.(*apiError); ok {
		out.status = e.status
	}
	req.Status = out.status
	s.record(req)
	// Encode under the lock: the body may share maps with stored messages.
	var resp []byte
	if out.body != nil {
		resp, _ = json.Marshal(out.body)
	}
	s.mu.Unlock()

	if resp == nil {
		w.WriteHeader(out.status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(out.status)
	_, _ = w.Write(resp)
}

// authorized checks the bot token. Interaction and webhook routes are
// authorised by the token in their path, as on Discord.
func (s *Server) authorized(r *http.Request, path string) bool {
	if s.opts.Token == "" {
		return true
	}
	auth := r.Header.Get("Authorization")
	if strings.HasPrefix(path, "/interactions/") || strings.HasPrefix(path, "/webhooks/") {
		return auth == "" || auth == "Bot "+s.opts.Token
	}
	return auth == "Bot "+s.opts.Token
}

// route dispatches a request. Callers hold s.mu.
func (s *Server) route(req Request) reply {
	seg := strings.Split(strings.Trim(req.Path, "/"), "/")
	m := req.Method
	switch {
	case req.Is("GET", "/gateway"):
		return reply{200, map[string]any{"url": s.GatewayURL()}}
	case req.Is("GET", "/gateway/bot"):
		return reply{200, map[string]any{"url": s.GatewayURL(), "shards": 1,
			"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}}}
	case req.Is("GET", "/users/@me"):
		return reply{200, botUser()}
	case req.Is("GET", "/oauth2/applications/@me"):
		return reply{200, map[string]any{"id": ApplicationID, "name": "Kabar", "description": "", "bot_public": true,
			"bot_require_code_grant": false, "flags": 0, "bot": botUser()}}

	case req.Is("PUT", "/applications/*/commands"):
		return s.putCommands(seg[1], "", req.Body)
	case req.Is("GET", "/applications/*/commands"):
		return s.getCommands(seg[1], "")
	case req.Is("PUT", "/applications/*/guilds/*/commands"):
		return s.putCommands(seg[1], seg[3], req.Body)
	case req.Is("GET", "/applications/*/guilds/*/commands"):
		return s.getCommands(seg[1], seg[3])

	case req.Is("POST", "/interactions/*/*/callback"):
		return s.callback(seg[1], seg[2], req.Object())
	case req.Is("POST", "/webhooks/*/*"):
		return s.followup(seg[1], seg[2], req.Query.Get("wait") == "true", req.Object())
	case len(seg) == 5 && seg[0] == "webhooks" && seg[3] == "messages" && (m == "GET" || m == "PATCH" || m == "DELETE"):
		return s.webhookMessage(m, seg[1], seg[2], seg[4], req.Object())

	case req.Is("POST", "/channels/*/messages"):
		return s.createChannelMessage(seg[1], req.Object())
	case req.Is("GET", "/channels/*/messages"):
		return s.listChannelMessages(seg[1], req.Query.Get("limit"))
	case req.Is("GET", "/channels/*/messages/*"):
		return s.getChannelMessage(seg[1], seg[3])
	case req.Is("PATCH", "/channels/*/messages/*"):
		return s.editChannelMessage(seg[1], seg[3], req.Object())
	case req.Is("POST", "/channels/*/messages/*/threads"):
		return s.startThread(seg[1], seg[3], req.Object())
	case req.Is("PUT", "/channels/*/messages/*/reactions/*/@me"):
		return reply{status: http.StatusNoContent}
	}
	return reply{404, map[string]any{"message": "404: Not Found", "code": 0}}
}

func botUser() map[string]any {
	return map[string]any{"id": BotUserID, "username": BotUsername, "discriminator": "0", "global_name": nil,
		"avatar": nil, "bot": true, "public_flags": 0}
}

func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000+00:00")
}

// --- interactions ---------------------------------------------------------

const (
	callbackPong            = 1
	callbackMessage         = 4
	callbackDeferredMessage = 5
	callbackDeferredUpdate  = 6
	callbackUpdateMessage   = 7
	callbackAutocomplete    = 8
	callbackModal           = 9

	flagEphemeral = 1 << 6
	flagLoading   = 1 << 7
)

func (s *Server) interactionByID(id, token string) *interaction {
	in := s.interactions[token]
	if in == nil || in.id != id {
		return nil
	}
	return in
}

func (s *Server) callback(id, token string, body map[string]any) reply {
	in := s.interactionByID(id, token)
	if in == nil || time.Since(in.dispatched) > s.opts.AckWindow {
		return reply{body: errNotFound(10062, "Unknown interaction")}
	}
	if in.acked {
		return reply{body: &apiError{status: 400, Code: 40060, Msg: "Interaction has already been acknowledged."}}
	}
	typ, ok := body["type"].(float64)
	if !ok {
		return reply{body: errInvalidForm("type", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.")}
	}
	data, _ := body["data"].(map[string]any)
	switch int(typ) {
	case callbackMessage, callbackDeferredMessage:
		if int(typ) == callbackMessage {
			if e := validateMessage(data, true); e != nil {
				return reply{body: e}
			}
		}
		flags := intField(data, "flags")
		msg := s.newMessage(in.channelID, data, true)
		in.ephemeral = flags&flagEphemeral != 0
		if int(typ) == callbackDeferredMessage {
			msg["content"] = ""
			msg["embeds"] = []any{}
			msg["components"] = []any{}
			msg["flags"] = flags&flagEphemeral | flagLoading
		} else {
			msg["flags"] = flags & flagEphemeral
		}
		in.originalID = msg["id"].(string)
	case callbackDeferredUpdate, callbackUpdateMessage:
		if int(typ) == callbackUpdateMessage {
			if e := validateMessage(data, false); e != nil {
				return reply{body: e}
			}
		}
	case callbackAutocomplete:
		if e := validateChoices(data); e != nil {
			return reply{body: e}
		}
	case callbackPong, callbackModal:
	default:
		return reply{body: errInvalidForm("type", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.")}
	}
	in.acked = true
	return reply{status: http.StatusNoContent}
}

func (s *Server) interactionByToken(app, token string) *interaction {
	if app != ApplicationID {
		return nil
	}
	return s.interactions[token]
}

func (s *Server) followup(app, token string, wait bool, body map[string]any) reply {
	in := s.interactionByToken(app, token)
	if in == nil {
		return reply{body: errNotFound(10015, "Unknown Webhook")}
	}
	if !in.acked {
		return reply{body: errNotFound(10015, "Unknown Webhook")}
	}
	if e := validateMessage(body, true); e != nil {
		return reply{body: e}
	}
	msg := s.newMessage(in.channelID, body, true)
	msg["flags"] = intField(body, "flags") & flagEphemeral
	if !wait {
		return reply{status: http.StatusNoContent}
	}
	return reply{200, msg}
}

func (s *Server) webhookMessage(method, app, token, msgID string, body map[string]any) reply {
	in := s.interactionByToken(app, token)
	if in == nil {
		return reply{body: errNotFound(10015, "Unknown Webhook")}
	}
	if msgID == "@original" {
		msgID = in.originalID
	}
	msg := s.messages[msgID]
	if msg == nil {
		return reply{body: errNotFound(10008, "Unknown Message")}
	}
	switch method {
	case "GET":
		return reply{200, msg}
	case "DELETE":
		delete(s.messages, msgID)
		return reply{status: http.StatusNoContent}
	}
	if e := validateMessage(body, false); e != nil {
		return reply{body: e}
	}
	s.applyEdit(msg, body)
	return reply{200, msg}
}

// --- channel messages -----------------------------------------------------

func (s *Server) createChannelMessage(channelID string, body map[string]any) reply {
	if e := validateMessage(body, true); e != nil {
		return reply{body: e}
	}
	msg := s.newMessage(channelID, body, false)
	if ref, ok := body["message_reference"].(map[string]any); ok {
		msg["message_reference"] = ref
		msg["type"] = 19 // reply
	}
	return reply{200, msg}
}

func (s *Server) listChannelMessages(channelID, limit string) reply {
	n, err := strconv.Atoi(limit)
	if err != nil || n <= 0 || n > 100 {
		n = 50
	}
	ids := s.channelMsgs[channelID]
	out := []any{}
	for i := len(ids) - 1; i >= 0 && len(out) < n; i-- {
		if m := s.messages[ids[i]]; m != nil {
			out = append(out, m)
		}
	}
	return reply{200, out}
}

func (s *Server) getChannelMessage(channelID, msgID string) reply {
	msg := s.messages[msgID]
	if msg == nil || msg["channel_id"] != channelID {
		return reply{body: errNotFound(10008, "Unknown Message")}
	}
	return reply{200, msg}
}

func (s *Server) editChannelMessage(channelID, msgID string, body map[string]any) reply {
	msg := s.messages[msgID]
	if msg == nil || msg["channel_id"] != channelID {
		return reply{body: errNotFound(10008, "Unknown Message")}
	}
	if author, _ := msg["author"].(map[string]any); author["id"] != BotUserID {
		return reply{body: &apiError{status: 403, Code: 50005, Msg: "Cannot edit a message authored by another user"}}
	}
	if e := validateMessage(body, false); e != nil {
		return reply{body: e}
	}
	s.applyEdit(msg, body)
	return reply{200, msg}
}

func (s *Server) startThread(channelID, msgID string, body map[string]any) reply {
	msg := s.messages[msgID]
	if msg == nil || msg["channel_id"] != channelID {
		return reply{body: errNotFound(10008, "Unknown Message")}
	}
	if _, ok := msg["thread"]; ok {
		return reply{body: &apiError{status: 400, Code: 160004, Msg: "A thread has already been created for this message"}}
	}
	name, _ := body["name"].(string)
	if n := len([]rune(name)); n < 1 || n > 100 {
		return reply{body: errInvalidForm("name", "Must be between 1 and 100 in length.")}
	}
	archive := intField(body, "auto_archive_duration")
	if archive == 0 {
		archive = 4320
	}
	guildID, _ := msg["guild_id"].(string)
	thread := map[string]any{
		"id": msgID, "type": 11, "guild_id": guildID, "parent_id": channelID, "name": name,
		"owner_id": BotUserID, "last_message_id": nil, "rate_limit_per_user": 0, "flags": 0,
		"message_count": 0, "member_count": 1, "total_message_sent": 0,
		"thread_metadata": map[string]any{"archived": false, "auto_archive_duration": archive,
			"archive_timestamp": timestamp(time.Now()), "locked": false},
		"member": map[string]any{"id": msgID, "user_id": BotUserID, "join_timestamp": timestamp(time.Now()), "flags": 0},
	}
	msg["thread"] = thread
	return reply{201, thread}
}

// newMessage stores and returns a message the bot created, in the shape
// Discord returns. Callers hold s.mu.
func (s *Server) newMessage(channelID string, body map[string]any, webhook bool) map[string]any {
	id := s.newID()
	msg := map[string]any{
		"id": id, "type": 0, "channel_id": channelID, "author": botUser(),
		"content": "", "embeds": []any{}, "components": []any{}, "attachments": []any{},
		"mentions": []any{}, "mention_roles": []any{}, "mention_everyone": false,
		"pinned": false, "tts": false, "flags": 0,
		"timestamp": timestamp(time.Now()), "edited_timestamp": nil,
	}
	if webhook {
		msg["webhook_id"] = ApplicationID
		msg["application_id"] = ApplicationID
	}
	s.applyFields(msg, body)
	s.messages[id] = msg
	s.channelMsgs[channelID] = append(s.channelMsgs[channelID], id)
	return msg
}

func (s *Server) applyEdit(msg, body map[string]any) {
	s.applyFields(msg, body)
	msg["edited_timestamp"] = timestamp(time.Now())
	if f := intField(msg, "flags"); f&flagLoading != 0 {
		msg["flags"] = f &^ flagLoading
	}
}

func (s *Server) applyFields(msg, body map[string]any) {
	if v, ok := body["content"].(string); ok {
		msg["content"] = v
	}
	if v, ok := body["embeds"].([]any); ok {
		embeds := make([]any, 0, len(v))
		for _, e := range v {
			if em, ok := e.(map[string]any); ok {
				em = copyMap(em)
				if _, ok := em["type"]; !ok {
					em["type"] = "rich"
				}
				embeds = append(embeds, em)
			}
		}
		msg["embeds"] = embeds
	}
	if v, ok := body["components"].([]any); ok {
		msg["components"] = v
	}
	if v, ok := attachmentsOf(body); ok {
		msg["attachments"] = v
	}
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func intField(m map[string]any, key string) int {
	f, _ := m[key].(float64)
	return int(f)
}
