package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are registered on the bot's own registry, never the global one,
// so that several bots (tests) can live in one process.
type metrics struct {
	reg        *prometheus.Registry
	questions  *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	declines   prometheus.Counter
	fallbacks  prometheus.Counter
	llmErrors  prometheus.Counter
	feedback   *prometheus.CounterVec
	reconnects prometheus.Counter
	index      IndexStatus // nil: the index never changes while serving
}

// IndexStatus is implemented by a Library whose index is swapped while the
// bot serves (live.Corpus): /healthz and /metrics then report the index
// generation and when it was last updated.
type IndexStatus interface {
	IndexGeneration() (generation uint64, updated time.Time)
}

// watchIndex reports lib's index generation when lib has one.
func (m *metrics) watchIndex(lib Library) {
	st, ok := lib.(IndexStatus)
	if !ok {
		return
	}
	m.index = st
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "kabar_index_generation", Help: "Index generation being served: 1 at start, +1 per re-index that changed the articles.",
		}, func() float64 { g, _ := st.IndexGeneration(); return float64(g) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "kabar_index_updated_timestamp_seconds", Help: "Unix time the served index generation was loaded or swapped in.",
		}, func() float64 { _, at := st.IndexGeneration(); return float64(at.UnixNano()) / 1e9 }),
	)
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kabar_questions_total", Help: "Questions and summary requests accepted, by source.",
		}, []string{"source"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "kabar_answer_latency_seconds", Help: "Time to produce an answer, by answer mode.",
			Buckets: []float64{0.25, 0.5, 1, 2, 4, 8, 15, 30, 60},
		}, []string{"mode"}),
		declines: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kabar_declines_total", Help: "Answers saying the coverage does not answer the question.",
		}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kabar_fallbacks_total", Help: "Answers that fell back from the LLM to the extractive answerer.",
		}),
		llmErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kabar_llm_errors_total", Help: "Answer or summary requests that failed with an error.",
		}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kabar_feedback_total", Help: "Feedback button clicks, by vote.",
		}, []string{"vote"}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kabar_gateway_watchdog_reconnects_total", Help: "Reconnects forced by the gateway watchdog.",
		}),
	}
	m.reg.MustRegister(m.questions, m.latency, m.declines, m.fallbacks, m.llmErrors, m.feedback, m.reconnects,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, v := range []string{"up", "down"} {
		m.feedback.WithLabelValues(v)
	}
	return m
}

// handler serves /metrics, and /healthz which reports healthy while
// healthy() is true.
func (m *metrics) handler(healthy func() bool) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Timeout: 10 * time.Second}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if !healthy() {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("not connected to Discord\n"))
			return
		}
		_, _ = w.Write([]byte("ok\n"))
		if m.index != nil {
			g, at := m.index.IndexGeneration()
			_, _ = fmt.Fprintf(w, "index generation %d, updated %s\n", g, at.UTC().Format(time.RFC3339))
		}
	})
	return mux
}

// metricsServer serves h on addr until stop is called.
type metricsServer struct {
	srv  *http.Server
	done chan error
}

func startMetricsServer(addr string, h http.Handler) (*metricsServer, net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("listening for metrics on %s: %w", addr, err)
	}
	ms := &metricsServer{
		srv:  &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 15 * time.Second},
		done: make(chan error, 1),
	}
	go func() { ms.done <- ms.srv.Serve(ln) }()
	return ms, ln.Addr(), nil
}

func (ms *metricsServer) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := ms.srv.Shutdown(ctx)
	if serveErr := <-ms.done; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	return err
}
