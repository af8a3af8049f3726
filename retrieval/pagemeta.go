package retrieval

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readPageMeta reads what an HTML page states about itself, in order of
// trust: JSON-LD (NewsArticle, Article and their kin: headline,
// datePublished, dateModified, publisher, author, url), then OpenGraph and
// <meta> (og:title, og:site_name, article:published_time, og:url, author),
// then a <time datetime> marked as the publication time or inside the
// <article>, then <link rel=canonical>, <title> and the first <h1>. A
// <title>'s " - Site" tail is removed only when the site's name is known
// from the page. An unknown field stays empty. The language is the one
// declared on <html>, else on the element holding most of the body's text
// (DocBook and other generators declare it on a chapter's <div>), else in
// JSON-LD or og:locale; links holds the text counts of countLinks.
func readPageMeta(root *html.Node, links map[*html.Node]linkCount) metadata {
	var (
		ld                                       jsonLDArticle
		ogTitle, ogSite, ogURL, metaPub, metaMod string
		metaAuthor, title, h1, canonical, lang   string
		timeMarked, timeInArticle, timeInBody    string
		ogLocale, appNam                         string
		alternates                               []string
	)
	walkHTML(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			lang = firstNonEmpty(lang, attr(n, "lang"), attr(n, "xml:lang"))
		case atom.Script:
			if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
				ld.merge(parseJSONLD(n.FirstChild.Data))
			}
		case atom.Title:
			if title == "" && !inSVG(n) {
				title = visibleText(n)
			}
		case atom.H1:
			h1 = firstNonEmpty(h1, visibleText(n))
		case atom.Time:
			dt := attr(n, "datetime")
			if dt == "" {
				break
			}
			prop := strings.ToLower(attr(n, "itemprop") + " " + attr(n, "class"))
			_, pubdate := attrPresent(n, "pubdate")
			switch {
			case pubdate || strings.Contains(prop, "datepublished") || strings.Contains(prop, "publish"):
				timeMarked = firstNonEmpty(timeMarked, dt)
			case strings.Contains(prop, "modified") || strings.Contains(prop, "updated"):
			case inElement(n, atom.Aside) || inElement(n, atom.Footer) || inElement(n, atom.Nav) || inElement(n, atom.Header) && !inElement(n, atom.Article):
				// A date in the page furniture is today's date or another article's.
			case inElement(n, atom.Article):
				timeInArticle = firstNonEmpty(timeInArticle, dt)
			default:
				timeInBody = firstNonEmpty(timeInBody, dt)
			}
		case atom.Link:
			switch rel := strings.ToLower(attr(n, "rel")); {
			case rel == "canonical":
				canonical = firstNonEmpty(canonical, attr(n, "href"))
			case rel == "alternate" && attr(n, "hreflang") != "" && !strings.EqualFold(attr(n, "hreflang"), "x-default"):
				if href := strings.TrimSpace(attr(n, "href")); href != "" {
					alternates = append(alternates, href)
				}
			}
		case atom.Meta:
			key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			content := strings.TrimSpace(attr(n, "content"))
			switch key {
			case "og:site_name":
				ogSite = firstNonEmpty(ogSite, content)
			case "application-name":
				appNam = firstNonEmpty(appNam, content)
			case "og:title":
				ogTitle = firstNonEmpty(ogTitle, content)
			case "og:url":
				ogURL = firstNonEmpty(ogURL, content)
			case "og:locale":
				ogLocale = firstNonEmpty(ogLocale, content)
			case "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
				"publication_date", "dc.date.issued", "dcterms.issued", "date", "parsely-pub-date", "sailthru.date":
				metaPub = firstNonEmpty(metaPub, content)
			case "article:modified_time", "datemodified", "og:updated_time", "last-modified":
				metaMod = firstNonEmpty(metaMod, content)
			case "author", "article:author", "byl", "parsely-author", "dc.creator":
				if !strings.Contains(content, "://") {
					metaAuthor = firstNonEmpty(metaAuthor, strings.TrimPrefix(strings.TrimPrefix(content, "By "), "by "))
				}
			}
		}
		return true
	})
	site := firstNonEmpty(ld.Publisher, ogSite)
	m := metadata{
		Outlet:    site,
		Published: normaliseDate(firstNonEmpty(ld.Published, metaPub, timeMarked, timeInArticle, timeInBody)),
		Modified:  normaliseDate(firstNonEmpty(ld.Modified, metaMod)),
		Author:    firstNonEmpty(ld.Author, metaAuthor),
		Lang:      normaliseLang(firstNonEmpty(lang, contentLang(root, links), ld.Lang, ogLocale)),
		URL:       firstNonEmpty(ld.URL, ogURL, canonical),
	}
	m.Alternates = resolveAlternates(m.URL, alternates)
	// The application name is a site name only for trimming a title.
	suffixSite := firstNonEmpty(site, appNam)
	m.Title = firstNonEmpty(
		dropSiteSuffix(ld.Headline, suffixSite),
		dropSiteSuffix(ogTitle, suffixSite),
		dropSiteSuffix(title, suffixSite),
		h1,
	)
	return m
}

