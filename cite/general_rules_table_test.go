package cite

import (
	"strings"
	"testing"
)

// TestGeneralRuleTable is the labelled table of the rules added to keep
// faithful paraphrases without letting changed meanings through: each
// row a construction, written for the rule (not a claim of the blind
// table), with what the verifier must find — supported, a contradiction
// by the named rule, or not supported (missing or contradicted).
func TestGeneralRuleTable(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	const (
		supported    = "supported"
		notSupported = "not supported"
	)
	rows := []struct {
		rule, claim, passage, want string
	}{
		// a date or time a byline writes in figures is the one written in words
		{"figure-date", "Artikel itu terbit Senin, 14 Juli 2025, pukul 09.05 WIB.", `Artikel itu terbit Senin, 14/07/2025 09:05 WIB`, supported},
		{"figure-date", "Artikel itu terbit Senin, 14 Juni 2025, pukul 09.05 WIB.", `Artikel itu terbit Senin, 14/07/2025 09:05 WIB`, notSupported},
		{"figure-date", "Artikel itu terbit Senin, 14 Juli 2025, pukul 10.05 WIB.", `Artikel itu terbit Senin, 14/07/2025 09:05 WIB`, notSupported},
		{"figure-date", "The report was published on 27 October 2025.", `Laporan itu diterbitkan pada 27 Okt 2025.`, supported},
		// a byline states publication by its date alone
		{"publication", "Artikel Yati Maulana itu terbit Senin, 14 Juli 2025, pukul 09.05 WIB.", `Yati Maulana | Senin, 14/07/2025 09:05 WIB`, supported},
		{"publication", "Artikel Yati Maulana itu terbit Selasa, 15 Juli 2025, pukul 09.05 WIB.", `Yati Maulana | Senin, 14/07/2025 09:05 WIB`, notSupported},
		// a derived common word opening the claim is not part of the name after it
		{"opening-word", "Laporan KCNA itu muncul setelah pertemuan hari Sabtu.", `Laporan itu muncul setelah pertemuan pada hari Sabtu, menurut KCNA.`, supported},
		{"opening-word", "Laporan Tass itu muncul setelah pertemuan hari Sabtu.", `Laporan itu muncul setelah pertemuan pada hari Sabtu, menurut KCNA.`, notSupported},
		// an English common word opening the claim is not part of the name after it
		{"opening-word", "Sending North Korean troops to Russia helped Pyongyang's military.", `Pengerahan pasukan Korea Utara ke Rusia telah membantu militer Pyongyang.`, supported},
		{"opening-word", "Sending South Korean troops to Russia helped Pyongyang's military.", `Pengerahan pasukan Korea Utara ke Rusia telah membantu militer Pyongyang.`, notSupported},
		// a title's words name an office, not what a claim word means through their stem
		{"title-words", "Lavrov said the flow of tourists to North Korea would grow.", `Menteri Luar Negeri Rusia Sergei Lavrov mengatakan arus wisatawan ke Korea Utara akan meningkat.`, supported},
		{"title-words", "Lavrov said the flow of tourists would grow.", `Menteri Luar Negeri Rusia Sergei Lavrov mengatakan wisatawan akan datang.`, notSupported},
		// people are not what another derivation of their word's root names
		{"person-word", "Lavrov said more tourists would travel to North Korea.", `Lavrov mengatakan lebih banyak wisatawan akan datang ke Korea Utara.`, supported},
		{"person-word", "Lavrov welcomed the tourists.", `Lavrov menyambut kunjungan itu.`, notSupported},
		{"person-word", "The prisoners were moved to Kursk.", `Pertahanan dipindahkan ke Kursk.`, notSupported},
		{"person-word", "North Korean soldiers fought in Kursk.", `Pasukan Korea Utara bertempur di Kursk.`, supported},
		// a short form after a title is the name the table expands
		{"title-short-form", "Menlu Korut bertemu Lavrov pada hari Sabtu.", `Menteri Luar Negeri Korea Utara bertemu Lavrov pada hari Sabtu.`, supported},
		{"title-short-form", "Menlu Korsel bertemu Lavrov pada hari Sabtu.", `Menteri Luar Negeri Korea Utara bertemu Lavrov pada hari Sabtu.`, notSupported},
		// the same head, another office: a different role for the same person
		{"office", "US Defence Secretary Marco Rubio met Lavrov in Malaysia.", `Menteri Luar Negeri AS Marco Rubio bertemu Lavrov di Malaysia.`, "title"},
		{"office", "Perdana Menteri Rusia Sergei Lavrov tiba di Pyongyang.", `Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang.`, "title"},
		{"office", "US Secretary of State Marco Rubio met Lavrov in Malaysia.", `Menteri Luar Negeri AS Marco Rubio bertemu Lavrov di Malaysia.`, supported},
		{"office", "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang.", `Menlu Rusia Sergei Lavrov tiba di Pyongyang.`, supported},
		{"office", "Russia's Defence Minister Andrei Belousov arrived in Pyongyang.", `Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang.`, supported},
		// a count of years back is not last year
		{"ago-count", "The two countries signed a military treaty two years ago.", `Kedua negara menandatangani perjanjian militer tahun lalu.`, "ago-span"},
		{"ago-count", "The two countries signed a military treaty last year.", `Kedua negara menandatangani perjanjian militer tahun lalu.`, supported},
		{"ago-count", "The two countries signed a military treaty 3 years ago.", `Kedua negara menandatangani perjanjian militer tahun lalu.`, "ago-span"},
		// "for the first time" where the passage says it happened again
		{"again", "Lavrov said Russia thanked the Korean soldiers for the first time.", `Lavrov mengatakan Rusia sekali lagi berterima kasih kepada prajurit Korea.`, "ordinal"},
		{"again", "Lavrov said Russia again thanked the Korean soldiers.", `Lavrov mengatakan Rusia sekali lagi berterima kasih kepada prajurit Korea.`, supported},
		// a figure written out conflicts as digits do
		{"spelled-figure", "Lavrov was on a five-day visit to North Korea.", `Lavrov sedang dalam kunjungan tiga hari ke Korea Utara.`, "number-conflict"},
		{"spelled-figure", "Lavrov was on a three-day visit to North Korea.", `Lavrov sedang dalam kunjungan tiga hari ke Korea Utara.`, supported},
		// a capital in apposition to a place noun ("in the capital, X") is the city
		{"apposition-place", "The talks were held in the capital, Pyongyang.", `Pembicaraan itu diadakan di Wonsan, Korea Utara.`, "place-conflict"},
		{"apposition-place", "The talks were held in the coastal city, Wonsan.", `Pembicaraan itu diadakan di Wonsan, Korea Utara.`, supported},
		// two names side by side are two names, each to be found
		{"place-tail", "Budanov told Bloomberg North Korea supplies ammunition to Russia.", `Korea Utara memasok amunisi ke Rusia, ujar Budanov kepada Bloomberg.`, supported},
		{"place-tail", "Budanov told Bloomberg North Korea supplies ammunition to Russia.", `Iran memasok amunisi ke Rusia, ujar Budanov kepada Bloomberg.`, notSupported},
		// a plural pronoun stands for the group the sentence before names
		{"group-pronoun", "Kim said the deployment of North Korean troops marked the beginning of a new history.", `Kim meresmikan museum untuk menghormati pasukan Korea Utara yang tewas. Ia mengatakan penempatan mereka menandai awal dari sejarah baru.`, supported},
		{"group-pronoun", "Kim said the deployment of Russian troops marked the beginning of a new history.", `Kim meresmikan museum untuk menghormati pasukan Korea Utara yang tewas. Ia mengatakan penempatan mereka menandai awal dari sejarah baru.`, notSupported},
		{"group-pronoun", "Kim said the deployment of North Korean troops marked the beginning of a new history.", `Kim meresmikan museum di Korea Utara untuk menghormati para tentara. Ia mengatakan penempatan mereka menandai awal dari sejarah baru.`, notSupported},
		// a capital receiving aid is its government
		{"aid-recipient", "Moscow is increasing its technology support to Pyongyang.", `Rusia meningkatkan dukungan teknologi untuk Korea Utara.`, supported},
		{"aid-recipient", "Moscow is sending more tourists to Pyongyang.", `Rusia mengirim lebih banyak wisatawan ke Korea Utara.`, notSupported},
		// an Indonesian noun the thesaurus does not link meets the passage's through its English gloss
		{"pivot", "Lavrov mengatakan pihak berwenang Rusia akan mendatangkan turis ke Korea Utara.", `Otoritas Rusia akan mendatangkan wisatawan ke Korea Utara, kata Lavrov.`, supported},
		// colloquial saying and future words
		{"colloquial", "Lavrov bilang Rusia menang.", `Rusia menang, kata Lavrov.`, supported},
		{"colloquial", "Pasukan Rusia bakal menang.", `Pasukan Rusia akan menang.`, supported},
		// "stopped short of saying" negates what goes unsaid, not a claim word the verb of saying renders loosely
		{"stops-short", "Choe and Lavrov signed the exchange plan during the talks.", `Setelah itu Choe dan Lavrov menandatangani rencana pertukaran, meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, supported},
		{"stops-short", "State media said what the exchange plan contains.", `Setelah itu Choe dan Lavrov menandatangani rencana pertukaran, meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu.`, "negation"},
		// "back in" a month only places it in the past
		{"back-in", "Choe met Putin in Moscow back in March.", `Choe bertemu dengan Putin pada bulan November dalam sebuah kunjungan ke Moskow.`, "date-conflict"},
		{"back-in", "Choe met Putin in Moscow back in November.", `Choe bertemu dengan Putin pada bulan November dalam sebuah kunjungan ke Moskow.`, supported},
		// an English noun the dictionaries lack meets the passage through its WordNet synonym
		{"wordnet", "North Korea supplies ammo to Russia.", `Korea Utara memasok amunisi ke Rusia.`, supported},
		{"wordnet", "North Korea supplies manpower to Russia.", `Korea Utara memasok amunisi ke Rusia.`, notSupported},
		// "along with" joins two things
		{"along-with", "Pyongyang sent troops along with weapons.", `Pyongyang mengerahkan tentara dan senjata.`, supported},
		{"along-with", "Pyongyang deployed troops along the border.", `Pyongyang mengerahkan tentara dan senjata.`, notSupported},
		// a clause-final number counts what the clause named before its bound
		{"anchor-back", "UK intelligence puts North Korean deaths in the war at upwards of 6,000.", `Lebih dari 6.000 tentara Korut tewas dalam perang Rusia-Ukraina, menurut intelijen Inggris.`, supported},
		{"anchor-back", "UK intelligence puts North Korean deaths in the war at fewer than 6,000.", `Lebih dari 6.000 tentara Korut tewas dalam perang Rusia-Ukraina, menurut intelijen Inggris.`, notSupported},
		// "kedua negara" is the pair of countries the sentence has named one of
		{"pair", "Media Rusia melaporkan Lavrov menyebut hubungan Moskow-Pyongyang sebagai persaudaraan tempur.", `Media Rusia melaporkan Lavrov menggambarkan hubungan kedua negara sebagai persaudaraan tempur.`, supported},
		{"pair", "Media Rusia melaporkan Lavrov menyebut hubungan Moskow-Beijing sebagai persaudaraan tempur.", `Media Korea Utara melaporkan Lavrov menggambarkan hubungan kedua negara sebagai persaudaraan tempur.`, notSupported},
		// who the help goes to
		{"aid-recipient-rule", "Washington says there is evidence Russia is boosting technological support for North Korea's space programme.", `Amerika Serikat menyatakan ada bukti bahwa Rusia meningkatkan dukungan teknologi untuk Korea Utara, termasuk dalam program antariksa.`, supported},
		{"aid-recipient-rule", "Washington says there is evidence North Korea is boosting technological support for Russia's space programme.", `Amerika Serikat menyatakan ada bukti bahwa Rusia meningkatkan dukungan teknologi untuk Korea Utara, termasuk dalam program antariksa.`, "aid-recipient"},
		// a capital that acts stands for its country; one where something
		// happens, or that something reaches, is the city
		{"capital", "Washington and Seoul fear that Kim could seek Russian technology.", `AS dan Korsel khawatir Kim bisa meminta transfer teknologi Rusia.`, supported},
		{"capital", "Seoul said North Korea may send more troops.", `Korea Selatan menyatakan Korut mungkin mengirim tambahan pasukan.`, supported},
		{"capital", "Ties between Moscow and Pyongyang have grown dramatically.", `Hubungan antara Rusia dan Korea Utara telah meningkat secara dramatis.`, supported},
		{"capital", "The conference will be held in Moscow in October.", `Konferensi itu, dengan dukungan Rusia, akan diadakan di Minsk pada bulan Oktober.`, "place-conflict"},
		{"capital", "Putin invited Kim to visit Moscow.", `Putin menyampaikan salam kepada Kim, menurut media Rusia.`, notSupported},
		{"capital", "Kim opened a museum in Seoul.", `Kim meresmikan museum di Korea Selatan.`, notSupported},
		{"capital", "Belarus has invited Pyongyang to a conference in Minsk.", `Belarus telah mengundang Korea Utara untuk berpartisipasi dalam konferensi di Minsk.`, supported},
		// Indonesian puts the owner after its noun: a country before a verb is its subject
		{"attribute-order", "Ukraina membantah bahwa pasukan Korut membantu merebut kembali Kursk.", `Pasukan Korut membantu Rusia merebut kembali Kursk, klaim yang dibantah Ukraina.`, supported},
		{"attribute-order", "Ukraina membantah bahwa pasukan Rusia membantu merebut kembali Kursk.", `Pasukan Korut membantu Rusia merebut kembali Kursk, klaim yang dibantah Ukraina.`, notSupported},
		// "certain" before a noun is a determiner, predicative it is sure
		{"certain", "The Pentagon halted certain shipments.", `Pentagon sempat menghentikan pengiriman tertentu.`, supported},
		{"certain", "It is certain that the Pentagon halted shipments.", `Pentagon mungkin menghentikan pengiriman.`, notSupported},
		{"certain", "North Korea is certain to send more troops.", `Korut mungkin bersiap mengirim tambahan pasukan.`, notSupported},
		// a qualifier after the number bounds it as one before it
		{"post-qualifier", "600 or more soldiers were killed.", `Setidaknya 600 tentara tewas.`, supported},
		{"post-qualifier", "More than 6,000 soldiers died.", `6.000 lebih tentara tewas.`, supported},
		{"post-qualifier", "Up to 6,000 soldiers died.", `6.000 lebih tentara tewas.`, notSupported},
		{"post-qualifier", "Exactly 600 soldiers were killed.", `600 atau lebih tentara tewas.`, notSupported},
		// "no fewer than", "tidak kurang dari" bound a number; they negate nothing
		{"comparative-no", "Pyongyang sent no fewer than 10,000 soldiers to Russia.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia.`, supported},
		{"comparative-no", "Korea Utara mengirim tidak kurang dari 10.000 tentara ke Rusia.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia.`, supported},
		{"comparative-no", "Pyongyang sent no more than 10,000 soldiers to Russia.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia.`, notSupported},
		{"comparative-no", "Pyongyang did not send 10,000 soldiers to Russia.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia.`, notSupported},
		{"comparative-no", "North Korea sent at most 10,000 troops to Russia.", `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia.`, notSupported},
		{"comparative-no", "Korea Utara mengirim paling banyak 10.000 tentara ke Rusia.", `Korea Utara mengirim hingga 10.000 tentara ke Rusia.`, supported},
		// verbs of denial, both languages
		{"denial", "The Kremlin dismissed Trump's claim.", `Klaim Trump itu dibantah oleh Kremlin.`, supported},
		{"denial", "The Kremlin confirmed Trump's claim.", `Klaim Trump itu dibantah oleh Kremlin.`, notSupported},
		{"denial", "Ukraina menepis klaim itu.", `Klaim itu dibantah Ukraina.`, supported},
		{"denial", "Ukraine refuted the claim that the troops helped Russia.", `Ukraina membantah klaim bahwa pasukan itu membantu Rusia.`, supported},
		{"denial", "Ukraine disputes the claim that the troops helped Russia.", `Ukraina membantah klaim bahwa pasukan itu membantu Rusia.`, supported},
		{"denial", "Ukraine confirms the claim that the troops helped Russia.", `Ukraina membantah klaim bahwa pasukan itu membantu Rusia.`, notSupported},
		{"denial", "Russia and Ukraine have long had border disputes.", `Rusia dan Ukraina sudah lama memiliki sengketa perbatasan.`, supported},
		// not confirming is denying
		{"negated-affirmation", "Kremlin tidak membenarkan klaim Trump.", `Klaim Trump itu dibantah oleh Kremlin.`, supported},
		{"negated-affirmation", "The Kremlin did not confirm Trump's claim.", `Klaim Trump itu dibantah oleh Kremlin.`, supported},
		{"negated-affirmation", "Kremlin membenarkan klaim Trump.", `Klaim Trump itu dibantah oleh Kremlin.`, notSupported},
		{"negated-affirmation", "The Kremlin did not confirm Trump's claim.", `Klaim Trump itu dikonfirmasi oleh Kremlin.`, notSupported},
		// the passive's agent does what the claim's subject does
		{"passive-agent", "Trump denied a Kremlin claim that they were conspiring.", `Trump mengklaim mereka berkonspirasi – sebuah pernyataan yang dibantah oleh Kremlin.`, "passive-agent"},
		{"passive-agent", "The Kremlin denied a Trump claim that they were conspiring.", `Trump mengklaim mereka berkonspirasi – sebuah pernyataan yang dibantah oleh Kremlin.`, supported},
		{"passive-agent", "Lavrov diterima Kim di Wonsan.", `Lavrov diterima oleh Kim di Wonsan.`, supported},
		{"passive-agent", "Kim received Lavrov in Wonsan.", `Lavrov diterima oleh Kim di Wonsan.`, supported},
		// the same subject's verb, negated, is the opposite however the rest is worded
		{"subject-verb-negated", "Bloomberg sudah memverifikasi sendiri klaim Budanov soal amunisi.", `Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen.`, "negation"},
		{"subject-verb-negated", "Reuters sudah memverifikasi sendiri klaim Budanov soal amunisi.", `Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen.`, notSupported},
		// the same verb taking another country is said of someone else
		{"object-conflict", "Western governments accuse Pyongyang of trading military technology for weapons.", `Pemerintah Barat menuduh Kremlin menukar teknologi militer dengan senjata.`, "object-conflict"},
		{"object-conflict", "Western governments accuse Russia of trading military technology for weapons.", `Pemerintah Barat menuduh Rusia menukar teknologi militer dengan senjata.`, supported},
		{"object-conflict", "Western governments accuse Pyongyang of trading military technology for weapons.", `Pemerintah Barat menuduh pihak lain menukar teknologi militer dengan senjata.`, notSupported},
		// prepositions of position and light-verb participles are grammar
		{"light", "Relations between the two countries are going according to plan.", `Hubungan kedua negara berjalan sesuai rencana.`, supported},
		// a clause pinned by three names, numbers or dates may name one
		// thing otherwise; not a manner, a verb or a title
		{"pinned", "Choe and Lavrov signed documents in Wonsan on 12 July.", `Choe dan Lavrov menghadiri upacara penandatanganan di Wonsan pada 12 Juli.`, supported},
		{"pinned", "Putin warmly welcomed Choe at the Kremlin on Monday.", `Putin menyambut Choe di Kremlin pada hari Senin.`, notSupported},
		{"pinned", "Putin welcomed Choe at the Kremlin on Monday.", `Putin menyambut Choe di Kremlin pada hari Senin.`, supported},
		{"pinned", "Putin rebuked Choe at the Kremlin on Monday.", `Putin menyambut Choe di Kremlin pada hari Senin.`, notSupported},
		// an Indonesian possessor by juxtaposition does not act
		{"possessor", "Ukraine helped Russia retake Kursk.", `Pyongyang membantu Rusia merebut kembali Kursk setelah serangan balik Ukraina.`, "actor"},
		// a unit of two words anchors a figure by both
		{"anchor", "Ukraine said it controls about 900 square kilometres in Kursk.", `Ukraina mengatakan mereka menguasai sekitar 90 kilometer persegi di Kursk.`, "number-conflict"},
		// a title the claim puts next to a name must be the sentence's
		{"title", "Menteri Pertahanan Korea Utara Choe Son Hui bertemu Lavrov di Wonsan.", `Lavrov bertemu mitranya dari Korea Utara, Choe Son Hui, di Wonsan.`, notSupported},
		{"title", "Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Lavrov di Wonsan.", `Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di Wonsan.`, supported},
		{"title", "Choe Son Hui bertemu Lavrov di Wonsan.", `Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di Wonsan.`, supported},
		// a reciprocal act may name either one first; a one-way act may not
		{"reciprocal", "Choe Son Hui met Lavrov in Wonsan.", `Lavrov bertemu dengan Choe Son Hui di Wonsan.`, supported},
		{"reciprocal", "Russia supplies up to 40% of North Korea's ammunition.", `Korea Utara memasok hingga 40% amunisi Rusia.`, notSupported},
		// words the claim ends on after all the sentence holds are added
		{"trailing", "North Korea supplies up to 40% of Russia's ammunition and trains its gunners.", `Korea Utara kini memasok hingga 40% amunisi Rusia untuk perang.`, notSupported},
		{"trailing", "Lavrov thanked the heroic North Korean soldiers and promised them medals.", `Lavrov berterima kasih pada tentara Korut yang heroik.`, notSupported},
		{"trailing", "North Korea supplies up to 40% of Russia's ammunition for the war.", `Korea Utara kini memasok hingga 40% amunisi Rusia untuk perang.`, supported},
		{"trailing", "Ukraine said it held 90 square kilometres of Kursk despite heavy losses.", `Ukraina mengatakan mereka menguasai 90 kilometer persegi di Kursk.`, notSupported},
		// one passage word states one claim word: "kasih" of "berterima kasih" is "thanked", not also "awarded"
		{"shared", "Kemenlu Rusia menyebut Lavrov berterima kasih pada tentara Korut yang heroik dan memberi mereka medali.", `Kemenlu Rusia juga menyebut Lavrov berterima kasih pada tentara Korut yang "heroik".`, notSupported},
		{"shared", "Russia's foreign ministry said Lavrov thanked the heroic North Korean soldiers and awarded them medals.", `Kemenlu Rusia juga menyebut Lavrov berterima kasih pada tentara Korut yang "heroik".`, notSupported},
		{"shared", "The deployment of North Korean troops to Russia has helped Pyongyang's military gain modern combat experience and new drones.", `Pengerahan pasukan Korea Utara ke Rusia juga telah membantu militer Pyongyang mendapatkan pengalaman tempur modern dan nyata.`, notSupported},
		{"shared", "The deployment of North Korean troops to Russia has helped Pyongyang's military gain real, modern combat experience.", `Pengerahan pasukan Korea Utara ke Rusia juga telah membantu militer Pyongyang mendapatkan pengalaman tempur modern dan nyata.`, supported},
		{"shared", "Lavrov described the relationship between the two countries as an invincible fighting brotherhood.", `Lavrov menggambarkan hubungan kedua negara sebagai "persaudaraan tempur yang tak terkalahkan".`, supported},
		// one word a circumstantial joiner opens after all the sentence holds is added; one after "and" may rename
		{"trailing", "Sejak itu, Kim terlihat di media negara memberi penghormatan di depan peti mati tentara Korut yang dibungkus bendera sambil menangis.", `Sejak itu, Kim terlihat di media negara memberi penghormatan di depan peti mati tentara Korut yang dibungkus bendera.`, notSupported},
		{"trailing", "Since then, Kim has been seen on state media paying his respects before the flag-draped coffins of North Korean soldiers while weeping.", `Sejak itu, Kim terlihat di media negara memberi penghormatan di depan peti mati tentara Korut yang dibungkus bendera.`, notSupported},
		{"trailing", "The Kremlin is accused of trading military technology for weapons and labour.", `Pemerintah Barat menuduh Kremlin menukar teknologi militer dengan senjata dan tenaga kerja.`, supported},
		// an adjunct opened by "with" after all the sentence holds
		{"trailing", "Footage released by Russian state news agency showed Putin welcoming Choe at the Kremlin on Monday with a military band.", `Rekaman yang dirilis oleh kantor berita negara Rusia menunjukkan Putin menyambut Choe di Kremlin pada hari Senin.`, notSupported},
		{"trailing", "Kim bertemu dengan Lavrov di Wonsan.", `Kim bertemu Lavrov di kota pesisir timur Wonsan.`, supported},
		// a qualifier before no number is a preposition ("over fears"); before one it is checked
		{"qualifier", "The Pentagon had briefly halted some shipments over fears that US stocks were low.", `Sementara itu, Presiden Ukraina Volodymyr Zelenskyy dalam pidato malam Jumat menyatakan pengiriman senjata AS ke negaranya telah dilanjutkan, setelah Pentagon sempat menghentikan pengiriman tertentu karena kekhawatiran stok AS menipis.`, supported},
		{"qualifier", "North Korea sent over 10,000 troops to Russia last year.", `Korea Utara mengirim 10.000 tentara ke Rusia tahun lalu.`, notSupported},
		// a conjunct the claim adds to a thing the sentence states alone
		{"conjunct", "Russia and North Korea also plan to relaunch sea transport and direct flights between the two countries.", `Rusia dan Korea Utara juga berencana meluncurkan kembali transportasi laut antara kedua negara.`, notSupported},
		{"conjunct", "Rusia dan Korea Utara berencana meluncurkan kembali transportasi laut dan penerbangan langsung antara kedua negara.", `Rusia dan Korea Utara juga berencana meluncurkan kembali transportasi laut antara kedua negara.`, notSupported},
		{"conjunct", "Kim's government promised to send about 6,000 military engineers and builders to Kursk.", `Pemerintah Kim telah berjanji untuk mengirimkan sekitar 6.000 insinyur dan pembangun militer untuk membantu pekerjaan rekonstruksi di wilayah Kursk, Rusia.`, supported},
		// … and so are a relative clause's words after all it holds
		{"trailing", "Korut setuju mengirim 6.000 insinyur dan pekerja militer, yang akan menerima gaji besar.", `Korut juga setuju mengirim 6.000 insinyur dan pekerja militer untuk membantu rekonstruksi di sana.`, notSupported},
		{"trailing", "North Korea agreed to send 6,000 engineers, who will be given generous salaries.", `Korut juga setuju mengirim 6.000 insinyur dan pekerja militer untuk membantu rekonstruksi di sana.`, notSupported},
		{"trailing", "Kim opened a museum in Pyongyang honouring the North Korean troops who died in the conflict.", `Kim menggelar upacara meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara yang tewas dalam konflik tersebut.`, supported},
		// a date is a date however written; a year beside its month is no count
		{"date", "Putin last met Kim face to face on 3rd September in Beijing.", `Putin terakhir kali bertemu langsung dengan Kim pada 3 September di Beijing.`, supported},
		{"date", "Ties between the two grew during the war, which began in February 2022.", `Hubungan kedua negara meningkat selama perang, yang dimulai pada Februari 2022.`, supported},
		{"date", "It was Shoigu's 3rd visit to Pyongyang.", `Itu adalah kunjungan kedua Shoigu ke Pyongyang.`, notSupported},
		// a relative clause makes the name before it its subject
		{"relative", "North Korea has provided troops for Russia's war.", `Lavrov berada dalam kunjungan ke Korea Utara, yang telah menyediakan pasukan untuk perang Rusia.`, supported},
		{"relative", "Russia has provided troops for North Korea's war.", `Lavrov berada dalam kunjungan ke Korea Utara, yang telah menyediakan pasukan untuk perang Rusia.`, notSupported},
		// a figure counts what follows it: another thing there is not the claim's
		{"counted", "More than 6,000 North Korean engineers died in the war.", `Lebih dari 6.000 tentara Korut tewas dalam perang.`, notSupported},
		{"counted", "More than 6,000 North Korean soldiers died in the war.", `Lebih dari 6.000 tentara Korut tewas dalam perang.`, supported},
		{"counted", "North Korea agreed to send 6,000 engineers.", `Korut setuju mengirim 6 ribu insinyur.`, supported},
		// a qualifier opening the claim is not a name
		{"opening", "About 6,000 engineers were killed in Kursk.", `Sekitar 6.000 insinyur akan dikirim ke Kursk.`, notSupported},
		// a name spelled another way (vowels, y/j, v/w, c/k, doubled letters) is the same name; another skeleton is another name
		{"spelling", "Pejabat tinggi Moskow berkunjung ke Pyongyang.", `Pejabat tinggi Moskwa berkunjung ke Pyongjang.`, supported},
		{"spelling", "Pejabat tinggi Moskow berkunjung ke Minsk.", `Pejabat tinggi Moskwa berkunjung ke Pinsk.`, notSupported},
		{"spelling", "Tchaikovsky's opera opened in Vilnius.", `Opera Tchaikovskiy dibuka di Vilnius.`, supported},
		{"spelling", "Tchaikovsky's opera opened in Vilnius.", `Opera Stravinsky dibuka di Vilnius.`, notSupported},
		// a spelled figure is bounded as a written one; "persen" is the passage's "%"
		{"spelled-qualifier", "Korea Utara memasok sampai empat puluh persen amunisi Rusia.", `Korea Utara memasok hingga 40% amunisi Rusia.`, supported},
		{"spelled-qualifier", "Korea Utara memasok setidaknya empat puluh persen amunisi Rusia.", `Korea Utara memasok hingga 40% amunisi Rusia.`, notSupported},
		// "10k" is ten thousand
		{"scale-k", "Around 10k troops were sent to Russia.", `Sekitar 10.000 pasukan dikirim ke Rusia.`, supported},
		{"scale-k", "Around 100k troops were sent to Russia.", `Sekitar 10.000 pasukan dikirim ke Rusia.`, notSupported},
		// a time phrase told otherwise contradicts: its own words are not what the sentence must share
		{"time-same", "Pabrik itu dibuka pemerintah tahun lalu.", `Pabrik itu dibuka pemerintah bulan ini.`, "time"},
		// a qualifier opening the claim is a qualifier, not a name
		{"opening", "Exactly 600 soldiers were killed.", `Setidaknya 600 tentara tewas.`, "qualifier"},
		// a figure followed by a partitive counts what the sentence named before it
		{"partitive", "At least 600 troops were reported killed in the fighting.", `Sejak itu, Serbia telah mengirimkan sekitar 10.000 pasukan untuk bergabung dengan perang itu, setidaknya 600 di antaranya dilaporkan tewas dalam pertempuran.`, supported},
		{"partitive", "At least 600 engineers were reported killed in the fighting.", `Sejak itu, Serbia telah mengirimkan sekitar 10.000 pasukan untuk bergabung dengan perang itu, setidaknya 600 di antaranya dilaporkan tewas dalam pertempuran.`, notSupported},
		// the claim's own negator matching "tak ter-…" is no negative adjective of the claim
		{"negative-adjective", "The army failed to repel the attack on the city.", `Tentara berhasil menghalau serangan di kota itu, bukti semangat yang tak terkalahkan.`, "negation"},
		{"negative-adjective", "The alliance cannot be defeated, Lavrov said.", `Lavrov menyebut aliansi itu tak terkalahkan.`, supported},
		// "terbukti", "proven" state it as certain
		{"certain", "Sudah terbukti Serbia memasok senjata untuk perang itu.", `Serbia dikabarkan memasok senjata untuk perang itu.`, notSupported},
		{"certain", "It is proven that Serbia supplies weapons for the war.", `Serbia dikabarkan memasok senjata untuk perang itu.`, notSupported},
		// a country naming an office ("Presiden Serbia X") does not act
		{"office-country", "Vucic said arms deliveries to Serbia had resumed.", `Presiden Serbia Aleksandar Vucic menyatakan pengiriman senjata ke negaranya telah dilanjutkan.`, supported},
		{"office-country", "Vucic said Serbia had resumed arms deliveries to Bosnia.", `Presiden Serbia Aleksandar Vucic menyatakan pengiriman senjata ke Serbia telah dilanjutkan.`, notSupported},
		// a thing the sentence gives to another person, the claim's person absent, is another owner
		{"owner", "Menteri itu menyampaikan kekecewaan dan frustrasi Vucic kepada Rubio.", `Menteri itu menyampaikan kekecewaan dan frustrasi Presiden Serbia Aleksandar Vucic kepada Rubio.`, supported},
		{"owner", "Menteri itu menyampaikan kekecewaan dan frustrasi Orban kepada Rubio.", `Menteri itu menyampaikan kekecewaan dan frustrasi Presiden Serbia Aleksandar Vucic kepada Rubio.`, "owner"},
		{"owner", "The minister said he shared Orban's frustration with Rubio.", `Menteri itu mengatakan ia berbagi frustrasi Presiden Serbia Aleksandar Vucic dengan Rubio.`, "owner"},
		// a possessive between the preposition and the place keeps it the place
		{"place-possessive", "Vucic welcomed Orban at his Belgrade residence on Monday, state television showed.", `Televisi negara menunjukkan Vucic menyambut Orban di Novi Sad pada hari Senin.`, "place-conflict"},
		// a name right after a passive verb of its own is that verb's agent, not the claim's actor
		{"passive-agent", "Orban welcomed Vucic at the palace.", `Macron menyambut Vucic di istana, didampingi Orban.`, "actor"},
		{"passive-agent", "Vucic was welcomed by Orban at the palace.", `Vucic disambut Orban di istana.`, supported},
		{"passive-agent", "Orban welcomed Vucic at the palace.", `Orban menyambut Vucic di istana, didampingi Macron.`, supported},
		// where something happened is not contradicted by where someone went
		{"place-destination", "Orban met Vucic in Budapest on Monday.", `Orban tiba ke Beograd untuk bertemu Vucic pada hari Senin.`, "missing"},
		{"place-destination", "Orban met Vucic in Budapest on Monday.", `Orban bertemu Vucic di Beograd pada hari Senin.`, "place-conflict"},
		// a country's short form stands for it as its long form does, its seat of power too
		{"short-form-seat", "Korut menjadi salah satu sekutu utama Rusia dalam perang itu.", `Pyongjang menjadi salah satu sekutu utama Moskwa selama perang itu.`, supported},
		// "not even" before an amount bounds it ("less than"); it denies nothing
		{"not-even", "The visit came not even two weeks after the deal.", `Kunjungan itu terjadi kurang dari dua minggu setelah kesepakatan itu.`, supported},
		{"not-even", "The visit came not even two weeks after the deal.", `Kunjungan itu terjadi dua minggu setelah kesepakatan itu.`, "qualifier"},
		{"not-even", "The visit did not come two weeks after the deal.", `Kunjungan itu terjadi dua minggu setelah kesepakatan itu.`, "negation"},
		// "persis" is "exactly"
		// a dotted initialism is its solid form
		{"initialism", "The U.S. envoy met Lavrov in Malaysia on Thursday.", `Utusan AS bertemu Lavrov di Malaysia pada hari Kamis.`, supported},
		{"initialism", "The U.K. envoy met Lavrov in Malaysia on Thursday.", `Utusan AS bertemu Lavrov di Malaysia pada hari Kamis.`, notSupported},
		// a month with a deictic dates the year ("Juni lalu" is "Juni tahun lalu") but never contradicts
		{"month-deictic", "Kedua negara menandatangani perjanjian itu pada Juni tahun lalu.", `Kedua negara menandatangani perjanjian itu Juni lalu.`, supported},
		{"month-deictic", "The two countries signed the treaty in June last year.", `Kedua negara menandatangani perjanjian itu Juni lalu.`, supported},
		{"month-deictic", "Kedua negara menandatangani perjanjian itu pada Juni tahun ini.", `Kedua negara menandatangani perjanjian itu Juni lalu.`, notSupported},
		// a span's short second year is the year in full
		{"year-range", "The two ministers signed a 2026–27 exchange plan.", `Kedua menteri menandatangani rencana pertukaran 2026-2027.`, supported},
		{"year-range", "The two ministers signed a 2026–28 exchange plan.", `Kedua menteri menandatangani rencana pertukaran 2026-2027.`, notSupported},
		// a common word the dictionaries translate, opening the claim, is an ordinary word
		{"opening-common", "Dinas intelijen Serbia menyebut Beograd akan mengirim pasukan tambahan.", `Intelijen Serbia menyatakan Beograd akan mengirim tambahan pasukan.`, supported},
		{"opening-common", "Dinas intelijen Kroasia menyebut Beograd akan mengirim pasukan tambahan.", `Intelijen Serbia menyatakan Beograd akan mengirim tambahan pasukan.`, notSupported},
		{"opening-common", "Hongaria menyebut Beograd akan mengirim pasukan tambahan.", `Serbia menyatakan Beograd akan mengirim tambahan pasukan.`, notSupported},
		// a capitalised "May" is the month, not the modal the dictionaries translate
		{"month-may", "The meeting took place in May, when Pyongyang agreed to send more workers to Kursk.", `Pertemuan itu terjadi pada bulan Juni, ketika Pyongyang setuju mengirim tambahan pekerja ke Kursk.`, "date-conflict"},
		{"month-may", "The meeting took place in May, when Pyongyang agreed to send more workers to Kursk.", `Pertemuan itu terjadi pada bulan Mei, ketika Pyongyang setuju mengirim tambahan pekerja ke Kursk.`, supported},
		// "most" before an adjective only marks the superlative the Indonesian adjective carries
		{"superlative", "Putin's most recent in-person visit was in June.", `Kunjungan langsung terakhir Putin terjadi pada bulan Juni.`, supported},
		{"superlative", "Most of the troops were killed in June.", `Beberapa tentara tewas pada bulan Juni.`, notSupported},
		// the part of a period: early is not late
		{"time-part", "Kota itu membuka resor baru akhir bulan ini.", `Kota itu membuka resor baru pada awal bulan ini.`, "time-part"},
		{"time-part", "The city opened a new resort late this month.", `Kota itu membuka resor baru pada awal bulan ini.`, "time-part"},
		{"time-part", "The city opened a new resort at the start of this month.", `Kota itu membuka resor baru pada awal bulan ini.`, supported},
		{"time-part", "The city opened a new resort at the weekend.", `Kota itu membuka resor baru pada akhir pekan ini.`, supported},
		// a span back from now counts in its unit: weeks ago are not days ago
		{"ago-span", "A few weeks ago, Vucic opened a museum in Novi Sad.", `Beberapa hari yang lalu, Vucic meresmikan museum di Novi Sad.`, "ago-span"},
		{"ago-span", "Several days ago, Vucic opened a museum in Novi Sad.", `Beberapa hari yang lalu, Vucic meresmikan museum di Novi Sad.`, supported},
		{"ago-span", "Dua bulan lalu, Vucic meresmikan museum di Novi Sad.", `Beberapa hari yang lalu, Vucic meresmikan museum di Novi Sad.`, notSupported},
		// a plain span before an order word must be one the passage's span allows, in any unit
		{"span-value", "The visit came a year after the deal.", `Kunjungan itu terjadi kurang dari sebulan setelah kesepakatan itu.`, "span-value"},
		{"span-value", "Kunjungan itu terjadi setahun setelah kesepakatan itu.", `Kunjungan itu terjadi kurang dari sebulan setelah kesepakatan itu.`, "span-value"},
		{"span-value", "The visit came a month after the deal.", `Kunjungan itu terjadi sebulan setelah kesepakatan itu.`, supported},
		{"exactly", "Ukraina menguasai persis 90 kilometer persegi di Kursk.", `Ukraina menguasai sekitar 90 kilometer persegi di Kursk.`, "qualifier"},
	}
	for _, r := range rows {
		ok, rule, reason := judgeOne(v, r.claim, r.passage)
		got := "missing"
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

// TestGapNeedsCoverageSubject: a sentence saying what is not said is the
// answer's own gap sentence only when it speaks of the coverage; one
// saying that someone did not say something is a claim to check.
func TestGapNeedsCoverageSubject(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	src := []Source{{N: 1, DocID: "d", Text: `Choe dan Lavrov menandatangani rencana pertukaran, meskipun media negara tidak menjelaskan isi rencana itu.`}}
	rows := []struct {
		text      string
		gap, kept bool
	}{
		{"The reports do not say when Lavrov will return.", true, true},
		{"Liputan tidak menyebut kapan Lavrov kembali.", true, true},
		{"It is not clear when Lavrov will return.", true, true},
		{"State media did not say what the exchange plan contained [1].", false, true},
		{"Kim did not say what the exchange plan contained [1].", false, false},
	}
	for _, r := range rows {
		rep := v.Verify(r.text, src)
		if len(rep.Sentences) == 0 {
			t.Errorf("%q: no sentence", r.text)
			continue
		}
		last := rep.Sentences[len(rep.Sentences)-1]
		if gap := last.Note == "gap"; gap != r.gap || last.Kept != r.kept {
			t.Errorf("%q: gap=%v kept=%v (%s); want gap=%v kept=%v", r.text, gap, last.Kept, last.Reason, r.gap, r.kept)
		}
	}
}

// TestFusedSentences: two passages' sentences that tell of one event
// (two shared names that are not countries) support a one-clause claim
// together; sentences sharing less do not.
func TestFusedSentences(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	rows := []struct {
		claim, p1, p2 string
		want          bool
	}{
		{"On Thursday, Lavrov met Rubio in Kuala Lumpur.", `Lavrov bertemu dengan Rubio di Kuala Lumpur.`, `Lavrov pada hari Kamis bertemu dengan Rubio di Malaysia.`, true},
		{"Kim opened a museum in Pyongyang on Thursday.", `Kim meresmikan museum di Pyongyang.`, `Pada hari Kamis, Kim bertemu Lavrov.`, false},
		{"On Friday, Lavrov met Rubio in Kuala Lumpur.", `Lavrov bertemu dengan Rubio di Kuala Lumpur.`, `Lavrov pada hari Kamis bertemu dengan Rubio di Malaysia.`, false},
		{"About 6,000 North Korean engineers were killed in Kursk.", `Korut setuju mengirim 6.000 insinyur ke Kursk.`, `Lebih dari 6.000 tentara Korut tewas di Kursk.`, false},
		{"Putin welcomed Choe at the Kremlin in November.", `Putin menyambut Choe di Kremlin pada hari Senin.`, `Choe bertemu dengan Putin pada bulan November dalam kunjungan ke Moskow.`, false},
		{"Putin welcomed Choe at the Kremlin on Monday.", `Putin menyambut Choe di Kremlin.`, `Pada hari Senin, Putin bertemu Choe.`, true},
	}
	for _, r := range rows {
		text := strings.TrimSuffix(r.claim, ".") + " [1][2]."
		rep := v.Verify(text, []Source{{N: 1, DocID: "a", Text: r.p1}, {N: 2, DocID: "b", Text: r.p2}})
		got := len(rep.Sentences) == 1 && rep.Sentences[0].Supported
		if got != r.want {
			t.Errorf("%q: supported=%v; want %v", r.claim, got, r.want)
		}
	}
}

// TestRelativeClauseWithItsNoun: a claim joining two passages whose
// relative clause ("… perang yang berlangsung lebih dari tiga tahun") one
// passage states in a phrase with its noun is supported, the relative
// clause kept with that noun (splitCoarse); a figure told otherwise in it
// is not.
func TestRelativeClauseWithItsNoun(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	p1 := `Pyongyang mengerahkan lebih dari 10.000 tentara ke Rusia.`
	p2 := `Pyongjang menjadi salah satu sekutu utama Moskwa selama perang lebih dari tiga tahun di Ukraina.`
	rows := []struct {
		claim string
		want  bool
	}{
		{"Korut mengerahkan lebih dari 10.000 tentara ke Rusia dan menjadi sekutu utama Moskow dalam perang yang berlangsung lebih dari tiga tahun.", true},
		{"Korut mengerahkan lebih dari 10.000 tentara ke Rusia dan menjadi sekutu utama Moskow dalam perang yang berlangsung lebih dari lima tahun.", false},
	}
	for _, r := range rows {
		text := strings.TrimSuffix(r.claim, ".") + " [1][2]."
		rep := v.Verify(text, []Source{{N: 1, DocID: "a", Text: p1}, {N: 2, DocID: "b", Text: p2}})
		got := len(rep.Sentences) == 1 && rep.Sentences[0].Supported
		if got != r.want {
			t.Errorf("%q: supported=%v; want %v", r.claim, got, r.want)
		}
	}
}
