package bot

import (
	"testing"
	"time"
)

func TestCooldowns(t *testing.T) {
	t.Parallel()
	c := newCooldowns(10 * time.Second)
	now := time.Unix(1000, 0)
	if w := c.take("a", now); w != 0 {
		t.Fatalf("first question waits %v", w)
	}
	if w := c.take("a", now.Add(3*time.Second)); w != 7*time.Second {
		t.Fatalf("repeat waits %v, want 7s", w)
	}
	if w := c.take("b", now.Add(3*time.Second)); w != 0 {
		t.Fatalf("another user waits %v", w)
	}
	if w := c.take("a", now.Add(10*time.Second)); w != 0 {
		t.Fatalf("after the cooldown waits %v", w)
	}
}

func TestGuildSlots(t *testing.T) {
	t.Parallel()
	g := newGuildSlots(2)
	r1, ok1 := g.acquire("g")
	_, ok2 := g.acquire("g")
	_, ok3 := g.acquire("g")
	_, other := g.acquire("h")
	if !ok1 || !ok2 || ok3 || !other {
		t.Fatalf("acquire = %v %v %v %v", ok1, ok2, ok3, other)
	}
	r1()
	r1() // releasing twice frees one slot only
	if _, ok := g.acquire("g"); !ok {
		t.Fatal("slot not released")
	}
	if _, ok := g.acquire("g"); ok {
		t.Fatal("double release freed two slots")
	}
}

func TestLRU(t *testing.T) {
	t.Parallel()
	c := newLRU[int](2)
	c.put("a", 1)
	c.put("b", 2)
	c.get("a") // a is now the most recent
	c.put("c", 3)
	if _, ok := c.get("b"); ok {
		t.Error("least recently used entry kept")
	}
	if v, ok := c.get("a"); !ok || v != 1 {
		t.Error("recent entry evicted")
	}
}

func TestZeroCooldownMeansNone(t *testing.T) {
	t.Parallel()
	c := newCooldowns(0)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 3 {
		if wait := c.take("701", now); wait != 0 {
			t.Fatalf("cooldown 0 made a user wait %v", wait)
		}
	}
}
