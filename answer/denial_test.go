package answer

import "testing"

func TestDenier(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ sentence, want string }{
		{"Mereka membantu Rusia merebut kembali wilayah Kursk—klaim yang dibantah Ukraina.", "Ukraina"},
		{"The claim was denied by the Kremlin on Friday.", "Kremlin"},
		{"Kyiv denies that its troops left the region.", "Kyiv"},
		{"Pemerintah Korea Selatan membantah laporan itu.", "Pemerintah Korea Selatan"},
		{"The troops helped Russia retake the region.", ""},
	} {
		if got := denier(tc.sentence); got != tc.want {
			t.Errorf("denier(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}
