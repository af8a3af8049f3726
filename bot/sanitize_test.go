package bot

import "testing"

func TestPlainStripsInvisibleCharacters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Kim \u202Egnp.exe\u202C tiba", "Kim gnp.exe tiba"},
		{"Lav\u200Brov", "Lavrov"},
		{"\uFEFFJudul\u2066 isolasi\u2069", "Judul isolasi"},
		{"[klik](https://evil.example)", "[klik] (https://evil.example)"},
		{"Korea Utara — 6.000 insinyur", "Korea Utara — 6.000 insinyur"},
	} {
		if got := plain(tc.in); got != tc.want {
			t.Errorf("plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := oneLine(tc.in); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
