package cite

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

func newTestVerifier(t testing.TB) *Verifier {
	t.Helper()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	return NewVerifier(lex)
}

// testSources are passages of the bundled articles, verbatim.
var testSources = []Source{
	{N: 1, DocID: "002_546dc01b2ce7994a", Text: "Korut juga setuju mengirim 6.000 insinyur dan pekerja militer untuk membantu rekonstruksi di sana."},
	{N: 2, DocID: "001_a0a4439ec23291f3", Text: "Pemerintah Kim telah berjanji untuk mengirimkan sekitar 6.000 insinyur dan pembangun militer untuk membantu pekerjaan rekonstruksi di wilayah Kursk, Rusia.",
		Context: "Pemimpin Korut Tegaskan Kembali Dukungannya kepada Rusia dalam Perang Ukraina"},
	{N: 3, DocID: "000_ad46e1073d5a772e", Text: "Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu untuk membantu perang melawan Ukraina, menurut perkiraan dari Pentagon.", Outlet: "Reuters"},
	{N: 4, DocID: "000_ad46e1073d5a772e", Text: "Dalam foto ini yang dirilis oleh Layanan Pers Kementerian Luar Negeri Rusia, Menteri Luar Negeri Rusia Sergey Lavrov, kiri, dan Menteri Luar Negeri Korea Utara Choe Son Hui, kanan, menghadiri upacara penandatanganan setelah pembicaraan mereka di Wonsan, Korea Utara, pada hari Sabtu, 12 Juli 2025."},
	{N: 5, DocID: "001_a0a4439ec23291f3", Text: "Menteri Luar Negeri Rusia Sergei Lavrov sedang dalam kunjungan tiga hari ke Korea Utara, yang telah menyediakan pasukan dan persenjataan untuk perang Rusia dengan Ukraina."},
}

