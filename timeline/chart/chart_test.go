package chart

import (
	"bytes"
	"image/png"
	"os"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// The chart of the seed timeline's shape: a PNG of the expected size,
// one row per event. Written to testdata/timeline.png for looking at.
func TestPNG(t *testing.T) {
	evs := []Event{
		{Start: day(2022, 2, 1), End: day(2022, 3, 1), When: "February 2022", Label: "“perang di Ukraina, yang dimulai pada Februari 2022”", Sources: []int{1}},
		{Start: day(2024, 11, 1), End: day(2024, 12, 1), When: "November 2024", Label: "Choe Son Hui met Vladimir Putin and Sergei Lavrov", Sources: []int{6}},
		{Start: day(2025, 6, 1), End: day(2025, 7, 1), When: "June 2025", Label: "Meeting between Kim Jong Un and Sergei Shoigu", Sources: []int{9, 10}},
		{Start: day(2025, 7, 10), End: day(2025, 7, 10), When: "10 July 2025", Label: "Sergei Lavrov met Marco Rubio in Malaysia", Sources: []int{13}},
		{Start: day(2025, 7, 12), End: day(2025, 7, 13), When: "12–13 July 2025", Label: "Kim Jong Un greeted Sergei Lavrov in Wonsan", Sources: []int{15, 16, 17, 18}},
		{Start: day(2025, 9, 3), End: day(2025, 9, 3), When: "3 September 2025", Label: "Vladimir Putin met Kim Jong Un in Beijing", Sources: []int{19}},
		{Start: day(2025, 10, 27), End: day(2025, 10, 27), When: "27 October 2025", Label: "Vladimir Putin welcomed Choe Son Hui in Kremlin", Sources: []int{20}},
	}
	b, err := PNG("Timeline of the coverage", evs)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	if w != widthInch*dpi || h < 300 || h > 2000 {
		t.Errorf("%d×%d px", w, h)
	}
	if len(b) < 10_000 || len(b) > 1<<20 {
		t.Errorf("%d bytes", len(b))
	}
	if err := os.WriteFile("testdata/timeline.png", b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := PNG("x", nil); err == nil {
		t.Error("no events drew a chart")
	}
}
