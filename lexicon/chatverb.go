package lexicon

import "strings"

// chatVerbForms returns the standard Indonesian forms a chat verb may
// stand for (Sneddon, Colloquial Jakartan Indonesian: the nasal prefix
// N- for meN-, the suffix -in for -kan and -i): "ngedit" → mengedit,
// "ngirim" → mengirim, "nyebut" → menyebut, "nulis" → menulis, "batalin"
// → membatalkan, membatali. The forms are stemmed as the articles are,
// so whichever of them is a word meets the articles' words; nil when the
// word has no chat shape.
func chatVerbForms(norm string) []string {
	if len(norm) < 5 || !isAlpha(norm) {
		return nil
	}
	var roots []string
	stem := norm
	suffixed := false
	if s, ok := strings.CutSuffix(norm, "in"); ok && len(s) >= 3 {
		stem, suffixed = s, true
	}
	switch {
	case strings.HasPrefix(stem, "ng") && len(stem) >= 5:
		roots = append(roots, stem[2:], "k"+stem[2:]) // ngedit: edit; ngirim: kirim
		if strings.HasPrefix(stem, "nge") && len(stem) >= 6 {
			roots = append(roots, stem[3:]) // ngecek: cek
		}
	case strings.HasPrefix(stem, "ny") && len(stem) >= 5:
		roots = append(roots, "s"+stem[2:], "c"+stem[2:]) // nyebut: sebut; nyari: cari
	case suffixed && strings.HasPrefix(stem, "m") && len(stem) >= 5:
		roots = append(roots, "p"+stem[1:], "b"+stem[1:]) // mukulin: pukul
	case suffixed && strings.HasPrefix(stem, "n") && len(stem) >= 5:
		roots = append(roots, "t"+stem[1:]) // nolakin: tolak
	case suffixed:
		roots = append(roots, stem) // batalin: batal
	}
	var out []string
	for _, r := range roots {
		if len(r) < 3 {
			continue
		}
		out = append(out, meN(r))
		if suffixed {
			out = append(out, r+"kan", r+"i")
		}
	}
	return out
}

// meN prefixes a root with meN-, the nasal assimilating to the root's
// first sound as standard spelling writes it: mengedit, mengirim (k
// drops), membatalkan, memukul (p drops), menulis (t drops), menyebut (s
// drops), melihat.
func meN(root string) string {
	switch root[0] {
	case 'a', 'e', 'i', 'o', 'u', 'g', 'h':
		return "meng" + root
	case 'k':
		return "meng" + root[1:]
	case 'b', 'f', 'v':
		return "mem" + root
	case 'p':
		return "mem" + root[1:]
	case 'c', 'd', 'j', 'z':
		return "men" + root
	case 't':
		return "men" + root[1:]
	case 's':
		return "meny" + root[1:]
	}
	return "me" + root
}
