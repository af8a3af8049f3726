package fakeopenai

import (
	"strings"
	"testing"
)

const engineers = "Korut juga setuju mengirim 6.000 insinyur dan pekerja militer untuk membantu rekonstruksi di sana."

func TestEntailsRule(t *testing.T) {
	t.Parallel()
	soldiers := "Sejak itu, Korea Utara telah mengirimkan sekitar 10.000 pasukan untuk bergabung dengan perang Rusia melawan Ukraina, setidaknya 600 di antaranya dilaporkan tewas dalam pertempuran, menurut perkiraan dari Seoul dan Kyiv."
	tests := []struct {
		claim, passage string
		want           bool
	}{
		{"North Korea agreed to send 6,000 engineers.", engineers, true},
		{"Korut setuju mengirim 6000 insinyur.", engineers, true},
		{"North Korea agreed to send 60,000 engineers.", engineers, false},      // number
		{"North Korea agreed to send about 6,000 engineers.", engineers, false}, // qualifier the passage lacks
		{"North Korea did not agree to send 6,000 engineers.", engineers, false},
		{"North Korea may send 6,000 engineers.", engineers, false},
		{"North Korea agreed to send 6,000 engineers to Ukraine.", engineers, false}, // a name the passage lacks
		{"At least 600 North Korean soldiers were reportedly killed, according to Seoul and Kyiv.", soldiers, true},
		{"Exactly 600 North Korean soldiers were killed.", soldiers, false},
		{"600 North Korean soldiers were killed, according to Seoul and Kyiv.", soldiers, false}, // drops "at least"
		{"About 10,000 North Korean troops joined the war.", soldiers, true},
		{"More than 10,000 North Korean troops joined the war.", soldiers, false},
	}
	for _, tt := range tests {
		if got, why := Entails(tt.claim, []string{tt.passage}); got != tt.want {
			t.Errorf("Entails(%q) = %v (%s); want %v", tt.claim, got, why, tt.want)
		}
	}
}

func TestWithEntailmentAnswersOnlyTheCheck(t *testing.T) {
	t.Parallel()
	prompt := "Check.\n\n<<<CLAIM 1>>>\nNorth Korea agreed to send 6,000 engineers.\n<<<END CLAIM 1>>>\n<<<PASSAGE 1.1>>>\nTitle: x\n" + engineers +
		"\n<<<END PASSAGE 1.1>>>\n\n<<<CLAIM 2>>>\nNorth Korea agreed to send 9,000 engineers.\n<<<END CLAIM 2>>>\n<<<PASSAGE 2.1>>>\nTitle: x\n" + engineers +
		"\n<<<END PASSAGE 2.1>>>\n\nReply with JSON only: {\"verdicts\": []}"
	h := WithEntailment(nil)
	got := h(ChatRequest{Messages: []Message{{Role: "user", Content: prompt}}}).Text
	if !strings.Contains(got, `{"claim":1,"entailed":true`) || !strings.Contains(got, `{"claim":2,"entailed":false`) {
		t.Errorf("verdicts = %s", got)
	}
	if other := h(ChatRequest{Messages: []Message{{Role: "user", Content: "hello"}}}).Text; other != "fake reply: hello" {
		t.Errorf("a non-check request got %q", other)
	}
}

