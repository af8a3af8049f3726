package lexicon

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// StemEN returns the Snowball (Porter2) stem of an English word, except
// that the inflections of a verb whose base form is another verb's
// irregular past ("founded", "founding": to found; "found" is mostly the
// past of find) get a stem of their own, "founded", which no Porter2 stem
// can be: otherwise every "can be found" would match "was founded".
func StemEN(word string) string {
	if len(word) < 4 || !isAlpha(word) {
		return word
	}
	env := snowballstem.NewEnv(word)
	english.Stem(env)
	stem := env.Current()
	if stem != word && regularHomograph(stem) {
		return stem + "ed"
	}
	return stem
}

// lemmaCandidates undoes simple English inflection for dictionary look-up:
// "killed" → kill, "ministries" → ministry, "talks" → talk, "Korean" stays.
func lemmaCandidates(w string) []string {
	out := []string{w}
	add := func(s string) {
		if len(s) >= 2 && !containsString(out, s) {
			out = append(out, s)
		}
	}
	n := len(w)
	switch {
	case n > 4 && w[n-3:] == "ies":
		add(w[:n-3] + "y")
	case n > 4 && w[n-2:] == "es":
		add(w[:n-2])
		add(w[:n-1])
	case n > 3 && w[n-1] == 's' && w[n-2] != 's':
		add(w[:n-1])
	}
	if n > 4 && w[n-2:] == "ed" {
		add(w[:n-2])
		add(w[:n-1])
		if n > 5 && w[n-3] == w[n-4] {
			add(w[:n-3])
		}
		if w[n-3] == 'i' {
			add(w[:n-3] + "y")
		}
	}
	if n > 5 && w[n-3:] == "ing" {
		add(w[:n-3])
		add(w[:n-3] + "e")
		if w[n-4] == w[n-5] {
			add(w[:n-4])
		}
	}
	if n > 3 && w[n-2:] == "'s" {
		add(w[:n-2])
	}
	return out
}
