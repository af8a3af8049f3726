package answer

import (
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestSmallCorpusAnswers asks questions of small made-up corpora, each
// row exercising one stage of the answerer: want is a phrase the answer's
// lead must state outside its quotes ("" for a decline).
func TestSmallCorpusAnswers(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	runSmallCorpusRows(t, lex, []smallCorpusRow{
		{
			name: "a name in a fronted clause of time only dates the event: the report may not name it",
			files: map[string]string{"visit.md": "# Kunjungan ke Oslo\n\nAnna Berg bertemu Lars Holm pada bulan Maret dalam sebuah kunjungan ke Bergen.\n\n" +
				"Anna Berg kini mengunjungi Oslo selama tiga hari.\n"},
			question: "before the Trondheim trip, when had Anna Berg been in Bergen meeting Lars Holm?",
			want:     "March",
		},
		{
			name: "a named month and an undated report's 'this month' are both shown, neither called wrong",
			files: map[string]string{
				"taman.md":     "# Taman pantai Lindau\n\nKota Lindau membuka taman pantai baru pada bulan Juni, dengan wali kota memotong pita.\n",
				"kunjungan.md": "# Kunjungan menteri\n\nMenteri itu berkunjung ke Lindau, kota yang baru saja membuka taman pantai baru awal bulan ini.\n",
			},
			question: "kapan taman pantai baru di Lindau dibuka?",
			want:     "Juni, menurut laporan [1]; laporan lain [2] menyebut",
			quote:    "awal bulan ini",
		},
		{
			name: "the same in English: the month, then the other report's relative date as it says it",
			files: map[string]string{
				"park.md":  "# Lindau park\n\nLindau opened its new beach park in June, with the mayor cutting the ribbon.\n",
				"visit.md": "# Minister visits\n\nThe minister visited Lindau, a town that opened its new beach park earlier this month.\n",
			},
			question: "when did Lindau's new beach park open?",
			want:     "June, according to the report [1]; another report [2] says",
			quote:    "earlier this month",
		},
		{
			name:     "a sentence that dates two events: the date beside the question's words answers",
			files:    map[string]string{"guru.md": "# Kunjungan ke Bergen\n\nKunjungan akhir pekan ini terjadi kurang dari sebulan setelah Oslo setuju untuk mengirim 300 guru tambahan ke Bergen pada pertemuan bulan Maret antara Anna Berg dan Lars Holm.\n\nAnna Berg mengajar di Oslo.\n"},
			question: "when did Anna Berg and Lars Holm meet about sending teachers?",
			want:     "March",
		},
		{
			name:     "a who-question's answer is the name nearest the question's words, not its rarest word",
			files:    map[string]string{"oslo.md": "# Anna Berg di Oslo\n\nAnna Berg pada hari Kamis telah bertemu dengan Menteri Luar Negeri Lars Holm di Oslo, setelah itu Holm mengatakan ia berbagi kekecewaan Presiden Erik Dahl dengan rekan-rekannya.\n\nAnna Berg kemudian terbang ke Bergen.\n"},
			question: "Who did Anna Berg meet in Oslo right before heading to Bergen?",
			want:     "Lars Holm",
		},
		{
			name: "what a short form stands for is the long form after the relation word",
			files: map[string]string{"tools.md": "# Tools\n\nThe lsblk command (which stands for list block devices) shows the disks.\n\n" +
				"The lsblk command has many options.\n"},
			question: "what does lsblk stand for?",
			want:     "List block devices.",
		},
		{
			name: "kepanjangan asks for what the text calls the short form's source",
			files: map[string]string{"alat.md": "# Alat\n\nPaket abcd menyediakan beberapa alat.\n\n" +
				"Nama abcd adalah kependekan dari \"alat bantu cepat daring\", kata pengembangnya.\n"},
			question: "apa kepanjangan dari abcd?",
			want:     "Alat bantu cepat daring.",
		},
		{
			name: "an open what-is question states the value the sentence gives after a copula",
			files: map[string]string{"pin.md": "# Pinning\n\nPackages of the testing archive are kept back, because their default pin priority is 90.\n\n" +
				"Pinning lets an administrator prefer one archive over another.\n"},
			question: "what is the default pin priority of the testing archive?",
			want:     "90.",
		},
		{
			name: "a date answer gives the most precise date of the same account",
			files: map[string]string{"lts.md": "# Long term support\n\nThe long term support project of the distribution started in 2014 and gives five years of security support.\n\n" +
				"The project started in June 2014, funded by several companies that needed long support.\n"},
			question: "when did the long term support project start?",
			want:     "June 2014",
		},
		{
			name: "an open question's second quote must match something the first does not",
			files: map[string]string{
				"a.md": "# Museum\n\nThe new museum in Oslo honours the sailors who died at sea.\n",
				"b.md": "# Opening\n\nThe museum in Oslo honours sailors, the city said on Friday.\n",
			},
			question:     "what does the museum in Oslo honour?",
			quote:        "honours",
			maxCitations: 1,
		},
		{
			name: "whose asks the owner the sentence writes after the thing, a ministry as well as a person",
			files: map[string]string{"foto.md": "# Upacara\n\nFoto upacara itu dirilis oleh layanan pers Kementerian Luar Negeri Norwegia pada hari Sabtu.\n\n" +
				"Anna Berg menghadiri upacara itu.\n"},
			question: "whose press service released the photo of the ceremony?",
			want:     "Kementerian Luar Negeri Norwegia",
		},
		{
			name: "a person's job is the title the article writes before the name",
			files: map[string]string{"press.md": "# Briefing\n\nThe visit was part of a regular dialogue, said ministry spokesperson Anna Berg on Tuesday.\n\n" +
				"Anna Berg also met reporters in Oslo.\n"},
			question: "what's Anna Berg's job?",
			want:     "Ministry spokesperson",
		},
		{
			name:     "who-is with no title beside the name is answered by the best sentence about the person",
			files:    map[string]string{"kyiv.md": "# Kyiv\n\nOleh Petrenko tiba di Kyiv pada hari Senin untuk pembicaraan.\n"},
			question: "who is Oleh Petrenko?",
			quote:    "tiba di Kyiv",
		},
		{
			name: "who-is asks for the title in an apposition after the name",
			files: map[string]string{"intel.md": "# Intelijen\n\nPasokan amunisi itu besar, kata Oleh Petrenko, kepala intelijen militer negara itu, kepada wartawan.\n\n" +
				"Oleh Petrenko tiba di Kyiv pada hari Senin.\n"},
			question: "siapa itu Oleh Petrenko?",
			want:     "Kepala intelijen militer",
		},
		{
			name: "a demonstrative subject stands for what the sentence before says",
			files: map[string]string{"users.md": "# Users\n\nAn administrator may need to disable the account of a user who left, keeping the user's files. " +
				"This is accomplished by using the command usermod --lock.\n\nThe tool deluser removes an account and can delete its files.\n\nThe tool adduser creates an account.\n"},
			question: "what's the command to disable an account but keep its files?",
			quote:    "usermod --lock",
		},
		{
			name:     "asked what one person said, the words another speaks do not answer",
			files:    map[string]string{"talks.md": "# Talks in Beijing\n\nPutin and Kim met in Beijing on 3 September.\n\nPutin told Kim that the relations were \"going to plan\", according to Sputnik.\n"},
			question: "what did Kim tell Putin in Beijing?",
		},
		{
			name:     "how often asks a rate, written in English for an English question",
			files:    map[string]string{"backup.md": "# Pencadangan\n\nPara administrator menyimpan cadangan penuh di server selama tiga tahun.\n\nMereka juga melakukan pencadangan inkremental ke DVD sekali per minggu.\n"},
			question: "how often do the administrators do the incremental backup to DVD?",
			want:     "Once a week",
		},
		{
			name: "a person named in full in one report and in part in another is named in full",
			files: map[string]string{
				"a.md": "# Pertemuan di Wonsan\n\nMenteri Luar Negeri Korea Utara, Son Hui, bertemu Lavrov di Wonsan pada hari Sabtu.\n",
				"b.md": "# Kunjungan Lavrov\n\nDi Wonsan, Lavrov juga bertemu Menteri Luar Negeri Korea Utara Choe Son Hui.\n",
			},
			question: "siapa menlu korut yang bertemu lavrov di wonsan?",
			want:     "Choe Son Hui",
		},
		{
			name:     "a word no dictionary renders is not held absent from articles in the other language",
			files:    map[string]string{"foto.md": "# Kunjungan\n\nMedia pemerintah merilis serangkaian foto Kim bersama Lavrov di Wonsan.\n\nKim dan Lavrov berbicara selama dua jam.\n"},
			question: "did state media release pics of Kim with Lavrov?",
			want:     "Yes",
		},
		{
			name:     "a person after a direction word is a person",
			files:    map[string]string{"tim.md": "# Tim pemasang\n\nTim pemasang Debian bekerja sejak 2001.\n\nPengerjaan pengembangannya dikoordinasikan melalui milis debian-boot di bawah arahan dari Cyril Brulebois.\n"},
			question: "Siapa yang mengarahkan pengembangan pemasang Debian?",
			want:     "Cyril Brulebois",
		},
		{
			name: "a sentence of a hard-wrapped text runs over its lines",
			files: map[string]string{"constitution.txt": strings.Join([]string{
				"Constitution of the Example Project",
				"",
				"    1. The Technical Committee consists of up to 8 Developers, and should",
				"       usually have at least 4 members.",
				"    2. When there are fewer than 8 members the Technical Committee may",
				"       recommend new member(s) to the Project Leader, who may choose",
				"       (individually) to appoint them or not.",
				"    3. The Project Leader is elected by the Developers once a year and",
				"       serves for one year from their election, after which a new",
				"       election is held by the Developers of the project.",
			}, "\n") + "\n"},
			question: "At least how many members should the Technical Committee usually have?",
			want:     "4 members",
		},
		{
			name:     "a lower-case dictionary word beside capitalised names is no name",
			files:    map[string]string{"lts.md": "# Long Term Support\n\nThe Example LTS team handles the last two years of security support.\n\nThe project started in June 2014, funded by sponsors.\n\nThe Example Project was founded in August 1993. The Example Project has a constitution. Members of the Example Project elect a leader.\n"},
			question: "When did the Example LTS project start?",
			want:     "June 2014",
		},
		{
			name:     "a spelled-out count, hyphenated, before a named noun",
			files:    map[string]string{"ubuntu.md": "# Ubuntu\n\nCanonical Ltd., the company that created Ubuntu, started by hiring thirty-odd Debian developers.\n\nUbuntu publishes a release twice a year.\n"},
			question: "How many Debian developers did Canonical hire for Ubuntu?",
			want:     "Thirty-odd Debian developers",
		},
		{
			name:     "a spelled-out count in Indonesian",
			files:    map[string]string{"konsol.md": "# Konsol\n\nSistem Debian menawarkan enam konsol virtual dalam modus teks.\n\nKonsol ketujuh dipakai oleh X.\n"},
			question: "Ada berapa konsol virtual pada sistem Debian?",
			want:     "Enam konsol",
		},
		{
			name:     "a duration keeps its qualifier",
			files:    map[string]string{"rilis.md": "# Siklus rilis\n\nSetiap rilis Debian Stable memiliki harapan umur hidup sekitar 5 tahun.\n\nRilis baru terbit setiap 2 tahun.\n"},
			question: "Berapa lama umur hidup sebuah rilis Debian Stable?",
			want:     "ekitar 5 tahun",
		},
		{
			name:     "a name written without its first word in an article naming it whole",
			files:    map[string]string{"rilis.md": "# Siklus rilis\n\nVersi baru terbit secara berkala.\n\nSetiap rilis Stable memiliki harapan umur hidup sekitar 5 tahun.\n\nRilis lama tetap dirawat.\n\nArsip memuat semua rilis.\n\nProyek Debian merawat arsip itu.\n"},
			question: "Berapa lama umur hidup sebuah rilis Debian Stable?",
			want:     "ekitar 5 tahun",
		},
		{
			name:     "a name of letters and digits the coverage lacks is declined",
			files:    map[string]string{"arsip.md": "# Arsip\n\nSaat ini, ada 68980 paket yang tersedia untuk arsitektur amd64.\n\nArsitektur lain punya lebih sedikit paket.\n"},
			question: "Berapa paket yang tersedia untuk arsitektur riscv64?",
			want:     "",
		},
		{
			name:     "the number of a name is no count",
			files:    map[string]string{"debconf.md": "# DebConf\n\nThe twenty-first DebConf was held online due to COVID-19 from August 23rd to 29th, 2020.\n\nDebConf19 was held in Curitiba.\n"},
			question: "How many people attended the online DebConf?",
			want:     "",
		},
		{
			name:     "the asked thing belongs to the country that acts in the sentence",
			files:    map[string]string{"pasukan.md": "# Pasukan\n\nSejak itu, Korea Utara telah mengirimkan sekitar 10.000 pasukan ke Rusia, menurut perkiraan dari Seoul dan Kyiv.\n\nKorea Selatan mengecam pengiriman itu.\n"},
			question: "How many South Korean soldiers were sent to Russia?",
			want:     "",
		},
		{
			name:     "the acting country's troops are counted",
			files:    map[string]string{"pasukan.md": "# Pasukan\n\nSejak itu, Korea Utara telah mengirimkan sekitar 10.000 pasukan ke Rusia, menurut perkiraan dari Seoul dan Kyiv.\n\nKorea Selatan mengecam pengiriman itu.\n"},
			question: "How many North Korean soldiers were sent to Russia?",
			want:     "10,000",
		},
		{
			name:     "a place in an according-to phrase is the source, not the scene",
			files:    map[string]string{"korban.md": "# Korban\n\nSetidaknya 600 tentara itu dilaporkan tewas, menurut perkiraan dari Seoul dan Kyiv.\n\nJumlah itu belum dikonfirmasi.\n"},
			question: "Di mana tentara itu tewas?",
			want:     "",
		},
		{
			name: "a who-question by role wants the person the sentence gives that role",
			files: map[string]string{"wonsan.md": "# Wonsan\n\nKim bertemu Lavrov di Wonsan, Korea Utara, tempat para menteri luar negeri kedua negara mengadakan dialog strategis.\n\n" +
				"Pertemuan dengan Kim berlangsung tiga hari.\n"},
			question: "Siapa menteri luar negeri Korea Utara yang bertemu Lavrov di Wonsan?",
			want:     "",
		},
		{
			name:     "a demonstrative points past a sentence to the name, and a spelled count is checked: yes",
			files:    map[string]string{"history.md": "# History\n\nExample 2.1 (Birch) featured support for two new architectures: Alpha and Sparc. The packages included with Example 2.1 were greatly reorganized. Also, this release of Example was the first to require 2 CD-ROMs for the official CD set; it included about 2250 packages.\n\nExample 2.2 followed a year later.\n"},
			question: "Did Example 2.1 Birch need two CD-ROMs for the official CD set?",
			want:     "Yes",
		},
		{
			name:     "a spelled count the sentence states otherwise: no, with the figure",
			files:    map[string]string{"history.md": "# History\n\nExample 2.1 (Birch) featured support for two new architectures: Alpha and Sparc. The packages included with Example 2.1 were greatly reorganized. Also, this release of Example was the first to require 2 CD-ROMs for the official CD set; it included about 2250 packages.\n\nExample 2.2 followed a year later.\n"},
			question: "Did Example 2.1 Birch need three CD-ROMs for the official CD set?",
			want:     "No: 2 CD-ROMs",
		},
		{
			name: "asked what was said, the quoting sentence takes its scene from the article",
			files: map[string]string{"beijing.md": "# Pertemuan para pemimpin\n\nKedua pemimpin membahas kerja sama militer.\n\nMereka juga membahas ekonomi.\n\nPutin bertemu Kim di Beijing pada 3 September setelah parade militer.\n\n" +
				"“Kami tidak akan pernah melupakan pengorbanan tentara Anda,” ujar Putin.\n"},
			question: "What did Putin say in Beijing about the sacrifices of the soldiers?",
			quote:    "melupakan pengorbanan",
		},
		{
			name:     "a why-question's quote goes on to the reason in the next sentence",
			files:    map[string]string{"shutdown.md": "# Shutdown\n\nLike any modern OS, the system requires a proper shutdown procedure before power is turned off. All changes in memory must first be written to disk to keep file integrity.\n\nUse the poweroff command.\n"},
			question: "Why does the system need a proper shutdown before power is turned off?",
			quote:    "file integrity",
		},
		{
			name:     "an ordinal ranks, a day of a range is a date: neither counts people",
			files:    map[string]string{"debconf.md": "# DebConf\n\nThe twenty-first DebConf Debconf20 was held online from August 23rd to 29th, 2020.\n\nDebconf19 was held in Curitiba.\n"},
			question: "How many people attended the online DebConf20?",
			want:     "",
		},
		{
			name:     "asked what someone said, a sentence reporting no speech does not answer",
			files:    map[string]string{"parade.md": "# Parade\n\nPutin bertemu Kim di Beijing setelah menghadiri parade militer yang dihost oleh Presiden China Xi Jinping.\n\nParade itu berlangsung dua jam.\n"},
			question: "What did Xi Jinping say to Kim at the Beijing parade?",
			want:     "",
		},
		{
			name:     "an adjective and its noun may be said otherwise",
			files:    map[string]string{"museum.md": "# Museum\n\nBeberapa hari yang lalu, Kim menggelar upacara meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara yang tewas dalam konflik tersebut.\n\nMuseum itu besar.\n"},
			question: "How long ago did Kim open the museum for fallen soldiers?",
			want:     "ew days",
		},
		{
			name: "asked what someone said, another person's words do not answer",
			files: map[string]string{"parade.md": "# Parade\n\nPutin terakhir kali bertemu langsung dengan Kim pada 3 September di Beijing, setelah menghadiri parade militer yang dihost oleh Presiden China Xi Jinping. " +
				"Saat itu, Putin memuji prajurit Korea Utara karena bertempur “dengan berani dan heroik”.\n\nParade itu berlangsung dua jam.\n"},
			question: "What did Xi Jinping say to Kim at the Beijing parade?",
			want:     "",
		},
		{
			name: "asked whether sources agree on a figure, each gives its figure; a length of time counts nothing",
			files: map[string]string{
				"a.md": "# Pasukan\n\nKorea Utara telah mengirimkan sekitar 10.000 pasukan ke Rusia selama perang.\n\nPerang itu berlangsung lebih dari tiga tahun.\n",
				"b.md": "# Perang\n\nPada April, kedua negara mengonfirmasi pengiriman pasukan ke Rusia untuk pertama kalinya.\n\nPerang di Ukraina sudah lebih dari tiga tahun.\n",
			},
			question: "sumbernya sama gak soal jumlah pasukan yang dikirim ke rusia?",
			want:     "10.000 pasukan",
		},
	})
}

// outsideQuotes drops the “quoted” passages of an answer.
func outsideQuotes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '“':
			depth++
		case r == '”' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// smallCorpusRow is one question asked of a small made-up corpus: want is
// a phrase the answer's lead must state outside its quotes ("" for a
// decline, unless quote is set).
type smallCorpusRow struct {
	name     string
	files    map[string]string
	question string
	want     string
	quote    string // when set, a citation must quote this
	// maxCitations, when set, bounds the citations: a second quote
	// that matches nothing the first does not adds no evidence.
	maxCitations int
}

// runSmallCorpusRows asks each row's question of its corpus and checks the
// answer's lead, its quotes and their verbatim offsets.
func runSmallCorpusRows(t *testing.T, lex *lexicon.Lexicon, rows []smallCorpusRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ix, res := askSmallCorpus(t, lex, tt.name, tt.files, tt.question)
			lead := outsideQuotes(res.Answer)
			switch {
			case tt.want == "" && tt.quote == "" && res.Answered:
				t.Errorf("answered %q, want a decline", res.Answer)
			case tt.want != "" && !strings.Contains(lead, tt.want):
				t.Errorf("answer %q, want it to state %q", res.Answer, tt.want)
			}
			if tt.quote != "" {
				found := false
				for _, c := range res.Citations {
					found = found || strings.Contains(c.Quote, tt.quote)
				}
				if !found {
					t.Errorf("answer %q, want a citation quoting %q", res.Answer, tt.quote)
				}
			}
			if tt.maxCitations > 0 && len(res.Citations) > tt.maxCitations {
				t.Errorf("answer %q has %d citations, want at most %d", res.Answer, len(res.Citations), tt.maxCitations)
			}
			checkVerbatim(t, ix, res)
		})
	}
}
