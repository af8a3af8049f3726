package retrieval

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
)

// snapshotMagic starts every index file; the digit is the format version.
// It also changes when analysis changes (stemming, stop words), since the
// stored term ids would no longer meet the terms of new queries.
const snapshotMagic = "KABARIX4"

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

// clearIndexPath makes way for a new index file when something other than
// a file (a directory, a socket) took the index's place: it is moved aside
// to a name beside it, not deleted, since it is not ours to delete. It
// returns the new name, "" when nothing was in the way.
func clearIndexPath(dir string) (string, error) {
	p := filepath.Join(dir, SnapshotFile)
	info, err := os.Lstat(p)
	if err != nil || info.Mode().IsRegular() {
		return "", nil
	}
	aside := fmt.Sprintf("%s.broken-%d", p, info.ModTime().UnixNano())
	if err := os.Rename(p, aside); err != nil {
		return "", fmt.Errorf("move aside %s, which is not an index file: %w", p, err)
	}
	return aside, nil
}

// writeSnapshot writes the index crash-safely: a temporary file in the same
// directory, fsync, rename over the old file, fsync the directory. A crash
// at any point leaves either the old index or the new one, never a mix.
func writeSnapshot(dir string, s *snapshot, vectors []float32) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	var meta bytes.Buffer
	if err := gob.NewEncoder(&meta).Encode(s); err != nil {
		return fmt.Errorf("encode index: %w", err)
	}

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
	// The file is streamed, the checksum computed on the way: assembling
	// it in memory first took three times the size of the vectors.
	crc := crc32.New(castagnoli)
	w := bufio.NewWriterSize(io.MultiWriter(tmp, crc), 1<<20)
	w.WriteString(snapshotMagic)
	var hdr [8]byte
	binary.LittleEndian.PutUint64(hdr[:], uint64(meta.Len()))
	w.Write(hdr[:])
	w.Write(meta.Bytes())
	binary.LittleEndian.PutUint64(hdr[:], uint64(len(vectors)))
	w.Write(hdr[:])
	err = writeFloats(w, vectors) // bufio keeps the first write error for Flush
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		_, err = tmp.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
	}
	if err != nil {
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
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	corrupt := func(why string) error {
		return fmt.Errorf("%w: %s: %s", ErrCorruptIndex, path, why)
	}
	if !info.Mode().IsRegular() {
		return nil, nil, corrupt(fmt.Sprintf("not a file (%s)", info.Mode().Type()))
	}
	// A read that ends early means the file shrank while it was read.
	readErr := func(err error) error {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return corrupt("checksum mismatch (truncated or damaged)")
		}
		return err
	}
	// The file is read in one pass, vectors straight into their final
	// slice and the checksum computed on the way, so loading holds the
	// vectors once rather than the file and the vectors. Problems with the
	// layout are reported only once the checksum is known to be right.
	size := info.Size()
	if size < int64(len(snapshotMagic)+8+8+4) {
		return nil, nil, corrupt("not a Kabar index of this version")
	}
	buffered := bufio.NewReaderSize(f, 1<<20)
	crc := crc32.New(castagnoli)
	body := io.TeeReader(buffered, crc)
	bodyLen := uint64(size - 4)
	head := make([]byte, len(snapshotMagic)+8)
	if _, err := io.ReadFull(body, head); err != nil {
		return nil, nil, readErr(err)
	}
	if string(head[:len(snapshotMagic)]) != snapshotMagic {
		return nil, nil, corrupt("not a Kabar index of this version")
	}
	read := uint64(len(head))
	metaLen := binary.LittleEndian.Uint64(head[len(snapshotMagic):])
	var (
		headerOK, sizeOK bool
		meta             []byte
		n                uint64
		vectors          []float32
	)
	if metaLen <= bodyLen-read-8 {
		headerOK = true
		meta = make([]byte, metaLen+8)
		if _, err := io.ReadFull(body, meta); err != nil {
			return nil, nil, readErr(err)
		}
		read += uint64(len(meta))
		n = binary.LittleEndian.Uint64(meta[metaLen:])
		meta = meta[:metaLen]
		// Compare by division: n*4 can overflow into a match.
		if rest := bodyLen - read; rest%4 == 0 && n == rest/4 {
			sizeOK = true
			vectors = make([]float32, n)
			if err := readFloats(body, vectors); err != nil {
				return nil, nil, readErr(err)
			}
			read += 4 * n
		}
	}
	if _, err := io.CopyN(io.Discard, body, int64(bodyLen-read)); err != nil {
		return nil, nil, readErr(err)
	}
	var sum [4]byte
	if _, err := io.ReadFull(buffered, sum[:]); err != nil {
		return nil, nil, readErr(err)
	}
	if crc.Sum32() != binary.LittleEndian.Uint32(sum[:]) {
		return nil, nil, corrupt("checksum mismatch (truncated or damaged)")
	}
	if !headerOK {
		return nil, nil, corrupt("bad header")
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(meta)).Decode(&s); err != nil {
		return nil, nil, corrupt("undecodable metadata")
	}
	if !sizeOK {
		return nil, nil, corrupt("vector section has the wrong size")
	}
	if why := s.inconsistency(int(n)); why != "" {
		return nil, nil, corrupt(why)
	}
	return &s, vectors, nil
}

// inconsistency checks the invariants loading and incremental indexing rely
// on (every offset inside its document, one term list and one vector per
// chunk, term ids inside the vocabulary), so a file that passes the
// checksum but was not written by a correct Kabar gives ErrCorruptIndex
// instead of a panic. It returns what is wrong, or "".
func (s *snapshot) inconsistency(nVectors int) string {
	inside := func(sp Span, text string) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) }
	chunks := 0
	for _, r := range s.Docs {
		if len(r.ChunkParas) != len(r.Chunks) {
			return "chunk table of " + r.Doc.ID + " is inconsistent"
		}
		for _, sp := range r.Chunks {
			if !inside(sp, r.Text) {
				return "a chunk of " + r.Doc.ID + " lies outside the document"
			}
		}
		for _, p := range r.Paragraphs {
			if !inside(p.Span, r.Text) {
				return "a paragraph of " + r.Doc.ID + " lies outside the document"
			}
			for _, sp := range p.Sentences {
				if !inside(sp, r.Text) {
					return "a sentence of " + r.Doc.ID + " lies outside the document"
				}
			}
		}
		chunks += len(r.Chunks)
	}
	if len(s.TermEnds) != chunks {
		return "term lists do not match the chunks"
	}
	prev := uint32(0)
	for _, e := range s.TermEnds {
		if e < prev || uint64(e) > uint64(len(s.ChunkTerms)) {
			return "term lists are out of order"
		}
		prev = e
	}
	for _, t := range s.ChunkTerms {
		if uint64(t) >= uint64(len(s.Vocab)) {
			return "term id out of range"
		}
	}
	if chunks > 0 && (s.Embedder.Dim <= 0 || nVectors%s.Embedder.Dim != 0 || nVectors/s.Embedder.Dim != chunks) {
		return "vectors do not match the chunks"
	}
	return ""
}
