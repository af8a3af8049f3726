package retrieval

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"
)

// What the sections of an index file (format 9) hold, and the view an
// Index reads them through in place. Nothing is decoded whole when a file
// is opened: a document is decoded when it is asked for, a chunk is read
// from its table row, a term is found through the stored hash table and
// its postings are read where they lie. What is opened costs time and
// private memory in proportion to what is used, not to the corpus.

// docWords is the size of a document's row in secDocs, in u32 words:
//
//	0,1 offset of its text in secTexts (lo, hi)   2 its length
//	3,4 offset of its body in secBodies (lo, hi)  5 its length
//	6 first chunk  7 number of chunks
//	8,9 file size  10,11 modification time (unix ns)
//	12,13,14,15 offsets in secStrs of its id, path, hash and language
//
// Rows are sorted by document id.
const docWords = 16

// chunkWords is the size of a chunk's row in secChunks: its document, the
// start and end of its text in the document's, its paragraph (int32), its
// number among the paragraph's chunks (from 1), and 1 when it is not
// evidence.
const chunkWords = 6

// checkBlock is the granule of the blocked sections' checksums: a search
// reads and checks only the blocks it touches.
const checkBlock = 64 << 10

// Field indexes of a document's strings in its row.
const (
	strID   = 12
	strPath = 13
	strHash = 14
	strLang = 15
)

