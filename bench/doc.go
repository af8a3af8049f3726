// Package bench measures Kabar from a handful of articles to 100,000: index
// build and incremental re-index, lexical, vector and fused query latency,
// end-to-end offline answers, cold start, heap per chunk and throughput
// under 64 concurrent questions. Every vector number is set beside
// baselines measured in the same run over the same vectors: chromem-go's
// own query, an independent scalar scan, and the bandwidth floor (a
// STREAM-like read of the index's own matrix on all cores), interleaved
// per question in BenchmarkVectorRatio. Corpora come from the synth package and are cached under
// os.TempDir, keyed by seed and size. The benchmarks only run under
// -bench; docs/performance.md has the command and the results.
package bench
