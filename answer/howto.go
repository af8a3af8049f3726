package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A how-to question ("how do I remove a package with its configuration?",
// "bagaimana cara melaporkan bug?", "what boot option do I add?") asks for
// a method: in documentation, a command, an option or a setting, given in
// an instruction ("type reset", "jalankan atrm nomor-tugas", "add the
// netcfg/use_dhcp=false option"). Its asker describes the situation in
// their own words, which the documentation says otherwise ("my terminal
// shows garbage", "the screen goes berserk"); the instruction itself is
// what the question's how asks for.

// howAsk is the how-reading of a question.
type howAsk struct {
	// method marks the concepts that name the method itself ("cara",
	// "way"): the instruction gives it, never names it.
	method map[int]bool
	// code are the words the question writes as code ("`at`"): the
	// command it is about, which a stop-word reading may drop.
	code []string
}

// readHow returns the how-reading of lq, false when lq asks no how-to
// question.
func readHow(lq lexicon.Query) (howAsk, bool) {
	toks := lexicon.Tokenize(lq.Text)
	if !asksHowTo(toks) {
		return howAsk{}, false
	}
	h := howAsk{method: map[int]bool{}, code: codeWords(lq.Text)}
	for i, con := range lq.Concepts {
		if con.Entity || con.Number {
			continue
		}
		if f := strings.Fields(strings.ToLower(con.Surface)); len(f) == 1 && methodNoun(f[0]) {
			h.method[i] = true
		}
	}
	return h, true
}

// asksHowTo reports whether a question asks how to do something: "how do
// I", "how can we", "how to", "what command", "which option", "bagaimana
// (cara)", "gimana", "cara …", "perintah apa". A how of manner about the
// past ("how did Kim react") or about others ("how do analysts see …")
// asks no method; nor does a how of measure ("how many", "how long").
func asksHowTo(toks []lexicon.Token) bool {
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Norm
		}
		switch t.Norm {
		case "how":
			if next == "to" {
				return true
			}
			switch next {
			case "do", "can", "could", "should", "would", "may", "might", "must", "shall":
				if i+2 < len(toks) && asker(toks[i+2].Norm) {
					return true // "how do I", "how can we": not "how do analysts see …"
				}
			}
		case "what", "which", "apa":
			for k := i + 1; k < len(toks) && k <= i+2; k++ {
				if commandNoun(toks[k].Norm) {
					return true // "what boot option", "which command"
				}
			}
		case "bagaimana", "gimana", "gmn", "gmana", "bgmn", "bagaimanakah":
			// "gimana aku …", "bagaimana saya bisa …": not "gimana
			// persisnya KCNA mengutip Kim" (a how of manner).
			for _, u := range toks {
				if askerID(u.Norm) {
					return true
				}
			}
		case "caranya":
			return true
		case "cara":
			if i == 0 || toks[i-1].Norm == "bagaimana" || toks[i-1].Norm == "gimana" {
				return true
			}
		}
		if commandNoun(t.Norm) && (next == "apa" || next == "apakah") {
			return true // "perintah apa", "opsi apa"
		}
	}
	return false
}

// asker reports the pronouns a how-to question asks for itself or anyone.
func asker(w string) bool {
	switch w {
	case "i", "we", "you", "one", "u":
		return true
	}
	return false
}

// askerID reports the Indonesian pronouns of a how-to question's asker.
func askerID(w string) bool {
	switch w {
	case "saya", "aku", "gue", "gw", "kita", "kami", "anda", "sy":
		return true
	}
	return false
}

// methodNoun reports words naming a way of doing: asked for, never
// written in the instruction that gives it.
func methodNoun(w string) bool {
	switch w {
	case "cara", "caranya", "way", "ways", "method", "methods", "metode", "langkah":
		return true
	}
	return false
}

// commandNoun reports words naming a command, an option or a setting.
func commandNoun(w string) bool {
	switch w {
	case "command", "commands", "option", "options", "flag", "flags", "parameter", "parameters", "setting", "settings", "directive",
		"perintah", "opsi", "pilihan", "parameternya", "pengaturan", "setelan", "perintahnya", "opsinya":
		return true
	}
	return false
}

// codeWords returns the words of text written between backticks, folded
// ("`at`", "`apt-get`").
func codeWords(text string) []string {
	var out []string
	parts := strings.Split(text, "`")
	for i := 1; i+1 < len(parts); i += 2 {
		for _, t := range lexicon.Tokenize(parts[i]) {
			out = append(out, t.Norm)
		}
	}
	return out
}
