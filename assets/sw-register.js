// Registers the service worker (release builds only: scripts/post-build.mjs makes the loader ask
// for this script once the page has painted) and offers a reload when a new build has been installed in the background.
(function () {
  if (!('serviceWorker' in navigator)) return;

  function offerReload(worker) {
    if (document.getElementById('update-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.setAttribute('data-testid', 'update-banner');
    const text = document.createElement('span');
    text.textContent = 'A new version is available.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', function () {
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    banner.append(text, ' ', button);
    document.body.append(banner);
  }

  // Only reload when the person asked for it, not on the first install.
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloading || !document.getElementById('update-banner')) return;
    reloading = true;
    window.location.reload();
  });

  // Registration waits until the app has drawn its first view: installing the worker fetches
  // every file of the build, which must not compete with the first visit's own downloads.
  function whenAppReady(start) {
    const root = document.documentElement;
    const ready = function () { return root.getAttribute('data-ready') === 'true'; };
    if (ready()) return start();
    const observer = new MutationObserver(function () {
      if (!ready()) return;
      observer.disconnect();
      start();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
  }

  whenAppReady(function () {
    navigator.serviceWorker
      .register('sw.js')
      .then(function (registration) {
        if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting);
        registration.addEventListener('updatefound', function () {
          const installing = registration.installing;
          if (!installing) return;
          installing.addEventListener('statechange', function () {
            if (installing.state === 'installed' && navigator.serviceWorker.controller) offerReload(installing);
          });
        });
        // A page kept open all day still learns about new builds.
        setInterval(function () {
          registration.update().catch(function () {});
        }, 60 * 60 * 1000);
      })
      .catch(function () {
        // Offline support is an extra: the app works without it.
      });
  });
})();
