package retrieval

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// An index is a base file (SnapshotFile) and, after incremental runs, a
// few delta segments named by a small manifest. Every file is immutable
// once renamed into place; an update writes a new delta (temporary file,
// fsync, rename) and then a new manifest the same way, so a crash at any
// point leaves the previous manifest, or the new one, naming complete
// files. The manifest names the base by its size and header checksum
// (which covers the base's random generation): a manifest left behind by
// a crash after a full rewrite of the base names another base and is
// ignored, and a base alone is a complete index.

// ManifestFile is the manifest's name inside the data directory.
const ManifestFile = "index.manifest"

// manifestMagic starts the manifest; the digit is its format version.
const manifestMagic = "KABARMF1"

// deltaPrefix and deltaSuffix frame a delta segment's file name.
const (
	deltaPrefix = "index-delta-"
	deltaSuffix = ".kabar"
)

// segRef names one segment file and what it must be.
type segRef struct {
	Name    string
	Size    int64
	HeadCRC uint32
}

// manifest lists the segments of an index and the documents of each
// that later segments replaced or the corpus lost.
type manifest struct {
	Base   segRef
	Deltas []segRef
	// Dead[i] are the dead document rows of segment i (0 the base, i the
	// delta i-1), ascending.
	Dead [][]uint32
}

func refOf(l *loadedSnapshot) segRef {
	return segRef{Name: filepath.Base(l.path), Size: l.info.Size(), HeadCRC: l.headCRC}
}

// encodeManifest frames the gob-encoded manifest with the magic, its
// length and a CRC-32C of everything before it.
func encodeManifest(m *manifest) ([]byte, error) {
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(m); err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	b := append([]byte(manifestMagic), binary.LittleEndian.AppendUint32(nil, uint32(body.Len()))...)
	b = append(b, body.Bytes()...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli)), nil
}

// decodeManifest reads what encodeManifest wrote; it reports why not.
func decodeManifest(b []byte) (*manifest, string) {
	m := len(manifestMagic)
	if len(b) < m+8 || string(b[:m]) != manifestMagic {
		return nil, "not a Kabar manifest of this version"
	}
	n := binary.LittleEndian.Uint32(b[m:])
	if uint64(n) != uint64(len(b)-m-8) || crc32.Checksum(b[:len(b)-4], castagnoli) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, "checksum mismatch (truncated or damaged)"
	}
	var man manifest
	if err := gob.NewDecoder(bytes.NewReader(b[m+4 : len(b)-4])).Decode(&man); err != nil {
		return nil, "undecodable"
	}
	if len(man.Dead) != 1+len(man.Deltas) {
		return nil, "dead documents do not match the segments"
	}
	for _, d := range man.Deltas {
		if !isDeltaName(d.Name) {
			return nil, "bad segment name"
		}
	}
	for _, rows := range man.Dead {
		for i := 1; i < len(rows); i++ {
			if rows[i] <= rows[i-1] {
				return nil, "dead documents out of order"
			}
		}
	}
	return &man, ""
}

func isDeltaName(name string) bool {
	return strings.HasPrefix(name, deltaPrefix) && strings.HasSuffix(name, deltaSuffix) && !strings.ContainsAny(name, `/\`)
}

// readManifest reads the manifest in dir: nil with no error when there is
// none, ErrCorruptIndex when it is damaged.
func readManifest(dir string) (*manifest, os.FileInfo, error) {
	p := filepath.Join(dir, ManifestFile)
	info, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 1<<30 {
		return nil, nil, fmt.Errorf("%w: %s: not a manifest file", ErrCorruptIndex, p)
	}
	raw, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil // replaced or removed since
	}
	if err != nil {
		return nil, nil, err
	}
	m, why := decodeManifest(raw)
	if why != "" {
		return nil, nil, fmt.Errorf("%w: %s: %s", ErrCorruptIndex, p, why)
	}
	return m, info, nil
}

// writeManifest replaces the manifest crash-safely: temporary file,
// fsync, rename, fsync of the directory.
func writeManifest(dir string, m *manifest) error {
	raw, err := encodeManifest(m)
	if err != nil {
		return err
	}
	if err := replaceFile(dir, ManifestFile, ".index-*.tmp", raw); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// removeManifest drops the manifest after the base was rewritten whole
// (the base's new generation already made it stale).
func removeManifest(dir string) error {
	err := os.Remove(filepath.Join(dir, ManifestFile))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove manifest: %w", err)
	}
	syncDir(dir)
	return nil
}

// removeUnreferencedDeltas deletes the delta files in dir that keep does
// not name: left by a killed run, or merged into a newer segment. A
// reader that mapped one keeps its mapping; one that read an older
// manifest and finds a file gone reads the manifest again (openSegments).
func removeUnreferencedDeltas(dir string, keep *manifest) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	named := map[string]bool{}
	if keep != nil {
		for _, d := range keep.Deltas {
			named[d.Name] = true
		}
	}
	for _, e := range entries {
		if isDeltaName(e.Name()) && !named[e.Name()] {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
