package fakeopenai

import "testing"

// TestEntailsParaphraseTable is a labelled table of how a careful reader
// treats common paraphrase: a country for its capital, a well-known
// title the passage leaves out, a first name added, a negation or hedge
// that governs something else, "foreign" outside a title; and what it
// still refuses: another title, a dropped hedge, another magnitude.
func TestEntailsParaphraseTable(t *testing.T) {
	t.Parallel()
	p1 := "Pyongjang menjadi salah satu sekutu utama Moskwa selama perang lebih dari tiga tahun di Ukraina, mengirim ribuan pasukan dan senjata konvensional untuk membantu Kremlin mengusir pasukan Ukraina dari Kursk di Rusia."
	p2 := "Rekaman yang dirilis oleh kantor berita negara Rusia menunjukkan Putin menyambut Choe di Kremlin pada hari Senin. Diplomat top Rusia Sergey Lavrov juga hadir dalam pertemuan tersebut."
	p3 := "Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu untuk membantu perang melawan Ukraina, menurut perkiraan dari Pentagon."
	p4 := "Dalam konferensi pers tersebut, Lavrov menyebut keterlibatan pasukan Korea Utara di wilayah Kursk Rusia — tempat pasukan Kremlin berhasil menggagalkan serangan mendadak Ukraina tahun lalu — sebagai simbol \"persaudaraan yang tak terkalahkan\" antara kedua negara."
	p5 := "Otoritas Rusia akan memfasilitasi peningkatan arus wisatawan ke Korea Utara dari Rusia, kata Lavrov."
	p6 := "Intelijen Korea Selatan menyatakan Korut mungkin bersiap mengirim tambahan pasukan pada Juli atau Agustus."
	nEng := "Korut juga setuju mengirim 6.000 insinyur dan pekerja militer untuk membantu rekonstruksi di sana."
	nCer := "Lavrov dan Choe menghadiri upacara penandatanganan di Wonsan pada hari Sabtu, 12 Juli 2025."
	nKursk := "Ukraina pada bulan Juni mengatakan bahwa mereka mempertahankan sebagian kecil wilayah seluas sekitar 90 kilometer persegi (35 mil persegi) di Oblast Kursk."
	nAmmo := "Korea Utara kini memasok hingga 40% amunisi Rusia untuk perang."
	negbb := "Bloomberg tidak dapat memverifikasi penilaian Budanov secara independen."
	negkursk := "Pada April, kedua negara secara resmi mengonfirmasi pengiriman pasukan Korut ke Rusia untuk pertama kalinya, mengklaim pasukan itu membantu Rusia merebut kembali wilayah Kursk—klaim yang dibantah Ukraina."
	negkim := "Kim Jong Un mengatakan kepada diplomat tertinggi Rusia bahwa negaranya siap untuk \"mendukung tanpa syarat\" semua tindakan yang diambil oleh Moskow untuk menyelesaikan konflik di Ukraina."
	negbro := "Pada hari Sabtu, media Rusia melaporkan bahwa Lavrov menggambarkan hubungan kedua negara sebagai \"persaudaraan tempur yang tak terkalahkan\" dalam pertemuannya dengan Kim."
	negtr := "Setelah pertemuan Putin dan Kim pada bulan September, Presiden AS Donald Trump mengklaim mereka berkonspirasi melawan AS – sebuah pernyataan yang dibantah oleh Kremlin."
	negplan := "Korea Utara berusaha memposisikan pertemuan para diplomat top sebagai “dialog strategis,” setelah itu Choe dan Lavrov menandatangani “rencana pertukaran 2026-2027,” meskipun media negara berhenti mengatakan apa yang ada dalam rencana itu."
	shoigu := "Sekretaris Dewan Keamanan Rusia Sergei Shoigu telah berkunjung ke Pyongjang beberapa kali tahun ini."
	pact := "Rusia dan Korea Utara bulan lalu menandatangani pakta saling membela."
	p7 := "Lebih dari 6.000 tentara Korut tewas dalam perang Rusia-Ukraina, menurut intelijen pertahanan Inggris."
	rows := []struct {
		claim, p string
		want     bool
	}{
		// negation and denial in other words; the opposite refused
		{"Bloomberg was unable to independently verify Budanov's assessment.", negbb, true},
		{"Bloomberg could not confirm Budanov's assessment independently.", negbb, true},
		{"Budanov's assessment could not be independently verified by Bloomberg.", negbb, true},
		{"Bloomberg has not independently verified Budanov's claim.", negbb, true},
		{"Bloomberg has verified Budanov's assessment.", negbb, false},
		{"Ukraine denied that North Korean troops helped Russia retake Kursk.", negkursk, true},
		{"Ukraine disputes the claim that North Korean troops helped Russia retake Kursk.", negkursk, true},
		{"Kim pledged unconditional support for Moscow's actions.", negkim, true},
		{"Lavrov described the relationship as an invincible fighting brotherhood.", negbro, true},
		{"Lavrov called the relationship a fighting brotherhood that cannot be defeated.", negbro, true},
		{"The Kremlin rejected Trump's claim that Putin and Kim were conspiring against the US.", negtr, true},
		{"The Kremlin denied Trump's claim that Putin and Kim were conspiring against the US.", negtr, true},
		{"The Kremlin confirmed Trump's claim that Putin and Kim were conspiring against the US.", negtr, false},
		{"North Korean state media did not say what the 2026-2027 exchange plan contains.", negplan, true},
		{"State media did not reveal what was in the 2026-2027 exchange plan that Choe and Lavrov signed.", negplan, true},
		// "tak terkalahkan" is one adjective; a name's words translated
		{"Lavrov thanked Kim for the troops deployed to Russia, Russian media reported on Saturday.", "Pada hari Sabtu, media Rusia melaporkan bahwa Lavrov menggambarkan hubungan kedua negara sebagai \"persaudaraan tempur yang tak terkalahkan\" dalam pertemuannya dengan Kim dan berterima kasih kepadanya atas pasukan yang dikerahkan ke Rusia.", true},
		{"Lavrov thanked the Korean People's Army.", "Lavrov berterima kasih kepada prajurit Angkatan Darat Rakyat Korea.", true},
		// a destination is the place after "to", not a verb's object or a source
		{"North Korea sent at least 10,000 troops last year to help Russia, according to the Pentagon.", p3, true},
		{"North Korea sent at least 10,000 troops to Ukraine last year.", p3, false},
		// a person's full name for the family name the passage gives
		{"Vladimir Putin welcomed Choe at the Kremlin.", "Putin menyambut Choe di Kremlin.", true},
		{"South Korea welcomed Lavrov in Wonsan.", "Korut menyambut Lavrov di Wonsan.", false},
		// number styles: spelled with a scale, per cent, ordinal dates
		{"North Korea also agreed to send six thousand engineers and military workers.", nEng, true},
		{"North Korea agreed to send 6 thousand engineers.", nEng, true},
		{"Lavrov and Choe attended a signing ceremony in Wonsan on Saturday, July 12th, 2025.", nCer, true},
		{"Lavrov and Choe attended a signing ceremony in Wonsan on 12 July 2025.", nCer, true},
		{"Ukraine said in June it held about 90 square kilometres (35 square miles) in the Kursk region.", nKursk, true},
		{"North Korea now supplies up to 40 per cent of Russia's ammunition.", nAmmo, true},
		{"North Korea now supplies up to forty percent of Russia's ammunition.", nAmmo, true},
		// short forms, councils, Indonesian qualifiers, "defence" outside a title
		{"Putin menemui Menlu Korut Choe Son Hui.", "Presiden Rusia Vladimir Putin telah bertemu dengan Menteri Luar Negeri Korea Utara Choe Son Hui.", true},
		{"Menurut intelijen pertahanan Inggris, lebih dari 6.000 prajurit Korea Utara meninggal dalam perang.", p7, true},
		{"Menurut Pentagon, Korea Utara mengirimkan paling sedikit 10.000 pasukan ke Rusia pada tahun lalu.", p3, true},
		{"Russian Security Council Secretary Sergei Shoigu has visited Pyongyang several times this year.", shoigu, true},
		{"Russia and North Korea signed a mutual defence pact last month.", pact, true},
		{"Pyongyang has become one of Moscow's main allies during the war in Ukraine.", p1, true},
		{"North Korea sent thousands of troops and conventional weapons to help the Kremlin push Ukrainian forces out of Kursk.", p1, true},
		{"Footage released by Russian state media showed Putin welcoming Choe at the Kremlin on Monday.", p2, true},
		{"Russia's top diplomat Sergey Lavrov also attended the meeting.", p2, true},
		{"According to Pentagon estimates, North Korea sent at least 10,000 troops to Russia last year.", p3, true},
		{"North Korea sent at least 10,000 soldiers to Russia last year to help its war against Ukraine, according to the Pentagon.", p3, true},
		{"Lavrov called the involvement of North Korean troops in Russia's Kursk region a symbol of invincible brotherhood.", p4, true},
		{"Lavrov said Russian authorities would help increase the flow of tourists to North Korea.", p5, true},
		{"South Korean intelligence said North Korea may be preparing to send more troops in July or August.", p6, true},
		{"South Korean intelligence said North Korea will send more troops in July.", p6, false},
		{"North Korea sent at least 10,000 troops to Russia last year, according to Pentagon estimates.", p3, true},
		{"Russian President Vladimir Putin welcomed Choe at the Kremlin on Monday.", p2, true},
		{"Russian Prime Minister Sergey Lavrov also attended the meeting.", p2, false},
		{"Russia's defence minister Sergey Lavrov also attended the meeting.", p2, false},
		{"An estimated 10,000 North Korean soldiers were sent to Russia last year.", p3, false},
		{"Pyongyang is one of Moscow's key allies in the war in Ukraine.", p1, true},
		{"North Korea sent hundreds of troops to help the Kremlin.", p1, false},
		{"North Korea sent thousands of troops to help the Kremlin.", p1, true},
		{"North Korea helped the Kremlin push foreign forces out of Kursk.", p1, true},
		{"Lavrov said Russian authorities would help bring more tourists to North Korea from Russia.", p5, true},
	}
	for _, r := range rows {
		if got, why := Entails(r.claim, []string{r.p}); got != r.want {
			t.Errorf("%v (%s): %s", got, why, r.claim)
		}
	}
}
