package answer

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

func TestZZDiag(t *testing.T) {
	q := os.Getenv("DIAG_Q")
	if q == "" {
		t.Skip()
	}
	lex, _ := lexicon.New()
	opts := retrieval.Options{Corpus: seeds.FS, CorpusName: "seeds", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex}
	if c := os.Getenv("DIAG_CORPUS"); c != "" {
		opts.Corpus, opts.CorpusName, opts.DataDir = os.DirFS(c), c, "/tmp/diagdata"
	}
	ix, _, err := retrieval.Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	e := NewExtractive(ix, 16, retrieval.RankLexical)
	for _, question := range strings.Split(q, "|") {
		lq, hits, err := e.analyze(context.Background(), question, 16)
		for _, w := range []string{"debian", "stable", "lts", "korea", "kim", "lavrov"} {
			fmt.Printf("  idf %s=%.2f ", w, ix.IDF(w))
		}
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("\n### %s  type=%v lang=%s polar=%v speaker=%d words=%v\n", question, lq.Type, lq.Lang, lq.Polar, lq.Speaker, lq.AsksWords)
		for i, c := range lq.Concepts {
			fmt.Printf("  concept %d %q ent=%v sal=%v focus=%v owner=%d alts=%.120v\n", i, c.Surface, c.Entity, c.Salient, c.Focus, c.Owner, c.Alts)
		}
		fmt.Printf("  absentThing=%q absentPlace=%q phraseAbsent=%v\n", absentThing(e.corpus, lq), absentPlace(e.corpus, lq), e.phraseAbsent(lq, hits))
		if hits == nil {
			hits, _ = e.search(context.Background(), lq, 16)
		}
		fmt.Println("  hits", len(hits))
		cands := e.candidates(hits, lq)
		sortCandidates(cands)
		for i, c := range cands {
			if i >= 8 {
				break
			}
			keys := extractKeys(c, lq.Type, c.focus(lq), lq, e.lex)
			var ks []string
			for _, k := range keys {
				ks = append(ks, c.doc.Text[k.start:k.end])
			}
			txt := c.text()
			if len(txt) > 160 {
				txt = txt[:160]
			}
			fmt.Printf("  owned=%v %.3f ans=%v ent=%v namesOnly=%v role=%v cov=%.2f unnamed=%v keys=%v %s: %q\n", e.ownedByAnother(c, lq), c.score, c.answers(), c.entities, c.namesOnly, c.roleMissing, c.coverage, c.unnamed, ks, c.doc.ID, txt)
		}
	}
}

func TestZZWords(t *testing.T) {
	ws := os.Getenv("DIAG_W")
	if ws == "" {
		t.Skip()
	}
	lex, _ := lexicon.New()
	for _, w := range strings.Split(ws, ",") {
		fmt.Printf("%s known=%v listed=%v noun=%v place=%v stop=%v gloss=%q\n", w, lex.KnownWord(w), lex.Listed(w), lex.IsNoun(w), lex.IsPlaceName(w), lex.IsStop(w), lex.Gloss(w))
	}
}

func TestZZPhrase(t *testing.T) {
	q := os.Getenv("DIAG_P")
	if q == "" {
		t.Skip()
	}
	lex, _ := lexicon.New()
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{Corpus: seeds.FS, CorpusName: "seeds", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	e := NewExtractive(ix, 16, retrieval.RankLexical)
	lq, hits, _ := e.analyze(context.Background(), q, 16)
	if hits == nil {
		hits, _ = e.search(context.Background(), lq, 16)
	}
	for _, con := range lq.Concepts {
		one := lq
		one.Concepts = []lexicon.Concept{con}
		fmt.Printf("%q salient=%v weights=%v absent=%v\n", con.Surface, con.Salient, con.AltWeights, e.phraseAbsent(one, hits))
	}
}

func TestZZYesNo(t *testing.T) {
	q := os.Getenv("DIAG_YN")
	if q == "" {
		t.Skip()
	}
	lex, _ := lexicon.New()
	opts := retrieval.Options{Corpus: seeds.FS, CorpusName: "seeds", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex}
	if c := os.Getenv("DIAG_CORPUS"); c != "" {
		opts.Corpus, opts.CorpusName, opts.DataDir = os.DirFS(c), c, "/tmp/diagdata"
	}
	ix, _, _ := retrieval.Build(context.Background(), opts)
	e := NewExtractive(ix, 16, retrieval.RankLexical)
	lq, hits, _ := e.analyze(context.Background(), q, 16)
	asked := lq
	asked.Type = lexicon.AnswerAny
	ev, _ := e.evidenceFrom(context.Background(), asked, 16, hits)
	if hits == nil {
		hits, _ = e.search(context.Background(), asked, 16)
	}
	fmt.Printf("absentThing=%q absentPlace=%q phraseAbsent=%v\n", absentThing(e.corpus, asked), absentPlace(e.corpus, asked), e.phraseAbsent(asked, hits))
	for _, c := range asked.Concepts {
		fmt.Printf("  concept %q sal=%v ent=%v\n", c.Surface, c.Salient, c.Entity)
	}
	cands := e.candidates(hits, asked)
	sortCandidates(cands)
	for _, c := range cands[:min(4, len(cands))] {
		fmt.Printf("cand %.3f ans=%v allHere=%v prev=%v %q\n", c.score, c.answers(), c.allHere, c.prevTerms != nil, c.text()[:min(80, len(c.text()))])
	}
	for _, x := range ev {
		fmt.Printf("allNamed=%v places=%v values=%v negDiff=%v backer=%v %q\n", x.AllNamed, e.placesAsAsked(lq, x), e.statesEveryValue(lq, x), negatedDifferently(lq, x), x.Backer, x.Doc.Text[x.Span.Start:min(x.Span.End, x.Span.Start+120)])
	}
}

func TestZZTerms(t *testing.T) {
	lex, _ := lexicon.New()
	for _, tk := range lexicon.Tokenize(os.Getenv("DIAG_T")) {
		fmt.Println(tk.Text, tk.Num, lex.WordTerms(tk, "id"), lex.WordTerms(tk, "en"))
	}
}

func TestZZPara(t *testing.T) {
	id, needle := os.Getenv("DIAG_DOC"), os.Getenv("DIAG_NEEDLE")
	if id == "" {
		t.Skip()
	}
	lex, _ := lexicon.New()
	opts := retrieval.Options{Corpus: os.DirFS(os.Getenv("DIAG_CORPUS")), CorpusName: os.Getenv("DIAG_CORPUS"), DataDir: "/tmp/diagdata", Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex}
	ix, _, _ := retrieval.Build(context.Background(), opts)
	d, _ := ix.Document(id)
	for _, p := range ix.Paragraphs(id) {
		txt := d.Text[p.Span.Start:p.Span.End]
		if strings.Contains(txt, needle) {
			fmt.Printf("para %d notEv=%v boiler=%v sents=%d %q\n", p.Index, p.NotEvidence, p.Boilerplate, len(p.Sentences), txt[:min(300, len(txt))])
			for _, s := range p.Sentences {
				fmt.Printf("   sent %q\n", d.Text[s.Start:s.End])
			}
		}
	}
}
