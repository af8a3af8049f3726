package main

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseArticle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		text     string
		headword string
		pos      string
		want     []string
	}{
		{
			name:     "single sense with gloss",
			text:     "foreign //ˈfɑɹɪn// <adj>\nasing\nalien, strange\n",
			headword: "foreign", pos: "adj",
			want: []string{"asing"},
		},
		{
			name:     "numbered senses, gloss lines skipped even with commas",
			text:     "foreign //ˈfɑɹɪn// <adj>\n1. asing\nalien, strange\n2. luar negeri\noriginating from another country\n",
			headword: "foreign", pos: "adj",
			want: []string{"asing", "luar negeri"},
		},
		{
			name:     "numbered senses without glosses",
			text:     "abbreviation //x// <n>\n1. singkatan\n2. abreviasi, penyingkatan\nact of shortening\n",
			headword: "abbreviation", pos: "n",
			want: []string{"singkatan", "abreviasi", "penyingkatan"},
		},
		{
			name:     "stray sense number and empty sense",
			text:     "Adam //ˈæ.dəm// /[ˈæɾm̩]/ <pn>\nAdam 2.\nfirst man in Abrahamic religions\n 3.\nmale given name\n",
			headword: "Adam", pos: "pn",
			want: []string{"Adam"},
		},
		{
			name:     "no pronunciation, no part of speech",
			text:     "at least /at lˈiːst/\nsetidaknya, sekurang-kurangnya\nat a minimum\n",
			headword: "at least", pos: "",
			want: []string{"setidaknya", "sekurang-kurangnya"},
		},
		{
			name:     "multi-word proper noun",
			text:     "North Korea //noɹθ// <pn>\nKorea Utara, Korut\na country in East Asia\n",
			headword: "North Korea", pos: "pn",
			want: []string{"Korea Utara", "Korut"},
		},
		{
			name:     "gloss that looks like a decimal is not a sense",
			text:     "x /x/ <n>\nsatu\n1.5 metres long\n",
			headword: "x", pos: "n",
			want: []string{"satu"},
		},
		{
			name:     "header only",
			text:     "lonely /x/ <adj>\n",
			headword: "lonely", pos: "adj",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, ok := parseArticle(tt.text)
			if !ok {
				t.Fatal("parseArticle returned ok=false")
			}
			if a.headword != tt.headword || a.pos != tt.pos {
				t.Errorf("header = (%q, %q), want (%q, %q)", a.headword, a.pos, tt.headword, tt.pos)
			}
			if !slices.Equal(a.translations, tt.want) {
				t.Errorf("translations = %q, want %q", a.translations, tt.want)
			}
		})
	}
}

func TestParseArticleRejectsEmptyHeader(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"", "\nasing\n", "   /x/ <n>\nasing"} {
		if _, ok := parseArticle(text); ok {
			t.Errorf("parseArticle(%q) ok=true, want false", text)
		}
	}
}

func TestIsAffixEntry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a    article
		want bool
	}{
		{article{headword: "less", pos: "suffix"}, true},
		{article{headword: "self-", pos: "prefix"}, true},
		{article{headword: "-ness"}, true},
		{article{headword: "less", pos: "adj"}, false},
		{article{headword: "self-esteem", pos: "n"}, false},
	}
	for _, tt := range tests {
		if got := tt.a.isAffixEntry(); got != tt.want {
			t.Errorf("%+v.isAffixEntry() = %v, want %v", tt.a, got, tt.want)
		}
	}
}

func FuzzParseArticle(f *testing.F) {
	f.Add("foreign //ˈfɑɹɪn// <adj>\n1. asing\nalien, strange\n2. luar negeri\noriginating from\n")
	f.Add("Adam //ˈæ.dəm// <pn>\nAdam 2.\nfirst man\n 3.\nmale given name\n")
	f.Add("at least /at lˈiːst/\nsetidaknya\n")
	f.Add("12.\n3. 4.\n")
	f.Fuzz(func(t *testing.T, text string) {
		a, ok := parseArticle(text)
		if !ok {
			return
		}
		if a.headword == "" || a.headword != strings.TrimSpace(a.headword) {
			t.Fatalf("bad headword %q", a.headword)
		}
		for _, tr := range a.translations {
			if tr == "" || strings.Contains(tr, ",") || strings.Contains(tr, "\n") {
				t.Fatalf("bad raw translation %q", tr)
			}
			if c, ok := cleanTranslation(tr); ok {
				if !utf8.ValidString(c) || c != strings.ToLower(c) || strings.ContainsAny(c, "|\t\n") || c == "" {
					t.Fatalf("cleanTranslation(%q) = %q: not a valid TSV value", tr, c)
				}
			}
		}
	})
}
