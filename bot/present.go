package bot

import "github.com/kabar-bot/kabar/answer"

// present renders a result for members: article addresses filled in from
// the library, the chrome in the answer's language (fallback: the
// asker's locale), the model named in the footer of written answers.
func (b *Bot) present(r answer.Result, key string, fallback lang) []outMessage {
	r = withURLs(r, b.lib)
	return renderAnswerWith(r, key, renderOpts{lang: resultLang(r, fallback), model: b.cfg.Model})
}
