package retrieval

import (
	"os"
	"path/filepath"
)

// replaceFile replaces dir/name with raw crash-safely: a temporary file
// in dir (its name from pattern), fsync, rename over name, fsync of the
// directory. A reader sees the old content or the new, never a part.
func replaceFile(dir, name, pattern string, raw []byte) error {
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	_, err = tmp.Write(raw)
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}
