package fakediscord

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Application command types.
const (
	CommandChatInput = 1
	CommandUser      = 2
	CommandMessage   = 3
)

var chatInputName = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

// Commands returns the commands registered for guildID ("" = global), in
// the shape Discord returns them.
func (s *Server) Commands(guildID string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, len(s.commands[guildID]))
	for _, c := range s.commands[guildID] {
		out = append(out, deepCopy(c))
	}
	return out
}

func (s *Server) getCommands(app, guildID string) reply {
	if app != ApplicationID {
		return reply{body: errNotFound(10002, "Unknown Application")}
	}
	out := []any{}
	for _, c := range s.commands[guildID] {
		out = append(out, c)
	}
	return reply{200, out}
}

// putCommands is the bulk overwrite: the given list replaces the scope's
// commands; commands keep their id when their name and type are unchanged.
func (s *Server) putCommands(app, guildID string, body any) reply {
	if app != ApplicationID {
		return reply{body: errNotFound(10002, "Unknown Application")}
	}
	list, ok := body.([]any)
	if !ok {
		return reply{body: errInvalidForm("_root", "Must be an array of application commands.")}
	}
	old := map[string]string{}
	for _, c := range s.commands[guildID] {
		old[fmt.Sprint(c["type"], "/", c["name"])] = c["id"].(string)
	}
	seen := map[string]bool{}
	stored := make([]map[string]any, 0, len(list))
	for i, x := range list {
		c, _ := x.(map[string]any)
		if err := validateCommand(c); err != "" {
			return reply{body: errInvalidForm(fmt.Sprintf("%d.%s", i, err), "Invalid application command.")}
		}
		c = deepCopy(c)
		if _, ok := c["type"]; !ok {
			c["type"] = float64(CommandChatInput)
		}
		key := fmt.Sprint(c["type"], "/", c["name"])
		if seen[key] {
			return reply{body: errInvalidForm(fmt.Sprintf("%d.name", i), "Application command names must be unique")}
		}
		seen[key] = true
		id := old[key]
		if id == "" {
			id = s.newID()
		}
		c["id"] = id
		c["application_id"] = ApplicationID
		c["version"] = s.newID()
		if guildID != "" {
			c["guild_id"] = guildID
		}
		if _, ok := c["default_member_permissions"]; !ok {
			c["default_member_permissions"] = nil
		}
		if _, ok := c["nsfw"]; !ok {
			c["nsfw"] = false
		}
		if _, ok := c["description"]; !ok {
			c["description"] = ""
		}
		stored = append(stored, c)
	}
	s.commands[guildID] = stored
	out := make([]any, len(stored))
	for i, c := range stored {
		out[i] = c
	}
	return reply{200, out}
}

// validateCommand applies Discord's rules for command definitions and
// returns the offending field, or "".
func validateCommand(c map[string]any) string {
	if c == nil {
		return "_root"
	}
	typ := CommandChatInput
	if _, ok := c["type"]; ok {
		typ = intField(c, "type")
	}
	name, _ := c["name"].(string)
	desc, _ := c["description"].(string)
	switch typ {
	case CommandChatInput:
		if !chatInputName.MatchString(name) || strings.ToLower(name) != name {
			return "name"
		}
		if n := utf8.RuneCountInString(desc); n < 1 || n > 100 {
			return "description"
		}
	case CommandUser, CommandMessage:
		if n := utf8.RuneCountInString(name); n < 1 || n > 32 {
			return "name"
		}
		if desc != "" {
			return "description"
		}
		if opts, _ := c["options"].([]any); len(opts) > 0 {
			return "options"
		}
	default:
		return "type"
	}
	if p, ok := c["default_member_permissions"]; ok && p != nil {
		ps, isString := p.(string)
		if !isString || ps == "" || strings.Trim(ps, "0123456789") != "" {
			return "default_member_permissions"
		}
	}
	opts, _ := c["options"].([]any)
	if len(opts) > 25 {
		return "options"
	}
	optional := false
	for i, o := range opts {
		op, _ := o.(map[string]any)
		if err := validateOption(op); err != "" {
			return fmt.Sprintf("options.%d.%s", i, err)
		}
		if req, _ := op["required"].(bool); req && optional {
			return fmt.Sprintf("options.%d.required", i)
		} else if !req {
			optional = true
		}
	}
	return ""
}

func validateOption(o map[string]any) string {
	if o == nil {
		return "_root"
	}
	name, _ := o["name"].(string)
	if !chatInputName.MatchString(name) || strings.ToLower(name) != name {
		return "name"
	}
	if n := chars(o["description"]); n < 1 || n > 100 {
		return "description"
	}
	typ := intField(o, "type")
	if typ < 1 || typ > 11 {
		return "type"
	}
	if auto, _ := o["autocomplete"].(bool); auto {
		if typ != 3 && typ != 4 && typ != 10 {
			return "autocomplete"
		}
		if ch, _ := o["choices"].([]any); len(ch) > 0 {
			return "choices"
		}
	}
	return ""
}

func deepCopy(m map[string]any) map[string]any {
	b, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	var out map[string]any
	if json.Unmarshal(b, &out) != nil {
		return nil
	}
	return out
}
