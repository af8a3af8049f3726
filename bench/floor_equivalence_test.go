package bench

import (
	"context"
	"slices"
	"testing"

	"github.com/kabar-bot/kabar/retrieval"
)

// TestVectorSearchMatchesBaselines holds the comparison fair: Kabar's
// exact search, the floor and chromem-go must return the same chunks for
// the same questions, or the benchmarks would compare different work.
func TestVectorSearchMatchesBaselines(t *testing.T) {
	fx := loadFixture(t, 1_000)
	ctx := context.Background()
	fl := newFloor(t, fx.ix)
	vecs, err := retrieval.NewLocalEmbedder().Embed(ctx, fx.questions[:40])
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range fx.questions[:40] {
		got, err := fx.ix.QueryVector(ctx, q, depth)
		if err != nil {
			t.Fatal(err)
		}
		if want := fl.search(vecs[i], depth); !slices.Equal(got, want) {
			t.Errorf("%q: kabar %v, floor %v", q, got, want)
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
