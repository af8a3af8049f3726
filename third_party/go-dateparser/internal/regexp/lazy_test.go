package regexp

// Added for Kabar (see KABAR-PATCH.md): MustCompile compiles on first use,
// so a pattern that does not compile would no longer panic at package
// initialisation. These tests compile every literal pattern in the module
// up front and check the lazy expression behaves as the compiled one.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	stdregex "regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestEveryLiteralPatternCompiles(t *testing.T) {
	root := filepath.Join("..", "..")
	count := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "MustCompile" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			src, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
				return true
			}
			if _, err := stdregex.Compile(src); err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
			}
			count++
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count < 3000 {
		t.Errorf("found %d literal patterns, want the locale data's thousands", count)
	}
}

func TestLazyMatchesCompiled(t *testing.T) {
	const pattern = `(?i)(\A|[^\pL\pM\d_])(\d+[.,]?\d*) (day|week)s? ago(\z|[^\pL\pM\d_])`
	inputs := []string{"3 days ago", "2 Weeks ago.", "a day ago", "", "yesterday"}
	want := stdregex.MustCompile(pattern)
	for _, in := range inputs {
		lazy := MustCompile(pattern)
		eager, err := Compile(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*Regexp{lazy, eager} {
			if got, w := re.ReplaceAllString(in, "${1}-${2}-${3}${4}"), want.ReplaceAllString(in, "${1}-${2}-${3}${4}"); got != w {
				t.Errorf("ReplaceAllString(%q) = %q, want %q", in, got, w)
			}
			if got, w := re.FindStringSubmatchIndex(in), want.FindStringSubmatchIndex(in); len(got) != len(w) {
				t.Errorf("FindStringSubmatchIndex(%q) = %v, want %v", in, got, w)
			}
		}
	}
	if got := MustCompile(pattern).String(); got != pattern {
		t.Errorf("String() = %q, want %q", got, pattern)
	}
}

func TestLazyInvalidPanicsOnUse(t *testing.T) {
	re := MustCompile(`(`) // must not panic yet
	defer func() {
		if recover() == nil {
			t.Error("matching an invalid pattern did not panic")
		}
	}()
	re.MatchString("x")
}

func TestLazyConcurrentFirstUse(t *testing.T) {
	re := MustCompile(`\d+`)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := re.FindString("abc 123 def"); got != "123" {
				t.Errorf("FindString = %q, want 123", got)
			}
		}()
	}
	wg.Wait()
}
