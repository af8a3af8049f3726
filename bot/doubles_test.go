package bot

// Test doubles for the pipeline the bot depends on (Answerer, Checker,
// Library). They serve a tiny fixed corpus and return fixed answer.Result
// values whose citations carry real offsets into that corpus, so the bot's
// rendering, read-back and re-verification paths are exercised for real.
// To run the end-to-end tests against the real pipeline, replace this file.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/retrieval"
)

// longParagraph is longer than an embed field, so its quote is truncated
// in the Sources embed and must be re-read from the article.
var longParagraph = "Dalam pidatonya, Putin menyebut hubungan kedua negara " +
	strings.Repeat("telah memasuki babak baru yang ditandai dengan kerja sama ekonomi, militer, dan kemanusiaan, ", 14) +
	"sebelum kembali ke Moskwa."

func testDocuments() []retrieval.Document {
	return []retrieval.Document{
		{
			ID: "antara-putin-kim", Title: "Putin dan Kim Jong Un teken perjanjian kemitraan", Outlet: "Antara",
			Published: "19 Juni 2025", Lang: "id", URL: "https://example.com/antara/putin-kim",
			Text: "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan.\n\n" +
				"Kedua pemimpin menandatangani perjanjian kemitraan strategis komprehensif di Pyongyang.\n\n" +
				"Perjanjian itu memuat klausul saling membantu jika salah satu pihak diserang.\n\n" +
				"Baca juga: [Kunjungan sebelumnya](https://example.com/berita-lama)",
		},
		{
			ID: "kompas-kerja-sama", Title: "Rusia dan Korea Utara perluas kerja sama", Outlet: "Kompas",
			Published: "20 Juni 2025", Lang: "id",
			Text: "Rusia dan Korea Utara sepakat memperluas kerja sama di bidang energi dan transportasi.\n\n" +
				"Jembatan jalan raya di atas Sungai Tumen akan dibangun, kata pejabat Rusia.\n\n" +
				longParagraph,
		},
	}
}

// testLibrary implements Library over testDocuments; paragraphs are the
// blocks between blank lines.
type testLibrary struct{ docs []retrieval.Document }

func newTestLibrary() *testLibrary { return &testLibrary{docs: testDocuments()} }

func (l *testLibrary) Documents() []retrieval.Document { return l.docs }

func (l *testLibrary) Document(id string) (retrieval.Document, bool) {
	for _, d := range l.docs {
		if d.ID == id {
			return d, true
		}
	}
	return retrieval.Document{}, false
}

func (l *testLibrary) Paragraphs(id string) []retrieval.Paragraph {
	d, ok := l.Document(id)
	if !ok {
		return nil
	}
	var out []retrieval.Paragraph
	start := 0
	for n := 1; start < len(d.Text); n++ {
		end := strings.Index(d.Text[start:], "\n\n")
		if end < 0 {
			end = len(d.Text)
		} else {
			end += start
		}
		out = append(out, retrieval.Paragraph{Index: n, Span: retrieval.Span{Start: start, End: end},
			Boilerplate: strings.HasPrefix(d.Text[start:end], "Baca juga")})
		start = end + 2
	}
	return out
}

// cite builds citation n of quote, which must occur in the document.
func (l *testLibrary) cite(n int, docID, quote string) answer.Citation {
	d, ok := l.Document(docID)
	at := strings.Index(d.Text, quote)
	if !ok || at < 0 {
		panic(fmt.Sprintf("test corpus: %q not in %s", quote, docID))
	}
	c := answer.Citation{N: n, Doc: docID, Title: d.Title, Outlet: d.Outlet, Published: d.Published, Quote: quote,
		ByteStart: at, ByteEnd: at + len(quote)}
	c.Start = utf8.RuneCountInString(d.Text[:at])
	c.End = c.Start + utf8.RuneCountInString(quote)
	for _, p := range l.Paragraphs(docID) {
		if p.Span.Start <= at && at < p.Span.End {
			c.Paragraph = p.Index
			c.Passage = d.Text[p.Span.Start:p.Span.End]
		}
	}
	return c
}

// Fixed results.

func shortResult(l *testLibrary) answer.Result {
	return answer.Result{
		Question: "Apa yang disepakati Putin dan Kim?",
		Answered: true,
		Answer: "Putin dan Kim Jong Un menandatangani perjanjian kemitraan strategis komprehensif di Pyongyang [1]. " +
			"Perjanjian itu memuat klausul saling membantu jika salah satu pihak diserang [2].",
		Citations: []answer.Citation{
			l.cite(1, "antara-putin-kim", "Kedua pemimpin menandatangani perjanjian kemitraan strategis komprehensif di Pyongyang."),
			l.cite(2, "antara-putin-kim", "Perjanjian itu memuat klausul saling membantu jika salah satu pihak diserang."),
		},
		Mode:   answer.ModeExtractive,
		TookMS: 12,
	}
}

func declinedResult() answer.Result {
	return answer.Result{Question: "Siapa juara Piala Dunia 2030?", Answered: false,
		Answer: "Liputan tidak menjawab pertanyaan ini.", Mode: answer.ModeExtractive}
}

