package retrieval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// MaxFileBytes is the largest article file LoadCorpus reads; larger files
// are skipped with a warning. No news article comes near it, so a bigger
// file is a mistake (a dump, an archive) that would only slow indexing.
const MaxFileBytes = 4 << 20

// Skipped names a corpus file LoadCorpus left out and why.
type Skipped struct {
	Path   string // slash path relative to the corpus root
	Reason string // one human-readable line, e.g. "binary content", "not valid UTF-8"
}

// LoadCorpus walks fsys recursively from "." and parses every .txt, .md,
// .markdown, .html and .htm file; other files, and hidden files and
// folders, are ignored. A file that cannot be used (empty, binary, not
// UTF-8, too large, unreadable, or with the same ID as one already loaded,
// such as x.md next to x.txt) is reported through warn, which may be nil,
// and skipped so that one bad file never blocks the rest. LoadCorpus fails
// only when the root cannot be walked or ctx ends. The result is sorted by
// ID.
func LoadCorpus(ctx context.Context, fsys fs.FS, warn func(Skipped)) ([]Document, error) {
	if warn == nil {
		warn = func(Skipped) {}
	}
	var docs []Document
	loadedFrom := make(map[string]string) // id -> path
	err := walkArticles(ctx, fsys, warn, func(name string) error {
		id := docID(name)
		if first, dup := loadedFrom[id]; dup {
			warn(Skipped{Path: name, Reason: fmt.Sprintf("same id %q as %s", id, first)})
			return nil
		}
		raw, reason := readArticle(fsys, name)
		if reason != "" {
			warn(Skipped{Path: name, Reason: reason})
			return nil
		}
		doc, err := ParseDocumentContext(ctx, name, raw)
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return ctxErr
		}
		if err != nil {
			warn(Skipped{Path: name, Reason: skipReason(err)})
			return nil
		}
		loadedFrom[id] = name
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	slices.SortFunc(docs, func(a, b Document) int { return strings.Compare(a.ID, b.ID) })
	return docs, nil
}

// walkArticles calls fn, in lexical order, with the path of every article
// file under fsys: .txt, .md, .markdown, .html and .htm files outside hidden
// folders. Unreadable folders are reported through warn and skipped; the
// walk fails only when the root cannot be read, ctx ends, or fn fails.
func walkArticles(ctx context.Context, fsys fs.FS, warn func(Skipped), fn func(name string) error) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if name == "." {
				return err
			}
			warn(Skipped{Path: name, Reason: "unreadable: " + oneLine(err.Error())})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := formatFor(name); !ok {
			return nil
		}
		return fn(name)
	})
}

// readArticle reads a regular file of at most MaxFileBytes. It returns a
// reason instead of the bytes when the file cannot be used.
func readArticle(fsys fs.FS, name string) (raw []byte, reason string) {
	info, err := fs.Stat(fsys, name) // follows symbolic links
	if err != nil {
		return nil, "unreadable: " + oneLine(err.Error())
	}
	return readArticleStat(fsys, name, info)
}

// readArticleStat is readArticle for a file already stat'ed (info, as
// fs.Stat gives it): the walk has, and a second stat of every file was a
// tenth of reading it.
func readArticleStat(fsys fs.FS, name string, info fs.FileInfo) (raw []byte, reason string) {
	if !info.Mode().IsRegular() {
		return nil, "not a regular file"
	}
	if info.Size() > MaxFileBytes {
		return nil, tooLargeReason
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, "unreadable: " + oneLine(err.Error())
	}
	defer f.Close()
	// The size can change between Stat and reading; never read past the
	// cap. The buffer is sized from the stat, with room to see the end,
	// where io.ReadAll grew it by doubling from 512 bytes.
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileBytes+1)); err != nil {
		return nil, "unreadable: " + oneLine(err.Error())
	}
	raw = buf.Bytes()
	if len(raw) > MaxFileBytes {
		return nil, tooLargeReason
	}
	return raw, ""
}
