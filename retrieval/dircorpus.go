package retrieval

import (
	"io/fs"
	"os"
)

// DirFS is the corpus folder dir as Build reads it: os.DirFS(dir), which
// also lets Build tell that an index is current with the folder from a
// stat of each file made relative to its folder's descriptor, without
// walking it through fs.FS (fresh.go). Any other fs.FS is walked.
func DirFS(dir string) fs.FS { return dirCorpus{FS: os.DirFS(dir), dir: dir} }

// dirCorpus is DirFS's corpus: os.DirFS's file system and the folder it
// reads.
type dirCorpus struct {
	fs.FS
	dir string
}

func (c dirCorpus) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(c.FS, name) }
func (c dirCorpus) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }
func (c dirCorpus) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(c.FS, name) }
