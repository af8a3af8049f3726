// ORIGINAL: Protobuf model in proto/dom_distiller.proto

// Copyright (c) 2020 Markus Mobius
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.

package data

import "time"

type TimingEntry struct {
	Name string
	Time time.Duration
}

type TimingInfo struct {
	MarkupParsingTime        time.Duration
	DocumentConstructionTime time.Duration
	ArticleProcessingTime    time.Duration
	FormattingTime           time.Duration
	TotalTime                time.Duration

	// A place to hold arbitrary breakdowns of time. The perf scoring/server
	// should display these entries with appropriate names.
	OtherTimes []TimingEntry
}

func (ti *TimingInfo) AddEntry(start time.Time, name string) {
	if ti == nil {
		return
	}

	ti.OtherTimes = append(ti.OtherTimes, TimingEntry{
		Name: name,
		Time: time.Since(start),
	})
}
