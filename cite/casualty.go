package cite

import "fmt"

// casualtyWords sort what befell people in war news into kinds that
// exclude each other: killed is not wounded, captured or missing.
var casualtyWords = map[string]string{
	"killed": "dead", "dead": "dead", "died": "dead", "die": "dead", "deaths": "dead", "death": "dead", "fatalities": "dead",
	"tewas": "dead", "meninggal": "dead", "terbunuh": "dead", "gugur": "dead", "mati": "dead", "kematian": "dead",
	"wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded",
	"terluka": "wounded", "luka": "wounded", "cedera": "wounded",
	"captured": "captured", "imprisoned": "captured", "prisoners": "captured", "ditangkap": "captured", "ditawan": "captured", "tawanan": "captured",
	"missing": "missing", "hilang": "missing",
}

// ruleCasualty: "600 wounded" is not "600 di antaranya dilaporkan
// tewas". The claim's kind of casualty against the sentence's: another
// kind and not the claim's is another fact.
func ruleCasualty(v *Verifier, c *claim, w *window) *finding {
	want, said := "", ""
	for _, t := range c.toks {
		if k := casualtyWords[t.Norm]; k != "" {
			if want != "" && want != k {
				return nil // the claim tells two kinds ("killed or wounded")
			}
			want, said = k, t.Text
		}
	}
	if want == "" {
		return nil
	}
	other := ""
	for _, t := range w.toks {
		k := casualtyWords[t.Norm]
		if k == want {
			return nil
		}
		if k != "" && other == "" {
			other = t.Text
			w.conflictAt = t.Start
		}
	}
	if other == "" {
		return nil
	}
	return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage says %s", said, other)}
}
