package answer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/prompts"
)

// What Result.Verification says about the sentences of an answer.
const (
	// VerificationLexical: the citation verifier alone judged them (no
	// model check configured, or the model check failed, timed out or
	// answered malformed verdicts, so the lexical verdict stood).
	VerificationLexical = "lexical"
	// VerificationModel: every cited sentence shown passed the citation
	// verifier and the model agreed its passages entail it.
	VerificationModel = "lexical+model"
)

// DefaultEntailTimeout bounds one entailment request.
const DefaultEntailTimeout = 10 * time.Second

// maxEntailClaims is how many sentences one entailment request carries;
// an answer within llm.max_tokens has fewer, so it is one request.
const maxEntailClaims = 32

// modelCheck is the state of the model's second opinion over one answer.
type modelCheck struct {
	on      bool // the model check is configured
	checked int  // requests whose verdicts were used
	failed  int  // requests that failed, timed out or were malformed
}

// verification is what the answer's Result says: "lexical+model" only when
// the model judged every cited sentence checked and no request failed.
func (m *modelCheck) verification() string {
	if m == nil || !m.on || m.failed > 0 || m.checked == 0 {
		return VerificationLexical
	}
	return VerificationModel
}

// entailVerdict is one verdict of the model's JSON reply.
type entailVerdict struct {
	Claim    int    `json:"claim"`
	Entailed *bool  `json:"entailed"`
	Reason   string `json:"reason"`
}

// errMalformedVerdicts means the model's reply was not the verdicts asked
// for.
var errMalformedVerdicts = errors.New("malformed entailment verdicts")

// confirm is the last stage a lexically verified sentence passes before
// anyone sees it: with the model check on, one batched, time-bounded
// request asks the model whether each sentence's cited passages entail
// it, and only the sentences both agree on are returned. When the request
// fails, times out or answers malformed verdicts, the lexical verdict
// stands (and mc records it, so the Result says "lexical"). batch holds
// sentences that passed the citation check, in order, and kept those
// already confirmed. Sentences claiming nothing checkable (no markers)
// are not asked about; if none of the cited ones survive and nothing was
// kept before, they go too.
func (g *LLMGenerator) confirm(ctx context.Context, mc *modelCheck, kept, batch []VerifiedSentence, sources []source) []VerifiedSentence {
	if mc == nil || !mc.on || len(batch) == 0 {
		return batch
	}
	byN := make(map[int]source, len(sources))
	for _, s := range sources {
		byN[s.n] = s
	}
	var claims []prompts.EntailClaim
	idx := map[int]int{} // claim ID → index in batch
	for i, vs := range batch {
		if !vs.Supported {
			continue
		}
		var ps []prompts.EntailPassage
		for _, n := range markersOf(vs.Text) {
			if s, ok := byN[n]; ok {
				ps = append(ps, prompts.EntailPassage{Title: s.doc.Title, Before: sentenceBefore(s), Text: s.chunk.Text})
			}
		}
		if len(ps) == 0 {
			continue
		}
		id := len(claims) + 1
		idx[id] = i
		claims = append(claims, prompts.EntailClaim{ID: id, Claim: cite.StripMarkers(vs.Text), Passages: ps})
	}
	if len(claims) == 0 {
		return batch
	}
	rejected := map[int]string{} // index in batch → the model's reason
	for from := 0; from < len(claims); from += maxEntailClaims {
		part := claims[from:min(len(claims), from+maxEntailClaims)]
		verdicts, err := g.entail(ctx, part)
		if ctx.Err() != nil {
			return nil // the caller gave up: show nothing more
		}
		if err != nil {
			mc.failed++
			g.logger.Warn("model entailment check failed; the lexical verdict stands",
				"kind", llm.KindOf(err).String(), "error", err.Error(), "sentences", len(part))
			continue
		}
		mc.checked++
		for _, c := range part {
			if !verdicts[c.ID].entailed {
				rejected[idx[c.ID]] = verdicts[c.ID].reason
			}
		}
	}
	if len(rejected) == 0 {
		return batch
	}
	out := make([]VerifiedSentence, 0, len(batch))
	supported := false
	for i, vs := range batch {
		if why, no := rejected[i]; no {
			g.logger.Debug("model: passage does not entail the sentence; dropped", "sentence", vs.Text, "reason", why)
			continue
		}
		supported = supported || vs.Supported
		out = append(out, vs)
	}
	if !supported && !anySupported(kept) {
		return nil // only framing left, with nothing it frames
	}
	return out
}

