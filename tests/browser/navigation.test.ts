/**
 * Reading through the site: home → article → next article, the language switcher, and paragraph
 * permalinks (`#p-…`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, sitePath, url, visit, type Session } from './browser.ts';

/** The Chinese article page with the largest HTML file. */
function longestArticle(): string {
  const dir = join(inject('distDir'), 'articles');
  const sizes = readdirSync(dir).map((slug) => [slug, statSync(join(dir, slug, 'index.html')).size] as const);
  sizes.sort((a, b) => b[1] - a[1]);
  return `articles/${sizes[0]![0]}/`;
}

describeBrowser('navigation', () => {
  let browser: Browser;
  let session: Session;
  let page: Page;
  let first: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser, { viewport: { width: 1280, height: 900 } });
    page = session.page;
    first = await firstArticlePath(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('goes from the home page to the first article, then to the next one and back', async () => {
    await visit(page, '');
    const link = page.locator('main a[href*="articles/"]').first();
    const title = (await link.innerText()).trim();
    await Promise.all([page.waitForURL(url(first)), link.click()]);
    expect(sitePath(page.url())).toBe(first);
    const h1 = (await page.locator('main#main h1').first().innerText()).trim();
    expect(h1).not.toBe('');
    expect(title.includes(h1) || h1.includes(title), `link "${title}" leads to "${h1}"`).toBe(true);

    const next = page.locator('a[rel="next"]').first();
    expect(await next.count(), 'the first article has a next-article link').toBe(1);
    const nextHref = new URL((await next.getAttribute('href'))!, page.url()).href;
    await Promise.all([page.waitForURL(nextHref), next.click()]);
    const second = sitePath(page.url());
    expect(second).toMatch(/^articles\/[^/]+\/$/u);
    expect(second).not.toBe(first);
    expect((await page.locator('main#main h1').first().innerText()).trim()).not.toBe('');

    // The next article points back to the first one.
    const prev = page.locator('a[rel="prev"]').first();
    const prevHref = new URL((await prev.getAttribute('href'))!, page.url()).href;
    expect(sitePath(prevHref)).toBe(first);
    expect(session.errors).toEqual([]);
  });

  it('switches an article to the other language and back', async () => {
    await visit(page, first);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');

    const toEn = page.locator('a[hreflang="en"]:visible').first();
    await Promise.all([page.waitForURL(url(`en/${first}`)), toEn.click()]);
    expect(sitePath(page.url())).toBe(`en/${first}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const toZh = page.locator('a[hreflang="zh-Hans"]:visible').first();
    await Promise.all([page.waitForURL(url(first)), toZh.click()]);
    expect(sitePath(page.url())).toBe(first);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(session.errors).toEqual([]);
  });

  /** Visit `path#id` afresh and check the paragraph is in view and marked as the target. */
  async function checkPermalink(path: string, id: string): Promise<{ scrollY: number }> {
    await page.goto('about:blank');
    await page.goto(`${url(path)}#${id}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.readyState === 'complete');
    const state = await page.evaluate((targetId) => {
      const target = document.getElementById(targetId)!;
      const paras = [...document.querySelectorAll<HTMLElement>('article p.para[id^="p-"]')];
      const other = paras.find((p) => p !== target)!;
      const rect = target.getBoundingClientRect();
      const look = (el: Element) => {
        const s = getComputedStyle(el);
        const before = getComputedStyle(el, '::before');
        return [
          s.backgroundColor,
          s.outlineStyle,
          s.outlineColor,
          s.boxShadow,
          s.borderLeftStyle,
          s.borderLeftColor,
          s.color,
          s.textDecorationLine,
          before.content,
          before.backgroundColor,
        ].join('|');
      };
      return {
        isTarget: target.matches(':target'),
        top: rect.top,
        bottom: rect.bottom,
        innerHeight: window.innerHeight,
        scrollY: window.scrollY,
        targetLook: look(target),
        otherLook: other ? look(other) : '',
      };
    }, id);
    expect(state.isTarget, `#${id} matches :target`).toBe(true);
    // In view: its top is on screen (a sticky header may cover the very top).
    expect(state.top, `#${id} top in view`).toBeGreaterThanOrEqual(0);
    expect(state.top, `#${id} top in view`).toBeLessThan(state.innerHeight);
    expect(state.targetLook, `#${id} looks different from a paragraph that is not the target`).not.toBe(state.otherLook);
    return state;
  }

  it('scrolls to a paragraph permalink and marks the paragraph', async () => {
    await visit(page, first);
    const ids = await page.locator('article p.para[id^="p-"]').evaluateAll((ps) => ps.map((p) => p.id));
    expect(ids.length, 'the article has paragraphs with ids').toBeGreaterThan(1);
    await checkPermalink(first, ids[0]!);
    await checkPermalink(first, ids.at(-1)!);

    // The last paragraph of the longest article is far below the fold: the page must scroll to it.
    const longest = longestArticle();
    await visit(page, longest);
    const far = await page.locator('article p.para[id^="p-"]').evaluateAll((ps) => ps.map((p) => p.id));
    const { scrollY } = await checkPermalink(longest, far.at(-1)!);
    expect(scrollY, `scrolled down to the last paragraph of /${longest}`).toBeGreaterThan(900);
    expect(session.errors).toEqual([]);
  });
});
