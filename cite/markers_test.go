package cite

import (
	"reflect"
	"testing"
)

func TestParseSentences(t *testing.T) {
	t.Parallel()
	type sent struct {
		text    string
		markers []int
		parts   [][]int // markers of each part
		line    int
	}
	tests := []struct {
		name   string
		answer string
		want   []sent
	}{
		{"one marker", "North Korea sent troops [1].", []sent{{"North Korea sent troops.", []int{1}, [][]int{{1}}, 0}}},
		{"comma list", "North Korea sent troops [1, 2].", []sent{{"North Korea sent troops.", []int{1, 2}, [][]int{{1, 2}}, 0}}},
		{"adjacent markers", "North Korea sent troops [1][2].", []sent{{"North Korea sent troops.", []int{1, 2}, [][]int{{1, 2}}, 0}}},
		{"spaced markers", "North Korea sent troops [1] [2], [3].", []sent{{"North Korea sent troops.", []int{1, 2, 3}, [][]int{{1, 2, 3}}, 0}}},
		{"after the full stop", "Lavrov arrived. [1] Kim met him. [2][3]", []sent{
			{"Lavrov arrived.", []int{1}, [][]int{{1}}, 0},
			{"Kim met him.", []int{2, 3}, [][]int{{2, 3}}, 0},
		}},
		{"stray full stop after the marker", "Lavrov arrived. [1]. Kim met him [2].", []sent{
			{"Lavrov arrived.", []int{1}, [][]int{{1}}, 0},
			{"Kim met him.", []int{2}, [][]int{{2}}, 0},
		}},
		{"clauses", "One report says 6,000 [1], another says 10,000 [2].", []sent{
			{"One report says 6,000, another says 10,000.", []int{1, 2}, [][]int{{1}, {2}}, 0},
		}},
		{"uncited clause joins the cited one", "North Korea sent 10,000 troops [1] and promised 9,000 engineers.", []sent{
			{"North Korea sent 10,000 troops and promised 9,000 engineers.", []int{1}, [][]int{{1}}, 0},
		}},
		{"leading marker", "[2] Lavrov arrived in Wonsan.", []sent{{"Lavrov arrived in Wonsan.", []int{2}, [][]int{{2}}, 0}}},
		{"no marker", "The reports differ:", []sent{{"The reports differ:", nil, [][]int{nil}, 0}}},
		{"range and labels", "Kim met Lavrov [1-3]. Choe signed [Source 4; sumber 5].", []sent{
			{"Kim met Lavrov.", []int{1, 2, 3}, [][]int{{1, 2, 3}}, 0},
			{"Choe signed.", []int{4, 5}, [][]int{{4, 5}}, 0},
		}},
		{"bracketed year is text", "The plan covers [2026] exchanges [1].", []sent{{"The plan covers [2026] exchanges.", []int{1}, [][]int{{1}}, 0}}},
		{"decimal and thousands dots", "Korut mengirim 6.000 insinyur dan 2.5 ton [1].", []sent{{"Korut mengirim 6.000 insinyur dan 2.5 ton.", []int{1}, [][]int{{1}}, 0}}},
		{"initials and abbreviations", "The U.S. State Department and Dr. Kim spoke [1]. Then Lavrov left [2].", []sent{
			{"The U.S. State Department and Dr. Kim spoke.", []int{1}, [][]int{{1}}, 0},
			{"Then Lavrov left.", []int{2}, [][]int{{2}}, 0},
		}},
		{"lower case after a full stop", "It was approx. six weeks [1].", []sent{{"It was approx. six weeks.", []int{1}, [][]int{{1}}, 0}}},
		{"quotes", "“Korut juga setuju.” [1] “Pemerintah Kim berjanji.” [2]", []sent{
			{"“Korut juga setuju.”", []int{1}, [][]int{{1}}, 0},
			{"“Pemerintah Kim berjanji.”", []int{2}, [][]int{{2}}, 0},
		}},
		{"lists and lines", "Two reports:\n\n- Kim met Lavrov [1]\n- Choe signed a plan [2]\n1. Third [3]", []sent{
			{"Two reports:", nil, [][]int{nil}, 0},
			{"Kim met Lavrov", []int{1}, [][]int{{1}}, 2},
			{"Choe signed a plan", []int{2}, [][]int{{2}}, 3},
			{"Third", []int{3}, [][]int{{3}}, 4},
		}},
		{"question and ellipsis", "Did Kim go? Yes... he did [1]! Then [2]", []sent{
			{"Did Kim go?", nil, [][]int{nil}, 0},
			{"Yes... he did!", []int{1}, [][]int{{1}}, 0},
			{"Then", []int{2}, [][]int{{2}}, 0},
		}},
		{"markers only", "[1][2]\n\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := ParseSentences(tc.answer)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d sentences %+v; want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || !reflect.DeepEqual(g.Markers, w.markers) || g.Line != w.line {
					t.Errorf("sentence %d = %q %v line %d; want %q %v line %d", i, g.Text, g.Markers, g.Line, w.text, w.markers, w.line)
				}
				var parts [][]int
				for _, p := range g.Parts {
					parts = append(parts, p.Markers)
				}
				if !reflect.DeepEqual(parts, w.parts) {
					t.Errorf("sentence %d parts' markers = %v; want %v", i, parts, w.parts)
				}
				if g.Start < 0 || g.End > len(tc.answer) || g.Start > g.End {
					t.Errorf("sentence %d has span [%d:%d] outside the answer", i, g.Start, g.End)
				}
			}
		})
	}
}

func TestRenumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		order    []int
	}{
		{"A [3]. B [1][3]. C [5, 3].", "A [1]. B [2][1]. C [3][1].", []int{3, 1, 5}},
		{"A [1]. B [2].", "A [1]. B [2].", []int{1, 2}},
		{"A [2-4].", "A [1][2][3].", []int{2, 3, 4}},
		{"No markers.", "No markers.", nil},
	}
	for _, tc := range tests {
		got, order := Renumber(tc.in)
		if got != tc.want || !reflect.DeepEqual(order, tc.order) {
			t.Errorf("Renumber(%q) = %q %v; want %q %v", tc.in, got, order, tc.want, tc.order)
		}
	}
}

func TestStripMarkers(t *testing.T) {
	t.Parallel()
	if got := StripMarkers("Insinyur dan pekerja [1], lalu  [2][3] pulang."); got != "Insinyur dan pekerja , lalu pulang." {
		t.Errorf("got %q", got)
	}
}
