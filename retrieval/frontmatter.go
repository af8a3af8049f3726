package retrieval

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// splitFrontMatter finds a YAML front matter block between a leading "---"
// line and the next "---" (or "...") line. It returns the YAML and the byte
// offset where the body starts; ok is false when text does not open with
// a closed block, in which case all of text is body.
func splitFrontMatter(text string) (yamlText string, bodyStart int, ok bool) {
	first := lineEnd(text, 0)
	if strings.TrimRight(text[:first], " \t") != "---" || first == len(text) {
		return "", 0, false
	}
	start := first + 1
	if text[first] == '\r' && start < len(text) && text[start] == '\n' {
		start++
	}
	for pos := start; pos < len(text); {
		end := lineEnd(text, pos)
		if l := strings.TrimRight(text[pos:end], " \t"); l == "---" || l == "..." {
			body := end
			if body < len(text) {
				body++
				if text[end] == '\r' && body < len(text) && text[body] == '\n' {
					body++
				}
			}
			return text[start:pos], body, true
		}
		pos = end + 1
	}
	return "", 0, false
}

// parseFrontMatter reads the fields Kabar uses from a front matter block:
// title, url (or link, canonical), outlet (or source, publisher, site),
// published (or date) and lang (or language). Other keys are ignored;
// values that are not plain scalars are ignored.
func parseFrontMatter(yamlText string) (metadata, error) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(yamlText), &root); err != nil {
		return metadata{}, fmt.Errorf("invalid front matter: %s", oneLine(err.Error()))
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return metadata{}, nil // empty block
	}
	node := root.Content[0]
	if node.Kind != yaml.MappingNode {
		return metadata{}, fmt.Errorf("invalid front matter: want key: value lines")
	}
	var m metadata
	rank := map[*string]int{}
	set := func(dst *string, v string, r int) {
		if old, ok := rank[dst]; v == "" || (ok && old <= r) {
			return
		}
		*dst, rank[dst] = v, r
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		if val.Kind == yaml.AliasNode && val.Alias != nil {
			val = val.Alias
		}
		if key.Kind != yaml.ScalarNode || val.Kind != yaml.ScalarNode {
			continue
		}
		v := strings.TrimSpace(val.Value)
		switch strings.ToLower(strings.TrimSpace(key.Value)) {
		case "title":
			set(&m.Title, v, 0)
		case "url":
			set(&m.URL, v, 0)
		case "link", "canonical":
			set(&m.URL, v, 1)
		case "outlet":
			set(&m.Outlet, v, 0)
		case "source", "publisher", "site":
			set(&m.Outlet, v, 1)
		case "published", "date", "pubdate", "published_at", "publish_date":
			if impossibleDate(v) {
				return metadata{}, fmt.Errorf("front matter %s: %q is not a real date (want yyyy-mm-dd)", strings.TrimSpace(key.Value), v)
			}
			r := 1
			if strings.EqualFold(strings.TrimSpace(key.Value), "published") {
				r = 0
			}
			set(&m.Published, normaliseDate(v), r)
		case "lang", "language":
			set(&m.Lang, normaliseLang(v), 0)
		}
	}
	return m, nil
}

// numericDateShapeRE matches values written as a numeric calendar date:
// 2025-07-14 (with or without a time after it), 14/07/2025, 14.07.2025.
var numericDateShapeRE = regexp.MustCompile(`^(?:(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])|(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$)`)

// impossibleDate reports a value shaped like a numeric date that names no
// day of the calendar ("2025-13-45", "31/02/2025"): a typo that must not
// become an article's date.
func impossibleDate(v string) bool {
	m := numericDateShapeRE.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return false
	}
	if m[1] != "" {
		_, ok := isoDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
		return !ok
	}
	a, b, y := atoi(m[4]), atoi(m[5]), atoi(m[6])
	_, dm := isoDate(y, b, a) // day/month
	_, md := isoDate(y, a, b) // month/day
	return !dm && !md
}

// oneLine folds a multi-line message onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
