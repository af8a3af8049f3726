package retrieval

import (
	"strings"
	"testing"
)

func TestFrontMatterRejectsImpossibleDates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		published string
		want      string // the date kept; "" with bad set
		bad       bool
	}{
		{"2025-07-14", "2025-07-14", false},
		{"2025-07-14T08:00:00Z", "2025-07-14", false},
		{"14/07/2025", "2025-07-14", false},
		{"2025-13-45", "", true},
		{"2025-02-30", "", true},
		{"31/02/2025", "", true},
		{"Senin, 14 Juli 2025", "2025-07-14", false},
	} {
		raw := "---\ntitle: Uji\npublished: " + tc.published + "\n---\nKorut mengirim 6.000 insinyur ke Rusia.\n"
		doc, err := ParseDocument("a/uji.md", []byte(raw))
		if tc.bad {
			if err == nil || !strings.Contains(err.Error(), "a/uji.md") || !strings.Contains(err.Error(), tc.published) {
				t.Errorf("published %q: err = %v; want a rejection naming the file and the value", tc.published, err)
			}
			continue
		}
		if err != nil || doc.Published != tc.want {
			t.Errorf("published %q: got %q, %v; want %q", tc.published, doc.Published, err, tc.want)
		}
	}
}