// layOut computes every section's contents from s (payloads[i] is the
// section of kind i+1). A snapshot whose parts disagree gives
// ErrCorruptIndex: it can only come from a damaged previous file.
func layOut(s *snapshot, vectors vectorRows) ([]payload, error) {
	nChunks := 0
	for _, r := range s.Docs {
		if len(r.ChunkParas) != len(r.Chunks) {
			return nil, fmt.Errorf("%w: chunk table of %s is inconsistent", ErrCorruptIndex, r.Doc.ID)
		}
		nChunks += len(r.Chunks)
	}
	if len(s.TermEnds) != nChunks {
		return nil, fmt.Errorf("%w: %d chunks but %d term lists", ErrCorruptIndex, nChunks, len(s.TermEnds))
	}
	var meta bytes.Buffer
	m := snapshotMeta{Embedder: s.Embedder, Corpus: s.Corpus, Docs: len(s.Docs), Chunks: nChunks, Vocab: len(s.Vocab),
		VocabBase: s.VocabBase, Sparse: s.Sparse, Generation: s.Generation}
	if err := gob.NewEncoder(&meta).Encode(&m); err != nil {
		return nil, fmt.Errorf("encode index: %w", err)
	}

	docTab := make([]uint32, 0, docWords*len(s.Docs))
	chunkTab := make([]uint32, 0, chunkWords*nChunks)
	var strs, bodies []byte
	var textLen uint64
	addStr := func(v string) uint32 {
		off := uint32(len(strs))
		strs = binary.AppendUvarint(strs, uint64(len(v)))
		strs = append(strs, v...)
		return off
	}
	var seq []int
	var oddSeq map[int]int
	first := 0
	for i, r := range s.Docs {
		bodyOff := uint64(len(bodies))
		bodies = appendBody(bodies, &r)
		docTab = append(docTab,
			uint32(textLen), uint32(textLen>>32), uint32(len(r.Text)),
			uint32(bodyOff), uint32(bodyOff>>32), uint32(uint64(len(bodies))-bodyOff),
			uint32(first), uint32(len(r.Chunks)),
			uint32(r.Size), uint32(uint64(r.Size)>>32), uint32(r.ModTime), uint32(uint64(r.ModTime)>>32),
			addStr(r.Doc.ID), addStr(r.Doc.Path), addStr(r.Doc.Hash), addStr(r.Doc.Lang))
		textLen += uint64(len(r.Text))
		first += len(r.Chunks)
		// A chunk's number counts the chunks of its paragraph so far.
		// Paragraph indexes count from 1, so a slice does; odd values from
		// a damaged file go to a map.
		clear(seq)
		clear(oddSeq)
		for k, sp := range r.Chunks {
			if sp.Start < 0 || sp.End > len(r.Text) || sp.Start > sp.End {
				return nil, fmt.Errorf("%w: chunk %d of %s lies outside the document", ErrCorruptIndex, k, r.Doc.ID)
			}
			p := r.ChunkParas[k]
			var n int
			if p >= 0 && p <= len(r.Paragraphs) {
				if p >= len(seq) {
					seq = append(seq, make([]int, p+1-len(seq))...)
				}
				seq[p]++
				n = seq[p]
			} else {
				if oddSeq == nil {
					oddSeq = map[int]int{}
				}
				oddSeq[p]++
				n = oddSeq[p]
			}
			notEvidence := uint32(0)
			if p >= 1 && p <= len(r.Paragraphs) && r.Paragraphs[p-1].NotEvidence {
				notEvidence = 1
			}
			chunkTab = append(chunkTab, uint32(i), uint32(sp.Start), uint32(sp.End), uint32(int32(p)), uint32(n), notEvidence)
		}
	}

	// The vocabulary, and a hash table over it (load at most one half).
	vocabEnds := make([]uint32, len(s.Vocab))
	var vocab []byte
	for i, t := range s.Vocab {
		vocab = append(vocab, t...)
		vocabEnds[i] = uint32(len(vocab))
	}
	size := 2
	for size < 2*len(s.Vocab) {
		size *= 2
	}
	table := make([]uint32, size)
	for id, t := range s.Vocab {
		for h := termHash(t) & uint64(size-1); ; h = (h + 1) & uint64(size-1) {
			if table[h] == 0 {
				table[h] = uint32(id) + 1
				break
			}
		}
	}

	var postEnds, postings []uint32
	var err error
	if s.Sparse {
		postEnds, postings, err = buildSparsePostings(s.VocabBase+len(s.Vocab), s.ChunkTerms, s.TermEnds)
	} else {
		if s.VocabBase != 0 {
			return nil, fmt.Errorf("%w: dense postings need every term", ErrCorruptIndex)
		}
		postEnds, postings, err = buildPostings(len(s.Vocab), s.ChunkTerms, s.TermEnds)
	}
	if err != nil {
		return nil, err
	}
	u32s := func(v []uint32) payload {
		return payload{4 * uint64(len(v)), func(w io.Writer) error { return writeUint32s(w, v) }}
	}
	raw := func(b []byte) payload {
		return payload{uint64(len(b)), func(w io.Writer) error { _, err := w.Write(b); return err }}
	}
	texts := payload{textLen, func(w io.Writer) error {
		for _, r := range s.Docs {
			// A view of the text, not io.WriteString's copy: a Writer
			// neither changes nor keeps what it is given, and the texts
			// are a tenth of what a build writes.
			if _, err := w.Write(unsafe.Slice(unsafe.StringData(r.Text), len(r.Text))); err != nil {
				return err
			}
		}
		return nil
	}}
	return []payload{
		raw(meta.Bytes()), u32s(docTab), raw(strs), u32s(chunkTab), u32s(s.TermEnds),
		u32s(vocabEnds), raw(vocab), u32s(table), u32s(postEnds),
		raw(bodies), texts, u32s(postings), u32s(s.ChunkTerms),
		{}, // the block checksums, filled in by writeSections
		{4 * uint64(vectors.floats()), vectors.write},
	}, nil
}

