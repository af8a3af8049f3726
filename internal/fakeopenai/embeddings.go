package fakeopenai

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
)

type embeddingsWire struct {
	Model          string          `json:"model"`
	Input          json.RawMessage `json:"input"`
	EncodingFormat string          `json:"encoding_format"`
	Dimensions     int             `json:"dimensions"`
}

type embeddingList struct {
	Object string          `json:"object"`
	Data   []embeddingItem `json:"data"`
	Model  string          `json:"model"`
	Usage  struct {
		PromptTokens int `json:"prompt_tokens"`
		TotalTokens  int `json:"total_tokens"`
	} `json:"usage"`
}

type embeddingItem struct {
	Object    string `json:"object"`
	Index     int    `json:"index"`
	Embedding any    `json:"embedding"` // []float32, or a base64 string of little-endian float32s
}

func (s *Server) handleEmbeddings(w http.ResponseWriter, _ *http.Request, rec *Request) {
	var wire embeddingsWire
	if err := json.Unmarshal(rec.Body, &wire); err != nil {
		s.badRequest(w, rec, "", fmt.Sprintf("We could not parse the JSON body of your request: %v", err))
		return
	}
	if wire.Model == "" {
		s.badRequest(w, rec, "model", "you must provide a model parameter")
		return
	}
	inputs, err := decodeInput(wire.Input)
	if err != nil {
		s.badRequest(w, rec, "input", err.Error())
		return
	}
	if wire.EncodingFormat != "" && wire.EncodingFormat != "float" && wire.EncodingFormat != "base64" {
		s.badRequest(w, rec, "encoding_format", fmt.Sprintf("%q is not one of ['float', 'base64']", wire.EncodingFormat))
		return
	}
	req := EmbeddingsRequest{Model: wire.Model, Input: inputs, EncodingFormat: wire.EncodingFormat, Dimensions: wire.Dimensions}

	s.mu.Lock()
	rec.Embeddings = &req
	handler, dim := s.embed, s.dim
	s.mu.Unlock()
	if req.Dimensions > 0 {
		dim = req.Dimensions
	}

	var vectors [][]float32
	if handler != nil {
		vectors = handler(req)
	} else {
		for _, in := range inputs {
			vectors = append(vectors, Vector(in, dim))
		}
	}

	out := embeddingList{Object: "list", Model: req.Model, Data: make([]embeddingItem, len(vectors))}
	for i, v := range vectors {
		item := embeddingItem{Object: "embedding", Index: i, Embedding: v}
		if req.EncodingFormat == "base64" {
			item.Embedding = encodeBase64(v)
		}
		out.Data[i] = item
	}
	for _, in := range inputs {
		out.Usage.PromptTokens += len(in)/4 + 1
	}
	out.Usage.TotalTokens = out.Usage.PromptTokens
	s.setStatus(rec, http.StatusOK)
	writeJSON(w, http.StatusOK, out)
}

// decodeInput accepts a string or a list of strings, as OpenAI does for
// text input; token arrays are not supported by the fake.
func decodeInput(raw json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		if one == "" {
			return nil, fmt.Errorf("'$.input' is invalid: input must not be empty")
		}
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, fmt.Errorf("'$.input' is invalid: fakeopenai accepts a string or an array of strings")
	}
	if len(many) == 0 {
		return nil, fmt.Errorf("'$.input' is invalid: input must not be empty")
	}
	return many, nil
}

// Vector is the embedding the fake gives text by default: dim values drawn
// from SHA-256 of the text, scaled to unit length. Equal texts get equal
// vectors on every run; different texts get unrelated ones.
func Vector(text string, dim int) []float32 {
	v := make([]float32, dim)
	var block [sha256.Size]byte
	var norm float64
	for i := range v {
		if i%(sha256.Size/4) == 0 {
			var seed [8]byte
			binary.LittleEndian.PutUint64(seed[:], uint64(i))
			block = sha256.Sum256(append(seed[:], text...))
		}
		off := (i % (sha256.Size / 4)) * 4
		u := binary.LittleEndian.Uint32(block[off:])
		x := float64(u)/math.MaxUint32*2 - 1
		v[i] = float32(x)
		norm += x * x
	}
	if norm > 0 {
		scale := 1 / math.Sqrt(norm)
		for i := range v {
			v[i] = float32(float64(v[i]) * scale)
		}
	}
	return v
}

func encodeBase64(v []float32) string {
	buf := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(buf[4*i:], math.Float32bits(x))
	}
	return base64.StdEncoding.EncodeToString(buf)
}
