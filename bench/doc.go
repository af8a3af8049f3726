// Package bench measures Kabar from a handful of articles to 100,000: index
// build and incremental re-index, lexical, vector and fused query latency,
// end-to-end offline answers, cold start, heap per chunk and throughput
// under 64 concurrent questions. Every vector number is set beside two
// baselines measured in the same run over the same vectors: chromem-go's
// own query and a brute-force scan of a contiguous []float32 matrix (the
// floor). Corpora come from the synth package and are cached under
// os.TempDir, keyed by seed and size. The benchmarks only run under
// -bench; docs/performance.md has the command and the results.
package bench
