package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// envOf returns a getenv over a fixed map, so tests never read the real
// environment.
func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// writeConfig writes body to a fresh file and returns its path.
func writeConfig(t testing.TB, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kabar.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDefaultsAreValid(t *testing.T) {
	t.Parallel()
	if err := Default().Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
	cfg, warns, err := Load("", envOf(nil))
	if err != nil || len(warns) != 0 {
		t.Fatalf("Load(\"\") = %v, %v", warns, err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("Load(\"\") = %+v, want the defaults", cfg)
	}
	if cfg.LLMEnabled() {
		t.Error("the defaults enable the LLM; Kabar must work offline out of the box")
	}
}

// The example file documents every key with its default: loading it must
// give the defaults, with no warning.
func TestExampleFileIsTheDefaults(t *testing.T) {
	t.Parallel()
	cfg, warns, err := Load(filepath.Join("..", "config.example.yaml"), envOf(nil))
	if err != nil {
		t.Fatalf("Load(config.example.yaml): %v", err)
	}
	if len(warns) != 0 {
		t.Errorf("Load(config.example.yaml) warned: %q", warns)
	}
	want := Default()
	want.Discord.AllowedChannels = []string{}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config.example.yaml = %+v\nwant the defaults %+v", cfg, want)
	}
}

func TestLoadFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		yaml    string
		check   func(Config) bool
		wantErr []string // substrings of the error; nil means no error
	}{
		{
			name: "values are read",
			yaml: "retrieval:\n  k: 5\n  ranking: hybrid\nllm:\n  base_url: http://localhost:11434/v1\n  model: llama3.1\n  timeout: 2m\n  max_context_tokens: 8000\n",
			check: func(c Config) bool {
				return c.Retrieval.K == 5 && c.Retrieval.Ranking == "hybrid" && c.LLM.Timeout.D() == 2*time.Minute && c.LLM.MaxContextTokens == 8000 && c.LLMEnabled()
			},
		},
		{
			name:  "empty file keeps defaults",
			yaml:  "",
			check: func(c Config) bool { return reflect.DeepEqual(c, Default()) },
		},
		{
			name:  "comments only keep defaults",
			yaml:  "# nothing here\n",
			check: func(c Config) bool { return reflect.DeepEqual(c, Default()) },
		},
		{name: "unknown top-level key", yaml: "retreival:\n  k: 5\n", wantErr: []string{"retreival"}},
		{name: "unknown nested key", yaml: "llm:\n  modle: x\n", wantErr: []string{"modle"}},
		{name: "bad duration", yaml: "llm:\n  timeout: soon\n", wantErr: []string{`"soon" is not a duration`, "30s"}},
		{name: "negative duration", yaml: "discord:\n  user_cooldown: -5s\n", wantErr: []string{"-5s"}},
		{name: "duration as a map", yaml: "llm:\n  timeout: {a: 1}\n", wantErr: []string{"duration"}},
		{name: "not YAML", yaml: "retrieval: [k: 5\n", wantErr: []string{"not valid YAML"}},
		{name: "a list, not a mapping", yaml: "- k\n- 5\n", wantErr: []string{"YAML"}},
		{name: "wrong type", yaml: "retrieval:\n  k: many\n", wantErr: []string{"many"}},
		{name: "k out of range", yaml: "retrieval:\n  k: 0\n", wantErr: []string{"retrieval.k must be between 1 and 50, not 0"}},
		{name: "bad ranking", yaml: "retrieval:\n  ranking: magic\n", wantErr: []string{`retrieval.ranking must be lexical, vector or hybrid, not "magic"`}},
		{name: "bad provider", yaml: "embeddings:\n  provider: cohere\n", wantErr: []string{`embeddings.provider must be local or openai, not "cohere"`}},
		{name: "openai embeddings need a server", yaml: "embeddings:\n  provider: openai\n", wantErr: []string{"embeddings.base_url (or llm.base_url) is required"}},
		{name: "llm url scheme", yaml: "llm:\n  base_url: localhost:11434\n  model: m\n", wantErr: []string{"llm.base_url must start with http:// or https://"}},
		{name: "llm without model", yaml: "llm:\n  base_url: http://localhost:11434/v1\n", wantErr: []string{"llm.model is required"}},
		{name: "tiny context", yaml: "llm:\n  max_context_tokens: 100\n", wantErr: []string{"llm.max_context_tokens must be at least 512, not 100"}},
		{name: "retries", yaml: "llm:\n  max_retries: 9\n", wantErr: []string{"llm.max_retries must be between 0 and 5"}},
		{name: "shard out of range", yaml: "discord:\n  shard_id: 2\n  shard_count: 2\n", wantErr: []string{"discord.shard_id must be in [0, shard_count); got 2 of 2"}},
		{name: "concurrency", yaml: "discord:\n  guild_concurrency: 0\n", wantErr: []string{"discord.guild_concurrency must be at least 1"}},
		{name: "log level", yaml: "log:\n  level: loud\n", wantErr: []string{`log.level must be debug, info, warn or error, not "loud"`}},
		{name: "log format", yaml: "log:\n  format: xml\n", wantErr: []string{`log.format must be text or json, not "xml"`}},
		{name: "every problem reported at once", yaml: "retrieval:\n  k: 99\nlog:\n  level: loud\n", wantErr: []string{"retrieval.k", "log.level"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := writeConfig(t, tc.yaml)
			cfg, _, err := Load(path, envOf(nil))
			if tc.wantErr == nil {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				if !tc.check(cfg) {
					t.Errorf("Load = %+v", cfg)
				}
				return
			}
			if err == nil {
				t.Fatalf("Load succeeded, want an error mentioning %q", tc.wantErr)
			}
			msg := err.Error()
			for _, want := range tc.wantErr {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not mention %q", msg, want)
				}
			}
			if !strings.Contains(msg, path) {
				t.Errorf("error %q does not name the file %s", msg, path)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error %q spans several lines", msg)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, _, err := Load(path, envOf(nil))
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Load(missing) = %v, want an error naming %s", err, path)
	}
}

func TestEnvOverrides(t *testing.T) {
	t.Parallel()
	path := writeConfig(t, "llm:\n  base_url: http://file.example/v1\n  model: from-file\nembeddings:\n  provider: local\n")
	env := envOf(map[string]string{
		"KABAR_LLM_BASE_URL":        "http://127.0.0.1:8080/v1",
		"KABAR_LLM_MODEL":           "from-env",
		"KABAR_EMBEDDINGS_PROVIDER": "openai",
		"KABAR_RETRIEVAL_RANKING":   "hybrid",
		"KABAR_CORPUS":              "/corpus",
		"KABAR_DATA_DIR":            "/data",
		"KABAR_LOG_LEVEL":           "debug",
	})
	cfg, _, err := Load(path, env)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	got := []string{cfg.LLM.BaseURL, cfg.LLM.Model, cfg.Embeddings.Provider, cfg.Retrieval.Ranking, cfg.Corpus, cfg.DataDir, cfg.Log.Level}
	want := []string{"http://127.0.0.1:8080/v1", "from-env", "openai", "hybrid", "/corpus", "/data", "debug"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after env overrides got %q, want %q", got, want)
	}

	// The environment is validated like the file.
	_, _, err = Load("", envOf(map[string]string{"KABAR_EMBEDDINGS_PROVIDER": "cohere"}))
	if err == nil || !strings.Contains(err.Error(), "embeddings.provider") {
		t.Errorf("Load with a bad KABAR_EMBEDDINGS_PROVIDER = %v, want a validation error", err)
	}
}

func TestSecretsInFileAreIgnored(t *testing.T) {
	t.Parallel()
	const sentinel = "sentinel-Zx9-secret-value"
	tests := []struct {
		name string
		yaml string
		key  string // named in the warning
	}{
		{"discord token", "discord: {token: " + sentinel + "}\n", "discord.token"},
		{"top-level token", "token: " + sentinel + "\n", "token"},
		{"api key", "llm:\n  api_key: " + sentinel + "\n  model: m\n", "llm.api_key"},
		{"client secret", "discord:\n  client_secret: " + sentinel + "\n", "discord.client_secret"},
		{"several", "discord:\n  token: " + sentinel + "\nllm:\n  api_key: " + sentinel + "\n", "token"},
		// A key with a dot in its name once made the clean-up loop forever.
		{"dotted key", "\"discord.token\": " + sentinel + "\n", "discord.token"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg, warns, err := Load(writeConfig(t, tc.yaml), envOf(nil))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(warns) == 0 {
				t.Fatal("no warning for a secret in the config file")
			}
			all := ""
			for _, w := range warns {
				all += string(w) + "\n"
			}
			if !strings.Contains(all, tc.key) || !strings.Contains(all, "environment") {
				t.Errorf("warnings %q should name %q and say secrets come from the environment", all, tc.key)
			}
			if strings.Contains(all, sentinel) {
				t.Errorf("a warning repeats the secret: %q", all)
			}
			if strings.Contains(cfgString(cfg), sentinel) {
				t.Errorf("the secret reached the configuration: %+v", cfg)
			}
		})
	}
}

