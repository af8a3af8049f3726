package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// TestAskedMeta recognises questions about an article itself, in English
// and Indonesian, and leaves questions about the story to the ordinary
// answerer: each row is one cue or one guard.
func TestAskedMeta(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want metaField
		time bool
	}{
		{"who wrote the article about the typhoon in Manila?", metaAuthor, false},
		{"what's the byline on the flood story?", metaAuthor, false},
		{"siapa penulis berita banjir semarang?", metaAuthor, false},
		{"artikel soal banjir itu ditulis oleh siapa?", metaAuthor, false},
		{"who filed the lawsuit described in the article?", metaNone, false}, // the article is a source
		{"siapa yang menulis surat dalam berita itu?", metaNone, false},      // a letter the article reports
		{"who wrote fail2ban?", metaNone, false},                             // no article: a program's author
		{"who wrote the letter Kim sent to Putin?", metaNone, false},         // a letter the story reports
		{"where's the typhoon report datelined?", metaDateline, false},
		{"artikel banjir itu dateline-nya dari kota mana?", metaDateline, false},
		{"when did the war start, per the Seoul-datelined report?", metaNone, false}, // the dateline only says which article
		{"what time was the typhoon article published?", metaPublished, true},
		{"artikel banjir itu naik jam brp?", metaPublished, true},
		{"kapan berita banjir semarang diterbitkan?", metaPublished, false},
		{"kapan harga beras naik menurut artikel itu?", metaNone, false}, // the article is the source, prices rose
		{"which outlet ran the article about the floods?", metaOutlet, false},
		{"berita banjir semarang itu dari media apa?", metaOutlet, false},
		{"who provided the photo of the rescuers?", metaPhoto, false},
		{"whose press office put out the picture of the signing?", metaPhoto, false},
		{"foto tim penyelamat itu dirilis oleh siapa?", metaPhoto, false},
		{"di foto yang dirilis kemenlu itu, siapa yang di kanan?", metaNone, false}, // who is in it, not who released it
		{"did state media release pics of the meeting?", metaNone, false},
	} {
		got := askedMeta(tc.q)
		if got.field != tc.want || got.wantsTime != tc.time {
			t.Errorf("askedMeta(%q) = field %d time %v, want %d %v", tc.q, got.field, got.wantsTime, tc.want, tc.time)
		}
	}
}

// Invented articles in the conventions of other news sites.
const (
	typhoonArticle = "Typhoon shuts Manila ports\n\nBy Jane Doe | March 3, 2024 3:40 p.m. ET\n\n" +
		"MANILA (Reuters) - A typhoon shut the ports of Manila on Sunday, stranding thousands of ferry passengers.\n\n" +
		"In this photo provided by the Philippine Coast Guard, rescuers carry a child through floodwater in Manila, Sunday, March 3, 2024.\n" +
		"Philippine Coast Guard via AP\n\n" +
		"The weather bureau said the storm would weaken as it moved north.\n"
	floodArticle = "Banjir Rendam Ratusan Rumah di Semarang\n\nOleh: Budi Santoso\nDiterbitkan 5 Januari 2025\n\n" +
		"Semarang, Kompas- Banjir merendam ratusan rumah warga di Semarang setelah hujan deras sepanjang malam.\n\n" +
		"Dalam foto yang dirilis oleh Badan Penanggulangan Bencana Daerah ini, petugas mengevakuasi warga dengan perahu karet.\n\n" +
		"Warga diminta waspada karena hujan diperkirakan turun lagi.\n"
	portArticle = "Port strike ends\n\nDOCK workers in Rotterdam ended a three-day strike on Friday after a pay deal.\n\n" +
		"The union said members would return to work on Monday.\n\n" +
		"Dockers cheer outside the harbour office in Rotterdam on Friday. (AP Photo/Peter Dejong)\n\n" +
		"Ferries leave the harbour again on Saturday morning. REUTERS/Piroschka van de Wouw\n"
)

