package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/retrieval"
)

func TestFullerName(t *testing.T) {
	e := lexiconOnly(t)
	for _, tt := range []struct {
		text, name, want string
	}{
		{"Menteri Luar Negeri Korea Utara Choe Son Hui tiba. Laporan itu menyebut Son Hui dan Lavrov.", "Hui", "Choe Son Hui"},
		{"Presiden Vladimir Putin menyambut Choe.", "Putin", "Vladimir Putin"},       // the title stops the run
		{"Menteri Luar Negeri Rusia Sergei Lavrov tiba.", "Lavrov", "Sergei Lavrov"}, // a place stops it
		{"Kim bertemu Lavrov. Ia pulang.", "Lavrov", "Lavrov"},                       // nothing fuller
		{"Kata Hui. Son Hui datang.", "Hui", "Son Hui"},
		{"Ian Murdock\nIan Murdock, pendiri proyek, memimpin.", "Ian Murdock", "Ian Murdock"}, // a caption above: no name runs over a line
	} {
		if got := e.fullerName(retrieval.Document{Text: tt.text}, tt.name); got != tt.want {
			t.Errorf("fullerName(%q, %q) = %q, want %q", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestWeekdayIn(t *testing.T) {
	for _, tt := range []struct{ key, lang, want string }{
		{"pada hari Minggu", "en", "Sunday"},
		{"pada hari Minggu", "id", "Minggu"},
		{"on Saturday", "id", "Sabtu"},
		{"12 Juli 2025", "en", ""},
	} {
		if got := weekdayIn(tt.key, tt.lang); got != tt.want {
			t.Errorf("weekdayIn(%q, %q) = %q, want %q", tt.key, tt.lang, got, tt.want)
		}
	}
}
