/**
 * Accessibility (axe-core, WCAG 2.2 AA rules) on the home, article, about and search pages (with
 * results showing) in both locales, and on the search box's results panel, and that visiting
 * them makes no request outside the site.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, firstArticlePath, launchBrowser, openSession, siteUrl, visit, type Session } from './browser.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axeApi = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axeApi.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** Violations as text a person can act on. */
export function formatViolations(pageName: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} axe violation(s) on ${pageName}:`];
  for (const v of violations) {
    lines.push(`\n● ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`  - ${node.target.join(' ')}\n    ${node.html.slice(0, 200)}`);
      if (node.failureSummary) lines.push(`    ${node.failureSummary.replace(/\n/gu, '\n    ')}`);
    }
    if (v.nodes.length > 10) lines.push(`  … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}

describeBrowser('accessibility and privacy', () => {
  let browser: Browser;
  let session: Session;
  let pages: [string, string][];

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser, { viewport: { width: 1280, height: 900 } });
    const first = await firstArticlePath(session.page);
    pages = [
      ['zh home', ''],
      ['zh article', first],
      ['zh about', 'about/'],
      ['en home', 'en/'],
      ['en article', `en/${first}`],
      ['en about', 'en/about/'],
      ['zh search', `search/?q=${encodeURIComponent('发展')}`],
      ['en search', `en/search/?q=${encodeURIComponent('发展')}`],
    ];
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const [index, name] of ['zh home', 'zh article', 'zh about', 'en home', 'en article', 'en about', 'zh search', 'en search'].entries()) {
    it(`axe finds no WCAG A/AA violations: ${name}`, async () => {
      const [, path] = pages[index]!;
      const { page } = session;
      await visit(page, path);
      // Scan the search page with its results showing.
      if (name.endsWith('search')) await page.locator('#search-results a').first().waitFor({ state: 'visible' });
      const violations = await axe(page);
      expect(violations, formatViolations(`${name} (/${path})`, violations)).toEqual([]);
    });
  }

  it('axe finds no WCAG A/AA violations in dark mode (system preference): zh home, zh article', async () => {
    const dark = await openSession(browser, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    for (const [name, path] of pages.filter(([n]) => n === 'zh home' || n === 'zh article')) {
      await visit(dark.page, path);
      const violations = await axe(dark.page);
      expect(violations, formatViolations(`${name} (/${path}), dark`, violations)).toEqual([]);
    }
    await dark.context.close();
    expect(dark.errors).toEqual([]);
  });

  it('axe finds no WCAG A/AA violations with the search box showing results, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await openSession(browser, { viewport: { width: 1280, height: 900 }, colorScheme });
      for (const root of ['', 'en/']) {
        await visit(page, root);
        await page.keyboard.press('/');
        await page.keyboard.type('发展');
        await page.locator('#search-results a').first().waitFor({ state: 'visible' });
        await page.keyboard.press('ArrowDown');
        const violations = await axe(page);
        expect(violations, formatViolations(`/${root} with search results (${colorScheme})`, violations)).toEqual([]);
      }
      await context.close();
      expect(errors).toEqual([]);
    }
  });

  it('has a skip link to <main id="main"> on every page', async () => {
    const { page } = session;
    for (const [name, path] of pages) {
      await visit(page, path);
      expect(await page.locator('a[href="#main"]').count(), `${name}: skip link`).toBeGreaterThan(0);
      expect(await page.locator('main#main').count(), `${name}: <main id="main">`).toBe(1);
    }
  });

  it('requests nothing outside the site', async () => {
    const own = await browser.newContext({ colorScheme: 'light' });
    const requests: string[] = [];
    own.on('request', (request) => requests.push(request.url()));
    const page = await own.newPage();
    for (const [, path] of pages) {
      await visit(page, path);
      await page.waitForLoadState('networkidle');
    }
    await own.close();
    const origin = new URL(siteUrl()).origin;
    const foreign = requests.filter((u) => !/^(data|blob|about):/u.test(u) && new URL(u).origin !== origin);
    expect(requests.length).toBeGreaterThanOrEqual(pages.length);
    expect(foreign, `requests outside ${origin}`).toEqual([]);
    // And under the base the site is built for (a root-relative link that forgot it would not be).
    const outsideBase = requests.filter((u) => u.startsWith(origin) && !u.startsWith(siteUrl()));
    expect(outsideBase, `requests outside ${siteUrl()}`).toEqual([]);
  });

  it('runs these pages without script errors', () => {
    expect(session.errors).toEqual([]);
  });
});