// longResult is far over one message: a long text with many citations,
// mentions, markers and multi-byte characters near every cut.
func longResult(l *testLibrary) answer.Result {
	var b strings.Builder
	var cits []answer.Citation
	quotes := []struct{ doc, q string }{
		{"antara-putin-kim", "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan."},
		{"antara-putin-kim", "Kedua pemimpin menandatangani perjanjian kemitraan strategis komprehensif di Pyongyang."},
		{"kompas-kerja-sama", "Jembatan jalan raya di atas Sungai Tumen akan dibangun, kata pejabat Rusia."},
		{"kompas-kerja-sama", longParagraph},
	}
	for n := 1; n <= 30; n++ {
		q := quotes[n%len(quotes)]
		cits = append(cits, l.cite(n, q.doc, q.q))
		fmt.Fprintf(&b, "Kalimat ke-%d menyebut Pyongyang dan Moskwa — “kerja sama” ✓ 🇷🇺🇰🇵 <@123456789012345678> [%d]. ", n, n)
		if n%7 == 0 {
			b.WriteString("\n\n")
		}
	}
	for b.Len() < 5000 {
		b.WriteString("Tambahan konteks dengan kata-kata panjang: perekonomian, pertahanan, diplomasi [1]. ")
	}
	return answer.Result{Question: "Ceritakan semuanya", Answered: true, Answer: b.String(), Citations: cits,
		Mode: answer.ModeLLM, FallbackReason: "", TookMS: 900}
}

// testAnswerer is an Answerer returning fixed results.
type testAnswerer struct {
	lib *testLibrary

	mu       sync.Mutex
	respond  func(q answer.Query) (answer.Result, error) // default: shortResult
	partials []string                                    // streamed before answering
	gate     chan struct{}                               // when set, Answer waits for it to close

	queries   chan answer.Query // every question received
	summaries chan [2]string    // topic, doc id of every summary request
}

func newTestAnswerer(l *testLibrary) *testAnswerer {
	return &testAnswerer{lib: l, queries: make(chan answer.Query, 64), summaries: make(chan [2]string, 16)}
}

func (a *testAnswerer) set(f func(q answer.Query) (answer.Result, error)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.respond = f
}

func (a *testAnswerer) hold() chan struct{} {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.gate = make(chan struct{})
	return a.gate
}

func (a *testAnswerer) Answer(ctx context.Context, q answer.Query, onPartial func(string)) (answer.Result, error) {
	a.queries <- q
	a.mu.Lock()
	respond, partials, gate := a.respond, a.partials, a.gate
	a.mu.Unlock()
	if onPartial != nil && len(partials) > 0 {
		for _, p := range partials {
			onPartial(p)
		}
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return answer.Result{}, ctx.Err()
		}
	}
	if respond == nil {
		r := shortResult(a.lib)
		r.Question = q.Question
		return r, nil
	}
	return respond(q)
}

func (a *testAnswerer) Summarize(ctx context.Context, topic, docID string) (answer.Result, error) {
	a.summaries <- [2]string{topic, docID}
	r := shortResult(a.lib)
	r.Question = "summary"
	return r, nil
}

// testChecker is a Checker with fixed verdicts: every marker naming a
// given citation supports its sentence except marker 2, which misses
// "Juni"; /check supports claims about Pyongyang, contradicts "7.000"
// and knows nothing else.
type testChecker struct {
	lib     *testLibrary
	answers chan []answer.Citation
	claims  chan string
}

func newTestChecker(l *testLibrary) *testChecker {
	return &testChecker{lib: l, answers: make(chan []answer.Citation, 16), claims: make(chan string, 16)}
}

func (c *testChecker) CheckAnswer(_ context.Context, text string, cits []answer.Citation) (cite.Report, error) {
	c.answers <- cits
	known := map[int]string{}
	for _, x := range cits {
		known[x.N] = x.Doc
	}
	var r cite.Report
	for _, s := range strings.SplitAfter(text, ". ") {
		ms := markers(s)
		if len(ms) == 0 {
			continue
		}
		sv := cite.SentenceVerdict{Sentence: strings.TrimSpace(citationMarker.ReplaceAllString(s, ""))}
		for _, n := range ms {
			doc, ok := known[n]
			v := cite.CitationVerdict{N: n, DocID: doc, Known: ok, Supports: ok && n != 2, Score: 1}
			if n == 2 {
				v.Score, v.Missing = 0.4, []string{"Juni"}
			}
			sv.Citations = append(sv.Citations, v)
			sv.Supported = sv.Supported || v.Supports
		}
		r.Sentences = append(r.Sentences, sv)
	}
	r.Text = text
	return r, nil
}

func (c *testChecker) CheckClaim(_ context.Context, claim string) (cite.ClaimResult, error) {
	c.claims <- claim
	res := cite.ClaimResult{Claim: claim, Status: cite.ClaimNotInCoverage}
	switch {
	case strings.Contains(claim, "rahasia"):
		return res, errors.New("index unavailable: dial tcp 10.0.0.5:8000: connection refused (api_key=sk-secret)")
	case strings.Contains(claim, "7.000"):
		q := c.lib.cite(1, "kompas-kerja-sama", "Jembatan jalan raya di atas Sungai Tumen akan dibangun, kata pejabat Rusia.")
		res.Status = cite.ClaimContradicted
		res.Evidence = []cite.Evidence{{DocID: q.Doc, Title: q.Title, Quote: q.Quote, Start: q.ByteStart, End: q.ByteEnd,
			Score: 0.7, Conflict: "claim says 7.000 troops; passage mentions none"}}
	case strings.Contains(claim, "Pyongyang"):
		q := c.lib.cite(1, "antara-putin-kim", "Kedua pemimpin menandatangani perjanjian kemitraan strategis komprehensif di Pyongyang.")
		res.Status = cite.ClaimSupported
		res.Evidence = []cite.Evidence{{DocID: q.Doc, Title: q.Title, Quote: q.Quote, Start: q.ByteStart, End: q.ByteEnd,
			Score: 0.9, Supports: true}}
	}
	return res, nil
}
