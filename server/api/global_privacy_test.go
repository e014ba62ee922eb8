package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/internal/testdb"
	"loupe/server/store"
	"loupe/shared"
)

// privacyJSON is the privacy member of every global response with k = 3.
const privacyJSON = `{"k": 3, "rule": "k-anonymity with complementary suppression across ranges"}`

// viewerClient adds a person with an account and no generations, so that
// signing in changes no figure, and returns a client signed in as them.
func viewerClient(s *testServer, b *testdb.Builder) *http.Client {
	s.addAccount(b.Person("Viewer"), "viewer@example.com", password)
	return s.signedInClient("viewer@example.com", password)
}

// addPeople adds a profile for each name and returns their ids.
func addPeople(b *testdb.Builder, names ...string) []string {
	ids := make([]string, len(names))
	for i, name := range names {
		ids[i] = b.Person(name)
	}
	return ids
}

// daysAgo sets the builder's clock to the test clock minus days.
func daysAgo(b *testdb.Builder, days int) {
	b.At = testNow.AddDate(0, 0, -days)
}

// getGlobal requests global usage with the given query and requires a 200.
func getGlobal(t *testing.T, s *testServer, c *http.Client, query string) string {
	t.Helper()
	r := s.get(c, shared.PathGlobalUsage+query)
	require.Equal(t, http.StatusOK, r.status, "GET global usage%s: body %s", query, r.body)
	return string(r.body)
}

