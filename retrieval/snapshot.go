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
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// snapshotMagic starts every index file; the digit is the format version.
// It also changes when analysis changes (stemming, stop words), since the
// stored term ids would no longer meet the terms of new queries.
// Version 5 laid the file out in page-aligned sections, each with its own
// checksum, so the large ones are used in place through a memory map.
// Version 6 stores everything in such sections, nothing that must be
// decoded whole at open: a table of documents and one of chunks, the
// vocabulary with a hash table over it, the BM25 posting lists, the
// documents' texts and bodies, each large section with a checksum per
// block, checked as its blocks are first used (layout.go).
// Version 7 makes a file one segment of an index: the base (every term
// id from 0, postings for all of them) or a delta, which adds terms from
// VocabBase on and holds postings only for the terms its chunks use
// (segments.go).
// Version 8 stores a paragraph's own language (Paragraph.Lang) and a
// page's addresses in other languages (Document.Alternates).
// Version 9 changes no layout: HTML extraction keeps leads that a page's
// title or a menu item made it skip (extract.go), so texts stored by
// version 8 are stale and must be extracted again.
// Version 10 changes no layout: Indonesian stemming keeps a root ending
// in -ku or -mu ("bertemu" is stemmed temu, no longer only berte), so
// the terms stored by version 9 miss those stems. Versions past 9 are
// letters (A is 10: formatVersion).
// Version 11 changes no layout: English stemming keeps the inflections
// of a verb whose base is another's irregular past apart from it
// ("founded" is no longer stemmed found, the past of find), so the terms
// stored by version 10 merge them.
const snapshotMagic = "KABARIXB"

// formatVersion reads the magic's last character as a format number: a
// digit, or a letter from 10 on.
func formatVersion(c byte) string {
	switch {
	case c >= '0' && c <= '9':
		return string(c)
	case c >= 'A' && c <= 'Z':
		return strconv.Itoa(int(c-'A') + 10)
	}
	return strconv.Quote(string(c))
}

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

// snapshot is everything an index is written from: the builder's output
// and what readSnapshot materialises from a file.
type snapshot struct {
	Embedder   EmbedderInfo
	Corpus     string // a description of the corpus, for messages
	Generation uint64 // a base's random identity, which a manifest names; 0 in a delta
	VocabBase  int    // the id of Vocab[0]: earlier ids are earlier segments' terms
	Sparse     bool   // postings only for the terms the chunks use (a delta)
	Docs       []docRecord
	Vocab      []string
	ChunkTerms []uint32 // term ids of all chunks, concatenated
	TermEnds   []uint32 // ChunkTerms[TermEnds[i-1]:TermEnds[i]] belong to chunk i
}

// snapshotMeta is the gob-encoded part of a snapshot: a few fields; the
// rest has sections of its own.
type snapshotMeta struct {
	Embedder   EmbedderInfo
	Corpus     string
	Docs       int
	Chunks     int
	Vocab      int // terms this segment adds, ids VocabBase..VocabBase+Vocab-1
	VocabBase  int
	Sparse     bool
	Generation uint64
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
// then the sections in kind order, each starting on a multiple of the
// alignment (zero padding between them), the last ending the file. All
// integers are little endian; what each section holds is in layout.go.
const (
	sectionAlign = 4096
	secMeta      = 1  // gob snapshotMeta
	secDocs      = 2  // docWords u32s per document, sorted by id
	secStrs      = 3  // the documents' ids, paths, hashes and languages
	secChunks    = 4  // chunkWords u32s per chunk, in document order
	secTermEnds  = 5  // u32 per chunk: end of its term list in secTerms
	secVocabEnds = 6  // u32 per term: end of its bytes in secVocab
	secVocab     = 7  // the terms' bytes
	secVocabHash = 8  // open-addressing table: term id + 1, 0 = empty
	secPostEnds  = 9  // u32 per term: end of its postings in secPostings (sparse: term id, end pairs)
	secBodies    = 10 // per document: its metadata and paragraphs (blocked)
	secTexts     = 11 // the documents' texts (blocked)
	secPostings  = 12 // (chunk, tf) u32 pairs, by term, in chunk order (blocked)
	secTerms     = 13 // term ids of all chunks, concatenated (blocked)
	secBlockSums = 14 // CRC-32C of every checkBlock bytes of the blocked sections
	secVectors   = 15 // float32 matrix, row per chunk (checked whole, on first use)
	numSections  = 15
	headerBytes  = 16 + 24*numSections + 4
)

// blockedSections are checked a block at a time as they are used, in this
// order in secBlockSums.
var blockedSections = [...]int{secBodies, secTexts, secPostings, secTerms}

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
func writeSnapshot(dir string, s *snapshot, vectors vectorRows) error {
	_, err := writeSegment(dir, SnapshotFile, s, vectors)
	return err
}

// writeSegment writes s as the index file name in dir, crash-safely as
// writeSnapshot does, and returns its reference (size and header
// checksum) for a manifest.
func writeSegment(dir, name string, s *snapshot, vectors vectorRows) (segRef, error) {
	ref, err := writeSegmentFile(dir, name, s, vectors)
	if err != nil {
		return segRef{}, fmt.Errorf("write index: %w", err)
	}
	return ref, nil
}

func writeSegmentFile(dir, name string, s *snapshot, vectors vectorRows) (segRef, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return segRef{}, fmt.Errorf("create data directory: %w", err)
	}
	payloads, err := layOut(s, vectors)
	if err != nil {
		return segRef{}, err
	}
	tmp, err := os.CreateTemp(dir, ".index-*.tmp")
	if err != nil {
		return segRef{}, err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return segRef{}, err
	}
	// The sections are streamed, each one's checksum computed on the way;
	// the header, which holds the checksums, is written last, in place.
	w := bufio.NewWriterSize(tmp, 1<<20)
	var head []byte
	head, err = writeSections(w, payloads)
	if err == nil {
		err = w.Flush() // bufio keeps the first write error for Flush
	}
	if err == nil {
		_, err = tmp.WriteAt(head, 0)
	}
	if err != nil {
		tmp.Close()
		return segRef{}, err
	}
	size, err := tmp.Seek(0, io.SeekEnd)
	if err != nil {
		tmp.Close()
		return segRef{}, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return segRef{}, err
	}
	if err := tmp.Close(); err != nil {
		return segRef{}, err
	}
	if err := os.Rename(tmpName, filepath.Join(dir, name)); err != nil {
		return segRef{}, err
	}
	syncDir(dir)
	return segRef{Name: name, Size: size, HeadCRC: binary.LittleEndian.Uint32(head[len(head)-4:])}, nil
}

