//go:build !linux

package retrieval

import "context"

// scanCurrent is Linux's system-call check (fresh_linux.go); elsewhere the
// walk decides.
func scanCurrent(context.Context, string, *view, *skipList) bool { return false }
