package bench

import (
	"context"
	"slices"
	"testing"

	"github.com/kabar-bot/kabar/retrieval"
)

// TestVectorSearchMatchesBaselines holds the comparison fair: Kabar's
// exact search (on all cores and on one), the independent scalar scan and
// chromem-go must return the same chunks for the same questions, or the
// benchmarks would compare different work. The bandwidth floor reads the
// index's own matrix, every byte of it.
func TestVectorSearchMatchesBaselines(t *testing.T) {
	fx := loadFixture(t, 1_000)
	ctx := context.Background()
	fl := newScalarScan(t, fx.ix)
	vecs, err := retrieval.NewLocalEmbedder().Embed(ctx, fx.questions[:40])
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range fx.questions[:40] {
		got, err := fx.ix.QueryVector(ctx, q, depth)
		if err != nil {
			t.Fatal(err)
		}
		want := fl.search(vecs[i], depth)
		if !slices.Equal(got, want) {
			t.Errorf("%q: kabar %v, scalar scan %v", q, got, want)
		}
		if one := fx.ix.NearestVectors(nil, vecs[i], depth, 1); !slices.Equal(one, want) {
			t.Errorf("%q: kabar on one worker %v, scalar scan %v", q, one, want)
		}
		res, err := fx.ix.Store().Query(ctx, q, 10, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		// chromem-go breaks ties arbitrarily, so compare scores, not ids.
		for r, c := range res {
			d, err := fx.ix.Store().GetByID(ctx, fx.ix.Chunk(got[r]).ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := c.Similarity - floorDot(vecs[i], d.Embedding); diff > 1e-5 || diff < -1e-5 {
				t.Errorf("%q rank %d: chromem %s scores %.6f, kabar's %s %.6f", q, r, c.ID, c.Similarity, fx.ix.Chunk(got[r]).ID, c.Similarity-diff)
			}
		}
	}
}

// TestBandwidthFloorReadsEverything: the floor's sum is the matrix's sum,
// so it really reads every float of it.
func TestBandwidthFloorReadsEverything(t *testing.T) {
	fx := loadFixture(t, 1_000)
	dim, data := fx.ix.VectorMatrix()
	if len(data) != dim*fx.ix.NumChunks() {
		t.Fatalf("matrix of %d floats for %d chunks of %d dimensions", len(data), fx.ix.NumChunks(), dim)
	}
	f := newBandwidthFloor(dim, data)
	defer f.stop()
	var want float64
	for _, x := range data {
		want += float64(x)
	}
	got := float64(f.read())
	if d := got - want; d > 1e-3*max(1, want) || d < -1e-3*max(1, want) {
		t.Errorf("floor sums to %g, the matrix to %g", got, want)
	}
}