func TestGlobalLoneHeavyUserIsNotNamed(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo")
		daysAgo(b, 2)
		for _, id := range ids {
			b.Generation(id, "gemini-nano-banana-pro", store.StatusCompleted, "image")
		}
		// Ana alone uses Reve, heavily. Naming Reve would show her activity,
		// and so would naming Nano Banana Pro next to the total.
		for range 50 {
			b.Generation(ids[0], "replicate-reve", store.StatusCompleted, "image")
		}

		assert.JSONEq(t, `{
			"available": true,
			"range": "all",
			"cohort": {"uniqueUsers": 3, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"suppressed": {"models": 2, "providers": 2, "types": 0},
			"totalGenerations": 53,
			"totalImages": 53,
			"totalVideos": null,
			"topModels": [
				{"modelId": "other", "count": 53, "percentage": 100, "other": true, "label": "Other (2 models)"}
			],
			"byProvider": [
				{"provider": "other", "count": 53, "percentage": 100, "other": true, "label": "Other (2 providers)"}
			],
			"byType": [
				{"type": "image", "count": 53, "percentage": 100}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, getGlobal(t, s, c, ""))
	})
}

func TestGlobalTwoModelsOfTwoPeopleEach(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo", "Dan")
		daysAgo(b, 3)
		b.Generation(ids[0], "replicate-seedream-4", store.StatusCompleted, "image")
		b.Generation(ids[1], "replicate-seedream-4", store.StatusCompleted, "image")
		b.Generation(ids[2], "openai-gpt-image-2", store.StatusCompleted, "image")
		b.Generation(ids[3], "openai-gpt-image-2", store.StatusFailed)

		assert.JSONEq(t, `{
			"available": true,
			"range": "all",
			"cohort": {"uniqueUsers": 4, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"suppressed": {"models": 2, "providers": 2, "types": 0},
			"totalGenerations": 4,
			"totalImages": 3,
			"totalVideos": null,
			"topModels": [
				{"modelId": "other", "count": 4, "percentage": 100, "other": true, "label": "Other (2 models)"}
			],
			"byProvider": [
				{"provider": "other", "count": 4, "percentage": 100, "other": true, "label": "Other (2 providers)"}
			],
			"byType": [
				{"type": "image", "count": 4, "percentage": 100}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, getGlobal(t, s, c, ""))
	})
}

func TestGlobalOtherNeedsOneFold(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo", "Dan", "Eve")
		daysAgo(b, 1)
		for _, id := range ids {
			b.Generation(id, "gemini-nano-banana-pro", store.StatusCompleted, "image")
			b.Generation(id, "gemini-nano-banana-pro", store.StatusCompleted, "image")
		}
		for _, id := range ids[1:4] {
			b.Generation(id, "gemini-nano-banana-2", store.StatusCompleted, "image")
		}
		// Ana alone uses the backup model, so Other would be hers alone:
		// the smallest named model joins it.
		b.Generation(ids[0], "replicate-nano-banana-pro", store.StatusCompleted, "image")

		assert.JSONEq(t, `{
			"available": true,
			"range": "all",
			"cohort": {"uniqueUsers": 5, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"suppressed": {"models": 2, "providers": 0, "types": 0},
			"totalGenerations": 14,
			"totalImages": 14,
			"totalVideos": null,
			"topModels": [
				{"modelId": "gemini-nano-banana-pro", "modelName": "Nano Banana Pro", "provider": "Google", "type": "image", "count": 10, "percentage": 71.4},
				{"modelId": "other", "count": 4, "percentage": 28.6, "other": true, "label": "Other (2 models)"}
			],
			"byProvider": [
				{"provider": "Google", "count": 14, "percentage": 100}
			],
			"byType": [
				{"type": "image", "count": 14, "percentage": 100}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, getGlobal(t, s, c, ""))
	})
}

func TestGlobalOtherNeedsTwoFolds(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo", "Dan", "Eve", "Fay")
		daysAgo(b, 1)
		for _, id := range ids[:3] {
			b.Generation(id, "gemini-nano-banana-2", store.StatusCompleted, "image")
		}
		for _, id := range ids[3:] {
			b.Generation(id, "openai-gpt-image-2", store.StatusCompleted, "image")
			b.Generation(id, "openai-gpt-image-2", store.StatusCompleted, "image")
		}
		// Ana alone uses Reve. Folding Nano Banana 2 into Other is not
		// enough while Google, which only it makes, is named: Other minus
		// Google would be Ana's count. So Google folds too.
		b.Generation(ids[0], "replicate-reve", store.StatusCompleted, "image")

		assert.JSONEq(t, `{
			"available": true,
			"range": "all",
			"cohort": {"uniqueUsers": 6, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"suppressed": {"models": 2, "providers": 2, "types": 0},
			"totalGenerations": 10,
			"totalImages": 10,
			"totalVideos": null,
			"topModels": [
				{"modelId": "openai-gpt-image-2", "modelName": "GPT Image 2", "provider": "OpenAI", "type": "image", "count": 6, "percentage": 60},
				{"modelId": "other", "count": 4, "percentage": 40, "other": true, "label": "Other (2 models)"}
			],
			"byProvider": [
				{"provider": "OpenAI", "count": 6, "percentage": 60},
				{"provider": "other", "count": 4, "percentage": 40, "other": true, "label": "Other (2 providers)"}
			],
			"byType": [
				{"type": "image", "count": 10, "percentage": 100}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, getGlobal(t, s, c, ""))
	})
}

func TestGlobalRangeWithKAndKMinusOnePeople(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo", "Dan", "Eve", "Fay")
		// Two people in the last 7 days, a third earlier in the last 30,
		// and three more over 90 days ago.
		daysAgo(b, 6)
		b.Generation(ids[0], "gemini-veo-3.1", store.StatusCompleted, "video")
		b.Generation(ids[1], "gemini-veo-3.1", store.StatusCompleted, "video")
		daysAgo(b, 29)
		b.Generation(ids[2], "gemini-veo-3.1", store.StatusCompleted, "video")
		daysAgo(b, 120)
		for _, id := range ids[3:] {
			b.Generation(id, "gemini-veo-3.1", store.StatusCompleted, "video")
		}

		assert.JSONEq(t, `{
			"available": false,
			"range": "7d",
			"cohort": {"uniqueUsers": 2, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"message": "Global figures for the last 7 days appear once at least 3 people have generated in them. So far 2 have."
		}`, getGlobal(t, s, c, "?range=7d"))

		assert.JSONEq(t, `{
			"available": true,
			"range": "30d",
			"cohort": {"uniqueUsers": 3, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"suppressed": {"models": 0, "providers": 0, "types": 0},
			"totalGenerations": 3,
			"totalImages": null,
			"totalVideos": 3,
			"topModels": [
				{"modelId": "gemini-veo-3.1", "modelName": "Veo 3.1", "provider": "Google", "type": "video", "count": 3, "percentage": 100}
			],
			"byProvider": [
				{"provider": "Google", "count": 3, "percentage": 100}
			],
			"byType": [
				{"type": "video", "count": 3, "percentage": 100}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, getGlobal(t, s, c, "?range=30d"))
	})
}

func TestGlobalEmptyRange(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		daysAgo(b, 40)
		for _, id := range addPeople(b, "Ana", "Ben", "Cleo") {
			b.Generation(id, "replicate-reve", store.StatusCompleted, "image")
		}

		assert.JSONEq(t, `{
			"available": false,
			"range": "30d",
			"cohort": {"uniqueUsers": 0, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"message": "Global figures for the last 30 days appear once at least 3 people have generated in them. So far 0 have."
		}`, getGlobal(t, s, c, "?range=30d"))
	})
}

func TestGlobalRangeWithheldWhenDifferenceIsOnePerson(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo", "Dan")
		daysAgo(b, 2)
		for _, id := range ids[:3] {
			b.Generation(id, "replicate-reve", store.StatusCompleted, "image")
		}
		// Dan's only generation is 100 days old: every narrower range's
		// total, subtracted from all time's, would be his alone.
		daysAgo(b, 100)
		b.Generation(ids[3], "replicate-reve", store.StatusCompleted, "image")

		for _, r := range []string{"7d", "30d", "90d"} {
			body := getGlobal(t, s, c, "?range="+r)
			days := map[string]string{"7d": "7", "30d": "30", "90d": "90"}[r]
			assert.JSONEq(t, `{
				"available": false,
				"range": "`+r+`",
				"cohort": {"uniqueUsers": 3, "minUsersRequired": 3},
				"privacy": `+privacyJSON+`,
				"message": "Global figures for the last `+days+` days are withheld: next to the figures of longer ranges, they would reveal the activity of fewer than 3 people. Choose a longer range."
			}`, body, "range %s", r)
		}

		body := getGlobal(t, s, c, "?range=all")
		assert.Contains(t, body, `"available":true`, "range all")
		assert.Contains(t, body, `"totalGenerations":4`, "range all")
	})
}

func TestGlobalNarrowRangeFoldsRevealingDifference(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		ids := addPeople(b, "Ana", "Ben", "Cleo", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jo")
		daysAgo(b, 1)
		for _, id := range ids[:3] {
			b.Generation(id, "gemini-nano-banana-pro", store.StatusCompleted, "image")
		}
		for _, id := range ids[3:6] {
			b.Generation(id, "openai-gpt-image-2", store.StatusCompleted, "image")
			b.Generation(id, "openai-gpt-image-2", store.StatusCompleted, "image")
		}
		// Older than 7 days, Gus alone used Nano Banana Pro, and three
		// people GPT Image 2.
		daysAgo(b, 10)
		b.Generation(ids[6], "gemini-nano-banana-pro", store.StatusCompleted, "image")
		for _, id := range ids[7:] {
			b.Generation(id, "openai-gpt-image-2", store.StatusCompleted, "image")
		}

		// All time names both models.
		all := getGlobal(t, s, c, "")
		assert.Contains(t, all, `"modelId":"gemini-nano-banana-pro","modelName":"Nano Banana Pro","provider":"Google","type":"image","count":4`, "range all")
		assert.Contains(t, all, `"modelId":"openai-gpt-image-2","modelName":"GPT Image 2","provider":"OpenAI","type":"image","count":9`, "range all")

		// Naming Nano Banana Pro in 7 days would show Gus's count as the
		// difference. With it folded, Other would be Nano Banana Pro alone,
		// which shows the same difference, so GPT Image 2 folds as well.
		assert.JSONEq(t, `{
			"available": true,
			"range": "7d",
			"cohort": {"uniqueUsers": 6, "minUsersRequired": 3},
			"privacy": `+privacyJSON+`,
			"suppressed": {"models": 2, "providers": 2, "types": 0},
			"totalGenerations": 9,
			"totalImages": 9,
			"totalVideos": null,
			"topModels": [
				{"modelId": "other", "count": 9, "percentage": 100, "other": true, "label": "Other (2 models)"}
			],
			"byProvider": [
				{"provider": "other", "count": 9, "percentage": 100, "other": true, "label": "Other (2 providers)"}
			],
			"byType": [
				{"type": "image", "count": 9, "percentage": 100}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, getGlobal(t, s, c, "?range=7d"))
	})
}

func TestUsageRejectsInvalidRange(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		c := viewerClient(s, b)
		tests := []struct {
			name  string
			query string
			want  string
		}{
			{
				name:  "unknown name",
				query: "?range=2w",
				want:  `{"error": {"code": "invalid", "message": "Invalid range \"2w\": use one of 7d, 30d, 90d or all.", "param": "range", "allowed": ["7d", "30d", "90d", "all"]}}`,
			},
			{
				name:  "wrong case",
				query: "?range=ALL",
				want:  `{"error": {"code": "invalid", "message": "Invalid range \"ALL\": use one of 7d, 30d, 90d or all.", "param": "range", "allowed": ["7d", "30d", "90d", "all"]}}`,
			},
			{
				name:  "given twice",
				query: "?range=7d&range=30d",
				want:  `{"error": {"code": "invalid", "message": "Give the range parameter once, as one of 7d, 30d, 90d or all.", "param": "range", "allowed": ["7d", "30d", "90d", "all"]}}`,
			},
			{
				name:  "too long to repeat",
				query: "?range=" + strings.Repeat("x", 40),
				want:  `{"error": {"code": "invalid", "message": "Invalid range: use one of 7d, 30d, 90d or all.", "param": "range", "allowed": ["7d", "30d", "90d", "all"]}}`,
			},
		}
		for _, tt := range tests {
			for _, path := range []string{shared.PathUsage, shared.PathGlobalUsage} {
				r := s.get(c, path+tt.query)
				assert.Equal(t, http.StatusBadRequest, r.status, "GET %s%s: status", path, tt.query)
				assert.JSONEq(t, tt.want, string(r.body), "GET %s (%s)", path, tt.name)
			}
		}
	})
}

func TestMyUsageHonoursRange(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		b := testdb.NewBuilder(t, db, testNow)
		ana := b.Person("Ana")
		s.addAccount(ana, "ana@example.com", password)
		c := s.signedInClient("ana@example.com", password)

		// Today and 6 days ago are in the last 7 days; 7 days ago is not.
		b.At = testNow
		b.Generation(ana, "gemini-veo-3.1", store.StatusCompleted, "video")
		daysAgo(b, 6)
		b.At = time.Date(b.At.Year(), b.At.Month(), b.At.Day(), 0, 0, 0, 0, time.UTC)
		b.Generation(ana, "gemini-nano-banana-pro", store.StatusCompleted, "image")
		b.At = b.At.Add(-time.Millisecond)
		b.Generation(ana, "gemini-nano-banana-pro", store.StatusCompleted, "image", "image")
		daysAgo(b, 200)
		b.Generation(ana, "old-video-model", store.StatusFailed)

		r := s.get(c, shared.PathUsage+"?range=7d")
		require.Equal(t, http.StatusOK, r.status, "GET usage?range=7d: body %s", r.body)
		assert.JSONEq(t, `{
			"range": "7d",
			"totalGenerations": 2,
			"totalImages": 1,
			"totalVideos": 1,
			"topModels": [
				{"modelId": "gemini-nano-banana-pro", "modelName": "Nano Banana Pro", "provider": "Google", "type": "image", "count": 1, "percentage": 50},
				{"modelId": "gemini-veo-3.1", "modelName": "Veo 3.1", "provider": "Google", "type": "video", "count": 1, "percentage": 50}
			],
			"byProvider": [
				{"provider": "Google", "count": 2, "percentage": 100}
			],
			"byType": [
				{"type": "image", "count": 1, "percentage": 50},
				{"type": "video", "count": 1, "percentage": 50}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, string(r.body))

		for query, want := range map[string]int64{"?range=30d": 3, "?range=90d": 3, "?range=all": 4, "": 4} {
			r := s.get(c, shared.PathUsage+query)
			require.Equal(t, http.StatusOK, r.status, "GET usage%s: body %s", query, r.body)
			var usage shared.Usage
			require.NoError(t, json.Unmarshal(r.body, &usage))
			assert.Equal(t, want, usage.TotalGenerations, "GET usage%s: totalGenerations", query)
		}
	})
}
