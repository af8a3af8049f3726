package answer

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/prompts"
)

// Bounds on the verification of one reply, so its cost is linear in the
// reply and small: the byte cap of the LLM client bounds the text, these
// bound the work on it.
const (
	// maxReplySentences is how many sentences of a reply are verified; an
	// answer within llm.max_tokens has far fewer. The rest is cut.
	maxReplySentences = 100
	// maxSentenceBytes is the longest sentence verified; a reply that
	// goes on longer without a sentence end is cut there.
	maxSentenceBytes = 4 << 10
	// maxHeld is how many uncheckable sentences ("The reports differ:")
	// wait for a supported one before the oldest is let go.
	maxHeld = 4
)

// errReplyCut is the cause left on the model's context when the verifier
// stops reading a reply that broke one of the bounds above.
var errReplyCut = errors.New("reply cut")

// VerifiedSentence is one sentence of a model's reply that passed the
// citation check, ready to be shown.
type VerifiedSentence struct {
	// Text is the sentence as the verifier rewrote it: markers that hold
	// (still numbered as the sources were offered), Markdown list prefix
	// kept.
	Text string
	// Sep joins it to the sentence before: " ", "\n" or "\n\n".
	Sep string
	// Supported is false for sentences that claim nothing checkable,
	// kept without markers ("The reports differ:").
	Supported bool
	// Verdicts are the verifier's findings on the sentence.
	Verdicts []cite.SentenceVerdict
}

// replyVerifier verifies a model's reply sentence by sentence as it grows
// and shows only what passed: the text shown (onShow) is always a prefix
// of the final answer before renumbering, and never holds a sentence that
// was not verified. Feed it the reply in any pieces, then call end.
type replyVerifier struct {
	g       *LLMGenerator
	ctx     context.Context
	sources []source
	csrc    []cite.Source
	onShow  func(string)       // may be nil
	stop    func(cause error)  // stops the model's reply; may be nil
	raw     strings.Builder    // the reply so far
	done    int                // bytes of raw consumed as complete sentences
	kept    []VerifiedSentence // confirmed, in order: the answer
	held    []VerifiedSentence // uncheckable, waiting for a supported one
	sep     string             // strongest separator since the last kept sentence
	seen    int                // sentences verified
	dropped int                // sentences dropped
	cut     string             // why the reply was cut short; "" when it was not
	err     error              // the context's error, once verification was canceled
	shown   string
	mc      *modelCheck // the model's second opinion over this reply
	whole   bool        // not streamed: confirm once, the whole reply, at the end
}

func (g *LLMGenerator) newReplyVerifier(ctx context.Context, sources []source, onShow func(string), stop func(error)) *replyVerifier {
	return &replyVerifier{g: g, ctx: ctx, sources: sources, csrc: withParagraphBefore(citeSources(sources), sources), onShow: onShow, stop: stop,
		mc: &modelCheck{on: g.entailOn}, whole: onShow == nil}
}

// feed adds a piece of the reply and verifies the sentences it completes.
func (v *replyVerifier) feed(delta string) {
	if v.cut != "" || v.err != nil || delta == "" {
		return
	}
	v.raw.WriteString(delta)
	if strings.ContainsAny(delta, ".!?…\n") || v.raw.Len()-v.done > maxSentenceBytes {
		v.process(false)
	}
}

// end verifies what is left of a reply that ended normally: its last
// sentence is complete. After a failure, call it with complete false: a
// sentence the model did not finish is not shown.
func (v *replyVerifier) end(complete bool) {
	if v.cut == "" && v.err == nil {
		v.process(complete)
	}
	if v.whole && v.err == nil && len(v.kept) > 0 {
		// One batched model check over the whole reply.
		v.kept = v.g.confirm(v.ctx, v.mc, nil, v.kept, v.sources)
		v.whole = false
	}
}

// reply is the model's text as received.
func (v *replyVerifier) reply() string { return v.raw.String() }

// answer is the verified answer: the kept sentences, joined.
func (v *replyVerifier) answer() string { return joinSentences(v.kept) }

func (v *replyVerifier) halt(reason string) {
	v.cut = reason
	if v.stop != nil {
		v.stop(fmt.Errorf("%w: %s", errReplyCut, reason))
	}
}

