//go:build !unix

package retrieval

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// unwritable reports errors that mean the data directory cannot be
// written (no permission).
func unwritable(err error) bool { return errors.Is(err, fs.ErrPermission) }

// lockDataDir only creates dir where advisory locks are unavailable:
// concurrent indexers may then race, but each write is still atomic.
func lockDataDir(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	return func() {}, nil
}
