package main

import (
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// series is one line of the scaling chart: a benchmark and the metric
// plotted from it, in milliseconds.
type series struct {
	label  string
	bench  string // with %s for the size, e.g. "Search/chunks=%s/lexical"
	unit   string // "ns/op" or a millisecond metric such as "p50-ms"
	colour color.RGBA
	dashed bool
}

func chartSeries() []series {
	return []series{
		{"chromem-go Query", "VectorRatio/chunks=%s", "chromem-ms", color.RGBA{200, 60, 50, 255}, false},
		{"floor (bandwidth: sum of the matrix, all cores)", "VectorRatio/chunks=%s", "floor-ms", color.RGBA{90, 90, 90, 255}, true},
		{"Kabar vector scan, all cores", "VectorRatio/chunks=%s", "scan-ms", color.RGBA{40, 110, 200, 255}, false},
		{"scalar scan, one core", "VectorRatio/chunks=%s", "scalar-ms", color.RGBA{140, 170, 220, 255}, true},
		{"Kabar fused (p50)", "Search/chunks=%s/fused", "p50-ms", color.RGBA{120, 60, 170, 255}, false},
		{"Kabar ask, end to end (p50)", "Ask/chunks=%s", "p50-ms", color.RGBA{230, 140, 20, 255}, false},
		{"Kabar lexical (p50)", "Search/chunks=%s/lexical", "p50-ms", color.RGBA{30, 150, 80, 255}, false},
	}
}

// size is an index size the query benchmarks run at.
type size struct {
	name   string // as in benchmark names: "100k"
	chunks float64
}

func chunkSizes() []size { return []size{{"1k", 1e3}, {"10k", 1e4}, {"100k", 1e5}} }

// ms reads a metric in milliseconds.
func (r results) ms(name, unit string) (float64, bool) {
	v, ok := r.get(name, unit)
	if ok && unit == "ns/op" {
		v /= 1e6
	}
	return v, ok
}

// writeChart draws query time against index size, both on log scales.
func writeChart(r results, path string) error {
	p := plot.New()
	p.Title.Text = "Query time against index size (2 shared cores)"
	p.X.Label.Text = "chunks in the index"
	p.Y.Label.Text = "milliseconds per question"
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker = fixedTicks{1e3, 1e4, 1e5}
	p.Y.Tick.Marker = fixedTicks{0.1, 1, 10, 100}
	p.Legend.Top, p.Legend.Left = true, true
	// Room above the lines for the legend.
	p.Y.Min, p.Y.Max = 0.1, 1000
	p.Add(plotter.NewGrid())
	for _, s := range chartSeries() {
		var pts plotter.XYs
		for _, size := range chunkSizes() {
			if v, ok := r.ms(fmtName(s.bench, size.name), s.unit); ok && v > 0 {
				pts = append(pts, plotter.XY{X: size.chunks, Y: v})
			}
		}
		if len(pts) == 0 {
			continue
		}
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return err
		}
		line.Color, points.Color = s.colour, s.colour
		line.Width = vg.Points(1.5)
		points.Shape = draw.CircleGlyph{}
		if s.dashed {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
		p.Add(line, points)
		p.Legend.Add(s.label, line, points)
	}
	return p.Save(7*vg.Inch, 4.5*vg.Inch, path)
}

// fixedTicks labels powers of ten plainly (1k, 10k; 0.1, 1, 10).
type fixedTicks []float64

func (t fixedTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, v := range t {
		if v >= min && v <= max {
			out = append(out, plot.Tick{Value: v, Label: tickLabel(v)})
		}
	}
	return out
}

func tickLabel(v float64) string {
	switch {
	case v >= 1e3:
		return strconv.FormatFloat(v/1e3, 'f', -1, 64) + "k"
	default:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
}
