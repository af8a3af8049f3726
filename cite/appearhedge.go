package cite

import "github.com/kabar-bot/kabar/lexicon"

// appearVerbs hedge what follows their "to" ("appeared to show",
// "seems to confirm"; the passages' calque "muncul untuk menunjukkan"):
// the writer says only how it looks, as "tampaknya" does.
var appearVerbs = map[string]bool{
	"appear": true, "appears": true, "appeared": true, "seem": true, "seems": true, "seemed": true,
	"muncul": true, "tampak": true,
}

// appearHedgeAt reports an appearance verb at token j followed by its
// "to" ("untuk").
func appearHedgeAt(toks []lexicon.Token, j int) bool {
	return appearVerbs[toks[j].Norm] && j+1 < len(toks) && (toks[j+1].Norm == "to" || toks[j+1].Norm == "untuk")
}
