package answer

import (
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestYesNoJudgement asks polar questions of small made-up corpora, one
// rule of the yes/no judgement a row: want is how the lead must start
// ("" for a decline) and state, when set, a phrase its own words must
// hold outside the quotes.
func TestYesNoJudgement(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ammo := map[string]string{"ammo.md": "# Pasokan\n\nKorea Utara kini memasok hingga 40% amunisi Rusia untuk perang, ujar kepala intelijen Ukraina.\n\nPerang itu berlangsung lebih dari tiga tahun.\n"}
	grain := map[string]string{"grain.md": "# Harvest\n\nThe cooperative now supplies about 70% of the region's grain, the ministry said.\n\nThe harvest began in May.\n"}
	hacked := map[string]string{"history.md": "# Example history\n\n## November 2003: several Debian servers hacked\n\n" +
		"Starting on November 19th, 2003, four of the project's main servers were compromised. " +
		"The services were taken down for inspection and it could be confirmed that the package archive was not affected by this compromise.\n\n" +
		"## 2005\n\nThe project released version 3.1 in June 2005.\n"}
	greeting := map[string]string{"kremlin.md": "# Putin temui menteri luar negeri Korea Utara\n\nPresiden Putin bertemu Menteri Luar Negeri Choe Son Hui di Kremlin pada hari Senin.\n\n" +
		"Menurut kantor berita Sputnik, Putin menyatakan bahwa hubungan kedua negara berjalan sesuai rencana, dan menyampaikan salam kepada pemimpin Korea Utara Kim Jong Un. " +
		"Choe menyampaikan harapan hangat dari Kim.\n\nRusia dan Korea Utara menandatangani pakta pertahanan pada 2024.\n"}
	talks := map[string]string{"wonsan.md": "# Lavrov meets Kim in Wonsan\n\nKim received Lavrov in Wonsan on Saturday, state media said.\n\n" +
		"Lavrov had earlier held talks with Choe in Wonsan, and they issued a joint statement.\n\nThe visit lasted three days.\n"}
	resumed := map[string]string{"senjata.md": "# Senjata\n\nPresiden Zelensky menyatakan pengiriman senjata AS ke Ukraina telah dilanjutkan, setelah Pentagon sempat menghentikan pengiriman tertentu.\n\nPerang itu berlangsung tiga tahun.\n"}
	tests := []struct {
		name     string
		files    map[string]string
		question string
		want     string // the lead's first word, "" for a decline
		state    string // a phrase the lead states outside its quotes
	}{
		{
			name:     "more than half against up to 40%: no, with the stated figure",
			files:    ammo,
			question: "jadi korut sekarang nyuplai lebih dari setengah amunisi rusia?",
			want:     "Tidak", state: "40%",
		},
		{
			name:     "an English question counts the thing an Indonesian sentence names in translation",
			files:    ammo,
			question: "does north korea now supply more than half of russia's ammunition?",
			want:     "No", state: "40%",
		},
		{
			name:     "more than half against about 70%: yes",
			files:    grain,
			question: "does the cooperative supply more than half of the region's grain?",
			want:     "Yes",
		},
		{
			name:     "less than half against about 70%: no",
			files:    grain,
			question: "does the cooperative supply less than half of the region's grain?",
			want:     "No", state: "70%",
		},
		{
			name:     "more than half against up to 60%: the figure cannot tell",
			files:    map[string]string{"grain.md": "# Harvest\n\nThe cooperative now supplies up to 60% of the region's grain, the ministry said.\n\nThe harvest began in May.\n"},
			question: "does the cooperative supply more than half of the region's grain?",
			want:     "",
		},
		{
			name:     "a when-clause stated around the sentence: the proposition alone decides, here no",
			files:    hacked,
			question: "Was the package archive affected when several servers were hacked in November 2003?",
			want:     "No",
		},
		{
			name:     "a name owning a thing of the proposition may be in the heading, like the situation",
			files:    hacked,
			question: "Was the Debian package archive affected when several Debian servers were hacked in November 2003?",
			want:     "No",
		},
		{
			name:     "a sentence stating only the situation says nothing of the proposition",
			files:    map[string]string{"history.md": "# Example history\n\n## November 2003: several Example servers hacked\n\nThe project released version 3.1 in June 2005.\n"},
			question: "Was the Example package archive affected when several Example servers were hacked in November 2003?",
			want:     "",
		},
		{
			name:     "a chat when-clause (pas) stated in the article's lead: yes",
			files:    greeting,
			question: "putin nitip salam buat kim gak pas ketemu choe?",
			want:     "Ya",
		},
		{
			name:     "an event told as earlier than the article's came first: asked before it, no",
			files:    talks,
			question: "did kim see lavrov before lavrov's talks with choe?",
			want:     "No",
		},
		{
			name:     "an event told as earlier than the article's came first: asked after it, yes",
			files:    talks,
			question: "did kim see lavrov after lavrov's talks with choe?",
			want:     "Yes",
		},
		{
			name:     "a sentence stating both events but not their order does not answer an order question",
			files:    map[string]string{"wonsan.md": "# Wonsan\n\nIn Wonsan, Kim saw Lavrov, and Lavrov held talks with Choe.\n\nThe visit lasted three days.\n"},
			question: "did kim see lavrov before lavrov's talks with choe?",
			want:     "",
		},
		{
			name: "an order word further into a sentence orders its own clauses, not the article's events",
			files: map[string]string{"wonsan.md": "# Lavrov meets Kim in Wonsan\n\nKim received Lavrov in Wonsan on Saturday.\n\n" +
				"The sides held a strategic dialogue, after that Lavrov held talks with Choe.\n"},
			question: "did kim see lavrov before lavrov's talks with choe?",
			want:     "",
		},
		{
			name: "another place in the asked relation (to): no, with that place",
			files: map[string]string{"arms.md": "# Arms\n\nNorth Korea sent weapons to Russia last year, the State Department said.\n\n" +
				"Belarus hosted a security conference in Minsk.\n"},
			question: "did north korea send weapons to belarus?",
			want:     "No", state: "Russia",
		},
		{
			name: "another place in another relation (in, not to) says nothing of the asked one",
			files: map[string]string{"arms.md": "# Arms\n\nNorth Korea sent weapons last year to back the war in Ukraine, the State Department said.\n\n" +
				"Belarus hosted a security conference in Minsk.\n"},
			question: "did north korea send weapons to belarus?",
			want:     "",
		},
		{
			name:     "an approximate figure asked is not compared with a hedged one that may fit: yes",
			files:    map[string]string{"troops.md": "# Troops\n\nNorth Korea sent at least 10,000 troops to Russia last year, the Pentagon estimated.\n\nThe war began in 2022.\n"},
			question: "did north korea send about 10,000 troops to russia?",
			want:     "Yes",
		},
		{
			name:     "a sentence stating both events with an order word between them: asked as stated, yes",
			files:    resumed,
			question: "apakah pengiriman senjata AS dilanjutkan setelah pentagon menghentikannya?",
			want:     "Ya",
		},
		{
			name:     "a sentence stating both events with an order word between them: asked the other way, no",
			files:    resumed,
			question: "apakah pengiriman senjata AS dilanjutkan sebelum pentagon menghentikannya?",
			want:     "Tidak",
		},
		{
			name:     "a sentence restricting to another predicate (only downloads) says no to the asked one (installs)",
			files:    map[string]string{"upgrades.md": "# Upgrades\n\nWhen updates are available, apticron only downloads the updates automatically and mails the administrator.\n\nThe tool runs daily.\n"},
			question: "does apticron install the updates automatically?",
			want:     "No",
		},
		{
			name:     "only before a verb of becoming says when, not what else: yes (debian-blind7 tuning)",
			files:    map[string]string{"init.md": "# Init\n\nsystemd is a recent init system, and although it was already available in Wheezy, it has only become the default in Debian Jessie.\n\nOlder releases used sysvinit.\n"},
			question: "did jessie make systemd the default init?",
			want:     "Yes",
		},
		{
			name:     "a word of halting the question asks about is its predicate, not a negation: yes (seed-blind8 tuning)",
			files:    map[string]string{"arms.md": "# Senjata\n\nZelenskyy menyatakan pengiriman senjata AS telah dilanjutkan, setelah Pentagon sempat menghentikan pengiriman tertentu karena stok menipis.\n\nPengiriman itu penting bagi Ukraina.\n"},
			question: "did the pentagon pause some weapons shipments?",
			want:     "Yes",
		},
		{
			name:     "a sentence stating the question word's antonym says no, though the one chosen first lacks the word (seed-blind8 tuning)",
			files:    map[string]string{"wonsan.md": "# Wonsan\n\nPembicaraan diadakan di Wonsan, sebuah kota pesisir tempat Korea Utara membuka resor pantai.\n\nLavrov bertemu Choe di Wonsan, kota di pesisir timur Korea Utara.\n\nSanksi Barat tetap berlaku.\n"},
			question: "is wonsan on north korea's west coast?",
			want:     "No",
		},
		{
			name:     "hanya: a restriction to another member says no (Indonesian)",
			files:    map[string]string{"kuota.md": "# Kuota\n\nHanya batas lunak yang dapat dilewati sementara oleh pengguna.\n\nKuota diatur dengan edquota.\n"},
			question: "apakah batas keras dapat dilewati sementara?",
			want:     "Tidak",
		},
		{
			name:     "a restriction the question's words all share is no other proposition: yes",
			files:    map[string]string{"root.md": "# Packages\n\nOnly the administrator can install packages on the server.\n\nThe server runs Debian.\n"},
			question: "can the administrator install packages on the server?",
			want:     "Yes",
		},
		{
			name: "another value says no only from a sentence naming everyone else the question names",
			files: map[string]string{"visit.md": "# Visit\n\nRubio was in Kuala Lumpur on Thursday. Lavrov met Wang Yi in Kuala Lumpur on the sidelines of the meeting.\n\n" +
				"Lavrov later flew to Wonsan.\n"},
			question: "Did Rubio meet Lavrov in Wonsan?",
			want:     "",
		},
		{
			name: "the next sentence referring back negates the asked word the sentence lacks: no",
			files: map[string]string{"upgrades.md": "# Upgrades\n\nWhen updates are available, apticron automatically downloads them. " +
				"It does not install them; the administrator will still do it.\n\nThe tool runs daily.\n"},
			question: "does apticron install updates automatically?",
			want:     "No",
		},
		{
			name: "the next sentence negating something else leaves the answer yes",
			files: map[string]string{"upgrades.md": "# Upgrades\n\nWhen updates are available, apticron automatically installs them. " +
				"It does not mail the administrator.\n\nThe tool runs daily.\n"},
			question: "does apticron install updates automatically?",
			want:     "Yes",
		},
		{
			name: "a negator in a clause of its own (after the Pentagon halted …) does not negate the proposition: yes",
			files: map[string]string{"arms.md": "# Arms\n\nZelensky said US weapons deliveries to Ukraine had resumed, after the Pentagon halted some shipments over low stockpiles.\n\n" +
				"The war continues.\n"},
			question: "did US weapons deliveries to Ukraine resume?",
			want:     "Yes",
		},
		{
			name: "a negator in the clause holding the proposition still negates it: no",
			files: map[string]string{"arms.md": "# Arms\n\nZelensky said US weapons deliveries to Ukraine had not resumed, because the Pentagon reviewed its stockpiles.\n\n" +
				"The war continues.\n"},
			question: "did US weapons deliveries to Ukraine resume?",
			want:     "No",
		},
		{
			name: "a negator in the clause naming whom the question names negates, though another clause holds more words",
			files: map[string]string{"plan.md": "# Plan\n\nAfter the talks the ministers signed the cultural exchange plan for the region, although KCNA did not say what it contains.\n\n" +
				"The talks lasted two days.\n"},
			question: "did KCNA say what the cultural exchange plan for the region contains?",
			want:     "No",
		},
		{
			name:     "an asked place the sentence names and then refers to by a place noun (ke negaranya) is stated",
			files:    map[string]string{"senjata.md": "# Senjata\n\nPresiden Ukraina Volodymyr Zelenskyy menyatakan pengiriman senjata AS ke negaranya telah dilanjutkan.\n\nPerang itu berlanjut.\n"},
			question: "apakah pengiriman senjata AS ke ukraina sudah dilanjutkan?",
			want:     "Ya",
		},
		{
			name:     "a privative before the asked thing answers no (seed-blind9 tuning)",
			files:    map[string]string{"dukungan.md": "# Dukungan\n\nKim menegaskan kembali dukungan tanpa syarat Korea Utara terhadap Rusia.\n\nPerang itu berlanjut.\n"},
			question: "did kim say north korea's support for russia comes with conditions?",
			want:     "No",
		},
		{
			name:     "a privative leaves the thing it qualifies standing",
			files:    map[string]string{"dukungan.md": "# Dukungan\n\nKim menegaskan kembali dukungan tanpa syarat Korea Utara terhadap Rusia.\n\nPerang itu berlanjut.\n"},
			question: "apakah kim mendukung rusia?",
			want:     "Ya",
		},
		{
			name:     "a question with the privative agrees with it",
			files:    map[string]string{"dukungan.md": "# Dukungan\n\nKim menegaskan kembali dukungan tanpa syarat Korea Utara terhadap Rusia.\n\nPerang itu berlanjut.\n"},
			question: "apakah kim mendukung rusia tanpa syarat?",
			want:     "Ya",
		},
		{
			name:     "a thing sent to a capital is received by its government (seed-blind3 tuning)",
			files:    map[string]string{"senjata.md": "# Senjata\n\nPyongyang dikabarkan langsung mempersenjatai Moskow untuk mendukung perang di Ukraina.\n\nPerang itu berlanjut.\n"},
			question: "korut dikabarin langsung nyuplai senjata ke moskow gak sih?",
			want:     "Ya",
		},
		{
			name:     "a capital after another preposition receives nothing",
			files:    map[string]string{"senjata.md": "# Senjata\n\nPyongyang dikabarkan mengirim senjata untuk perang melawan Kyiv.\n\nPerang itu berlanjut.\n"},
			question: "apakah korut mengirim senjata ke kyiv?",
			want:     "",
		},
		{
			name:     "a place noun in another relation (di negaranya) does not state the asked place",
			files:    map[string]string{"senjata.md": "# Senjata\n\nPresiden Ukraina Volodymyr Zelenskyy menyatakan pabrik senjata AS di negaranya telah dibuka.\n\nPerang itu berlanjut.\n"},
			question: "apakah pengiriman senjata AS ke ukraina sudah dilanjutkan?",
			want:     "",
		},
		{
			name:     "a former title answers no to 'still', and the lead says why (verifier rule former)",
			files:    map[string]string{"port.md": "# Port\n\nThe talks were led by Ana Lopez, the mayor's adviser and former harbour minister of Freedonia.\n\nThe port reopened.\n"},
			question: "is Ana Lopez still Freedonia's harbour minister?",
			want:     "No", state: "former title",
		},
		{
			name:     "a former title answers no in Indonesian too",
			files:    map[string]string{"pelabuhan.md": "# Pelabuhan\n\nPerundingan dipimpin Budi Santoso, penasihat wali kota dan mantan menteri pelabuhan Freedonia.\n\nPelabuhan itu dibuka kembali.\n"},
			question: "apakah Budi Santoso masih menteri pelabuhan Freedonia?",
			want:     "Tidak", state: "tidak dipegang lagi",
		},
		{
			name:     "a current title answers yes",
			files:    map[string]string{"port.md": "# Port\n\nThe talks were led by Ana Lopez, the harbour minister of Freedonia.\n\nThe port reopened.\n"},
			question: "is Ana Lopez Freedonia's harbour minister?",
			want:     "Yes",
		},
		{
			name:     "another title of the same person answers no, naming it (the role left open)",
			files:    map[string]string{"port.md": "# Port\n\nThe talks were led by Ana Lopez, the harbour minister of Freedonia.\n\nThe port reopened.\n"},
			question: "is Ana Lopez the defence minister of Freedonia?", // one concept; "finance minister" is two, and the open step leaves only the role noun open
			want:     "No", state: "harbour minister",
		},
		{
			name:     "a question typed in lower case keeps a title out of the name before it",
			files:    map[string]string{"pelabuhan.md": "# Pelabuhan\n\nPerundingan dipimpin Menteri Pelabuhan Freedonia Budi Santoso.\n\nMenteri Keuangan Freedonia Ani Wijaya tidak hadir.\n\nBudi Santoso membuka pelabuhan itu.\n"},
			question: "apakah budi santoso menteri keuangan freedonia?",
			want:     "Tidak", state: "Pelabuhan",
		},
		{
			name:     "a hedge leaves a polar question to the other steps: not no (verifier rule modality is not used)",
			files:    map[string]string{"port.md": "# Port\n\nThe ferry will likely resume in May, the harbour office said.\n\nThe port reopened.\n"},
			question: "will the ferry resume in May?",
			want:     "Yes",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ix, res := askSmallCorpus(t, lex, "yesno", tt.files, tt.question)
			lead := outsideQuotes(res.Answer)
			switch {
			case tt.want == "" && res.Answered:
				t.Errorf("answered %q, want a decline", res.Answer)
			case tt.want != "" && !strings.HasPrefix(lead, tt.want):
				t.Errorf("answer %q, want it to start %q", res.Answer, tt.want)
			case tt.state != "" && !strings.Contains(lead, tt.state):
				t.Errorf("answer %q, want it to state %q", res.Answer, tt.state)
			}
			checkVerbatim(t, ix, res)
		})
	}
}

