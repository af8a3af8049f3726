// Command freedictgen turns the FreeDict English–Indonesian dictionary
// (dictd format, as shipped by the Debian package dict-freedict-eng-ind)
// into the flat TSV that package lexicon embeds, so that building Kabar
// never needs the Debian package: the generated file is vendored.
//
// Regenerate from the repository root with
//
//	go run ./lexicon/internal/freedictgen -out lexicon/data/freedict-eng-ind.tsv
//
// or, from this directory, simply `go run .` (the defaults point at the
// Debian paths and ../../data/freedict-eng-ind.tsv). A directive for package
// lexicon, which runs in the lexicon/ directory, would be
//
//	//go:generate go run ./internal/freedictgen -out data/freedict-eng-ind.tsv
//
// Output: a first comment line (source, edition, licence, URL), then one line
// per lowercased English headword, sorted, in the form
// `english<TAB>indonesian1|indonesian2|...`, with translations lowercased,
// deduplicated and kept in dictionary order across all entries (parts of
// speech, senses) that share the headword.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
)

func main() {
	indexPath := flag.String("index", "/usr/share/dictd/freedict-eng-ind.index", "dictd index file")
	dictPath := flag.String("dict", "/usr/share/dictd/freedict-eng-ind.dict.dz", "dictd data file (dictzip or plain)")
	outPath := flag.String("out", "../../data/freedict-eng-ind.tsv", "TSV file to write")
	flag.Parse()

	stats, err := run(*indexPath, *dictPath, *outPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "freedictgen: %v\n", err)
		os.Exit(1)
	}
	slog.Info("wrote lexicon",
		"out", *outPath,
		"edition", stats.edition,
		"entries_read", stats.entriesRead,
		"entries_skipped", stats.entriesSkipped,
		"headwords", stats.headwords,
		"translations", stats.translations,
		"translations_dropped", stats.translationsDropped)
}
