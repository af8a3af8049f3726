package answer

import (
	"context"
	"strings"
	"testing"
)

// Asked what someone said at an occasion, the bundled article's "Ia
// mengatakan …" answers: the sentence before it ("Kim menggelar upacara
// meresmikan museum …") sets the occasion and names the speaker, and the
// quote shows both. Each question is asked in chat's words for saying.
func TestSpeechAfterTheOccasion(t *testing.T) {
	t.Parallel()
	svc, ix := seedService(t)
	for _, q := range []string{
		"kim bilang apa waktu meresmikan museum di pyongyang?",
		"kim ngomong apa di upacara museum?",
	} {
		res, err := svc.Answer(context.Background(), Query{Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range res.Citations {
			found = found || strings.Contains(c.Quote, "menandai awal dari sejarah baru")
		}
		if !found {
			t.Errorf("%q: answer %q, want a citation quoting what Kim said (“menandai awal dari sejarah baru …”)", q, res.Answer)
		}
		checkVerbatim(t, ix, res)
	}
}
