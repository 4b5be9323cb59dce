/**
 * Offline reading: registers the service worker (`sw.js` at the site root, scoped to the whole
 * site, see service-worker.ts) once the page has loaded and the browser is idle, so it never
 * delays reading. Only on pages served over http(s): a page opened from disk has no service
 * workers, and nothing happens. A refused registration (an insecure origin, the dev server
 * without a build) is not the reader's problem and stays silent.
 */

/** The worker's script URL and scope for a page, from its `data-site-root-url` (e.g. `../../`). */
export function serviceWorkerTarget(siteRootUrl: string, pageUrl: string): { script: string; scope: string } {
  const root = new URL(siteRootUrl, pageUrl);
  return { script: new URL('sw.js', root).href, scope: root.href };
}

function register(): void {
  const { script, scope } = serviceWorkerTarget(document.documentElement.dataset.siteRootUrl ?? '/', location.href);
  navigator.serviceWorker.register(script, { scope }).catch(() => undefined);
}

function whenIdle(): void {
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
  else setTimeout(register, 1000);
}

const served = typeof location !== 'undefined' && (location.protocol === 'http:' || location.protocol === 'https:');
// `navigator.serviceWorker` is missing on insecure origins, and throws where storage is denied.
const supported = ((): boolean => {
  try {
    return served && 'serviceWorker' in navigator && navigator.serviceWorker !== undefined;
  } catch {
    return false;
  }
})();

if (supported) {
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
