package timeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

// Labelled from the seed articles (and the Debian history pages for the
// English forms): the expression, and what it reads as.
func TestFindMentions(t *testing.T) {
	tests := []struct {
		text, expr string
		kind       Kind
		y, m, d    int
		weekday    int
	}{
		{"di Wonsan, Korea Utara, Sabtu, 12 Juli 2025.", "Sabtu, 12 Juli 2025", KindFull, 2025, 7, 12, 6},
		{"selama pertemuan di Wonsan, Korea Utara 12 Juli 2025.", "12 Juli 2025", KindFull, 2025, 7, 12, -1},
		{"Diterbitkan Pada 27 Okt 2025", "27 Okt 2025", KindFull, 2025, 10, 27, -1},
		{"Yati Maulana | Senin, 14/07/2025 09:05 WIB", "Senin, 14/07/2025", KindFull, 2025, 7, 14, 1},
		{"bertemu langsung dengan Kim pada 3 September di Beijing", "3 September", KindDayMonth, 0, 9, 3, -1},
		{"perang di Ukraina, yang dimulai pada Februari 2022, dengan", "Februari 2022", KindYearMonth, 2022, 2, 0, -1},
		{"membuka kawasan wisata pesisir Wonsan-Kalma pada bulan Juni,", "Juni", KindMonth, 0, 6, 0, -1},
		{"menandatangani perjanjian militer luas November lalu, termasuk", "November lalu", KindMonthLast, 0, 11, 0, -1},
		{"media negara Korea Utara melaporkan pada hari Minggu.", "Minggu", KindWeekday, 0, 0, 0, 0},
		{"dalam pidato malam Jumat menyatakan", "Jumat", KindWeekday, 0, 0, 0, 5},
		{"Rusia dan Korea Utara tahun lalu menandatangani pakta", "tahun lalu", KindRelYear, 0, 0, 0, -1},
		{"yang baru saja membuka resor besar awal bulan ini.", "bulan ini", KindRelMonth, 0, 0, 0, -1},
		{"Debian 1.1 Buzz (June 17th, 1996): This was the first", "June 17th, 1996", KindFull, 1996, 6, 17, -1},
		{"Debian 2.2 Potato (15 August 2000): Named for", "15 August 2000", KindFull, 2000, 8, 15, -1},
		{"Debian 0.01 through 0.90 (August-December 1993)", "August-December 1993", KindYearMonth, 1993, 8, 0, -1},
		{"Debian 0.91 (January 1994): This release", "January 1994", KindYearMonth, 1994, 1, 0, -1},
		{"moved from HP to i-Connect.Net around the end of 1995.", "1995", KindYear, 1995, 0, 0, -1},
		{"the project was founded last year by", "last year", KindRelYear, 0, 0, 0, -1},
		{"KPK menangkapnya pada Sabtu (23/11/2024) malam.", "Sabtu (23/11/2024)", KindFull, 2024, 11, 23, 6},
		{"meresmikan bendungan pada Senin (14/7).", "Senin (14/7)", KindDayMonth, 0, 7, 14, 1},
		{"Banjir merendam ribuan rumah sejak Rabu lalu.", "Rabu lalu", KindWeekday, 0, 0, 0, 3},
		{"Polisi menangkap tersangka kemarin di Bekasi.", "kemarin", KindRelDay, 0, 0, 0, -1},
		{"Gunung itu meletus tiga hari yang lalu.", "tiga hari yang lalu", KindRelDay, 0, 0, 0, -1},
		{"the minister resigned two days ago", "two days ago", KindRelDay, 0, 0, 0, -1},
	}
	for _, tt := range tests {
		ms := FindMentions(tt.text)
		if len(ms) != 1 {
			t.Errorf("%q: %d mentions %+v, want 1", tt.text, len(ms), ms)
			continue
		}
		m := ms[0]
		if got := tt.text[m.Start:m.End]; got != tt.expr || m.Kind != tt.kind || m.Year != tt.y || m.Month != tt.m || m.Day != tt.d || m.Weekday != tt.weekday {
			t.Errorf("%q: %q %+v, want %q kind %d %d-%d-%d weekday %d", tt.text, got, m, tt.expr, tt.kind, tt.y, tt.m, tt.d, tt.weekday)
		}
	}
}

