package ui

import (
	"strconv"
	"strings"
	"time"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// formatCount returns n with a comma between each group of three digits,
// as in "12,345".
func formatCount(n int64) string {
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}

	var b strings.Builder
	b.WriteString(sign)
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteByte(',')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// formatPercent returns p, a share from 0 to 100, with one decimal and a
// percent sign, as in "42.1%".
func formatPercent(p float64) string {
	return strconv.FormatFloat(clampPercent(p), 'f', 1, 64) + "%"
}

// clampPercent returns p limited to the range 0 to 100.
func clampPercent(p float64) float64 {
	return min(max(p, 0), 100)
}

// formatTime returns t in UTC as in "4 Dec 2026, 19:44 UTC".
func formatTime(t time.Time) string {
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

// formatLocalTime returns t as a date and time in the browser's language
// and time zone, as in "4 Dec 2026, 20:31" or "Dec 4, 2026, 8:31 PM". Outside
// the browser it uses the process's time zone and the first form.
func formatLocalTime(t time.Time) string {
	if !app.IsClient {
		return t.Local().Format("2 Jan 2006, 15:04")
	}

	options := map[string]any{"dateStyle": "medium", "timeStyle": "short"}
	return app.Window().
		Get("Date").
		New(t.UnixMilli()).
		Call("toLocaleString", app.Undefined(), options).
		String()
}

// plural returns singular when n is 1 and pluralForm otherwise.
func plural(n int64, singular, pluralForm string) string {
	if n == 1 {
		return singular
	}
	return pluralForm
}

// mediaTypeLabel returns the plural name of a media type, as in "Images".
func mediaTypeLabel(t shared.MediaType) string {
	switch t {
	case shared.Image:
		return "Images"
	case shared.Video:
		return "Videos"
	case "":
		return "Unknown"
	default:
		return strings.ToUpper(string(t[:1])) + string(t[1:])
	}
}

// lowerFirst returns s with its first letter in lower case, for a phrase
// that moves from the start of a sentence into its middle.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// countNoun returns n with the singular or plural noun, as in "1 model" or
// "3 models".
func countNoun(n int64, singular, pluralForm string) string {
	return formatCount(n) + " " + plural(n, singular, pluralForm)
}

// modelTypeLabel returns the singular name of the media type a model
// produces, as in "Image", or "" when it is unknown.
func modelTypeLabel(t shared.MediaType) string {
	switch t {
	case shared.Image:
		return "Image"
	case shared.Video:
		return "Video"
	default:
		return ""
	}
}
