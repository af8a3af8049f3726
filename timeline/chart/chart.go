// Package chart draws a timeline as a PNG with gonum/plot: one row per
// event, oldest at the top, a dot on a date axis (a bar for an event over
// several days, a bar over the month or year for an event dated only that
// precisely), labelled with the event and its source numbers.
package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"
	"time"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Event is one row of the chart.
type Event struct {
	Start, End time.Time // End after Start for a span (a range of days, a month, a year); equal for a day
	When       string    // the date as people read it ("12–13 July 2025")
	Label      string    // what happened
	Sources    []int     // citation numbers
}

// Limits of a chart.
const (
	MaxEvents  = 20 // rows drawn
	maxLabel   = 90 // characters of a label
	widthInch  = 11
	rowInch    = 0.42
	marginInch = 1.1
	dpi        = 96
)

// Colours: events dated to the day, and events dated less precisely.
var (
	dayColor  = color.RGBA{R: 0x2b, G: 0x6c, B: 0xb0, A: 0xff}
	spanColor = color.RGBA{R: 0xd6, G: 0x9e, B: 0x2e, A: 0xff}
	gridColor = color.Gray{Y: 0xdd}
)

// PNG draws events (at most MaxEvents, oldest first) under title.
func PNG(title string, events []Event) ([]byte, error) {
	if len(events) == 0 {
		return nil, fmt.Errorf("chart: no events to draw")
	}
	if len(events) > MaxEvents {
		events = events[:MaxEvents]
	}
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.X.Tick.Marker = plot.TimeTicks{Format: "Jan 2006"}
	p.X.Tick.Label.Font.Size = vg.Points(9)
	p.Y.Tick.Marker = plot.ConstantTicks(nil)
	p.Y.LineStyle.Width = 0
	p.Y.Padding = 0
	p.Add(plotter.NewGrid())

	first, last := events[0].Start, events[0].End
	for _, e := range events {
		if e.Start.Before(first) {
			first = e.Start
		}
		if e.End.After(last) {
			last = e.End
		}
	}
	span := last.Sub(first)
	if span < 30*24*time.Hour {
		span = 30 * 24 * time.Hour
	}
	// Room on both sides for labels that run left of late events and
	// right of early ones.
	p.X.Min = float64(first.Add(-span / 20).Unix())
	p.X.Max = float64(last.Add(span / 20).Unix())
	n := len(events)
	p.Y.Min, p.Y.Max = -0.8, float64(n)-0.2

	var labels plotter.XYLabels
	var styles []text.Style
	mid := (p.X.Min + p.X.Max) / 2
	for i, e := range events {
		y := float64(n - 1 - i) // oldest on top
		x0, x1 := float64(e.Start.Unix()), float64(e.End.Unix())
		c := dayColor
		if x1 > x0+86400*1.5 {
			c = spanColor
		}
		if x1 > x0 {
			bar, err := plotter.NewLine(plotter.XYs{{X: x0, Y: y}, {X: x1, Y: y}})
			if err != nil {
				return nil, err
			}
			bar.LineStyle.Width = vg.Points(6)
			bar.LineStyle.Color = c
			p.Add(bar)
		}
		dot, err := plotter.NewScatter(plotter.XYs{{X: x0, Y: y}})
		if err != nil {
			return nil, err
		}
		dot.GlyphStyle.Shape = draw.CircleGlyph{}
		dot.GlyphStyle.Radius = vg.Points(4)
		dot.GlyphStyle.Color = c
		p.Add(dot)

		label := e.When + " — " + truncate(e.Label, maxLabel) + " " + markers(e.Sources)
		st := text.Style{Color: color.Black, Font: font.From(plot.DefaultFont, vg.Points(9)), Handler: p.Title.TextStyle.Handler, YAlign: draw.YCenter}
		at := x1
		st.XAlign = draw.XLeft
		if x0 > mid {
			st.XAlign, at = draw.XRight, x0
			label = truncate(e.Label, maxLabel) + " " + markers(e.Sources) + " — " + e.When
		}
		labels.XYs = append(labels.XYs, plotter.XY{X: at, Y: y})
		labels.Labels = append(labels.Labels, label)
		styles = append(styles, st)
	}
	lb, err := plotter.NewLabels(labels)
	if err != nil {
		return nil, err
	}
	lb.TextStyle = styles
	lb.Offset = vg.Point{X: vg.Points(8)}
	p.Add(&offsetLabels{lb})

	height := vg.Length(float64(n)*rowInch+marginInch) * vg.Inch
	c := vgimg.NewWith(vgimg.UseWH(widthInch*vg.Inch, height), vgimg.UseDPI(dpi))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return buf.Bytes(), nil
}

// offsetLabels moves right-aligned labels left of their point and
// left-aligned ones right of it.
type offsetLabels struct{ *plotter.Labels }

func (l *offsetLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, label := range l.Labels.Labels {
		pt := vg.Point{X: trX(l.XYs[i].X), Y: trY(l.XYs[i].Y)}
		if !c.Contains(pt) {
			continue
		}
		if l.TextStyle[i].XAlign == draw.XRight {
			pt.X -= l.Offset.X
		} else {
			pt.X += l.Offset.X
		}
		c.FillText(l.TextStyle[i], pt, label)
	}
}

// DataRange keeps the labels from widening the axes.
func (l *offsetLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	return l.Labels.DataRange()
}

func markers(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
