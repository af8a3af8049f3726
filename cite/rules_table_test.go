package cite

import "testing"

// TestMeaningRuleTable is the labelled table of the meaning rules added
// for changed roles and agency: each row a claim against one passage,
// with what the verifier must find — supported, or contradicted by the
// named rule, or not supported. The rows are general constructions
// (apposition and pre-name titles, possessive swaps, passives, another
// actor of the same kind, relative times of different units, places
// behind place words, loan-word cognates behind an Indonesian prefix),
// not claims of the blind table.
func TestMeaningRuleTable(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	const (
		supported    = "supported"
		missing      = "missing"
		notSupported = "not supported" // missing or contradicted, either
	)
	budanov := `Korea Utara kini memasok hingga 40% amunisi Rusia untuk perang, ujar Kyrylo Budanov, kepala intelijen militer Ukraina, kepada Bloomberg News.`
	lavrov := `Menlu Rusia Sergey Lavrov bertemu dengan Kim Jong Un di Korea Utara pada hari Sabtu.`
	shoigu := `Sekretaris Dewan Keamanan Rusia Sergei Shoigu telah berkunjung ke Pyongjang beberapa kali tahun ini.`
	zak := `Kunjungan Lavrov ke Pyongyang merupakan bagian dari "putaran kedua dialog strategis antara para diplomat tinggi," kata juru bicara Kementerian Luar Negeri Rusia, Maria Zakharova, pada hari Rabu, menurut Tass.`
	choe := `Dalam foto ini yang dirilis oleh Layanan Pers Kementerian Luar Negeri Rusia, Menteri Luar Negeri Rusia Sergey Lavrov, kiri, dan Menteri Luar Negeri Korea Utara Choe Son Hui, kanan, menghadiri upacara penandatanganan setelah pembicaraan mereka di Wonsan, Korea Utara, pada hari Sabtu, 12 Juli 2025.`
	rec := `Lavrov "diterima" oleh Kim, menurut Kementerian Luar Negeri Rusia di Telegram pada Sabtu, dengan mengunggah video keduanya berjabat tangan dan berpelukan di Wonsan.`
	putinQuote := "Saat itu, Putin memuji prajurit Korea Utara karena bertempur “dengan berani dan heroik” dalam perang di Ukraina. “Saya ingin mencatat bahwa kami tidak akan pernah melupakan pengorbanan yang telah dialami oleh angkatan bersenjata Anda dan keluarga dari personel militer Anda,” ujar Putin."
	rows := []struct {
		rule, claim, passage, want string
	}{
		// title: the title a claim gives a person is the passage's.
		{"title", "Kyrylo Budanov, Ukraine's defence minister, said North Korea supplies up to 40% of Russia's ammunition.", budanov, "title"},
		{"title", "Kyrylo Budanov, Ukraine's military intelligence chief, said North Korea supplies up to 40% of Russia's ammunition.", budanov, supported},
		{"title", "Ukraine's intelligence chief Kyrylo Budanov said North Korea supplies up to 40% of Russia's ammunition.", budanov, supported},
		{"title", "Perdana Menteri Rusia Sergey Lavrov bertemu dengan Kim Jong Un di Korea Utara.", lavrov, "title"},
		{"title", "Russian Foreign Minister Sergey Lavrov met Kim Jong Un in North Korea on Saturday.", lavrov, supported},
		{"title", "Russia's top diplomat Sergey Lavrov met Kim Jong Un in North Korea on Saturday.", lavrov, supported},
		{"title", "Russian President Sergey Lavrov met Kim Jong Un in North Korea on Saturday.", lavrov, "title"},
		// titles of other holders, of a rank, of an office, before a comma
		{"title", "Russia's defence minister Sergei Shoigu has visited Pyongyang several times this year.", shoigu, notSupported},
		{"title", "Russian Security Council Secretary Sergei Shoigu has visited Pyongyang several times this year.", shoigu, supported},
		{"title", "Sergei Shoigu, secretary of Russia's Security Council, has visited Pyongyang several times this year.", shoigu, supported},
		{"title", "Russian Foreign Minister Maria Zakharova said Lavrov's visit to Pyongyang was part of the second round of strategic dialogue.", zak, notSupported},
		{"title", "Russian foreign ministry spokeswoman Maria Zakharova said Lavrov's visit to Pyongyang was part of the second round of strategic dialogue.", zak, supported},
		{"title", "North Korean Defence Minister Choe Son Hui attended a signing ceremony with Lavrov in Wonsan on 12 July 2025.", choe, notSupported},
		{"title", "North Korean Foreign Minister Choe Son Hui attended a signing ceremony with Lavrov in Wonsan on 12 July 2025.", choe, supported},
		{"title", "Russian Deputy Foreign Minister Sergey Lavrov attended a signing ceremony with Choe Son Hui in Wonsan on 12 July 2025.", choe, notSupported},
		{"title", "Lavrov was received by Kim, according to Russia's defence ministry on Telegram on Saturday.", rec, notSupported},
		{"title", "Lavrov was received by Kim, according to Russia's foreign ministry on Telegram on Saturday.", rec, supported},
		// a title the sentence does not give is an addition, not a contradiction
		{"title", "Kim Jong Un, North Korea's leader, met Sergey Lavrov in North Korea on Saturday.", lavrov, missing},
		// agency swap: who does it, and whose it is, traded.
		{"direction", "Budanov said Russia supplies up to 40% of North Korea's ammunition.", budanov, "direction"},
		{"direction", "Budanov said North Korea supplies up to 40% of Russia's ammunition.", budanov, supported},
		{"direction", "Russia sent at least 10,000 troops to North Korea last year.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu.`, "direction"},
		// the converse: the claim's source acts in the sentence; not a reversal
		{"direction", "Russia received at least 10,000 troops from North Korea last year.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu.`, supported},
		// from where and to where reversed
		{"direction", "North Korea received at least 10,000 troops from Russia last year.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu.`, notSupported},
		{"direction", "North Korea sent at least 10,000 troops from Russia last year.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu.`, "direction"},
		// a passive puts the one acting second: not a swap
		{"direction", "North Korea supplies up to 40% of Russia's ammunition.", `Hingga 40% amunisi Rusia kini dipasok Korea Utara.`, supported},
		// coordinated names are both subjects, in either order
		{"direction", "Korut dan Rusia menandatangani pakta pertahanan.", `Rusia dan Korea Utara menandatangani pakta pertahanan.`, supported},
		// actor: another of the same kind does it
		{"actor", "Lavrov conveyed warm wishes from Kim.", `Choe, sebaliknya, menyampaikan “harapan hangat” dari Kim dalam pembicaraan dengan Lavrov.`, "actor"},
		{"actor", "Choe conveyed warm wishes from Kim.", `Choe, sebaliknya, menyampaikan “harapan hangat” dari Kim dalam pembicaraan dengan Lavrov.`, supported},
		{"actor", "The claim was denied by the White House.", `Trump mengklaim mereka berkonspirasi, sebuah pernyataan yang dibantah oleh Kremlin.`, "actor"},
		// whose it is: the country on a noun
		{"attribute", "Korean People's Army soldiers were captured by Ukrainian forces in Kursk.", `Lavrov menyatakan terima kasih atas kontribusi prajurit Angkatan Darat Rakyat Korea yang bertempur bersama pasukan Rusia di Kursk.`, notSupported},
		{"attribute", "Korean People's Army soldiers fought alongside Russian forces in Kursk.", `Lavrov menyatakan terima kasih atas kontribusi prajurit Angkatan Darat Rakyat Korea yang bertempur bersama pasukan Rusia di Kursk.`, supported},
		{"attribute", "More than 6,000 North Korean soldiers died in the Ukraine war.", `Lebih dari 6.000 tentara Korut tewas dalam perang Rusia-Ukraina.`, supported},
		{"attribute", "More than 6,000 Russian soldiers died in the war.", `Lebih dari 6.000 tentara Korut tewas dalam perang Rusia-Ukraina.`, "attribute"},
		// who said it
		{"speaker", "Lavrov said his visit to Pyongyang was part of the second round of strategic dialogue.", zak, "speaker"},
		{"speaker", "Lavrov said Russian authorities would help increase the flow of tourists to North Korea.", `Otoritas Rusia akan memfasilitasi peningkatan arus wisatawan ke Korea Utara dari Rusia, kata Lavrov.`, supported},
		{"speaker", "Putin said the two countries' ties were going according to plan, Sputnik reported.", `Menurut kantor berita Sputnik Rusia, Putin menyatakan bahwa hubungan kedua negara sedang berjalan sesuai rencana.`, supported},
		{"speaker", "Maria Zakharova said Lavrov's visit to Pyongyang was part of the second round of strategic dialogue.", zak, supported},
		// a person is not replaced by a country, nor the subject of another verb
		{"actor", "North Korean soldiers were captured by Ukrainian forces in Kursk.", `Lavrov mengatakan bahwa prajurit Korea Utara bertempur bersama pasukan Rusia di Kursk.`, notSupported},
		// time: a month ago is not a year ago; this year may hold last month
		{"time", "Rusia dan Korea Utara menandatangani pakta saling membela bulan lalu.", `Rusia dan Korea Utara tahun lalu menandatangani pakta saling membela.`, "time"},
		{"time", "Russia and North Korea signed a mutual defence pact last month.", `Rusia dan Korea Utara bulan lalu menandatangani pakta saling membela.`, supported},
		// place: a preposition reaches over place words; a metonym matched elsewhere is the place
		{"place-conflict", "Kim Jong Un bertemu Lavrov di kota pesisir timur Nampo.", `Kim bertemu Lavrov di kota pesisir timur Wonsan.`, "place-conflict"},
		{"place-conflict", "Kim opened a museum in Wonsan to honour North Korean troops.", `Kim meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara.`, "place-conflict"},
		{"place-conflict", "Kim opened a museum in Pyongyang to honour North Korean troops.", `Kim meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara.`, supported},
		// a known seat of another country contradicts the passage's country
		{"place-conflict", "Lavrov met Kim Jong Un in Moscow on Saturday.", lavrov, "place-conflict"},
		// "kedua" closing a noun phrase is "second", not "both"
		{"ordinal", "The foreign ministers held their third strategic dialogue in Wonsan.", `Kim bertemu Lavrov di kota pesisir timur Wonsan, tempat para menteri luar negeri kedua negara mengadakan dialog strategis kedua mereka.`, "ordinal"},
		{"ordinal", "The foreign ministers of the two countries held their second strategic dialogue in Wonsan.", `Kim bertemu Lavrov di kota pesisir timur Wonsan, tempat para menteri luar negeri kedua negara mengadakan dialog strategis kedua mereka.`, supported},
		// negation across the languages; "tak terkalahkan" is one adjective,
		// either polarity ("invincible", "cannot be defeated")
		{"negation", "Putin said Russia would forget the sacrifices of North Korea's armed forces.", "“Saya ingin mencatat bahwa kami tidak akan pernah melupakan pengorbanan yang telah dialami oleh angkatan bersenjata Anda dan keluarga dari personel militer Anda,” ujar Putin.", notSupported},
		{"negation", "Ukraine denied that North Korean troops helped Russia retake Kursk.", "Pada April, kedua negara secara resmi mengonfirmasi pengiriman pasukan Korut ke Rusia untuk pertama kalinya, mengklaim pasukan itu membantu Rusia merebut kembali wilayah Kursk—klaim yang dibantah Ukraina.", supported},
		{"negation", "Ukraine disputed the claim that North Korean troops helped Russia retake Kursk.", "Pada April, kedua negara secara resmi mengonfirmasi pengiriman pasukan Korut ke Rusia untuk pertama kalinya, mengklaim pasukan itu membantu Rusia merebut kembali wilayah Kursk—klaim yang dibantah Ukraina.", supported},
		{"negation", "Bloomberg was unable to independently verify Budanov's assessment.", "Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen.", supported},
		{"negation", "Bloomberg could not confirm Budanov's assessment independently.", "Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen.", supported},
		{"negation", "Budanov's assessment could not be independently verified by Bloomberg.", "Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen.", supported},
		{"negation", "Bloomberg has verified Budanov's assessment.", "Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen.", notSupported},
		{"negation", "Kim pledged unconditional support for Moscow's actions.", "Kim Jong Un mengatakan kepada diplomat tertinggi Rusia bahwa negaranya siap untuk \"mendukung tanpa syarat\" semua tindakan yang diambil oleh Moskow untuk menyelesaikan konflik di Ukraina.", supported},
		{"negation", "Lavrov described the relationship as an invincible fighting brotherhood.", "Pada hari Sabtu, media Rusia melaporkan bahwa Lavrov menggambarkan hubungan kedua negara sebagai \"persaudaraan tempur yang tak terkalahkan\" dalam pertemuannya dengan Kim.", supported},
		{"negation", "The Kremlin rejected Trump's claim that Putin and Kim were conspiring against the US.", "Setelah pertemuan Putin dan Kim pada bulan September, Presiden AS Donald Trump mengklaim mereka berkonspirasi melawan AS – sebuah pernyataan yang dibantah oleh Kremlin.", supported},
		{"negation", "The Kremlin confirmed Trump's claim that Putin and Kim were conspiring against the US.", "Setelah pertemuan Putin dan Kim pada bulan September, Presiden AS Donald Trump mengklaim mereka berkonspirasi melawan AS – sebuah pernyataan yang dibantah oleh Kremlin.", notSupported},
		// two negators cancel ("tidak membantah": did not deny); a cancellation negates the plan (claims-blind5 tuning)
		{"negation", "Kremlin tidak membantah pernyataan Trump bahwa Putin dan Kim berkonspirasi melawan AS.", "Setelah pertemuan Putin dan Kim pada bulan September, Presiden AS Donald Trump mengklaim mereka berkonspirasi melawan AS – sebuah pernyataan yang dibantah oleh Kremlin.", notSupported},
		{"negation", "The Kremlin did not deny Trump's claim that Putin and Kim were conspiring against the US.", "Setelah pertemuan Putin dan Kim pada bulan September, Presiden AS Donald Trump mengklaim mereka berkonspirasi melawan AS – sebuah pernyataan yang dibantah oleh Kremlin.", notSupported},
		{"negation", "Rusia dan Korea Utara membatalkan rencana meluncurkan kembali transportasi laut antara kedua negara.", "Rusia dan Korea Utara juga berencana meluncurkan kembali transportasi laut antara kedua negara.", notSupported},
		{"negation", "Russia and North Korea plan to relaunch sea transport between the two countries.", "Rusia dan Korea Utara juga berencana meluncurkan kembali transportasi laut antara kedua negara.", supported},
		// a name and its initials are one name, either way (claims-blind5 tuning)
		{"acronym", "The meeting was reported by the Korean Central News Agency.", "Pertemuan itu dilaporkan KCNA pada hari Minggu.", supported},
		{"acronym", "The meeting was reported by the Korean Central Bank.", "Pertemuan itu dilaporkan KCNA pada hari Minggu.", notSupported},
		{"acronym", "The meeting was reported by KCNA.", "Pertemuan itu dilaporkan Korean Central News Agency pada hari Minggu.", supported},
		// "hari Minggu" and "Minggu" are one date
		{"day-noun", "Lavrov akan tinggal hingga hari Minggu.", "Media negara menyebut Lavrov akan tinggal hingga Minggu.", supported},
		// all and some of the same thing are opposite claims
		{"quantifier", "Korea Utara akan mendukung sebagian langkah Rusia.", "Korea Utara mengatakan akan mendukung semua langkah yang diambil oleh Rusia.", "quantifier"},
		{"quantifier", "North Korea will support all of Russia's steps.", "Korea Utara mengatakan akan mendukung semua langkah yang diambil oleh Rusia.", supported},
		// a premier is no foreign minister
		{"title", "North Korean Premier Choe Son Hui attended the ceremony.", "Menteri Luar Negeri Korea Utara Choe Son Hui menghadiri upacara penandatanganan.", notSupported},
		// "stopped short of saying" negates the clause the verb takes, not what came before it
		{"negation", "State media did not say what was in the 2026-2027 exchange plan.", `Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, supported},
		{"negation", "Choe and Lavrov signed an exchange plan covering 2026 to 2027.", `Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, supported},
		// the state and its government stand for each other ("state media", "media pemerintah")
		{"state", "Media pemerintah tidak mengungkap isi rencana pertukaran 2026-2027.", `Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, supported},
		{"state", "North Korean government media reported on Sunday that Kim would continue to support Moscow.", `Korea Utara dan pemimpinnya, Kim Jong Un, akan terus “mendukung” Moskow, media negara Korea Utara melaporkan pada hari Minggu.`, supported},
		// a quoted "we" is the speaker's side, "you" a side named around the quote
		{"quote", "Putin said Russia would never forget the sacrifices made by North Korea's armed forces.", putinQuote, supported},
		{"quote", "Putin mengatakan Rusia tidak akan melupakan pengorbanan angkatan bersenjata Korea Utara.", putinQuote, supported},
		{"quote", "Putin berkata Rusia tak akan pernah melupakan pengorbanan angkatan bersenjata Korea Utara.", putinQuote, supported},
		{"quote", "Putin said North Korea would never forget the sacrifices made by Russia's armed forces.", putinQuote, notSupported},
		{"quote", "Putin said Russia would forget the sacrifices made by North Korea's armed forces.", putinQuote, notSupported},
		{"quote", "Putin said China would never forget the sacrifices made by North Korea's armed forces and Japan's.", putinQuote, notSupported},
		// verbs of saying, by root in any affixed form, are one another's paraphrase
		{"saying", "Media negara tidak mengungkap isi rencana pertukaran 2026-2027.", `Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, supported},
		{"saying", "State media gave no details of the 2026-2027 exchange plan.", `Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, supported},
		{"saying", "State media revealed what was in the 2026-2027 exchange plan.", `Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, notSupported},
		{"saying", "Lavrov mengungkapkan otoritas Rusia akan memfasilitasi arus wisatawan ke Korea Utara.", `Otoritas Rusia akan memfasilitasi peningkatan arus wisatawan ke Korea Utara dari Rusia, kata Lavrov.`, supported},
		// modality: a hedge qualifies what follows it in its clause
		{"modality", "South Korean intelligence said North Korea will send more troops in July.", `Intelijen Korea Selatan menyatakan Korut mungkin bersiap mengirim tambahan pasukan pada Juli atau Agustus.`, "modality"},
		{"modality", "Lavrov said there would certainly be more meetings between Putin and Kim in the future.", `Kedua negara terus berkomunikasi, dan kemungkinan akan ada lebih banyak pertemuan antara Presiden Vladimir Putin dan Pemimpin Kim Jong Un di masa mendatang, kata Lavrov.`, "modality"},
		{"modality", "The two countries remain in contact, Lavrov said.", `Kedua negara terus berkomunikasi, dan kemungkinan akan ada lebih banyak pertemuan antara Presiden Vladimir Putin dan Pemimpin Kim Jong Un di masa mendatang, kata Lavrov.`, supported},
		// sequence: "before" is not "after" with the events on the same sides, and is with them swapped
		{"sequence", "Orban met Vucic before the summit in Budapest.", `Orban bertemu Vucic setelah KTT di Budapest.`, "sequence"},
		{"sequence", "Orban bertemu Vucic sebelum KTT di Budapest.", `Orban bertemu Vucic setelah KTT di Budapest.`, "sequence"},
		{"sequence", "Orban met Vucic after the summit in Budapest.", `Orban bertemu Vucic setelah KTT di Budapest.`, supported},
		{"sequence", "The summit in Budapest ended before Orban met Vucic.", `Orban bertemu Vucic setelah KTT di Budapest berakhir.`, supported},
		{"sequence", "Orban met Vucic before the summit in Budapest.", `KTT di Budapest berakhir, setelah itu Orban bertemu Vucic.`, "sequence"},
		{"sequence", "Orban met Vucic after the summit in Budapest.", `KTT di Budapest berakhir, setelah itu Orban bertemu Vucic.`, supported},
		{"sequence", "After the summit in Budapest, Orban met Vucic.", `Orban bertemu Vucic sebelum KTT di Budapest.`, "sequence"},
		{"sequence", "The summit in Budapest ended, after which Orban met Vucic.", `Orban bertemu Vucic setelah KTT di Budapest berakhir.`, supported},
		{"sequence", "The summit in Budapest ended, after which Orban met Vucic.", `Orban bertemu Vucic sebelum KTT di Budapest berakhir.`, "sequence"},
		{"sequence", "Before the summit in Budapest, Orban met Vucic.", `Orban bertemu Vucic sebelum KTT di Budapest.`, supported},
		// speaker: a person the claim names in another role is still another speaker
		{"speaker", "After meeting Orban in Paris, Vucic said he shared Macron's frustration.", `Vucic bertemu Orban di Paris, setelah itu Orban mengatakan ia berbagi frustrasi Macron.`, "speaker"},
		{"speaker", "After meeting Orban in Paris, Vucic said he shared Macron's frustration.", `Vucic bertemu Orban di Paris, setelah itu Vucic mengatakan ia berbagi frustrasi Macron.`, supported},
		// by-agent: the agent phrase after the same words names the same agent
		{"by-agent", "Putin menghadiri parade yang digelar oleh Orban.", `Putin menghadiri parade yang digelar oleh Presiden Serbia Aleksandar Vucic.`, "by-agent"},
		{"by-agent", "Putin attended a parade hosted by Orban.", `Putin menghadiri parade yang diselenggarakan oleh Presiden Serbia Aleksandar Vucic.`, "by-agent"},
		{"by-agent", "Putin menghadiri parade yang digelar oleh Vucic.", `Putin menghadiri parade yang digelar oleh Presiden Serbia Aleksandar Vucic.`, supported},
		// modality: "appear to", "seem to", "muncul untuk" hedge as "tampaknya" does
		{"appear-hedge", "Televisi negara menayangkan video yang tampaknya memperlihatkan Vucic menyambut Orban.", `Televisi negara menayangkan video yang muncul untuk menunjukkan Vucic menyambut Orban.`, supported},
		{"appear-hedge", "State television aired a video that seemed to show Vucic welcoming Orban.", `Televisi negara menayangkan video yang tampaknya memperlihatkan Vucic menyambut Orban.`, supported},
		{"appear-hedge", "State television aired a video showing Vucic welcoming Orban.", `Televisi negara menayangkan video yang muncul untuk menunjukkan Vucic menyambut Orban.`, notSupported},
		// country-of-place: "the North Korean city of Wonsan" is told by "Wonsan, Korea Utara"
		{"country-of-place", "Kim greeted Lavrov in the North Korean city of Wonsan on Saturday.", `Kim menyapa Menteri Luar Negeri Rusia Lavrov di Wonsan, Korea Utara, pada hari Sabtu.`, supported},
		{"country-of-place", "Kim greeted Lavrov in the Russian city of Wonsan on Saturday.", `Kim menyapa Menteri Luar Negeri Rusia Lavrov di Wonsan, Korea Utara, pada hari Sabtu.`, "country-of-place"},
		// verb-frame: the names before the claim's verb and after its "ke" traded, whatever else the sentence names
		{"verb-frame", "Hungary sent more than 500 engineers and heavy equipment to Serbia.", `Hubungan antara Hongaria dan Serbia meningkat, dengan Serbia mengirim lebih dari 500 insinyur dan alat berat ke Hongaria untuk mendukung proyek Budapest.`, "verb-frame"},
		{"verb-frame", "Hongaria telah mengirim lebih dari 500 insinyur ke Serbia.", `Hubungan antara Hongaria dan Serbia meningkat, dengan Serbia mengirim lebih dari 500 insinyur dan alat berat ke Hongaria untuk mendukung proyek Budapest.`, "verb-frame"},
		{"verb-frame", "Serbia sent more than 500 engineers and heavy equipment to Hungary.", `Hubungan antara Hongaria dan Serbia meningkat, dengan Serbia mengirim lebih dari 500 insinyur dan alat berat ke Hongaria untuk mendukung proyek Budapest.`, supported},
		// verb-object: the names either side of the claim's verb the other way round
		{"verb-object", "Footage showed Orban welcoming Vucic at the palace on Monday.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, "verb-object"},
		{"verb-object", "Rekaman menunjukkan Orban menyambut Vucic di istana pada hari Senin.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, "verb-object"},
		{"verb-object", "Footage showed Vucic welcoming Orban at the palace on Monday.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, supported},
		{"verb-object", "Orban disambut Vucic di istana pada hari Senin.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, supported},
		{"verb-object", "Vucic disambut Orban di istana pada hari Senin.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, "verb-object"},
		{"verb-object", "Vucic was welcomed by Orban at the palace on Monday.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, "verb-object"},
		{"verb-object", "Orban was welcomed by Vucic at the palace on Monday.", `Rekaman menunjukkan Vucic menyambut Orban di istana pada hari Senin.`, supported},
		// attribution: the claim's named source is among the sentence's own attribution
		{"attribution", "Russia has sent about 500 engineers to the war, according to Moscow.", `Rusia telah mengirim sekitar 500 insinyur ke perang itu, menurut perkiraan dari Budapest dan Wina.`, "attribution"},
		{"attribution", "Serbia has sent about 500 troops to the war, according to Budapest.", `Serbia telah mengirim sekitar 500 tentara ke perang itu, menurut perkiraan dari Budapest dan Wina.`, supported},
		{"attribution", "Russia has sent about 500 engineers to the war, according to the State Department.", `Rusia telah mengirim sekitar 500 insinyur ke perang itu, menurut perkiraan dari Pentagon. Departemen Luar Negeri AS mengatakan Rusia telah mengirim senjata.`, "attribution"},
		{"attribution", "Serbia will win the war, according to Aleksandar Vucic.", `“Serbia akan memenangkan perang itu,” kata Presiden Aleksandar Vucic, menurut Tanjug.`, supported},
		// casualty: killed is not wounded, captured or missing
		{"casualty", "Serbia has sent about 500 troops, at least 60 of whom were wounded.", `Serbia telah mengirim sekitar 500 tentara, setidaknya 60 di antaranya dilaporkan tewas dalam pertempuran.`, "casualty"},
		{"casualty", "Serbia has sent about 500 troops, at least 60 of whom have died in the fighting.", `Serbia telah mengirim sekitar 500 tentara, setidaknya 60 di antaranya dilaporkan tewas dalam pertempuran.`, supported},
		{"casualty", "Serbia telah mengirim sekitar 500 tentara, setidaknya 60 di antaranya ditawan.", `Serbia telah mengirim sekitar 500 tentara, setidaknya 60 di antaranya dilaporkan tewas dalam pertempuran.`, "casualty"},
		// against: the names either side of "against" the other way round
		{"against", "Serbia sent 500 troops to join Hungary's war against Croatia.", `Serbia mengirim 500 tentara untuk bergabung dengan perang Kroasia melawan Hongaria.`, "against"},
		{"against", "Serbia sent 500 troops to join Croatia's war against Hungary.", `Serbia mengirim 500 tentara untuk bergabung dengan perang Kroasia melawan Hongaria.`, supported},
		// cognates behind an Indonesian prefix: conspiring = berkonspirasi
		{"cognate", "Trump claimed Putin and Kim were conspiring against the United States.", `Presiden AS Donald Trump mengklaim Putin dan Kim berkonspirasi melawan AS.`, supported},
	}
	for _, r := range rows {
		ok, rule, reason := judgeOne(v, r.claim, r.passage)
		got := missing
		switch {
		case ok:
			got = supported
		case rule != "":
			got = rule
		}
		if r.want == notSupported && got != supported {
			continue
		}
		if got != r.want {
			t.Errorf("[%s] %q: got %s (%s); want %s", r.rule, r.claim, got, reason, r.want)
		}
	}
}

// judgeOne checks a claim against one passage as the claim checker does
// and returns whether it is supported, the rule of a contradiction, and
// the reason.
func judgeOne(v *Verifier, claimText, passageText string) (bool, string, string) {
	c := v.analyseClaim(claimText)
	vd := v.check(c, v.analysePassage(passageText, "", ""), true)
	reason := vd.contradiction
	if reason == "" && len(vd.problems) > 0 {
		reason = vd.problems[0]
	}
	if vd.supports {
		return true, "", ""
	}
	if vd.contradiction != "" {
		return false, vd.conflictRule, reason
	}
	return false, "", reason
}
