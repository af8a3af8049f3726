package main

import "testing"

func TestCleanTranslation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{in: "Korea Utara", want: "korea utara", ok: true},
		{in: "  luar   negeri ", want: "luar negeri", ok: true},
		{in: "[[adik laki-laki]]", want: "adik laki-laki", ok: true},
		{in: "[[suam-suam]] kuku", want: "suam-suam kuku", ok: true},
		{in: "apakah anda berbicara bahasa Inggris?", want: "apakah anda berbicara bahasa inggris", ok: true},
		{in: "AS", want: "as", ok: true},
		{in: "dolar AS", want: "dolar as", ok: true},
		{in: "ke-10", want: "ke-10", ok: true},
		{in: "[[kemudi|mengemudi(kan)]]", ok: false},
		{in: "(orang) brengsek", ok: false},
		{in: "berdasarkan eksperimen / percobaan", ok: false},
		{in: "/ˈfɑɹɪn/", ok: false},
		{in: "ˈasing", ok: false},
		{in: "em-", ok: false},
		{in: "-an", ok: false},
		{in: "having a specified number of centres", ok: false},
		{in: "used to form nouns", ok: false},
		{in: "...", ok: false},
		{in: "a\x00b", ok: false},
		{in: "\xff", ok: false},
	}
	for _, tt := range tests {
		got, ok := cleanTranslation(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("cleanTranslation(%q) = (%q, %v), want (%q, %v)", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormaliseHeadword(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{in: "North  Korea", want: "north korea", ok: true},
		{in: "Washington, D.C.", want: "washington, d.c.", ok: true},
		{in: "a|b", ok: false},
		{in: "a\tb", ok: false},
		{in: "   ", ok: false},
	}
	for _, tt := range tests {
		got, ok := normaliseHeadword(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("normaliseHeadword(%q) = (%q, %v), want (%q, %v)", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzCleanTranslation(f *testing.F) {
	for _, s := range []string{"Korea Utara", "[[adik laki-laki]]", "(orang) brengsek", "ke-10", "em-", "used to form"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := cleanTranslation(in)
		if !ok {
			return
		}
		again, ok2 := cleanTranslation(got)
		if !ok2 || again != got {
			t.Fatalf("not idempotent: %q -> %q -> (%q, %v)", in, got, again, ok2)
		}
	})
}