// Expressions that are not dates.
func TestFindMentionsNone(t *testing.T) {
	for _, text := range []string{
		"AS akan mengirim pasokan militer ke Kyiv awal minggu depan, kata Zelenskyy.",
		"menandatangani “rencana pertukaran 2026-2027,” meskipun",
		"perang yang kini telah memasuki tahun keempat.",
		"selama dua tahun terakhir perang",
		"menandatangani pakta pertahanan 2024 yang berkomitmen",
		"Debian 2.1 Slink consisted of about 2250 packages",
		"harga naik 1/2 kali lipat",
		"his contributions go back to the late 1980s",
	} {
		if ms := FindMentions(text); len(ms) != 0 {
			t.Errorf("%q: %+v, want none", text, ms)
		}
	}
}

// Stretches of days, and the last day of one: the span in days after
// the first, and whether the expression ends a stretch.
func TestFindMentionSpans(t *testing.T) {
	tests := []struct {
		text, expr string
		kind       Kind
		d, span    int
		until      bool
	}{
		{"kunjungan pada 11–13 Juli 2025 di Pyongyang", "11–13 Juli 2025", KindFull, 11, 2, false},
		{"the summit on July 11-13, 2025 in Vilnius", "July 11-13, 2025", KindFull, 11, 2, false},
		{"talks from 30 June-2 July", "30 June-2 July", KindDayMonth, 30, 2, false},
		{"from 8 to 14 July 2012, with DebCamp", "8 to 14 July 2012", KindFull, 8, 6, false},
		{"from May 26th to June 2nd 2004 in Porto Alegre", "May 26th to June 2nd 2004", KindFull, 26, 7, false},
		{"between August and December of 1993", "August", KindYearMonth, 0, 0, false}, // the start takes the year of the end
		{"berada di sana dari Jumat hingga Minggu.", "Jumat hingga Minggu", KindWeekday, 0, 2, false},
		{"the delegation stays from Friday to Sunday.", "Friday to Sunday", KindWeekday, 0, 2, false},
		{"menyebut Lavrov akan tinggal hingga Minggu.", "Minggu", KindWeekday, 0, 0, true},
		{"the freeze lasts until 12 March 2005.", "12 March 2005", KindFull, 12, 0, true},
	}
	for _, tt := range tests {
		ms := FindMentions(tt.text)
		if len(ms) == 0 {
			t.Errorf("%q: no mention", tt.text)
			continue
		}
		m := ms[0]
		if got := tt.text[m.Start:m.End]; got != tt.expr || m.Kind != tt.kind || m.Day != tt.d || m.Span != tt.span || m.Until != tt.until {
			t.Errorf("%q: %q %+v, want %q kind %d day %d span %d until %v", tt.text, got, m, tt.expr, tt.kind, tt.d, tt.span, tt.until)
		}
	}
}

