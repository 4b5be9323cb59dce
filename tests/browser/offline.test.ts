/**
 * Offline after one visit: the service worker precaches the site into a cache named for this
 * build and its scope, deletes its own scope's older caches (and no one else's), and then, with
 * the network gone, pages open and search answers, in the header's box and on the search page.
 * Pages opened from disk register nothing and show no error.
 *
 * The context enforces the pages' Content-Security-Policy (no `bypassCSP`), and lets service
 * workers run (Playwright's default, named here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cacheName } from '../../src/lib/offline/caching.ts';
import { readServiceWorkerScript, type Precache } from '../../src/lib/offline/manifest.ts';
import { describeBrowser, launchBrowser, siteUrl, url, visit } from './browser.ts';

/** The page's errors: uncaught exceptions, console errors, its own failed requests. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  return errors;
}

/** Every stylesheet of the page loaded, with rules. */
const stylesLoaded = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    return links.length > 0 && links.every((link) => (link.sheet?.cssRules.length ?? 0) > 0);
  });

const h1 = async (page: Page): Promise<string> => (await page.locator('main#main h1').first().innerText()).trim();

describeBrowser('offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let manifest: Precache;

  beforeAll(async () => {
    const script = readFileSync(join(inject('distDir'), 'sw.js'), 'utf8');
    const read = readServiceWorkerScript(script);
    if (!read) throw new Error('sw.js of the build has no manifest');
    manifest = read;
    browser = await launchBrowser();
    context = await browser.newContext({ serviceWorkers: 'allow', colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    errors = watch(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('precaches the site on the first visit into a cache named for this build, and deletes only its own older caches', async () => {
    const scopePath = inject('basePath');
    const current = cacheName(manifest.version, siteUrl());
    const stale = cacheName('0123456789abcdef', siteUrl());
    const otherSite = cacheName('0123456789abcdef', new URL(`${scopePath}other-site/`, siteUrl()).href);
    const unrelated = 'someone-else';
    expect(current).toContain(manifest.version);

    // Before any page of the site has registered the worker, an older build's cache and two to
    // keep, made on a page of the site's origin that registers nothing (sw.js shown as text; its
    // errors, such as a missing favicon.ico, are not the site's).
    const setup = await context.newPage();
    await setup.goto(url('sw.js'));
    await setup.evaluate(async (names) => {
      for (const name of names) await (await caches.open(name)).put('old', new Response('old'));
    }, [stale, otherSite, unrelated]);
    await setup.close();

    await visit(page, '');
    const registered = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const active = registration.active!;
      if (active.state !== 'activated') {
        await new Promise<void>((resolve) => active.addEventListener('statechange', () => active.state === 'activated' && resolve()));
      }
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      return { scope: registration.scope, script: active.scriptURL, controller: navigator.serviceWorker.controller?.scriptURL };
    });
    expect(registered).toEqual({ scope: siteUrl(), script: url('sw.js'), controller: url('sw.js') });

    const stored = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return { names: await caches.keys(), urls: (await cache.keys()).map((request) => request.url) };
    }, current);
    expect(stored.names).toContain(current);
    expect(stored.names, 'the older build of this site is gone').not.toContain(stale);
    expect(stored.names, 'another site on the origin keeps its cache').toContain(otherSite);
    expect(stored.names).toContain(unrelated);
    expect(stored.names.filter((name) => name.startsWith('baoku-') && name.endsWith(` ${scopePath}`))).toEqual([current]);
    expect(stored.urls.sort()).toEqual(manifest.urls.map((u) => new URL(u, url('sw.js')).href).sort());
    expect(errors).toEqual([]);
  });

  it('reads and searches with the network gone', async () => {
    await context.setOffline(true);
    // Really offline: what the worker did not store does not load.
    expect(await page.evaluate((href) => fetch(href).then(() => 'loaded', () => 'failed'), url('rss.xml'))).toBe('failed');
    errors.length = 0;

    await visit(page, '');
    expect(await h1(page)).not.toBe('');
    expect(await stylesLoaded(page)).toBe(true);

    // An article no page has been opened at yet, and the English about page.
    const articles = manifest.urls.filter((u) => /^articles\/[^/]+\/$/u.test(u));
    const unread = articles[articles.length - 1]!;
    await visit(page, unread);
    expect(await h1(page)).not.toBe('');
    expect(await page.locator('main#main p').count()).toBeGreaterThan(0);
    expect(await stylesLoaded(page)).toBe(true);

    await visit(page, 'en/about/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await h1(page)).not.toBe('');

    // The header's box: the engine starts in a worker, which reads the index through the cache.
    await visit(page, '');
    await page.locator('#search-box-input').fill('雪龙');
    const boxHits = page.locator('[data-search-box] .search-hit a');
    await boxHits.first().waitFor({ state: 'visible' });
    expect(await boxHits.locator('mark').allInnerTexts()).toContain('雪龙');

    // The search page with its query (stored without one).
    await visit(page, `search/?q=${encodeURIComponent('雪龙')}`);
    const pageHits = page.locator('#search-results .search-hit a');
    await pageHits.first().waitFor({ state: 'visible' });
    expect(await pageHits.count()).toBeGreaterThan(0);
    expect(await page.locator('#search-page-input').inputValue()).toBe('雪龙');

    // And a result leads to its article.
    await Promise.all([page.waitForURL(/\/articles\/[^/]+\/(#.*)?$/u), pageHits.first().click()]);
    expect(await h1(page)).not.toBe('');

    await context.setOffline(false);
    expect(errors).toEqual([]);
  });

  it('registers nothing, silently, on a page opened from disk', async () => {
    const own = await browser.newContext({ serviceWorkers: 'allow' });
    const disk = await own.newPage();
    const diskErrors = watch(disk);
    await disk.goto(pathToFileURL(join(inject('distDir'), 'index.html')).href, { waitUntil: 'load' });
    // Past the point where a page over http would register (after load, when idle).
    await disk.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
    expect(own.serviceWorkers()).toEqual([]);
    expect(await h1(disk)).not.toBe('');
    await own.close();
    expect(diskErrors).toEqual([]);
  });
});
