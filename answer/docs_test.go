package answer

import (
	"reflect"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// TestDocsAnswers asks documentation-style questions of small made-up
// pages, each row exercising one rule of the docs_*.go files: want is a
// phrase the answer's lead must state outside its quotes ("" for a
// decline).
func TestDocsAnswers(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	runSmallCorpusRows(t, lex, []smallCorpusRow{
		{
			name: "a path in the question must be written by the sentence: host names are not /etc/hosts (docs_path.go)",
			files: map[string]string{
				"hostname.md": "# Host names\n\nYou check the real host name with the hostname command.\n",
				"resolver.md": "# Name resolution\n\nThe host command queries a DNS server directly. As a consequence, it does not read /etc/hosts.\n",
			},
			question: "does the host command check /etc/hosts?",
			want:     "No",
		},
		{
			name: "a lower-case name in an Indonesian question is read as written too: raspbian is not raspbi (debian-blind6 tuning)",
			files: map[string]string{
				"derivatives.md": "# Derivative distributions\n\nRaspbian is a rebuild of Debian optimized for the Raspberry Pi family of single-board computers.\n\nDebian juga menyediakan citra sendiri untuk beberapa perangkat.\n",
			},
			question: "raspbian itu apa ya?",
			quote:    "Raspbian is a rebuild of Debian",
		},
		{
			name: "a name before the asked noun says which port, not who ported (docs_person.go)",
			files: map[string]string{
				"releases.md": "# Releases\n\nThe first FreeBSD port to the m68k architecture was not included in this release.\n",
				"history.md":  "# History\n\nIn August 1995, Hartmut Koptein started the first port for the Motorola m68k architecture.\n",
			},
			question: "who did the first port to the m68k architecture?",
			want:     "Koptein",
		},
		{
			name:     "the same size answers no to getting bigger (docs_same.go)",
			files:    map[string]string{"encoding.md": "# Encodings\n\nWhen plain text in ASCII is converted to UTF-8, the file has exactly the same content and size as the original.\n"},
			question: "if i convert ascii text to utf-8 does the file get bigger?",
			want:     "No",
		},
		{
			name:     "ukuran yang sama menjawab tidak untuk bertambah besar (docs_same.go)",
			files:    map[string]string{"kode.md": "# Pengodean\n\nSaat teks ASCII diubah ke UTF-8, berkas memiliki isi dan ukuran yang sama dengan aslinya.\n"},
			question: "apakah ukuran berkas bertambah saat teks ASCII diubah ke UTF-8?",
			want:     "Tidak",
		},
		{
			name: "a list item's subject is in its list's lead: the polling period of the leader's election (docs_list.go)",
			files: map[string]string{
				"constitution.txt": "Constitution of the Example Project\n\n5.2. Appointment\n\n" +
					"1. The Project Leader is elected by the Developers.\n\n" +
					"2. The election begins six weeks before the post becomes vacant.\n\n" +
					"3. The next two weeks are the polling period during which Developers may cast their votes.\n",
				"mail.txt": "Mailing lists\n\nA vote on a mailing list may have a polling period of one year.\n",
			},
			question: "How long is the polling period in an Example Project Leader election?",
			want:     "Two weeks",
		},
		{
			name: "the maximum number is the figure after up to, whatever it counts (docs_bound.go)",
			files: map[string]string{"committee.txt": "Constitution of the Example Project\n\n" +
				"The Technical Committee consists of up to 8 Developers, and should usually have at least 4 members.\n"},
			question: "What is the maximum number of members of the Technical Committee?",
			want:     "8",
		},
		{
			name: "the minimum number is the figure after at least (docs_bound.go)",
			files: map[string]string{"committee.txt": "Constitution of the Example Project\n\n" +
				"The Technical Committee consists of up to 8 Developers, and should usually have at least 4 members.\n"},
			question: "What is the minimum number of members of the Technical Committee?",
			want:     "4",
		},
	})
}

func TestSameWhereChangeAsked(t *testing.T) {
	t.Parallel()
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"does the file get bigger?", "It has exactly the same size as the original.", true},
		{"does the file get bigger?", "It is not the same size as the original.", false},
		{"is the file the same size?", "It has the same size as the original.", false},
		{"does the file get compressed?", "It has the same size as the original.", false},
		{"apakah ukurannya berubah?", "Ukurannya tetap sama.", true},
	}
	for _, tt := range tests {
		ev := Evidence{Span: retrieval.Span{End: len(tt.sentence)}}
		ev.Doc.Text = tt.sentence
		if got := sameWhereChangeAsked(lexicon.Query{Text: tt.question}, ev); got != tt.want {
			t.Errorf("sameWhereChangeAsked(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

func TestListItem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want bool
	}{
		{"5. The next two weeks are the polling period", true},
		{"3) Run the installer", true},
		{"- install the package", true},
		{"5.2. Appointment", false},
		{"2010 was a good year.", false},
		{"The Project Leader is elected.", false},
	}
	for _, tt := range tests {
		if got := listItem(tt.text); got != tt.want {
			t.Errorf("listItem(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBoundBefore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want bound
	}{
		{"consists of up to 8 Developers", upperBound},
		{"should have at least 4 members", lowerBound},
		{"dari 5 hingga 9 Juli", noBound},
		{"hingga 8 anggota", upperBound},
		{"setidaknya 600 tentara", lowerBound},
		{"has 8 members", noBound},
	}
	for _, tt := range tests {
		toks := lexicon.Tokenize(tt.text)
		fig := -1
		for i, tk := range toks {
			if tk.Num && fig < 0 && !(i+1 < len(toks) && toks[i+1].Norm == "hingga") {
				fig = i
			}
		}
		if got := boundBefore(toks, fig); got != tt.want {
			t.Errorf("boundBefore(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestQuestionPaths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		question string
		want     []string
	}{
		{"does the host command check /etc/hosts?", []string{"/etc/hosts"}},
		{"apache ngambil halaman dari folder /var/www/html/ ya?", []string{"/var/www/html"}},
		{"is 1/2 of the disk used?", nil},
		{"what does and/or mean", nil},
	}
	for _, tt := range tests {
		if got := questionPaths(tt.question); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("questionPaths(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestWritesPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, path string
		want       bool
	}{
		{"and thus, not /etc/hosts either.", "/etc/hosts", true},
		{"edit \"/etc/hosts\"", "/etc/hosts", true},
		{"\"/etc/hosts.deny\" and \"/etc/hosts.allow\" for TCP wrapper", "/etc/hosts", false},
		{"the /etc/hostsfoo file", "/etc/hosts", false},
		{"pages in /var/www/html/ are served", "/var/www/html", true},
	}
	for _, tt := range tests {
		if got := writesPath(tt.text, tt.path); got != tt.want {
			t.Errorf("writesPath(%q, %q) = %v, want %v", tt.text, tt.path, got, tt.want)
		}
	}
}
