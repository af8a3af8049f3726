package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"syscall"

	openai "github.com/sashabaranov/go-openai"
)

// ErrorKind says why a call failed, so callers can decide to fall back.
type ErrorKind int

const (
	Unreachable ErrorKind = iota + 1 // no connection to the server, or it dropped
	Timeout                          // the request, the stream or the caller's deadline ran out
	RateLimited                      // HTTP 429
	Server                           // HTTP 5xx or a malformed answer
	Auth                             // HTTP 401/403: the API key is missing or wrong
	BadRequest                       // other HTTP 4xx, or a request the client refused to send
	Canceled                         // the caller's context was canceled
	Malformed                        // the server answered 2xx with a body that is not the JSON expected (truncated, HTML, garbage)
	TooLarge                         // the reply exceeded the byte cap and was cut
	Empty                            // the reply had no text
	ToolCalls                        // the reply had only tool calls, which Kabar never asks for
)

func (k ErrorKind) String() string {
	switch k {
	case Unreachable:
		return "unreachable"
	case Timeout:
		return "timeout"
	case RateLimited:
		return "rate limited"
	case Server:
		return "server error"
	case Auth:
		return "auth failed"
	case BadRequest:
		return "bad request"
	case Canceled:
		return "canceled"
	case Malformed:
		return "malformed reply"
	case TooLarge:
		return "reply too large"
	case Empty:
		return "empty reply"
	case ToolCalls:
		return "tool calls only"
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// Error is every error the client returns from a call. Message and Err
// have had the API key scrubbed out.
type Error struct {
	Kind    ErrorKind
	Status  int    // HTTP status, 0 when there was none
	Message string // what happened, safe to log
	Err     error  // the sanitized cause; context errors stay matchable with errors.Is

	retryable bool
}

func (e *Error) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("llm: %s (HTTP %d): %s", e.Kind, e.Status, e.Message)
	}
	return fmt.Sprintf("llm: %s: %s", e.Kind, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of an *Error in err's chain, or 0 when there is
// none.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// maxMessage bounds how much upstream text goes into an error message: a
// proxy's HTML error page is not useful past its first lines.
const maxMessage = 300

var (
	secretKeyPattern = regexp.MustCompile(`\bsk-[A-Za-z0-9_\-]{8,}`)
	bearerPattern    = regexp.MustCompile(`(?i)\b(bearer\s+)[^\s"',;]+`)
)

// scrubber removes secrets from text bound for errors and logs: the
// configured key and password verbatim, plus anything shaped like an
// OpenAI key or a bearer token.
type scrubber struct{ secrets []string }

func (s scrubber) text(str string) string {
	for _, k := range s.secrets {
		str = strings.ReplaceAll(str, k, "[REDACTED]")
	}
	str = secretKeyPattern.ReplaceAllString(str, "sk-[REDACTED]")
	return bearerPattern.ReplaceAllString(str, "${1}[REDACTED]")
}

func (s scrubber) leaks(str string) bool { return s.text(str) != str }

// err returns err with secrets scrubbed, keeping go-openai's error types
// (so errors.As still finds them) when it can.
func (s scrubber) err(err error) error {
	if err == nil || !s.leaks(err.Error()) {
		return err
	}
	var out error
	switch e := err.(type) {
	case *openai.APIError:
		c := *e
		c.Message = s.text(c.Message)
		c.Param, c.InnerError = nil, nil
		if code, ok := c.Code.(string); ok {
			c.Code = s.text(code)
		}
		out = &c
	case *openai.RequestError:
		c := *e
		c.Body = []byte(s.text(string(c.Body)))
		c.Err = s.err(c.Err)
		out = &c
	}
	if out == nil || s.leaks(out.Error()) {
		out = errors.New(s.text(err.Error()))
	}
	return out
}

// classify turns an upstream error into an *Error. parent is the caller's
// context: when it is done, that wins over whatever the transport said.
func (c *Client) classify(parent context.Context, op string, err error, status int, bodyEnded bool) *Error {
	var own *Error
	if errors.As(err, &own) {
		return own
	}
	e := &Error{Err: c.scrub.err(err)}
	if cerr := parent.Err(); cerr != nil {
		e.Err = cerr
		e.Kind = Canceled
		if errors.Is(cerr, context.DeadlineExceeded) {
			e.Kind = Timeout
		}
		e.Message = op + ": " + cerr.Error()
		return e
	}

	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var netErr net.Error
	var dnsErr *net.DNSError
	var synErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	answered := status >= 200 && status < 300
	switch {
	case errors.Is(err, errBodyTooLarge):
		e.Kind, e.Status, e.Message = TooLarge, status, op+": "+err.Error()
	case answered && bodyEnded && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)):
		// The server said 200 and then the body ended early: a truncated
		// reply, not a server that cannot be reached. Worth one more try.
		e.Kind, e.Status, e.retryable = Malformed, status, true
		e.Message = op + ": the reply was cut off before its JSON ended"
	case answered && (errors.As(err, &synErr) || errors.As(err, &typeErr)):
		e.Kind, e.Status = Malformed, status
		e.Message = op + ": the reply is not the JSON expected: " + c.clip(err.Error())
	case errors.As(err, &apiErr):
		e.Status = apiErr.HTTPStatusCode
		if e.Status == 0 {
			e.Status = status
		}
		msg := apiErr.Message
		if code, ok := apiErr.Code.(string); ok && code != "" {
			msg += " (" + code + ")"
		}
		e.Message = op + ": " + c.clip(msg)
		e.Kind, e.retryable = kindForStatus(e.Status)
	case errors.As(err, &reqErr):
		e.Status = reqErr.HTTPStatusCode
		e.Message = op + ": unexpected response: " + c.clip(string(reqErr.Body))
		e.Kind, e.retryable = kindForStatus(e.Status)
	case errors.Is(err, syscall.ECONNREFUSED), errors.As(err, &dnsErr):
		e.Kind, e.Message = Unreachable, op+": "+c.clip(err.Error())
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		e.Kind, e.retryable, e.Message = Unreachable, true, op+": connection dropped: "+c.clip(err.Error())
	case errors.As(err, &netErr) && netErr.Timeout():
		e.Kind, e.Message = Timeout, op+": "+c.clip(err.Error())
	case errors.As(err, &netErr):
		e.Kind, e.Message = Unreachable, op+": "+c.clip(err.Error())
	case answered:
		e.Kind, e.Status, e.Message = Malformed, status, op+": malformed answer: "+c.clip(err.Error())
	default:
		e.Kind, e.Message = Server, op+": malformed answer: "+c.clip(err.Error())
	}
	switch e.Kind {
	case Auth:
		e.Message += "; check the LLM API key"
	case Unreachable:
		e.Message += "; check that the LLM server is running and its base URL is right"
	}
	return e
}

// clip scrubs secrets from s and shortens it for an error message.
func (c *Client) clip(s string) string {
	s = strings.Join(strings.Fields(c.scrub.text(s)), " ")
	if len(s) > maxMessage {
		cut := maxMessage
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// kindForStatus maps an HTTP status to a kind and whether it is worth
// retrying: only 429 and 5xx are.
func kindForStatus(status int) (ErrorKind, bool) {
	switch {
	case status == http.StatusTooManyRequests:
		return RateLimited, true
	case status >= 500:
		return Server, true
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return Auth, false
	case status == http.StatusRequestTimeout:
		return Timeout, false
	case status >= 400:
		return BadRequest, false
	}
	return Server, false
}
