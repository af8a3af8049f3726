package answer

import (
	"context"
	"strings"
	"testing"
)

// Of the names a sentence holds, a who-question's answer is the one
// nearest the question's words taken together, not the one nearest its
// rarest word: in the bundled articles, "Lavrov pada hari Kamis telah
// bertemu dengan Menteri Luar Negeri AS Marco Rubio di Malaysia, setelah
// itu Rubio mengatakan ia berbagi … Presiden AS Donald Trump …" answers
// with Rubio, though "setelah" (before/after) sits beside Trump.
func TestPersonNearestTheQuestion(t *testing.T) {
	t.Parallel()
	svc, ix := seedService(t)
	q := "who did lavrov meet in malaysia before heading to north korea"
	res, err := svc.Answer(context.Background(), Query{Question: q}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if lead := outsideQuotes(res.Answer); !strings.Contains(lead, "Rubio") {
		t.Errorf("%q: answer %q, want Marco Rubio", q, res.Answer)
	}
	checkVerbatim(t, ix, res)
}
