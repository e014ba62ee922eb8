package demo

import (
	"math"
	mathrand "math/rand/v2"
	"sort"
	"time"

	"loupe/server/store"
	"loupe/shared"
)

const day = 24 * time.Hour

// window is the span of the history: whole UTC days, the last of which
// contains Options.End.
type window struct {
	start time.Time // midnight UTC of the first day
	end   time.Time // midnight UTC after the last day
	days  int
	// weights holds each day's share of the studio's activity: a weekly
	// rhythm, growth over the period and some day-to-day noise.
	weights cumulative
}

// weekdayLoad is the relative activity on each weekday, Sunday first.
var weekdayLoad = [7]float64{0.2, 1.0, 1.08, 1.1, 1.05, 0.85, 0.28}

func newWindow(rng *mathrand.Rand, end time.Time, days int) *window {
	end = end.UTC()
	last := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	w := &window{
		start: last.AddDate(0, 0, -(days - 1)),
		end:   last.AddDate(0, 0, 1),
		days:  days,
	}
	weights := make([]float64, days)
	for d := range weights {
		// The studio grows steadily, so the last day has about two and a
		// half times the activity of the first.
		growth := 0.55 + 0.85*float64(d)/float64(max(1, days-1))
		weights[d] = growth * weekdayLoad[w.dayStart(d).Weekday()] * uniform(rng, 0.8, 1.2)
	}
	w.weights = newCumulative(weights)
	return w
}

// dayStart returns midnight UTC of day index d. Negative indexes lie before
// the history.
func (w *window) dayStart(d int) time.Time {
	return w.start.AddDate(0, 0, d)
}

// dayIndex returns the index of the day that contains t.
func (w *window) dayIndex(t time.Time) int {
	return int(math.Floor(float64(t.Sub(w.start)) / float64(day)))
}

func clampTime(t, lo, hi time.Time) time.Time {
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}

// maxGap bounds the time between two generations of one session.
const maxGap = 7 * time.Minute

// session is a burst of one person's generations around one idea. Its
// generations share a session id.
type session struct {
	person *person
	id     string
	start  time.Time
	size   int
	video  bool
}

// planSessions splits each person's generations into sessions and places
// them on days in proportion to the day weights, in the person's working
// hours.
func planSessions(rng *mathrand.Rand, people []*person, w *window) []*session {
	var sessions []*session
	for _, p := range people {
		for left := p.generations; left > 0; {
			// Most sessions hold a handful of tries, a few run long.
			size := min(left, 1+geometric(rng, 0.2), 18)
			left -= size
			sessions = append(sessions, &session{
				person: p,
				id:     newUUID(rng),
				start:  sessionStart(rng, p, w, size),
				size:   size,
			})
		}
	}
	return sessions
}

// sessionStart draws when a session of size generations begins. The whole
// session fits inside the history and after the person joined.
func sessionStart(rng *mathrand.Rand, p *person, w *window, size int) time.Time {
	d := w.weights.draw(rng, p.firstDay, w.days)
	for try := 0; try < 20 && p.onBreak(d); try++ {
		d = w.weights.draw(rng, p.firstDay, w.days)
	}

	// Mostly office hours peaking after lunch, sometimes late evening.
	hour := 13.5 + 2.6*rng.NormFloat64()
	if hour < 7.5 || hour > 20 {
		hour = uniform(rng, 8, 18)
	}
	if chance(rng, 0.12) {
		hour = uniform(rng, 19.5, 24.5)
	}
	t := p.localTime(w.dayStart(d), hour)

	earliest := p.joined.Add(time.Duration(uniform(rng, 5, 120) * float64(time.Minute)))
	if earliest.Before(w.start) {
		earliest = w.start
	}
	latest := w.end.Add(-time.Duration(size) * maxGap)
	if t.Before(earliest) {
		t = earliest.Add(time.Duration(uniform(rng, 0, 3) * float64(time.Hour)))
	}
	if t.After(latest) {
		t = latest.Add(-time.Duration(uniform(rng, 0, 3) * float64(time.Hour)))
	}
	return t
}

// assignVideo marks sessions as video sessions until about share of all
// generations are video. Sessions are visited in a random order and taken
// with each person's own video share, so people who like video make more of
// it while the total stays close to share.
func assignVideo(rng *mathrand.Rand, sessions []*session, total int, share float64) {
	quota := int(math.Round(float64(total) * share))
	order := rng.Perm(len(sessions))
	for pass := 0; pass < 100 && quota > 0; pass++ {
		for _, i := range order {
			s := sessions[i]
			if quota <= 0 {
				break
			}
			if s.video || !chance(rng, s.person.videoShare) {
				continue
			}
			s.video = true
			quota -= s.size
		}
	}
}

// draft is a generation before it gets its id, parameters and cost.
type draft struct {
	session *session
	at      time.Time
	model   string
	status  string
	prompt  string
	// negative is the negative prompt, nil when none was sent.
	negative *string
	// images is the number of images requested, zero for videos.
	images int
	// aspect is the requested aspect ratio, such as "3:2".
	aspect string
	// hiRes requests 2048×2048 images or 1080p video.
	hiRes bool
	// seconds is the requested video length, zero for images.
	seconds int
	audio   bool
}

// outageDays counts the days on which the main route of a model with a
// backup fails most requests, and people switch to the backup.
const outageDays = 2

