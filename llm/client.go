// Package llm talks to any OpenAI-compatible server (OpenAI, Ollama,
// llama.cpp, vLLM, LiteLLM, ...) through go-openai: chat completions, plain
// or streamed, and embeddings, with per-request timeouts, an idle-stream
// watchdog, bounded retries of transient failures, and errors classified by
// kind so callers can fall back to offline answering. The API key never
// appears in errors or logs. Embedder adds batching and an on-disk cache
// for indexing.
package llm

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Message is one chat message. Role is "system", "user" or "assistant".
type Message struct {
	Role    string
	Content string
}

// Client calls an OpenAI-compatible server. It is safe for concurrent use.
type Client struct {
	cfg    Config
	api    *openai.Client // embeddings: requests bounded by cfg.Timeout
	chat   *openai.Client // chat completions: bounded by cfg.Timeout, body capped
	stream *openai.Client // no client timeout (streamOnce's deadline and the idle watchdog bound streams), body capped
	log    *slog.Logger
	scrub  scrubber
}

// Body caps: a chat reply's JSON is at most about twice its text (every
// character escaped), plus the envelope; a stream spends up to a few
// hundred bytes of JSON per chunk, and chunks may carry a single character.
func chatBodyLimit(maxReply int) int64   { return 2*int64(maxReply) + 64<<10 }
func streamBodyLimit(maxReply int) int64 { return 16*int64(maxReply) + 1<<20 }

// New returns a client for cfg. It does not contact the server.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	build := func(timeout time.Duration, limit int64) *openai.Client {
		oc := openai.DefaultConfig(cfg.APIKey)
		if cfg.BaseURL != "" {
			oc.BaseURL = cfg.BaseURL
		}
		oc.HTTPClient = recordingDoer{client: &http.Client{Transport: transport, Timeout: timeout}, limit: limit}
		return openai.NewClientWithConfig(oc)
	}
	c := &Client{
		cfg:    cfg,
		api:    build(cfg.Timeout, 0),
		chat:   build(cfg.Timeout, chatBodyLimit(cfg.MaxReplyBytes)),
		stream: build(0, streamBodyLimit(cfg.MaxReplyBytes)),
		log:    cfg.Logger,
	}
	if cfg.APIKey != "" {
		c.scrub.secrets = append(c.scrub.secrets, cfg.APIKey)
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			c.scrub.secrets = append(c.scrub.secrets, pw)
		}
	}
	return c, nil
}

// chatRequest checks msgs and builds the request for the chat model.
func (c *Client) chatRequest(msgs []Message) (openai.ChatCompletionRequest, error) {
	if c.cfg.Model == "" {
		return openai.ChatCompletionRequest{}, &Error{Kind: BadRequest, Message: "no chat model configured: set the model in the LLM configuration"}
	}
	if len(msgs) == 0 {
		return openai.ChatCompletionRequest{}, &Error{Kind: BadRequest, Message: "no messages to send"}
	}
	req := openai.ChatCompletionRequest{Model: c.cfg.Model, MaxTokens: c.cfg.MaxTokens}
	for i, m := range msgs {
		switch m.Role {
		case openai.ChatMessageRoleSystem, openai.ChatMessageRoleUser, openai.ChatMessageRoleAssistant:
		default:
			return req, &Error{Kind: BadRequest, Message: fmt.Sprintf("message %d has role %q; use system, user or assistant", i, m.Role)}
		}
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	return req, nil
}

// Complete sends msgs to the chat model and returns its answer. A reply
// with no text fails with Empty, or ToolCalls when it only calls tools; a
// reply longer than MaxReplyBytes fails with TooLarge.
func (c *Client) Complete(ctx context.Context, msgs []Message) (string, error) {
	req, err := c.chatRequest(msgs)
	if err != nil {
		return "", err
	}
	var text string
	err = c.withRetry(ctx, "chat completion", nil, func(ctx context.Context) error {
		resp, err := c.chat.CreateChatCompletion(ctx, req)
		if err != nil {
			return err
		}
		if len(resp.Choices) == 0 {
			return &Error{Kind: Server, Message: "chat completion: the server answered with no choices"}
		}
		m := resp.Choices[0].Message
		text = m.Content
		switch {
		case len(text) > c.cfg.MaxReplyBytes:
			text = ""
			return &Error{Kind: TooLarge, Message: fmt.Sprintf("chat completion: the reply is longer than %d bytes", c.cfg.MaxReplyBytes)}
		case strings.TrimSpace(text) != "":
			return nil
		case len(m.ToolCalls) > 0 || m.FunctionCall != nil:
			return &Error{Kind: ToolCalls, Message: "chat completion: the reply has only tool calls and no text"}
		}
		return &Error{Kind: Empty, Message: "chat completion: the reply has no text"}
	})
	if err != nil {
		return "", err
	}
	return text, nil
}

// Embed embeds texts with the configured embedding model in one request
// and returns one vector per text, in order.
func (c *Client) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	return c.embed(ctx, c.cfg.EmbeddingModel, texts)
}

func (c *Client) embed(ctx context.Context, model string, texts []string) ([][]float32, error) {
	if model == "" {
		return nil, &Error{Kind: BadRequest, Message: "no embedding model configured: set the embedding model in the LLM configuration"}
	}
	if len(texts) == 0 {
		return nil, nil
	}
	var out [][]float32
	err := c.withRetry(ctx, "embeddings", nil, func(ctx context.Context) error {
		resp, err := c.api.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{
			Input:          texts,
			Model:          openai.EmbeddingModel(model),
			EncodingFormat: openai.EmbeddingEncodingFormatFloat,
		})
		if err != nil {
			return err
		}
		out, err = orderEmbeddings(resp.Data, len(texts))
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// orderEmbeddings puts the answer's vectors in input order, checking that
// there is exactly one per input.
func orderEmbeddings(data []openai.Embedding, n int) ([][]float32, error) {
	if len(data) != n {
		return nil, &Error{Kind: Server, Message: fmt.Sprintf("embeddings: asked for %d vectors, got %d", n, len(data))}
	}
	sorted := make([]openai.Embedding, n)
	copy(sorted, data)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Index < sorted[j].Index })
	out := make([][]float32, n)
	for i, d := range sorted {
		if d.Index != i {
			return nil, &Error{Kind: Server, Message: fmt.Sprintf("embeddings: answer has indexes that are not 0..%d", n-1)}
		}
		out[i] = d.Embedding
	}
	return out, nil
}
