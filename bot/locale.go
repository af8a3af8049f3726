package bot

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/kabar-bot/kabar/answer"
)

// lang is a language Kabar speaks to members in: English or Indonesian.
type lang string

const (
	langEN lang = "en"
	langID lang = "id"
)

// localeID is Discord's Indonesian locale (discordgo v0.29.0 has no
// constant for it).
const localeID discordgo.Locale = "id"

// text is one member-facing string in both languages. Strings with
// arguments are fmt formats with the same verbs in both.
type text struct{ en, id string }

func (t text) in(l lang) string {
	if l == langID && t.id != "" {
		return t.id
	}
	return t.en
}

func (t text) f(l lang, args ...any) string { return fmt.Sprintf(t.in(l), args...) }

// The catalogue of member-facing strings.
var (
	txtSources        = text{"Sources", "Sumber"}
	txtSourcesMore    = text{"Sources (continued)", "Sumber (lanjutan)"}
	txtFullPassages   = text{"Full passages", "Paragraf lengkap"}
	txtHelpful        = text{"Helpful", "Membantu"}
	txtNotHelpful     = text{"Not helpful", "Tidak membantu"}
	txtArticle        = text{"Article %d", "Artikel %d"}
	txtQuotedFrom     = text{"Quoted from %d articles", "Dikutip dari %d artikel"}
	txtQuotedFrom1    = text{"Quoted from 1 article", "Dikutip dari 1 artikel"}
	txtWrittenBy      = text{"Written by %s from %d sources · citations checked", "Ditulis oleh %s dari %d sumber · kutipan diperiksa"}
	txtWrittenBy1     = text{"Written by %s from 1 source · citations checked", "Ditulis oleh %s dari 1 sumber · kutipan diperiksa"}
	txtAModel         = text{"a language model", "model bahasa"}
	txtModelDown      = text{"the language model was unavailable", "model bahasa sedang tidak tersedia"}
	txtDisagree       = text{"⚖️ **Reports disagree**", "⚖️ **Laporan berbeda**"}
	txtDeclineHint    = text{"Try asking about something the articles cover, or use `/summary` to see what they are about.", "Coba tanyakan hal yang dibahas artikel, atau pakai `/summary` untuk melihat isi liputan."}
	txtSearching      = text{"🔎 Searching the coverage…", "🔎 Mencari di liputan…"}
	txtSourcesGone    = text{"These sources are no longer available. Ask again with `/ask`.", "Sumber ini sudah tidak tersedia. Tanyakan lagi dengan `/ask`."}
	txtQuoteLabel     = text{"Quote", "Kutipan"}
	txtPassageLabel   = text{"Passage", "Paragraf"}
	txtLocator        = text{"`%s` paragraph %d, bytes %d to %d", "`%s` paragraf %d, bita %d sampai %d"}
	txtBusy           = text{"Kabar is answering several questions in this server right now. Please try again in a moment.", "Kabar sedang menjawab beberapa pertanyaan di server ini. Coba lagi sebentar lagi."}
	txtCooldown       = text{"⏳ You're asking quickly. Please wait %d s before your next question.", "⏳ Pertanyaanmu terlalu cepat. Tunggu %d detik sebelum bertanya lagi."}
	txtEmptyMention   = text{"Ask me a question after the mention, e.g. “@Kabar what did the two leaders agree on?”", "Tulis pertanyaan setelah mention, misalnya “@Kabar apa yang disepakati kedua pemimpin?”"}
	txtThanksUp       = text{"Thanks for the feedback 👍 It helps improve Kabar.", "Terima kasih atas masukannya 👍 Ini membantu Kabar menjadi lebih baik."}
	txtThanksDown     = text{"Thanks for the feedback 👎 What was wrong? (optional)", "Terima kasih atas masukannya 👎 Apa yang salah? (opsional)"}
	txtThanksReason   = text{"Thanks, noted: %s.", "Terima kasih, dicatat: %s."}
	txtVoteChanged    = text{"Your vote is updated.", "Suaramu sudah diperbarui."}
	txtReasonPrompt   = text{"What was wrong?", "Apa yang salah?"}
	txtReasonWrong    = text{"Wrong answer", "Jawaban salah"}
	txtReasonCitation = text{"The citation does not support it", "Kutipan tidak mendukungnya"}
	txtReasonMissing  = text{"The coverage should know this", "Liputan seharusnya tahu ini"}
	txtReasonOther    = text{"Something else", "Lainnya"}
)

// langOfLocale maps a Discord locale ("id", "en-US", …) to a language:
// Indonesian for "id", English otherwise.
func langOfLocale(l string) lang {
	if strings.EqualFold(strings.TrimSpace(l), string(localeID)) {
		return langID
	}
	return langEN
}

// interactionLang is the language of the member who started i: their
// client locale, else the guild's.
func interactionLang(i *discordgo.Interaction) lang {
	if i == nil {
		return langEN
	}
	if i.Locale != "" {
		return langOfLocale(string(i.Locale))
	}
	if i.GuildLocale != nil {
		return langOfLocale(string(*i.GuildLocale))
	}
	return langEN
}

// resultLang is the language to show r in: the answerer's Lang, else the
// language the question reads as, else fallback (the asker's locale).
func resultLang(r answer.Result, fallback lang) lang {
	switch strings.ToLower(r.Lang) {
	case "id":
		return langID
	case "en":
		return langEN
	}
	if l, ok := guessLang(r.Question); ok {
		return l
	}
	return fallback
}

// Function words that tell Indonesian from English in a question.
var (
	idWords = wordSet("yang dan di ke dari apa siapa kapan berapa bagaimana mengapa kenapa dimana mana apakah tidak dengan untuk ini itu akan pada oleh adalah ada saja sudah terima kasih makasih")
	enWords = wordSet("the and of to in what who when how why where which is are was were did does do has have will with about for this that thanks thank")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// guessLang reads s as Indonesian or English by its function words; ok
// is false when it cannot tell.
func guessLang(s string) (lang, bool) {
	id, en := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if idWords[w] {
			id++
		}
		if enWords[w] {
			en++
		}
	}
	switch {
	case id > en:
		return langID, true
	case en > id:
		return langEN, true
	}
	return langEN, false
}

// localized returns discordgo's localization map for an Indonesian
// string (nil when there is none).
func localized(id string) *map[discordgo.Locale]string {
	if id == "" {
		return nil
	}
	return &map[discordgo.Locale]string{localeID: id}
}
