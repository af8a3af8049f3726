package retrieval

import "testing"

// TestReadHeader reads bylines, date lines and datelines written the ways
// news sites write them; each row is one convention (invented articles).
func TestReadHeader(t *testing.T) {
	for _, tc := range []struct {
		name, text                                  string
		author, published, time, place, outlet, cut string
	}{
		{
			name:   "unlabelled name | weekday, numeric date and time (Indonesian portals)",
			text:   "• News\n\nHarga Beras Naik Lagi\n\nDewi Lestari | Selasa, 02/09/2025 14:30 WIB\n\nJAKARTA - Harga beras di pasar induk naik lagi pekan ini.\n",
			author: "Dewi Lestari", published: "2025-09-02", time: "14:30 WIB", place: "JAKARTA",
			cut: "Dewi Lestari | Selasa, 02/09/2025 14:30 WIB",
		},
		{
			name:   "By X | month day, year, dateline with (Reuters)",
			text:   "Storm closes ports\nBy Jane Doe | March 3, 2024 3:40 p.m. ET\nMANILA (Reuters) - A typhoon shut the ports of Manila on Sunday.\n",
			author: "Jane Doe", published: "2024-03-03", time: "3:40 p.m. ET", place: "MANILA", outlet: "Reuters",
		},
		{
			name:   "Oleh: X, dateline City, Outlet -",
			text:   "Banjir di Semarang\nOleh: Budi Santoso\nDiterbitkan 5 Januari 2025\nSemarang, Kompas- Banjir merendam ratusan rumah di Semarang.\n",
			author: "Budi Santoso", published: "2025-01-05", place: "Semarang", outlet: "Kompas",
		},
		{
			name:   "By X, Agency: the agency is not the author",
			text:   "Talks resume\nBy John Roe and Mary Major, Associated Press\nGENEVA – Negotiators met again on Monday.\n",
			author: "John Roe and Mary Major", place: "GENEVA",
		},
		{
			name:      "agency and date only: no author",
			text:      "Markets slide\nAssociated Press | 14 July 2025\nLONDON – Shares fell on Monday.\n",
			published: "2025-07-14", place: "LONDON",
		},
		{
			name:  "dateline carrying its date",
			text:  "Rates held\nWASHINGTON, July 14 (Reuters) - The Federal Reserve held rates steady on Monday.\n",
			place: "WASHINGTON", outlet: "Reuters",
		},
		{
			name:   "numeric date with dots is not a time",
			text:   "Judul berita\nPenulis: Sari Dewi · 14.07.2025\nBANDUNG - Hujan turun sejak pagi di kota itu.\n",
			author: "Sari Dewi", published: "2025-07-14", place: "BANDUNG",
		},
		{
			name: "no header: a documentation page",
			text: "Installing packages\nUse apt install to install a package. It resolves dependencies.\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := ReadHeader(tc.text)
			if h.Author != tc.author || h.Published != tc.published || h.Time != tc.time || h.Place != tc.place || h.Outlet != tc.outlet {
				t.Fatalf("got author %q published %q time %q place %q outlet %q, want %q %q %q %q %q",
					h.Author, h.Published, h.Time, h.Place, h.Outlet, tc.author, tc.published, tc.time, tc.place, tc.outlet)
			}
			if tc.cut != "" && tc.text[h.AuthorLine.Start:h.AuthorLine.End] != tc.cut {
				t.Fatalf("byline span %q, want %q", tc.text[h.AuthorLine.Start:h.AuthorLine.End], tc.cut)
			}
			if h.Place != "" && tc.text[h.Dateline.Start:h.Dateline.Start+len(h.Place)] != h.Place {
				t.Fatalf("dateline span %q does not start with %q", tc.text[h.Dateline.Start:h.Dateline.End], h.Place)
			}
		})
	}
}