// buildPostings lays out every term's (chunk, tf) postings in chunk order,
// the terms one after another: postEnds[t] is where term t's end, in
// pairs. Two passes over the term lists: the first counts each term's
// chunks, the second fills them in. lastChunk[t] is the last chunk term t
// was seen in (+1, so that 0 means never), which makes a set per chunk
// unnecessary.
func buildPostings(nVocab int, terms, ends []uint32) (postEnds, postings []uint32, err error) {
	chunkAt := func(c int) ([]uint32, bool) {
		start := uint32(0)
		if c > 0 {
			start = ends[c-1]
		}
		if start > ends[c] || int(ends[c]) > len(terms) {
			return nil, false
		}
		return terms[start:ends[c]], true
	}
	lastChunk := make([]uint32, nVocab)
	df := make([]uint32, nVocab)
	for c := range ends {
		ts, ok := chunkAt(c)
		if !ok {
			return nil, nil, fmt.Errorf("%w: term lists are out of order", ErrCorruptIndex)
		}
		for _, t := range ts {
			if int(t) >= nVocab {
				return nil, nil, fmt.Errorf("%w: term id out of range", ErrCorruptIndex)
			}
			if lastChunk[t] != uint32(c)+1 {
				lastChunk[t] = uint32(c) + 1
				df[t]++
			}
		}
	}
	postEnds = make([]uint32, nVocab)
	next := make([]uint32, nVocab) // where term t's next posting goes, in pairs
	total := uint32(0)
	for t, n := range df {
		next[t] = total
		total += n
		postEnds[t] = total
	}
	postings = make([]uint32, 2*int(total))
	clear(lastChunk)
	for c := range ends {
		ts, _ := chunkAt(c)
		for _, t := range ts {
			if lastChunk[t] == uint32(c)+1 {
				postings[2*(next[t]-1)+1]++
				continue
			}
			lastChunk[t] = uint32(c) + 1
			postings[2*next[t]], postings[2*next[t]+1] = uint32(c), 1
			next[t]++
		}
	}
	return postEnds, postings, nil
}

// buildSparsePostings lays out the postings of the terms the chunks use
// (ids below nVocab), a delta segment's: postEnds holds a (term id, end)
// pair per term, ids ascending. The work and memory are in proportion to
// the chunks, not to the vocabulary: the used ids are renumbered densely
// for buildPostings.
func buildSparsePostings(nVocab int, terms, ends []uint32) (postEnds, postings []uint32, err error) {
	local := map[uint32]uint32{}
	for _, t := range terms {
		if int(t) >= nVocab {
			return nil, nil, fmt.Errorf("%w: term id out of range", ErrCorruptIndex)
		}
		local[t] = 0
	}
	ids := make([]uint32, 0, len(local))
	for t := range local {
		ids = append(ids, t)
	}
	slices.Sort(ids)
	for i, t := range ids {
		local[t] = uint32(i)
	}
	renamed := make([]uint32, len(terms))
	for i, t := range terms {
		renamed[i] = local[t]
	}
	dense, postings, err := buildPostings(len(ids), renamed, ends)
	if err != nil {
		return nil, nil, err
	}
	postEnds = make([]uint32, 0, 2*len(ids))
	for i, t := range ids {
		postEnds = append(postEnds, t, dense[i])
	}
	return postEnds, postings, nil
}

// termHash is FNV-1a, 64 bits.
func termHash(t string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(t); i++ {
		h ^= uint64(t[i])
		h *= 1099511628211
	}
	return h
}

// appendBody encodes what a document row does not hold: the document's
// fields but its text, and its paragraphs. Every integer is a varint.
func appendBody(b []byte, r *docRecord) []byte {
	d := &r.Doc
	for _, s := range []string{d.ID, d.Path, d.Title, d.Outlet, d.Published, d.Modified, d.Author, d.Lang, d.URL, d.Alternates, d.Encoding, d.Hash} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	spans := func(b []byte, ss []Span) []byte {
		b = binary.AppendUvarint(b, uint64(len(ss)))
		for _, s := range ss {
			b = binary.AppendVarint(b, int64(s.Start))
			b = binary.AppendVarint(b, int64(s.End))
		}
		return b
	}
	b = spans(b, d.NotEvidence)
	b = binary.AppendUvarint(b, uint64(len(r.Paragraphs)))
	for _, p := range r.Paragraphs {
		b = binary.AppendVarint(b, int64(p.Index))
		b = binary.AppendVarint(b, int64(p.Span.Start))
		b = binary.AppendVarint(b, int64(p.Span.End))
		b = spans(b, p.Sentences)
		flags := byte(0)
		if p.Boilerplate {
			flags |= 1
		}
		if p.NotEvidence {
			flags |= 2
		}
		if p.Lang != "" {
			flags |= 4
		}
		b = append(b, flags)
		if p.Lang != "" {
			b = binary.AppendUvarint(b, uint64(len(p.Lang)))
			b = append(b, p.Lang...)
		}
	}
	return b
}

