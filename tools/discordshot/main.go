// Command discordshot draws Kabar's golden message payloads
// (bot/testdata/*.golden) the way Discord shows them — content with its
// markdown, embeds with their colour bar, buttons and select menus — as an
// HTML page, and photographs the page in headless Chromium at phone width,
// so docs/discord.md shows what members and moderators really get.
//
//	go run ./tools/discordshot -out docs/img                 # all pictures in the docs
//	go run ./tools/discordshot -html -out /tmp/shots         # HTML only, no browser
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// A shot is one picture: golden files drawn as one conversation.
type shot struct {
	Name    string   // picture file name, without .png
	Command string   // what the member typed, shown above the reply
	Goldens []string // bot/testdata/<name>.golden, in order
	Private bool     // "Only you can see this"
}

var shots = []shot{
	{"ask-en", "/ask question: What did Putin and Kim sign?", []string{"answer_extractive_en"}, false},
	{"ask-id", "/ask question: Apa yang disepakati Putin dan Kim?", []string{"answer_short"}, false},
	{"ask-llm", "/ask question: What did Putin and Kim sign? (with a language model)", []string{"answer_llm"}, false},
	{"disagree", "/ask question: How many North Korean soldiers were killed?", []string{"answer_disagree"}, false},
	{"declined", "/ask question: What is the population of Wonsan?", []string{"answer_declined_en"}, false},
	{"summary", "/summary", []string{"answer_summary"}, false},
	{"passages", "📚 Full passages", []string{"passages_member"}, true},
	{"feedback", "👎 Not helpful", []string{"feedback_down"}, true},
	{"passages-moderator", "📚 Full passages (a moderator)", []string{"passages_moderator"}, true},
	{"gaps", "/gaps", []string{"gaps"}, true},
}