// Keys that merely contain "token" are ordinary settings, not secrets.
func TestTokenCountIsNotASecret(t *testing.T) {
	t.Parallel()
	cfg, warns, err := Load(writeConfig(t, "llm:\n  max_context_tokens: 8000\n"), envOf(nil))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(warns) != 0 {
		t.Errorf("warned about an ordinary key: %q", warns)
	}
	if cfg.LLM.MaxContextTokens != 8000 {
		t.Errorf("llm.max_context_tokens = %d, want 8000 from the file", cfg.LLM.MaxContextTokens)
	}
}

func TestAPIKeyFromEnvironment(t *testing.T) {
	t.Parallel()
	cfg := Default()
	if got := cfg.APIKey(envOf(map[string]string{"OPENAI_API_KEY": "k1"})); got != "k1" {
		t.Errorf("APIKey = %q, want k1 from OPENAI_API_KEY", got)
	}
	cfg.LLM.APIKeyEnv = "GROQ_KEY"
	if got := cfg.APIKey(envOf(map[string]string{"OPENAI_API_KEY": "k1", "GROQ_KEY": "k2"})); got != "k2" {
		t.Errorf("APIKey = %q, want k2 from the named variable", got)
	}
}

func cfgString(c Config) string {
	return strings.Join([]string{c.Corpus, c.DataDir, c.LLM.BaseURL, c.LLM.Model, c.LLM.APIKeyEnv, c.Embeddings.BaseURL,
		c.Embeddings.Model, c.Discord.GuildID, c.Discord.APIBaseURL, c.Discord.MetricsAddr}, "|")
}

// FuzzLoad feeds arbitrary bytes as a config file: Load must return a
// configuration or an error, never panic or hang, and a configuration it
// accepts must be valid. Seeds live in testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"",
		"retrieval:\n  k: 5\n",
		"discord: {token: x}\n",
		"llm:\n  timeout: 30s\n",
		"a: &a [*a]\n",
		"\"x.token\": 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(t.TempDir(), "kabar.yaml")
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, _, err := Load(path, envOf(nil))
		if err == nil {
			if verr := cfg.Validate(); verr != nil {
				t.Fatalf("Load accepted an invalid configuration: %v", verr)
			}
		}
	})
}
