package answer

import "testing"

// TestMeasureOf labels what a figure's phrase measures: figures of two
// measures are never two outlets' versions of one fact.
func TestMeasureOf(t *testing.T) {
	for phrase, want := range map[string]string{
		"sekitar 90 kilometer persegi": "area or volume",
		"35 square miles":              "area or volume",
		"90 kilometer":                 "length",
		"hingga 40% amunisi":           "share",
		"10 persen":                    "share",
		"sekitar 6.000 insinyur":       "count",
		"more than 6,000 soldiers":     "count",
	} {
		if got := measureOf(phrase); got != want {
			t.Errorf("measureOf(%q) = %q, want %q", phrase, got, want)
		}
	}
}