// decodeBody decodes what appendBody wrote, for a document whose text is
// textLen bytes; every span must lie inside the text. It reports false for
// bytes a correct writer cannot have written.
func decodeBody(b []byte, textLen int) (Document, []Paragraph, bool) {
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return v
	}
	iv := func() int {
		v, n := binary.Varint(b)
		if n <= 0 || v != int64(int(v)) {
			bad = true
			return 0
		}
		b = b[n:]
		return int(v)
	}
	str := func() string {
		n := uv()
		if bad || n > uint64(len(b)) {
			bad = true
			return ""
		}
		s := string(b[:n])
		b = b[n:]
		return s
	}
	span := func() Span {
		s := Span{Start: iv(), End: iv()}
		if s.Start < 0 || s.Start > s.End || s.End > textLen {
			bad = true
		}
		return s
	}
	spans := func() []Span {
		n := uv()
		if bad || n > uint64(len(b)) {
			bad = true
			return nil
		}
		var out []Span
		for i := uint64(0); i < n && !bad; i++ {
			out = append(out, span())
		}
		return out
	}
	var d Document
	for _, f := range []*string{&d.ID, &d.Path, &d.Title, &d.Outlet, &d.Published, &d.Modified, &d.Author, &d.Lang, &d.URL, &d.Alternates, &d.Encoding, &d.Hash} {
		*f = str()
	}
	d.NotEvidence = spans()
	n := uv()
	if bad || n > uint64(len(b)) {
		return Document{}, nil, false
	}
	var paras []Paragraph
	if n > 0 {
		paras = make([]Paragraph, 0, n)
	}
	for i := uint64(0); i < n && !bad; i++ {
		p := Paragraph{Index: iv()}
		p.Span = span()
		p.Sentences = spans()
		if len(b) == 0 {
			bad = true
			break
		}
		p.Boilerplate, p.NotEvidence = b[0]&1 != 0, b[0]&2 != 0
		hasLang := b[0]&4 != 0
		b = b[1:]
		if hasLang {
			p.Lang = str()
		}
		paras = append(paras, p)
	}
	if bad || len(b) != 0 {
		return Document{}, nil, false
	}
	return d, paras, true
}

// blockSummer computes the CRC-32C of every checkBlock bytes written to it.
type blockSummer struct {
	sums   []uint32
	cur    uint32
	filled int
}

func (b *blockSummer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), checkBlock-b.filled)
		b.cur = crc32.Update(b.cur, castagnoli, p[:k])
		b.filled += k
		p = p[k:]
		if b.filled == checkBlock {
			b.sums = append(b.sums, b.cur)
			b.cur, b.filled = 0, 0
		}
	}
	return n, nil
}

func (b *blockSummer) finish() []uint32 {
	if b.filled > 0 {
		b.sums = append(b.sums, b.cur)
	}
	return b.sums
}

// blockSums returns the block checksums of b, as blockSummer computes them.
func blockSums(b []byte) []uint32 {
	var s blockSummer
	s.Write(b)
	return s.finish()
}

// lazySection is a section checked a block at a time, each block once,
// when a range of it is first used. extra, when set, checks a block's
// contents beyond its checksum (term ids inside the vocabulary).
type lazySection struct {
	name  string
	data  []byte
	sums  []uint32
	done  []atomic.Uint64 // a bit per block
	extra func([]byte) bool
}

func newLazySection(name string, data []byte, sums []uint32) *lazySection {
	return &lazySection{name: name, data: data, sums: sums, done: make([]atomic.Uint64, (len(sums)+63)/64)}
}

// check verifies the blocks holding [lo, hi), reporting false when one is
// damaged or the range does not lie inside the section.
func (s *lazySection) check(lo, hi int) bool {
	if lo < 0 || lo > hi || hi > len(s.data) {
		return false
	}
	if lo == hi {
		return true
	}
	for b := lo / checkBlock; b <= (hi-1)/checkBlock; b++ {
		w, bit := b/64, uint64(1)<<(b%64)
		if s.done[w].Load()&bit != 0 {
			continue
		}
		blk := s.data[b*checkBlock : min((b+1)*checkBlock, len(s.data))]
		if crc32.Checksum(blk, castagnoli) != s.sums[b] || s.extra != nil && !s.extra(blk) {
			return false
		}
		s.done[w].Or(bit)
	}
	return true
}