// syncDir makes renames in dir durable, best effort: some filesystems
// refuse to sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// payload is one section's contents, written by write (n bytes).
type payload struct {
	n     uint64
	write func(io.Writer) error
}

// writeSections streams the sections (in kind order, payloads[i] of kind
// i+1) after room for the header page, computing their checksums and the
// block checksums of the blocked sections, which secBlockSums (written
// after them) holds. It returns the header to write at offset 0.
func writeSections(w io.Writer, payloads []payload) ([]byte, error) {
	secs := make([]section, len(payloads))
	pos := uint64(0)
	var werr error
	pad := func(to uint64) {
		var zeros [sectionAlign]byte
		for pos < to && werr == nil {
			k := min(to-pos, sectionAlign)
			_, werr = w.Write(zeros[:k])
			pos += k
		}
	}
	pad(sectionAlign) // room for the header
	var sums []uint32
	for i, p := range payloads {
		kind := i + 1
		pad(alignUp(pos))
		if werr != nil {
			return nil, werr
		}
		if kind == secBlockSums {
			p = payload{4 * uint64(len(sums)), func(w io.Writer) error { return writeUint32s(w, sums) }}
		}
		crc := crc32.New(castagnoli)
		out := io.MultiWriter(w, crc)
		var bs *blockSummer
		if slices.Contains(blockedSections[:], kind) {
			bs = &blockSummer{}
			out = io.MultiWriter(out, bs)
		}
		if err := p.write(out); err != nil {
			return nil, err
		}
		if bs != nil {
			sums = append(sums, bs.finish()...)
		}
		secs[i] = section{kind: uint32(kind), crc: crc.Sum32(), off: pos, n: p.n}
		pos += p.n
	}
	return encodeHeader(secs), nil
}

// encodeInMemory lays s out as the index file would be, in one buffer
// aligned for the uint32 and float32 views: an index that cannot be
// served from its file is served from this.
func encodeInMemory(s *snapshot, vectors vectorRows) ([]byte, error) {
	payloads, err := layOut(s, vectors)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	head, err := writeSections(&buf, payloads)
	if err != nil {
		return nil, err
	}
	words := make([]uint64, (buf.Len()+7)/8)
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), len(words)*8)[:buf.Len()]
	copy(b, buf.Bytes())
	copy(b, head)
	return b, nil
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

// loadedSnapshot is an index file opened for use in place: every section
// is a view of the mapped file (or, where files cannot be mapped, of one
// buffer holding it). The small sections are verified when it is opened;
// the blocked ones a block at a time as they are first used; the vector
// section, most of the file, on first use (verifyVectors), so a question
// that never touches the vectors never reads them.
type loadedSnapshot struct {
	view
	path string
	info os.FileInfo

	data        []byte // the whole file
	headCRC     uint32 // the header's checksum: with the size, what a manifest names
	vecSec      section
	releaseOnce sync.Once
	unmap       func()

	checkOnce sync.Once
	checkErr  error
	verified  atomic.Bool

	corruptOnce sync.Once
	onCorrupt   func(error) // called once when a lazily checked section is damaged; may be nil
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

// corrupt reports damage found in a lazily checked section: it returns an
// ErrCorruptIndex error, and the first time calls onCorrupt.
func (l *loadedSnapshot) corrupt(what string) error {
	err := fmt.Errorf("%w: %s: %s", ErrCorruptIndex, l.path, what)
	l.corruptOnce.Do(func() {
		if l.onCorrupt != nil {
			l.onCorrupt(err)
		}
	})
	return err
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
			l.checkErr = l.corrupt("vector section checksum mismatch (damaged)")
			return
		}
		l.verified.Store(true)
	})
	return l.checkErr
}