func TestVerify(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	type cit struct {
		n        int
		known    bool
		supports bool
		missing  []string
	}
	type sent struct {
		supported bool
		kept      bool
		cits      []cit
		repointed []int
	}
	tests := []struct {
		name     string
		answer   string
		want     []sent
		wantText string
	}{
		{"English claim, Indonesian passage: 6,000 = 6.000, North Korea = Korut",
			"North Korea agreed to send 6,000 engineers [1].",
			[]sent{{true, true, []cit{{1, true, true, nil}}, nil}},
			"North Korea agreed to send 6,000 engineers [1]."},
		{"North Korea = Korea Utara, at least = setidaknya",
			"North Korea sent at least 10,000 troops to Russia [3].",
			[]sent{{true, true, []cit{{3, true, true, nil}}, nil}},
			"North Korea sent at least 10,000 troops to Russia [3]."},
		{"July = Juli, names and date all present",
			"Lavrov and Choe Son Hui attended a signing ceremony in Wonsan on 12 July 2025 [4].",
			[]sent{{true, true, []cit{{4, true, true, nil}}, nil}},
			"Lavrov and Choe Son Hui attended a signing ceremony in Wonsan on 12 July 2025 [4]."},
		{"wrong month",
			"Lavrov and Choe Son Hui attended a signing ceremony in Wonsan on 12 June 2025 [4].",
			[]sent{{false, false, []cit{{4, true, false, []string{"June"}}}, nil}},
			""},
		{"number missing",
			"North Korea promised 9,000 engineers [1].",
			[]sent{{false, false, []cit{{1, true, false, []string{"9,000"}}}, nil}},
			""},
		{"name missing",
			"Putin agreed to send 6,000 engineers [1].",
			[]sent{{false, false, []cit{{1, true, false, []string{"Putin"}}}, nil}},
			""},
		{"South Korea is not Korea Utara",
			"South Korea sent at least 10,000 troops to Russia [3].",
			[]sent{{false, false, []cit{{3, true, false, []string{"South Korea"}}}, nil}},
			""},
		{"scaled number: 6 thousand = 6.000",
			"North Korea agreed to send 6 thousand engineers [1].",
			[]sent{{true, true, []cit{{1, true, true, nil}}, nil}},
			"North Korea agreed to send 6 thousand engineers [1]."},
		{"Indonesian claim",
			"Korut setuju mengirim 6.000 insinyur [1].",
			[]sent{{true, true, []cit{{1, true, true, nil}}, nil}},
			"Korut setuju mengirim 6.000 insinyur [1]."},
		{"unknown marker removed",
			"North Korea agreed to send 6,000 engineers [1][7].",
			[]sent{{true, true, []cit{{1, true, true, nil}, {7, false, false, nil}}, nil}},
			"North Korea agreed to send 6,000 engineers [1]."},
		{"unknown marker only: re-pointed, without the title's help",
			"North Korea agreed to send 6,000 engineers [9].",
			[]sent{{true, true, []cit{{9, false, false, nil}}, []int{1}}},
			"North Korea agreed to send 6,000 engineers [1]."},
		{"title names the country for the cited passage",
			"North Korea promised about 6,000 engineers for Kursk [2].",
			[]sent{{true, true, []cit{{2, true, true, nil}}, nil}},
			"North Korea promised about 6,000 engineers for Kursk [2]."},
		{"wrong source re-pointed",
			"North Korea sent at least 10,000 troops to Russia [1].",
			[]sent{{true, true, []cit{{1, true, false, []string{"Russia", "10,000"}}}, []int{3}}},
			"North Korea sent at least 10,000 troops to Russia [3]."},
		{"unsupported marker dropped, supporting one kept",
			"North Korea sent at least 10,000 troops to Russia [1][3].",
			[]sent{{true, true, []cit{{1, true, false, []string{"Russia", "10,000"}}, {3, true, true, nil}}, nil}},
			"North Korea sent at least 10,000 troops to Russia [3]."},
		{"outlet named in the claim",
			"According to Reuters, North Korea sent at least 10,000 troops to Russia [3].",
			[]sent{{true, true, []cit{{3, true, true, nil}}, nil}},
			"According to Reuters, North Korea sent at least 10,000 troops to Russia [3]."},
		{"attribution in parentheses names the source, not a fact",
			"Korut setuju mengirim 6.000 insinyur (menurut Lavrov Rusia Temui Kim…) [1].",
			[]sent{{true, true, []cit{{1, true, true, nil}}, nil}},
			"Korut setuju mengirim 6.000 insinyur (menurut Lavrov Rusia Temui Kim…) [1]."},
		{"spelled-out number equal to the passage's figure",
			"One report says North Korea agreed to send six thousand engineers [1].",
			[]sent{{true, true, []cit{{1, true, true, nil}}, nil}},
			"One report says North Korea agreed to send six thousand engineers [1]."},
		{"spelled-out number the passage does not state",
			"North Korea agreed to send nine thousand engineers [1].",
			[]sent{{false, false, []cit{{1, true, false, []string{"nine thousand"}}}, nil}},
			""},
		{"spelled-out number in the passage: three days = tiga hari",
			"Lavrov was on a three-day visit to North Korea [5].",
			[]sent{{true, true, []cit{{5, true, true, nil}}, nil}},
			"Lavrov was on a three-day visit to North Korea [5]."},
		{"negative claim, positive passage",
			"North Korea did not agree to send 6,000 engineers [1].",
			[]sent{{false, false, []cit{{1, true, false, []string{"not"}}}, nil}},
			""},
		{"markers after the period and per clause",
			"Reports differ. North Korea sent at least 10,000 troops [3], and it agreed to send 6,000 engineers [1]. Ignored.",
			[]sent{
				{false, false, []cit{}, nil},
				{true, true, []cit{{3, true, true, nil}, {1, true, true, nil}}, nil},
				{false, false, []cit{}, nil},
			},
			"North Korea sent at least 10,000 troops [3], and it agreed to send 6,000 engineers [1]."},
		{"framing and gap sentences kept uncited",
			"The reports differ:\n- North Korea agreed to send 6,000 engineers [1]\n- Korea Utara mengirim 10.000 tentara [3]\n\nThe coverage does not say when Lavrov will return.",
			[]sent{
				{false, true, []cit{}, nil},
				{true, true, []cit{{1, true, true, nil}}, nil},
				{true, true, []cit{{3, true, true, nil}}, nil},
				{false, true, []cit{}, nil},
			},
			"The reports differ:\n- North Korea agreed to send 6,000 engineers [1]\n- Korea Utara mengirim 10.000 tentara [3]\n\nThe coverage does not say when Lavrov will return."},
		{"gap sentence naming someone absent is not a gap",
			"North Korea agreed to send 6,000 engineers [1]. The coverage does not say whether Xi Jinping agreed.",
			[]sent{{true, true, []cit{{1, true, true, nil}}, nil}, {false, false, []cit{}, nil}},
			"North Korea agreed to send 6,000 engineers [1]."},
		{"uncited fact re-pointed",
			"North Korea sent at least 10,000 troops to Russia.",
			[]sent{{true, true, []cit{}, []int{3}}},
			"North Korea sent at least 10,000 troops to Russia [3]."},
		{"names alone do not support a claim",
			"Lavrov visited Wonsan to sign a defence treaty with Choe Son Hui [1].",
			[]sent{{false, false, []cit{{1, true, false, []string{"Lavrov", "Wonsan", "Choe Son Hui"}}}, nil}},
			""},
		{"nothing supported: empty text",
			"The reports differ: Russia sent 500 doctors [1].",
			[]sent{{false, false, []cit{{1, true, false, []string{"Russia", "500"}}}, nil}},
			""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rep := v.Verify(tc.answer, testSources)
			if rep.Text != tc.wantText {
				t.Errorf("text = %q\nwant   %q", rep.Text, tc.wantText)
			}
			if len(rep.Sentences) != len(tc.want) {
				t.Fatalf("got %d sentence verdicts: %+v", len(rep.Sentences), rep.Sentences)
			}
			for i, w := range tc.want {
				g := rep.Sentences[i]
				if g.Supported != w.supported || g.Kept != w.kept {
					t.Errorf("sentence %d %q: supported=%v kept=%v; want %v %v", i, g.Sentence, g.Supported, g.Kept, w.supported, w.kept)
				}
				if len(g.Citations) != len(w.cits) {
					t.Errorf("sentence %d: citations %+v; want %+v", i, g.Citations, w.cits)
					continue
				}
				for j, wc := range w.cits {
					gc := g.Citations[j]
					if gc.N != wc.n || gc.Known != wc.known || gc.Supports != wc.supports {
						t.Errorf("sentence %d citation %d = %+v; want %+v", i, j, gc, wc)
					}
					if wc.missing != nil && !reflect.DeepEqual(gc.Missing, wc.missing) {
						t.Errorf("sentence %d citation [%d] missing %q; want %q", i, gc.N, gc.Missing, wc.missing)
					}
				}
				want := w.repointed
				if want == nil {
					want = []int{}
				}
				if !reflect.DeepEqual(g.RepointedTo, want) {
					t.Errorf("sentence %d re-pointed to %v; want %v", i, g.RepointedTo, want)
				}
			}
		})
	}
}

