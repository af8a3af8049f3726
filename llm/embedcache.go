package llm

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// The cache file is a header naming the model, then append-only records:
//
//	uint32 LE payload length | uint32 LE CRC-32C of payload | payload
//	payload = sha256(text) (32 bytes) | float32 LE values
//
// A crash mid-append leaves a torn record at the tail; loading keeps every
// record before it and truncates it away so later appends land after good
// data.

const (
	cacheMagic   = "kabar-embedding-cache v1\n"
	recordHeader = 8
	maxDimension = 1 << 16
)

type textKey [sha256.Size]byte

func keyOf(text string) textKey { return sha256.Sum256([]byte(text)) }

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func cacheHeader(model string) []byte {
	return []byte(cacheMagic + "model " + model + "\n")
}

// cacheFileName maps a model name to a safe file name.
func cacheFileName(model string) string {
	var b strings.Builder
	for _, r := range model {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := strings.TrimLeft(b.String(), ".")
	if name == "" {
		name = "model"
	}
	return name + ".cache"
}

// loadedCache is what decodeCache read: the vectors, their dimension (0
// when there are none) and how many leading bytes of the file are good.
type loadedCache struct {
	vectors map[textKey][]float32
	dim     int
	good    int64
}

// errCacheForeign means the file is not a cache of this model.
var errCacheForeign = errors.New("not an embedding cache of this model")

// decodeCache reads a cache file. A torn or corrupt tail ends the read
// without error; good tells where it starts. A file that is a prefix of
// the header (a crash while creating it) counts as empty.
func decodeCache(r io.Reader, model string) (loadedCache, error) {
	out := loadedCache{vectors: map[textKey][]float32{}}
	br := bufio.NewReader(r)
	header := cacheHeader(model)
	got := make([]byte, len(header))
	n, err := io.ReadFull(br, got)
	if err != nil {
		if bytes.HasPrefix(header, got[:n]) {
			return out, nil
		}
		return out, errCacheForeign
	}
	if !bytes.Equal(got, header) {
		return out, errCacheForeign
	}
	out.good = int64(len(header))

	var head [recordHeader]byte
	for {
		if _, err := io.ReadFull(br, head[:]); err != nil {
			return out, nil
		}
		size := binary.LittleEndian.Uint32(head[:4])
		sum := binary.LittleEndian.Uint32(head[4:])
		if size < sha256.Size+4 || (size-sha256.Size)%4 != 0 || size > sha256.Size+4*maxDimension {
			return out, nil
		}
		payload := make([]byte, size)
		if _, err := io.ReadFull(br, payload); err != nil {
			return out, nil
		}
		if crc32.Checksum(payload, castagnoli) != sum {
			return out, nil
		}
		var key textKey
		copy(key[:], payload)
		vec := make([]float32, (size-sha256.Size)/4)
		for i := range vec {
			vec[i] = math.Float32frombits(binary.LittleEndian.Uint32(payload[sha256.Size+4*i:]))
		}
		if out.dim == 0 {
			out.dim = len(vec)
		} else if len(vec) != out.dim {
			return out, fmt.Errorf("cache mixes %d- and %d-dimensional vectors", out.dim, len(vec))
		}
		out.vectors[key] = vec
		out.good += int64(recordHeader) + int64(size)
	}
}

// encodeRecord appends one record for key and vec to buf.
func encodeRecord(buf []byte, key textKey, vec []float32) []byte {
	payload := make([]byte, sha256.Size+4*len(vec))
	copy(payload, key[:])
	for i, x := range vec {
		binary.LittleEndian.PutUint32(payload[sha256.Size+4*i:], math.Float32bits(x))
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(payload)))
	buf = binary.LittleEndian.AppendUint32(buf, crc32.Checksum(payload, castagnoli))
	return append(buf, payload...)
}

// loadCacheFile reads path, truncating a torn tail. A missing file is an
// empty cache.
func loadCacheFile(path, model string) (loadedCache, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return loadedCache{vectors: map[textKey][]float32{}}, nil
	}
	if err != nil {
		return loadedCache{}, fmt.Errorf("opening embedding cache: %w", err)
	}
	defer f.Close()
	lc, err := decodeCache(f, model)
	if errors.Is(err, errCacheForeign) {
		return lc, fmt.Errorf("embedding cache %s: %w; delete it or use another cache directory", path, err)
	}
	if err != nil {
		return lc, fmt.Errorf("embedding cache %s: %w; delete it to rebuild", path, err)
	}
	info, err := f.Stat()
	if err != nil {
		return lc, fmt.Errorf("embedding cache %s: %w", path, err)
	}
	if info.Size() != lc.good {
		if err := f.Truncate(lc.good); err != nil {
			return lc, fmt.Errorf("embedding cache %s: dropping torn tail: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			return lc, fmt.Errorf("embedding cache %s: %w", path, err)
		}
	}
	return lc, nil
}

// appendCacheFile appends records to path with one write and an fsync,
// writing the header first when the file is new or empty.
func appendCacheFile(path, model string, records []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	fresh := info.Size() == 0
	if fresh {
		records = append(cacheHeader(model), records...)
	}
	if _, err := f.Write(records); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if fresh {
		return syncDir(filepath.Dir(path))
	}
	return nil
}

// syncDir makes a new file's directory entry durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
