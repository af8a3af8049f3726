package prompts

import (
	"errors"
	"fmt"
)

// EntailPassage is one passage a claim cites. Before is the sentence
// before it in its article (cite.SentenceBefore), shown so the model can
// tell who a pronoun of the passage ("he said", "ujarnya") is; empty
// when the passage opens its article.
type EntailPassage struct {
	Title  string
	Before string
	Text   string
}

// EntailClaim is one sentence to check, numbered from 1, with the
// passages its markers cite.
type EntailClaim struct {
	ID       int
	Claim    string
	Passages []EntailPassage
}

// Entail asks whether each claim is entailed by its passages: one batched
// request whose reply is JSON verdicts, {"verdicts": [{"claim": ID,
// "entailed": bool, "reason": str}]}.
func (p *Prompts) Entail(claims []EntailClaim) (string, error) {
	if len(claims) == 0 {
		return "", errors.New("prompts: no claims to check")
	}
	seen := make(map[int]bool, len(claims))
	for _, c := range claims {
		if c.ID < 1 || seen[c.ID] {
			return "", fmt.Errorf("prompts: claim number %d is not a new number from 1", c.ID)
		}
		seen[c.ID] = true
		if len(c.Passages) == 0 {
			return "", fmt.Errorf("prompts: claim %d cites no passage", c.ID)
		}
	}
	if p.t.Lookup("entail.tmpl") == nil {
		return "", errors.New("prompts: template \"entail.tmpl\" is missing")
	}
	return p.render("entail.tmpl", claims)
}