// verifyAll checks every block of every lazily checked section, and the
// vectors.
func (l *loadedSnapshot) verifyAll() error {
	for _, s := range l.blocked() {
		if !s.check(0, len(s.data)) {
			return l.corrupt(s.name + " checksum mismatch (damaged)")
		}
	}
	return l.verifyVectors()
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
	if l.info == nil {
		l.onCorrupt = func(err error) { logger.Error("index is corrupt", "error", err.Error()) }
		return
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

// readSnapshot loads an index file, verifies all of it and materialises
// it as a snapshot. A missing file returns an error satisfying
// errors.Is(err, fs.ErrNotExist); a damaged one ErrCorruptIndex.
func readSnapshot(path string) (*snapshot, []float32, error) {
	l, err := openSnapshot(path)
	if err != nil {
		return nil, nil, err
	}
	if err := l.verifyAll(); err != nil {
		l.release()
		return nil, nil, err
	}
	s, err := l.materialise()
	if err != nil {
		l.release()
		return nil, nil, err
	}
	return s, l.vectors, nil
}

// openSnapshot maps an index file and checks its header, its small
// sections and their consistency. A missing file returns an error
// satisfying errors.Is(err, fs.ErrNotExist); a damaged one
// ErrCorruptIndex. The blocked sections and the vectors are checked as
// they are used.
func openSnapshot(path string) (*loadedSnapshot, error) {
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
			return nil, corrupt(fmt.Sprintf("written by another version of Kabar (format %s, this one reads %s)", formatVersion(head[len(snapshotMagic)-1]), formatVersion(snapshotMagic[len(snapshotMagic)-1])))
		}
		return nil, corrupt("not a Kabar index of this version")
	}
	if n < headerBytes {
		return nil, corrupt("checksum mismatch (truncated or damaged)")
	}
	if crc32.Checksum(head[:headerBytes-4], castagnoli) != binary.LittleEndian.Uint32(head[headerBytes-4:]) {
		return nil, corrupt("bad header (checksum mismatch)")
	}
	if _, why := parseSections(head, uint64(size)); why != "" {
		return nil, corrupt(why)
	}
	data, unmap, err := mapFile(f, size)
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", path, err)
	}
	l, err := openBytes(data, path)
	if err != nil {
		unmap()
		return nil, err
	}
	l.info, l.unmap = info, unmap
	l.headCRC = binary.LittleEndian.Uint32(head[headerBytes-4:])
	return l, nil
}

// openBytes opens an index file held in data (mapped or in memory, 8-byte
// aligned), checking what openSnapshot promises.
func openBytes(data []byte, path string) (*loadedSnapshot, error) {
	corrupt := func(why string) error {
		return fmt.Errorf("%w: %s: %s", ErrCorruptIndex, path, why)
	}
	if len(data) < headerBytes || string(data[:len(snapshotMagic)]) != snapshotMagic ||
		crc32.Checksum(data[:headerBytes-4], castagnoli) != binary.LittleEndian.Uint32(data[headerBytes-4:]) {
		return nil, corrupt("bad header")
	}
	secs, why := parseSections(data[:headerBytes], uint64(len(data)))
	if why != "" {
		return nil, corrupt(why)
	}
	body := func(k int) []byte { s := secs[k-1]; return data[s.off : s.off+s.n] }
	for k := secMeta; k <= secPostEnds; k++ {
		if crc32.Checksum(body(k), castagnoli) != secs[k-1].crc {
			return nil, corrupt("checksum mismatch (truncated or damaged)")
		}
	}
	if crc32.Checksum(body(secBlockSums), castagnoli) != secs[secBlockSums-1].crc {
		return nil, corrupt("checksum mismatch (truncated or damaged)")
	}
	var m snapshotMeta
	if err := gob.NewDecoder(bytes.NewReader(body(secMeta))).Decode(&m); err != nil {
		return nil, corrupt("undecodable metadata")
	}
	l := &loadedSnapshot{path: path, data: data, vecSec: secs[secVectors-1]}
	if why := l.view.init(m, body, uint32sOf(body(secBlockSums))); why != "" {
		return nil, corrupt(why)
	}
	l.view.corrupt = l.corrupt
	l.vectors = floatsOf(body(secVectors))
	if m.Chunks > 0 && (m.Embedder.Dim <= 0 || len(l.vectors)%m.Embedder.Dim != 0 || len(l.vectors)/m.Embedder.Dim != m.Chunks) {
		return nil, corrupt("vectors do not match the chunks")
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
		if s.kind != secMeta && s.kind != secStrs && s.kind != secVocab && s.kind != secBodies && s.kind != secTexts && s.n%4 != 0 {
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