// view is an index file's sections as the Index reads them.
type view struct {
	embedder   EmbedderInfo
	corpusName string
	nDocs      int
	nChunks    int
	nVocab     int // terms this file adds (a chain's view: every term)
	vocabBase  uint32
	sparse     bool
	generation uint64

	docTab    []uint32
	strs      []byte
	chunkTab  []uint32
	termEnds  []uint32
	vocabEnds []uint32
	vocab     []byte
	vocabHash []uint32
	postEnds  []uint32

	bodies, texts, postingsSec, termsSec *lazySection
	terms                                []uint32
	postings                             []posting
	vectors                              []float32

	corrupt func(what string) error // reports damage found on use

	// chain, when set, makes this the view of an index of several
	// segment files (segments.go): its methods read the segments, and
	// of the fields above only the counts, termEnds and the embedder's
	// and corpus's names are set.
	chain *chain
}

// init sets the view up over the sections body returns and checks that
// the small ones agree with each other and with the large ones' sizes, so
// that no later read goes out of bounds. It returns what is wrong, or "".
func (v *view) init(m snapshotMeta, body func(kind int) []byte, sums []uint32) string {
	v.embedder, v.corpusName = m.Embedder, m.Corpus
	v.nDocs, v.nChunks, v.nVocab = m.Docs, m.Chunks, m.Vocab
	v.sparse, v.generation = m.Sparse, m.Generation
	if m.Docs < 0 || m.Chunks < 0 || m.Vocab < 0 || m.VocabBase < 0 || m.Chunks > 1<<32-2 || uint64(m.Vocab)+uint64(m.VocabBase) > 1<<32-2 ||
		!m.Sparse && m.VocabBase != 0 {
		return "bad counts"
	}
	v.vocabBase = uint32(m.VocabBase)
	totalVocab := uint32(m.VocabBase + m.Vocab) // every id this file may use
	v.docTab, v.strs, v.chunkTab = uint32sOf(body(secDocs)), body(secStrs), uint32sOf(body(secChunks))
	v.termEnds, v.vocabEnds, v.vocab = uint32sOf(body(secTermEnds)), uint32sOf(body(secVocabEnds)), body(secVocab)
	v.vocabHash, v.postEnds = uint32sOf(body(secVocabHash)), uint32sOf(body(secPostEnds))
	if len(v.docTab) != docWords*m.Docs || len(v.chunkTab) != chunkWords*m.Chunks {
		return "document or chunk table does not match the counts"
	}
	if len(v.termEnds) != m.Chunks {
		return "term lists do not match the chunks"
	}
	if len(v.vocabEnds) != m.Vocab || !m.Sparse && len(v.postEnds) != m.Vocab || m.Sparse && len(v.postEnds)%2 != 0 {
		return "vocabulary does not match the counts"
	}
	if n := len(v.vocabHash); n < 2 || n&(n-1) != 0 || n < m.Vocab+1 {
		return "bad vocabulary table"
	}
	// The blocked sections, and their block checksums.
	secs := []*lazySection{}
	at := 0
	for _, k := range blockedSections {
		b := body(k)
		n := (len(b) + checkBlock - 1) / checkBlock
		if at+n > len(sums) {
			return "block checksums do not match the sections"
		}
		secs = append(secs, newLazySection(sectionName(k), b, sums[at:at+n]))
		at += n
	}
	if at != len(sums) {
		return "block checksums do not match the sections"
	}
	v.bodies, v.texts, v.postingsSec, v.termsSec = secs[0], secs[1], secs[2], secs[3]
	v.terms = uint32sOf(v.termsSec.data)
	if len(v.postingsSec.data)%8 != 0 {
		return "odd postings"
	}
	pw := uint32sOf(v.postingsSec.data)
	if len(pw) > 0 {
		v.postings = unsafe.Slice((*posting)(unsafe.Pointer(unsafe.SliceData(pw))), len(pw)/2)
	}
	nVocab, nChunks := uint32(m.Vocab), uint32(m.Chunks)
	v.termsSec.extra = func(b []byte) bool {
		for i := 0; i+4 <= len(b); i += 4 {
			if binary.LittleEndian.Uint32(b[i:]) >= totalVocab {
				return false
			}
		}
		return true
	}
	v.postingsSec.extra = func(b []byte) bool {
		for i := 0; i+8 <= len(b); i += 8 {
			if binary.LittleEndian.Uint32(b[i:]) >= nChunks {
				return false
			}
		}
		return true
	}

	prev := uint32(0)
	for _, e := range v.termEnds {
		if e < prev || uint64(e) > uint64(len(v.terms)) {
			return "term lists are out of order"
		}
		prev = e
	}
	prev = 0
	for _, e := range v.vocabEnds {
		if e < prev || uint64(e) > uint64(len(v.vocab)) {
			return "vocabulary is out of order"
		}
		prev = e
	}
	prev = 0
	if m.Sparse {
		for i := 0; i < len(v.postEnds); i += 2 {
			id, e := v.postEnds[i], v.postEnds[i+1]
			if id >= totalVocab || i > 0 && id <= v.postEnds[i-2] || e < prev || uint64(e) > uint64(len(v.postings)) {
				return "postings are out of order"
			}
			prev = e
		}
	} else {
		for _, e := range v.postEnds {
			if e < prev || uint64(e) > uint64(len(v.postings)) {
				return "postings are out of order"
			}
			prev = e
		}
	}
	if prev != uint32(len(v.postings)) && len(v.postEnds) > 0 {
		return "postings are out of order"
	}
	for _, e := range v.vocabHash {
		if e > nVocab {
			return "bad vocabulary table"
		}
	}
	// Documents: their strings readable, ids ascending, texts and bodies
	// inside their sections, chunks contiguous and inside the texts.
	chunk := 0
	prevID := ""
	for i := range v.nDocs {
		row := v.docTab[i*docWords : (i+1)*docWords]
		for _, f := range []int{strID, strPath, strHash, strLang} {
			if _, ok := v.strAt(row[f]); !ok {
				return "bad document table"
			}
		}
		id := v.docID(i)
		if i > 0 && id <= prevID {
			return "documents out of order"
		}
		prevID = id
		textOff, textLen := uint64(row[0])|uint64(row[1])<<32, uint64(row[2])
		bodyOff, bodyLen := uint64(row[3])|uint64(row[4])<<32, uint64(row[5])
		if textOff > uint64(len(v.texts.data)) || textLen > uint64(len(v.texts.data))-textOff ||
			bodyOff > uint64(len(v.bodies.data)) || bodyLen > uint64(len(v.bodies.data))-bodyOff {
			return "a document lies outside its section"
		}
		if int(row[6]) != chunk || uint64(row[7]) > uint64(v.nChunks-chunk) {
			return "chunk table does not match the documents"
		}
		for c := chunk; c < chunk+int(row[7]); c++ {
			cr := v.chunkTab[c*chunkWords : (c+1)*chunkWords]
			if int(cr[0]) != i || cr[1] > cr[2] || uint64(cr[2]) > textLen {
				return "a chunk of " + id + " lies outside the document"
			}
		}
		chunk += int(row[7])
	}
	if chunk != v.nChunks {
		return "chunk table does not match the documents"
	}
	return ""
}

