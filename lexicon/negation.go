package lexicon

// HasNegation reports whether the tokens negate what they say: the closed
// class of Indonesian negators (tidak, tak, bukan, belum, tiada and their
// colloquial forms; gagal "failed") and English ones (not, no, never,
// cannot, failed, and contractions, which the tokenizer splits as
// "didn" + "t").
func HasNegation(toks []Token) bool {
	for i, t := range toks {
		if IsNegator(t.Norm) {
			return true
		}
		if t.Norm == "t" && i > 0 && contractedNegation(toks[i-1].Norm) && toks[i-1].End+1 >= t.Start {
			return true
		}
	}
	return false
}

// IsNegator reports a folded word that negates on its own, or denies
// what it is said of.
func IsNegator(w string) bool {
	switch w {
	case "tidak", "tak", "bukan", "belum", "tiada", "gagal", "enggak", "nggak", "gak", "ga", "bukanlah", "tidaklah",
		"not", "no", "never", "cannot", "failed", "neither", "nor", "none",
		// contractions typed without the apostrophe, as chat does
		"cant", "dont", "didnt", "doesnt", "isnt", "arent", "wasnt", "werent", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "mustnt":
		return true
	// Denial negates the claim it is said of ("klaim yang dibantah
	// Ukraina", "a claim Kyiv denies").
	case "bantah", "membantah", "dibantah", "sangkal", "menyangkal", "disangkal",
		"deny", "denies", "denied", "denying":
		return true
	// Prevention and refusal negate the act they govern ("mencegah FSF
	// merekomendasikan Debian", "refused to confirm").
	case "mencegah", "dicegah", "menolak", "ditolak", "prevent", "prevents", "prevented", "refuse", "refuses", "refused":
		return true
	// Prohibition negates the act it forbids ("Jangan mencadangkan /proc",
	// "dilarang", "avoid backing up").
	case "jangan", "janganlah", "dilarang", "melarang", "larang", "avoid", "avoids", "avoided", "forbid", "forbids", "forbidden", "prohibited":
		return true
	// Cessation negates the act it ends ("berhenti mengatakan", "stopped
	// short of saying"); a question that asks about stopping carries the
	// same word, so both sides agree ("did the Pentagon halt shipments?",
	// "Pentagon menghentikan pengiriman").
	case "berhenti", "menghentikan", "dihentikan", "terhenti", "stop", "stops", "stopped", "halt", "halts", "halted", "cease", "ceased":
		return true
	}
	return false
}

func contractedNegation(w string) bool {
	switch w {
	case "didn", "doesn", "don", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "couldn", "wouldn",
		"shouldn", "won", "can", "mustn":
		return true
	}
	return false
}
