package main

import "runtime/debug"

// oneShotMemoryLimit is the heap a one-shot command may reach before the
// collector runs: the private-memory budget of a cold `kabar ask`
// (docs/performance.md, "Cold start").
const oneShotMemoryLimit = 1 << 30

// oneShotGC turns the collector off for `kabar ask`, a process that
// lives for one answer: its heap peaks at a few tens of MB (the lexicon,
// one question's work), and collecting it only returns memory the exit
// returns anyway (a cold ask at 1M chunks takes 0.87-0.91x the CPU time
// without it, medians of interleaved rounds). The memory limit brings
// the collector back should a question ever need more. GOGC or
// GOMEMLIMIT in the environment keep the last word.
func oneShotGC(args []string, getenv func(string) string) {
	if oneShot(args, getenv) {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(oneShotMemoryLimit)
	}
}

func oneShot(args []string, getenv func(string) string) bool {
	return len(args) >= 2 && args[1] == "ask" && getenv("GOGC") == "" && getenv("GOMEMLIMIT") == ""
}
