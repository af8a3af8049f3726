package answer

import (
	"context"
	"strings"
	"testing"
)

// A date resolved to the calendar is not set beside an undated report's
// "awal bulan ini", which may date something else its sentence tells:
// in the bundled articles, "Lavrov bertemu rekannya … di Wonsan—kota …
// yang baru saja membuka resor besar awal bulan ini" dates the resort,
// not the meeting that other reports date 12 July 2025.
func TestUndatedRelativeMonthBesideADate(t *testing.T) {
	t.Parallel()
	svc, ix := seedService(t)
	for _, q := range []string{"kapan lavrov bertemu kim?", "when did lavrov meet kim?"} {
		res, err := svc.Answer(context.Background(), Query{Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		lead := outsideQuotes(res.Answer)
		if !strings.Contains(lead, "2025") || strings.Contains(res.Answer, "publication date is not known") || strings.Contains(res.Answer, "tanggal terbit") {
			t.Errorf("%q: answer %q, want the dated meeting alone, without an undated report's “this month”", q, res.Answer)
		}
		checkVerbatim(t, ix, res)
	}
}
