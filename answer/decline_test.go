package answer

import (
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// declineRow is one labelled row of the decline stage: a question, the
// sentence the answerer would choose (with the article around it), and
// whether the coverage answers the question.
type declineRow struct {
	name     string
	rule     string            // the rule of decline.go the row exercises
	files    map[string]string // a made-up corpus holding the sentence; nil: the bundled articles
	question string
	decline  bool
	want     string // when answered: the answer (its lead or its quote) states this ("": any answer)
}

// declineRows are taken from the tuning halves of the blind sets (the
// question as asked, the sentence the answerer chose) and, where a rule's
// decline has no tuning-half question, from made-up articles.
var declineRows = []declineRow{
	{
		name: "a lower-case name the sentence lacks: another release's story (debian-blind2 tuning)",
		rule: "lowercaseName",
		files: map[string]string{
			"quota.md": "# Quotas\n\nThe quota management software is found in the quota Debian package.\n\nQuotas limit the disk space of each user.\n",
			"dist.md":  "# Distributions\n\nThe current stable distribution is bullseye.\n\nTesting is the next one.\n",
		},
		question: "why did debian drop the quota package in bullseye?",
		decline:  true,
	},
	{
		name: "a lower-case name the sentence lacks: a sentence on every release's default (debian-blind2 tuning question)",
		rule: "lowercaseName",
		files: map[string]string{
			"dfsg.md": "# Guidelines\n\nThe Debian Free Software Guidelines define free software. Hal ini membuat standar perangkat lunak bebas Debian sangat ketat.\n\nThe guidelines were written in 1997.\n",
			"fs.md":   "# Filesystems\n\nThe btrfs filesystem supports snapshots.\n\nEach Debian release has a default filesystem.\n",
		},
		question: "which debian release made btrfs the default filesystem?",
		decline:  true,
	},
	{
		name: "a lower-case name the sentence has is answered (debian-blind2 tuning)",
		rule: "lowercaseName",
		files: map[string]string{
			"inetd.md": "# Inetd\n\nWhile Debian installs openbsd-inetd by default, there is no lack of alternatives: we can mention inetutils-inetd, rlinetd, and xinetd.\n\nEach implementation has its options.\n",
		},
		question: "which inetd implementation does debian install by default?",
		want:     "openbsd-inetd",
	},
	{
		name: "a clipped English word is no lower-case name: a cert is a certificate (debian-blind6 tuning)",
		rule: "lowercaseName",
		files: map[string]string{
			"tls.md": "# Certificates\n\nThe Let's Encrypt initiative offers free and trusted TLS certificates.\n\nKeep the cert files in /etc/ssl/certs.\n",
		},
		question: "how do i get a free trusted tls cert for my website?",
		want:     "Let's Encrypt",
	},
	{
		name: "an English compound written solid is no lower-case name: standalone is stand-alone (debian-blind tuning)",
		rule: "lowercaseName",
		files: map[string]string{
			"apt.md":     "# APT\n\nIf the package is a simple .deb file without any repository, APT can still install it together with its dependencies with a simple command: apt install ./path-to-the-package.deb.\n\nOther packages come from the mirrors.\n",
			"install.md": "# Installer\n\nThe standalone installer image boots from a USB stick.\n",
		},
		question: "how do i install a standalone .deb file together with its dependencies?",
		want:     "apt install ./path-to-the-package.deb",
	},
	{
		name: "a clipped English word's plural is no lower-case name: devs are developers (debian-blind8 tuning)",
		rule: "lowercaseName",
		files: map[string]string{
			"vote.md": "# Voting\n\nThe developers vote on a general resolution by ranking the options; the Condorcet method picks the winner.\n\nEach vote is secret.\n",
			"devs.md": "# Teams\n\nThe devs of the kernel team meet yearly.\n",
		},
		question: "what method do devs use to pick the winner of a general resolution?",
		want:     "Condorcet",
	},
	{
		name:     "a counted list is answered by a sentence counting one of its members (seed-blind tuning)",
		rule:     "listMemberHere",
		question: "how many construction workers and engineers is pyongyang sending to help rebuild kursk?",
		want:     "6,000",
	},
	{
		name:     "the counted thing the sentence lacks: a figure of troops does not count ships",
		rule:     "countedConcept",
		question: "how many ships did russia send to north korea?",
		decline:  true,
	},
	{
		name:     "berapa kapal: a figure of soldiers does not count ships",
		rule:     "countedConcept",
		question: "berapa kapal yang dikirim rusia ke korut?",
		decline:  true,
	},
	{
		name:     "berapa kapal perang: the counted head comes first, whatever the dictionaries say of perang",
		rule:     "countedConcept",
		question: "berapa kapal perang yang dikirim rusia?",
		decline:  true,
	},
	{
		name:     "the counted thing the sentence has, past the place qualifying it (seed-blind tuning)",
		rule:     "countedConcept",
		question: "ballpark, how many nk soldiers have been deployed to russia overall?",
		want:     "10,000",
	},
	{
		name:     "a lower-case country qualifying the asked role: another country's minister does not answer",
		rule:     "placeModifiers",
		question: "who is the south korean foreign minister?",
		decline:  true,
	},
	{
		name:     "a lower-case country owning the asked thing, which the sentence gives another country (seed-blind tuning)",
		rule:     "ownedByAnotherPlace",
		question: "what did ukraine's foreign ministry say about lavrov's north korea trip?",
		decline:  true,
	},
	{
		name:     "a seat of power the question goes to, which the sentence names only as an actor, is no place of the event (seed-blind6 tuning)",
		rule:     "placeAsActor",
		question: "when did kim go to the kremlin to see putin",
		decline:  true,
	},
	{
		name:     "the seat of power written after a preposition of place is the event's place (seed-blind tuning)",
		rule:     "placeAsActor",
		question: "when did putin receive choe at the kremlin?",
		want:     "October",
	},
	{
		name:     "how much asks an amount: a count of soldiers or a rank does not answer (seed-blind6 tuning)",
		rule:     "asksHowMuch",
		question: "how much is moscow paying pyongyang for the troops",
		decline:  true,
	},
	{
		name:     "a role given in a long appositive after the name: the whole appositive, to its punctuation (seed-blind8 tuning)",
		rule:     "holdsRole",
		question: "siapa mantan menhan rusia yg ketemu kim bulan juni?",
		want:     "Sergei Shoigu, menurut",
	},
	{
		name:     "a title naming the asked place typed in lower case is the asked title (seed-blind8 tuning, lower-cased)",
		rule:     "titledAsAsked",
		question: "who is the north korean foreign minister who held talks with lavrov?",
		want:     "Choe Son Hui, according",
	},
	{
		name:     "a sentence writing the asked thing twice, one of them the asked owner's, is about it (seed-blind8 tuning)",
		rule:     "ownedByAnother",
		question: "Who is the North Korean foreign minister who held talks with Lavrov?",
		want:     "Choe Son Hui, according",
	},
	{
		name:     "the sentence names the asked country beside another: a war in it, not another's (seed-blind2 tuning)",
		rule:     "ownedByAnotherPlace",
		question: "how long had the ukraine war been going on at the time of lavrov's july visit?",
	},
	{
		name:     "a person's visit the sentence gives another person by name (seed-blind3 tuning)",
		rule:     "possessedByAnother",
		question: "what did zakharova say about choe's kremlin visit in october?",
		decline:  true,
	},
	{
		name:     "a person's meeting the sentence does not give another (seed-blind tuning)",
		rule:     "possessedByAnother",
		question: "how long before putin's meeting with choe did kim open the museum for fallen soldiers?",
	},
	{
		name:     "the sentence says what is asked was not told (seed-blind tuning)",
		rule:     "withheld",
		question: "what's actually in the 2026-2027 exchange plan?",
		decline:  true,
	},
	{
		name:     "the same sentence answers what its untold clause is not about",
		rule:     "withheld",
		question: "what did choe and lavrov sign?",
		want:     "rencana pertukaran",
	},
	{
		name:     "the untold clause is not about the question's focus: the years before it answer (seed-blind6 tuning)",
		rule:     "withheld",
		question: "the exchange plan they inked is for which years",
		want:     "2026-2027",
	},
	{
		name:     "another does what the question's actor does: the Pentagon estimated troops, not deaths (seed-blind6 tuning)",
		rule:     "rolesSwapped",
		question: "how many nk soldiers died according to the pentagon?",
		decline:  true,
	},
	{
		name:     "words asked about a name are not words said of someone else (seed-blind6 tuning; judge's Topic)",
		rule:     "Topic",
		question: "what did zakharova say about rubio",
		decline:  true,
	},
	{
		name:     "words asked about a name the quoting sentence holds are answered (seed-blind tuning)",
		rule:     "Topic",
		question: "what did putin say about north korea's soldiers?",
	},
	{
		name:     "a how-many question naming no counted thing is judged as before",
		rule:     "countedConcept",
		question: "how many did north korea send?",
	},
	{
		name:     "a count for another event: the sentence sends the soldiers the question has die (seed-blind tuning)",
		rule:     "otherEvent",
		question: "how many north korean soldiers have died according to the pentagon?",
		decline:  true,
	},
	{
		name:     "the count of the asked event is answered",
		rule:     "otherEvent",
		question: "how many north korean soldiers have died?",
		want:     "6,000",
	},
	{
		name:     "a light verb is no event of its own (seed-blind tuning)",
		rule:     "otherEvent",
		question: "how many trips to pyongyang had shoigu made in recent months, counting his june meeting with kim?",
		want:     "third",
	},
	{
		name: "a derived form of the asked verb states the event",
		rule: "otherEvent",
		files: map[string]string{
			"debconf.md": "# DebConf14\n\nDebConf14 took place in Portland. With 301 people attending, it was the largest DebConf yet.\n\nThe next one was in Germany.\n",
		},
		question: "how many people attended debconf14?",
		want:     "301",
	},
	{
		name:     "the sentence leaves the question's sender out, and its receiver sends there (seed-blind6 tuning)",
		rule:     "rolesSwapped",
		question: "rusia ngirim brp insinyur ke korut?",
		decline:  true,
	},
	{
		name:     "the sentence leaves the receiver out, and the sender is the question's",
		rule:     "rolesSwapped",
		question: "korut ngirim brp insinyur ke rusia?",
		want:     "6.000",
	},
	{
		name:     "a place a locative governs answers where before one a place noun qualifies (seed-blind8 tuning)",
		rule:     "afterLocativePreposition",
		question: "where did putin host choe in october?",
		want:     "Kremlin",
	},
	{
		name: "a place a locative governs answers where: made-up article",
		rule: "afterLocativePreposition",
		files: map[string]string{
			"visit.md": "# Kunjungan\n\nRekaman yang dirilis oleh kantor berita negara Freedonia menunjukkan Wali Kota Budi Santoso menyambut Ana Lopez di Balaikota pada hari Senin.\n\nKeduanya membahas pelabuhan.\n",
		},
		question: "di mana Budi Santoso menyambut Ana Lopez?",
		want:     "Balaikota",
	},
	{
		name: "a version figure matched away from its name is another release (debian-blind7 tuning)",
		rule: "versionApart",
		files: map[string]string{
			"releases.md": "# Releases\n\nThe release was frozen on June 30, 2012, very close to the 12th DebConf at Managua.\n\nBookworm is the next version.\n",
		},
		question: "when was debian 12 bookworm released?",
		decline:  true,
	},
	{
		name: "a version figure beside its name answers",
		rule: "versionApart",
		files: map[string]string{
			"releases.md": "# Releases\n\nDebian 12 was released on 10 June 2023.\n\nThe 12th DebConf met in Managua.\n",
		},
		question: "when was debian 12 released?",
		want:     "10 June 2023",
	},
	{
		name: "a version figure before another of the question's names answers (debian-blind6 tuning)",
		rule: "versionApart",
		files: map[string]string{
			"history.md": "# A history of Debian\n\n1.1 Buzz released June 1996 (474 packages, 2.0 kernel, fully ELF, dpkg)\n\n1.2 Rex released December 1996 (848 packages).\n",
		},
		question: "how many packages were in debian 1.1 buzz?",
		want:     "474",
	},
	{
		name: "'founded' is no 'found' (can be found), and 'exact' asks how precise",
		rule: "lexicon",
		files: map[string]string{
			"intro.md": "# Introduction\n\nThe Freedonia Project was officially founded by Ana Lopez on August 16th, 1993.\n\nIts documentation can be found at the project wiki, exactly as the team wrote it.\n",
		},
		question: "what exact day was the freedonia project founded?",
		want:     "16 August 1993",
	},
	{
		name:     "the source after \"according to\" is no destination (seed-blind9 tuning)",
		rule:     "rolesSwapped",
		question: "how many troops did NK send to russia according to the pentagon?",
		want:     "10,000",
	},
	{
		name:     "a demonym qualifies the counted thing: Russian troops are not North Korea's (seed-blind9 tuning)",
		rule:     "countedConcept",
		question: "how many russian troops died in kursk?",
		decline:  true,
	},
	{
		name:     "a measure noun's thing is written as the count (seed-blind9 tuning)",
		rule:     "phraseAbsent",
		question: "uk defence intel puts the north korean death toll at how many?",
		want:     "6,000",
	},
	{
		name:     "the country qualifying the asked role is in the sentence (seed-blind tuning)",
		rule:     "placeModifiers",
		question: "menlu korut yg ketemu lavrov di wonsan namanya siapa?",
		want:     "Choe Son Hui",
	},
	{
		name:     "who reports a deed did not do it: the reported clause's subject answers (seed-blind6 tuning)",
		rule:     "notSpeakers",
		question: "siapa yg ngundang korut ikut konferensi keamanan eurasia?",
		want:     "Belarus",
	},
	{
		name:     "who reports a deed did not do it: no one else is named for it (seed-blind8 tuning)",
		rule:     "notSpeakers",
		question: "Who will lead North Korea's delegation to the Minsk conference?",
		decline:  true,
	},
	{
		name: "who reports a deed did not do it: the company reopens, not the mayor",
		rule: "notSpeakers",
		files: map[string]string{
			"port.md": "# Port\n\nMayor Ana Lopez said Harbourline will reopen the ferry terminal in May.\n\nThe terminal closed in 2020.\n",
		},
		question: "who will reopen the ferry terminal?",
		want:     "Harbourline",
	},
	{
		name: "a question about the words keeps the speaker",
		rule: "notSpeakers",
		files: map[string]string{
			"port.md": "# Port\n\nMayor Ana Lopez said Harbourline will reopen the ferry terminal in May.\n\nThe terminal closed in 2020.\n",
		},
		question: "who said the ferry terminal will reopen?",
		want:     "Lopez",
	},
	{
		name: "a reported deed without a named subject of its own keeps the speaker",
		rule: "notSpeakers",
		files: map[string]string{
			"port.md": "# Port\n\nWali kota Budi Santoso mengatakan akan membuka kembali terminal feri pada Mei.\n\nTerminal itu ditutup pada 2020.\n",
		},
		question: "siapa yang akan membuka kembali terminal feri?",
		want:     "Santoso",
	},
}

func TestDeclineStage(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := seedService(t)
	for _, tt := range declineRows {
		t.Run(tt.name, func(t *testing.T) {
			res := askSeedsOr(t, seeds, lex, tt.files, tt.question)
			switch {
			case tt.decline && res.Answered:
				t.Errorf("%s: answered %q, want a decline", tt.rule, res.Answer)
			case !tt.decline && !res.Answered:
				t.Errorf("%s: declined, want an answer stating %q", tt.rule, tt.want)
			case !tt.decline && !strings.Contains(res.Answer, tt.want):
				t.Errorf("%s: answer %q, want it to state %q", tt.rule, res.Answer, tt.want)
			}
		})
	}
}

func TestPlaceModifiers(t *testing.T) {
	e := lexiconOnly(t)
	for _, tt := range []struct {
		question string
		want     string // the place marked, "" for none
	}{
		{"who is the south korean foreign minister?", "south korean"},
		{"berapa tentara korea selatan yang tewas?", "korea selatan"},
		{"what did ukraine's army say?", "ukraine"},
		// a coordinated pair of places qualifies the pair, which the
		// evidence may name together ("kedua negara")
		{"how many strategic dialogues have the russian and north korean foreign ministers held?", ""},
		// a place that qualifies nothing is a name of the question, judged elsewhere
		{"when did lavrov fly to north korea?", ""},
	} {
		lq := e.lex.Analyze(tt.question)
		got := ""
		for i := range e.placeModifiers(lq) {
			got = lq.Concepts[i].Surface
		}
		if !strings.EqualFold(got, tt.want) {
			t.Errorf("%q: place modifier %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestAnyoneCounted(t *testing.T) {
	e := lexiconOnly(t)
	doc := &retrieval.Document{Lang: "en", Text: "With 301 attendees it was the largest Debconf in the Western hemisphere to date. It had 12 talks a day."}
	people := lexicon.Concept{Surface: "people"}
	tanks := lexicon.Concept{Surface: "tanks"}
	for _, tt := range []struct {
		con  lexicon.Concept
		span retrieval.Span
		want bool
	}{
		{people, retrieval.Span{Start: 0, End: 81}, true},    // attendees are people (debian-blind tuning)
		{people, retrieval.Span{Start: 82, End: 103}, false}, // talks are not
		{tanks, retrieval.Span{Start: 0, End: 81}, false},    // only people of any kind are counted by what they do
	} {
		c := e.newCandidate(doc, tt.span)
		if got := e.anyoneCounted(c, tt.con); got != tt.want {
			t.Errorf("%q over %q: %v, want %v", tt.con.Surface, c.text(), got, tt.want)
		}
	}
}

func TestPossessions(t *testing.T) {
	e := lexiconOnly(t)
	for _, tt := range []struct {
		question string
		want     string // "person→thing", "" for none
	}{
		{"what did Zakharova say about Choe's Kremlin visit in October?", "Choe→visit"},
		{"when did Choe's October trip to Moscow end?", "Choe→trip"},
		{"what did Russia's foreign ministry say?", ""}, // a place: placeModifiers and the candidates judge it
		{"apa kata Zakharova soal kunjungan Choe?", ""}, // Indonesian has no possessive mark to read
	} {
		lq := e.lex.Analyze(tt.question)
		got := ""
		for _, p := range e.possessions(lq) {
			got = lq.Concepts[p.person-1].Surface + "→" + lq.Concepts[p.thing-1].Surface
		}
		if got != tt.want {
			t.Errorf("%q: possession %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestCountedConcept(t *testing.T) {
	e := lexiconOnly(t)
	for _, tt := range []struct {
		question string
		want     string // the counted concept, "" for none
	}{
		{"how many ships did russia send to north korea?", "ships"},
		{"berapa kapal perang yang dikirim rusia?", "kapal"},
		// seed-blind tuning questions: a figure word and a chat particle are not counted
		{"berapa ribu pekerja militer tambahan yg disepakati korut waktu shoigu dateng bulan juni?", "pekerja"},
		{"berapa persen sih amunisi rusia yg dipasok korut menurut kepala intelijen militer ukraina?", "amunisi"},
		// debian-blind4 tuning: a loanword the dictionaries lack is counted
		{"di debian default ada brp konsol virtual mode teks?", "konsol"},
		{"how many extra military workers did north korea agree to send to kursk when shoigu came in june?", "workers"},
		{"how many did north korea send?", ""},
		{"when did lavrov arrive in wonsan?", ""},
	} {
		lq := e.lex.Analyze(tt.question)
		got := ""
		if i := e.countedConcept(lq); i >= 0 {
			got = lq.Concepts[i].Surface
		}
		if !strings.EqualFold(got, tt.want) {
			t.Errorf("%q: counted %q, want %q", tt.question, got, tt.want)
		}
	}
}

// lexiconOnly is an answerer with a lexicon and no corpus, for the rules
// that read only the question.
func lexiconOnly(t *testing.T) *Extractive {
	t.Helper()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	return &Extractive{lex: lex}
}
