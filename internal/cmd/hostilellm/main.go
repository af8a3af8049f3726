// Command hostilellm serves an OpenAI-compatible API that misbehaves on
// purpose, for measuring Kabar's bounds through the real binary:
//
//	go run ./internal/cmd/hostilellm -mode flood
//
// prints the base URL, then serves until interrupted. Modes: flood (50 MB
// of text), drip (empty chunks or white space forever), tools (tool calls
// only), truncated (JSON cut in half), liar (a false sentence first, then
// the true one, streamed word by word).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/internal/fakeopenai"
)

var sourceRE = regexp.MustCompile(`(?s)<<<SOURCE (\d+)>>>\n[^\n]*\n(.*?)\n<<<END SOURCE \d+>>>`)

func main() {
	mode := flag.String("mode", "flood", "flood | drip | tools | truncated | liar")
	flag.Parse()
	srv := fakeopenai.New(fakeopenai.Options{})
	defer srv.Close()
	var reply func(req fakeopenai.ChatRequest) fakeopenai.Reply
	switch *mode {
	case "flood":
		reply = func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.Flood(50<<20, "Korut juga berjanji mengirim 75.000 tank [1]. ")
		}
	case "drip":
		reply = func(fakeopenai.ChatRequest) fakeopenai.Reply { return fakeopenai.DripEmpty(2 * time.Second) }
	case "tools":
		reply = func(fakeopenai.ChatRequest) fakeopenai.Reply { return fakeopenai.ToolCallsOnly() }
	case "truncated":
		reply = func(fakeopenai.ChatRequest) fakeopenai.Reply {
			return fakeopenai.TruncatedJSON("Korut setuju mengirim 6.000 insinyur [1].")
		}
	case "liar":
		reply = func(req fakeopenai.ChatRequest) fakeopenai.Reply {
			n := "1"
			for _, m := range req.Messages {
				for _, sm := range sourceRE.FindAllStringSubmatch(m.Content, -1) {
					if strings.Contains(sm[2], "6.000 insinyur") {
						n = sm[1]
						break
					}
				}
			}
			return fakeopenai.Reply{Text: "Korut juga berjanji mengirim 75.000 tank [" + n + "]. Korut setuju mengirim 6.000 insinyur dan pekerja militer [" + n + "]. Kim Jong"}
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", *mode)
		os.Exit(2)
	}
	srv.OnChat(reply)
	fmt.Println(srv.URL)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	<-sig
}
