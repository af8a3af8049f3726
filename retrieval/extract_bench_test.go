package retrieval

import (
	"fmt"
	"strings"
	"testing"
)

// bigPage builds an HTML page of about size bytes in one of several
// shapes real pages take: "news" (an <article> of paragraphs), "menu" (a
// long menu of link <div>s before the article), "share" (a share box
// after every paragraph) and "nested" (sections nested hundreds deep).
func bigPage(shape string, size int) []byte {
	var b strings.Builder
	b.WriteString("<html><head><title>Big</title></head><body>\n")
	para := func(i int) {
		fmt.Fprintf(&b, "<p>Paragraph %d of the report says that the ministers met on Tuesday to discuss the budget and agreed on %d new measures.</p>\n", i, i*3)
	}
	switch shape {
	case "news":
		b.WriteString("<article><h1>Big article</h1>\n")
		for i := 0; b.Len() < size; i++ {
			para(i)
		}
		b.WriteString("</article>")
	case "menu":
		for i := 0; b.Len() < size/2; i++ {
			fmt.Fprintf(&b, "<div class=\"menu-item\"><a href=\"/s%d\">Section %d</a> <span>sub %d</span></div>\n", i, i, i)
		}
		b.WriteString("<article><h1>Big article</h1>\n")
		for i := 0; b.Len() < size; i++ {
			para(i)
		}
		b.WriteString("</article>")
	case "share":
		b.WriteString("<article><h1>Big article</h1>\n")
		for i := 0; b.Len() < size; i++ {
			para(i)
			fmt.Fprintf(&b, "<div class=\"share\">Share %d on Facebook Twitter</div>\n", i)
		}
		b.WriteString("</article>")
	case "nested":
		depth := 0
		for i := 0; b.Len() < size; i++ {
			if depth < 300 {
				b.WriteString("<div class=\"section\">")
				depth++
			}
			para(i)
		}
		b.WriteString(strings.Repeat("</div>", depth))
	default:
		panic("unknown shape " + shape)
	}
	b.WriteString("</body></html>")
	return []byte(b.String())
}

// BenchmarkExtractHTML measures ParseDocument on big HTML pages; MB/s
// should stay about the same from 256 KiB to 2 MiB (no super-linear step).
func BenchmarkExtractHTML(b *testing.B) {
	for _, shape := range []string{"news", "menu", "share", "nested"} {
		for _, size := range []int{256 << 10, 1 << 20, 2 << 20} {
			raw := bigPage(shape, size)
			b.Run(fmt.Sprintf("%s-%dKiB", shape, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					if _, err := ParseDocument("news/big.html", raw); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
