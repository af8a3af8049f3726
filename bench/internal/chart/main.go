// Command chart turns the output of Kabar's benchmarks (go test -bench
// ./bench/) into the scaling chart and the Markdown tables of
// docs/performance.md, so both are regenerated from one run rather than
// copied by hand:
//
//	go run ./bench/internal/chart bench.txt docs/scaling.png > tables.md
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "chart:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: chart BENCH_OUTPUT CHART.png (the Markdown tables go to standard output)")
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := parse(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", args[0], err)
	}
	if err := writeChart(res, args[1]); err != nil {
		return fmt.Errorf("draw %s: %w", args[1], err)
	}
	return writeTables(stdout, res)
}
