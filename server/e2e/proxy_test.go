package e2e

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"loupe/shared"
)

// apiFault is how faultyProxy responds to requests under /api/.
type apiFault int32

const (
	// forwardAPI passes every request to the server.
	forwardAPI apiFault = iota
	// failAPI responds with 503 Service Unavailable.
	failAPI
	// stallAPI sends no response until the client gives up, as a hung
	// server does.
	stallAPI
)

// faultyProxy is a reverse proxy on 127.0.0.1 in front of the real server.
// Pages and files always pass through, and API requests fail in the way
// its fault field selects.
type faultyProxy struct {
	fault   atomic.Int32
	release chan struct{}
	once    sync.Once
	server  *httptest.Server
}

// startProxy starts a faultyProxy in front of target that forwards
// everything until setFault changes it. It stops when the test ends.
func startProxy(t *testing.T, target string) *faultyProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatalf("parse %q: %v", target, err)
	}
	forward := httputil.NewSingleHostReverseProxy(u)

	p := &faultyProxy{release: make(chan struct{})}
	p.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			forward.ServeHTTP(w, r)
			return
		}
		switch apiFault(p.fault.Load()) {
		case failAPI:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(`{"error": {"code": "unavailable", "message": "Loupe is down for maintenance."}}`)) //nolint:errcheck // the client may be gone
		case stallAPI:
			select {
			case <-r.Context().Done():
			case <-p.release:
			}
		default:
			forward.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(func() {
		p.once.Do(func() { close(p.release) })
		p.server.Close()
	})
	return p
}

// URL returns the proxy's origin.
func (p *faultyProxy) URL() string {
	return p.server.URL
}

func (p *faultyProxy) setFault(f apiFault) {
	p.fault.Store(int32(f))
}

func TestServerErrorShowsLastSeen(t *testing.T) {
	requireChromium(t)
	f := seedHistory(t)
	server := startLoupe(t, f.dbPath, minCohortUsers)
	proxy := startProxy(t, server.URL())
	api := signInAPI(t, server.URL(), f.ana)
	b := newBrowser(t, proxy.URL(), desktop)

	b.signIn(f.ana)
	b.showView("my", shared.RangeAll, "ready")
	seen := api.usage(shared.RangeAll)
	b.waitServiceWorker()

	proxy.setFault(failAPI)
	b.reload()
	b.waitVisible(`[data-banner="server-unavailable"]`)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("status-503")
	checkBanner(t, b, "server-unavailable", unavailablePrefix)
	checkFigures(t, "my:all after 503", b.readFigures("my:all"), figuresOf(&seen))

	proxy.setFault(stallAPI)
	b.reload()
	b.waitVisible(`[data-banner="server-unavailable"]`)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("timeout")
	checkBanner(t, b, "server-unavailable", unavailablePrefix)
	checkFigures(t, "my:all after a timeout", b.readFigures("my:all"), figuresOf(&seen))
}
