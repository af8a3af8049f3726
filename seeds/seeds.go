// Package seeds embeds Kabar's bundled corpus: the news articles Kabar
// answers from when no other corpus is configured.
package seeds

import "embed"

// FS holds the bundled articles at its root.
//
//go:embed *.txt
var FS embed.FS
