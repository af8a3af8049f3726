package cite

import (
	"strings"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
)

// SentenceBefore returns the sentence a pronoun at byte offset start of
// docText may point back to — the last sentence of ParagraphBefore —
// verbatim, trimmed; empty when there is none. The model check shows it
// beside a cited chunk so that "he said" in the chunk has a name.
func SentenceBefore(docText string, start int) string {
	before := ParagraphBefore(docText, start)
	if strings.TrimSpace(before) == "" {
		return ""
	}
	lt := lexicon.Tokenize(before)
	if len(lt) == 0 {
		return ""
	}
	toks := make([]token, len(lt))
	for i, t := range lt {
		toks[i] = token{Token: t}
	}
	sents := sentenceRanges(before, toks)
	if len(sents) == 0 {
		return ""
	}
	from := 0 // the last sentence opens where the one before it ends, with its opening quote
	if first := sents[len(sents)-1][0]; first > 0 {
		from = toks[first-1].End
		gap := before[from:toks[first].Start]
		if i := strings.LastIndexAny(gap, ".!?…"); i >= 0 {
			_, size := utf8.DecodeRuneInString(gap[i:])
			from += i + size
			// a quote right after the full stop closes the sentence before
			from += len(gap[i+size:]) - len(strings.TrimLeft(gap[i+size:], "\"”'’"))
		}
	}
	return strings.TrimSpace(before[from:])
}
