package ui

import "sync"

// loadStatus is the stage of the latest request for one piece of data.
type loadStatus string

// The stages of a request. The zero value means that nothing was requested
// yet, and components draw it as loading.
const (
	statusLoading loadStatus = "loading"
	statusReady   loadStatus = "ready"
	statusFailed  loadStatus = "failed"
)

// requestTracker numbers the requests for each state name so that only the
// latest one stores its response. A response that arrives after a newer
// request for the same state was started is dropped, whatever order the
// network delivers them in.
type requestTracker struct {
	mu     sync.Mutex
	next   uint64
	latest map[string]uint64
}

// requests is the tracker of every loader in the app.
var requests = &requestTracker{}

// begin records a new request for state and returns its sequence number.
// It runs start while holding the tracker's lock, so no response can be
// stored between the numbering and start.
func (t *requestTracker) begin(state string, start func(seq uint64)) uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()

	if t.latest == nil {
		t.latest = make(map[string]uint64)
	}
	t.next++
	seq := t.next
	t.latest[state] = seq
	if start != nil {
		start(seq)
	}
	return seq
}

// finish runs store and returns true when seq is still the latest request
// for state. It returns false, without running store, when a newer request
// was started or reset was called since seq began.
func (t *requestTracker) finish(state string, seq uint64, store func()) bool {
	t.mu.Lock()
	defer t.mu.Unlock()

	if t.latest[state] != seq {
		return false
	}
	store()
	return true
}

// reset discards every sequence number, so the responses of requests still
// in flight are dropped. Signing out calls it.
func (t *requestTracker) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()

	t.latest = nil
}
