/**
 * Keyboard-only use: the first Tab lands on a visible skip link that moves focus to the main
 * content; focus is always visible; Tab order follows the page (header, then the article); a
 * paragraph's permalink and copy button are reachable.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, visit, type Session } from './browser.ts';

/** What has focus: tag, id, href and whether a focus indicator (outline or box shadow) shows. */
function focused(page: Page): Promise<{ tag: string; id: string; href: string; text: string; indicator: boolean; visible: boolean; inMain: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', id: '', href: '', text: '', indicator: false, visible: false, inMain: false };
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href') ?? '',
      text: (el.textContent ?? '').trim().slice(0, 40),
      indicator: outline || shadow,
      visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight,
      inMain: !!el.closest('main'),
    };
  });
}

describeBrowser('keyboard', () => {
  let browser: Browser;
  let session: Session;
  let article: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser, { viewport: { width: 1280, height: 900 } });
    article = await firstArticlePath(session.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('skips to the content with the first Tab and Enter', async () => {
    const { page } = session;
    for (const path of ['', article, 'en/', `en/${article}`]) {
      await visit(page, path);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip.href, `${path}: first Tab`).toMatch(/#main$/u);
      expect(skip.visible && skip.indicator, `${path}: the skip link shows when focused`).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id), `${path}: focus after the skip link`).toBe('main');
      await page.keyboard.press('Tab');
      expect((await focused(page)).inMain, `${path}: the next Tab stays in the content`).toBe(true);
    }
  });

  it('shows focus on every stop and reaches a paragraph permalink', async () => {
    const { page } = session;
    await visit(page, article);
    let sawPermalink = false;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.tag === 'body') break;
      expect(f.indicator, `focus indicator on ${f.tag} ${f.href || f.text}`).toBe(true);
      if (/#p-/u.test(f.href)) sawPermalink = true;
      if (sawPermalink) break;
    }
    expect(sawPermalink, 'a paragraph permalink is reachable by Tab').toBe(true);
    expect(session.errors).toEqual([]);
  });
});
