package main

import (
	"strings"
	"testing"
)

func TestDecodeNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{in: "A", want: 0},
		{in: "B", want: 1},
		{in: "/", want: 63},
		{in: "BA", want: 64},
		{in: "RL", want: 17*64 + 11},
		{in: "D7v7", want: 3*64*64*64 + 59*64*64 + 47*64 + 59},
		{in: "", wantErr: true},
		{in: "A=", wantErr: true},
		{in: "AAAAAAAAAAA", wantErr: true},
	}
	for _, tt := range tests {
		got, err := decodeNumber(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("decodeNumber(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("decodeNumber(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestParseIndex(t *testing.T) {
	t.Parallel()
	got, err := parseIndex(strings.NewReader("00databaseinfo\tA\tRL\n\nnorth korea\tmL\tCn\n"))
	if err != nil {
		t.Fatalf("parseIndex: %v", err)
	}
	want := []indexEntry{{"00databaseinfo", 0, 1099}, {"north korea", 2443, 167}}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseIndexRejectsMalformedLines(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"key\tA\n", "key\tA\tB\tC\n", "key\t!\tB\n", "key\tA\t\n"} {
		if _, err := parseIndex(strings.NewReader(in)); err == nil {
			t.Errorf("parseIndex(%q) succeeded, want error", in)
		}
	}
}

func FuzzParseIndex(f *testing.F) {
	f.Add("about\tRL\tCB\nabout\tTM\tDY\n")
	f.Add("00databaseinfo\tA\tRL\n")
	f.Add("x\t/////\tA\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := parseIndex(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.offset < 0 || e.length < 0 {
				t.Fatalf("negative range in %+v", e)
			}
			if strings.Contains(e.key, "\t") {
				t.Fatalf("key with tab: %q", e.key)
			}
		}
	})
}
