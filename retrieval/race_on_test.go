//go:build race

package retrieval

// raceEnabled: under the race detector sync.Pool drops pooled items at
// random, so allocation counts say nothing.
const raceEnabled = true
