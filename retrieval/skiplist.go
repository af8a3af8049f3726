package retrieval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SkippedFile is the data directory's record of the corpus files the
// last walk skipped, so that the freshness check (fresh.go) can vouch
// for a corpus holding files no walk will index (empty, binary, a second
// file with one id, ...) instead of leaving every run to the walk. It is
// a cache, like the index: a file with the size and modification time
// recorded is taken to be skipped again for the reason recorded, as an
// indexed one is taken to be unchanged; `kabar index --rebuild` walks
// afresh.
const SkippedFile = "index.skipped.json"

// skipList is what SkippedFile holds: the skipped files in walk order.
type skipList struct {
	Version int         `json:"version"`
	Files   []skipEntry `json:"files"`
	byPath  map[string]int
}

type skipEntry struct {
	Path    string `json:"path"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime_ns"`
	Reason  string `json:"reason"`
}

const skipListVersion = 1

// recordable reports that a skip's reason follows from the file's
// content (empty, binary, too large, no text, a second file with one
// id) and so holds while its size and modification time do. A file that
// could not be read, or is not a regular file, may become readable or
// regular without a new modification time (chmod changes only the
// ctime): those are left to every walk.
func recordable(reason string) bool {
	return !strings.HasPrefix(reason, "unreadable") && reason != "not a regular file"
}

// readSkipList reads dir's record; nil when there is none or it cannot
// be used (then any skipped file leaves the decision to the walk).
func readSkipList(dir string) *skipList {
	raw, err := os.ReadFile(filepath.Join(dir, SkippedFile))
	if err != nil {
		return nil
	}
	var l skipList
	if json.Unmarshal(raw, &l) != nil || l.Version != skipListVersion {
		return nil
	}
	l.byPath = make(map[string]int, len(l.Files))
	for i, f := range l.Files {
		if _, dup := l.byPath[f.Path]; dup || f.ModTime == 0 {
			return nil
		}
		l.byPath[f.Path] = i
	}
	return &l
}

// find returns the entry recorded for path.
func (l *skipList) find(path string) (skipEntry, bool) {
	if l == nil {
		return skipEntry{}, false
	}
	i, ok := l.byPath[path]
	if !ok {
		return skipEntry{}, false
	}
	return l.Files[i], true
}

func (l *skipList) len() int {
	if l == nil {
		return 0
	}
	return len(l.Files)
}

// writeSkipList records files in dir (temporary file and rename: a
// reader sees the old record or the new one), or removes the record when
// files is empty or cannot be recorded (nil).
func writeSkipList(dir string, files []skipEntry) error {
	path := filepath.Join(dir, SkippedFile)
	if len(files) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", SkippedFile, err)
		}
		return nil
	}
	raw, err := json.Marshal(skipList{Version: skipListVersion, Files: files})
	if err != nil {
		return fmt.Errorf("encode %s: %w", SkippedFile, err)
	}
	if err := replaceFile(dir, SkippedFile, ".index-skipped-*.tmp", raw); err != nil {
		return fmt.Errorf("write %s: %w", SkippedFile, err)
	}
	return nil
}