// sentenceBefore is the sentence before a source's chunk in its article,
// for the model to read the chunk's pronouns by; empty when the chunk's
// offsets do not hold its text.
func sentenceBefore(s source) string {
	ch := s.chunk
	if ch.Start <= 0 || ch.Start >= ch.End || ch.End > len(s.doc.Text) || s.doc.Text[ch.Start:ch.End] != ch.Text {
		return ""
	}
	return cite.SentenceBefore(s.doc.Text, ch.Start)
}

type modelVerdict struct {
	entailed bool
	reason   string
}

// entail sends one entailment request and parses its verdicts: one per
// claim, each with a boolean "entailed", or errMalformedVerdicts.
func (g *LLMGenerator) entail(ctx context.Context, claims []prompts.EntailClaim) (map[int]modelVerdict, error) {
	msg, err := g.prompts.Entail(claims)
	if err != nil {
		return nil, err
	}
	ectx, cancel := context.WithTimeout(ctx, g.entailFor)
	defer cancel()
	reply, err := g.model.Complete(ectx, []llm.Message{{Role: "user", Content: msg}})
	if err != nil {
		return nil, err
	}
	return parseVerdicts(reply, claims)
}

// parseVerdicts reads the model's JSON verdicts, tolerating a code fence
// or text around the object; every claim must have exactly one verdict and
// no other claim may be named.
func parseVerdicts(reply string, claims []prompts.EntailClaim) (map[int]modelVerdict, error) {
	i, j := strings.Index(reply, "{"), strings.LastIndex(reply, "}")
	if i < 0 || j < i {
		return nil, fmt.Errorf("%w: no JSON object", errMalformedVerdicts)
	}
	var body struct {
		Verdicts []entailVerdict `json:"verdicts"`
	}
	if err := json.Unmarshal([]byte(reply[i:j+1]), &body); err != nil {
		return nil, fmt.Errorf("%w: %v", errMalformedVerdicts, err)
	}
	want := make(map[int]bool, len(claims))
	for _, c := range claims {
		want[c.ID] = true
	}
	out := make(map[int]modelVerdict, len(claims))
	for _, v := range body.Verdicts {
		if !want[v.Claim] {
			return nil, fmt.Errorf("%w: verdict for unknown claim %d", errMalformedVerdicts, v.Claim)
		}
		if _, dup := out[v.Claim]; dup {
			return nil, fmt.Errorf("%w: two verdicts for claim %d", errMalformedVerdicts, v.Claim)
		}
		if v.Entailed == nil {
			return nil, fmt.Errorf("%w: claim %d has no \"entailed\"", errMalformedVerdicts, v.Claim)
		}
		out[v.Claim] = modelVerdict{entailed: *v.Entailed, reason: v.Reason}
	}
	if len(out) != len(claims) {
		return nil, fmt.Errorf("%w: %d verdicts for %d claims", errMalformedVerdicts, len(out), len(claims))
	}
	return out, nil
}

// markersOf is the source numbers a verified sentence cites.
func markersOf(text string) []int {
	var ns []int
	for _, s := range cite.ParseSentences(text) {
		for _, n := range s.Markers {
			if !containsN(ns, n) {
				ns = append(ns, n)
			}
		}
	}
	return ns
}

func containsN(ns []int, n int) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

func anySupported(ss []VerifiedSentence) bool {
	for _, s := range ss {
		if s.Supported {
			return true
		}
	}
	return false
}