// The asked range against the stated one: inside, apart, or unknown.
func TestCompareSpans(t *testing.T) {
	t.Parallel()
	inf := 1e18
	moreThanHalf := span{lo: 50, hi: inf, loOpen: true, percent: true}
	for _, tc := range []struct {
		name          string
		asked, stated span
		want          verdict
	}{
		{"up to 40% is not more than half", moreThanHalf, span{lo: -inf, hi: 40, percent: true}, verdictApart},
		{"exactly half is not more than half", moreThanHalf, span{lo: 50, hi: 50, percent: true}, verdictApart},
		{"at least 60% is more than half", moreThanHalf, span{lo: 60, hi: inf, percent: true}, verdictInside},
		{"up to 60% may or may not be", moreThanHalf, span{lo: -inf, hi: 60, percent: true}, verdictUnknown},
		{"a count is no share", moreThanHalf, span{lo: 60, hi: 60}, verdictUnknown},
		{"at least 5000 against about 10000", span{lo: 5000, hi: inf}, span{lo: 9000, hi: 11000}, verdictInside},
	} {
		if got := compareSpans(tc.asked, tc.stated); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// An order word splits a polar question into the asked event and the
// other one; a name given after someone is no order.
func TestSplitOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		q, asked, other string
		rel             order
	}{
		{"did kim see lavrov before lavrov's talks with choe?", "did kim see lavrov?", "lavrov's talks with choe", orderBefore},
		{"apakah kim bertemu lavrov setelah pembicaraan dengan choe?", "apakah kim bertemu lavrov?", "pembicaraan dengan choe", orderAfter},
		{"is debian named after debra and ian?", "", "", orderNone},
		{"did they sign it after all?", "", "", orderNone},
	} {
		asked, other, rel := splitOrder(tc.q)
		if asked != tc.asked || other != tc.other || rel != tc.rel {
			t.Errorf("%q: got %q, %q, %v", tc.q, asked, other, rel)
		}
	}
}

// A when-word opens a when-clause unless it asks an embedded question
// ("say when") or means now ("saat ini").
func TestSplitSetting(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ q, main, setting string }{
		{"Was the archive affected when the servers were hacked?", "Was the archive affected?", "the servers were hacked"},
		{"putin nitip salam buat kim gak pas ketemu choe?", "putin nitip salam buat kim gak?", "ketemu choe"},
		{"did the kremlin say when putin would visit?", "", ""},
		{"apakah korut saat ini masih mengirim pasukan?", "", ""},
	} {
		main, setting, _ := splitSetting(tc.q)
		if main != tc.main || setting != tc.setting {
			t.Errorf("%q: got %q, %q", tc.q, main, setting)
		}
	}
}
