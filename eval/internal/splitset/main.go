// Command splitset splits a blind evaluation set once into a tuning half
// and a test half, writing "half": "tune" | "test" into each line that has
// none. Lines already assigned keep their half, so running it again never
// moves a question. Within each (kind, lang) group the questions are put in
// the order of a hash of their id and dealt alternately, so both halves
// get every kind and language in equal measure and nobody chooses which
// question goes where.
//
//	go run ./eval/internal/splitset eval/testdata/seed-blind.jsonl
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"sort"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: splitset FILE.jsonl")
		os.Exit(2)
	}
	if err := split(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "splitset:", err)
		os.Exit(1)
	}
}

type line struct {
	raw             []byte
	id, group, half string
	hash            uint64
}

func split(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var lines []*line
	groups := map[string][]*line{}
	for _, raw := range bytes.Split(data, []byte("\n")) {
		l := &line{raw: raw}
		lines = append(lines, l)
		t := bytes.TrimSpace(raw)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		var it struct {
			ID, Kind, Lang, Half string
			Answerable           *bool
		}
		if err := json.Unmarshal(t, &it); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		kind := it.Kind
		if it.Answerable != nil && !*it.Answerable {
			kind = "unanswerable"
		}
		h := fnv.New64a()
		h.Write([]byte(it.ID))
		l.id, l.group, l.half, l.hash = it.ID, kind+"/"+it.Lang, it.Half, h.Sum64()
		groups[l.group] = append(groups[l.group], l)
	}
	for _, g := range groups {
		sort.Slice(g, func(i, j int) bool { return g[i].hash < g[j].hash })
		count := map[string]int{}
		for _, l := range g {
			count[l.half]++
		}
		for _, l := range g {
			if l.half != "" {
				continue
			}
			l.half = "tune"
			if count["tune"] > count["test"] {
				l.half = "test"
			}
			count[l.half]++
			t := bytes.TrimRight(bytes.TrimSpace(l.raw), "}")
			l.raw = append(append([]byte{}, t...), []byte(fmt.Sprintf(`, "half": %q}`, l.half))...)
		}
	}
	var out bytes.Buffer
	for i, l := range lines {
		if i > 0 {
			out.WriteByte('\n')
		}
		out.Write(l.raw)
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}
