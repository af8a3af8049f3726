package feedback

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Report is what the coverage is missing and what Kabar gets wrong since
// a given time.
type Report struct {
	Since     time.Time `json:"since"`
	Declined  []Gap     `json:"declined"`  // declined questions, most frequent first
	Downvoted []Flagged `json:"downvoted"` // answers with 👎, most 👎 first
}

// Gap is a group of near-duplicate declined questions.
type Gap struct {
	Question string    `json:"question"` // the group's most recent wording
	Count    int       `json:"count"`
	Variants []string  `json:"variants,omitempty"` // other wordings, most recent first
	Lang     string    `json:"lang,omitempty"`
	Last     time.Time `json:"last"`
}

// Flagged is an answer members voted 👎 on.
type Flagged struct {
	Key       string         `json:"key"`
	Question  string         `json:"question"`
	Answer    string         `json:"answer"`
	Mode      string         `json:"mode,omitempty"`
	Down      int            `json:"down"`
	Up        int            `json:"up"`
	Reasons   map[string]int `json:"reasons,omitempty"`
	ShownAt   time.Time      `json:"shown_at"`
	ChannelID string         `json:"channel_id,omitempty"`
}

// maxGapVariants bounds the wordings listed per group.
const maxGapVariants = 5

// Gaps reports declined questions (grouped when near-duplicates) and the
// answers voted 👎 since since, at most limit of each (0: 20).
func (s *Store) Gaps(ctx context.Context, since time.Time, limit int) (Report, error) {
	if limit <= 0 {
		limit = 20
	}
	rep := Report{Since: since, Declined: []Gap{}, Downvoted: []Flagged{}}
	rows, err := s.db.QueryContext(ctx, `SELECT question, lang, shown_at FROM answers
		WHERE answered = 0 AND question != '' AND shown_at >= ? ORDER BY shown_at DESC, id DESC`, ms(since))
	if err != nil {
		return rep, fmt.Errorf("feedback: reading declined questions: %w", err)
	}
	type asked struct {
		q, lang string
		at      time.Time
		words   map[string]bool
	}
	var all []asked
	for rows.Next() {
		var a asked
		var at int64
		if err := rows.Scan(&a.q, &a.lang, &at); err != nil {
			rows.Close()
			return rep, fmt.Errorf("feedback: reading declined questions: %w", err)
		}
		a.at, a.words = time.UnixMilli(at).UTC(), wordsOf(a.q)
		all = append(all, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("feedback: reading declined questions: %w", err)
	}
	type group struct {
		gap   Gap
		words []map[string]bool
	}
	var groups []*group
	for _, a := range all { // newest first: a group's first member is its latest wording
		var home *group
		for _, g := range groups {
			if similar(g.words[0], a.words) {
				home = g
				break
			}
		}
		if home == nil {
			groups = append(groups, &group{gap: Gap{Question: a.q, Lang: a.lang, Last: a.at, Count: 1}, words: []map[string]bool{a.words}})
			continue
		}
		home.gap.Count++
		if !strings.EqualFold(a.q, home.gap.Question) && len(home.gap.Variants) < maxGapVariants && !containsFold(home.gap.Variants, a.q) {
			home.gap.Variants = append(home.gap.Variants, a.q)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].gap.Count > groups[j].gap.Count })
	for _, g := range groups {
		if len(rep.Declined) == limit {
			break
		}
		rep.Declined = append(rep.Declined, g.gap)
	}

	rows, err = s.db.QueryContext(ctx, `SELECT a.key, a.question, a.answer, a.mode, a.shown_at, a.channel_id,
			SUM(v.vote = -1), SUM(v.vote = 1), COALESCE(GROUP_CONCAT(CASE WHEN v.vote = -1 AND v.reason != '' THEN v.reason END), '')
		FROM answers a JOIN votes v ON v.answer_id = a.id
		WHERE v.voted_at >= ?
		GROUP BY a.id HAVING SUM(v.vote = -1) > 0
		ORDER BY SUM(v.vote = -1) DESC, MAX(v.voted_at) DESC LIMIT ?`, ms(since), limit)
	if err != nil {
		return rep, fmt.Errorf("feedback: reading voted answers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f Flagged
		var at int64
		var reasons string
		if err := rows.Scan(&f.Key, &f.Question, &f.Answer, &f.Mode, &at, &f.ChannelID, &f.Down, &f.Up, &reasons); err != nil {
			return rep, fmt.Errorf("feedback: reading voted answers: %w", err)
		}
		f.ShownAt = time.UnixMilli(at).UTC()
		for _, r := range strings.Split(reasons, ",") {
			if r != "" {
				if f.Reasons == nil {
					f.Reasons = map[string]int{}
				}
				f.Reasons[r]++
			}
		}
		rep.Downvoted = append(rep.Downvoted, f)
	}
	return rep, rows.Err()
}

// wordsOf is the set of a question's words of three letters or more,
// folded, with a plural -s dropped: enough to see "How many engineers did
// North Korea send?" and "how many engineers did north korea send" as one.
func wordsOf(q string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) < 3 {
			continue
		}
		if len(w) > 4 && strings.HasSuffix(w, "s") {
			w = strings.TrimSuffix(w, "s")
		}
		m[w] = true
	}
	return m
}

// similar reports near-duplicates: word sets with a Jaccard index of at
// least 0.6.
func similar(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	return float64(inter)/float64(union) >= 0.6
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
