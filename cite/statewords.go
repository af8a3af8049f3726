package cite

// "State media", "media negara", "media pemerintah" and "government
// media" are one thing: in news of governments the state and its
// government stand for each other ("kantor berita pemerintah Tass", "the
// state news agency"). A claim's word for one is stated by the passage's
// word for the other.

var stateWords = map[string]bool{"negara": true, "pemerintah": true, "state": true, "government": true, "state-run": true, "pemerintahan": true}

// stateSpans are the window's words for the state or its government, for
// a claim word among them that matched no word of its own.
func stateSpans(surface string, toks []token) [][2]int {
	if !stateWords[surface] {
		return nil
	}
	var out [][2]int
	for j, t := range toks {
		if stateWords[t.Norm] {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}
