package bot

import (
	"sync"
	"time"
)

// cooldowns remembers when each user last asked.
type cooldowns struct {
	mu    sync.Mutex
	every time.Duration
	last  map[string]time.Time
}

func newCooldowns(every time.Duration) *cooldowns {
	return &cooldowns{every: every, last: map[string]time.Time{}}
}

// take records a question from user at now, or returns how long the user
// still has to wait.
func (c *cooldowns) take(user string, now time.Time) time.Duration {
	if c.every <= 0 {
		return 0 // no cooldown
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.last[user]; ok {
		if wait := c.every - now.Sub(t); wait > 0 {
			return wait
		}
	}
	if len(c.last) > 10000 { // forget users whose cooldown is over
		for u, t := range c.last {
			if now.Sub(t) >= c.every {
				delete(c.last, u)
			}
		}
	}
	c.last[user] = now
	return 0
}

// guildSlots caps the answers in flight per guild.
type guildSlots struct {
	mu       sync.Mutex
	max      int
	inflight map[string]int
}

func newGuildSlots(max int) *guildSlots {
	return &guildSlots{max: max, inflight: map[string]int{}}
}

// acquire takes a slot of guild, returning its release, or false when the
// guild is at its limit.
func (g *guildSlots) acquire(guild string) (func(), bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.inflight[guild] >= g.max {
		return nil, false
	}
	g.inflight[guild]++
	var once sync.Once
	return func() {
		once.Do(func() {
			g.mu.Lock()
			defer g.mu.Unlock()
			if g.inflight[guild]--; g.inflight[guild] <= 0 {
				delete(g.inflight, guild)
			}
		})
	}, true
}

// admitIn is admit with the notice in language l; wait is the cooldown
// left when the user is asking too quickly (0 otherwise).
func (b *Bot) admitIn(guildID, userID string, cooldown bool, l lang) (release func(), notice string, wait time.Duration) {
	scope := "g:" + guildID
	if guildID == "" {
		scope = "dm:" + userID // direct messages are limited per user
	}
	release, ok := b.slots.acquire(scope)
	if !ok {
		return nil, txtBusy.in(l), 0
	}
	if cooldown {
		if wait := b.cooldowns.take(userID, time.Now()); wait > 0 {
			release()
			secs := max(1, int(wait.Round(time.Second)/time.Second))
			return nil, txtCooldown.f(l, secs), wait
		}
	}
	return release, "", 0
}

// Discord's message limits (discordgo checks none of them).
const (
	maxContent     = 2000
	maxEmbeds      = 10
	maxEmbedTitle  = 256
	maxEmbedDesc   = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedsTotal = 6000
)
