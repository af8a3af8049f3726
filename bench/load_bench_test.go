package bench

import (
	"context"
	"runtime"
	"testing"

	"github.com/kabar-bot/kabar/retrieval"
)

// BenchmarkColdStart loads a persisted index with retrieval.Open, as
// `kabar ask` and the bot do at start-up, and reports the heap the loaded
// index holds per chunk. The index file is in the page cache after the
// first iteration, so this measures decoding, not the disk.
func BenchmarkColdStart(b *testing.B) {
	for _, size := range chunkSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			chunks := fx.ix.NumChunks()
			fx.ix = nil // only the files are needed from here on
			ctx := context.Background()
			opts := retrieval.Options{DataDir: fx.dataDir, Embedder: retrieval.NewLocalEmbedder(), Lexicon: fx.lex}
			var before, after runtime.MemStats
			var heapPerChunk float64
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&before)
				b.StartTimer()
				ix, err := retrieval.Open(ctx, opts)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&after)
				if n := ix.NumChunks(); n != chunks {
					b.Fatalf("loaded %d chunks, want %d", n, chunks)
				}
				heapPerChunk = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(chunks)
				runtime.KeepAlive(ix)
				b.StartTimer()
			}
			b.ReportMetric(heapPerChunk, "heap-B/chunk")
			b.ReportMetric(float64(chunks), "chunks")
		})
	}
}

// BenchmarkStoreFill measures what the first call to Index.Store costs:
// the index fills its chromem-go collection with the vectors it already
// holds only when someone asks for it, so this is the part of a cold start
// that callers of Store pay later.
func BenchmarkStoreFill(b *testing.B) {
	for _, size := range chunkSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			chunks := fx.ix.NumChunks()
			fx.ix = nil
			ctx := context.Background()
			opts := retrieval.Options{DataDir: fx.dataDir, Embedder: retrieval.NewLocalEmbedder(), Lexicon: fx.lex}
			var before, after runtime.MemStats
			var heapPerChunk float64
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				ix, err := retrieval.Open(ctx, opts)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&before)
				b.StartTimer()
				if n := ix.Store().Count(); n != chunks {
					b.Fatalf("store holds %d chunks, want %d", n, chunks)
				}
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&after)
				heapPerChunk = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(chunks)
				runtime.KeepAlive(ix)
				b.StartTimer()
			}
			b.ReportMetric(heapPerChunk, "heap-B/chunk")
		})
	}
}