// draftGenerations turns sessions into generations with their model,
// prompt, request and final status, in session order.
func draftGenerations(rng *mathrand.Rand, sessions []*session, w *window) []*draft {
	outages := make(map[int]bool, outageDays)
	for len(outages) < outageDays && w.days > 4 {
		outages[w.days/4+rng.IntN(w.days-w.days/4-2)] = true
	}
	retiredDays := w.days / 3

	var drafts []*draft
	for _, s := range sessions {
		p := s.person
		dayIndex := w.dayIndex(s.start)
		th := newTheme(rng, s.video)

		model := sessionModel(rng, p, s.video)
		if !s.video && p.usesRetired && dayIndex < retiredDays {
			// Usage of the retired model fades until it is switched off.
			if chance(rng, 0.5*(1-float64(dayIndex)/float64(retiredDays))) {
				model = retiredModelID
			}
		}

		var negative *string
		if chance(rng, traitsOf(model).negativeShare) {
			text := th.negativePrompt(rng)
			negative = &text
		}
		images := []int{1, 2, 3, 4}[pickWeighted(rng, []float64{0.4, 0.2, 0.1, 0.3})]
		aspect := pick(rng, []string{"1:1", "1:1", "1:1", "2:3", "2:3", "3:2", "3:2", "3:2"})
		if s.video {
			aspect = "16:9"
		}
		hiRes := chance(rng, 0.3)
		if s.video {
			hiRes = chance(rng, 0.55)
		}
		audio := chance(rng, 0.7)

		at := s.start
		for i := 0; i < s.size; i++ {
			if i > 0 {
				at = at.Add(time.Duration(uniform(rng, 0.3, 1) * float64(maxGap)))
				th.vary(rng)
				// Now and then people compare the same prompt on another
				// favourite.
				if chance(rng, 0.06) {
					model = sessionModel(rng, p, s.video)
				}
			}
			// A session that runs past the retirement moves to a model
			// still offered.
			if model == retiredModelID && w.dayIndex(at) >= retiredDays {
				model = sessionModel(rng, p, false)
			}

			t := traitsOf(model)
			d := &draft{
				session:  s,
				at:       at,
				model:    model,
				status:   store.StatusCompleted,
				prompt:   th.prompt(),
				negative: negative,
				aspect:   aspect,
				hiRes:    hiRes,
				audio:    audio,
			}
			if s.video {
				d.seconds = pick(rng, t.durations)
			} else {
				d.images = images
			}

			failRate := t.failRate
			if outages[w.dayIndex(at)] && hasBackup(model) {
				failRate = 0.55
			}
			if chance(rng, failRate) {
				d.status = store.StatusFailed
				// After a failure in an outage most people retry on the
				// backup route for the rest of the session.
				if backup := backupOf(model); backup != "" && outages[w.dayIndex(at)] && chance(rng, 0.7) {
					model = backup
				}
			}
			drafts = append(drafts, d)
		}
	}
	return drafts
}

// sessionModel picks one of the person's favourite models of the session's
// media type, or sometimes another model they want to try.
func sessionModel(rng *mathrand.Rand, p *person, video bool) string {
	favourites, media := p.imageModels, shared.Image
	if video {
		favourites, media = p.videoModels, shared.Video
	}
	if len(favourites) == 0 || chance(rng, 0.05) {
		if others := favouriteModels(rng, media, 1); len(others) > 0 {
			return others[0]
		}
	}
	weights := []float64{0.6, 0.3, 0.1}[:len(favourites)]
	return favourites[pickWeighted(rng, weights)]
}

func hasBackup(model string) bool {
	return backupOf(model) != ""
}

// backupOf returns the id of the registry model that backs up model, or "".
func backupOf(model string) string {
	for _, m := range shared.Models() {
		if traitsOf(m.ID).backupFor == model {
			return m.ID
		}
	}
	return ""
}

// ensureCoverage makes every registry model and the retired model appear at
// least once, which a small history could otherwise miss. It moves a random
// completed generation of the same media type whose model has others, and
// for the retired model picks one from the first third of the history.
func ensureCoverage(rng *mathrand.Rand, drafts []*draft, w *window) {
	counts := make(map[string]int)
	for _, d := range drafts {
		counts[d.model]++
	}

	retiredDays := w.days / 3
	need := []string{retiredModelID}
	for _, m := range shared.Models() {
		need = append(need, m.ID)
	}
	for _, id := range need {
		if counts[id] > 0 {
			continue
		}
		media := mediaOf(id)
		var candidates []*draft
		for _, d := range drafts {
			if mediaOf(d.model) != media || d.model == retiredModelID || counts[d.model] < 2 || d.status != store.StatusCompleted {
				continue
			}
			if id == retiredModelID && w.dayIndex(d.at) >= retiredDays {
				continue
			}
			candidates = append(candidates, d)
		}
		if len(candidates) == 0 {
			continue
		}
		d := pick(rng, candidates)
		counts[d.model]--
		d.model = id
		counts[id]++
	}
}

// unfinishedHours bounds the age of queued and processing generations at the
// end of the history.
const unfinishedHours = 96

// markUnfinished turns some of the newest completed generations into queued
// or processing ones. The chance falls off with age, from 80% at the end of
// the history with a time constant of 30 hours, which leaves about 2% of a
// default history unfinished.
func markUnfinished(rng *mathrand.Rand, drafts []*draft, w *window) {
	for _, d := range drafts {
		if d.status != store.StatusCompleted {
			continue
		}
		age := w.end.Sub(d.at).Hours()
		if age > unfinishedHours || !chance(rng, 0.8*math.Exp(-age/30)) {
			continue
		}
		d.status = store.StatusQueued
		if chance(rng, 0.35) {
			d.status = store.StatusProcessing
		}
	}
}

// sortDrafts orders drafts by time, keeping session order for equal times.
func sortDrafts(drafts []*draft) {
	sort.SliceStable(drafts, func(i, j int) bool { return drafts[i].at.Before(drafts[j].at) })
}
