/**
 * What the site tells search engines and feed readers: the SEO head of each page (canonical URL,
 * language alternates, OpenGraph, feed link, JSON-LD), the RSS feeds and the sitemap. XML is
 * checked for well-formedness with the browser's own parser.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, url, visit } from './browser.ts';

/** Every built page as a site path (`''`, `articles/x/`, `en/about/`), 404 pages left out. */
function builtPages(distDir: string): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const dir = relative(distDir, entry.parentPath).split(sep).join('/');
    if (/(^|\/)404$/u.test(dir)) continue;
    pages.push(dir === '' ? '' : `${dir}/`);
  }
  return pages.sort();
}

interface Parsed {
  error: string | null;
  root: string;
}

/** Fetch a text file from the test server. */
async function fetchText(path: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url(path));
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describeBrowser('SEO head, feeds and sitemap', () => {
  let browser: Browser;
  let page: Page;
  let first: string;
  const basePath = inject('basePath');

  /** Parse XML in the browser; report a parse error and the root element's name. */
  function parseXml(xml: string): Promise<Parsed> {
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      return { error: error ? error.textContent : null, root: doc.documentElement.nodeName };
    }, xml);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = (await openSession(browser)).page;
    first = await firstArticlePath(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const heads: [string, 'zh-Hans' | 'en', () => string, 'article' | 'website'][] = [
    ['zh home', 'zh-Hans', () => '', 'website'],
    ['zh article', 'zh-Hans', () => first, 'article'],
    ['zh about', 'zh-Hans', () => 'about/', 'website'],
    ['en home', 'en', () => '', 'website'],
    ['en article', 'en', () => first, 'article'],
    ['en about', 'en', () => 'about/', 'website'],
  ];

  for (const [name, locale, pathOf, type] of heads) {
    it(`SEO head: ${name}`, async () => {
      const path = pathOf();
      const localized = `${locale === 'en' ? 'en/' : ''}${path}`;
      await visit(page, localized);
      const head = await page.evaluate(() => {
        const attr = (selector: string, name: string) =>
          [...document.querySelectorAll(selector)].map((el) => el.getAttribute(name) ?? '');
        const meta = (property: string) => attr(`meta[property="${property}"]`, 'content');
        const alternates: Record<string, string[]> = {};
        for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) {
          (alternates[link.getAttribute('hreflang')!] ??= []).push(link.getAttribute('href')!);
        }
        return {
          lang: document.documentElement.lang,
          canonical: attr('link[rel="canonical"]', 'href'),
          alternates,
          feeds: attr('link[rel="alternate"][type="application/rss+xml"]', 'href'),
          ogTitle: meta('og:title'),
          ogType: meta('og:type'),
          ogUrl: meta('og:url'),
          ogLocale: meta('og:locale'),
          ogSiteName: meta('og:site_name'),
          jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
        };
      });

      expect(head.lang).toBe(locale);
      expect(head.canonical, 'one canonical link').toHaveLength(1);
      const canonical = new URL(head.canonical[0]!);
      expect(canonical.protocol).toMatch(/^https?:$/u);
      expect(canonical.pathname).toBe(`${basePath}${localized}`);
      const site = canonical.origin;

      // Both locales and x-default (→ Chinese), absolute.
      expect(head.alternates['zh-Hans'], 'hreflang zh-Hans').toEqual([`${site}${basePath}${path}`]);
      expect(head.alternates['en'], 'hreflang en').toEqual([`${site}${basePath}en/${path}`]);
      expect(head.alternates['x-default'], 'hreflang x-default').toEqual([`${site}${basePath}${path}`]);

      expect(head.ogUrl).toEqual([canonical.href]);
      expect(head.ogType).toEqual([type]);
      expect(head.ogLocale).toEqual([locale === 'en' ? 'en_US' : 'zh_CN']);
      expect(head.ogTitle).toHaveLength(1);
      expect(head.ogTitle[0]).not.toBe('');
      expect(head.ogSiteName).toHaveLength(1);

      // The feed of the page's locale, on this site.
      expect(head.feeds).toHaveLength(1);
      const feed = new URL(head.feeds[0]!, page.url());
      expect(feed.href).toBe(url(locale === 'en' ? 'en/rss.xml' : 'rss.xml'));

      // JSON-LD parses; article pages describe the article.
      const data = head.jsonLd.map((text) => JSON.parse(text) as Record<string, unknown>);
      if (type === 'article') {
        expect(data.length, 'article page has JSON-LD').toBeGreaterThan(0);
        expect(String(data[0]!['@type'])).toMatch(/Article/u);
      }
    });
  }

  it('JSON-LD cannot close its script element', async () => {
    await visit(page, first);
    const html = await page.content();
    for (const match of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gu)) {
      expect(match[1]).not.toMatch(/</u);
    }
  });

  for (const [name, feedPath, prefix] of [
    ['Chinese', 'rss.xml', ''],
    ['English', 'en/rss.xml', 'en/'],
  ] as const) {
    it(`RSS 2.0 feed, ${name}: /${feedPath}`, async () => {
      const { status, type, text } = await fetchText(feedPath);
      expect(status).toBe(200);
      expect(type).toMatch(/xml/u);
      const parsed = await parseXml(text);
      expect(parsed.error, 'well-formed XML').toBeNull();
      expect(parsed.root).toBe('rss');

      const feed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const channel = doc.querySelector('rss > channel')!;
        const child = (el: Element, name: string) => el.querySelector(`:scope > ${name}`)?.textContent ?? null;
        return {
          version: doc.documentElement.getAttribute('version'),
          title: child(channel, 'title'),
          link: child(channel, 'link'),
          description: child(channel, 'description'),
          items: [...channel.querySelectorAll(':scope > item')].map((item) => ({
            title: child(item, 'title'),
            link: child(item, 'link'),
            pubDate: child(item, 'pubDate'),
            description: child(item, 'description'),
          })),
        };
      }, text);
      expect(feed.version).toBe('2.0');
      expect(feed.title).toBeTruthy();
      expect(feed.description).toBeTruthy();
      const site = new URL(feed.link!).origin;
      expect(feed.link).toBe(`${site}${basePath}${prefix}`);
      expect(feed.items.length).toBeGreaterThan(0);

      const pages = new Set(builtPages(inject('distDir')));
      let previous = Infinity;
      for (const item of feed.items) {
        expect(item.title).toBeTruthy();
        const link = new URL(item.link!);
        expect(link.origin).toBe(site);
        expect(link.pathname.startsWith(`${basePath}${prefix}articles/`), link.href).toBe(true);
        const path = link.pathname.slice(basePath.length);
        expect(pages.has(path), `${link.href} is a built page`).toBe(true);
        expect(item.description).toBeTruthy();
        expect(Array.from(item.description!).length).toBeLessThanOrEqual(121);
        if (item.pubDate) {
          const time = Date.parse(item.pubDate);
          expect(Number.isNaN(time), item.pubDate).toBe(false);
          expect(time, 'newest first').toBeLessThanOrEqual(previous);
          previous = time;
        }
      }
    });
  }

  it('sitemap lists every page in both locales, under the base', async () => {
    const index = await fetchText('sitemap-index.xml');
    expect(index.status).toBe(200);
    expect((await parseXml(index.text)).error).toBeNull();
    const sitemapUrls = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
    expect(sitemapUrls.length).toBeGreaterThan(0);

    const listed: string[] = [];
    const texts: string[] = [];
    let site = '';
    for (const sitemapUrl of sitemapUrls) {
      const u = new URL(sitemapUrl);
      site = u.origin;
      expect(u.pathname.startsWith(basePath), sitemapUrl).toBe(true);
      const part = await fetchText(u.pathname.slice(basePath.length));
      expect(part.status, sitemapUrl).toBe(200);
      expect((await parseXml(part.text)).error).toBeNull();
      listed.push(...[...part.text.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!));
      texts.push(part.text);
    }

    const pages = builtPages(inject('distDir'));
    expect(pages).toContain('');
    expect(pages).toContain('en/');
    expect(pages).toContain(first);
    expect(pages).toContain(`en/${first}`);
    expect(listed.sort()).toEqual(pages.map((p) => `${site}${basePath}${p}`).sort());

    // Each page names its other-language version.
    const entry = texts
      .join('')
      .split('<url>')
      .find((u) => u.includes(`<loc>${site}${basePath}${first}</loc>`));
    expect(entry).toContain(`hreflang="en" href="${site}${basePath}en/${first}"`);
    expect(entry).toContain(`hreflang="zh-Hans" href="${site}${basePath}${first}"`);
  });
});