// process verifies the complete sentences of the unconsumed text; with
// final set the last sentence counts as complete too.
func (v *replyVerifier) process(final bool) {
	all := v.raw.String()
	if mayBeDecline(all) || prompts.Declined(all) {
		return // the decline marker, or maybe its start: never shown
	}
	tail := all[v.done:]
	sents := cite.ParseSentences(tail)
	n := len(sents)
	if n > 0 && (!final || !finished(sents[n-1])) {
		n-- // the last one may still grow, or the model stopped mid-sentence
	}
	prev := 0
	for _, s := range sents[:n] {
		if err := v.ctx.Err(); err != nil {
			v.err = err
			return
		}
		if v.seen >= maxReplySentences {
			v.halt(fmt.Sprintf("more than %d sentences", maxReplySentences))
			return
		}
		v.verify(tail[prev:s.End])
		prev = s.End
	}
	v.done += prev
	if !final && len(all)-v.done > maxSentenceBytes {
		v.halt(fmt.Sprintf("a sentence longer than %d bytes", maxSentenceBytes))
	}
}

// verify checks one sentence (with the white space before it) and shows
// it if it holds.
func (v *replyVerifier) verify(seg string) {
	body := strings.TrimLeft(seg, " \t\r\n")
	sep := separator(seg[:len(seg)-len(body)])
	if sepRank(sep) > sepRank(v.sep) {
		v.sep = sep
	}
	if strings.TrimSpace(body) == "" {
		return
	}
	v.seen++
	rep := v.g.verifier.Verify(body, v.csrc)
	vs := VerifiedSentence{Sep: v.sep, Verdicts: rep.Sentences}
	switch {
	case rep.Text != "":
		vs.Text, vs.Supported = rep.Text, true
	case allKept(rep.Sentences):
		vs.Text = strings.Join(strings.Fields(cite.StripMarkers(body)), " ")
		if vs.Text == "" {
			return
		}
		if len(v.kept) == 0 {
			// Nothing supported yet: an answer made only of such
			// sentences says nothing, so they wait for one that is.
			v.held = append(v.held, vs)
			if len(v.held) > maxHeld {
				v.held = v.held[1:]
			}
			v.sep = ""
			return
		}
	default:
		v.dropped++
		return
	}
	v.sep = ""
	batch := append(v.held, vs)
	v.held = nil
	if !v.whole {
		batch = v.g.confirm(v.ctx, v.mc, v.kept, batch, v.sources)
	}
	if len(batch) == 0 {
		return
	}
	v.kept = append(v.kept, batch...)
	v.show()
}

func (v *replyVerifier) show() {
	if v.onShow == nil {
		return
	}
	text := v.answer()
	if text != v.shown {
		v.shown = text
		v.onShow(text)
	}
}

// confirm (entail.go) is the last stage a verified sentence passes before
// it is shown: the model's second opinion, when configured.

// finished reports whether the last sentence of a reply that ended looks
// complete: it ends a sentence or carries a citation. A reply cut by
// max_tokens ends mid-sentence ("Kim Jong"), and a fragment is not a claim.
func finished(s cite.Sentence) bool {
	if len(s.Markers) > 0 {
		return true
	}
	t := strings.TrimRight(s.Text+s.Tail, " \t\r\n\"'”’»)")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
		strings.HasSuffix(t, "…") || strings.HasSuffix(t, ":")
}

func allKept(svs []cite.SentenceVerdict) bool {
	for _, s := range svs {
		if !s.Kept {
			return false
		}
	}
	return len(svs) > 0
}

// separator reads the white space between two sentences as the verifier
// would join them.
func separator(ws string) string {
	switch n := strings.Count(ws, "\n"); {
	case n >= 2:
		return "\n\n"
	case n == 1:
		return "\n"
	}
	return " "
}

func sepRank(s string) int {
	switch s {
	case "\n\n":
		return 3
	case "\n":
		return 2
	case " ":
		return 1
	}
	return 0
}

func joinSentences(ss []VerifiedSentence) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			sep := s.Sep
			if sep == "" {
				sep = " "
			}
			b.WriteString(sep)
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// withParagraphBefore gives each cited source the text of its paragraph
// before its chunk, so the verifier can read a pronoun subject of the
// chunk's first sentence ("…, ujarnya") as the name the sentence before
// opens with. A chunk whose offsets do not hold its text gets none.
func withParagraphBefore(cs []cite.Source, sources []source) []cite.Source {
	for i, s := range sources {
		ch := s.chunk
		if i < len(cs) && ch.Start > 0 && ch.Start < ch.End && ch.End <= len(s.doc.Text) && s.doc.Text[ch.Start:ch.End] == ch.Text {
			cs[i].Before = cite.ParagraphBefore(s.doc.Text, ch.Start)
		}
	}
	return cs
}
