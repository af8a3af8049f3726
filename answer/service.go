package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/retrieval"
)

// MaxQuestionRunes bounds a question's length.
const MaxQuestionRunes = 2000

// Input errors, for callers to tell users what to fix.
var (
	ErrEmptyQuestion   = errors.New("the question is empty: ask something about the coverage")
	ErrQuestionTooLong = fmt.Errorf("the question is longer than %d characters: shorten it", MaxQuestionRunes)
)

// Generator writes answers with a language model. It returns ok=false with
// a reason when it could not (the model is unreachable, timed out, or
// failed), and the service then answers extractively.
type Generator interface {
	Generate(ctx context.Context, q Query, onPartial func(string)) (res Result, fallbackReason string, err error)
}

// Service is the question-to-cited-answer pipeline the CLI and the bot use.
type Service struct {
	corpus    Corpus
	ext       *Extractive
	gen       Generator // nil: offline
	logger    *slog.Logger
	storyOnce sync.Once
	story     *Storyteller // the whole-coverage timeline, built once per corpus generation
}

// NewService returns a pipeline over corpus. gen may be nil (offline,
// extractive answers only).
func NewService(corpus Corpus, opts Options, gen Generator, logger *slog.Logger) *Service {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Service{corpus: corpus, ext: NewExtractive(corpus, opts.K, opts.Ranking), gen: gen, logger: logger}
}

// Options tunes retrieval for answering.
type Options struct {
	K       int               // passages per question; 0: 16
	Ranking retrieval.Ranking // which ranking finds them
}

// CheckQuestion validates a question's text.
func CheckQuestion(q string) error {
	if strings.TrimSpace(q) == "" {
		return ErrEmptyQuestion
	}
	if !utf8.ValidString(q) {
		return errors.New("the question is not valid UTF-8 text")
	}
	if utf8.RuneCountInString(q) > MaxQuestionRunes {
		return ErrQuestionTooLong
	}
	return nil
}

// Answer answers q, with the model when one is configured and it works,
// extractively otherwise. onPartial (may be nil) receives streamed text.
func (s *Service) Answer(ctx context.Context, q Query, onPartial func(string)) (Result, error) {
	if err := CheckQuestion(q.Question); err != nil {
		return Result{}, err
	}
	q.Question = strings.TrimSpace(q.Question)
	start := time.Now()
	if declinable(q.Question) {
		res := Result{Question: q.Question, Mode: ModeExtractive, Citations: []Citation{}, Answer: refusalText(s.corpus.Lexicon().DetectLang(q.Question) == "id"), Verification: VerificationLexical}
		res.TookMS = time.Since(start).Milliseconds()
		return res, nil
	}
	if s.gen != nil {
		res, reason, err := s.gen.Generate(ctx, q, onPartial)
		if err == nil && reason == "" {
			if res.Verification == "" {
				res.Verification = VerificationLexical // nothing the model checked
			}
			res.TookMS = time.Since(start).Milliseconds()
			return res, nil
		}
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		if reason == "" {
			reason = "the language model failed"
		}
		s.logger.Warn("llm fallback", "reason", reason)
		res, err = s.offline(ctx, q)
		if err != nil {
			return res, err
		}
		res.FallbackReason = reason
		res.Verification = VerificationLexical
		res.TookMS = time.Since(start).Milliseconds()
		return res, nil
	}
	res, err := s.offline(ctx, q)
	res.Verification = VerificationLexical // quotes, checked by the citation verifier
	res.TookMS = time.Since(start).Milliseconds()
	return res, err
}

// declinable spots questions about Kabar itself rather than the coverage:
// its instructions, configuration or secrets. They get a refusal, never a
// retrieval that might surface something.
func declinable(q string) bool {
	l := strings.ToLower(q)
	for _, p := range []string{"system prompt", "your prompt", "your instructions", "your configuration", "your config",
		"api key", "api_key", "discord token", "bot token", "your token", "openai_api_key", "discord_token",
		"ignore previous instructions", "ignore all previous", "prompt sistem", "instruksi anda", "kunci api", "token anda", "token bot"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

func refusalText(id bool) string {
	if id {
		return "Kabar hanya menjawab pertanyaan tentang liputan berita yang terindeks; Kabar tidak membagikan instruksi, konfigurasi, atau rahasianya."
	}
	return "Kabar only answers questions about the indexed news coverage; it does not share its instructions, configuration or secrets."
}
