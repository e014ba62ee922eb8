package ui

// appShellPages lists the pages the service worker keeps for offline use.
// Their prerendered HTML is the same for everyone, a neutral shell with no
// name, email or figure, because the server prerenders without reading the
// session. The app fills them in once it runs.
var appShellPages = []string{pathDashboard, pathAnalytics, pathLogin, pathSettings}

// serviceWorkerTemplate is Loupe's app-worker.js. go-app replaces
// {{.Version}} with Handler.Version and {{.ResourcesToCache}} with a JSON
// array of the paths to keep: its own files, the icons, the style sheets
// and CacheableResources, which include appShellPages.
//
// The worker keeps one cache per version. Installing fills it and takes
// over at once, which makes go-app's page script call goappOnUpdate in
// pages that an older worker controlled. Activating deletes every other
// cache, so after an update only the new version's files remain.
//
// Page navigations go to the network first, so an online reload always
// gets the current page. Without a network, or when the server responds
// with a 5xx status, they get the cached shell of the same path, whatever
// its query string. The app then runs from the cache and shows the figures it stored
// itself. Other same-origin files come from the cache when it has them.
// Requests under /api/ never touch the cache, so no response carrying
// personal data is stored by the worker.
const serviceWorkerTemplate = `// Loupe's service worker, version {{.Version}}.
"use strict";

const CACHE_NAME = "loupe-{{.Version}}";
const PRECACHE_PATHS = {{.ResourcesToCache}};
const SHELL_FALLBACK = "/";

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

// precache stores every path of PRECACHE_PATHS, fetched past the HTTP
// cache so that a new version never keeps an old file.
async function precache() {
  const cache = await caches.open(CACHE_NAME);
  const requests = PRECACHE_PATHS.map((path) => new Request(path, { cache: "reload" }));
  await cache.addAll(requests);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOtherCaches().then(() => self.clients.claim()));
});

async function deleteOtherCaches() {
  const names = await caches.keys();
  const others = names.filter((name) => name !== CACHE_NAME);
  await Promise.all(others.map((name) => caches.delete(name)));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }

  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
    return;
  }

  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

// navigate returns the page from the network, or its cached shell when the
// network fails or the server responds with a 5xx status. A path with no cached shell of
// its own gets the dashboard's, and the app's router then draws the page
// the URL names.
async function navigate(request) {
  let response;
  try {
    response = await fetch(request);
    if (response.status < 500) {
      return response;
    }
  } catch (err) {
    response = null;
  }

  const cache = await caches.open(CACHE_NAME);
  const shell =
    (await cache.match(request, { ignoreSearch: true })) ||
    (await cache.match(SHELL_FALLBACK));
  if (shell) {
    return shell;
  }
  return response || Response.error();
}

// cacheFirst returns a cached file, or fetches it without storing it.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  return fetch(request);
}
`
