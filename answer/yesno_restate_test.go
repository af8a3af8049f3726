package answer

import (
	"context"
	"testing"
)

// A yes restates the question's statement: an Indonesian one without its
// question words, tags and particles, an English one with its subject
// put back before the auxiliary; names capitalised. A statement that
// negates is not restated.
func TestPolarRestatement(t *testing.T) {
	t.Parallel()
	svc, _ := seedService(t)
	e := svc.ext
	for _, tc := range []struct{ question, want string }{
		{"bener gak sih kim sama lavrov sampe pelukan?", "Kim sama Lavrov sampe pelukan"},
		{"Apakah pengiriman senjata AS ke Ukraina sudah dilanjutkan lagi?", "pengiriman senjata AS ke Ukraina sudah dilanjutkan lagi"},
		{"putin nitip salam buat kim gak pas ketemu choe?", "Putin nitip salam buat Kim pas ketemu Choe"},
		{"lavrov bilang bakal ada pertemuan putin-kim lagi gak?", "Lavrov bilang bakal ada pertemuan Putin-Kim lagi"},
		{"korut gak ngirim pasukan ke rusia ya?", ""}, // negated: not restated
		{"did kim and lavrov shake hands when they met?", "Kim and Lavrov did shake hands when they met"},
		{"was the 2024 defence pact signed in moscow?", "the 2024 defence pact was signed in Moscow"},
		{"is the wonsan meeting the second round of talks?", "the Wonsan meeting is the second round of talks"},
		{"was bloomberg able to verify the claim?", "Bloomberg was able to verify the claim"},
		{"Is Choe Son Hui North Korea's foreign minister?", ""}, // one name run into the next: no subject to put back
		{"did russia actually retake kursk, right?", "Russia did actually retake Kursk"},
		{"didn't kim meet lavrov?", ""},                      // negated: not restated
		{"berapa insinyur yang dikirim korut ke kursk?", ""}, // not a yes/no question
	} {
		lq, _, err := e.analyze(context.Background(), tc.question, 10) // names as the coverage writes them
		if err != nil {
			t.Fatal(err)
		}
		if got := e.polarRestatement(lq); got != tc.want {
			t.Errorf("%q: restated %q, want %q", tc.question, got, tc.want)
		}
	}
}

// A question's chat "not" that asks (after "bener", before "sih" or a
// clause of when) does not negate it; a verb of denial it asks about
// does, so that a sentence reporting the denial agrees with it.
func TestQuestionNegates(t *testing.T) {
	t.Parallel()
	svc, _ := seedService(t)
	e := svc.ext
	for _, tc := range []struct {
		question string
		want     bool
	}{
		{"bener gak sih kim sama lavrov sampe pelukan?", false},
		{"putin nitip salam buat kim gak pas ketemu choe?", false},
		{"korut ngirim senjata ke moskow gak sih?", false},
		{"korut gak ngirim pasukan ke rusia ya?", true},
		{"didn't russia send troops?", true},
		{"Did the Kremlin push back on Trump's claim?", true},
		{"did ukraine reject the claim?", true},
		{"ukraina ngebantah klaim itu?", true},
		{"did the kremlin back trump's claim?", false},
	} {
		if got := questionNegates(e.lex.Analyze(tc.question)); got != tc.want {
			t.Errorf("%q: questionNegates %v, want %v", tc.question, got, tc.want)
		}
	}
}