// TestEntailsAfterReadsOnlyThePronoun: the sentence before a passage names
// who its pronoun is, and nothing more.
func TestEntailsAfterReadsOnlyThePronoun(t *testing.T) {
	t.Parallel()
	passage := "Ia bertemu Kim Jong Un di Wonsan."
	before := "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Korea Utara pada hari Jumat bersama Choe Son Hui."
	tests := []struct {
		name, claim, before string
		want                bool
	}{
		{"pronoun read by the sentence before", "Sergei Lavrov met Kim Jong Un in Wonsan.", before, true},
		{"no sentence before", "Sergei Lavrov met Kim Jong Un in Wonsan.", "", false},
		{"someone else the sentence before names", "Choe Son Hui met Kim Jong Un in Wonsan.", before, false},
		{"a fact only the sentence before states", "Sergei Lavrov met Kim Jong Un in North Korea.", before, false},
		{"the passage names its own actor", "Sergei Lavrov met Kim Jong Un in Wonsan.", before, false},
	}
	for _, tt := range tests {
		p := passage
		if tt.name == "the passage names its own actor" {
			p = "Choe bertemu Kim Jong Un di Wonsan."
		}
		if got, why := EntailsAfter(tt.claim, []string{p}, []string{tt.before}); got != tt.want {
			t.Errorf("%s: EntailsAfter(%q) = %v (%s); want %v", tt.name, tt.claim, got, why, tt.want)
		}
	}
}

func TestParseEntailmentBefore(t *testing.T) {
	t.Parallel()
	prompt := "<<<CLAIM 1>>>\nx\n<<<END CLAIM 1>>>\n<<<PASSAGE 1.1>>>\nTitle: t\na\n<<<END PASSAGE 1.1>>>\n<<<BEFORE 1.2>>>\nprev\n<<<END BEFORE 1.2>>>\n<<<PASSAGE 1.2>>>\nTitle: t\nb\n<<<END PASSAGE 1.2>>>\n\"verdicts\""
	items := ParseEntailment(prompt)
	if len(items) != 1 || len(items[0].Befores) != 2 || items[0].Befores[0] != "" || items[0].Befores[1] != "prev" {
		t.Errorf("items = %+v", items)
	}
}

// TestEntailsQuotedSides: a quote's "kami" is the speaker's side (one
// country), its "Anda" a side the sentence before names; the sentence
// before's quoted speaker is who "ujarnya" is.
func TestEntailsQuotedSides(t *testing.T) {
	t.Parallel()
	quote := "“Saya ingin mencatat bahwa kami tidak akan pernah melupakan pengorbanan yang telah dialami oleh angkatan bersenjata Anda,” ujar Putin."
	before := "Saat itu, Putin memuji prajurit Korea Utara karena bertempur dalam perang di Ukraina."
	stock := "“Korea Utara memiliki stok yang sangat besar,” ujarnya."
	budanov := "Korea Utara kini memasok hingga 40% amunisi Rusia, ujar Kyrylo Budanov, kepala intelijen militer Ukraina."
	tests := []struct {
		claim, passage, before string
		want                   bool
	}{
		{"Putin said Russia would never forget the sacrifices of North Korea's armed forces.", quote, before, true},
		{"Putin said North Korea would never forget the sacrifices of Russia's armed forces.", quote, before, false},
		{"Putin said Russia would never forget the sacrifices of North Korea's armed forces.", quote, "", false},
		{"Kyrylo Budanov said North Korea has very large stockpiles.", stock, budanov, true},
		{"Volodymyr Zelenskyy said North Korea has very large stockpiles.", stock, budanov, false},
	}
	for _, tt := range tests {
		if got, why := EntailsAfter(tt.claim, []string{tt.passage}, []string{tt.before}); got != tt.want {
			t.Errorf("EntailsAfter(%q, before %q) = %v (%s); want %v", tt.claim, tt.before, got, why, tt.want)
		}
	}
}

// TestEntailsPrivative: "with no conditions" is the passage's "tanpa
// syarat"; a negated verb is not.
func TestEntailsPrivative(t *testing.T) {
	t.Parallel()
	p := "Kim mengatakan negaranya siap untuk mendukung tanpa syarat semua tindakan Moskow."
	for claim, want := range map[string]bool{
		"Kim said his country would support, with no conditions, all of Moscow's actions.": true,
		"Kim said his country would not support all of Moscow's actions.":                  false,
	} {
		if got, why := Entails(claim, []string{p}); got != want {
			t.Errorf("Entails(%q) = %v (%s); want %v", claim, got, why, want)
		}
	}
}