// contentLang is the lang (or xml:lang) attribute of the outermost
// element of the body that declares one and holds at least half of the
// body's text, or "".
func contentLang(root *html.Node, links map[*html.Node]linkCount) string {
	body := bodyOf(root)
	if body == nil || links[body].text == 0 {
		return ""
	}
	total := links[body].text
	found := ""
	walkHTML(body, func(n *html.Node) bool {
		if found != "" {
			return false
		}
		if n.Type != html.ElementNode || links[n].text*2 < total {
			return true
		}
		if l := firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang")); l != "" {
			found = l
		}
		return true
	})
	return found
}

// inElement reports whether n is inside an element of type a.
func inElement(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// jsonLDArticle is what Kabar reads from a page's JSON-LD.
type jsonLDArticle struct {
	Headline, Published, Modified, Publisher, Author, URL, Lang string
}

func (a *jsonLDArticle) merge(b jsonLDArticle) {
	a.Headline = firstNonEmpty(a.Headline, b.Headline)
	a.Published = firstNonEmpty(a.Published, b.Published)
	a.Modified = firstNonEmpty(a.Modified, b.Modified)
	a.Publisher = firstNonEmpty(a.Publisher, b.Publisher)
	a.Author = firstNonEmpty(a.Author, b.Author)
	a.URL = firstNonEmpty(a.URL, b.URL)
	a.Lang = firstNonEmpty(a.Lang, b.Lang)
}

// maxJSONLDBytes bounds one JSON-LD block; real ones are a few kilobytes.
const maxJSONLDBytes = 1 << 20

// parseJSONLD reads the first article object of a JSON-LD block: a single
// object, an array of objects, or an @graph. Objects whose @type is not
// an article (Organization, BreadcrumbList, WebSite…) are ignored, except
// that a WebPage's publisher and a WebSite's name do not count either: only
// the article states its outlet. Broken JSON yields nothing.
func parseJSONLD(text string) jsonLDArticle {
	if len(text) > maxJSONLDBytes {
		return jsonLDArticle{}
	}
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(text)), &v); err != nil {
		return jsonLDArticle{}
	}
	var out jsonLDArticle
	found := false
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if found || depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				out = jsonLDArticle{
					Headline:  firstNonEmpty(ldString(x["headline"]), ldString(x["name"])),
					Published: ldString(x["datePublished"]),
					Modified:  ldString(x["dateModified"]),
					Publisher: ldName(x["publisher"]),
					Author:    ldNames(x["author"]),
					URL:       firstNonEmpty(ldString(x["url"]), ldID(x["mainEntityOfPage"])),
					Lang:      ldString(x["inLanguage"]),
				}
				found = true
				return
			}
			for _, key := range []string{"@graph", "mainEntity"} {
				if g, ok := x[key]; ok {
					visit(g, depth+1)
				}
			}
		}
	}
	visit(v, 0)
	return out
}

// isArticleType reports whether a JSON-LD @type (a string or a list) names
// a kind of article.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		switch strings.TrimPrefix(strings.TrimPrefix(x, "https://schema.org/"), "http://schema.org/") {
		case "Article", "NewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
			"BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting",
			"LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting":
			return true
		}
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString is a JSON-LD value as text: a string, the first string of a
// list, or an object's @value.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return oneLine(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldName is the name of a JSON-LD thing (a publisher), given as an object
// with "name" or as plain text.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return ""
		}
		return oneLine(x)
	case []any:
		for _, e := range x {
			if s := ldName(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["name"])
	}
	return ""
}

// ldNames joins the names of one or more JSON-LD persons.
func ldNames(v any) string {
	list, ok := v.([]any)
	if !ok {
		return ldName(v)
	}
	var names []string
	for _, e := range list {
		if s := ldName(e); s != "" {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}

// ldID is a JSON-LD reference's @id (or the text itself).
func ldID(v any) string {
	switch x := v.(type) {
	case string:
		return oneLine(x)
	case map[string]any:
		return ldString(x["@id"])
	}
	return ""
}

// resolveAlternates resolves the page's alternate addresses against its
// own (hreflang links are often relative), leaving out the page itself;
// without a known address of its own, only absolute ones are kept. They
// are returned separated by spaces.
func resolveAlternates(self string, hrefs []string) string {
	base, err := url.Parse(self)
	if err != nil || base.Host == "" {
		base = nil
	}
	var out []string
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Host == "" {
			continue
		}
		if s := u.String(); s != self && !strings.ContainsAny(s, " \t\n") && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}
