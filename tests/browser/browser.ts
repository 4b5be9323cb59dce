/**
 * Chromium for the browser tests, through playwright-core and the system browser
 * (`/usr/bin/chromium`; nothing is downloaded). Without it the tests are skipped with a message,
 * except in CI (`CI` set), where they must run and a missing browser fails them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests are skipped here, or `undefined` when they run. */
export const browserSkipReason: string | undefined =
  existsSync(CHROMIUM_PATH) || process.env.CI
    ? undefined
    : `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install it, e.g. \`apt-get install chromium\`; in CI they always run)`;

let warned = false;

/** `describe` for tests that need Chromium: skipped, with a message, when there is none. */
export function describeBrowser(name: string, fn: () => void): void {
  if (browserSkipReason) {
    if (!warned) console.warn(browserSkipReason);
    warned = true;
    describe.skip(name, fn);
  } else {
    describe(name, fn);
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/** The served site's root URL (with the base and a trailing slash). */
export function siteUrl(): string {
  return inject('siteUrl');
}

/** The absolute URL of a site path given without base or leading slash, e.g. `en/about/`. */
export function url(path = ''): string {
  return new URL(path.replace(/^\/+/u, ''), siteUrl()).href;
}

/** The site path (without base, no leading slash) of an absolute URL on the test server. */
export function sitePath(href: string): string {
  const u = new URL(href);
  const root = new URL(siteUrl());
  if (u.origin !== root.origin || !u.pathname.startsWith(root.pathname)) {
    throw new Error(`${href} is not on the test site ${root.href}`);
  }
  return u.pathname.slice(root.pathname.length);
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** The URL of every request any page of the context made, in order. */
  requests: string[];
  /** Uncaught exceptions, console errors, failed requests and HTTP errors of the pages. */
  errors: string[];
}

/**
 * A new context and page that record every request and every page error. The context bypasses
 * the pages' Content-Security-Policy so that test scripts (axe) can be injected, and blocks
 * service workers, so the site's offline precache does not download in the background of tests
 * about something else (offline.test.ts has a context of its own that allows them).
 */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ bypassCSP: true, colorScheme: 'light', serviceWorkers: 'block', ...options });
  // Pages come from a local static server: anything slow is a failure, and fails fast.
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => {
    // A navigation that replaces a page still loading is not a failure of the site.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.url()}: HTTP ${response.status()}`);
  });
  context.on('page', (p) => watchErrors(p, errors));
  const page = await context.newPage();
  return { context, page, requests, errors };
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: console error: ${message.text()}`);
  });
}

/** Go to a site path and fail on anything but a 200. */
export async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(url(path), { waitUntil: 'load' });
  if (!response || response.status() !== 200) {
    throw new Error(`GET ${url(path)} → ${response?.status() ?? 'no response'}`);
  }
}

/**
 * The site path (e.g. `articles/<slug>/`) of the first article linked from the home page of
 * a locale (`''` for Chinese, `en/` for English).
 */
export async function firstArticlePath(page: Page, localeRoot = ''): Promise<string> {
  await visit(page, localeRoot);
  const href = await page.locator('main a[href*="articles/"]').first().getAttribute('href', { timeout: 10_000 });
  if (!href) throw new Error(`no article link on the home page ${url(localeRoot)}`);
  return sitePath(new URL(href, page.url()).href);
}