func TestCheckReportsConflicts(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	tests := []struct {
		claim string
		src   Source
		want  string
	}{
		{"North Korea promised 9,000 engineers.", testSources[0], "says 9,000; the passage says 6.000"},
		{"North Korea sent 20,000 troops to Russia.", testSources[2], "says 20,000; the passage says 10.000"},
		{"Lavrov and Choe Son Hui attended a signing ceremony in Wonsan on 13 July 2025.", testSources[3], "says 13; the passage says 12"},
		{"Putin promised 9,000 engineers.", testSources[0], ""},             // not about the same actor
		{"North Korea lost 9,000 soldiers.", testSources[0], ""},            // not about the same thing
		{"North Korea agreed to send 6,000 engineers.", testSources[0], ""}, // supported
	}
	for _, tc := range tests {
		got := v.Check(tc.claim, tc.src)
		if got.Conflict != tc.want {
			t.Errorf("Check(%q).Conflict = %q; want %q (%+v)", tc.claim, got.Conflict, tc.want, got)
		}
	}
}

func TestCheckClaimUnit(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	doc := "Judul.\nKorut juga setuju mengirim 6.000 insinyur dan pekerja militer untuk membantu rekonstruksi di sana. Mereka tiba bulan depan."
	start := strings.Index(doc, "Korut")
	text := doc[start:]
	firstEnd := strings.Index(text, " Mereka")
	passages := []Passage{{DocID: "d", Title: "Judul", Text: text, Start: start,
		Sentences: []Span{{0, firstEnd}, {firstEnd + 1, len(text)}}}}
	tests := []struct {
		claim    string
		status   ClaimStatus
		quote    string
		conflict string
	}{
		{"North Korea agreed to send 6,000 engineers", ClaimSupported, text[:firstEnd], ""},
		{"North Korea agreed to send 7,000 engineers", ClaimContradicted, text[:firstEnd], "says 7,000; the passage says 6.000"},
		{"Indonesia won the 2022 World Cup", ClaimNotInCoverage, "", ""},
	}
	for _, tc := range tests {
		res := v.CheckClaim(tc.claim, passages)
		if res.Status != tc.status {
			t.Errorf("%q: status %q; want %q (%+v)", tc.claim, res.Status, tc.status, res.Evidence)
			continue
		}
		if tc.quote == "" {
			continue
		}
		e := res.Evidence[0]
		if e.Quote != tc.quote || doc[e.Start:e.End] != e.Quote || e.Conflict != tc.conflict {
			t.Errorf("%q: evidence %+v; want quote %q conflict %q", tc.claim, e, tc.quote, tc.conflict)
		}
	}
}

