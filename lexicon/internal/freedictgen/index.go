package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// indexEntry is one line of a dictd .index file: the (normalised) lookup key
// and the byte range of the article in the uncompressed .dict data.
type indexEntry struct {
	key    string
	offset int64
	length int64
}

// dictdAlphabet is the base-64 digit alphabet dictd uses for offsets and
// lengths, most-significant digit first (it is not RFC 4648 encoding: there is
// no padding and no byte grouping).
const dictdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// decodeNumber decodes one dictd base-64 number.
func decodeNumber(s string) (int64, error) {
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	if len(s) > 10 { // 60 bits: anything longer could overflow int64
		return 0, fmt.Errorf("number %q too long", s)
	}
	var n int64
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(dictdAlphabet, s[i])
		if d < 0 {
			return 0, fmt.Errorf("number %q: invalid digit %q", s, s[i])
		}
		n = n*64 + int64(d)
	}
	return n, nil
}

// parseIndex reads a dictd index: one `key<TAB>offset<TAB>length` per line.
func parseIndex(r io.Reader) ([]indexEntry, error) {
	var entries []indexEntry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("index line %d: want 3 tab-separated fields, got %d", line, len(fields))
		}
		off, err := decodeNumber(fields[1])
		if err != nil {
			return nil, fmt.Errorf("index line %d: offset: %w", line, err)
		}
		length, err := decodeNumber(fields[2])
		if err != nil {
			return nil, fmt.Errorf("index line %d: length: %w", line, err)
		}
		entries = append(entries, indexEntry{key: fields[0], offset: off, length: length})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	return entries, nil
}

// isMetadataKey reports whether an index key names one of dictd's
// 00-database-* pseudo-entries rather than a headword.
func isMetadataKey(key string) bool {
	return strings.HasPrefix(key, "00database") || strings.HasPrefix(key, "00-database")
}
