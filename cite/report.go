// Package cite checks that an answer's [n] citations are true: every marker
// names a provided source, and every cited clause's numbers, dates and
// names appear in the passage it cites, with enough of its words (English
// claims are matched against Indonesian passages through the lexicon).
// Unsupported citations are removed or re-pointed to a source that
// supports the clause, and unsupported sentences dropped. It also checks
// free-standing claims against the coverage (supported, contradicted by a
// different figure, or not in the coverage). The same verifier backs the
// LLM answerer and the moderators' citation checks in Discord. It is
// lexical: it checks that facts are present, and reads the words that
// change a meaning (negation, qualifiers, modality, ordinals, time
// phrases, titles) and the few markers of who does what to whom that a
// sentence shows (prepositions, word order, passives, verbs of saying);
// it does not parse the relation a claim asserts beyond those.
package cite

// Source is a numbered passage an answer may cite as [N].
type Source struct {
	N     int
	DocID string
	Text  string // the passage, verbatim article text
	// Context is what the writer saw with the passage, such as the
	// article's title. A name the passage only implies ("the Kim
	// government" for North Korea) counts, at reduced credit, when Context
	// holds it, for the sentence's own markers only: re-pointing needs the
	// name in Text. Numbers, dates and other words must be in Text.
	Context string
	// Outlet is the publisher, so "according to Reuters [1]" can be
	// supported by a Reuters passage that does not name itself.
	Outlet string
	// Before is the text of the passage's paragraph before Text
	// (ParagraphBefore): a pronoun subject of Text's first sentence
	// ("…, ujarnya") stands for the name its last sentence opens with.
	Before string
}

// CitationVerdict is the check of one [N] marker of one sentence.
type CitationVerdict struct {
	N        int      `json:"n"`
	DocID    string   `json:"doc,omitempty"`
	Known    bool     `json:"known"`              // N names a provided source
	Supports bool     `json:"supports"`           // the source's passage supports the sentence
	Score    float64  `json:"score"`              // share of the sentence's content found in the passage, 0..1
	Missing  []string `json:"missing"`            // numbers, dates or names of the sentence absent from the passage
	Conflict string   `json:"conflict,omitempty"` // what the passage says instead, e.g. "says 9,000; the passage says 6.000"
	// Reason says in plain words why the passage does not support the
	// sentence; empty when it does.
	Reason string `json:"reason,omitempty"`
}

// SentenceVerdict is the check of one sentence of an answer.
type SentenceVerdict struct {
	Sentence    string            `json:"sentence"` // without its markers
	Start       int               `json:"start"`    // byte offsets into the checked answer text
	End         int               `json:"end"`
	Citations   []CitationVerdict `json:"citations"`
	Supported   bool              `json:"supported"`    // at least one cited (or re-pointed) source supports it
	RepointedTo []int             `json:"repointed_to"` // sources that support it when its own markers did not
	// Kept reports whether the sentence is in Report.Text: supported ones
	// are, and so are uncited ones that claim nothing checkable ("The
	// reports differ:", "The coverage does not say how long it lasted.").
	Kept bool `json:"kept"`
	// Note is "framing" for a sentence that introduces what follows ("The
	// reports differ:") and "gap" for one saying what the coverage does
	// not say: neither claims anything, so neither is a failure.
	Note string `json:"note,omitempty"`
	// Reason says in plain words why the sentence is not supported, from
	// its first failing citation; empty when it is.
	Reason string `json:"reason,omitempty"`
}

// Report is the verdict on a whole answer. Text is the answer rewritten with
// unknown markers removed, re-pointed markers replaced and unsupported
// sentences dropped; it is empty when nothing in the answer is supported.
type Report struct {
	Sentences []SentenceVerdict `json:"sentences"`
	Text      string            `json:"text"`
}

// ClaimStatus is the verdict on a free-standing claim checked against the
// whole coverage.
type ClaimStatus string

const (
	ClaimSupported     ClaimStatus = "supported"
	ClaimContradicted  ClaimStatus = "contradicted"
	ClaimNotInCoverage ClaimStatus = "not_in_coverage"
)

// Evidence is a passage found for a claim.
type Evidence struct {
	DocID    string  `json:"doc"`
	Title    string  `json:"title,omitempty"`
	Quote    string  `json:"quote"` // verbatim passage text
	Start    int     `json:"start"` // byte offsets into the document text
	End      int     `json:"end"`
	Score    float64 `json:"score"`
	Supports bool    `json:"supports"`
	Conflict string  `json:"conflict,omitempty"` // e.g. "says 7,000; the passage says 6.000"
	// Stance is "supports", "contradicts" or "related".
	Stance string `json:"stance"`
	// Paragraph, CharStart and CharEnd locate the quote for moderators in
	// the units of /source and ask --json: the 1-based paragraph and
	// Unicode-character offsets into the document. Filled by callers that
	// know the document (answer.Service.CheckClaim); 0 otherwise.
	Paragraph int `json:"paragraph,omitempty"`
	CharStart int `json:"char_start,omitempty"`
	CharEnd   int `json:"char_end,omitempty"`
	rule      string
}

// ClaimResult is the verdict on a claim, with the passages behind it.
type ClaimResult struct {
	Claim    string      `json:"claim"`
	Status   ClaimStatus `json:"status"`
	Evidence []Evidence  `json:"evidence"`
}
