/**
 * The theme control: `[data-theme-control]` buttons with `data-theme-value="light|dark|system"`
 * set `data-theme` on <html>, change the colours, and the choice survives a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, visit, type Session } from './browser.ts';

/** The page's background colour: the first of <body>, <html> that is not transparent. */
function background(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const el of [document.body, document.documentElement]) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/u.test(bg)) return bg;
    }
    return 'transparent';
  });
}

const button = (value: string) => `[data-theme-control] [data-theme-value="${value}"]`;

/** Wait for CSS transitions to settle: the value read twice 100 ms apart is the same. */
async function settled(page: Page): Promise<string> {
  let last = await background(page);
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(100);
    const now = await background(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

describeBrowser('theme', () => {
  let browser: Browser;
  let session: Session;
  let first: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // The system preference is light, so "dark" must change something.
    session = await openSession(browser, { viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    first = await firstArticlePath(session.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('dark sets data-theme, changes the background, and survives a reload', async () => {
    const { page } = session;
    await visit(page, first);
    const light = await settled(page);

    await page.locator(button('dark')).first().click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await settled(page);
    expect(dark, 'background in dark mode').not.toBe(light);

    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await settled(page)).toBe(dark);

    // And on another page of the site.
    await visit(page, '');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');

    await visit(page, first);
    await page.locator(button('light')).first().click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(await settled(page)).toBe(light);
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(session.errors).toEqual([]);
  });

  it('system follows the operating system preference', async () => {
    const { page } = session;
    await visit(page, first);
    await page.locator(button('light')).first().click();
    const light = await settled(page);
    await page.locator(button('dark')).first().click();
    const dark = await settled(page);

    await page.locator(button('system')).first().click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await settled(page)).toBe(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await settled(page)).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload({ waitUntil: 'load' });
    expect(await settled(page)).toBe(dark);
    expect(session.errors).toEqual([]);
  });
});
