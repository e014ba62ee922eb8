package ui

import (
	"strings"
	"time"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Keys of what Loupe keeps in the browser's localStorage. Every key starts
// with storagePrefix, so forgetDevice can find them all without touching
// other data of the origin.
const (
	storagePrefix = "loupe."
	// storageOwnerKey is the key of the shared.Me of the person whose
	// copies the device keeps.
	storageOwnerKey = storagePrefix + "owner"
	// storageViewPrefix starts the key of every stored analytics view.
	storageViewPrefix = storagePrefix + "view."
)

// storedView is the copy of one analytics view kept on the device.
type storedView struct {
	// FetchedAt is when the API sent Data.
	FetchedAt time.Time `json:"fetchedAt"`
	// Data is the response, in the form of usageState.Data.
	Data *shared.GlobalUsage `json:"data"`
}

// viewStorageKey returns the localStorage key of the copy of view key that
// belongs to the person with profile id profileID.
func viewStorageKey(profileID string, key viewKey) string {
	return storageViewPrefix + profileID + "." + string(key.Scope) + "." + string(key.Range)
}

// readOwner returns the person whose copies the device keeps, or nil when
// it keeps none or the record cannot be read.
func readOwner(store app.BrowserStorage) *shared.Me {
	var owner shared.Me
	if err := store.Get(storageOwnerKey, &owner); err != nil {
		app.Logf("reading %s failed: %v", storageOwnerKey, err)
		return nil
	}
	if owner.ID == "" {
		return nil
	}
	return &owner
}

// writeOwner records me as the person whose copies the device keeps.
func writeOwner(store app.BrowserStorage, me shared.Me) error {
	return store.Set(storageOwnerKey, me)
}

// saveView keeps data as the copy of view key for the person with profile
// id profileID. It does nothing unless that person is the stored owner, so
// a response that arrives after someone else became the owner leaves no
// copy of the previous owner's figures behind.
func saveView(store app.BrowserStorage, profileID string, key viewKey, data *shared.GlobalUsage, fetchedAt time.Time) error {
	if owner := readOwner(store); owner == nil || owner.ID != profileID {
		return nil
	}
	return store.Set(viewStorageKey(profileID, key), storedView{FetchedAt: fetchedAt, Data: data})
}

// readView returns the stored copy of view key for the person with profile
// id profileID, and false when there is none.
func readView(store app.BrowserStorage, profileID string, key viewKey) (storedView, bool) {
	var view storedView
	storageKey := viewStorageKey(profileID, key)
	if err := store.Get(storageKey, &view); err != nil {
		app.Logf("reading %s failed: %v", storageKey, err)
		return storedView{}, false
	}
	if view.Data == nil || view.FetchedAt.IsZero() {
		return storedView{}, false
	}
	return view, true
}

// forgetDevice deletes every key that Loupe stored: the owner record and
// the stored views of every person.
func forgetDevice(store app.BrowserStorage) {
	var keys []string
	store.ForEach(func(k string) {
		if strings.HasPrefix(k, storagePrefix) {
			keys = append(keys, k)
		}
	})
	for _, k := range keys {
		store.Del(k)
	}
}
