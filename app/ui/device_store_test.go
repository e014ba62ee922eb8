package ui

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"loupe/shared"
)

// memoryStorage is an app.BrowserStorage kept in a map, with the JSON
// encoding that the browser's storage applies.
type memoryStorage map[string]string

func (s memoryStorage) Set(k string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s[k] = string(b)
	return nil
}

func (s memoryStorage) Get(k string, v any) error {
	raw, ok := s[k]
	if !ok {
		return nil
	}
	return json.Unmarshal([]byte(raw), v)
}

func (s memoryStorage) Del(k string) { delete(s, k) }

func (s memoryStorage) Len() int { return len(s) }

func (s memoryStorage) Clear() { clear(s) }

func (s memoryStorage) ForEach(f func(k string)) {
	for k := range s {
		f(k)
	}
}

func (s memoryStorage) Contains(k string) bool {
	_, ok := s[k]
	return ok
}

func (s memoryStorage) keys() []string {
	var keys []string
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var (
	ana   = shared.Me{ID: "profile-ana", Email: "ana@example.com", DisplayName: "Ana"}
	kwame = shared.Me{ID: "profile-kwame", Email: "kwame@example.com", DisplayName: "Kwame"}
)

func sampleUsage(total int64) *shared.GlobalUsage {
	images := total * 2
	return &shared.GlobalUsage{
		Available: true,
		Range:     shared.Range30d,
		Usage: &shared.Usage{
			Range:            shared.Range30d,
			TotalGenerations: total,
			TotalImages:      &images,
			TopModels:        []shared.ModelShare{{ModelID: "gemini-veo-3.1", Count: total, Percentage: 100}},
		},
	}
}

func TestSaveViewThenReadView(t *testing.T) {
	store := memoryStorage{}
	key := viewKey{Scope: scopeMy, Range: shared.Range30d}
	fetchedAt := time.Date(2026, 12, 4, 19, 30, 0, 0, time.UTC)
	if err := writeOwner(store, ana); err != nil {
		t.Fatalf("writeOwner: %v", err)
	}

	if err := saveView(store, ana.ID, key, sampleUsage(42), fetchedAt); err != nil {
		t.Fatalf("saveView: %v", err)
	}
	view, found := readView(store, ana.ID, key)

	if !found {
		t.Fatalf("readView(ana, %s) found nothing; want the saved copy", key)
	}
	if !view.FetchedAt.Equal(fetchedAt) {
		t.Errorf("FetchedAt = %v; want %v", view.FetchedAt, fetchedAt)
	}
	if got := view.Data.TotalGenerations; got != 42 {
		t.Errorf("TotalGenerations = %d; want 42", got)
	}
	if view.Data.TotalImages == nil || *view.Data.TotalImages != 84 {
		t.Errorf("TotalImages = %v; want 84", view.Data.TotalImages)
	}
}

func TestReadViewOtherRangeOrPerson(t *testing.T) {
	store := memoryStorage{}
	key := viewKey{Scope: scopeGlobal, Range: shared.Range7d}
	if err := writeOwner(store, ana); err != nil {
		t.Fatalf("writeOwner: %v", err)
	}
	if err := saveView(store, ana.ID, key, sampleUsage(5), time.Now()); err != nil {
		t.Fatalf("saveView: %v", err)
	}

	if _, found := readView(store, ana.ID, viewKey{Scope: scopeGlobal, Range: shared.Range30d}); found {
		t.Errorf("readView(ana, global:30d) found a copy; want none, only global:7d was saved")
	}
	if _, found := readView(store, kwame.ID, key); found {
		t.Errorf("readView(kwame, global:7d) found a copy; want none, it belongs to ana")
	}
}

func TestSaveViewSkipsWhenOwnerDiffers(t *testing.T) {
	store := memoryStorage{}
	key := viewKey{Scope: scopeMy, Range: shared.RangeAll}
	if err := writeOwner(store, kwame); err != nil {
		t.Fatalf("writeOwner: %v", err)
	}

	if err := saveView(store, ana.ID, key, sampleUsage(7), time.Now()); err != nil {
		t.Fatalf("saveView: %v", err)
	}

	if got := store.keys(); !slices.Equal(got, []string{storageOwnerKey}) {
		t.Errorf("keys after saving for a person who is not the owner = %v; want only %s", got, storageOwnerKey)
	}
}

func TestSaveViewSkipsWithoutOwner(t *testing.T) {
	store := memoryStorage{}

	if err := saveView(store, ana.ID, viewKey{Scope: scopeMy, Range: shared.RangeAll}, sampleUsage(7), time.Now()); err != nil {
		t.Fatalf("saveView: %v", err)
	}

	if store.Len() != 0 {
		t.Errorf("keys after saving with no owner = %v; want none", store.keys())
	}
}

func TestForgetDeviceDeletesOnlyLoupeKeys(t *testing.T) {
	store := memoryStorage{"goapp.deviceID": `"abc"`}
	if err := writeOwner(store, ana); err != nil {
		t.Fatalf("writeOwner: %v", err)
	}
	for _, key := range allViewKeys() {
		if err := saveView(store, ana.ID, key, sampleUsage(3), time.Now()); err != nil {
			t.Fatalf("saveView(%s): %v", key, err)
		}
	}

	forgetDevice(store)

	if got := store.keys(); !slices.Equal(got, []string{"goapp.deviceID"}) {
		t.Errorf("keys after forgetDevice = %v; want only goapp.deviceID", got)
	}
	if owner := readOwner(store); owner != nil {
		t.Errorf("readOwner after forgetDevice = %+v; want nil", owner)
	}
}

func TestReadOwner(t *testing.T) {
	store := memoryStorage{}
	if owner := readOwner(store); owner != nil {
		t.Errorf("readOwner(empty) = %+v; want nil", owner)
	}

	if err := writeOwner(store, kwame); err != nil {
		t.Fatalf("writeOwner: %v", err)
	}
	owner := readOwner(store)
	if owner == nil || *owner != kwame {
		t.Errorf("readOwner = %+v; want %+v", owner, kwame)
	}

	store[storageOwnerKey] = "not json"
	if owner := readOwner(store); owner != nil {
		t.Errorf("readOwner(unreadable) = %+v; want nil", owner)
	}
}

func TestViewStorageKeyIncludesProfile(t *testing.T) {
	got := viewStorageKey("profile-ana", viewKey{Scope: scopeGlobal, Range: shared.Range90d})
	if want := "loupe.view.profile-ana.global.90d"; got != want {
		t.Errorf("viewStorageKey = %q; want %q", got, want)
	}
}
