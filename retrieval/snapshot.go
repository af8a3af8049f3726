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
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// snapshotMagic starts every index file; the digit is the format version.
// It also changes when analysis changes (stemming, stop words), since the
// stored term ids would no longer meet the terms of new queries.
// Version 5 lays the file out in page-aligned sections, each with its own
// checksum, so the large ones are used in place through a memory map.
const snapshotMagic = "KABARIX5"

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
// the corpus. In a loaded snapshot ChunkTerms and TermEnds may be views of
// the mapped file: they are never written to.
type snapshot struct {
	Embedder   EmbedderInfo
	Corpus     string // a description of the corpus, for messages
	Docs       []docRecord
	Vocab      []string
	ChunkTerms []uint32 // term ids of all chunks, concatenated
	TermEnds   []uint32 // ChunkTerms[TermEnds[i-1]:TermEnds[i]] belong to chunk i
}

// snapshotMeta is the gob-encoded part of a snapshot: everything but the
// flat arrays, which have sections of their own.
type snapshotMeta struct {
	Embedder EmbedderInfo
	Corpus   string
	Docs     []docRecord
	Vocab    []string
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

// The file layout. A header page:
//
//	0   magic (8 bytes)
//	8   u32 number of sections (4)
//	12  u32 section alignment (4096)
//	16  per section: u32 kind, u32 CRC-32C, u64 offset, u64 length
//	..  u32 CRC-32C of the bytes above
//
// then the sections in this order, each starting on a multiple of the
// alignment (zero padding between them), the last ending the file: the
// gob-encoded snapshotMeta, TermEnds and ChunkTerms as little-endian
// uint32s, the vectors as little-endian float32s. All integers are little
// endian.
const (
	sectionAlign = 4096
	secMeta      = 1
	secTermEnds  = 2
	secTerms     = 3
	secVectors   = 4
	numSections  = 4
	headerBytes  = 16 + 24*numSections + 4
)

type section struct {
	kind, crc uint32
	off, n    uint64
}

func alignUp(n uint64) uint64 { return (n + sectionAlign - 1) &^ (sectionAlign - 1) }

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
	m := snapshotMeta{Embedder: s.Embedder, Corpus: s.Corpus, Docs: s.Docs, Vocab: s.Vocab}
	if err := gob.NewEncoder(&meta).Encode(&m); err != nil {
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
	payloads := []struct {
		kind  uint32
		n     uint64
		write func(io.Writer) error
	}{
		{secMeta, uint64(meta.Len()), func(w io.Writer) error { _, err := w.Write(meta.Bytes()); return err }},
		{secTermEnds, 4 * uint64(len(s.TermEnds)), func(w io.Writer) error { return writeUint32s(w, s.TermEnds) }},
		{secTerms, 4 * uint64(len(s.ChunkTerms)), func(w io.Writer) error { return writeUint32s(w, s.ChunkTerms) }},
		{secVectors, 4 * uint64(len(vectors)), func(w io.Writer) error { return writeFloats(w, vectors) }},
	}
	// The sections are streamed, each one's checksum computed on the way;
	// the header, which holds the checksums, is written last, in place.
	w := bufio.NewWriterSize(tmp, 1<<20)
	secs := make([]section, len(payloads))
	pos := uint64(0)
	pad := func(to uint64) {
		var zeros [sectionAlign]byte
		for pos < to {
			k := min(to-pos, sectionAlign)
			w.Write(zeros[:k])
			pos += k
		}
	}
	pad(sectionAlign) // room for the header
	for i, p := range payloads {
		pad(alignUp(pos))
		crc := crc32.New(castagnoli)
		if err = p.write(io.MultiWriter(w, crc)); err != nil {
			break
		}
		secs[i] = section{kind: p.kind, crc: crc.Sum32(), off: pos, n: p.n}
		pos += p.n
	}
	if err == nil {
		err = w.Flush() // bufio keeps the first write error for Flush
	}
	if err == nil {
		_, err = tmp.WriteAt(encodeHeader(secs), 0)
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

func encodeHeader(secs []section) []byte {
	h := make([]byte, 0, headerBytes)
	h = append(h, snapshotMagic...)
	h = binary.LittleEndian.AppendUint32(h, uint32(len(secs)))
	h = binary.LittleEndian.AppendUint32(h, sectionAlign)
	for _, s := range secs {
		h = binary.LittleEndian.AppendUint32(h, s.kind)
		h = binary.LittleEndian.AppendUint32(h, s.crc)
		h = binary.LittleEndian.AppendUint64(h, s.off)
		h = binary.LittleEndian.AppendUint64(h, s.n)
	}
	return binary.LittleEndian.AppendUint32(h, crc32.Checksum(h, castagnoli))
}

// loadedSnapshot is an index file opened for use in place: its snapshot's
// flat arrays and its vectors are views of the mapped file (or, where
// files cannot be mapped, of one buffer holding it). The small sections
// are verified when it is opened; the vector section, most of the file, on
// first use (verifyVectors), so a question that never touches the vectors
// never reads them.
type loadedSnapshot struct {
	s       *snapshot
	vectors []float32
	path    string
	info    os.FileInfo

	data        []byte // the whole file
	vecSec      section
	releaseOnce sync.Once
	unmap       func()

	checkOnce sync.Once
	checkErr  error
	verified  atomic.Bool
	onCorrupt func(error) // called once when a lazily checked section is damaged; may be nil
}

// release unmaps the file. Nothing may use the snapshot's views afterwards.
func (l *loadedSnapshot) release() {
	if l == nil {
		return
	}
	l.releaseOnce.Do(func() {
		if l.unmap != nil {
			l.unmap()
		}
	})
}

// verifyVectors checks the vector section's checksum, once; it returns an
// ErrCorruptIndex error when the section is damaged.
func (l *loadedSnapshot) verifyVectors() error {
	if l == nil || l.verified.Load() {
		return nil
	}
	l.checkOnce.Do(func() {
		b := l.data[l.vecSec.off : l.vecSec.off+l.vecSec.n]
		if crc32.Checksum(b, castagnoli) != l.vecSec.crc {
			l.checkErr = fmt.Errorf("%w: %s: vector section checksum mismatch (damaged)", ErrCorruptIndex, l.path)
			if l.onCorrupt != nil {
				l.onCorrupt(l.checkErr)
			}
			return
		}
		l.verified.Store(true)
	})
	return l.checkErr
}

// moveAsideWhenCorrupt makes a damaged section found on first use move the
// file aside (kept, renamed index.kabar.corrupt-<time>), so the next Build
// finds no index and rebuilds it from the corpus, the way a damage found
// at open is repaired. A file already replaced by a new index is left
// alone; a directory that cannot be written only gets the error logged.
func (l *loadedSnapshot) moveAsideWhenCorrupt(logger *slog.Logger) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	l.onCorrupt = func(err error) {
		now, serr := os.Lstat(l.path)
		if serr != nil || !os.SameFile(now, l.info) {
			logger.Error("index was corrupt; it has already been replaced", "error", err.Error())
			return
		}
		aside := fmt.Sprintf("%s.corrupt-%d", l.path, time.Now().UnixNano())
		if rerr := os.Rename(l.path, aside); rerr != nil {
			logger.Error("index is corrupt; run `kabar index --rebuild` to repair it", "error", err.Error(), "move_aside_error", rerr.Error())
			return
		}
		logger.Error("index is corrupt; moved it aside, the next start or `kabar index` rebuilds it from the corpus", "error", err.Error(), "moved_to", aside)
	}
}

// readSnapshot loads an index file and verifies all of it. A missing file
// returns an error satisfying errors.Is(err, fs.ErrNotExist); a damaged
// one ErrCorruptIndex.
func readSnapshot(path string) (*snapshot, []float32, error) {
	l, err := openSnapshot(path, true)
	if err != nil {
		return nil, nil, err
	}
	if err := l.verifyVectors(); err != nil {
		l.release()
		return nil, nil, err
	}
	return l.s, l.vectors, nil
}

// openSnapshot maps an index file and checks its header and, with
// decodeMeta, its metadata and term sections (decoding the metadata);
// without decodeMeta only the layout is checked and l.s holds just the
// flat arrays. A missing file returns an error satisfying
// errors.Is(err, fs.ErrNotExist); a damaged one ErrCorruptIndex. The
// vector section is left for verifyVectors.
func openSnapshot(path string, decodeMeta bool) (*loadedSnapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() // the mapping outlives the descriptor
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	corrupt := func(why string) error {
		return fmt.Errorf("%w: %s: %s", ErrCorruptIndex, path, why)
	}
	if !info.Mode().IsRegular() {
		return nil, corrupt(fmt.Sprintf("not a file (%s)", info.Mode().Type()))
	}
	size := info.Size()
	head := make([]byte, headerBytes)
	n, err := f.ReadAt(head, 0)
	if n < len(snapshotMagic) || string(head[:len(snapshotMagic)]) != snapshotMagic {
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if n >= len(snapshotMagic) && string(head[:len(snapshotMagic)-1]) == snapshotMagic[:len(snapshotMagic)-1] {
			return nil, corrupt(fmt.Sprintf("written by another version of Kabar (format %c, this one reads %c)", head[len(snapshotMagic)-1], snapshotMagic[len(snapshotMagic)-1]))
		}
		return nil, corrupt("not a Kabar index of this version")
	}
	if n < headerBytes {
		return nil, corrupt("checksum mismatch (truncated or damaged)")
	}
	if crc32.Checksum(head[:headerBytes-4], castagnoli) != binary.LittleEndian.Uint32(head[headerBytes-4:]) {
		return nil, corrupt("bad header (checksum mismatch)")
	}
	secs, why := parseSections(head, uint64(size))
	if why != "" {
		return nil, corrupt(why)
	}
	data, unmap, err := mapFile(f, size)
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", path, err)
	}
	l := &loadedSnapshot{path: path, info: info, data: data, unmap: unmap, vecSec: secs[secVectors-1]}
	body := func(s section) []byte { return data[s.off : s.off+s.n] }
	ends, terms := body(secs[secTermEnds-1]), body(secs[secTerms-1])
	fail := func(err error) (*loadedSnapshot, error) {
		l.release()
		return nil, err
	}
	l.s = &snapshot{ChunkTerms: uint32sOf(terms), TermEnds: uint32sOf(ends)}
	l.vectors = floatsOf(body(l.vecSec))
	if !decodeMeta {
		return l, nil
	}
	for _, k := range []int{secMeta, secTermEnds, secTerms} {
		if crc32.Checksum(body(secs[k-1]), castagnoli) != secs[k-1].crc {
			return fail(corrupt("checksum mismatch (truncated or damaged)"))
		}
	}
	var m snapshotMeta
	if err := gob.NewDecoder(bytes.NewReader(body(secs[secMeta-1]))).Decode(&m); err != nil {
		return fail(corrupt("undecodable metadata"))
	}
	l.s.Embedder, l.s.Corpus, l.s.Docs, l.s.Vocab = m.Embedder, m.Corpus, m.Docs, m.Vocab
	if why := l.s.inconsistency(len(l.vectors)); why != "" {
		return fail(corrupt(why))
	}
	return l, nil
}

// parseSections reads the section table of a header whose checksum is
// right, and checks that the sections are where a correct writer puts
// them and that the file holds them exactly (a truncated file fails here).
func parseSections(head []byte, size uint64) ([]section, string) {
	m := len(snapshotMagic)
	if binary.LittleEndian.Uint32(head[m:]) != numSections || binary.LittleEndian.Uint32(head[m+4:]) != sectionAlign {
		return nil, "bad header"
	}
	secs := make([]section, numSections)
	end := uint64(sectionAlign)
	for i := range secs {
		b := head[16+24*i:]
		s := section{kind: binary.LittleEndian.Uint32(b), crc: binary.LittleEndian.Uint32(b[4:]),
			off: binary.LittleEndian.Uint64(b[8:]), n: binary.LittleEndian.Uint64(b[16:])}
		if s.kind != uint32(i+1) || s.off%sectionAlign != 0 || s.off < end || s.off > size || s.n > size-s.off {
			if s.kind == uint32(i+1) && s.off >= end && s.off%sectionAlign == 0 {
				return nil, "checksum mismatch (truncated or damaged)"
			}
			return nil, "bad header"
		}
		if s.kind != secMeta && s.n%4 != 0 {
			return nil, "bad header"
		}
		secs[i] = s
		end = s.off + s.n
	}
	if end != size {
		return nil, "checksum mismatch (truncated or damaged)"
	}
	return secs, ""
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
