package cite

import "testing"

// TestFaithfulParaphraseTable is a labelled table of faithful English
// and Indonesian paraphrases of the bundled articles' sentences, written
// for the verifier's rules (not claims of the blind table): synonyms,
// reordered clauses, titles given or left out, short forms (Menlu,
// Korut), qualifiers in other words (paling sedikit = at least). Each
// must be supported by its sentence.
func TestFaithfulParaphraseTable(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	p1a := `Presiden Rusia Vladimir Putin telah bertemu dengan Menteri Luar Negeri Korea Utara Choe Son Hui dalam pertemuan tingkat tinggi terbaru antara kedua negara, yang telah memperkuat hubungan selama perang di Ukraina.`
	p1b := `Rusia dan Korea Utara, keduanya berada di bawah sanksi Barat yang luas, secara signifikan telah memperkuat ikatan dalam beberapa tahun terakhir, termasuk menandatangani pakta pertahanan 2024 yang berkomitmen untuk saling memberikan dukungan militer jika salah satu pihak mengalami “agresi”.`
	p1c := `Pyongyang pertama kali mengakui keterlibatan prajuritnya dalam perang pada bulan April, dengan menyatakan mereka membantu Rusia merebut kembali wilayah Kursk yang strategis setelah serangan balik Ukraina.`
	p1d := `Beberapa hari yang lalu, Kim menggelar upacara meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara yang tewas dalam konflik tersebut.`
	p1e := `Hubungan Rusia-Korea Utara yang semakin mendalam telah menimbulkan kekhawatiran dari Amerika Serikat, yang menyatakan ada bukti bahwa Rusia meningkatkan dukungan teknologi untuk Korea Utara, termasuk dalam program antariksa dan satelit.`
	p1f := `Putin terakhir kali bertemu langsung dengan Kim pada 3 September di Beijing, di mana kedua pemimpin mengadakan pembicaraan resmi setelah menghadiri parade militer yang dihost oleh Presiden China Xi Jinping.`
	p2a := `Presiden Rusia Vladimir Putin telah bertemu dengan Menteri Luar Negeri Korea Utara Choe Son Hui dalam pertemuan tingkat tinggi terbaru antara kedua negara, yang telah memperkuat hubungan selama perang di Ukraina.`
	p2c := `Pyongyang pertama kali mengakui keterlibatan prajuritnya dalam perang pada bulan April, dengan menyatakan mereka membantu Rusia merebut kembali wilayah Kursk yang strategis setelah serangan balik Ukraina.`
	p2d := `Beberapa hari yang lalu, Kim menggelar upacara meresmikan museum di Pyongyang untuk menghormati pasukan Korea Utara yang tewas dalam konflik tersebut.`
	p2g := `Lebih dari 6.000 tentara Korut tewas dalam perang Rusia-Ukraina, menurut intelijen pertahanan Inggris.`
	p2h := `Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu untuk membantu perang melawan Ukraina, menurut perkiraan dari Pentagon.`
	rows := []struct{ claim, passage string }{
		{"Russian President Vladimir Putin met North Korean Foreign Minister Choe Son Hui in the latest high-level meeting between the two countries.", p1a},
		{"Putin has met Choe Son Hui, North Korea's foreign minister, in the countries' latest high-level talks.", p1a},
		{"Russia and North Korea, both under broad Western sanctions, have significantly strengthened ties in recent years.", p1b},
		{"The 2024 defence pact commits Russia and North Korea to provide each other military support if either faces aggression.", p1b},
		{"Pyongyang first acknowledged its soldiers' involvement in the war in April.", p1c},
		{"North Korea first admitted in April that its troops were fighting in the war, saying they helped Russia retake Kursk.", p1c},
		{"A few days ago, Kim held a ceremony to open a museum in Pyongyang honouring North Korean troops killed in the conflict.", p1d},
		{"Kim inaugurated a museum in Pyongyang to honour the North Korean soldiers who died in the conflict.", p1d},
		{"The deepening Russia-North Korea ties have raised concerns in the United States.", p1e},
		{"The United States says there is evidence that Russia is increasing technological support to North Korea, including in its space and satellite programmes.", p1e},
		{"Putin last met Kim in person on September 3 in Beijing, where the two leaders held formal talks after attending a military parade hosted by Chinese President Xi Jinping.", p1f},
		{"The two leaders held official talks in Beijing after attending a military parade hosted by Xi Jinping.", p1f},
		{"Putin menemui Menlu Korut Choe Son Hui dalam pertemuan tingkat tinggi terbaru kedua negara.", p2a},
		{"Presiden Putin berjumpa dengan Choe Son Hui, menteri luar negeri Korea Utara.", p2a},
		{"Pyongyang pertama kali mengakui keterlibatan tentaranya dalam perang pada April.", p2c},
		{"Korea Utara mengaku pada bulan April bahwa pasukannya membantu Rusia merebut kembali Kursk.", p2c},
		{"Kim meresmikan museum di Pyongyang untuk menghormati tentara Korea Utara yang gugur dalam konflik itu.", p2d},
		{"Menurut intelijen pertahanan Inggris, lebih dari 6.000 prajurit Korea Utara meninggal dalam perang Rusia-Ukraina.", p2g},
		{"Intelijen pertahanan Inggris memperkirakan lebih dari 6.000 serdadu Korut tewas.", p2g},
		{"Pentagon memperkirakan Korut mengerahkan sedikitnya 10.000 tentara ke Rusia tahun lalu.", p2h},
		{"Menurut Pentagon, Korea Utara mengirimkan paling sedikit 10.000 pasukan ke Rusia pada tahun lalu.", p2h},
		// who said it, to whom, per whom
		{"Rubio said he shared Trump's disappointment and frustration with his Russian counterparts.", `Lavrov pada hari Kamis telah bertemu dengan Menteri Luar Negeri AS Marco Rubio di Malaysia, setelah itu Rubio mengatakan ia berbagi “kekecewaan dan frustrasi” Presiden AS Donald Trump dengan rekan -rekan Rusia mereka.`},
		{"The US State Department said last year that North Korea had sent weapons, including ballistic missiles and ammunition, to Russia.", `Departemen Luar Negeri AS mengatakan tahun lalu bahwa Korea Utara telah mengirimkan senjata – termasuk rudal balistik dan amunisi – ke Rusia untuk digunakan dalam perangnya melawan Ukraina.`},
		{"Kim told Lavrov that the allies' steps would contribute greatly to securing peace and security around the world, KCNA reported.", `Kim mengatakan kepada Lavrov bahwa langkah-langkah yang diambil oleh sekutu dalam menanggapi geopolitik global yang berkembang secara radikal akan berkontribusi besar dalam mengamankan perdamaian dan keamanan di seluruh dunia, lapor kantor berita pemerintah Korea Utara, KCNA.`},
		{"KCNA said Kim Jong Un reaffirmed that the DPRK was ready to unconditionally support all measures taken by the Russian leadership.", `"Kim Jong Un menegaskan kembali bahwa DPRK (Republik Rakyat Demokratik Korea) siap untuk mendukung tanpa syarat dan mendorong semua langkah yang diambil oleh kepemimpinan Rusia terkait penanggulangan akar penyebab krisis Ukraina," kata KCNA.`},
		{"Lavrov said North Korea had affirmed its 'real support' for Russia's war in Ukraine.", `Pyongyang, Suarathailand- Menteri Luar Negeri Rusia Sergei Lavrov mengatakan Korea Utara telah menegaskan "dukungan nyata"-nya terhadap perang Rusia di Ukraina dan terhadap kepemimpinan Kremlin saat ia memulai kunjungan tiga hari ke Pyongyang.`},
		{"Ukraine said in June it still held a small area of about 90 square kilometres in the Kursk region.", `Ukraina pada bulan Juni mengatakan bahwa mereka mempertahankan sebagian kecil wilayah seluas sekitar 90 kilometer persegi (35 mil persegi) di Oblast Kursk.`},
		{"Lavrov said Belarus, with Russia's support, has invited North Korea to take part in the third conference on Eurasian security architecture.", `Lavrov juga mengatakan Belarus, dengan dukungan Rusia, telah mengundang Korea Utara untuk berpartisipasi dalam konferensi ketiga tentang arsitektur keamanan Eurasia, yang diperkirakan akan diadakan di Minsk pada bulan Oktober.`},
		{"Budanov told Bloomberg News that North Korea now supplies up to 40% of Russia's ammunition.", `Korea Utara kini memasok hingga 40% amunisi Rusia untuk perang dan "itu adalah senjata yang bagus," ujar Kyrylo Budanov, kepala intelijen militer Ukraina, kepada Bloomberg News dalam sebuah wawancara.`},
		{"North Korea said it would support all steps taken by Russia to address the root causes of the Ukraine crisis, the Korean Central News Agency reported.", `Korea Utara mengatakan akan mendukung “semua langkah” yang diambil oleh Rusia sehubungan dengan “mengatasi akar penyebab krisis Ukraina,” lapor kantor berita pusat Korea.`},
		{"Lavrov said on Saturday that Russia was grateful for the contribution of Korean People's Army soldiers who fought alongside Russian forces in Kursk.", `Lavrov mengatakan pada hari Sabtu bahwa Rusia “sekali lagi menyatakan rasa terima kasih kami yang tulus atas kontribusi prajurit Angkatan Darat Rakyat Korea” yang bertempur bersama pasukan Rusia di Kursk, di mana Ukraina telah melakukan serangan ke Rusia, menurut Tass, sebuah kantor berita Rusia.`},
		// hedges that qualify another clause, vocabulary of force and contact
		{"Lavrov said there would likely be more meetings between Putin and Kim in the future.", `Kedua negara yang dikenai sanksi berat ini terus berkomunikasi, dan kemungkinan akan ada lebih banyak pertemuan antara Presiden Vladimir Putin dan Pemimpin Kim Jong Un di masa mendatang, kata Lavrov, Sabtu.`},
		{"The two heavily sanctioned countries remain in contact, Lavrov said on Saturday.", `Kedua negara yang dikenai sanksi berat ini terus berkomunikasi, dan kemungkinan akan ada lebih banyak pertemuan antara Presiden Vladimir Putin dan Pemimpin Kim Jong Un di masa mendatang, kata Lavrov, Sabtu.`},
		{"Lavrov called the involvement of North Korean troops in Russia's Kursk region a symbol of the invincible brotherhood between the two countries.", `Dalam konferensi pers tersebut, Lavrov menyebut keterlibatan pasukan Korea Utara di wilayah Kursk Rusia — tempat pasukan Kremlin berhasil menggagalkan serangan mendadak Ukraina tahun lalu — sebagai simbol "persaudaraan yang tak terkalahkan" antara kedua negara.`},
		{"Kremlin forces repelled a surprise Ukrainian offensive in Kursk last year.", `Dalam konferensi pers tersebut, Lavrov menyebut keterlibatan pasukan Korea Utara di wilayah Kursk Rusia — tempat pasukan Kremlin berhasil menggagalkan serangan mendadak Ukraina tahun lalu — sebagai simbol "persaudaraan yang tak terkalahkan" antara kedua negara.`},
		{"North Korea opened the Wonsan-Kalma coastal tourist zone in June, with Kim leading a ribbon-cutting ceremony.", `Korea Utara membuka kawasan wisata pesisir Wonsan-Kalma pada bulan Juni, dengan Kim memimpin upacara pemotongan pita.`},
		{"The visit came less than a month after Pyongyang agreed to send 6,000 additional military workers to Kursk.", `Kunjungan akhir pekan ini terjadi kurang dari sebulan setelah Pyongyang setuju untuk mengirim 6.000 pekerja militer tambahan ke wilayah Kursk pada pertemuan bulan Juni antara Kim dan Sergei Shoigu, ajudan keamanan utama Putin dan mantan menteri pertahanan Rusia.`},
		{"It was Shoigu's third visit to Pyongyang in recent months.", `Itu adalah kunjungan ketiga Shoigu ke Pyongyang dalam beberapa bulan terakhir.`},
		{"The two countries have tightened ties since signing a military treaty last year to expand their strategic partnership.", `Kedua negara telah mempererat hubungan setelah menandatangani perjanjian militer tahun lalu untuk memperluas kemitraan strategis mereka di tengah meningkatnya sanksi internasional.`},
		{"Russia and North Korea also plan to relaunch sea transport between the two countries.", `Rusia dan Korea Utara juga berencana meluncurkan kembali transportasi laut antara kedua negara.`},
		{"Western governments accuse the Kremlin of trading military technology for weapons and labour during Putin's war in Ukraine, now in its fourth year.", `Pemerintah Barat menuduh Kremlin menukar teknologi militer dengan senjata dan tenaga kerja di tengah perang Putin melawan Ukraina, yang kini telah memasuki tahun keempat.`},
		{"Deploying troops to Russia has also helped Pyongyang's military gain modern combat experience.", `Pengerahan pasukan Korea Utara ke Rusia juga telah membantu militer Pyongyang mendapatkan pengalaman tempur modern dan nyata.`},
		{"Choe Son Hui met Putin and Lavrov in November during a visit to Moscow.", `Choe Son Hui bertemu dengan Putin dan Lavrov pada bulan November dalam sebuah kunjungan ke Moskow.`},
		{"Before Pyongyang, Lavrov was in Kuala Lumpur, where he met US Secretary of State Marco Rubio on the sidelines of an ASEAN meeting.", `Sebelum Pyongyang, Lavrov berada di Kuala Lumpur, di mana ia bertemu dengan Menteri Luar Negeri AS Marco Rubio di sela-sela pertemuan Perhimpunan Bangsa-Bangsa Asia Tenggara.`},
		// reports of state media, statements, deployments
		{"North Korea and its leader Kim Jong Un will continue to support and encourage Russia's war in Ukraine, North Korean state media reported on Sunday.", `LONDON – Korea Utara dan pemimpinnya, Kim Jong Un, akan terus “mendukung dan mendorong” perang Rusia di Ukraina, media negara Korea Utara melaporkan pada hari Minggu.`},
		{"The bilateral talks were held in Wonsan, a coastal city where North Korea opened a newly built beach resort this year.", `Pembicaraan bilateral diadakan di Wonsan, sebuah kota pesisir tempat Korea Utara tahun ini membuka resor pantai yang baru dibangun.`},
		{"State media released a series of photos that appeared to show the pair in a warm embrace before sitting down for talks.", `Kim juga bertemu dengan Lavrov, menurut State Media, yang merilis serangkaian foto yang muncul untuk menunjukkan pasangan yang terlibat dalam pelukan hangat sebelum duduk untuk pembicaraan.`},
		{"The pair discussed mutual cooperation in the international arena, KCNA reported.", `Pasangan ini membahas “kerja sama timbal balik di arena internasional,” lapor KCNA.`},
		{"Russia and North Korea signed a mutual defence pact last year, according to Russian and North Korean media.", `Rusia dan Korea Utara tahun lalu menandatangani pakta saling membela, menurut media Rusia dan Korea Utara.`},
		{"Kim Jong Un greeted Russian Foreign Minister Sergei Lavrov during a meeting in Wonsan on 12 July 2025.", `Pemimpin Korea Utara Kim Jong Un menyapa Menteri Luar Negeri Rusia Sergei Lavrov selama pertemuan di Wonsan, Korea Utara 12 Juli 2025.`},
		{"Lavrov and Choe issued a joint statement pledging support for safeguarding each country's national sovereignty and territorial integrity, KCNA reported.", `Lavrov sebelumnya telah mengadakan pembicaraan dengan mitranya dari Korea Utara, Choe Son Hui, di Wonsan, dan mereka mengeluarkan pernyataan bersama yang menjanjikan dukungan untuk menjaga kedaulatan nasional dan integritas wilayah masing-masing negara, demikian dilaporkan KCNA.`},
		{"Lavrov thanked Kim for the troops deployed to Russia, Russian media reported on Saturday.", `Pada hari Sabtu, media Rusia melaporkan bahwa Lavrov menggambarkan hubungan kedua negara sebagai "persaudaraan tempur yang tak terkalahkan" dalam pertemuannya dengan Kim dan berterima kasih kepadanya atas pasukan yang dikerahkan ke Rusia.`},
		{"Ties between Russia and North Korea have grown dramatically during the war in Ukraine, which began in February 2022.", `Hubungan antara Rusia dan Korea Utara telah meningkat secara dramatis selama dua tahun terakhir perang di Ukraina, yang dimulai pada Februari 2022, dengan Pyongyang mengerahkan lebih dari 10.000 tentara dan senjata ke Rusia untuk mendukung kampanye militer Moskow.`},
		{"Pyongyang has deployed more than 10,000 troops and weapons to Russia to support Moscow's military campaign.", `Hubungan antara Rusia dan Korea Utara telah meningkat secara dramatis selama dua tahun terakhir perang di Ukraina, yang dimulai pada Februari 2022, dengan Pyongyang mengerahkan lebih dari 10.000 tentara dan senjata ke Rusia untuk mendukung kampanye militer Moskow.`},
		{"Kim's government has pledged to send around 6,000 engineers and military builders to help reconstruction work in Russia's Kursk region.", `Pemerintah Kim telah berjanji untuk mengirimkan sekitar 6.000 insinyur dan pembangun militer untuk membantu pekerjaan rekonstruksi di wilayah Kursk, Rusia.`},
	}
	for _, r := range rows {
		if ok, rule, why := judgeOne(v, r.claim, r.passage); !ok {
			t.Errorf("%q: not supported (%s %s)", r.claim, rule, why)
		}
	}
}
