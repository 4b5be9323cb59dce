/**
 * The hosted build (tests/browser/setup.ts): the seeds plus a hostile source
 * (tests/fixtures/hostile-source/), built under `/archive/`, and read
 *
 *   under the sub-path   over http at `/archive/`: reading, feeds and sitemap, search
 *   from disk            `file://…/index.html`: styles, links, search, the search page's form
 *   hostile text         code in the source shows as text everywhere it goes (page, title,
 *                        description, JSON-LD, RSS, search snippets) and never becomes markup
 *   CSP                  every page carries a strict policy, and it holds while reading
 *
 * Every session here enforces the pages' Content-Security-Policy (unlike `openSession`'s
 * default), and every test fails on a request outside the site (its origin and `/archive/`, or
 * its folder on disk), on any page error or console error, on any CSP violation (reported by a
 * `securitypolicyviolation` listener, and by Chromium's own console message) and on any dialog.
 */
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeBrowser, launchBrowser, openSession, type Session } from './browser.ts';
import { WARMED_MARK } from '../../src/lib/search/protocol.ts';

const hostedUrl = inject('hostedUrl');
const hostedDistDir = inject('hostedDistDir');
const hostileSlug = inject('hostileSlug');

/** The hostile article's site path. */
const hostilePath = `articles/${hostileSlug}/`;
/** The hosted site from disk: its folder as a `file:` URL, with a trailing slash. */
const diskRoot = hostedDistDir ? `${pathToFileURL(hostedDistDir).href}/` : '';

const HIT_LINKS = '#search-results .search-hit a';
/** The stylesheet's page background (of <html>) in the light scheme (`--bg` in src/styles/global.css). */
const LIGHT_BACKGROUND = 'rgb(253, 253, 251)';

/** The hostile source's code, each of which must show as text (as the normalizer kept it). */
const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<a href="javascript:alert(3)">点我</a>',
  '[链接](javascript:alert(4))',
  '<style>body{display:none}</style>',
  // The normalizer makes the ASCII `;` before Chinese text full-width: `&lt;b&gt；`.
  '&lt;b&gt',
  '{{ }}',
];

/** `describeBrowser`, skipped when there is no hosted build (BROWSER_TEST_DIST). */
function describeHosted(name: string, fn: () => void): void {
  if (hostedUrl) describeBrowser(name, fn);
  else describe.skip(`${name} (no hosted build with BROWSER_TEST_DIST)`, fn);
}

interface StrictSession extends Session {
  /** Whether a URL belongs to the site under test. */
  inside: (url: string) => boolean;
}

/**
 * A session that enforces CSP and records violations and dialogs as errors; `inside` says
 * which URLs are the site's.
 */
async function strictSession(browser: Browser, inside: (url: string) => boolean): Promise<StrictSession> {
  const session = await openSession(browser, { bypassCSP: false, viewport: { width: 1280, height: 900 } });
  await session.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const onDialog = (page: Page): void => {
    page.on('dialog', (dialog) => {
      session.errors.push(`${page.url()}: dialog ${dialog.type()} "${dialog.message()}"`);
      void dialog.dismiss();
    });
  };
  onDialog(session.page);
  session.context.on('page', onDialog);
  return { ...session, inside };
}

/** Nothing outside the site was asked for, and nothing went wrong. */
function expectClean(session: StrictSession): void {
  expect(session.requests.length, 'the pages made requests').toBeGreaterThan(0);
  expect(session.requests.filter((url) => !session.inside(url)), 'requests outside the site').toEqual([]);
  expect(session.errors, 'page errors, CSP violations, dialogs').toEqual([]);
}

/** The results shown: link URL (resolved), snippet text and the tags inside the snippet. */
/** A result as the page shows it: its link, the snippet's text and the tags inside the snippet. */
interface Hit {
  href: string;
  snippet: string;
  snippetTags: string[];
}

function hits(page: Page): Promise<Hit[]> {
  return page.locator(HIT_LINKS).evaluateAll((links) =>
    links.map((a) => {
      const snippet = a.querySelector('.search-hit-snippet');
      return {
        href: (a as HTMLAnchorElement).href,
        snippet: snippet?.textContent ?? '',
        snippetTags: [...(snippet?.querySelectorAll('*') ?? [])].map((el) => el.localName),
      };
    }),
  );
}

