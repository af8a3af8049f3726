package fakediscord

import (
	"fmt"
	"unicode/utf8"
)

// Discord's message limits, counted in characters.
const (
	maxContent      = 2000
	maxEmbeds       = 10
	maxEmbedTitle   = 256
	maxEmbedDesc    = 4096
	maxEmbedFields  = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxAuthorName   = 256
	maxEmbedsTotal  = 6000
	maxActionRows   = 5
	maxRowButtons   = 5
	maxCustomID     = 100
	maxButtonLabel  = 80
	maxChoices      = 25
	maxChoiceName   = 100
	maxChoiceString = 100
)

func chars(v any) int {
	s, _ := v.(string)
	return utf8.RuneCountInString(s)
}

// validateMessage applies Discord's limits to a message payload. create
// says the payload creates a message, which must not be empty.
func validateMessage(body map[string]any, create bool) *apiError {
	if body == nil {
		if create {
			return &apiError{status: 400, Code: 50006, Msg: "Cannot send an empty message"}
		}
		return nil
	}
	if n := chars(body["content"]); n > maxContent {
		return errInvalidForm("content", fmt.Sprintf("Must be %d or fewer in length.", maxContent))
	}
	embeds, _ := body["embeds"].([]any)
	if len(embeds) > maxEmbeds {
		return errInvalidForm("embeds", fmt.Sprintf("Must be %d or fewer in length.", maxEmbeds))
	}
	total := 0
	for i, e := range embeds {
		em, _ := e.(map[string]any)
		n, err := validateEmbed(em)
		if err != "" {
			return errInvalidForm(fmt.Sprintf("embeds.%d.%s", i, err), "Must be within Discord's embed limits.")
		}
		total += n
	}
	if total > maxEmbedsTotal {
		return errInvalidForm("embeds", fmt.Sprintf("Embed size exceeds maximum size of %d", maxEmbedsTotal))
	}
	comps, _ := body["components"].([]any)
	if err := validateComponents(comps); err != "" {
		return errInvalidForm("components."+err, "Invalid component.")
	}
	if am, ok := body["allowed_mentions"].(map[string]any); ok {
		if p, ok := am["parse"].([]any); ok {
			for _, t := range p {
				if t != "users" && t != "roles" && t != "everyone" {
					return errInvalidForm("allowed_mentions.parse", "Value must be one of ('roles', 'users', 'everyone').")
				}
			}
		}
	}
	if create {
		content, _ := body["content"].(string)
		if content == "" && len(embeds) == 0 && len(comps) == 0 {
			return &apiError{status: 400, Code: 50006, Msg: "Cannot send an empty message"}
		}
	}
	return nil
}

// validateEmbed returns the embed's size and the offending field, if any.
func validateEmbed(em map[string]any) (int, string) {
	if em == nil {
		return 0, "type"
	}
	size := 0
	check := func(field string, v any, limit int) string {
		n := chars(v)
		size += n
		if n > limit {
			return field
		}
		return ""
	}
	if f := check("title", em["title"], maxEmbedTitle); f != "" {
		return size, f
	}
	if f := check("description", em["description"], maxEmbedDesc); f != "" {
		return size, f
	}
	if footer, ok := em["footer"].(map[string]any); ok {
		if f := check("footer.text", footer["text"], maxFooter); f != "" {
			return size, f
		}
	}
	if author, ok := em["author"].(map[string]any); ok {
		if f := check("author.name", author["name"], maxAuthorName); f != "" {
			return size, f
		}
	}
	fields, _ := em["fields"].([]any)
	if len(fields) > maxEmbedFields {
		return size, "fields"
	}
	for i, x := range fields {
		fd, _ := x.(map[string]any)
		if chars(fd["name"]) == 0 || chars(fd["value"]) == 0 {
			return size, fmt.Sprintf("fields.%d", i)
		}
		if f := check(fmt.Sprintf("fields.%d.name", i), fd["name"], maxFieldName); f != "" {
			return size, f
		}
		if f := check(fmt.Sprintf("fields.%d.value", i), fd["value"], maxFieldValue); f != "" {
			return size, f
		}
	}
	return size, ""
}

func validateComponents(rows []any) string {
	if len(rows) > maxActionRows {
		return "length"
	}
	for i, r := range rows {
		row, _ := r.(map[string]any)
		if intField(row, "type") != 1 {
			return fmt.Sprintf("%d.type", i)
		}
		items, _ := row["components"].([]any)
		if len(items) == 0 || len(items) > maxRowButtons {
			return fmt.Sprintf("%d.components", i)
		}
		for j, it := range items {
			c, _ := it.(map[string]any)
			if intField(c, "type") != 2 {
				continue
			}
			id, hasID := c["custom_id"].(string)
			url, hasURL := c["url"].(string)
			if hasID == hasURL || (hasID && (id == "" || chars(id) > maxCustomID)) || (hasURL && url == "") {
				return fmt.Sprintf("%d.components.%d.custom_id", i, j)
			}
			if chars(c["label"]) > maxButtonLabel {
				return fmt.Sprintf("%d.components.%d.label", i, j)
			}
			if chars(c["label"]) == 0 && c["emoji"] == nil {
				return fmt.Sprintf("%d.components.%d.label", i, j)
			}
		}
	}
	return ""
}

func validateChoices(data map[string]any) *apiError {
	choices, ok := data["choices"].([]any)
	if !ok {
		return errInvalidForm("data.choices", "This field is required")
	}
	if len(choices) > maxChoices {
		return errInvalidForm("data.choices", fmt.Sprintf("Must be %d or fewer in length.", maxChoices))
	}
	for i, c := range choices {
		ch, _ := c.(map[string]any)
		if n := chars(ch["name"]); n < 1 || n > maxChoiceName {
			return errInvalidForm(fmt.Sprintf("data.choices.%d.name", i), "Must be between 1 and 100 in length.")
		}
		if s, ok := ch["value"].(string); ok && utf8.RuneCountInString(s) > maxChoiceString {
			return errInvalidForm(fmt.Sprintf("data.choices.%d.value", i), "Must be 100 or fewer in length.")
		}
		if ch["value"] == nil {
			return errInvalidForm(fmt.Sprintf("data.choices.%d.value", i), "This field is required")
		}
	}
	return nil
}