// TestCheckClaimCombined: a claim joining what two passages state is
// supported by both together, with a quote from each; not when a passage
// it joins says otherwise about another piece.
func TestCheckClaimCombined(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	doc := "Judul.\nKim bertemu Lavrov di Wonsan pada hari Sabtu.\nPutin menyambut Choe di Kremlin pada hari Senin.\nPerang itu telah menewaskan ribuan tentara Korea Utara, kata Lavrov di Wonsan."
	var passages []Passage
	for _, s := range []string{"Kim bertemu Lavrov di Wonsan pada hari Sabtu.", "Putin menyambut Choe di Kremlin pada hari Senin.", "Perang itu telah menewaskan ribuan tentara Korea Utara, kata Lavrov di Wonsan."} {
		at := strings.Index(doc, s)
		passages = append(passages, Passage{DocID: "d", Title: "Judul", Text: s, Start: at})
	}
	res := v.CheckClaim("Kim met Lavrov in Wonsan on Saturday, and Putin welcomed Choe at the Kremlin on Monday.", passages)
	if res.Status != ClaimSupported || len(res.Evidence) < 2 {
		t.Fatalf("combined claim: %s %+v; want supported by two passages", res.Status, res.Evidence)
	}
	for _, e := range res.Evidence[:2] {
		if e.Stance != StanceSupports || doc[e.Start:e.End] != e.Quote {
			t.Errorf("evidence %+v: want a verbatim supporting quote", e)
		}
	}
	res = v.CheckClaim("Kim met Lavrov in Wonsan on Saturday, where Lavrov said the war had killed hundreds of North Korean soldiers.", passages)
	if res.Status == ClaimSupported {
		t.Errorf("a piece contradicted by a joined passage: %s %+v; want not supported", res.Status, res.Evidence)
	}
}

