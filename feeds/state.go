package feeds

import (
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
)

// state is what polls remember, in one JSON file in the data directory.
type state struct {
	Version int                   `json:"version"`
	Feeds   map[string]*feedState `json:"feeds"`
}

type feedState struct {
	ETag         string                `json:"etag,omitempty"`
	LastModified string                `json:"last_modified,omitempty"`
	Items        map[string]*itemState `json:"items,omitempty"` // by page URL; only items the feed still lists
}

type itemState struct {
	File  string `json:"file,omitempty"` // corpus path written (or found there)
	Tries int    `json:"tries,omitempty"`
	Done  bool   `json:"done"` // written, found, or given up on after maxTries
}

// pending reports items to retry.
func (f *feedState) pending() bool {
	for _, it := range f.Items {
		if !it.Done {
			return true
		}
	}
	return false
}

// loadState reads the state file; a missing one is a first poll, an
// unreadable one is logged and started over (items already written are
// still found by their files, so nothing is written twice).
func loadState(path string, log *slog.Logger) *state {
	st := &state{Version: 1, Feeds: map[string]*feedState{}}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st
	}
	if err == nil {
		err = json.Unmarshal(raw, st)
	}
	if err != nil {
		log.Warn("feed state unreadable; starting over (articles already written are kept and not fetched again)", "state", path, "error", err.Error())
		return &state{Version: 1, Feeds: map[string]*feedState{}}
	}
	if st.Feeds == nil {
		st.Feeds = map[string]*feedState{}
	}
	for _, f := range st.Feeds {
		if f.Items == nil {
			f.Items = map[string]*itemState{}
		}
	}
	return st
}

// save replaces the state file whole (write, then rename).
func (st *state) save(path string) error {
	for _, f := range st.Feeds {
		if f.Items == nil {
			f.Items = map[string]*itemState{}
		}
	}
	raw, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".feeds-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
