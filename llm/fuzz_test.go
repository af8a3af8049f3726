package llm

import (
	"bytes"
	"testing"
	"time"
)

// cacheSeed is a valid two-record cache file of model "m".
func cacheSeed() []byte {
	data := cacheHeader("m")
	data = encodeRecord(data, keyOf("satu"), []float32{1, 2, 3})
	return encodeRecord(data, keyOf("dua"), []float32{4, 5, 6})
}

func FuzzDecodeCache(f *testing.F) {
	seed := cacheSeed()
	f.Add(seed)
	f.Add(seed[:len(seed)-7])
	f.Add(cacheHeader("m")[:5])
	f.Add([]byte("not a cache"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lc, err := decodeCache(bytes.NewReader(data), "m")
		if lc.good < 0 || lc.good > int64(len(data)) {
			t.Fatalf("good prefix %d of %d bytes", lc.good, len(data))
		}
		if err != nil {
			return
		}
		for _, v := range lc.vectors {
			if len(v) != lc.dim {
				t.Fatalf("vector of %d values in a %d-dimensional cache", len(v), lc.dim)
			}
		}
		// The good prefix alone loads to the same cache.
		again, err := decodeCache(bytes.NewReader(data[:lc.good]), "m")
		if err != nil || again.good != lc.good || len(again.vectors) != len(lc.vectors) {
			t.Fatalf("reloading the good prefix: %d vectors, good %d, %v; first load %d vectors, good %d",
				len(again.vectors), again.good, err, len(lc.vectors), lc.good)
		}
	})
}

func TestDecodeCacheSeed(t *testing.T) {
	t.Parallel()
	seed := cacheSeed()
	lc, err := decodeCache(bytes.NewReader(seed), "m")
	if err != nil || lc.dim != 3 || len(lc.vectors) != 2 || lc.good != int64(len(seed)) || lc.vectors[keyOf("dua")][2] != 6 {
		t.Errorf("decoded %+v, %v", lc, err)
	}
	if _, err := decodeCache(bytes.NewReader(seed), "other"); err == nil {
		t.Error("cache of model m accepted for model other")
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2025, 7, 12, 10, 0, 0, 0, time.UTC)
	for _, s := range []string{"0", "3", "1.5", "-1", "120", "NaN", "Inf", "1e300", "Sat, 12 Jul 2025 10:00:05 GMT", "Sat, 12 Jul 2025 09:00:00 GMT", "soon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if d, ok := parseRetryAfter(v, now); ok && d < 0 {
			t.Fatalf("parseRetryAfter(%q) = %v", v, d)
		}
	})
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 7, 12, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{"1.5", 1500 * time.Millisecond, true},
		{"Sat, 12 Jul 2025 10:00:05 GMT", 5 * time.Second, true},
		{"Sat, 12 Jul 2025 09:00:00 GMT", 0, true},
		{"-1", 0, false},
		{"NaN", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		if got, ok := parseRetryAfter(tt.in, now); got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestScrubber(t *testing.T) {
	t.Parallel()
	s := scrubber{secrets: []string{"hunter2"}}
	tests := map[string]string{
		"password hunter2 here":                   "password [REDACTED] here",
		"Authorization: Bearer abc.def":           "Authorization: Bearer [REDACTED]",
		"key sk-proj-abcdefghijkl rejected":       "key sk-[REDACTED] rejected",
		"task-12345678 and ask-abcdefghij are ok": "task-12345678 and ask-abcdefghij are ok",
	}
	for in, want := range tests {
		if got := s.text(in); got != want {
			t.Errorf("scrub(%q) = %q, want %q", in, got, want)
		}
	}
}
