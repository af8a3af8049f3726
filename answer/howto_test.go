package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// TestHowToReadingNeedsInstructions checks that a how-question over
// coverage giving no instruction (news: "gimana cara Kim menghormati …")
// is read as judged: its how asks a manner, not a method, and no
// sentence's coverage moves.
func TestHowToReadingNeedsInstructions(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix := smallIndex(t, lex, "museum", map[string]string{"museum.md": "# Museum\n\nKim meresmikan museum di Pyongyang untuk menghormati tentara yang tewas dalam konflik.\n\n" +
		"Perang itu sudah berlangsung tiga tahun.\n\nMuseum itu besar.\n"})
	e := NewExtractive(ix, 0, retrieval.RankLexical)
	lq, hits, err := e.analyze(context.Background(), "gimana cara kim menghormati tentara yang gugur dalam perang?", 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := readHow(lq); !ok {
		t.Fatal("the question is not read as a how-to question")
	}
	if hits == nil {
		if hits, err = e.search(context.Background(), lq, e.k); err != nil {
			t.Fatal(err)
		}
	}
	cands := e.candidates(hits, lq)
	before := map[*candidate]float64{}
	for _, c := range cands {
		before[c] = c.coverage
	}
	for _, c := range e.readHowTo(cands, lq) {
		if c.coverage != before[c] {
			t.Errorf("%q: coverage %.3f, judged %.3f", c.text(), c.coverage, before[c])
		}
	}
}

// TestHowToAnswers asks how-to questions of small made-up documentation,
// each row exercising one rule of the how-reading (howto*.go): quote is
// what the first citation must hold ("" for a decline).
func TestHowToAnswers(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		files    map[string]string
		question string
		quote    string
		notQuote string // when set, no citation may quote this
	}{
		{
			name: "an instruction answers the how though the asker describes the trouble in other words",
			files: map[string]string{"console.md": "# Console\n\nWhen the keyboard layout goes wrong after plugging in a second keyboard, type \"setupcon\" at a text console.\n\n" +
				"The keyboard layout is stored in a configuration file.\n\nA second keyboard can be plugged in at any time.\n",
				"print.md": "# Printing\n\nThe print queue holds letters and reports.\n\nThe keys of the archive sign the packages.\n\n" +
					"After an upgrade, another reboot may be needed.\n\nA wrong password locks the account.\n"},
			question: "My keys print strange letters after I plugged in another keyboard. How do I fix it?",
			quote:    "setupcon",
		},
		{
			name: "the way a question asks for is given by an instruction, not by a sentence naming a way",
			files: map[string]string{"cetak.md": "# Pencetak\n\nAntrean cetak menyimpan dokumen yang menunggu dicetak.\n\n" +
				"Cara membatalkan pencetakan sekaligus menghapus berkas antrean dijelaskan oleh panduan pencetak.\n\n" +
				"Perintah cancel membatalkan pencetakan dengan menghapus berkas antrean.\n"},
			question: "Bagaimana cara membatalkan pencetakan sekaligus berkas antreannya?",
			quote:    "Perintah cancel",
		},
		{
			name: "an instruction is judged and quoted with the sentence setting out its situation",
			files: map[string]string{"mail.md": "# Mail server\n\nThe administrators also install the spamfilter package to reject spam in the mail server. " +
				"This causes the default delivery queue to be disabled, and the slow queue to be used instead. " +
				"To keep the default queue one can use spamfilter-milter.\n\nThe mail server listens on port 25.\n"},
			question: "installing spamfilter switched the mail server to the slow queue. how do i keep the default queue with spamfilter?",
			quote:    "the slow queue to be used instead. To keep the default queue one can use spamfilter-milter",
		},
		{
			name: "a sentence introducing a code block is quoted with the command",
			files: map[string]string{"modules.md": "# Modules\n\nThe web server loads its modules at start.\n\nTo enable the rewrite module of the web server, execute:\n\n" +
				"```\nwebctl enmod rewrite\n```\n\nThe module then rewrites addresses.\n"},
			question: "how do i enable the rewrite module of the web server?",
			quote:    "webctl enmod rewrite",
		},
		{
			name: "a sentence announcing the command that follows is quoted with its block",
			files: map[string]string{"modules.md": "# Modules\n\nThe web server loads its modules at start.\n\nTo enable the rewrite module of the web server, run the following command.\n\n" +
				"```\nwebctl enmod rewrite\n```\n\nThe module then rewrites addresses.\n"},
			question: "how do i enable the rewrite module of the web server?",
			quote:    "webctl enmod rewrite",
		},
		{
			name: "a list of links after a colon is no code block to quote",
			files: map[string]string{"modules.html": "<html><head><title>Modules</title></head><body><h1>Modules</h1>" +
				"<p>The web server loads its modules at start.</p><p>To enable the rewrite module of the web server, read these pages:</p>" +
				"<p><a href=\"a.html\">Module Guide and Server Manual</a></p>" +
				"<p>The module then rewrites addresses. Modules are small programs that the server loads.</p></body></html>"},
			question: "how do i enable the rewrite module of the web server?",
			quote:    "read these pages",
			notQuote: "Module Guide",
		},
		{
			name: "an option written as a path and an assignment is a command",
			files: map[string]string{"install.md": "# Installation\n\nA static address for the machine during installation is sometimes preferred over the DHCP server of the local network.\n\n" +
				"If the local network has a DHCP server that you do not wish to use, you can add the netsetup/dhcp=off option when booting.\n"},
			question: "the network has a dhcp server but i want a static address during installation. what boot option do i add?",
			quote:    "netsetup/dhcp=off",
		},
		{
			name: "an option written with its dashes is a command",
			files: map[string]string{
				"remove.md": "# Removal\n\nRemoving a package leaves its configuration files as well as its logs on the system.\n\n" +
					"To remove a package together with its configuration files, add --purge.\n",
				"disk.md": "# Disks\n\nA full disk slows the system.\n\nOld settings are kept in the home directory.\n\n" +
					"Software is installed from packages.\n\nGet help on the mailing list.\n",
			},
			question: "old settings stay after removing software. how do i get rid of the configuration files?",
			quote:    "--purge",
		},
		{
			name: "a word written as code in the question is the command asked about, though a stop word",
			files: map[string]string{"tugas.md": "# Tugas\n\nUntuk menghentikan tugas yang dijadwalkan oleh cron, cukup menjalankan crontab -r dan menunggu sebentar. " +
				"Untuk tugas at, sama mudahnya: jalankan atrm nomor-tugas. " +
				"Nomor tugas ditunjukkan oleh perintah at saat Anda menjadwalkannya, tetapi Anda dapat menemukannya lagi dengan perintah atq.\n\n" +
				"Tugas terjadwal disimpan dalam antrean.\n"},
			question: "cara hentikan tugas `at` yg udah dijadwalkan gmn?",
			quote:    "atrm",
		},
		{
			name: "what someone did is no instruction to the reader",
			files: map[string]string{"mail.md": "# Mail\n\nThe administrators also run spamd-daemon to filter spam in the Postmark mail server.\n\n" +
				"To filter spam in the Postmark mail server, you can run spamd-milter.\n\nThe Postmark mail server listens on port 25.\n"},
			question: "how do i filter spam in the Postmark mail server?",
			quote:    "spamd-milter",
		},
		{
			name: "a figure after a verb of sending is no command: news keeps its plain reading",
			files: map[string]string{"museum.md": "# Museum\n\nKim meresmikan museum di Pyongyang untuk menghormati tentara yang gugur.\n\n" +
				"Korea Utara mengirim 10.000 tentara ke Rusia untuk membantu perang.\n\nMuseum itu besar.\n"},
			question: "gimana cara kim menghormati tentara yang gugur?",
			quote:    "museum",
		},
		{
			name: "a passage is cited once: an instruction quoted with the one before is not quoted again alone",
			files: map[string]string{
				"jobs.md":  "# Jobs\n\nTo stop a scheduled cron job, simply run crontab -r and wait. For a scheduled batch job, it is as easy: run qdel job-id.\n\nScheduled jobs wait in a queue.\n",
				"batch.md": "# Batch\n\nBatch processing runs many tasks in order.\n\nA batch may hold many files.\n\nThe batch system is old.\n",
				"other.md": "# Other\n\nThe batch size is set in the configuration.\n\nEvery batch is logged.\n",
			},
			question: "how do i stop a scheduled batch job?",
			quote:    "qdel",
		},
		{
			name:     "a how-to question the documentation does not answer is declined",
			files:    map[string]string{"console.md": "# Console\n\nType \"setupcon\" at a text console to apply the keyboard layout.\n\nThe console shows six virtual terminals.\n"},
			question: "how do i change the screen resolution of the boot splash?",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ix, res := askSmallCorpus(t, lex, tt.name, tt.files, tt.question)
			if tt.quote == "" && res.Answered {
				t.Errorf("answered %q, want a decline", res.Answer)
			}
			for _, c := range res.Citations {
				if tt.notQuote != "" && strings.Contains(c.Quote, tt.notQuote) {
					t.Errorf("answer %q quotes %q", res.Answer, tt.notQuote)
				}
			}
			if tt.quote != "" && (len(res.Citations) == 0 || !strings.Contains(res.Citations[0].Quote, tt.quote)) {
				t.Errorf("answer %q, want the first citation to quote %q", res.Answer, tt.quote)
			}
			for _, c := range res.Citations {
				if n := strings.Count(res.Answer, fmt.Sprintf("[%d]", c.N)); n > 1 {
					t.Errorf("answer %q quotes [%d] %d times", res.Answer, c.N, n)
				}
			}
			for i, a := range res.Citations {
				for _, b := range res.Citations[i+1:] {
					if a.Doc == b.Doc && a.ByteStart < b.ByteEnd && b.ByteStart < a.ByteEnd {
						t.Errorf("answer %q cites one passage twice: [%d] and [%d] overlap", res.Answer, a.N, b.N)
					}
				}
			}
			checkVerbatim(t, ix, res)
		})
	}
}

// TestAsksHowTo reads which questions ask how to do something.
func TestAsksHowTo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, question string
		want           bool
	}{
		{"how with the asker", "How do I remove a package with its configuration?", true},
		{"how to", "how to lock an account?", true},
		{"a command asked by what", "what boot option do i add?", true},
		{"the way asked in Indonesian", "Bagaimana cara melaporkan bug?", true},
		{"the way first, the how word last", "cara batalin job yg udah kejadwal gmn?", true},
		{"a command asked in Indonesian", "perintah apa yang menghapus paket?", true},
		{"the asker in Indonesian", "gimana aku ngedit crontab?", true},
		{"how about others is a manner", "how do analysts see the visit?", false},
		{"how about the past is a manner", "how did Kim react to the visit?", false},
		{"how of measure", "how many soldiers were sent?", false},
		{"a how of manner in Indonesian", "gimana persisnya KCNA mengutip Kim?", false},
	}
	for _, tt := range tests {
		if got := asksHowTo(lexicon.Tokenize(tt.question)); got != tt.want {
			t.Errorf("%s: asksHowTo(%q) = %v, want %v", tt.name, tt.question, got, tt.want)
		}
	}
}
