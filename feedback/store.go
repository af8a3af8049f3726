// Package feedback keeps what Kabar's readers tell its admins: every
// answer shown, the votes on it (one per member per answer, changeable),
// the reason given for a 👎, and so the questions the coverage fails and
// the answers readers flag. It is one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode, with its schema migrations embedded.
// Member ids are stored only as keyed hashes; rows older than the
// retention period are deleted.
package feedback

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/kabar-bot/kabar/answer"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DefaultRetention is how long answers and votes are kept by default.
const DefaultRetention = 90 * 24 * time.Hour

// pruneEvery is how often writes also delete expired rows.
const pruneEvery = time.Hour

// Reasons a member can give for a 👎.
const (
	ReasonWrong    = "wrong"    // the answer is wrong
	ReasonCitation = "citation" // a citation does not support it
	ReasonMissing  = "missing"  // the coverage should know this
	ReasonOther    = "other"
)

// ValidReason reports whether r is one of the reasons above.
func ValidReason(r string) bool {
	switch r {
	case ReasonWrong, ReasonCitation, ReasonMissing, ReasonOther:
		return true
	}
	return false
}

// Options configure a Store.
type Options struct {
	// Key keys the hash of member ids (at least 16 bytes). Keep it out of
	// the database: LoadOrCreateKey keeps one in a file of its own.
	Key []byte
	// Retention deletes answers and votes older than this; 0: 90 days.
	Retention time.Duration
	// Now is the clock (tests); nil: time.Now.
	Now func() time.Time
}

// Store is the feedback database. It is safe for concurrent use.
type Store struct {
	db        *sql.DB
	key       []byte
	retention time.Duration
	now       func() time.Time

	mu        sync.Mutex
	lastPrune time.Time
}

// Open opens (creating it when needed) the database at path, brings its
// schema up to date and deletes expired rows.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if len(opts.Key) < 16 {
		return nil, errors.New("feedback: the member-id hash key is missing or shorter than 16 bytes; use LoadOrCreateKey")
	}
	if opts.Retention <= 0 {
		opts.Retention = DefaultRetention
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("feedback: creating the directory for %s: %w", path, err)
	}
	dsn := "file:" + filepath.ToSlash(path) + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("feedback: opening %s: %w", path, err)
	}
	s := &Store{db: db, key: opts.Key, retention: opts.Retention, now: opts.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("feedback: %s: %w (move the file aside to start a new one)", path, err)
	}
	if _, err := s.Prune(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the embedded migrations newer than the database's
// user_version, each in a transaction.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("reading the schema version: %w", err)
	}
	if version > len(names) {
		return fmt.Errorf("the database has schema version %d, newer than this Kabar knows (%d); upgrade Kabar", version, len(names))
	}
	for n := version; n < len(names); n++ {
		body, err := migrations.ReadFile(names[n])
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", filepath.Base(names[n]), err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", filepath.Base(names[n]), err)
		}
	}
	return nil
}

// JournalMode reports the database's journal mode ("wal").
func (s *Store) JournalMode(ctx context.Context) (string, error) {
	var m string
	err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&m)
	return m, err
}

// LoadOrCreateKey reads the member-id hash key at path, creating a random
// one (mode 0600) when there is none.
func LoadOrCreateKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		key, derr := hex.DecodeString(strings.TrimSpace(string(b)))
		if derr != nil || len(key) < 16 {
			return nil, fmt.Errorf("feedback: %s is not a hex key of at least 16 bytes; delete it to make a new one (old votes then stop matching their members)", path)
		}
		return key, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("feedback: reading the hash key: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("feedback: creating the directory for the hash key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) { // another process made it first
			return LoadOrCreateKey(path)
		}
		return nil, fmt.Errorf("feedback: writing the hash key: %w", err)
	}
	if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return key, f.Close()
}

// member is the keyed hash stored instead of a member id.
func (s *Store) member(id string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(id))
	return hex.EncodeToString(m.Sum(nil))
}

func ms(t time.Time) int64 { return t.UnixMilli() }

// Shown is an answer as it was shown to members.
type Shown struct {
	Key        string // the answer's key (interaction id, or message id)
	MessageIDs []string
	Source     string // ask, summary, mention, thread
	Result     answer.Result
	GuildID    string
	ChannelID  string
}

// RecordShown stores an answer shown to members.
func (s *Store) RecordShown(ctx context.Context, sh Shown) error {
	if sh.Key == "" {
		return errors.New("feedback: an answer needs a key")
	}
	cits, err := json.Marshal(sh.Result.Citations)
	if err != nil {
		return fmt.Errorf("feedback: encoding citations: %w", err)
	}
	s.maybePrune(ctx)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("feedback: recording an answer: %w", err)
	}
	defer tx.Rollback()
	r := sh.Result
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO answers (key, source, question, lang, answer, citations, mode, answered, guild_id, channel_id, shown_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET source = excluded.source, question = excluded.question, lang = excluded.lang,
			answer = excluded.answer, citations = excluded.citations, mode = excluded.mode, answered = excluded.answered,
			guild_id = excluded.guild_id, channel_id = excluded.channel_id
		RETURNING id`,
		sh.Key, sh.Source, r.Question, r.Lang, r.Answer, string(cits), r.Mode, r.Answered, sh.GuildID, sh.ChannelID, ms(s.now())).Scan(&id)
	if err != nil {
		return fmt.Errorf("feedback: recording an answer: %w", err)
	}
	for _, m := range sh.MessageIDs {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO answer_messages (message_id, answer_id) VALUES (?, ?)`, m, id); err != nil {
			return fmt.Errorf("feedback: recording an answer's messages: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("feedback: recording an answer: %w", err)
	}
	return nil
}

