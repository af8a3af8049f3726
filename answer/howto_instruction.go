package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/lexicon"
)

// instructionReach is how many words after a verb of doing ("run",
// "jalankan") or a command noun ("the command", "perintah") the command
// may stand: "add the netcfg/use_dhcp=false option", "use php-fpm".
const instructionReach = 4

// givesInstruction reports whether a sentence tells the reader what to
// type, run, use or send: a verb of doing or a command noun followed,
// within instructionReach words, by something written as a command (a
// quoted word, a path, an option, an address, a word no dictionary
// knows). Sentences of documentation that only describe ("the screen goes
// berserk") give none, nor do news sentences, which name no commands.
func givesInstruction(text, lang string, lex *lexicon.Lexicon) bool {
	toks := lexicon.Tokenize(text)
	for k, t := range toks {
		noun := commandNoun(t.Norm)
		if !noun && !(doingVerb(t.Norm) && addressesReader(text, toks, k)) {
			continue
		}
		for i, w := range strings.Fields(text[t.End:]) {
			if i >= instructionReach {
				break
			}
			if commandLike(w, noun && i == 0 && lang == "id", lex) {
				return true
			}
			if strings.ContainsAny(w[len(w)-1:], ".;!?") {
				break // the clause ends
			}
		}
	}
	return false
}

// addressesReader reports whether the verb at toks[k] tells the reader
// what to do rather than tells what someone did ("the administrators
// also install …"): it opens its clause (an imperative: "type reset",
// "…: jalankan atrm"), or follows a modal, the reader, or a word of means
// ("you can add", "one can use", "by running", "dengan mengirimkan",
// "cukup menjalankan").
func addressesReader(text string, toks []lexicon.Token, k int) bool {
	if k == 0 || strings.ContainsAny(text[toks[k-1].End:toks[k].Start], ",:;(") {
		return true
	}
	switch toks[k-1].Norm {
	case "can", "could", "should", "must", "may", "to", "you", "then", "simply", "just", "by", "with", "and", "or", "please", "first",
		"dapat", "bisa", "harus", "perlu", "dengan", "cukup", "untuk", "anda", "lalu", "kemudian", "silakan", "dan", "atau", "coba", "tinggal", "pertama":
		return true
	}
	return false
}

// doingVerb reports verbs that introduce what the reader types, runs or
// sends.
func doingVerb(w string) bool {
	switch w {
	case "type", "run", "running", "execute", "executing", "use", "using", "add", "adding", "enter", "send", "sending", "set", "invoke", "call",
		"pass", "append", "press", "specify", "enable", "edit", "install",
		"ketik", "ketikkan", "mengetik", "mengetikkan", "jalankan", "menjalankan", "eksekusi", "gunakan", "menggunakan", "pakai", "memakai",
		"tambahkan", "menambahkan", "masukkan", "memasukkan", "kirim", "kirimkan", "mengirim", "mengirimkan", "setel", "aktifkan",
		"mengaktifkan", "sunting", "panggil", "tekan", "pasang", "memasang":
		return true
	}
	return false
}

// commandLike reports whether a word as written (with its punctuation)
// is a command, an option or an address: quoted, holding a path or an
// assignment (netcfg/use_dhcp=false, submit@bugs.debian.org, php-fpm,
// -e), or a lower-case word no dictionary knows (atrm, semanage). Right
// after an Indonesian command noun, an English word is the command's
// name ("perintah apt"), as Indonesian prose writes no English words.
func commandLike(raw string, afterIndonesianNoun bool, lex *lexicon.Lexicon) bool {
	w := strings.TrimRight(raw, ".,;:!?)")
	if w == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	if strings.ContainsRune("\"'`“‘«", first) {
		return utf8.RuneCountInString(w) > 2
	}
	w = strings.TrimLeft(w, "(")
	if w == "" {
		return false
	}
	if strings.HasPrefix(w, "-") && len(w) > 1 {
		return true // an option: -e, --purge
	}
	if strings.ContainsAny(w, "/=@_$") {
		return true
	}
	if strings.Contains(strings.Trim(w, ".-"), "-") || strings.Contains(strings.Trim(w, "."), ".") {
		for _, r := range w {
			if unicode.IsUpper(r) {
				return false // "Debian-based", "U.S.": written as prose
			}
		}
		// php-fpm, libapache2-mod-php; not words joined as prose
		// ("berkas-berkas", "e.g.", "well-known").
		return !allKnown(strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '.' }), lex)
	}
	if afterIndonesianNoun && lex.EnglishWord(strings.ToLower(w)) {
		return true
	}
	for _, r := range w {
		if !unicode.IsLower(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return !dictionaryWord(w, lex)
}

// dictionaryWord reports whether a folded word is a word of either
// language: listed, or an Indonesian word with its affixes
// ("dipantulkan": pantul, "mengetik": ketik).
func dictionaryWord(w string, lex *lexicon.Lexicon) bool {
	if lex.KnownWord(w) || lex.EnglishWord(w) {
		return true
	}
	for _, t := range lexicon.Tokenize(w) {
		for _, term := range lex.WordTerms(t, "id") {
			if term != w {
				return true // an affix came off: Indonesian morphology, not a command's name
			}
		}
	}
	return false
}

// allKnown reports whether every word is a dictionary word.
func allKnown(words []string, lex *lexicon.Lexicon) bool {
	for _, w := range words {
		if !dictionaryWord(strings.ToLower(w), lex) {
			return false
		}
	}
	return true
}
