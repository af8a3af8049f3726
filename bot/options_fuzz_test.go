package bot

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

// FuzzCommandOptions feeds arbitrary interaction data (as Discord would
// deliver it, JSON) to the option readers every command uses: no input
// panics them, and what they return is what the payload held.
func FuzzCommandOptions(f *testing.F) {
	for _, seed := range []string{
		`{"name":"ask","options":[{"name":"question","type":3,"value":"Berapa tentara?"},{"name":"private","type":5,"value":true}]}`,
		`{"name":"source","options":[{"name":"doc","type":3,"value":"001_a0a4439ec23291f3"},{"name":"paragraph","type":4,"value":1e300}]}`,
		`{"name":"ask","options":[{"name":"question","type":3,"value":12}]}`,
		`{"name":"check","options":[{"name":"claim","type":3,"value":null}]}`,
		`{"name":"summary","options":[{"name":"topic","type":3,"value":"  \u0000 "},{"name":"article","type":3,"focused":true,"value":""}]}`,
		`{"options":[{"name":"question","type":1,"options":[{"name":"question","value":"nested"}]}]}`,
		`{}`, `null`, `[]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var d discordgo.ApplicationCommandInteractionData
		if json.Unmarshal(raw, &d) != nil {
			return
		}
		for _, name := range []string{"question", "private", "topic", "article", "claim", "doc", "paragraph"} {
			s := optString(d, name)
			if o := d.GetOption(name); o == nil && s != "" {
				t.Errorf("optString(%q) = %q for a missing option", name, s)
			}
			optBool(d, name)
			optInt(d, name)
		}
	})
}

// FuzzCitationField reads arbitrary embed fields back as citations, as
// "Check citations" does with a message it no longer remembers, and
// restores them from the real index: never a panic, and a restored quote is
// always the article's text at the stated offsets.
func FuzzCitationField(f *testing.F) {
	lex, err := lexicon.New()
	if err != nil {
		f.Fatal(err)
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: seeds.FS, DataDir: f.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("[1] Lavrov Rusia Temui Kim Jong Un", "> Korut juga setuju mengirim 6.000 insinyur\n`002_546dc01b2ce7994a` ¶8 · 1206–1304")
	f.Add("[2] Pemimpin Korut", "2025-07-14\n> Pemerintah Kim\n`001_a0a4439ec23291f3` ¶13 · 2569–2724")
	f.Add("[3] x", "`001_a0a4439ec23291f3` ¶-1 · 2724–2569")
	f.Add("[9] y", "`002_546dc01b2ce7994a` ¶1 · 1207–1208") // inside a UTF-8 sequence or not: must not matter
	f.Add("[1] z", "`nope` ¶1 · 0–99999999999999999999")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, name, value string) {
		c, ok := parseCitationField(&discordgo.MessageEmbedField{Name: name, Value: value})
		if !ok {
			return
		}
		full, ok := restoreCitation(c, ix)
		if !ok {
			return
		}
		doc, _ := ix.Document(full.Doc)
		if doc.Text[full.ByteStart:full.ByteEnd] != full.Quote {
			t.Fatalf("restored quote is not the article text at %d–%d", full.ByteStart, full.ByteEnd)
		}
		checkLimits(t, renderSources([]answer.Citation{full}))
	})
}