// TestArticleMetaAnswers answers questions about articles from their
// bylines, date lines, datelines and captions; want is what the lead must
// state outside its quotes ("" for a decline), quote what a citation must
// hold.
func TestArticleMetaAnswers(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix := smallIndex(t, lex, "meta", map[string]string{
		"typhoon.txt": typhoonArticle,
		"flood.txt":   floodArticle,
		"port.txt":    portArticle,
	})
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	for _, tc := range []struct {
		name, question, want, quote, lang string
	}{
		{"labelled English byline", "who wrote the article about the typhoon that shut the ports?", "Jane Doe", "By Jane Doe", "en"},
		{"Indonesian byline 'Oleh:'", "siapa penulis berita banjir yang merendam rumah warga?", "Budi Santoso", "Oleh: Budi Santoso", "id"},
		{"no byline: the coverage does not say", "who wrote the article about the dock workers' strike?", "", "", "en"},
		{"dateline CITY (Agency) -, written as a name", "where's the typhoon report datelined?", "Manila", "MANILA (Reuters) -", "en"},
		{"dateline City, Outlet-, article picked by its byline", "artikel budi santoso itu dateline-nya dari kota mana?", "Semarang", "Semarang, Kompas-", "id"},
		{"publication time in English", "what time was the typhoon article published?", "3:40 p.m. ET", "March 3, 2024", "en"},
		{"publication date in Indonesian, the time not stated", "artikel soal banjir semarang itu terbit jam berapa?", "Minggu, 5 Januari 2025", "Diterbitkan 5 Januari 2025", "id"},
		{"outlet named by the dateline", "which outlet published the article about the floods in semarang?", "Kompas", "Semarang, Kompas-", "en"},
		{"photo 'provided by' with its credit line", "who provided the photo of the rescuers carrying a child?", "Philippine Coast Guard", "Philippine Coast Guard via AP", "en"},
		{"photographer's credit (AP Photo/Name) after the caption", "who took the photo of the dockers cheering outside the harbour office?", "Peter Dejong", "AP Photo/Peter Dejong", "en"},
		{"agency/photographer credit (REUTERS/Name)", "who took the picture of the ferries leaving the harbour?", "Piroschka van de Wouw", "Ferries leave the harbour", "en"},
		{"photo 'dirilis oleh' in Indonesian", "foto petugas mengevakuasi warga itu dirilis oleh siapa?", "oleh Badan Penanggulangan Bencana Daerah [1]", "Dalam foto yang dirilis oleh", "id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := svc.Answer(context.Background(), Query{Question: tc.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			lead := outsideQuotes(res.Answer)
			switch {
			case tc.want == "" && res.Answered:
				t.Errorf("answered %q, want a decline", res.Answer)
			case tc.want != "" && (!res.Answered || !strings.Contains(lead, tc.want)):
				t.Errorf("answer %q, want it to state %q", res.Answer, tc.want)
			}
			if res.Lang != tc.lang {
				t.Errorf("answer language %q, want %q", res.Lang, tc.lang)
			}
			if tc.quote != "" {
				found := false
				for _, c := range res.Citations {
					found = found || strings.Contains(c.Quote, tc.quote)
				}
				if !found {
					t.Errorf("answer %q, want a citation quoting %q", res.Answer, tc.quote)
				}
			}
			checkVerbatim(t, ix, res)
		})
	}
}

// Two invented reports of one story, told apart by what the question says
// of the article: the words it quotes, its date, its day of the week.
const (
	strikeLondon = "Union vows to fund port strike\n\nBy Anna Berg | July 14, 2025 08:10 GMT\n\n" +
		"LONDON (Reuters) - The dockers' union will keep backing and funding the strike at the port, its leader said on Sunday.\n\n" +
		"The strike has halted container traffic for a week.\n"
	strikeSeoul = "Dockers' union stands by strike\n\nBy Min-jun Park | July 15, 2025 10:30 KST\n\n" +
		"SEOUL (Yonhap) - The dockers' union said it is backing the port strike without conditions and will keep funding it for a month.\n\n" +
		"Container traffic at the port has halted for a week.\n"
)

// TestArticleMetaSelectors picks, among reports of one story, the article
// the question describes.
func TestArticleMetaSelectors(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix := smallIndex(t, lex, "strike", map[string]string{
		"london.txt": strikeLondon,
		"seoul.txt":  strikeSeoul,
	})
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	for _, tc := range []struct{ name, question, want string }{
		{"the quoted words, in order, pick the report", "the report saying the dockers' union will 'keep funding' the port strike, where's it datelined?", "Seoul"},
		{"a day and month pick the report", "who wrote the 15 july article about the union backing the port strike?", "Min-jun Park"},
		{"a day of the week picks the report", "who wrote the tuesday article about the union backing the port strike?", "Min-jun Park"},
		{"the byline's name picks the report", "what time was min-jun park's article about the strike published?", "10:30 KST"},
		{"the byline's name alone picks the report", "where is the article by anna berg datelined?", "London"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := svc.Answer(context.Background(), Query{Question: tc.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Answered || !strings.Contains(outsideQuotes(res.Answer), tc.want) {
				t.Errorf("answer %q, want it to state %q", res.Answer, tc.want)
			}
			checkVerbatim(t, ix, res)
		})
	}
}