async function resultsShown(page: Page): Promise<Hit[]> {
  await page.locator(HIT_LINKS).first().waitFor({ state: 'visible' });
  return hits(page);
}

/** The paragraph the page was opened at (`:target`), and whether it is marked. */
function target(page: Page): Promise<{ id: string; marked: boolean; text: string } | null> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>(':target');
    return el ? { id: el.id, marked: el.classList.contains('is-target'), text: el.textContent ?? '' } : null;
  });
}

/** Follow a link and wait for the URL it points to (as the page resolved it). */
async function follow(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  await Promise.all([page.waitForURL(href), link.click()]);
  return href;
}

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** The page's inline scripts (no `src`), read by an HTML parser: their type and exact text. */
function inlineScripts(html: string): { type: string; text: string }[] {
  const found: { type: string; text: string }[] = [];
  const walk = (node: HastNode): void => {
    if (node.type === 'element' && node.tagName === 'script' && node.properties?.src === undefined) {
      found.push({ type: String(node.properties?.type ?? ''), text: (node.children ?? []).map((c) => c.value ?? '').join('') });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(fromHtml(html) as HastNode);
  return found;
}

/** Click the first result that links to a paragraph; the page opens there, with it marked. */
async function followToParagraph(page: Page, shown: Hit[], text: string): Promise<void> {
  const hit = shown.find((h) => h.href.includes('#p-'));
  expect(hit, 'a result links to a paragraph').toBeDefined();
  await Promise.all([page.waitForURL(hit!.href), page.locator(HIT_LINKS).nth(shown.indexOf(hit!)).click()]);
  const arrived = await target(page);
  expect(arrived?.id).toBe(new URL(hit!.href).hash.slice(1));
  expect(arrived?.marked, 'the paragraph is marked').toBe(true);
  expect(arrived?.text).toContain(text);
}

/** A pattern for URLs under `root` (taken literally) whose rest matches the pattern `rest`. */
function under(root: string, rest: string): RegExp {
  const literal = root.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`^${literal}${rest}$`, 'u');
}

const h1 = async (page: Page): Promise<string> => (await page.locator('main#main h1').first().innerText()).trim();
/** Whether the site's script ran (it marks the search box ready). */
const scriptsRan = async (page: Page): Promise<boolean> => (await page.locator('form[data-search-box][data-search-ready]').count()) === 1;
const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** Every HTML page of the hosted build but 404.html, as site paths (`articles/x/index.html`). */
function builtPages(): string[] {
  return readdirSync(hostedDistDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(hostedDistDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => file !== '404.html')
    .sort();
}

describeHosted('hosted build', () => {
  let browser: Browser;
  /** The sessions the running test opened: checked (`expectClean`) and closed after it. */
  let sessions: StrictSession[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const opened = sessions;
    sessions = [];
    try {
      for (const session of opened) expectClean(session);
    } finally {
      for (const session of opened) await session.context.close();
    }
  });

  /** A strict session on the site over http, or on its folder on disk. */
  async function open(where: 'http' | 'disk'): Promise<StrictSession> {
    const root = where === 'http' ? hostedUrl : diskRoot;
    const session = await strictSession(browser, (url) => url.startsWith(root));
    sessions.push(session);
    return session;
  }

  describe('under the sub-path /archive/', () => {
    it('reads home → article → next article → English → About, all under /archive/', async () => {
      const { page } = await open('http');
      await page.goto(hostedUrl);
      expect(await background(page), 'the stylesheet applies').toBe(LIGHT_BACKGROUND);
      const article = await follow(page, 'main a[href*="articles/"]');
      expect(article).toMatch(under(hostedUrl, 'articles/[^/]+/'));
      expect(await h1(page)).not.toBe('');
      const next = await follow(page, 'a[rel="next"]');
      expect(next).toMatch(under(hostedUrl, 'articles/[^/]+/'));
      expect(next).not.toBe(article);
      const english = await follow(page, '.language-switcher a[hreflang="en"]');
      expect(english).toBe(next.replace(hostedUrl, `${hostedUrl}en/`));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await background(page)).toBe(LIGHT_BACKGROUND);
      const about = await follow(page, '.site-nav a[href$="about/"]');
      expect(about).toBe(`${hostedUrl}en/about/`);
      expect(await h1(page)).not.toBe('');
      // The normalize report of this build's own collection (BAOKU_REPORT), not the site's.
      expect(await page.locator('main').textContent()).toContain('hostile.txt');
    });

    it('links its RSS feeds and sitemap under /archive/, and they list only /archive/ URLs', async () => {
      const { page } = await open('http');
      await page.goto(hostedUrl);
      const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
      expect(new URL(canonical).pathname, 'the canonical URL carries the base').toBe('/archive/');
      const feeds: string[] = [];
      for (const root of ['', 'en/']) {
        await page.goto(`${hostedUrl}${root}`);
        const head = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluate((l) => (l as HTMLLinkElement).href);
        const footer = await page.locator('footer a[type="application/rss+xml"]').evaluate((a) => (a as HTMLAnchorElement).href);
        expect(head).toBe(`${hostedUrl}${root}rss.xml`);
        expect(footer).toBe(head);
        feeds.push(head);
      }
      for (const feed of [...feeds, `${hostedUrl}sitemap-index.xml`]) {
        const response = await page.request.get(feed);
        expect(response.status(), feed).toBe(200);
        const xml = await response.text();
        // Parsed as XML by the browser: well-formed, and every URL in it under the site's base.
        const urls = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          if (doc.querySelector('parsererror')) return null;
          return [...doc.querySelectorAll('link, loc')].map((el) => el.getAttribute('href') ?? el.textContent ?? '');
        }, xml);
        expect(urls, `${feed} is well-formed XML`).not.toBeNull();
        expect(urls!.length, feed).toBeGreaterThan(0);
        expect(urls!.filter((u) => !u.startsWith(canonical)), `${feed}: URLs outside ${canonical}`).toEqual([]);
        if (feed.endsWith('sitemap-index.xml')) {
          for (const sitemap of urls!) {
            const pages = await (await page.request.get(new URL(new URL(sitemap).pathname, hostedUrl).href)).text();
            expect(pages).toContain(`${canonical}en/about/`);
            expect(pages).toContain(`${canonical}articles/${hostileSlug}/`);
            expect([...pages.matchAll(/<loc>([^<]*)<\/loc>/gu)].every((m) => m[1]!.startsWith(canonical)), sitemap).toBe(true);
          }
        }
      }
    });

    it('finds 雪龙 from the search box, in a worker, part by part; the result lands on the paragraph under /archive/', async () => {
      const { page, requests } = await open('http');
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(hostedUrl);
      expect(await page.locator('html').getAttribute('data-search-mode')).toBe('worker');
      await page.locator('#search-box-input').click();
      await page.keyboard.type('雪龙');
      const shown = await resultsShown(page);
      expect(workers, 'the engine runs in a worker').toEqual([expect.stringMatching(under(hostedUrl, '_astro/engine\\.[0-9a-f]{8}\\.js'))]);
      // The index is split (BAOKU_SEARCH_SPLIT): the worker fetched gram and text parts.
      expect(requests.filter((url) => /search-index\/g\d+\.json$/u.test(url)).length, 'gram parts fetched').toBeGreaterThan(0);
      expect(requests.filter((url) => /search-index\/t\d+\.json$/u.test(url)).length, 'text parts fetched').toBeGreaterThan(0);
      for (const hit of shown) expect(hit.href).toMatch(under(hostedUrl, 'articles/[^/]+/(#p-[0-9a-f]{6}(-\\d+)?)?'));
      await followToParagraph(page, shown, '雪龙');
    });

    it('fetches the rest of the index ahead in the worker once the first results are out, each part once; a later query waits for none', async () => {
      const { page, requests } = await open('http');
      const indexParts = (): string[] => requests.filter((url) => /search-index\/(g\d+|t\d+|heard)\.json$/u.test(url)).map((url) => url.replace(/^.*\//u, ''));
      await page.goto(hostedUrl);
      await page.locator('#search-box-input').click();
      // The box's focus loads the engine and the manifest; nothing more before the reader searches.
      await expect.poll(() => requests.some((url) => /search-index\/manifest\.json$/u.test(url))).toBe(true);
      await page.waitForTimeout(1500);
      expect(indexParts()).toEqual([]);
      await page.keyboard.type('雪龙');
      await resultsShown(page);
      // The page marks its timeline when the worker says the parts are in.
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, WARMED_MARK, { timeout: 10_000 });
      const all = readdirSync(join(hostedDistDir, 'search-index')).filter((f) => /^(g\d+|t\d+|heard)\.json$/u.test(f));
      expect(all.filter((f) => f.startsWith('t')).length, 'the index is in several text parts').toBeGreaterThan(1);
      expect(indexParts().sort()).toEqual(all.sort());
      const before = requests.length;
      await page.locator('#search-box-input').fill('');
      const shown = page.evaluate(
        () =>
          new Promise<number>((done) =>
            document.addEventListener('search-results', (event) => {
              const detail = (event as CustomEvent<{ query: string; count: number }>).detail;
              if (detail.query === '南极') done(detail.count);
            }),
          ),
      );
      await page.keyboard.type('南极');
      expect(await shown, 'results for 南极').toBeGreaterThan(0);
      expect(requests.slice(before).filter((url) => url.includes('/search-index/')), 'index parts asked for by a later query').toEqual([]);
    });

    it('the search page answers ?q= once, from the early start in <head>, whether the worker\'s script comes before the page script runs or after it', async () => {
      for (const delay of [0, 600]) {
        const { context, page, requests } = await open('http');
        // The early start asks at once; with the engine held back, the page script asks the same
        // while that answer is still on its way, and must take it rather than ask again.
        await context.route(/engine\.[0-9a-f]+\.js$/u, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, delay));
          await route.continue();
        });
        await context.addInitScript(() => {
          const w = window as unknown as { shownCount: number };
          w.shownCount = 0;
          document.addEventListener('search-results', () => w.shownCount++, true);
        });
        for (const [query, found] of [['zqxjkv', false], ['雪龙', true]] as const) {
          await page.goto(`${hostedUrl}search/?q=${encodeURIComponent(query)}`);
          if (found) await resultsShown(page);
          else await page.locator('[data-search-empty]').waitFor({ state: 'visible' });
          await page.waitForTimeout(delay);
          expect(await page.locator('[data-search-page] [role="status"]').textContent(), `${query}, engine after ${delay} ms`).toContain(query);
          expect(await page.evaluate(() => (window as unknown as { shownCount: number }).shownCount), `${query}: results shown once`).toBe(1);
        }
        // A large index: the page carries neither the engine nor the index, and the worker loads them.
        expect(requests.some((url) => /_astro\/engine\.[0-9a-f]+\.js$/u.test(url)), 'the engine loaded').toBe(true);
        expect(requests.some((url) => /search-index\/manifest\.json$/u.test(url)), 'the manifest loaded').toBe(true);
        await context.close();
      }
    });

    it('the search page search/?q=… shows results under /archive/, and searches again on Enter', async () => {
      const { page } = await open('http');
      await page.goto(`${hostedUrl}search/?q=${encodeURIComponent('雪龙')}`);
      const shown = await resultsShown(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((h) => h.href.startsWith(`${hostedUrl}articles/`))).toBe(true);
      await page.locator('#search-page-input').fill('秦岭站');
      await page.locator('#search-page-input').press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('秦岭站');
      await expect.poll(async () => (await hits(page)).some((h) => h.snippet.includes('秦岭站'))).toBe(true);
    });
  });

  describe('from disk (file://…/index.html)', () => {
    it('reads the home page with its styles, an article, the next and previous ones, and its English page', async () => {
      const { page } = await open('disk');
      await page.goto(`${diskRoot}index.html`);
      expect(await background(page), 'the stylesheet applies').toBe(LIGHT_BACKGROUND);
      expect(await scriptsRan(page), 'the site script ran').toBe(true);
      const article = await follow(page, 'main a[href*="articles/"]');
      expect(article).toMatch(under(diskRoot, 'articles/[^/]+/index\\.html'));
      const title = await h1(page);
      expect(title).not.toBe('');
      expect(await background(page)).toBe(LIGHT_BACKGROUND);

      const next = await follow(page, 'a[rel="next"]');
      expect(next).toMatch(under(diskRoot, 'articles/[^/]+/index\\.html'));
      expect(next).not.toBe(article);
      const back = await follow(page, 'a[rel="prev"]');
      expect(back).toBe(article);
      expect(await h1(page)).toBe(title);

      const english = await follow(page, '.language-switcher a[hreflang="en"]');
      expect(english).toBe(article.replace(diskRoot, `${diskRoot}en/`));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const about = await follow(page, '.site-nav a[href*="about/"]');
      expect(about).toBe(`${diskRoot}en/about/index.html`);
      expect(await h1(page)).not.toBe('');
    });

    it('finds 雪龙 from the search box, reading index parts as scripts; the result opens the article at the marked paragraph', async () => {
      const { page, requests } = await open('disk');
      await page.goto(`${diskRoot}index.html`);
      await page.locator('#search-box-input').click();
      await page.keyboard.type('雪龙');
      const shown = await resultsShown(page);
      for (const part of ['manifest', 'g\\d+', 't\\d+']) {
        expect(requests.some((url) => new RegExp(`search-index/${part}\\.js$`, 'u').test(url)), `${part} loaded as a script`).toBe(true);
      }
      for (const hit of shown) expect(hit.href).toMatch(under(diskRoot, 'articles/[^/]+/index\\.html(#p-[0-9a-f]{6}(-\\d+)?)?'));
      await followToParagraph(page, shown, '雪龙');
    });

    it('Enter in the box opens the search page, whose own form searches again', async () => {
      const { page } = await open('disk');
      await page.goto(`${diskRoot}about/index.html`);
      await page.locator('#search-box-input').click();
      await page.keyboard.type('雪龙');
      await resultsShown(page);
      await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/search/index.html')), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('雪龙');
      const shown = await resultsShown(page);
      expect(shown.every((h) => h.href.startsWith(`${diskRoot}articles/`) && h.href.includes('/index.html'))).toBe(true);
      await page.locator('#search-page-input').fill('秦岭站');
      await page.locator('#search-page-input').press('Enter');
      await expect.poll(async () => (await hits(page)).some((h) => h.snippet.includes('秦岭站'))).toBe(true);
      expect(new URL(page.url()).searchParams.get('q')).toBe('秦岭站');
    });
  });

  describe('hostile text', () => {
    /** What the article page holds that could have been made from its text. */
    const inspect = (p: Page) =>
      p.evaluate(() => {
        const body = document.querySelector('.article-body');
        const all = [...document.querySelectorAll('*')];
        return {
          text: body?.textContent ?? '',
          h1: document.querySelector('main h1')?.textContent ?? '',
          title: document.title,
          // Elements of the text, without the permalink tools the site adds to each paragraph.
          bodyTags: [...new Set([...(body?.querySelectorAll('*:not(.para-tools, .para-tools *)') ?? [])].map((el) => el.localName))].sort(),
          strong: [...(body?.querySelectorAll('strong') ?? [])].map((el) => el.textContent),
          bodyLinks: [...(body?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? ''),
          bodyButtons: [...(body?.querySelectorAll('button') ?? [])].every((b) => b.closest('.para-tools')),
          scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline ${s.type}`),
          styles: document.querySelectorAll('style').length,
          javascriptUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*javascript:/iu.test(a.value)).map((a) => `${el.localName}[${a.name}]`)),
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`)),
          imgs: document.querySelectorAll('img').length,
          hidden: getComputedStyle(document.body).display === 'none' || (document.querySelector('main')?.getBoundingClientRect().height ?? 0) === 0,
          description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
          ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
          jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
        };
      });

    it('shows the code in the article as text; nothing in it becomes an element', async () => {
      const { page } = await open('http');
      for (const root of ['', 'en/']) {
        await page.goto(`${hostedUrl}${root}${hostilePath}`);
        const seen = await inspect(page);
        for (const text of HOSTILE_TEXTS) expect(seen.text, `${root}: “${text}” shows as text`).toContain(text);
        // Paragraphs, and the one `**粗体**` (bold is kept from every source); links and buttons
        // only in the permalink tools.
        expect(seen.bodyTags).toEqual(['p', 'strong']);
        expect(seen.bodyButtons).toBe(true);
        expect(seen.strong).toEqual(['粗体']);
        expect(seen.bodyLinks.every((href) => /^#p-[0-9a-f]{6}$/u.test(href)), seen.bodyLinks.join(' ')).toBe(true);
        // The reader's settings (inline, hashed in the policy), the site script, the JSON-LD.
        expect(seen.scripts).toEqual(['inline ', expect.stringMatching(/site\.[0-9a-f]+\.js$/u), 'inline application/ld+json']);
        expect(seen.styles).toBe(0);
        expect(seen.javascriptUrls).toEqual([]);
        expect(seen.handlers).toEqual([]);
        expect(seen.imgs).toBe(0);
        expect(seen.hidden, 'a stylesheet from the text hides the page').toBe(false);
        expect(seen.h1).toBe('警惕评论区里的“<script>”陷阱');
        expect(seen.title).toMatch(/^警惕评论区里的“<script>”陷阱 · /u);
        expect(seen.ogTitle).toBe(seen.title);
        expect(seen.description).toContain('“<script>”标签');
        // JSON-LD: one element, whole (no `</script>` in the text closed it), with the text as data.
        expect(seen.jsonLd).toHaveLength(1);
        const data = JSON.parse(seen.jsonLd[0]!) as { headline: string; description: string };
        expect(data.headline).toBe('警惕评论区里的“<script>”陷阱');
        expect(data.description).toBe(seen.description);
      }
      // The home page lists the title as text.
      await page.goto(hostedUrl);
      const listed = page.locator(`main a[href*="${hostileSlug}"]`).first();
      expect(await listed.textContent()).toContain('警惕评论区里的“<script>”陷阱');
      expect(await listed.evaluate((a) => a.querySelectorAll('script, style, img').length)).toBe(0);
    });

    it('reads the article from disk with its styles and scripts: the text cannot move its links', async () => {
      // Its description and title hold `<script>` in <meta> attributes: the relative-URL rewrite
      // must still reach the icon, scripts and styles after them.
      const { page, requests } = await open('disk');
      await page.goto(`${diskRoot}${hostilePath}index.html`);
      expect(await background(page)).toBe(LIGHT_BACKGROUND);
      expect(await scriptsRan(page), 'the site script ran').toBe(true);
      expect(requests.filter((url) => /_astro\/site\.[\w-]+\.js$/u.test(url)), 'the site script loaded').toHaveLength(1);
      const seen = await inspect(page);
      expect(seen.text).toContain('<script>alert(1)</script>');
      const next = await follow(page, 'a[rel="next"]');
      expect(next).toMatch(/\/index\.html$/u);
    });

    it('escapes the text in both RSS feeds, which stay well-formed', async () => {
      const { page } = await open('http');
      await page.goto(hostedUrl);
      for (const root of ['', 'en/']) {
        const xml = readFileSync(join(hostedDistDir, root, 'rss.xml'), 'utf8');
        expect(xml, 'no markup from the text in the feed').not.toMatch(/<(script|img|style|a)[\s>]/iu);
        const item = await page.evaluate(
          ({ text, slug }) => {
            const doc = new DOMParser().parseFromString(text, 'application/xml');
            if (doc.querySelector('parsererror')) return null;
            const found = [...doc.querySelectorAll('item')].find((i) => i.querySelector('link')?.textContent?.includes(slug));
            return found ? { title: found.querySelector('title')?.textContent ?? '', description: found.querySelector('description')?.textContent ?? '', children: found.querySelector('description')?.children.length ?? -1 } : undefined;
          },
          { text: xml, slug: hostileSlug },
        );
        expect(item, `${root}rss.xml is well-formed and lists the article`).toBeTruthy();
        expect(item!.title).toBe('警惕评论区里的“<script>”陷阱');
        expect(item!.description).toContain('“<script>”标签');
        expect(item!.children).toBe(0);
      }
    });

    it('search for onerror and alert shows the code as text, with only <mark> in the snippet', async () => {
      const { page } = await open('http');
      for (const [query, literal] of [
        ['onerror', '<img src=x onerror=alert(2)>'],
        ['alert', 'alert('],
      ] as const) {
        await page.goto(`${hostedUrl}search/?q=${query}`);
        const shown = await resultsShown(page);
        const hit = shown.find((h) => h.href.includes(hostileSlug));
        expect(hit, `${query} finds the article`).toBeDefined();
        expect(hit!.snippet).toContain(literal);
        expect(new Set(hit!.snippetTags.filter((tag) => tag !== 'mark')), 'only <mark> in the snippet').toEqual(new Set());
        expect(hit!.snippetTags.length).toBeGreaterThan(0);
        const marked = await page.locator(HIT_LINKS).nth(shown.indexOf(hit!)).locator('mark').allTextContents();
        expect(marked.join(' ').toLowerCase()).toContain(query);
      }
      // The title in the header box's results, too.
      await page.goto(hostedUrl);
      await page.locator('#search-box-input').click();
      await page.keyboard.type('script');
      const shown = await resultsShown(page);
      expect(shown.some((h) => h.href.includes(hostileSlug))).toBe(true);
      expect(await page.locator(`${HIT_LINKS} :is(script, style, img)`).count()).toBe(0);
    });
  });

  describe('Content-Security-Policy', () => {
    it('every page carries the policy, first in <head>; its script-src allows no eval, and no inline script but by its hash', () => {
      const pages = builtPages();
      for (const type of ['index.html', 'about/index.html', 'search/index.html', `${hostilePath}index.html`, 'en/index.html', 'en/about/index.html', 'en/search/index.html', `en/${hostilePath}index.html`]) {
        expect(pages, type).toContain(type);
      }
      for (const file of pages) {
        const html = readFileSync(join(hostedDistDir, file), 'utf8');
        const head = html.slice(0, html.indexOf('</head>'));
        const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/u.exec(head);
        expect(meta, `${file} has the policy`).not.toBeNull();
        // A policy in <meta> governs only what comes after it.
        expect(head.search(/<(script|link|style)\b/u), `${file}: the policy comes before any script or style`).toBeGreaterThan(meta!.index);
        const directives = new Map(meta![1]!.split(';').map((d) => d.trim().split(/\s+/u)).map(([name, ...values]) => [name!, values]));
        const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
        expect(scriptSrc, file).toContain("'self'");
        expect(scriptSrc.filter((v) => /unsafe-inline|unsafe-eval|unsafe-hashes|\*|data:|https?:/u.test(v)), file).toEqual([]);
        // Each inline script (JSON-LD aside, which is data) is allowed by its own hash, and no hash by nothing.
        const inline = inlineScripts(html).filter((script) => script.type !== 'application/ld+json').map((script) => script.text);
        expect(scriptSrc.filter((v) => v.startsWith("'sha256-")).sort(), file).toEqual(inline.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`).sort());
        // Likewise each inline stylesheet (the self-contained search pages carry theirs), and no style attribute.
        const styleSrc = directives.get('style-src') ?? [];
        expect(styleSrc.filter((v) => /unsafe-|\*|data:|https?:/u.test(v)), file).toEqual([]);
        const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gu)].map((m) => m[1]!);
        expect(styleSrc.filter((v) => v.startsWith("'sha256-")).sort(), file).toEqual(styles.map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`).sort());
        expect(html, file).not.toMatch(/<[a-z][^>]*\sstyle="/u);
        expect(directives.get('object-src'), file).toEqual(["'none'"]);
        expect(directives.get('base-uri'), file).toEqual(["'none'"]);
      }
      // The search pages carry their stylesheet and script (a shared `?q=` link waits for no request but the index's).
      for (const file of ['search/index.html', 'en/search/index.html']) {
        const html = readFileSync(join(hostedDistDir, file), 'utf8');
        expect(html, file).not.toMatch(/<link rel="stylesheet"|<script[^>]*\ssrc=/u);
        expect(html, file).toMatch(/<style>[^<]*--font-cjk-sans/u);
      }
    });

    it('is enforced: a script put into the page is refused and reported (the tests would see it)', async () => {
      for (const where of ['http', 'disk'] as const) {
        const session = await open(where);
        await session.page.goto(where === 'http' ? hostedUrl : `${diskRoot}index.html`);
        const ran = await session.page.evaluate(async () => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true;';
          document.body.append(script);
          await new Promise((resolve) => setTimeout(resolve, 100));
          return (window as unknown as { __injected?: boolean }).__injected === true;
        });
        expect(ran, `${where}: the inline script ran`).toBe(false);
        await expect.poll(() => session.errors.filter((e) => e.includes('CSP violation')).length, { message: `${where}: the violation was reported` }).toBeGreaterThan(0);
        // Seen as it should be: nothing else may be wrong.
        session.errors.splice(0);
      }
    });

    it('reading and searching every page type report no violation (as in every test above)', async () => {
      for (const where of ['http', 'disk'] as const) {
        const { page } = await open(where);
        const at = (path: string, query = ''): string => (where === 'http' ? `${hostedUrl}${path}${query}` : `${diskRoot}${path}index.html${query}`);
        for (const path of ['', 'about/', hostilePath, 'en/', 'en/about/', `en/${hostilePath}`]) {
          await page.goto(at(path));
          await page.locator('#search-box-input').click();
          await page.keyboard.type('雪龙');
          await resultsShown(page);
        }
        for (const path of ['search/', 'en/search/']) {
          await page.goto(at(path, `?q=${encodeURIComponent('雪龙')}`));
          await resultsShown(page);
        }
      }
    });
  });
});
