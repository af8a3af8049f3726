package lexicon

import "strings"

// markSetting marks the names and things of a wh-question's fronted clause of time,
// the words from an opening "before", "after", "since", "during" (or
// Indonesian "sebelum", "setelah", "sesudah", "sejak", "selama") to the
// first comma: "before the wonsan trip, when had choe son hui last been in
// moscow?" asks about Choe in Moscow; the trip only dates it.
func markSetting(q *Query, question string, toks []Token) {
	if q.Polar || len(toks) < 4 {
		return
	}
	switch toks[0].Norm {
	case "before", "after", "since", "during", "sebelum", "setelah", "sesudah", "sejak", "selama":
	default:
		return
	}
	end := -1
	for i := 1; i+1 < len(toks); i++ {
		if strings.Contains(question[toks[i].End:toks[i+1].Start], ",") {
			end = i
			break
		}
	}
	if end < 0 {
		return
	}
	for k := range q.Concepts {
		if q.Concepts[k].last <= end {
			// The clause's things too ("the wonsan trip"): the event they
			// date may be told without them.
			q.Concepts[k].Setting = true
			q.Concepts[k].Salient = false
		}
	}
}
