package retrieval

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
)

// snapshotMagic starts every index file; the digit is the format version.
const snapshotMagic = "KABARIX2"

// SnapshotFile is the index file's name inside the data directory.
const SnapshotFile = "index.kabar"

// ErrCorruptIndex reports an index file that cannot be trusted.
var ErrCorruptIndex = errors.New("index is corrupt")

// ErrEmbedderMismatch reports an index built by another embedder.
var ErrEmbedderMismatch = errors.New("index was built by a different embedder")

// EmbedderInfo identifies the embedder that built an index.
type EmbedderInfo struct {
	Name string
	Dim  int
}

// snapshot is everything an index needs to be loaded without re-reading
// the corpus. Vectors are stored after the gob section as raw
// little-endian float32s, and a CRC-32C of the whole file ends it.
type snapshot struct {
	Embedder   EmbedderInfo
	Corpus     string // a description of the corpus, for messages
	Docs       []docRecord
	Vocab      []string
	ChunkTerms []uint32 // term ids of all chunks, concatenated
	TermEnds   []uint32 // ChunkTerms[TermEnds[i-1]:TermEnds[i]] belong to chunk i
}

type docRecord struct {
	Doc        Document
	Text       string // Document.Text (json-hidden, so named here)
	Size       int64
	ModTime    int64
	Paragraphs []Paragraph
	Chunks     []Span // chunk spans in order; their ids and text derive from the document
	ChunkParas []int
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeSnapshot writes the index crash-safely: a temporary file in the same
// directory, fsync, rename over the old file, fsync the directory. A crash
// at any point leaves either the old index or the new one, never a mix.
func writeSnapshot(dir string, s *snapshot, vectors []float32) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	var body bytes.Buffer
	body.WriteString(snapshotMagic)
	var meta bytes.Buffer
	if err := gob.NewEncoder(&meta).Encode(s); err != nil {
		return fmt.Errorf("encode index: %w", err)
	}
	var hdr [8]byte
	binary.LittleEndian.PutUint64(hdr[:], uint64(meta.Len()))
	body.Write(hdr[:])
	body.Write(meta.Bytes())
	binary.LittleEndian.PutUint64(hdr[:], uint64(len(vectors)))
	body.Write(hdr[:])
	vb := make([]byte, 4*len(vectors))
	for i, v := range vectors {
		binary.LittleEndian.PutUint32(vb[4*i:], math.Float32bits(v))
	}
	body.Write(vb)
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], crc32.Checksum(body.Bytes(), castagnoli))
	body.Write(sum[:])

	tmp, err := os.CreateTemp(dir, ".index-*.tmp")
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write index: %w", err)
	}
	if _, err := tmp.Write(body.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write index: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write index: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if err := os.Rename(tmpName, filepath.Join(dir, SnapshotFile)); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: some filesystems refuse to sync directories
		d.Close()
	}
	return nil
}

// readSnapshot loads an index file. A missing file returns an error
// satisfying errors.Is(err, fs.ErrNotExist); a damaged one ErrCorruptIndex.
func readSnapshot(path string) (*snapshot, []float32, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	corrupt := func(why string) error {
		return fmt.Errorf("%w: %s: %s", ErrCorruptIndex, path, why)
	}
	if len(raw) < len(snapshotMagic)+8+8+4 || string(raw[:len(snapshotMagic)]) != snapshotMagic {
		return nil, nil, corrupt("not a Kabar index of this version")
	}
	body, sum := raw[:len(raw)-4], binary.LittleEndian.Uint32(raw[len(raw)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, nil, corrupt("checksum mismatch (truncated or damaged)")
	}
	off := len(snapshotMagic)
	metaLen := binary.LittleEndian.Uint64(body[off:])
	off += 8
	if metaLen > uint64(len(body)-off-8) {
		return nil, nil, corrupt("bad header")
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(body[off : off+int(metaLen)])).Decode(&s); err != nil {
		return nil, nil, corrupt("undecodable metadata")
	}
	off += int(metaLen)
	n := binary.LittleEndian.Uint64(body[off:])
	off += 8
	if n*4 != uint64(len(body)-off) {
		return nil, nil, corrupt("vector section has the wrong size")
	}
	vectors := make([]float32, n)
	for i := range vectors {
		vectors[i] = math.Float32frombits(binary.LittleEndian.Uint32(body[off+4*i:]))
	}
	return &s, vectors, nil
}

// snapshotExists reports whether dir holds an index file.
func snapshotExists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, SnapshotFile))
	return !errors.Is(err, fs.ErrNotExist)
}
