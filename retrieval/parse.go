package retrieval

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"
)

// format is how an article file is written.
type format int

const (
	formatText format = iota + 1
	formatMarkdown
	formatHTML
)

// formatFor picks the format from the file extension; ok is false for
// files that are not articles.
func formatFor(name string) (f format, ok bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt":
		return formatText, true
	case ".md", ".markdown":
		return formatMarkdown, true
	case ".html", ".htm":
		return formatHTML, true
	}
	return 0, false
}

// docID is the document id for a corpus path: the slash path without its
// extension.
func docID(name string) string {
	return strings.TrimSuffix(name, path.Ext(name))
}

// fileProblem is why a file cannot be used. Its message is the one-line
// reason shown to whoever maintains the corpus.
type fileProblem struct {
	reason string
	err    error
}

func (p *fileProblem) Error() string { return p.reason }
func (p *fileProblem) Unwrap() error { return p.err }

// skipReason returns the human-readable reason err gives for skipping a
// file.
func skipReason(err error) string {
	if p, ok := errors.AsType[*fileProblem](err); ok {
		return p.reason
	}
	return oneLine(err.Error())
}

func problem(reason string) error { return &fileProblem{reason: reason} }

const tooLargeReason = "larger than 4 MiB"

// utf8BOM is the byte order mark some editors put before UTF-8 text.
const utf8BOM = "\xef\xbb\xbf"

// ParseDocument parses one article file. The format follows the extension
// of path (.txt, .md/.markdown, .html/.htm); path is the slash path relative
// to the corpus root and also gives the ID. The bytes are decoded to UTF-8
// (byte order mark, declared charset, UTF-8, UTF-16, else windows-1252: see
// decodeArticle) and the text is then kept verbatim, so quotes can be found
// by offset; for HTML the text is the extracted main text. Metadata is
// only what the file states, then what the text states (a byline with a
// date, a dateline), and the language is identified with langid when the
// file does not state it. Files that are empty, binary, larger than
// MaxFileBytes or without article text are rejected.
func ParseDocument(path string, raw []byte) (Document, error) {
	return ParseDocumentContext(context.Background(), path, raw)
}

// ErrTooLarge is wrapped by the error for a file larger than MaxFileBytes.
var ErrTooLarge = errors.New("larger than the size limit")

// ParseDocumentContext is ParseDocument that gives up when ctx ends: the
// error then wraps ctx.Err() (context.Canceled or
// context.DeadlineExceeded), and the file is not at fault. Extraction
// checks ctx between its steps and every few thousand elements or lines
// within them; the one step it cannot interrupt, go-trafilatura's scoring
// of an HTML page, is linear in the page and bounded by MaxFileBytes.
func ParseDocumentContext(ctx context.Context, path string, raw []byte) (Document, error) {
	doc, _, err := parseDocument(ctx, path, raw, false)
	return doc, err
}

// parseDocument is ParseDocumentContext. With langLater, a document whose
// language would be identified from the whole of its text (nothing
// stated, no code cut out) comes without it, and later is true: the
// caller sets doc.Lang to documentLanguage.Detect(doc.Text) itself, or
// has setLanguages identify it from the paragraphs' counts.
func parseDocument(ctx context.Context, path string, raw []byte, langLater bool) (Document, bool, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, false, fmt.Errorf("parse %s: %w", path, err)
	}
	f, ok := formatFor(path)
	if !ok {
		return Document{}, false, fmt.Errorf("parse %s: %w", path, problem("not an article file (want .txt, .md, .markdown, .html or .htm)"))
	}
	if err := checkContent(raw); err != nil {
		return Document{}, false, fmt.Errorf("parse %s: %w", path, err)
	}
	dec, err := decodeArticle(raw, f)
	if err != nil {
		return Document{}, false, fmt.Errorf("parse %s: %w", path, err)
	}
	sum := sha256.Sum256(raw)
	doc := Document{ID: docID(path), Path: path, Hash: hex.EncodeToString(sum[:])}
	if dec.Encoding != "utf-8" {
		doc.Encoding = dec.Encoding
	}
	body := dec.Text
	var stated metadata
	switch f {
	case formatText:
		doc.Text = body
		stated.Title = rstTitle(doc.Text)
		doc.NotEvidence = rstLiteralBlocks(doc.Text)
	case formatMarkdown:
		doc.Text = body
		if yamlText, start, found := splitFrontMatter(body); found {
			m, err := parseFrontMatter(yamlText)
			if err != nil {
				return Document{}, false, fmt.Errorf("parse %s: %w", path, &fileProblem{reason: err.Error(), err: err})
			}
			stated, doc.Text = m, body[start:]
		}
		if stated.Title == "" {
			stated.Title = markdownTitle(doc.Text)
		}
		doc.NotEvidence = markdownCodeBlocks(doc.Text)
	case formatHTML:
		page, err := extractHTML(ctx, []byte(body))
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
				return Document{}, false, fmt.Errorf("parse %s: %w", path, err)
			}
			return Document{}, false, fmt.Errorf("parse %s: %w", path, &fileProblem{reason: oneLine(err.Error()), err: err})
		}
		stated, doc.Text, doc.NotEvidence = page.Meta, page.Text, page.NotEvidence
	}
	if strings.TrimSpace(doc.Text) == "" {
		return Document{}, false, fmt.Errorf("parse %s: %w", path, problem("no article text"))
	}
	inferred := inferHeader(doc.Text)
	// The prose's language is identified once, and only where it can
	// decide doc.Lang: a language stated outside HTML (a front matter's
	// lang:) stands as stated, so identifying it would be wasted.
	later := false
	switch {
	case langLater && stated.Lang == "" && len(doc.NotEvidence) == 0:
		later = true // the whole text's language: the caller's
	case stated.Lang == "" || f == formatHTML:
		prose := doc.Text
		if len(doc.NotEvidence) > 0 {
			// Code and link lists are often English whatever the prose is.
			prose = withoutSpans(doc.Text, doc.NotEvidence)
		}
		inferred.Lang = documentLanguage.Detect(prose)
		if stated.Lang != "" {
			// A page template's lang attribute is often left at its
			// default; the prose has the last word when it plainly
			// disagrees.
			stated.Lang = settleLanguage(stated.Lang, inferred.Lang, prose)
		}
	}
	stated.fillMissing(&doc)
	inferred.fillMissing(&doc)
	return doc, later, nil
}

// withoutSpans is text with the given (sorted, disjoint) spans cut out.
func withoutSpans(text string, spans []Span) string {
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(text) || sp.Start > sp.End {
			continue
		}
		b.WriteString(text[pos:sp.Start])
		b.WriteByte('\n')
		pos = sp.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// checkContent rejects bytes that cannot be an article whatever their
// encoding; decodeArticle rejects the rest.
func checkContent(raw []byte) error {
	switch {
	case len(raw) > MaxFileBytes:
		return &fileProblem{reason: tooLargeReason, err: ErrTooLarge}
	case len(bytes.TrimSpace(bytes.TrimPrefix(raw, []byte(utf8BOM)))) == 0:
		return problem("empty")
	}
	return nil
}

// markdownTitle returns the text of a "# Title" heading on the first
// non-empty line of a Markdown body.
func markdownTitle(body string) string {
	lines := nonEmptyLines(body, 1)
	if len(lines) == 0 {
		return ""
	}
	if t, ok := strings.CutPrefix(lines[0], "# "); ok {
		return strings.TrimSpace(strings.TrimRight(t, "# "))
	}
	return ""
}