// Message payload types, as the goldens store them.
type message struct {
	Content    string      `json:"content"`
	Embeds     []embed     `json:"embeds"`
	Components []component `json:"components"`
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Color       int    `json:"color"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

type component struct {
	Type        int                    `json:"type"`
	Label       string                 `json:"label"`
	Placeholder string                 `json:"placeholder"`
	Emoji       *struct{ Name string } `json:"emoji"`
	Components  []component            `json:"components"`
}

func main() {
	goldens := flag.String("goldens", "bot/testdata", "folder of the golden payloads")
	out := flag.String("out", "docs/img", "folder for the pictures")
	browser := flag.String("chromium", "chromium", "the headless browser to run")
	width := flag.Int("width", 390, "viewport width in CSS pixels (390: a phone)")
	htmlOnly := flag.Bool("html", false, "write the HTML pages only")
	flag.Parse()
	if err := run(*goldens, *out, *browser, *width, *htmlOnly); err != nil {
		fmt.Fprintln(os.Stderr, "discordshot:", err)
		os.Exit(1)
	}
}

func run(goldens, out, browser string, width int, htmlOnly bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, s := range shots {
		var msgs []message
		for _, g := range s.Goldens {
			b, err := os.ReadFile(filepath.Join(goldens, g+".golden"))
			if err != nil {
				return fmt.Errorf("%w (run go test ./bot -run TestRenderGolden -update first)", err)
			}
			var part []message
			if err := json.Unmarshal(b, &part); err != nil {
				return fmt.Errorf("%s: %w", g, err)
			}
			msgs = append(msgs, part...)
		}
		page := filepath.Join(out, s.Name+".html")
		if err := os.WriteFile(page, []byte(pageHTML(s, msgs, width)), 0o644); err != nil {
			return err
		}
		if htmlOnly {
			continue
		}
		pic := filepath.Join(out, s.Name+".png")
		if err := photograph(browser, page, pic, width); err != nil {
			return err
		}
		_ = os.Remove(page)
		fmt.Println("wrote", pic)
	}
	return nil
}

// photograph renders page in headless Chromium and crops the empty
// bottom of the picture.
func photograph(browser, page, pic string, width int) error {
	abs, err := filepath.Abs(page)
	if err != nil {
		return err
	}
	profile, err := os.MkdirTemp("", "discordshot-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	raw := pic + ".full.png"
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--hide-scrollbars", "--user-data-dir="+profile, "--force-device-scale-factor=2",
		fmt.Sprintf("--window-size=%d,%d", width, 2400), "--screenshot="+raw, "file://"+abs)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("%s not found: install Chromium (Debian: apt-get install chromium) or pass -chromium", browser)
		}
		return fmt.Errorf("%s: %w\n%s", browser, err, stderr.String())
	}
	defer os.Remove(raw)
	return cropBottom(raw, pic)
}

// cropBottom cuts the rows at the bottom that are all background.
func cropBottom(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		return err
	}
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Max.Y-1)
	last := b.Min.Y
	for y := b.Max.Y - 1; y >= b.Min.Y; y-- {
		blank := true
		for x := b.Min.X; x < b.Max.X && blank; x += 2 {
			blank = img.At(x, y) == bg
		}
		if !blank {
			last = y
			break
		}
	}
	bottom := min(b.Max.Y, last+32)
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return errors.New("cannot crop this PNG")
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(w, sub.SubImage(image.Rect(b.Min.X, b.Min.Y, b.Max.X, bottom))); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

const style = `
body{margin:0;background:#313338;color:#dbdee1;font:15px/1.375 "gg sans","Noto Sans","DejaVu Sans",Helvetica,Arial,sans-serif,"Noto Color Emoji"}
.chan{padding:12px 12px 4px;color:#949ba4;font-size:13px;border-bottom:1px solid #3f4147}
.cmd{padding:10px 12px 0;color:#949ba4;font-size:13px}
.cmd b{color:#c9cdfb}
.msg{display:flex;padding:6px 12px 10px}
.av{flex:none;width:36px;height:36px;border-radius:50%;background:#5865f2;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;margin-right:12px}
.body{min-width:0;flex:1}
.name{color:#f2f3f5;font-weight:600}.app{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:1px 4px;margin-left:4px;vertical-align:2px}
.content{white-space:pre-wrap;word-wrap:break-word;margin-top:2px}
.embed{display:flex;margin-top:8px;background:#2b2d31;border-radius:4px;max-width:100%}
.bar{flex:none;width:4px;border-radius:4px 0 0 4px}
.einner{padding:8px 12px 12px;min-width:0}
.etitle{color:#f2f3f5;font-weight:600;margin-bottom:4px}
.edesc{white-space:pre-wrap;word-wrap:break-word;font-size:14px}
.efoot{color:#949ba4;font-size:12px;margin-top:8px}
blockquote{margin:2px 0;padding-left:10px;border-left:4px solid #4e5058}
code{background:#1e1f22;border-radius:3px;padding:0 3px;font-size:85%}
a{color:#00a8fc;text-decoration:none}
.row{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.btn{background:#4e5058;color:#fff;border-radius:3px;padding:3px 12px;font-size:14px;font-weight:500}
.select{background:#1e1f22;border:1px solid #1e1f22;border-radius:4px;padding:8px 10px;color:#949ba4;width:100%;box-sizing:border-box}
.private{color:#949ba4;font-size:12px;margin-top:4px}
`

func pageHTML(s shot, msgs []message, width int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><meta charset=utf-8><meta name=viewport content=\"width=%d\"><style>%s</style></head><body>", width, style)
	b.WriteString(`<div class=chan># news-desk</div>`)
	fmt.Fprintf(&b, `<div class=cmd>alice used <b>%s</b></div>`, html.EscapeString(s.Command))
	for i, m := range msgs {
		b.WriteString(`<div class=msg><div class=av>K</div><div class=body>`)
		if i == 0 {
			b.WriteString(`<div><span class=name>Kabar</span><span class=app>APP</span></div>`)
		}
		if m.Content != "" {
			fmt.Fprintf(&b, `<div class=content>%s</div>`, markdown(m.Content))
		}
		for _, e := range m.Embeds {
			fmt.Fprintf(&b, `<div class=embed><div class=bar style="background:#%06x"></div><div class=einner>`, e.Color)
			if e.Title != "" {
				fmt.Fprintf(&b, `<div class=etitle>%s</div>`, markdown(e.Title))
			}
			if e.Description != "" {
				fmt.Fprintf(&b, `<div class=edesc>%s</div>`, markdown(e.Description))
			}
			for _, f := range e.Fields {
				fmt.Fprintf(&b, `<div class=etitle>%s</div><div class=edesc>%s</div>`, markdown(f.Name), markdown(f.Value))
			}
			if e.Footer != nil {
				fmt.Fprintf(&b, `<div class=efoot>%s</div>`, html.EscapeString(e.Footer.Text))
			}
			b.WriteString(`</div></div>`)
		}
		for _, row := range m.Components {
			b.WriteString(`<div class=row>`)
			for _, c := range row.Components {
				switch c.Type {
				case 2:
					emoji := ""
					if c.Emoji != nil {
						emoji = c.Emoji.Name + " "
					}
					fmt.Fprintf(&b, `<span class=btn>%s%s</span>`, html.EscapeString(emoji), html.EscapeString(c.Label))
				case 3:
					fmt.Fprintf(&b, `<div class=select>%s ▾</div>`, html.EscapeString(c.Placeholder))
				}
			}
			b.WriteString(`</div>`)
		}
		if s.Private {
			b.WriteString(`<div class=private>👁 Only you can see this</div>`)
		}
		b.WriteString(`</div></div>`)
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]+)\]\(<?(https?://[^\s()<>]+)>?\)`)
	mdBold   = regexp.MustCompile(`\*\*(.+?)\*\*`)
	mdItalic = regexp.MustCompile(`(^|[^*\\])\*([^*\n]+)\*`)
	mdCode   = regexp.MustCompile("`([^`]+)`")
	mdEsc    = regexp.MustCompile(`\\([*_~|])`)
)

// markdown renders the subset of Discord markdown Kabar writes: bold,
// italics, code, masked links, escapes and "> " quote lines.
func markdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		quote := strings.HasPrefix(l, "> ")
		l = html.EscapeString(strings.TrimPrefix(l, "> "))
		l = mdCode.ReplaceAllString(l, "<code>$1</code>")
		l = mdLink.ReplaceAllString(l, `<a>$1</a>`)
		l = mdBold.ReplaceAllString(l, "<b>$1</b>")
		l = mdItalic.ReplaceAllString(l, "$1<i>$2</i>")
		l = mdEsc.ReplaceAllString(l, "$1")
		if quote {
			l = "<blockquote>" + l + "</blockquote>"
		}
		lines[i] = l
	}
	return strings.ReplaceAll(strings.Join(lines, "\n"), "</blockquote>\n", "</blockquote>")
}
