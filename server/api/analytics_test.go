package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/internal/testdb"
	"loupe/server/store"
	"loupe/shared"
)

const password = "correct horse battery"

func TestMyUsageExactFigures(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		b := testdb.NewBuilder(t, db, testNow.AddDate(0, 0, -3))
		ana := b.Person("Ana")
		ben := b.Person("Ben")
		s.addAccount(ana, "ana@example.com", password)

		b.Generation(ana, "gemini-nano-banana-pro", store.StatusCompleted, "image", "image")
		b.Generation(ana, "gemini-nano-banana-pro", store.StatusFailed)
		b.Generation(ana, "gemini-veo-3.1", store.StatusCompleted, "video")
		b.Generation(ana, "stability-sdxl-1.0", store.StatusCompleted, "image")
		b.Generation(ana, "openai-gpt-image-2", store.StatusQueued)
		b.Generation(ben, "kling-official", store.StatusCompleted, "video")
		b.Generation(ben, "gemini-nano-banana-pro", store.StatusCompleted, "image", "image", "image")

		r := s.get(s.signedInClient("ana@example.com", password), shared.PathUsage)
		require.Equal(t, http.StatusOK, r.status, "GET usage: body %s", r.body)
		assert.JSONEq(t, `{
			"range": "all",
			"totalGenerations": 5,
			"totalImages": 3,
			"totalVideos": 1,
			"topModels": [
				{"modelId": "gemini-nano-banana-pro", "modelName": "Nano Banana Pro", "provider": "Google", "type": "image", "count": 2, "percentage": 40},
				{"modelId": "gemini-veo-3.1", "modelName": "Veo 3.1", "provider": "Google", "type": "video", "count": 1, "percentage": 20},
				{"modelId": "openai-gpt-image-2", "modelName": "GPT Image 2", "provider": "OpenAI", "type": "image", "count": 1, "percentage": 20},
				{"modelId": "stability-sdxl-1.0", "modelName": "stability-sdxl-1.0", "provider": "Unknown", "type": "image", "count": 1, "percentage": 20}
			],
			"byProvider": [
				{"provider": "Google", "count": 3, "percentage": 60},
				{"provider": "OpenAI", "count": 1, "percentage": 20},
				{"provider": "Unknown", "count": 1, "percentage": 20}
			],
			"byType": [
				{"type": "image", "count": 4, "percentage": 80},
				{"type": "video", "count": 1, "percentage": 20}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, string(r.body))
	})
}

func TestMyUsageWithNoGenerations(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		b := testdb.NewBuilder(t, db, testNow)
		ana := b.Person("Ana")
		ben := b.Person("Ben")
		s.addAccount(ana, "ana@example.com", password)
		b.Generation(ben, "replicate-reve", store.StatusCompleted, "image")

		r := s.get(s.signedInClient("ana@example.com", password), shared.PathUsage)
		require.Equal(t, http.StatusOK, r.status, "GET usage: body %s", r.body)
		assert.JSONEq(t, `{
			"range": "all",
			"totalGenerations": 0,
			"totalImages": 0,
			"totalVideos": 0,
			"topModels": [],
			"byProvider": [],
			"byType": [],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, string(r.body))
	})
}

func TestRetiredVideoModelTypeFromOutputs(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		b := testdb.NewBuilder(t, db, testNow)
		ana := b.Person("Ana")
		s.addAccount(ana, "ana@example.com", password)
		b.Generation(ana, "old-video-model", store.StatusCompleted, "video")
		b.Generation(ana, "old-video-model", store.StatusFailed)

		r := s.get(s.signedInClient("ana@example.com", password), shared.PathUsage)
		require.Equal(t, http.StatusOK, r.status, "GET usage: body %s", r.body)
		var usage shared.Usage
		require.NoError(t, json.Unmarshal(r.body, &usage))
		require.Len(t, usage.TopModels, 1)
		assert.Equal(t, shared.Video, usage.TopModels[0].Type, "type of a retired model with video outputs")
		assert.Equal(t, shared.UnknownProvider, usage.TopModels[0].Provider, "provider of a retired model")
		assert.Equal(t, []shared.TypeShare{{Type: shared.Video, Count: 2, Percentage: 100}}, usage.ByType)
	})
}