// The length of a visit, and numbers of days that are not one.
func TestVisitDays(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Sergei Lavrov sedang dalam kunjungan tiga hari ke Korea Utara", 3},
		{"saat ia memulai kunjungan selama dua hari ke Pyongyang", 2},
		{"the minister began a three-day visit to Hanoi", 3},
		{"a visit of 4 days to Jakarta", 4},
		{"tiga hari lalu, Kim bertemu Lavrov dalam kunjungan", 0},
		{"the visit came three days ago", 0},
		{"perang yang telah berlangsung tiga hari", 0},
	}
	for _, tt := range tests {
		if got := visitDays(lexicon.Tokenize(tt.text)); got != tt.want {
			t.Errorf("%q: %d days, want %d", tt.text, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	mon14 := &Ref{Date: time.Date(2025, 7, 14, 0, 0, 0, 0, time.UTC), Published: true}
	mon27oct := &Ref{Date: time.Date(2025, 10, 27, 0, 0, 0, 0, time.UTC), Published: true}
	sat12 := &Ref{Date: time.Date(2025, 7, 12, 0, 0, 0, 0, time.UTC)} // an anchor
	wd := func(d int) Mention { return Mention{Kind: KindWeekday, Weekday: d} }
	tests := []struct {
		name   string
		m      Mention
		ref    *Ref
		future bool
		want   string
	}{
		{"Sabtu in a Monday 14 July article", wd(6), mon14, false, "2025-07-12"},
		{"Senin lalu in a Monday article is the Monday before", Mention{Kind: KindWeekday, Weekday: 1, Offset: -1}, mon14, false, "2025-07-07"},
		{"kemarin in a Monday article", Mention{Kind: KindRelDay, Offset: -1}, mon14, false, "2025-07-13"},
		{"tiga hari lalu in a Monday article", Mention{Kind: KindRelDay, Offset: -3}, mon14, false, "2025-07-11"},
		{"Minggu in a Monday 14 July article", wd(0), mon14, false, "2025-07-13"},
		{"Senin in a Monday article is that day", wd(1), mon27oct, false, "2025-10-27"},
		{"Kamis near a Saturday anchor", wd(4), sat12, false, "2025-07-10"},
		{"Rabu near a Saturday anchor", wd(3), sat12, false, "2025-07-09"},
		{"Minggu near a Saturday anchor", wd(0), sat12, false, "2025-07-13"},
		{"tahun lalu", Mention{Kind: KindRelYear, Offset: -1}, mon14, false, "2024"},
		{"tahun ini", Mention{Kind: KindRelYear}, sat12, false, "2025"},
		{"bulan Juni before a July anchor", Mention{Kind: KindMonth, Month: 6}, sat12, false, "2025-06"},
		{"bulan November, past, before July", Mention{Kind: KindMonth, Month: 11}, sat12, false, "2024-11"},
		{"akan ... pada bulan Oktober", Mention{Kind: KindMonth, Month: 10}, sat12, true, "2025-10"},
		{"November lalu", Mention{Kind: KindMonthLast, Month: 11}, sat12, false, "2024-11"},
		{"3 September in an October article", Mention{Kind: KindDayMonth, Month: 9, Day: 3}, mon27oct, false, "2025-09-03"},
		{"awal bulan ini", Mention{Kind: KindRelMonth}, sat12, false, "2025-07"},
		{"absolute without a reference", Mention{Kind: KindFull, Year: 2025, Month: 7, Day: 12}, nil, false, "2025-07-12"},
	}
	for _, tt := range tests {
		got, ok := Resolve(tt.m, tt.ref, tt.future)
		if !ok || got.String() != tt.want {
			t.Errorf("%s: %v %v, want %s", tt.name, got, ok, tt.want)
		}
	}
	// "kemarin" counts from a publication date, not from an anchor.
	if d, ok := Resolve(Mention{Kind: KindRelDay, Offset: -1}, sat12, false); ok {
		t.Errorf("kemarin resolved against an anchor to %v", d)
	}
	// Without a reference date only absolute dates resolve.
	for _, m := range []Mention{wd(6), {Kind: KindRelYear, Offset: -1}, {Kind: KindMonth, Month: 6}, {Kind: KindDayMonth, Month: 9, Day: 3}} {
		if d, ok := Resolve(m, nil, false); ok {
			t.Errorf("%+v resolved to %v without a reference", m, d)
		}
	}
}

func TestFormat(t *testing.T) {
	d := Date{Year: 2025, Month: 7, Day: 12, Prec: Day}
	if d.Format("en") != "12 July 2025" || d.Format("id") != "12 Juli 2025" {
		t.Errorf("%q %q", d.Format("en"), d.Format("id"))
	}
	if FormatNumber(10000, "en") != "10,000" || FormatNumber(10000, "id") != "10.000" || FormatNumber(600, "en") != "600" {
		t.Errorf("%s %s", FormatNumber(10000, "en"), FormatNumber(10000, "id"))
	}
}

func seedTimeline(t *testing.T) Timeline {
	t.Helper()
	docs, err := retrieval.LoadCorpus(context.Background(), seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	in := make([]Input, len(docs))
	for i, d := range docs {
		in[i] = Input{Doc: d, Paragraphs: retrieval.Segment(d)}
	}
	return Build(in, lex)
}

// The seed articles, labelled by hand: the events the timeline must give
// with their dates and the articles reporting them.
func TestSeedTimeline(t *testing.T) {
	tl := seedTimeline(t)
	anchors := map[string]string{}
	for _, a := range tl.Anchors {
		anchors[a.Doc] = a.Date.String()
	}
	// The three undated articles report Lavrov's Saturday meeting dated 12 July 2025.
	for _, doc := range []string{"000_ad46e1073d5a772e", "002_546dc01b2ce7994a", "004_c4a837ce9a3cc84f"} {
		if anchors[doc] != "2025-07-12" {
			t.Errorf("%s anchored to %q, want 2025-07-12", doc, anchors[doc])
		}
	}
	find := func(date, doc, phrase string) bool {
		for _, g := range tl.Groups {
			inRange := g.End.Prec == Day && g.Date.String() <= date && date <= g.End.String()
			if !strings.HasPrefix(g.Date.String(), date) && !inRange { // a coarse report may join a finer line, a day a range
				continue
			}
			for _, e := range g.Events {
				if e.Doc == doc && strings.Contains(e.Text, phrase) {
					return true
				}
			}
		}
		return false
	}
	labelled := []struct{ date, doc, phrase string }{
		{"2025-07-12", "001_a0a4439ec23291f3", "Pada hari Sabtu, media Rusia"}, // Sabtu against Monday 14 July
		{"2025-07-13", "001_a0a4439ec23291f3", "melaporkan pada hari Minggu"},
		{"2024", "001_a0a4439ec23291f3", "ditandatangani tahun lalu"},          // tahun lalu → 2024
		{"2025-07-12", "004_c4a837ce9a3cc84f", "Pada hari Sabtu, Kim bertemu"}, // weekday in an anchored article
		{"2025-06", "004_c4a837ce9a3cc84f", "pertemuan bulan Juni antara Kim dan Sergei Shoigu"},
		{"2024-11", "004_c4a837ce9a3cc84f", "pada bulan November dalam sebuah kunjungan ke Moskow"},
		{"2025-10", "004_c4a837ce9a3cc84f", "Minsk pada bulan Oktober"}, // future
		{"2024-11", "002_546dc01b2ce7994a", "November lalu"},
		{"2025-07-11", "002_546dc01b2ce7994a", "pidato malam Jumat"},
		{"2025-07-10", "000_ad46e1073d5a772e", "pada hari Kamis telah bertemu"},
		{"2025-09-03", "003_841ac0512e466fbb", "pada 3 September di Beijing"},
		{"2025-10-27", "003_841ac0512e466fbb", "di Kremlin pada hari Senin"},
		{"2025-04", "003_841ac0512e466fbb", "pada bulan April"},
		{"2022-02", "001_a0a4439ec23291f3", "Februari 2022"},
	}
	for _, l := range labelled {
		if !find(l.date, l.doc, l.phrase) {
			t.Errorf("no event %s in %s (%q)", l.date, l.doc, l.phrase)
		}
	}
	// One line per day-dated meeting: the 12 July meeting from all four
	// articles that report it, over the three days of the visit two of
	// them give ("kunjungan tiga hari"), ending on the Sunday another
	// says Lavrov stays until.
	found := false
	for _, g := range tl.Groups {
		if g.Date.String() <= "2025-07-12" && "2025-07-12" <= g.End.String() {
			found = true
			if len(g.Docs) != 4 || g.Date.String() != "2025-07-11" || g.End.String() != "2025-07-13" || g.Stretched == "" || g.Visit.Tell("en") != "Sergei Lavrov’s 3-day visit: " {
				t.Errorf("12 July 2025: %s–%s reported by %v (%q), want 11–13 July from 4 articles", g.Date, g.End, g.Docs, g.Stretched)
			}
		}
	}
	if !found {
		t.Error("no line for 12 July 2025")
	}
	seen := map[string]int{}
	for _, g := range tl.Groups {
		if g.Date.Prec == Day && g.Stretched == "" { // a visit's first day may be another event's day
			seen[g.Date.String()]++
		}
	}
	for d, n := range seen {
		if n > 1 {
			t.Errorf("%s appears on %d lines", d, n)
		}
	}
}

func TestSeedFigures(t *testing.T) {
	tl := seedTimeline(t)
	byKey := map[string]Figure{}
	for _, f := range tl.Figures {
		byKey[f.Key] = f
	}
	killed := byKey["troops_killed"]
	if len(killed.Variants) != 2 {
		t.Fatalf("troops killed: %+v, want the two differing figures", killed)
	}
	vals := map[float64]string{}
	for _, v := range killed.Variants {
		vals[v.Value] = v.Reports[0].Doc
	}
	if vals[6000] != "002_546dc01b2ce7994a" || vals[600] != "003_841ac0512e466fbb" {
		t.Errorf("troops killed: %v", vals)
	}
	if w := byKey["workers"]; len(w.Variants) != 1 || w.Variants[0].Value != 6000 || w.Docs != 3 {
		t.Errorf("workers: %+v, want 6,000 from three articles", w)
	}
	if tr := byKey["troops"]; len(tr.Variants) == 0 || tr.Variants[0].Value != 10000 || tr.Docs < 3 {
		t.Errorf("troops: %+v, want 10,000 from three or more articles", tr)
	}
	if a := byKey["ammunition_share"]; len(a.Variants) != 1 || a.Variants[0].Value != 40 || !a.Variants[0].Percent {
		t.Errorf("ammunition share: %+v", a)
	}
}

// English readers get English lines for Indonesian reports: composed
// from the report's names, event word and object, never the Indonesian
// clause. Labelled by hand from the seed articles.
func TestSeedEnglishLines(t *testing.T) {
	tl := seedTimeline(t)
	want := map[string]string{
		"2022-02":    "The war in Ukraine began",
		"2024-11":    "Russia and North Korea signed the pact",
		"2025-04":    "The two states confirmed the deployment of North Korea’s troops to Russia",
		"2025-07-10": "Sergei Lavrov met Marco Rubio in Malaysia",
		"2025-07-11": "Kim Jong Un greeted Sergei Lavrov in Wonsan",
		"2025-09-03": "Vladimir Putin met Kim Jong Un in Beijing",
		"2025-10":    "Conference in Minsk",
	}
	got := map[string]bool{}
	for _, g := range tl.Groups {
		en := g.Lines["en"]
		if en.Quoted || strings.ContainsAny(en.Text, "“”") {
			t.Errorf("%s: English line %q is a quote", g.Date, en.Text)
		}
		for _, w := range strings.Fields(strings.ToLower(en.Text)) {
			if w == "yang" || w == "dan" || w == "di" || w == "ke" || w == "pada" {
				t.Errorf("%s: English line %q has Indonesian %q", g.Date, en.Text, w)
			}
		}
		if w, ok := want[g.Date.String()]; ok && en.Text == w {
			got[g.Date.String()] = true
		}
	}
	for d, w := range want {
		if !got[d] {
			t.Errorf("no line %q on %s", w, d)
		}
	}
}

// Alternative months ("pada Juli atau Agustus") give their year only.
func TestAlternativeMonths(t *testing.T) {
	ref := &Ref{Date: time.Date(2025, 7, 12, 0, 0, 0, 0, time.UTC)}
	ms := FindMentions("Korut mungkin bersiap mengirim tambahan pasukan pada Juli atau Agustus.")
	if len(ms) != 1 || ms[0].Or != 8 {
		t.Fatalf("%+v, want one mention of July or August", ms)
	}
	if d, ok := Resolve(ms[0], ref, true); !ok || d.String() != "2025" {
		t.Errorf("resolved to %v %v, want 2025", d, ok)
	}
}

func TestNameEN(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	c := composer{lex: lex, gl: lex}
	for in, want := range map[string]string{
		"Korea Utara": "North Korea", "Korut": "North Korea", "Rusia": "Russia", "Moskwa": "Moscow",
		"Sergei Lavrov": "Sergei Lavrov", "Wonsan": "Wonsan", "Belarus": "Belarus", "Kim Jong Un": "Kim Jong Un",
	} {
		if got := c.nameEN(in); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// One-sentence articles, published on a Monday: the English line each
// gets, composed from its evidence.
func TestEnglishLine(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"SUDZHA - Sebanyak 12.500 tentara Korea Utara tiba di kota Sudzha, wilayah Kursk, pada Minggu pagi, kata seorang pejabat militer Rusia.", "12,500 soldiers from North Korea arrived in Sudzha"},
		{"Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu untuk membantu perang.", "North Korea sent at least 10,000 soldiers to Russia"},
		{"Pada April, kedua negara secara resmi mengonfirmasi pengiriman pasukan Korut ke Rusia.", "The two states confirmed the deployment of North Korea’s troops to Russia"},
		{"Hubungan kedua negara memburuk sejak perang di Ukraina, yang dimulai pada Februari 2022.", "The war in Ukraine began"},
		{"Kim menjanjikan kerja sama di bawah perjanjian kemitraan yang ditandatangani tahun lalu.", "The partnership treaty was signed"},
		{"Gempa bermagnitudo 5,6 mengguncang Cianjur pada 21 November 2022, menewaskan lebih dari 300 orang.", "The earthquake shook Cianjur"},
		{"Menteri Keuangan Sri Mulyani mengumumkan kenaikan pajak pada Selasa (15/7/2025) di Jakarta.", "Sri Mulyani announced the tax rise"},
		{"KPK menangkap Gubernur Bengkulu Rohidin Mersyah pada Sabtu (23/11/2024) malam.", "KPK arrested Rohidin Mersyah"},
		{"Prabowo Subianto dilantik sebagai presiden pada 20 Oktober 2024.", "Prabowo Subianto was inaugurated as president"},
	}
	for _, tt := range tests {
		d := retrieval.Document{ID: "a", Text: tt.text, Published: "2025-07-21"}
		tl := Build([]Input{{Doc: d, Paragraphs: retrieval.Segment(d)}}, lex)
		if len(tl.Groups) != 1 {
			t.Errorf("%q: %d events, want 1", tt.text, len(tl.Groups))
			continue
		}
		if got := tl.Groups[0].Lines["en"].Text; got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// History prose without a publication date (sentences of the Debian
// history pages): every date comes from the sentence that states it,
// ranges keep their days, and a page telling many years is not anchored.
func TestHistoryDates(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join([]string{
		"Debian 0.01 through Debian 0.90 were released between August and December of 1993.",
		"Debian 0.91 was released in January 1994.",
		"His contributions to Free Software go back to the late 1980s.",
		"Debconf3 took place in Oslo from July 18th to July 20th 2003, with a DebCamp preceding it, from July 12th to July 17th.",
		"The twelfth DebConf, Debconf11, was held in Banja Luka, from 24 to 30 July 2011, with DebCamp preceding it from 17 to 23 July.",
		"Debian 6.0 (squeeze) was released February 6th, 2011.",
		"On March 28th, Fabrizio Polacco passed away after a long illness.",
	}, "\n\n")
	d := retrieval.Document{ID: "history", Text: text, Lang: "en"}
	tl := Build([]Input{{Doc: d, Paragraphs: retrieval.Segment(d)}}, lex)
	var got []string
	for _, g := range tl.Groups {
		s := g.Date.String()
		if g.End.Prec == Day {
			s += "/" + g.End.String()
		}
		got = append(got, s)
	}
	want := []string{"1993-08", "1993-12", "1994-01", "2003-07-12/2003-07-17", "2003-07-18/2003-07-20", "2011-02-06", "2011-07-17/2011-07-23", "2011-07-24/2011-07-30"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("dates %v, want %v (no 1980, no year for 'March 28th')", got, want)
	}
	for _, g := range tl.Groups {
		if en := g.Lines["en"].Text; g.Date.String() == "2011-02-06" && en != "“Debian 6.0 (squeeze) was released February 6th, 2011”" {
			t.Errorf("release line %q", en)
		}
	}
}

// A visit's length with one of its ends in the same sentence gives the
// stretch; a day of the visitor's within it joins the line.
func TestVisitInOneSentence(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un on Saturday in Wonsan.\n\nLavrov arrived in Pyongyang on Friday for a three-day visit that ends on Sunday.",
		"Menteri Luar Negeri Rusia Sergei Lavrov bertemu Kim Jong Un pada hari Sabtu di Wonsan.\n\nLavrov tiba di Pyongyang pada hari Jumat untuk kunjungan tiga hari.",
	} {
		d := retrieval.Document{ID: "v", Text: text, Published: "2025-07-14"}
		tl := Build([]Input{{Doc: d, Paragraphs: retrieval.Segment(d)}}, lex)
		if len(tl.Groups) != 1 || tl.Groups[0].Date.String() != "2025-07-11" || tl.Groups[0].End.String() != "2025-07-13" || len(tl.Groups[0].Events) < 2 {
			for _, g := range tl.Groups {
				t.Logf("%s–%s %d reports", g.Date, g.End, len(g.Events))
			}
			t.Errorf("%q: want one line, 11–13 July 2025, with both reports", text)
		}
	}
}

// Code, tables of contents and link lists are never evidence: a date in
// an example listing is no event, a figure in a command no count.
func TestNotEvidenceIsNoEvent(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	prose := "Debian 6.0 (squeeze) was released February 6th, 2011."
	listing := "$ date -d 'March 3rd, 1999' and 120 packages were installed on 5 May 2004."
	text := prose + "\n\n" + listing + "\n"
	start := strings.Index(text, listing)
	for _, tt := range []struct {
		name string
		code []retrieval.Span
		want string
	}{
		{"the listing as prose", nil, "1999-03-03 2004-05-05 2011-02-06"},
		{"the listing as code", []retrieval.Span{{Start: start, End: start + len(listing)}}, "2011-02-06"},
	} {
		d := retrieval.Document{ID: "release", Text: text, Lang: "en", NotEvidence: tt.code}
		tl := Build([]Input{{Doc: d, Paragraphs: retrieval.Segment(d)}}, lex)
		var got []string
		for _, g := range tl.Groups {
			got = append(got, g.Date.String())
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: dates %v, want %s", tt.name, got, tt.want)
		}
		for _, f := range tl.Figures {
			if tt.code != nil {
				t.Errorf("%s: a figure from the listing: %+v", tt.name, f)
			}
		}
	}
}