func sectionName(kind int) string {
	switch kind {
	case secBodies:
		return "document section"
	case secTexts:
		return "text section"
	case secPostings:
		return "postings section"
	case secTerms:
		return "term section"
	}
	return "section " + strconv.Itoa(kind)
}

func (v *view) blocked() []*lazySection {
	return []*lazySection{v.bodies, v.texts, v.postingsSec, v.termsSec}
}

// strAt reads the string at off in secStrs, as a view of the section: it
// must not outlive the view (callers copy what they hand out).
func (v *view) strAt(off uint32) (string, bool) {
	if uint64(off) >= uint64(len(v.strs)) {
		return "", false
	}
	n, k := binary.Uvarint(v.strs[off:])
	if k <= 0 || n > uint64(len(v.strs))-uint64(off)-uint64(k) {
		return "", false
	}
	b := v.strs[int(off)+k : int(off)+k+int(n)]
	if len(b) == 0 {
		return "", true
	}
	return unsafe.String(&b[0], len(b)), true
}

// docStr is field f (strID, ...) of document i, a view (see strAt).
func (v *view) docStr(i, f int) string {
	if v.chain != nil {
		return v.chain.docStr(i, f)
	}
	s, _ := v.strAt(v.docTab[i*docWords+f])
	return s
}

