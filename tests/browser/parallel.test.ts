/**
 * The parallel view of a translated article: buttons in `[data-parallel-view-control]` with
 * `data-parallel-view-value="zh|en|both"` show the Chinese, the English, or both, and say which is on with
 * `aria-pressed`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, launchBrowser, openSession, visit, type Session } from './browser.ts';

/** Slugs of the articles with at least one translated English paragraph (from the sources). */
function translatedSlugs(): string[] {
  const dir = fileURLToPath(new URL('../../src/content/translations/en/', import.meta.url));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .filter((name) => {
      const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { paragraphs?: { text?: string }[] };
      return (data.paragraphs ?? []).some((p) => p.text?.trim());
    })
    .map((name) => name.replace(/\.json$/u, ''))
    .sort();
}

/** The text of the article a reader can see. */
const visibleText = (page: Page): Promise<string> => page.locator('article').first().innerText();

describeBrowser('parallel view', () => {
  let browser: Browser;
  let session: Session;
  let slug: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser, { viewport: { width: 1280, height: 900 } });
    const slugs = translatedSlugs().filter((s) => readdirSync(join(inject('distDir'), 'articles')).includes(s));
    slug = slugs[0]!;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('switches between Chinese, English and both', async () => {
    expect(slug, 'an article with translated paragraphs').toBeTruthy();
    const { page } = session;
    await visit(page, `en/articles/${slug}/`);
    const toggle = page.locator('[data-parallel-view-control]').first();
    expect(await toggle.count(), 'the translated article has a parallel-view toggle').toBe(1);

    const texts: Record<string, string> = {};
    for (const view of ['zh', 'en', 'both'] as const) {
      await toggle.locator(`[data-parallel-view-value="${view}"]`).click();
      const pressed = await toggle
        .locator('[data-parallel-view-value]')
        .evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('data-parallel-view-value'), b.getAttribute('aria-pressed')]));
      expect(pressed, `after choosing ${view}`).toEqual(
        pressed.map(([v]) => [v, v === view ? 'true' : 'false']),
      );
      texts[view] = await visibleText(page);
    }
    expect(texts.zh).not.toBe(texts.en);
    expect(texts.both!.length).toBeGreaterThan(texts.zh!.length);
    expect(texts.both!.length).toBeGreaterThan(texts.en!.length);
    // The English view shows English prose.
    expect(texts.en).toMatch(/[A-Za-z]{3,}(?: [A-Za-z]{2,}){4,}/u);
    expect(session.errors).toEqual([]);
  });
});
