package fakeopenai

import "testing"

// TestEntailsGeneralTable covers what a reader knows of news wording
// beyond the paraphrase table: a capital acting for its government (but
// not a capital where something happens), an organisation by its
// acronym, a bound written after the number or as "no fewer than", a
// denial in other words, and "certain" before a noun; and what it still
// refuses.
func TestEntailsGeneralTable(t *testing.T) {
	t.Parallel()
	tech := "AS dan Korsel khawatir, sebagai imbalan, Kim bisa meminta transfer teknologi Rusia."
	kell := "AS akan mengirim pasokan militer dan utusan Keith Kellogg ke Kyiv awal minggu depan, kata Zelenskyy."
	asean := "Lavrov bertemu dengan Menteri Luar Negeri AS Marco Rubio di sela-sela pertemuan Perhimpunan Bangsa-Bangsa Asia Tenggara."
	seoul := "Sejak itu, Korea Utara telah mengirimkan sekitar 10.000 pasukan, setidaknya 600 di antaranya dilaporkan tewas."
	pent := "Korea Utara mengirim setidaknya 10.000 tentara ke Rusia tahun lalu, menurut perkiraan dari Pentagon."
	trump := "Trump mengklaim mereka berkonspirasi melawan AS – sebuah pernyataan yang dibantah oleh Kremlin."
	halt := "Pentagon sempat menghentikan pengiriman tertentu karena kekhawatiran stok AS menipis."
	ammo := "Serbia memasok hingga 40% amunisi untuk perang itu."
	deal := "Kunjungan itu terjadi kurang dari dua minggu setelah kesepakatan itu."
	greet := "Rekaman menunjukkan Putin menyambut Ri di Kremlin pada hari Senin."
	greetOther := "Rekaman menunjukkan Putin menyambut Ri Yong Ho di Kremlin pada hari Senin."
	shoigu := "Kim bertemu Shoigu, mantan menteri pertahanan Rusia."
	dprk := "Korea Utara menegaskan kembali dukungannya untuk kampanye itu."
	never := "“Kami tidak akan pernah melupakan pengorbanan itu,” ujar Putin."
	rows := []struct {
		claim, p string
		want     bool
	}{
		{"Washington and Seoul worry that Kim could seek Russian technology.", tech, true},
		{"Zelenskyy said Washington would send military supplies and envoy Keith Kellogg to Kyiv.", kell, true},
		{"Zelenskyy said the US would send envoy Keith Kellogg to Washington.", kell, false},
		{"Lavrov met Rubio on the sidelines of an ASEAN meeting.", asean, true},
		{"Lavrov met Rubio on the sidelines of a NATO meeting.", asean, false},
		{"600 or more of the troops have reportedly died.", seoul, true},
		{"Exactly 600 of the troops have reportedly died.", seoul, false},
		{"Pyongyang sent no fewer than 10,000 soldiers to Russia last year, the Pentagon estimates.", pent, true},
		{"Pyongyang did not send 10,000 soldiers to Russia last year, the Pentagon estimates.", pent, false},
		{"The Kremlin dismissed Trump's claim that they were conspiring against the US.", trump, true},
		{"The Kremlin endorsed Trump's claim that they were conspiring against the US.", trump, false},
		{"North Korea sent a minimum of 10,000 troops to Russia last year, the Pentagon estimated.", pent, true},
		{"Washington and Seoul fear Kim might ask for Russian technology in return.", tech, true},
		{"The Pentagon had briefly halted certain shipments.", halt, true},
		{"The Pentagon was certain to halt shipments.", halt, false},
		// spelled tens and "10k"; a bound stated in another clause of the claim
		{"Serbia supplies up to empat puluh persen of the ammunition.", ammo, true},
		{"Serbia supplies up to lima puluh persen of the ammunition.", ammo, false},
		{"Around 10k troops have been sent, and at least six hundred of them have reportedly died.", seoul, true},
		{"Around 20k troops have been sent, and at least six hundred of them have reportedly died.", seoul, false},
		// a three-word Korean name by its family name standing alone; not one followed by other given names
		{"Putin greeted Ri Son Gwon at the Kremlin on Monday.", greet, true},
		{"Putin greeted Ri Son Gwon at the Kremlin on Monday.", greetOther, false},
		// "ex-" is "former"
		{"Kim met Shoigu, Russia's ex-defence minister.", shoigu, true},
		{"Kim met Shoigu, Russia's defence minister.", shoigu, false},
		// "not even" before an amount is "less than", no negation
		{"The visit came not even two weeks after the deal.", deal, true},
		{"The visit came two weeks after the deal.", deal, false},
		{"The visit did not come two weeks after the deal.", deal, false},
		// the DPRK is North Korea
		{"The DPRK reaffirmed its support for the campaign.", dprk, true},
		// a verb of saying other than "said" puts the speaker's country for "kami"
		{"Putin menegaskan Rusia tidak akan pernah melupakan pengorbanan itu.", never, true},
		{"Putin menegaskan Rusia akan melupakan pengorbanan itu.", never, false},
	}
	for _, r := range rows {
		if got, why := Entails(r.claim, []string{r.p}); got != r.want {
			t.Errorf("%q: entailed=%v (%s); want %v", r.claim, got, why, r.want)
		}
	}
}