func (v *view) docID(i int) string { return v.docStr(i, strID) }

// findDoc returns the row of the document with id.
func (v *view) findDoc(id string) (int, bool) {
	// A chain's documents are in id order too, through docID.
	i := sort.Search(v.nDocs, func(i int) bool { return v.docID(i) >= id })
	return i, i < v.nDocs && v.docID(i) == id
}

func (v *view) docChunks(i int) (first, n int) {
	if v.chain != nil {
		return v.chain.docChunks(i)
	}
	row := v.docTab[i*docWords:]
	return int(row[6]), int(row[7])
}

func (v *view) docSize(i int) (size, modTime int64) {
	if v.chain != nil {
		return v.chain.docSize(i)
	}
	row := v.docTab[i*docWords:]
	return int64(uint64(row[8]) | uint64(row[9])<<32), int64(uint64(row[10]) | uint64(row[11])<<32)
}

// docText returns document i's text, a view of the texts section.
func (v *view) docText(i int) ([]byte, error) {
	row := v.docTab[i*docWords:]
	off, n := int(uint64(row[0])|uint64(row[1])<<32), int(row[2])
	if !v.texts.check(off, off+n) {
		return nil, v.corrupt("text section checksum mismatch (damaged)")
	}
	return v.texts.data[off : off+n], nil
}

// decodeDoc decodes document i: its fields, a copy of its text, and its
// paragraphs.
func (v *view) decodeDoc(i int) (Document, []Paragraph, error) {
	if v.chain != nil {
		return v.chain.decodeDoc(i)
	}
	text, err := v.docText(i)
	if err != nil {
		return Document{}, nil, err
	}
	row := v.docTab[i*docWords:]
	off, n := int(uint64(row[3])|uint64(row[4])<<32), int(row[5])
	if !v.bodies.check(off, off+n) {
		return Document{}, nil, v.corrupt("document section checksum mismatch (damaged)")
	}
	d, paras, ok := decodeBody(v.bodies.data[off:off+n], len(text))
	if !ok || d.ID != v.docID(i) {
		return Document{}, nil, v.corrupt("document " + strconv.Quote(v.docID(i)) + " is undecodable")
	}
	d.Text = string(text)
	return d, paras, nil
}

// chunkRow is chunk c's row.
func (v *view) chunkRow(c int) []uint32 { return v.chunkTab[c*chunkWords : (c+1)*chunkWords] }

// chunkDoc is the document row of chunk c.
func (v *view) chunkDoc(c int) int32 {
	if v.chain != nil {
		return v.chain.chunkDoc(c)
	}
	return int32(v.chunkTab[c*chunkWords])
}

// chunk builds chunk c, its id and text copied out of the file.
func (v *view) chunk(c int) (Chunk, error) {
	if v.chain != nil {
		return v.chain.chunk(c)
	}
	r := v.chunkRow(c)
	doc := int(r[0])
	text, err := v.docText(doc)
	if err != nil {
		return Chunk{}, err
	}
	id := strings.Clone(v.docID(doc))
	p := int(int32(r[3]))
	return Chunk{
		ID: id + "#p" + strconv.Itoa(p) + "." + strconv.Itoa(int(r[4])), DocID: id, Paragraph: p,
		Start: int(r[1]), End: int(r[2]), Text: string(text[r[1]:r[2]]), NotEvidence: r[5] != 0,
	}, nil
}

// chunkTerms is chunk c's term ids, unchecked: see checkChunk.
func (v *view) chunkTerms(c int) []uint32 {
	if v.chain != nil {
		return v.chain.chunkTerms(c)
	}
	start := uint32(0)
	if c > 0 {
		start = v.termEnds[c-1]
	}
	return v.terms[start:v.termEnds[c]]
}

// checkChunk verifies what using chunk c reads: its terms and its text.
func (v *view) checkChunk(c int) error {
	if v.chain != nil {
		return v.chain.checkChunk(c)
	}
	start := uint32(0)
	if c > 0 {
		start = v.termEnds[c-1]
	}
	if !v.termsSec.check(4*int(start), 4*int(v.termEnds[c])) {
		return v.corrupt("term section damaged")
	}
	_, err := v.docText(int(v.chunkDoc(c)))
	return err
}

