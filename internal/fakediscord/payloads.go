package fakediscord

import (
	"errors"
	"strconv"
	"time"
)

// Interaction types.
const (
	InteractionCommand      = 2
	InteractionComponent    = 3
	InteractionAutocomplete = 4
)

// Option types of chat input commands.
const (
	OptionString  = 3
	OptionInteger = 4
	OptionBoolean = 5
)

// User is a Discord user as tests describe one.
type User struct {
	ID       string
	Username string
	Bot      bool
}

func (u User) json() map[string]any {
	name := u.Username
	if name == "" {
		name = "user" + u.ID
	}
	return map[string]any{"id": u.ID, "username": name, "discriminator": "0", "global_name": nil,
		"avatar": nil, "bot": u.Bot, "public_flags": 0}
}

// Option is one option value of a chat input command invocation.
type Option struct {
	Name    string
	Type    int
	Value   any
	Focused bool // the option being typed, for autocomplete
}

// String, Bool and Int build option values.
func String(name, v string) Option    { return Option{Name: name, Type: OptionString, Value: v} }
func Bool(name string, v bool) Option { return Option{Name: name, Type: OptionBoolean, Value: v} }
func Int(name string, v int) Option   { return Option{Name: name, Type: OptionInteger, Value: v} }

// Focus marks a string option as the one being typed (autocomplete).
func Focus(name, partial string) Option {
	return Option{Name: name, Type: OptionString, Value: partial, Focused: true}
}

// Interaction describes an interaction to dispatch. Data is the "data"
// object; build it with Command, MessageCommand or Button.
type Interaction struct {
	Type        int // InteractionCommand, InteractionComponent or InteractionAutocomplete
	GuildID     string
	ChannelID   string
	User        User
	Permissions int64          // the member's permissions in the channel
	Data        map[string]any // the "data" object
	Message     map[string]any // the message a component belongs to
	Locale      string         // the member's client locale; "" is en-US
}

// Sent identifies a dispatched interaction.
type Sent struct {
	ID    string
	Token string
}

// Command builds the data of a chat input command invocation.
func Command(name string, opts ...Option) map[string]any {
	list := make([]any, 0, len(opts))
	for _, o := range opts {
		op := map[string]any{"name": o.Name, "type": o.Type, "value": o.Value}
		if o.Focused {
			op["focused"] = true
		}
		list = append(list, op)
	}
	return map[string]any{"id": "3003", "name": name, "type": CommandChatInput, "options": list}
}

// MessageCommand builds the data of a message context-menu command run on
// target (a message as Message returns it).
func MessageCommand(name string, target map[string]any) map[string]any {
	id, _ := target["id"].(string)
	return map[string]any{"id": "3004", "name": name, "type": CommandMessage, "target_id": id,
		"resolved": map[string]any{"messages": map[string]any{id: target}}}
}

// Button builds the data of a button click.
func Button(customID string) map[string]any {
	return map[string]any{"custom_id": customID, "component_type": 2}
}

// DispatchInteraction sends INTERACTION_CREATE and remembers the
// interaction so its callback and webhook routes work.
func (s *Server) DispatchInteraction(in Interaction) (Sent, error) {
	if in.User.ID == "" {
		return Sent{}, errors.New("fakediscord: interaction needs a user id")
	}
	if in.Type == 0 {
		in.Type = InteractionCommand
	}
	s.mu.Lock()
	id := s.newID()
	token := "aW50ZXJhY3Rpb246" + id // tokens are opaque base64-ish strings
	s.interactions[token] = &interaction{id: id, token: token, channelID: in.ChannelID, guildID: in.GuildID, dispatched: time.Now()}
	s.mu.Unlock()
	locale := in.Locale
	if locale == "" {
		locale = "en-US"
	}

	payload := map[string]any{
		"id": id, "application_id": ApplicationID, "type": in.Type, "token": token, "version": 1,
		"channel_id": in.ChannelID, "locale": locale, "entitlements": []any{},
		"app_permissions": "2248473465835073", "data": in.Data,
		"channel": map[string]any{"id": in.ChannelID, "type": 0},
	}
	if in.GuildID != "" {
		payload["guild_id"] = in.GuildID
		payload["guild_locale"] = "en-US"
		payload["context"] = 0
		payload["authorizing_integration_owners"] = map[string]any{"0": in.GuildID}
		payload["member"] = map[string]any{
			"user": in.User.json(), "roles": []any{}, "joined_at": "2024-01-01T00:00:00.000000+00:00",
			"deaf": false, "mute": false, "flags": 0, "pending": false, "nick": nil, "avatar": nil,
			"premium_since": nil, "communication_disabled_until": nil,
			"permissions": strconv.FormatInt(in.Permissions, 10),
		}
		payload["channel"].(map[string]any)["guild_id"] = in.GuildID
	} else {
		payload["user"] = in.User.json()
		payload["context"] = 1
		payload["channel"].(map[string]any)["type"] = 1
	}
	if in.Message != nil {
		payload["message"] = in.Message
	}
	if err := s.Dispatch("INTERACTION_CREATE", payload); err != nil {
		return Sent{}, err
	}
	return Sent{ID: id, Token: token}, nil
}

// ChannelMessage describes a message a user posts in a channel.
type ChannelMessage struct {
	GuildID   string
	ChannelID string
	Author    User
	Content   string
	Mentions  []User
}

// DispatchMessageCreate stores the message (so threads can be started on
// it) and sends MESSAGE_CREATE. It returns the message id.
func (s *Server) DispatchMessageCreate(m ChannelMessage) (string, error) {
	mentions := make([]any, 0, len(m.Mentions))
	for _, u := range m.Mentions {
		mentions = append(mentions, u.json())
	}
	s.mu.Lock()
	id := s.newID()
	msg := map[string]any{
		"id": id, "type": 0, "channel_id": m.ChannelID, "author": m.Author.json(), "content": m.Content,
		"embeds": []any{}, "components": []any{}, "attachments": []any{}, "mentions": mentions,
		"mention_roles": []any{}, "mention_everyone": false, "pinned": false, "tts": false, "flags": 0,
		"timestamp": timestamp(time.Now()), "edited_timestamp": nil, "nonce": id,
	}
	if m.GuildID != "" {
		msg["guild_id"] = m.GuildID
	}
	s.messages[id] = msg
	s.channelMsgs[m.ChannelID] = append(s.channelMsgs[m.ChannelID], id)
	payload := copyMap(msg)
	if m.GuildID != "" {
		payload["member"] = map[string]any{"roles": []any{}, "joined_at": "2024-01-01T00:00:00.000000+00:00",
			"deaf": false, "mute": false, "flags": 0, "pending": false}
	}
	s.mu.Unlock()
	if err := s.Dispatch("MESSAGE_CREATE", payload); err != nil {
		return "", err
	}
	return id, nil
}

// Message returns a copy of a stored message in Discord's shape.
func (s *Server) Message(id string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return nil, false
	}
	return deepCopy(m), true
}

// Original returns a copy of an interaction's original response message.
func (s *Server) Original(token string) (map[string]any, bool) {
	s.mu.Lock()
	in := s.interactions[token]
	var id string
	if in != nil {
		id = in.originalID
	}
	s.mu.Unlock()
	if id == "" {
		return nil, false
	}
	return s.Message(id)
}

// ChannelMessages returns copies of the messages of a channel, oldest
// first.
func (s *Server) ChannelMessages(channelID string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, id := range s.channelMsgs[channelID] {
		if m := s.messages[id]; m != nil {
			out = append(out, deepCopy(m))
		}
	}
	return out
}
