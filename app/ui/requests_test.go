package ui

import "testing"

func TestTrackerDropsOlderResponse(t *testing.T) {
	var tracker requestTracker
	var stored []string

	first := tracker.begin("analytics/my", nil)
	second := tracker.begin("analytics/my", nil)

	if !tracker.finish("analytics/my", second, func() { stored = append(stored, "second") }) {
		t.Errorf("finish(second) = false; want true for the latest request")
	}
	if tracker.finish("analytics/my", first, func() { stored = append(stored, "first") }) {
		t.Errorf("finish(first) = true; want false after a newer request began")
	}
	if len(stored) != 1 || stored[0] != "second" {
		t.Errorf("stored = %v; want [second]", stored)
	}
}

func TestTrackerKeepsStatesApart(t *testing.T) {
	var tracker requestTracker

	my := tracker.begin("analytics/my", nil)
	global := tracker.begin("analytics/global", nil)

	if !tracker.finish("analytics/my", my, func() {}) {
		t.Errorf("finish(my) = false; want true because no newer request for my began")
	}
	if !tracker.finish("analytics/global", global, func() {}) {
		t.Errorf("finish(global) = false; want true")
	}
}

func TestTrackerResetDropsInFlight(t *testing.T) {
	var tracker requestTracker

	seq := tracker.begin(stateMe, nil)
	tracker.reset()

	if tracker.finish(stateMe, seq, func() {}) {
		t.Errorf("finish after reset = true; want false")
	}
}

func TestTrackerBeginRunsStart(t *testing.T) {
	var tracker requestTracker
	var got uint64

	seq := tracker.begin("analytics/global", func(s uint64) { got = s })

	if got != seq {
		t.Errorf("start received %d; want the returned sequence %d", got, seq)
	}
}
