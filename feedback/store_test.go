package feedback

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/answer"
)

// clock is a settable test clock: no test depends on elapsed time.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openTest(t *testing.T, c *clock) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "feedback.db")
	s, err := Open(context.Background(), path, Options{Key: []byte("0123456789abcdef0123456789abcdef"), Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func declined(q string) answer.Result {
	return answer.Result{Question: q, Answered: false, Answer: "The coverage does not say.", Lang: "en", Mode: answer.ModeExtractive}
}

func TestOpenUsesWALAndMigrations(t *testing.T) {
	t.Parallel()
	c := &clock{time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)}
	s, path := openTest(t, c)
	ctx := t.Context()
	if m, err := s.JournalMode(ctx); err != nil || m != "wal" {
		t.Fatalf("journal mode %q, %v; want wal", m, err)
	}
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil || v != 1 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	if err := s.RecordShown(ctx, Shown{Key: "k1", Result: declined("q")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Reopening keeps the data and applies no migration twice.
	s2, err := Open(ctx, path, Options{Key: []byte("0123456789abcdef0123456789abcdef"), Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	rep, err := s2.Gaps(ctx, time.Time{}, 0)
	if err != nil || len(rep.Declined) != 1 {
		t.Fatalf("after reopening: %+v, %v", rep, err)
	}
}

func TestVotesOnePerMemberChangeable(t *testing.T) {
	t.Parallel()
	c := &clock{time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)}
	s, path := openTest(t, c)
	ctx := t.Context()
	r := answer.Result{Question: "How many engineers?", Answered: true, Answer: "6.000 [1].", Mode: answer.ModeExtractive,
		Citations: []answer.Citation{{N: 1, Doc: "d1", Quote: "6.000 insinyur"}}}
	if err := s.RecordShown(ctx, Shown{Key: "a1", MessageIDs: []string{"m1", "m2"}, Source: "ask", Result: r, GuildID: "g", ChannelID: "c"}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		member string
		up     bool
		want   VoteResult
	}{
		{"701", true, VoteResult{}},
		{"701", true, VoteResult{Repeated: true}},
		{"701", false, VoteResult{Changed: true}},
		{"702", false, VoteResult{}},
	}
	for _, st := range steps {
		got, err := s.Vote(ctx, "a1", st.member, st.up)
		if err != nil || got != st.want {
			t.Fatalf("vote %s up=%v: %+v, %v; want %+v", st.member, st.up, got, err, st.want)
		}
	}
	if err := s.Reason(ctx, "a1", "701", ReasonCitation); err != nil {
		t.Fatal(err)
	}
	if err := s.Reason(ctx, "a1", "701", "nonsense"); err == nil {
		t.Fatal("an unknown reason was accepted")
	}
	rep, err := s.Gaps(ctx, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Downvoted) != 1 {
		t.Fatalf("downvoted: %+v", rep.Downvoted)
	}
	f := rep.Downvoted[0]
	if f.Down != 2 || f.Up != 0 || f.Reasons[ReasonCitation] != 1 || f.Question != "How many engineers?" {
		t.Fatalf("flagged answer %+v", f)
	}
	got, ok, err := s.ByMessage(ctx, "m2")
	if err != nil || !ok || len(got.Citations) != 1 || got.Citations[0].Doc != "d1" {
		t.Fatalf("by message: %+v %v %v", got, ok, err)
	}
	// Member ids are stored only as keyed hashes.
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(path + "-wal")
	for _, id := range []string{"701", "702"} {
		if strings.Contains(string(raw)+string(wal), id) {
			t.Errorf("member id %s is stored raw", id)
		}
	}
}

func TestRetentionDeletesOldRows(t *testing.T) {
	t.Parallel()
	c := &clock{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, _ := openTest(t, c)
	ctx := t.Context()
	if err := s.RecordShown(ctx, Shown{Key: "old", Result: declined("What is the population of Wonsan?")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Vote(ctx, "old", "701", false); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(DefaultRetention - time.Hour)
	if err := s.RecordShown(ctx, Shown{Key: "new", Result: declined("Who won the 2030 World Cup?")}); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(2 * time.Hour) // "old" is now past 90 days, "new" is not
	n, err := s.Prune(ctx)
	if err != nil || n != 1 {
		t.Fatalf("pruned %d, %v; want 1", n, err)
	}
	rep, err := s.Gaps(ctx, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Declined) != 1 || rep.Declined[0].Question != "Who won the 2030 World Cup?" || len(rep.Downvoted) != 0 {
		t.Fatalf("after pruning: %+v", rep)
	}
	var votes int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM votes").Scan(&votes); err != nil || votes != 0 {
		t.Fatalf("%d votes left, %v", votes, err)
	}
}

func TestGapsGroupsNearDuplicates(t *testing.T) {
	t.Parallel()
	c := &clock{time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)}
	s, _ := openTest(t, c)
	ctx := t.Context()
	qs := []string{
		"What is the population of Wonsan?",
		"what is the population of wonsan",
		"Who won the 2030 World Cup?",
		"What's the population of Wonsan city?",
		"Berapa jumlah penduduk Wonsan?",
	}
	for i, q := range qs {
		c.t = c.t.Add(time.Minute)
		if err := s.RecordShown(ctx, Shown{Key: "k" + string(rune('a'+i)), Result: declined(q)}); err != nil {
			t.Fatal(err)
		}
	}
	// An answered question is no gap.
	if err := s.RecordShown(ctx, Shown{Key: "ok", Result: answer.Result{Question: "How many engineers?", Answered: true}}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Gaps(ctx, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Declined) != 3 {
		t.Fatalf("%d groups: %+v", len(rep.Declined), rep.Declined)
	}
	top := rep.Declined[0]
	if top.Count != 3 || top.Question != "What's the population of Wonsan city?" || len(top.Variants) != 2 {
		t.Fatalf("top group %+v", top)
	}
	// since narrows the window.
	rep, err = s.Gaps(ctx, c.t.Add(-30*time.Second), 0)
	if err != nil || len(rep.Declined) != 1 || rep.Declined[0].Question != "Berapa jumlah penduduk Wonsan?" {
		t.Fatalf("since: %+v %v", rep.Declined, err)
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "sub", "feedback.key")
	k1, err := LoadOrCreateKey(path)
	if err != nil || len(k1) != 32 {
		t.Fatalf("%x %v", k1, err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v", st.Mode().Perm())
	}
	k2, err := LoadOrCreateKey(path)
	if err != nil || string(k1) != string(k2) {
		t.Fatal("the key changed on reload")
	}
	if _, err := Open(t.Context(), filepath.Join(t.TempDir(), "x.db"), Options{Key: []byte("short")}); err == nil {
		t.Fatal("a short key was accepted")
	}
}
