package bot

import (
	"context"
	"errors"
	"time"

	"github.com/bwmarrin/discordgo"
)

// watchdog reconnects when the gateway has been silent for longer than
// cfg.GatewayWatchdog: no dispatch and no heartbeat acknowledgement. A
// half-open TCP connection can otherwise leave discordgo waiting forever.
func (b *Bot) watchdog(ctx context.Context) {
	every := max(b.cfg.GatewayWatchdog/4, 10*time.Millisecond)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		silent := time.Since(b.lastActivity())
		if silent < b.cfg.GatewayWatchdog {
			continue
		}
		b.log.Warn("gateway silent; reconnecting", "silent_ms", silent.Milliseconds())
		b.metrics.reconnects.Inc()
		b.reconnect(ctx)
	}
}

// lastActivity is the later of the last dispatched event and the last
// heartbeat acknowledgement.
func (b *Bot) lastActivity() time.Time {
	last := time.Unix(0, b.lastEvent.Load())
	b.session.RLock()
	ack := b.session.LastHeartbeatAck
	b.session.RUnlock()
	if ack.After(last) {
		return ack
	}
	return last
}

// reconnect closes the connection and opens it again, which resumes the
// session, retrying with backoff until it works or ctx ends.
func (b *Bot) reconnect(ctx context.Context) {
	_ = b.session.Close()
	wait := time.Second
	for {
		err := openSession(ctx, b.session)
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			b.touch()
			b.log.Info("gateway reconnected")
			return
		}
		b.log.Warn("gateway reconnect failed", "err", err, "retry_in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(2*wait, time.Minute)
	}
}
