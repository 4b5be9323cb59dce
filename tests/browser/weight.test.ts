/**
 * Page weight: an article page's HTML plus every CSS and JS file it loads, gzipped, stays under
 * 50 KB. Sizes come from the built files (node:zlib, default level), the list of files from what
 * the browser loads. Checked for the first article and for the article with the heaviest HTML.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, sitePath, siteUrl, visit } from './browser.ts';

const BUDGET = 50 * 1024;

const gzipSize = (file: string): number => gzipSync(readFileSync(file)).length;

/** The Chinese article page whose HTML is the largest gzipped. */
function heaviestArticle(distDir: string): string {
  const slugs = readdirSync(join(distDir, 'articles'));
  const sizes = slugs.map((slug) => [slug, gzipSize(join(distDir, 'articles', slug, 'index.html'))] as const);
  sizes.sort((a, b) => b[1] - a[1]);
  return `articles/${sizes[0]![0]}/`;
}

describeBrowser('page weight', () => {
  let browser: Browser;
  let first: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { context, page } = await openSession(browser);
    first = await firstArticlePath(page);
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Load a page, and sum the gzipped sizes of its document, stylesheets and scripts. */
  async function measure(path: string): Promise<void> {
    const { context, page, errors } = await openSession(browser, { viewport: { width: 1280, height: 900 } });
    const loaded = new Map<string, string>();
    const origin = new URL(siteUrl()).origin;
    context.on('response', (response) => {
      const type = response.request().resourceType();
      if (['document', 'stylesheet', 'script'].includes(type) && new URL(response.url()).origin === origin) {
        loaded.set(response.url().replace(/[?#].*$/u, ''), type);
      }
    });
    await visit(page, path);
    await page.waitForLoadState('networkidle');
    await context.close();
    expect(errors).toEqual([]);

    const distDir = inject('distDir');
    const rows = [...loaded].map(([href, type]) => {
      let file = sitePath(href);
      if (file === '' || file.endsWith('/')) file += 'index.html';
      const full = join(distDir, file);
      expect(existsSync(full) && statSync(full).isFile(), `${href} is a file in the build`).toBe(true);
      return { type, file, raw: statSync(full).size, gzip: gzipSize(full) };
    });
    expect(rows.filter((r) => r.type === 'document').map((r) => r.file)).toEqual([`${path}index.html`]);

    const total = rows.reduce((sum, r) => sum + r.gzip, 0);
    const table = rows
      .map((r) => `  ${r.type.padEnd(10)} ${String(r.gzip).padStart(7)} B gz ${String(r.raw).padStart(8)} B  ${r.file}`)
      .join('\n');
    const report = `page weight of /${path}: ${total} B gzipped (budget ${BUDGET} B)\n${table}`;
    console.log(report);
    expect(total, report).toBeLessThan(BUDGET);
  }

  it(`the first article page is under ${BUDGET / 1024} KB gzipped (HTML + CSS + JS)`, async () => {
    await measure(first);
  });

  it(`the heaviest article page is under ${BUDGET / 1024} KB gzipped (HTML + CSS + JS)`, async () => {
    await measure(heaviestArticle(inject('distDir')));
  });
});
