package cite

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	claim, passage := os.Getenv("C"), os.Getenv("P")
	if claim == "" {
		t.Skip()
	}
	v := newTestVerifier(t)
	c := v.analyseClaim(claim)
	for _, k := range c.concepts {
		fmt.Printf("concept %q kind=%v w=%.2f anchor=%v alts=%.150v\n", k.Surface, k.kind, k.weight, k.anchor, fmt.Sprint(k.Alts))
	}
	for _, cl := range c.clauses {
		fmt.Printf("clause %q\n", cl.text)
	}
	srcs := []Source{{N: 1, DocID: "d", Text: passage}}
	marks := " [1]"
	if p2 := os.Getenv("P2"); p2 != "" {
		srcs = append(srcs, Source{N: 2, DocID: "e", Text: p2})
		marks = " [1][2]"
	}
	rep := v.Verify(claim+marks, srcs)
	fmt.Printf("%+v\n", rep.Sentences)
	for _, piece := range splitFine(claim) {
		fmt.Printf("piece %q\n", piece)
	}
}

func TestZZJudge(t *testing.T) {
	claim, passage := os.Getenv("C"), os.Getenv("P")
	if claim == "" {
		t.Skip()
	}
	v := newTestVerifier(t)
	ok, rule, reason := judgeOne(v, claim, passage)
	fmt.Println(ok, rule, reason)
}
