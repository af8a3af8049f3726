package cite

import "testing"

// TestAntecedentTable is the labelled table of the antecedent rule: a
// cited sentence whose actor is a pronoun or a speaker suffix is read
// with the sentence before it in its paragraph (before, or the passage's
// own previous sentence), so a claim naming that sentence's subject is
// kept and a claim naming anyone else is still removed. Each row is a
// construction written for the rule, in both languages.
func TestAntecedentTable(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	rows := []struct {
		name, before, passage, claim string
		kept                         bool
	}{
		// a speaker suffix: "ujarnya" is the subject of the sentence before
		{"suffix-ujarnya", "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Moskow pada Selasa. ", "Rusia akan mendukung Korea Utara, ujarnya.", "Putin said Russia would support North Korea.", true},
		{"suffix-other-actor", "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Moskow pada Selasa. ", "Rusia akan mendukung Korea Utara, ujarnya.", "Kim said Russia would support North Korea.", false},
		{"suffix-absent-actor", "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Moskow pada Selasa. ", "Rusia akan mendukung Korea Utara, ujarnya.", "Lavrov said Russia would support North Korea.", false},
		{"suffix-katanya", "Menteri Pertahanan Andrei Belousov mengunjungi pabrik itu. ", "Produksi amunisi akan naik dua kali lipat, katanya.", "Belousov mengatakan produksi amunisi akan naik dua kali lipat.", true},
		// a pronoun subject
		{"pronoun-ia", "Menlu Rusia Sergey Lavrov tiba di Wonsan pada Jumat. ", "Ia mengatakan kedua negara akan memperluas kerja sama militer.", "Lavrov said the two countries would expand military cooperation.", true},
		{"pronoun-ia-other", "Menlu Rusia Sergey Lavrov tiba di Wonsan pada Jumat. ", "Ia mengatakan kedua negara akan memperluas kerja sama militer.", "Shoigu said the two countries would expand military cooperation.", false},
		{"pronoun-he", "Ukrainian intelligence chief Kyrylo Budanov spoke to Bloomberg on Monday. ", "He said North Korea would send engineers to Russia.", "Budanov said North Korea would send engineers to Russia.", true},
		{"pronoun-he-other", "Ukrainian intelligence chief Kyrylo Budanov spoke to Bloomberg on Monday. ", "He said North Korea would send engineers to Russia.", "Zelensky said North Korea would send engineers to Russia.", false},
		{"pronoun-kami", "Juru bicara Kremlin Dmitry Peskov berbicara kepada wartawan. ", "Kami tidak melihat ancaman apa pun, kata dia.", "Peskov said they saw no threat.", true},
		// the antecedent inside the passage: its own sentence before
		{"in-passage", "", "Menlu Rusia Sergey Lavrov tiba di Wonsan pada Jumat. Ia mengatakan kedua negara akan memperluas kerja sama militer.", "Lavrov said the two countries would expand military cooperation.", true},
		{"in-passage-other", "", "Menlu Rusia Sergey Lavrov tiba di Wonsan pada Jumat. Ia mengatakan kedua negara akan memperluas kerja sama militer.", "Choe said the two countries would expand military cooperation.", false},
		// a quote paragraph: its speaker suffix is the speaker the paragraph before quotes
		{"quoted-speaker", "Korea Utara kini memasok hingga 40% amunisi Rusia, ujar Kyrylo Budanov, kepala intelijen militer Ukraina.", `"Produksi berlangsung sepanjang waktu," ujarnya.`, "Budanov said production runs around the clock.", true},
		{"quoted-speaker-not-subject", "Korea Utara kini memasok hingga 40% amunisi Rusia, ujar Kyrylo Budanov, kepala intelijen militer Ukraina.", `"Produksi berlangsung sepanjang waktu," ujarnya.`, "North Korea said production runs around the clock.", false},
		{"according-to", "Korea Utara kini memasok hingga 40% amunisi Rusia, ujar Kyrylo Budanov, kepala intelijen militer Ukraina.", `"Produksi berlangsung sepanjang waktu," ujarnya.`, "According to Budanov, production runs around the clock.", true},
		{"menurut", "Korea Utara kini memasok hingga 40% amunisi Rusia, ujar Kyrylo Budanov, kepala intelijen militer Ukraina.", `"Produksi berlangsung sepanjang waktu," ujarnya.`, "Menurut Budanov, produksi berlangsung sepanjang waktu.", true},
		{"according-to-other", "Korea Utara kini memasok hingga 40% amunisi Rusia, ujar Kyrylo Budanov, kepala intelijen militer Ukraina.", `"Produksi berlangsung sepanjang waktu," ujarnya.`, "According to Zelensky, production runs around the clock.", false},
		{"said-speaker", "North Korea now supplies up to 40% of Russia's ammunition, said Kyrylo Budanov, Ukraine's intelligence chief.", `"Production runs around the clock," he added.`, "Budanov said production runs around the clock.", true},
		// no pronoun: the sentence names its own actor, the one before does not count
		{"own-subject", "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Moskow pada Selasa. ", "Rusia akan mengirim insinyur ke Korea Utara.", "Putin said Russia would send engineers to North Korea.", false},
	}
	for _, r := range rows {
		rep := v.Verify(r.claim[:len(r.claim)-1]+" [1].", []Source{{N: 1, DocID: "d", Text: r.passage, Before: r.before}})
		kept := len(rep.Sentences) == 1 && rep.Sentences[0].Supported
		if kept != r.kept {
			reason := ""
			if len(rep.Sentences) > 0 && len(rep.Sentences[0].Citations) > 0 {
				reason = rep.Sentences[0].Citations[0].Reason
			}
			t.Errorf("%s: %q over %q kept=%v, want %v (%s)", r.name, r.claim, r.passage, kept, r.kept, reason)
		}
	}
}

func TestParagraphBefore(t *testing.T) {
	t.Parallel()
	doc := "Judul\n\nPutin tiba. Ia berbicara.\n\nKim pergi."
	for _, r := range []struct {
		start int
		want  string
	}{
		{len("Judul\n\nPutin tiba. "), "Putin tiba. "},
		{len("Judul\n\n"), "Judul"},
		{len("Judul\n\nPutin tiba. Ia berbicara.\n\n"), "Putin tiba. Ia berbicara."},
		{0, ""},
		{len(doc) + 1, ""},
	} {
		if got := ParagraphBefore(doc, r.start); got != r.want {
			t.Errorf("ParagraphBefore(%d) = %q, want %q", r.start, got, r.want)
		}
	}
}
