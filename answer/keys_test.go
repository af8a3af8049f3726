package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/timeline"
)

func TestCapitalisedInside(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"Voilà the result. We are done.", "Voilà", false},
		{"Pengerjaan dimulai. Lalu selesai.", "Pengerjaan", false},
		{"Andreas wrote it. Then Andreas left.", "Andreas", true},
		{"It began. Then it ended. It is over.", "It", false},
	} {
		if got := capitalisedInside(tc.text, tc.word); got != tc.want {
			t.Errorf("capitalisedInside(%q, %q) = %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}

func TestEndsBefore(t *testing.T) {
	pub := time.Date(2025, 7, 14, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		d    timeline.Date
		want bool
	}{
		{timeline.Date{Year: 2025, Month: 6, Prec: timeline.Month}, true},
		{timeline.Date{Year: 2025, Month: 7, Prec: timeline.Month}, false},
		{timeline.Date{Year: 2025, Month: 7, Day: 13, Prec: timeline.Day}, true},
		{timeline.Date{Year: 2025, Month: 7, Day: 14, Prec: timeline.Day}, false},
		{timeline.Date{Year: 2024, Prec: timeline.Year}, true},
		{timeline.Date{Year: 2025, Month: 10, Prec: timeline.Month}, false},
	} {
		if got := endsBefore(tc.d, pub); got != tc.want {
			t.Errorf("endsBefore(%s) = %v, want %v", tc.d, got, tc.want)
		}
	}
}

// A sentence that refers back ("it", "ia") answers for the name of the
// sentence before it, and its quote starts there so the reader sees whom
// it means.
func TestAnaphoraAnswers(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	corpus := fstest.MapFS{
		"acme.md": {Data: []byte("# Acme Widgets\n\nIn 1990 the brothers founded Acme Widgets in Ohio. It went bankrupt in April 2007 after years of losses.\n\nThe founders later moved to Texas.\n")},
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: corpus, CorpusName: "anaphora", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		t.Fatal(err)
	}
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	res, err := svc.Answer(context.Background(), Query{Question: "When did Acme Widgets go bankrupt?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Answered || !strings.Contains(res.Answer, "April 2007") {
		t.Fatalf("answer %q, want April 2007", res.Answer)
	}
	if len(res.Citations) == 0 || !strings.HasPrefix(res.Citations[0].Quote, "In 1990 the brothers founded Acme Widgets") {
		t.Errorf("quote should start with the sentence naming Acme Widgets: %+v", res.Citations)
	}
	checkVerbatim(t, ix, res)
}

// One report says yes, another story says no: the answer shows both,
// each with its source.
func TestYesNoDisputed(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	corpus := fstest.MapFS{
		"a.md": {Data: []byte("# Council report\n\nThe council said Acme Widgets received the regional design award in 2020.\n")},
		"b.md": {Data: []byte("# Jury statement\n\nThe jury said Acme Widgets did not receive the regional design award in 2020.\n")},
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: corpus, CorpusName: "disputed", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		t.Fatal(err)
	}
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	res, err := svc.Answer(context.Background(), Query{Question: "Did Acme Widgets receive the regional design award?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Answer, "The reports disagree: yes, according to the report [1]; no, according to another report [2].") {
		t.Fatalf("answer %q", res.Answer)
	}
	if len(res.Citations) != 2 || res.Citations[0].Doc == res.Citations[1].Doc {
		t.Errorf("want one citation per side: %+v", res.Citations)
	}
	checkVerbatim(t, ix, res)
}

// Yes needs a sentence naming everyone the question names; a pronoun
// after a name of the sentence stands for that name, not for someone in
// the sentence before.
func TestYesNeedsEveryName(t *testing.T) {
	t.Parallel()
	svc, _ := seedService(t)
	for _, q := range []string{"Did Rubio meet Choe Son Hui in Kuala Lumpur too?", "did rubio meet choe son hui in kuala lumpur?"} {
		res, err := svc.Answer(context.Background(), Query{Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(res.Answer, "Yes") {
			t.Errorf("%q: %s", q, res.Answer)
		}
	}
}

// A bare weekday of an undated article takes the one calendar day among
// the other sentences' dates that falls on it; with two such days it
// stays as written.
func TestAnchorWeekdays(t *testing.T) {
	sat := timeline.Date{Year: 2025, Month: 7, Day: 12, Prec: timeline.Day}
	otherSat := timeline.Date{Year: 2025, Month: 7, Day: 19, Prec: timeline.Day}
	for _, tc := range []struct {
		dates []timeline.Date
		want  string
	}{
		{[]timeline.Date{sat}, "2025-07-12"},
		{[]timeline.Date{sat, otherSat}, "pada hari sabtu"},
		{nil, "pada hari sabtu"},
	} {
		bare := &candidate{keys: []key{{norm: "pada hari sabtu"}}}
		cands := []*candidate{bare}
		for _, d := range tc.dates {
			d := d
			cands = append(cands, &candidate{keys: []key{{norm: d.String(), date: &d}}})
		}
		anchorWeekdays(cands)
		if got := bare.keys[0].norm; got != tc.want {
			t.Errorf("with %v: %q, want %q", tc.dates, got, tc.want)
		}
	}
}

func TestPersonLikeAndPathKeys(t *testing.T) {
	doc := retrieval.Document{ID: "d", Lang: "en", Text: "APT keeps the files in /var/cache/apt/archives/. The IP of V was set, and/or not. It bans IPs. Ia memblokir IP-IP. It is written in Python."}
	c := &candidate{doc: &doc, span: retrieval.Span{Start: 0, End: len(doc.Text)}}
	c.toks = lexicon.Tokenize(doc.Text)
	keys := pathKeys(c)
	if len(keys) != 1 || keys[0].norm != "/var/cache/apt/archives/" {
		t.Errorf("path keys %+v", keys)
	}
	var names []key
	for i, tk := range c.toks {
		if tk.Text == "IP" || tk.Text == "V" || tk.Text == "APT" || tk.Text == "IPs" || tk.Text == "Python" {
			names = append(names, key{first: i, last: i, start: tk.Start, end: tk.End})
		}
		if i > 0 && tk.Text == "IP" && c.toks[i-1].Text == "IP" && c.toks[i-1].End+1 == tk.Start {
			names = append(names, key{first: i - 1, last: i, start: c.toks[i-1].Start, end: tk.End})
		}
	}
	if got := personLike(c, names); len(got) != 0 {
		t.Errorf("acronyms and letters kept as people: %+v", got)
	}
}

func TestLocativeShare(t *testing.T) {
	text := "Kim bertemu Lavrov di Wonsan. Kim memuji pasukan. Kata Kim, mereka menang. Harapan hangat dari Kim. Wonsan adalah kota pesisir. Mereka tiba ke Wonsan. Kim pulang."
	if got := locativeShare(text, "Wonsan"); got < minLocativeShare {
		t.Errorf("Wonsan share %.2f, want ≥ %.2f", got, minLocativeShare)
	}
	if got := locativeShare(text, "Kim"); got >= minLocativeShare {
		t.Errorf("Kim share %.2f, want < %.2f", got, minLocativeShare)
	}
}

func TestDateEN(t *testing.T) {
	for in, want := range map[string]string{
		"tahun ini":           "this year",
		"awal bulan ini":      "early this month",
		"pada hari Sabtu":     "Saturday",
		"Juli atau Agustus":   "July or August",
		"12 Juli 2025":        "12 July 2025",
		"November tahun lalu": "November last year",
		"awal minggu depan":   "early next week",
		"pada hari Minggu":    "Sunday",
		"akhir pekan ini":     "this weekend",
		"akhir minggu lalu":   "last weekend",
		"akhir tahun ini":     "late this year",
	} {
		if got := dateEN(in); got != want {
			t.Errorf("dateEN(%q) = %q, want %q", in, got, want)
		}
	}
}
