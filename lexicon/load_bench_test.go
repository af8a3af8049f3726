package lexicon

import (
	"sync"
	"testing"
)

// refNew loads the lexicon as New did before the lazy tables and the
// one-string readers: every table read with the reference readers
// (load_test.go) and built at once, the glosses by refBuildGlosses.
// (readCounts, a small file, and the known words are read and built the
// new way.)
func refNew(b *testing.B) *Lexicon {
	b.Helper()
	l := &Lexicon{abbrev: map[string][]string{}, english: &lazySet{file: "data/english-words.txt"},
		nouns: &lazySet{file: "data/wordnet-nouns.txt"}, chatShort: &chatShorts{}, words: &wordTables{}, glossTab: &reversedGlosses{}}
	l.claimsOnce = &sync.Once{}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	var err error
	l.stopID, err = refReadSet(dataFS, "data/stopwords-id.txt")
	must(err)
	l.stopEN, err = refReadSet(dataFS, "data/stopwords-en.txt")
	must(err)
	l.nouns.once.Do(func() { l.nouns.set, err = refReadSet(dataFS, l.nouns.file) })
	must(err)
	// SCOWL's list was already read on first use; the questions below
	// all use it, so it is read here, as a set, as it was.
	l.english.once.Do(func() { l.english.set, err = refReadSet(dataFS, l.english.file) })
	must(err)
	l.news, err = refReadDict(dataFS, "data/news-en-id.tsv")
	must(err)
	l.freedict, err = refReadDict(dataFS, "data/freedict-eng-ind.tsv")
	must(err)
	l.metonyms, err = refReadDict(dataFS, "data/metonyms.tsv")
	must(err)
	short, err := refReadDict(dataFS, "data/abbrev-id.tsv")
	must(err)
	for s, longs := range short {
		for _, lf := range longs {
			l.abbrev[s] = appendUnique(l.abbrev[s], lf)
			l.abbrev[lf] = appendUnique(l.abbrev[lf], s)
		}
	}
	l.synonyms, err = refReadDict(dataFS, "data/thesaurus-id.tsv")
	must(err)
	l.glossTab.once.Do(func() {
		counts := readCounts()
		l.glossTab.words = refBuildGlosses(counts, l.news, l.freedict)
		l.glossTab.phrases = buildPhraseGlosses(counts, l.news, l.freedict)
	})
	l.wordSets()
	for _, d := range []map[string][]string{l.news, l.freedict} {
		for h, vals := range d {
			if len(vals) == 1 && vals[0] == h {
				continue
			}
			l.maxPhrase = max(l.maxPhrase, fieldCount(h))
		}
	}
	l.maxPhrase = min(l.maxPhrase, 4)
	return l
}

// loadQuestions are questions of the kind a one-shot `kabar ask` gets.
var loadQuestions = []string{
	"Berapa korban banjir di Jakarta menurut BNPB?",
	"Apa kata Joko Widodo tentang banjir?",
	"How many people died in the Jakarta floods?",
	"Seberapa sering Debian merilis versi stabil baru?",
}

// BenchmarkNewAnalyze is what a one-shot `kabar ask` pays for its
// lexicon: loading the embedded data and analysing one question, before
// (refNew) and now (New), interleaved per question.
func BenchmarkNewAnalyze(b *testing.B) {
	interleave(b, len(loadQuestions), func(i int) {
		_ = refNew(b).Analyze(loadQuestions[i])
	}, func(i int) {
		l, err := New()
		if err != nil {
			b.Fatal(err)
		}
		_ = l.Analyze(loadQuestions[i])
	})
}
