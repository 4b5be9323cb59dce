/**
 * Screenshots of an article page on a phone and a desktop, for people to look at
 * (`tests/artifacts/`, git-ignored), and no sideways scrolling on the phone.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, visit } from './browser.ts';

const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../artifacts');

describeBrowser('screenshots', () => {
  let browser: Browser;
  let first: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { page, context } = await openSession(browser);
    first = await firstArticlePath(page);
    await context.close();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const [width, height] of [
    [375, 800],
    [1280, 900],
  ] as const) {
    it(`article page at ${width}×${height}`, async () => {
      const { context, page, errors } = await openSession(browser, { viewport: { width, height } });
      await visit(page, first);
      await page.evaluate(() => document.fonts.ready);
      const file = join(ARTIFACTS, `article-${width}x${height}.png`);
      await page.screenshot({ path: file });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await context.close();
      expect(overflow, `page wider than the ${width}px viewport`).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  }
});
