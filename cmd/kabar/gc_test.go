package main

import "testing"

func TestOneShot(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want bool
	}{
		{"ask", []string{"kabar", "ask", "q"}, nil, true},
		{"serve lives long", []string{"kabar", "serve"}, nil, false},
		{"index allocates in proportion to the corpus", []string{"kabar", "index"}, nil, false},
		{"eval answers many questions", []string{"kabar", "eval"}, nil, false},
		{"no command", []string{"kabar"}, nil, false},
		{"GOGC set", []string{"kabar", "ask", "q"}, map[string]string{"GOGC": "100"}, false},
		{"GOMEMLIMIT set", []string{"kabar", "ask", "q"}, map[string]string{"GOMEMLIMIT": "2GiB"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := oneShot(tc.args, func(k string) string { return tc.env[k] }); got != tc.want {
				t.Errorf("oneShot(%q) = %v, want %v", tc.args, got, tc.want)
			}
		})
	}
}