// VoteResult says what a vote did.
type VoteResult struct {
	Changed  bool // the member had voted the other way and changed their vote
	Repeated bool // the member had already voted the same way
}

// answerID finds (or, when the answer was never recorded, creates a
// placeholder for) the answer with key.
func answerID(ctx context.Context, tx *sql.Tx, key string, now time.Time) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO answers (key, shown_at) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET key = key RETURNING id`, key, ms(now)).Scan(&id)
	return id, err
}

// Vote records member's vote on the answer key: up (👍) or down (👎).
// A member has one vote per answer; voting again replaces it (and a
// changed vote clears the reason given for the old one).
func (s *Store) Vote(ctx context.Context, key, member string, up bool) (VoteResult, error) {
	if key == "" || member == "" {
		return VoteResult{}, errors.New("feedback: a vote needs an answer and a member")
	}
	v := -1
	if up {
		v = 1
	}
	s.maybePrune(ctx)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return VoteResult{}, fmt.Errorf("feedback: recording a vote: %w", err)
	}
	defer tx.Rollback()
	id, err := answerID(ctx, tx, key, s.now())
	if err != nil {
		return VoteResult{}, fmt.Errorf("feedback: recording a vote: %w", err)
	}
	h := s.member(member)
	var old int
	var res VoteResult
	switch err := tx.QueryRowContext(ctx, `SELECT vote FROM votes WHERE answer_id = ? AND member = ?`, id, h).Scan(&old); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return VoteResult{}, fmt.Errorf("feedback: recording a vote: %w", err)
	default:
		res = VoteResult{Changed: old != v, Repeated: old == v}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO votes (answer_id, member, vote, voted_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (answer_id, member) DO UPDATE SET
			reason = CASE WHEN vote = excluded.vote THEN reason ELSE '' END,
			vote = excluded.vote, voted_at = excluded.voted_at`, id, h, v, ms(s.now()))
	if err != nil {
		return VoteResult{}, fmt.Errorf("feedback: recording a vote: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return VoteResult{}, fmt.Errorf("feedback: recording a vote: %w", err)
	}
	return res, nil
}

// Reason records why member voted 👎 on the answer key (one of the
// Reason constants). A reason without a 👎 counts as one.
func (s *Store) Reason(ctx context.Context, key, member, reason string) error {
	if !ValidReason(reason) {
		return fmt.Errorf("feedback: unknown reason %q", reason)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("feedback: recording a reason: %w", err)
	}
	defer tx.Rollback()
	id, err := answerID(ctx, tx, key, s.now())
	if err != nil {
		return fmt.Errorf("feedback: recording a reason: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO votes (answer_id, member, vote, reason, voted_at) VALUES (?, ?, -1, ?, ?)
		ON CONFLICT (answer_id, member) DO UPDATE SET vote = -1, reason = excluded.reason, voted_at = excluded.voted_at`,
		id, s.member(member), reason, ms(s.now()))
	if err != nil {
		return fmt.Errorf("feedback: recording a reason: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("feedback: recording a reason: %w", err)
	}
	return nil
}

// Prune deletes answers (with their votes) and votes older than the
// retention period and returns how many answers went.
func (s *Store) Prune(ctx context.Context) (int64, error) {
	cut := ms(s.now().Add(-s.retention))
	res, err := s.db.ExecContext(ctx, `DELETE FROM answers WHERE shown_at < ?`, cut)
	if err != nil {
		return 0, fmt.Errorf("feedback: deleting expired answers: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM votes WHERE voted_at < ?`, cut); err != nil {
		return 0, fmt.Errorf("feedback: deleting expired votes: %w", err)
	}
	s.mu.Lock()
	s.lastPrune = s.now()
	s.mu.Unlock()
	n, _ := res.RowsAffected()
	return n, nil
}

func (s *Store) maybePrune(ctx context.Context) {
	s.mu.Lock()
	due := s.now().Sub(s.lastPrune) >= pruneEvery
	s.mu.Unlock()
	if due {
		_, _ = s.Prune(ctx) // a failed prune is retried on a later write
	}
}

// ByMessage returns the answer shown in message id, if recorded.
func (s *Store) ByMessage(ctx context.Context, messageID string) (answer.Result, bool, error) {
	var r answer.Result
	var cits string
	err := s.db.QueryRowContext(ctx, `SELECT a.question, a.lang, a.answer, a.citations, a.mode, a.answered
		FROM answer_messages m JOIN answers a ON a.id = m.answer_id WHERE m.message_id = ?`, messageID).
		Scan(&r.Question, &r.Lang, &r.Answer, &cits, &r.Mode, &r.Answered)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("feedback: reading an answer: %w", err)
	}
	if err := json.Unmarshal([]byte(cits), &r.Citations); err != nil {
		return r, false, fmt.Errorf("feedback: reading an answer's citations: %w", err)
	}
	return r, true, nil
}
