// Package retrieval turns a folder of news articles into a searchable index:
// it reads and cleans articles, cuts them into located chunks, embeds them,
// persists them in a chromem-go store and answers hybrid (lexical + vector)
// searches whose every hit can be traced back to verbatim article text.
package retrieval

// Document is one article as read from disk. Text is kept verbatim so that a
// quote taken from it can be re-found by offset; cleaning never rewrites it,
// it only marks spans as boilerplate.
type Document struct {
	ID        string `json:"id"`   // file name without extension
	Path      string `json:"path"` // slash-separated path relative to the corpus root
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"` // as stated in the text or front matter, never invented
	Modified  string `json:"modified,omitempty"`  // last update, as stated (JSON-LD dateModified, article:modified_time)
	Author    string `json:"author,omitempty"`    // as stated (front matter, JSON-LD, <meta name=author>)
	Lang      string `json:"lang,omitempty"`      // ISO 639-1 code, stated or identified (langid); "" when unsure
	URL       string `json:"url,omitempty"`
	// Alternates are the addresses of the page in other languages, as
	// the page states them (<link rel="alternate" hreflang>), separated
	// by spaces.
	Alternates string `json:"alternates,omitempty"`
	Encoding   string `json:"encoding,omitempty"` // what the file was decoded from, when not UTF-8
	Text       string `json:"-"`                  // decoded article text (for .html: the extracted main text)
	Hash       string `json:"hash"`               // hex sha256 of the raw file bytes
	// NotEvidence lists spans of Text that may be searched but never
	// quoted as an answer or counted as support: code blocks, tables of
	// contents, link lists. Segment marks the paragraphs inside them.
	NotEvidence []Span `json:"-"`
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Paragraph is a paragraph of a document with its sentences. Boilerplate
// paragraphs (share links, photo credits, "read also" links) are kept so
// offsets stay stable, but are never chunked or retrieved. NotEvidence
// paragraphs (code, tables of contents, link lists) are chunked and
// searchable, but must never be quoted as an answer or count as support.
type Paragraph struct {
	Index       int    // 1-based position among the document's paragraphs
	Span        Span   // the paragraph's text, trimmed of surrounding space
	Sentences   []Span // sentence spans inside Span, trimmed
	Boilerplate bool
	NotEvidence bool
	// Lang is the paragraph's language when it is not the document's (an
	// untranslated section of a translation, a quote in another
	// language), "" otherwise: see SetParagraphLanguages.
	Lang string
}

// Chunk is the unit of retrieval: one or more consecutive sentences of a
// single paragraph. Text == Document.Text[Start:End] always holds.
type Chunk struct {
	ID        string `json:"id"` // "<doc id>#p<paragraph>.<n>"
	DocID     string `json:"doc"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"` // byte offsets into Document.Text
	End       int    `json:"end"`
	Text      string `json:"text"`
	// NotEvidence: the chunk is code, a table of contents or a link list.
	// It may be retrieved (a question can be about a command) but never
	// quoted as an answer or counted as support.
	NotEvidence bool `json:"not_evidence,omitempty"`
}