// term is term id's text, a view of the vocabulary section (the id is
// global: a delta's first term is vocabBase).
func (v *view) term(id uint32) string {
	if v.chain != nil {
		return v.chain.term(id)
	}
	id -= v.vocabBase
	start := uint32(0)
	if id > 0 {
		start = v.vocabEnds[id-1]
	}
	b := v.vocab[start:v.vocabEnds[id]]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// termID finds a term through the stored hash table.
func (v *view) termID(t string) (uint32, bool) {
	if v.chain != nil {
		return v.chain.termID(t)
	}
	mask := uint64(len(v.vocabHash) - 1)
	for h, probes := termHash(t)&mask, 0; probes < len(v.vocabHash); h, probes = (h+1)&mask, probes+1 {
		e := v.vocabHash[h]
		if e == 0 {
			return 0, false
		}
		if id := e - 1 + v.vocabBase; v.term(id) == t {
			return id, true
		}
	}
	return 0, false
}

// termPostings returns term id's postings, checked.
func (v *view) termPostings(id uint32) ([]posting, error) {
	if v.chain != nil {
		return v.chain.termPostings(id)
	}
	start, end := v.postingRange(id)
	if !v.postingsSec.check(8*int(start), 8*int(end)) {
		return nil, v.corrupt("postings section damaged")
	}
	return v.postings[start:end], nil
}

// df is the number of chunks holding term id.
func (v *view) df(id uint32) int {
	if v.chain != nil {
		return v.chain.df(id)
	}
	start, end := v.postingRange(id)
	return int(end - start)
}

// postingRange is where term id's postings lie, in pairs: dense, the
// id's own entry; sparse, the entry found by binary search (empty when
// the file's chunks do not use the term).
func (v *view) postingRange(id uint32) (start, end uint32) {
	if !v.sparse {
		if int(id) >= len(v.postEnds) {
			return 0, 0
		}
		if id > 0 {
			start = v.postEnds[id-1]
		}
		return start, v.postEnds[id]
	}
	n := len(v.postEnds) / 2
	i := sort.Search(n, func(i int) bool { return v.postEnds[2*i] >= id })
	if i == n || v.postEnds[2*i] != id {
		return 0, 0
	}
	if i > 0 {
		start = v.postEnds[2*i-1]
	}
	return start, v.postEnds[2*i+1]
}

// materialise decodes the whole file into a snapshot (the term lists are
// views of the file), for rewriting it.
func (v *view) materialise() (*snapshot, error) {
	s := &snapshot{Embedder: v.embedder, Corpus: v.corpusName, TermEnds: v.termEnds, ChunkTerms: v.terms,
		Generation: v.generation, VocabBase: int(v.vocabBase), Sparse: v.sparse}
	if !v.termsSec.check(0, len(v.termsSec.data)) {
		return nil, v.corrupt("term section damaged")
	}
	s.Vocab = make([]string, v.nVocab)
	for i := range s.Vocab {
		s.Vocab[i] = strings.Clone(v.term(v.vocabBase + uint32(i)))
	}
	s.Docs = make([]docRecord, v.nDocs)
	for i := range s.Docs {
		r, err := v.record(i)
		if err != nil {
			return nil, err
		}
		s.Docs[i] = r
	}
	return s, nil
}

// record decodes document i as the builder holds it.
func (v *view) record(i int) (docRecord, error) {
	if v.chain != nil {
		return v.chain.record(i)
	}
	d, paras, err := v.decodeDoc(i)
	if err != nil {
		return docRecord{}, err
	}
	r := docRecord{Doc: d, Text: d.Text, Paragraphs: paras}
	r.Doc.Text = ""
	r.Size, r.ModTime = v.docSize(i)
	first, n := v.docChunks(i)
	r.Chunks = make([]Span, n)
	r.ChunkParas = make([]int, n)
	for k := range n {
		row := v.chunkRow(first + k)
		r.Chunks[k] = Span{Start: int(row[1]), End: int(row[2])}
		r.ChunkParas[k] = int(int32(row[3]))
	}
	return r, nil
}
