package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateGuardScript runs in the page's head, before go-app's own script.
// go-app reports an update whenever a newly installed service worker
// activates while the page has a controller. Loupe's worker claims pages
// when it activates, so on a first visit the page gains a controller just
// before activation and go-app takes the first install for an update. The
// script records whether the page started under a worker and counts
// controller changes, so that loupeIsRealUpdate can separate the two cases.
// A page that started uncontrolled sees its first change from the install.
const updateGuardScript = `<script>
(function () {
  var sw = navigator.serviceWorker;
  var startedControlled = !!(sw && sw.controller);
  var changes = 0;
  if (sw) {
    sw.addEventListener("controllerchange", function () { changes++; });
  }
  window.loupeIsRealUpdate = function () {
    return startedControlled || changes > 1;
  };
})();
</script>`

// isRealUpdate reports whether go-app's update notice follows a new
// release rather than the first install of the service worker.
func isRealUpdate() bool {
	check := app.Window().Get("loupeIsRealUpdate")
	if !check.Truthy() {
		return true
	}
	return check.Invoke().Bool()
}
