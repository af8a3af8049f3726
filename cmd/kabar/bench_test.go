package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkColdAsk measures a whole `kabar ask` process on the bundled
// articles with the index already on disk: start-up, index load, answer,
// exit.
func BenchmarkColdAsk(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "kabar")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	ask := func() {
		cmd := exec.Command(bin, "ask", "--data", data, "How many engineers did North Korea promise?")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("ask: %v\n%s", err, out)
		}
	}
	ask() // builds the index
	for b.Loop() {
		ask()
	}
}
