package retrieval

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decoded is an article file's bytes as UTF-8 text.
type decoded struct {
	Text     string
	Encoding string // the encoding it was read as, e.g. "utf-8", "utf-16le", "windows-1252"
}

// decodeArticle turns raw file bytes into UTF-8 text. In order: a byte
// order mark (UTF-8, UTF-16LE/BE) decides; then, for HTML, a <meta charset>
// or <meta http-equiv> declaration (golang.org/x/net/html/charset's
// prescan) or an XML declaration; then valid UTF-8 is taken as UTF-8; then
// UTF-16 without a mark is recognised by its pattern of zero bytes;
// anything else is read as windows-1252, the superset of Latin-1 that
// browsers use for undeclared pages. Every offset Kabar reports counts in
// the decoded text. Bytes that are not text (NUL or other control
// characters in the decoded text) are rejected.
func decodeArticle(raw []byte, f format) (decoded, error) {
	if enc, name, n := bomEncoding(raw); enc != nil {
		return decodeWith(raw[n:], enc, name)
	}
	if f == formatHTML {
		if enc, name, ok := declaredHTMLEncoding(raw); ok {
			if name == "utf-8" && !utf8.Valid(raw) {
				// A page declaring UTF-8 whose bytes are not is, in practice,
				// Latin-1 text under a template's header.
				return decodeWith(raw, charmap.Windows1252, "windows-1252")
			}
			return decodeWith(raw, enc, name)
		}
	}
	if utf8.Valid(raw) {
		if err := checkText(string(raw)); err != nil {
			if enc, name, ok := utf16WithoutBOM(raw); ok {
				return decodeWith(raw, enc, name)
			}
			return decoded{}, err
		}
		return decoded{Text: string(raw), Encoding: "utf-8"}, nil
	}
	if enc, name, ok := utf16WithoutBOM(raw); ok {
		return decodeWith(raw, enc, name)
	}
	return decodeWith(raw, charmap.Windows1252, "windows-1252")
}

func decodeWith(raw []byte, enc encoding.Encoding, name string) (decoded, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return decoded{}, &fileProblem{reason: "cannot decode as " + name, err: fmt.Errorf("decode %s: %w", name, err)}
	}
	text := strings.TrimPrefix(string(out), utf8BOM)
	if err := checkText(text); err != nil {
		return decoded{}, err
	}
	return decoded{Text: text, Encoding: name}, nil
}

// bomEncoding recognises a byte order mark; n is its length.
func bomEncoding(raw []byte) (enc encoding.Encoding, name string, n int) {
	switch {
	case bytes.HasPrefix(raw, []byte(utf8BOM)):
		return encoding.Nop, "utf-8", len(utf8BOM)
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE, 0, 0}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	}
	return nil, "", 0
}

var xmlDeclRE = regexp.MustCompile(`^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// declaredHTMLEncoding reads the encoding a page declares in its first
// kilobyte: an XML declaration or a <meta> charset.
func declaredHTMLEncoding(raw []byte) (encoding.Encoding, string, bool) {
	head := raw[:min(len(raw), 1024)]
	if m := xmlDeclRE.FindSubmatch(head); m != nil {
		if enc, name := charset.Lookup(string(m[1])); enc != nil {
			return enc, name, true
		}
	}
	if !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return nil, "", false
	}
	enc, name, _ := charset.DetermineEncoding(raw, "")
	// DetermineEncoding falls back to a guess when nothing is declared;
	// only a declaration counts here (guessing comes later, for all formats).
	if !declaresCharset(head, name) {
		return nil, "", false
	}
	return enc, name, true
}

// declaresCharset reports whether the page head names an encoding that
// resolves to name.
func declaresCharset(head []byte, name string) bool {
	for _, m := range metaCharsetRE.FindAllSubmatch(head, -1) {
		if _, n := charset.Lookup(string(m[1])); n == name {
			return true
		}
	}
	return false
}

var metaCharsetRE = regexp.MustCompile(`(?i)charset\s*=\s*["']?([A-Za-z0-9._:-]+)`)

// utf16WithoutBOM recognises UTF-16 text without a byte order mark by its
// zero high bytes: in Latin-script text nearly every other byte is zero.
func utf16WithoutBOM(raw []byte) (encoding.Encoding, string, bool) {
	sample := raw[:min(len(raw), 4096)]
	if len(sample) < 8 || len(sample)%2 != 0 && len(sample) == len(raw) {
		return nil, "", false
	}
	var even, odd int
	for i, b := range sample {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(sample) / 2
	switch {
	case odd*10 >= half*6 && even*20 < half:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", true
	case even*10 >= half*6 && odd*20 < half:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", true
	}
	return nil, "", false
}

// checkText rejects decoded text that is not prose: NUL bytes, or more
// than one control character in a hundred.
func checkText(text string) error {
	if strings.IndexByte(text, 0) >= 0 {
		return problem("binary content")
	}
	var controls, runes int
	for _, r := range text {
		runes++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			controls++
		}
	}
	if controls > 0 && controls*100 > runes {
		return problem("binary content")
	}
	return nil
}