// TestVerifyAcrossSentences: one cited passage may state a claim in two
// of its sentences together; not when one piece is not stated.
func TestVerifyAcrossSentences(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	src := []Source{{N: 1, DocID: "d", Text: "Putin terakhir kali bertemu langsung dengan Kim pada 3 September di Beijing. Saat itu, Putin memuji prajurit Korea Utara karena bertempur “dengan berani dan heroik” dalam perang di Ukraina."}}
	rep := v.Verify("When Putin met Kim in Beijing on September 3, he praised North Korean soldiers for fighting bravely in Ukraine [1].", src)
	if len(rep.Sentences) != 1 || !rep.Sentences[0].Supported {
		t.Errorf("a claim told across two sentences of its passage: %+v", rep.Sentences)
	}
	rep = v.Verify("When Putin met Kim in Moscow on September 3, he praised North Korean soldiers for fighting bravely in Ukraine [1].", src)
	if len(rep.Sentences) != 1 || rep.Sentences[0].Supported {
		t.Errorf("a piece the passage tells otherwise (Moscow): %+v", rep.Sentences)
	}
}

// TestCheckClaimShortPieceWhole: a short piece of a combined claim needs
// all of its words stated: "yang dihadiri Duta Besar Rusia" is not
// stated by a sentence that only names Russia (and a loose match of
// "dihadiri").
func TestCheckClaimShortPieceWhole(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	texts := []string{
		"Beberapa hari yang lalu, Kim menggelar upacara meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara yang tewas dalam konflik tersebut.",
		"Dalam foto yang disediakan oleh pemerintah Korea Utara ini, pemimpinnya Kim Jong Un, kanan, berbicara dengan Menteri Luar Negeri Rusia Sergey Lavrov, kiri kedua, di Wonsan, Korea Utara, Sabtu, 12 Juli 2025.",
	}
	passages := passagesOfOneDoc(texts)
	res := v.CheckClaim("Kim meresmikan museum di Pyongyang untuk menghormati pasukan yang tewas, dalam upacara yang dihadiri Duta Besar Rusia.", passages)
	if res.Status == ClaimSupported {
		t.Errorf("an added fragment passed as a combination: %s %+v", res.Status, res.Evidence)
	}
	res = v.CheckClaim("Kim meresmikan museum di Pyongyang untuk menghormati pasukan yang tewas.", passages)
	if res.Status != ClaimSupported {
		t.Errorf("the stated part: %s %+v; want supported", res.Status, res.Evidence)
	}
}

// TestCheckClaimOtherClauseFigure: a passage figure that another clause
// of the claim states is that clause's, not a conflicting figure for
// this one ("at least 10,000 troops …, and more than 6,000 soldiers
// died" beside a passage about 6.000 workers).
func TestCheckClaimOtherClauseFigure(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	texts := []string{
		"Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu, menurut Pentagon.",
		"Lebih dari 6.000 tentara Korut tewas dalam perang, menurut intelijen pertahanan Inggris.",
		"Pyongyang setuju untuk mengirim 6.000 pekerja militer tambahan ke Rusia.",
	}
	passages := passagesOfOneDoc(texts)
	res := v.CheckClaim("North Korea sent at least 10,000 troops to Russia last year, and more than 6,000 North Korean soldiers died in the war, according to British defence intelligence.", passages)
	if res.Status != ClaimSupported {
		t.Errorf("combined claim: %s %+v; want supported", res.Status, res.Evidence)
	}
	for _, e := range res.Evidence {
		if e.Stance == StanceContradicts && strings.Contains(e.Conflict, "6.000") {
			t.Errorf("the other clause's figure contradicts: %+v", e)
		}
	}
	res = v.CheckClaim("North Korea sent at least 60,000 troops to Russia last year.", passages)
	if res.Status != ClaimContradicted {
		t.Errorf("a wrong figure: %s %+v; want contradicted", res.Status, res.Evidence)
	}
}

// passagesOfOneDoc returns texts as passages of one document "d" titled
// "Judul", which holds them one per line after its title.
func passagesOfOneDoc(texts []string) []Passage {
	doc := "Judul.\n" + strings.Join(texts, "\n")
	var passages []Passage
	for _, s := range texts {
		passages = append(passages, Passage{DocID: "d", Title: "Judul", Text: s, Start: strings.Index(doc, s)})
	}
	return passages
}
