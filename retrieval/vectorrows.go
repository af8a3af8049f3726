package retrieval

import "io"

// vectorRows is an index's vectors in chunk order, as runs of whole rows
// written one after another: the built documents' own arrays and the
// kept ones' rows in the previous files (which stay mapped until Build
// returns). Copying them into one array before writing it cost a serial
// copy of most of the index, and as many bytes allocated again.
type vectorRows [][]float32

// floats is how many float32s v holds.
func (v vectorRows) floats() int {
	n := 0
	for _, r := range v {
		n += len(r)
	}
	return n
}

// write writes v's floats in order, little-endian.
func (v vectorRows) write(w io.Writer) error {
	for _, r := range v {
		if err := writeFloats(w, r); err != nil {
			return err
		}
	}
	return nil
}
