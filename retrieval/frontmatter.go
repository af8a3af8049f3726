package retrieval

import (
	"fmt"
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
		case "published":
			set(&m.Published, normaliseDate(v), 0)
		case "date", "pubdate", "published_at", "publish_date":
			set(&m.Published, normaliseDate(v), 1)
		case "lang", "language":
			set(&m.Lang, normaliseLang(v), 0)
		}
	}
	return m, nil
}

// oneLine folds a multi-line message onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
