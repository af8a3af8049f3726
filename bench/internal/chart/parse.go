package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// results maps a benchmark name without its GOMAXPROCS suffix
// ("Search/chunks=100k/lexical") to its metrics by unit ("ns/op",
// "p50-ms"). With -count > 1 each metric is the median of the runs.
type results map[string]map[string]float64

// get returns a metric, and whether it was measured.
func (r results) get(name, unit string) (float64, bool) {
	v, ok := r[name][unit]
	return v, ok
}

var procSuffix = regexp.MustCompile(`-\d+$`)

// parse reads `go test -bench` output; lines that are not results are
// skipped, so the whole output (goos, PASS, ok) can be fed in.
func parse(r io.Reader) (results, error) {
	runs := map[string]map[string][]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // a benchmark's log line, not its result
		}
		name := procSuffix.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), "")
		if runs[name] == nil {
			runs[name] = map[string][]float64{}
		}
		if len(f)%2 != 0 {
			return nil, fmt.Errorf("malformed result line %q", sc.Text())
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("malformed value %q in %q", f[i], sc.Text())
			}
			runs[name][f[i+1]] = append(runs[name][f[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("no benchmark results found")
	}
	out := results{}
	for name, metrics := range runs {
		out[name] = map[string]float64{}
		for unit, vs := range metrics {
			out[name][unit] = median(vs)
		}
	}
	return out, nil
}

func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
