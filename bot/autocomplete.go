package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
)

const (
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
)

// handleAutocomplete suggests articles for the "article" and "doc"
// options: titles (or ids) containing what was typed.
func (b *Bot) handleAutocomplete(ctx context.Context, i *discordgo.Interaction) outcome {
	typed := ""
	for _, o := range i.ApplicationCommandData().Options {
		if o.Focused {
			typed, _ = o.Value.(string)
		}
	}
	if err := b.autocompleteResult(ctx, i, b.articleChoices(typed)); err != nil {
		b.log.Warn("autocomplete failed", "err", err, "interaction", i.ID)
		return outcome{result: "error"}
	}
	return outcome{result: "choices"}
}

func (b *Bot) articleChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	q := strings.ToLower(strings.TrimSpace(typed))
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, d := range b.lib.Documents() {
		if len(choices) == maxChoices {
			break
		}
		if d.ID == "" || len(d.ID) > maxChoiceValue {
			continue
		}
		title := oneLine(d.Title)
		if q != "" && !strings.Contains(strings.ToLower(title), q) && !strings.Contains(strings.ToLower(d.ID), q) {
			continue
		}
		name := shortTitle(title)
		if name == "" { // no title: the article's opening words, never its hash id
			name = shortTitle(strings.SplitN(strings.TrimSpace(d.Text), "\n", 2)[0])
		}
		if name == "" {
			name = d.ID
		}
		if d.Outlet != "" {
			name += " — " + oneLine(d.Outlet)
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: truncate(name, maxChoiceName), Value: d.ID})
	}
	return choices
}