// globalFixture makes people Ana, Ben, Cleo... (as many as names) with
// accounts, each with generations on a few models. It returns their ids.
func globalFixture(t *testing.T, s *testServer, db *bun.DB, names ...string) []string {
	b := testdb.NewBuilder(t, db, testNow.AddDate(0, 0, -1))
	var ids []string
	for _, name := range names {
		id := b.Person(name)
		ids = append(ids, id)
		s.addAccount(id, strings.ToLower(name)+"@example.com", password)
		b.Generation(id, "gemini-nano-banana-pro", store.StatusCompleted, "image", "image")
		b.Generation(id, "replicate-seedream-4", store.StatusCompleted, "image")
		b.Generation(id, "gemini-veo-3.1", store.StatusFailed)
	}
	return ids
}

func TestGlobalGateBelowK(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		globalFixture(t, s, db, "Ana", "Ben")
		// A person with an account and no generations is not part of the cohort.
		b := testdb.NewBuilder(t, db, testNow)
		b.NextID()
		s.addAccount(b.Person("Idle"), "idle@example.com", password)

		r := s.get(s.signedInClient("ana@example.com", password), shared.PathGlobalUsage)
		require.Equal(t, http.StatusOK, r.status, "GET global usage: body %s", r.body)
		assert.JSONEq(t, `{
			"available": false,
			"range": "all",
			"cohort": {"uniqueUsers": 2, "minUsersRequired": 3},
			"privacy": {"k": 3, "rule": "k-anonymity with complementary suppression across ranges"},
			"message": "Global figures appear once at least 3 people have generated. So far 2 have."
		}`, string(r.body))
	})
}

func TestGlobalGateAtK(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 3)
		globalFixture(t, s, db, "Ana", "Ben", "Cleo")

		r := s.get(s.signedInClient("ana@example.com", password), shared.PathGlobalUsage)
		require.Equal(t, http.StatusOK, r.status, "GET global usage: body %s", r.body)
		// Nobody made a video, so fewer than k people did: the total is null.
		assert.JSONEq(t, `{
			"available": true,
			"range": "all",
			"cohort": {"uniqueUsers": 3, "minUsersRequired": 3},
			"privacy": {"k": 3, "rule": "k-anonymity with complementary suppression across ranges"},
			"suppressed": {"models": 0, "providers": 0, "types": 0},
			"totalGenerations": 9,
			"totalImages": 9,
			"totalVideos": null,
			"topModels": [
				{"modelId": "gemini-nano-banana-pro", "modelName": "Nano Banana Pro", "provider": "Google", "type": "image", "count": 3, "percentage": 33.4},
				{"modelId": "gemini-veo-3.1", "modelName": "Veo 3.1", "provider": "Google", "type": "video", "count": 3, "percentage": 33.3},
				{"modelId": "replicate-seedream-4", "modelName": "Seedream 4.5", "provider": "ByteDance", "type": "image", "count": 3, "percentage": 33.3}
			],
			"byProvider": [
				{"provider": "Google", "count": 6, "percentage": 66.7},
				{"provider": "ByteDance", "count": 3, "percentage": 33.3}
			],
			"byType": [
				{"type": "image", "count": 6, "percentage": 66.7},
				{"type": "video", "count": 3, "percentage": 33.3}
			],
			"generatedAt": "2026-11-20T15:04:05Z"
		}`, string(r.body))
	})
}

func TestGlobalResponseLeaksNothingPersonal(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 2)
		ids := globalFixture(t, s, db, "Ana", "Ben", "Cleo")

		r := s.get(s.signedInClient("ana@example.com", password), shared.PathGlobalUsage)
		require.Equal(t, http.StatusOK, r.status, "GET global usage: body %s", r.body)
		body := string(r.body)

		var secrets []string
		secrets = append(secrets, ids...)
		secrets = append(secrets, "ana@example.com", "ben@example.com", "cleo@example.com", "Ana", "Ben", "Cleo")
		var prompts, urls, outputIDs []string
		require.NoError(t, db.NewRaw("SELECT prompt FROM generations").Scan(t.Context(), &prompts))
		require.NoError(t, db.NewRaw("SELECT file_url FROM outputs").Scan(t.Context(), &urls))
		require.NoError(t, db.NewRaw("SELECT id FROM outputs").Scan(t.Context(), &outputIDs))
		require.NotEmpty(t, prompts)
		require.NotEmpty(t, urls)
		secrets = append(secrets, prompts...)
		secrets = append(secrets, urls...)
		secrets = append(secrets, outputIDs...)
		secrets = append(secrets, "secret", "files.example")
		for _, secret := range secrets {
			assert.NotContains(t, body, secret, "global response contains %q", secret)
		}
	})
}
