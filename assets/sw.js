// Service worker: makes the app work offline after one visit and never mixes two builds.
// scripts/post-build.mjs fills in the build version and the list of every file of the build.
const VERSION = '__BUILD_VERSION__';
const PRECACHE = [/* __PRECACHE__ */];
const CACHE = `http-status-codes-${VERSION}`;

// Install: fetch every file of this build into its own cache, bypassing the HTTP cache so a
// stale file of an older build cannot slip in. The new worker then waits: the page asks the
// person before switching (see sw-register.js).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

// Activate: drop the caches of older builds, then take control of open pages.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('http-status-codes-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Fetch: every file of the build comes from this build's cache. Navigations inside the scope
// get this build's index.html, online or offline, so a page and its files always match.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match('index.html').then((page) => page || fetch(request))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
