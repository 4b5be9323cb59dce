/**
 * Search: the box in the header (results as you type, ↓ ↑ Enter Esc, `/` and Ctrl/Cmd+K),
 * landing on the paragraph that matched, the search page (`search/?q=…`) with Back and Forward,
 * the English UI, Traditional characters and pinyin, the empty result, the index loaded only
 * when asked for, and the form without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, openSession, sitePath, siteUrl, url, visit, type Session } from './browser.ts';
import { WARMED_MARK } from '../../src/lib/search/protocol.ts';

const RESULTS = '#search-results';
const HIT_LINKS = `${RESULTS} .search-hit a`;

interface Hit {
  href: string;
  title: string;
  meta: string;
  snippet: string;
  marks: string[];
  titleLang: string | null;
  snippetLang: string | null;
}

/** The results shown, as data. */
function hits(page: Page): Promise<Hit[]> {
  return page.locator(HIT_LINKS).evaluateAll((links) =>
    links.map((a) => ({
      href: (a as HTMLAnchorElement).href,
      title: a.querySelector('.search-hit-title')?.textContent ?? '',
      meta: a.querySelector('.search-hit-meta')?.textContent ?? '',
      snippet: a.querySelector('.search-hit-snippet')?.textContent ?? '',
      marks: [...a.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      titleLang: a.querySelector('.search-hit-title')?.getAttribute('lang') ?? null,
      snippetLang: a.querySelector('.search-hit-snippet')?.getAttribute('lang') ?? null,
    })),
  );
}

/** Wait until results show, and return them. */
async function resultsShown(page: Page): Promise<Hit[]> {
  await page.locator(HIT_LINKS).first().waitFor({ state: 'visible' });
  return hits(page);
}

/** The resolved URL of the focused link (its `href` property), or null. */
const activeHref = (page: Page): Promise<string | null> => page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.href : null));
const activeId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

/** The site path and query of the current page, e.g. `search/?q=…`. */
const here = (page: Page): string => {
  const u = new URL(page.url());
  return `${sitePath(u.href)}${u.search}`;
};

const query = (page: Page): string | null => new URL(page.url()).searchParams.get('q');

describeBrowser('search', () => {
  let browser: Browser;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser, { viewport: { width: 1280, height: 900 } });
    page = session.page;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing for search with the page, and starts when the box gets focus (on the page: the seeds\' index is small)', async () => {
    const { context, page: p, requests, errors } = await openSession(browser);
    const workers: string[] = [];
    p.on('worker', (worker) => workers.push(worker.url()));
    await visit(p, '');
    expect(await p.locator('html').getAttribute('data-search-mode')).toBe('page');
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(300);
    const before = requests.length;
    expect(requests.filter((r) => /_astro\/engine\.|search-index|\/search\//u.test(r)), 'search requests on page load').toEqual([]);
    await p.keyboard.press('/');
    expect(await activeId(p), '`/` focuses the box').toBe('search-box-input');
    await p.waitForLoadState('networkidle');
    await expect.poll(() => requests.slice(before).some((r) => /_astro\/engine\./u.test(r)), { timeout: 5000 }).toBe(true);
    await p.keyboard.type('雪龙');
    await p.locator(HIT_LINKS).first().waitFor({ state: 'visible' });
    expect(workers, 'no worker for a small index').toEqual([]);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('focuses the box with Ctrl+K and Meta+K, and leaves `/` alone inside a text field', async () => {
    await visit(page, '');
    await page.keyboard.press('Control+K');
    expect(await activeId(page)).toBe('search-box-input');
    await page.locator('#search-box-input').blur();
    await page.keyboard.press('Meta+K');
    expect(await activeId(page)).toBe('search-box-input');
    await page.keyboard.type('a/b');
    expect(await page.locator('#search-box-input').inputValue()).toBe('a/b');
  });

  it('waits while an input method composes (雪l… before 雪龙 is chosen), and searches when it ends', async () => {
    await visit(page, 'search/');
    const asked = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('#search-page-input')!;
      const shown: string[] = [];
      document.addEventListener('search-results', (e) => shown.push((e as CustomEvent<{ query: string }>).detail.query), true);
      // As Chromium sends them: an input event (composing) for each step, the chosen words last,
      // then compositionend.
      input.dispatchEvent(new CompositionEvent('compositionstart'));
      for (const value of ['x', 'xu', 'xue', 'xuel', '雪龙']) {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: value }));
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      input.dispatchEvent(new CompositionEvent('compositionend', { data: '雪龙' }));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return shown;
    });
    expect(asked).toEqual(['雪龙']);
    expect((await resultsShown(page)).length).toBeGreaterThan(0);
    expect(session.errors).toEqual([]);
  });

  it('shows results as you type; ↓ ↑ move through them; Enter lands on the marked paragraph', async () => {
    await visit(page, '');
    await page.keyboard.press('/');
    await page.keyboard.type('发展');
    const shown = await resultsShown(page);
    expect(shown.length).toBeGreaterThan(1);
    for (const hit of shown) {
      expect(sitePath(hit.href), 'a result links to an article').toMatch(/^articles\/[^/]+\/(#[ph]-[0-9a-f]{6}(-\d+)?)?$/u);
      expect(hit.title.trim()).not.toBe('');
      expect(hit.marks.join(''), `the snippet of ${hit.href} marks the match`).toContain('发展');
    }
    expect(shown.some((hit) => /#p-/u.test(hit.href)), 'results link to paragraphs').toBe(true);
    expect(shown.some((hit) => /\d{4}年\d{1,2}月\d{1,2}日/u.test(hit.meta)), 'results show the date').toBe(true);
    expect(shown.some((hit) => /日报|新华社|报/u.test(hit.meta)), 'results show the publication').toBe(true);
    // The count is announced.
    await expect.poll(() => page.locator('[data-search-box] [role="status"]').textContent()).toMatch(/\d/u);

    await page.keyboard.press('ArrowDown');
    expect(await activeHref(page)).toBe(shown[0]!.href);
    await page.keyboard.press('ArrowDown');
    expect(await activeHref(page)).toBe(shown[1]!.href);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await activeId(page), '↑ from the first result returns to the box').toBe('search-box-input');
    await page.keyboard.press('ArrowDown');

    const target = shown.find((hit) => /#p-/u.test(hit.href)) ?? shown[0]!;
    while ((await activeHref(page)) !== target.href) await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(target.href), page.keyboard.press('Enter')]);
    const hash = new URL(target.href).hash;
    expect(hash).toMatch(/^#p-/u);
    const arrived = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>(':target');
      return el ? { id: el.id, marked: el.classList.contains('is-target'), text: el.textContent ?? '' } : null;
    });
    expect(arrived?.id).toBe(hash.slice(1));
    expect(arrived?.marked, 'the paragraph is marked').toBe(true);
    expect(arrived?.text).toContain('发展');
    expect(session.errors).toEqual([]);
  });

  it('Esc closes the results and returns to the box; a second Esc clears it', async () => {
    await visit(page, '');
    await page.keyboard.press('/');
    await page.keyboard.type('发展');
    await resultsShown(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.locator(RESULTS).isVisible()).toBe(false);
    expect(await activeId(page)).toBe('search-box-input');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-box-input').inputValue()).toBe('');
  });

  it('Enter in the box opens the search page with the query, shareable as a URL', async () => {
    await visit(page, 'about/');
    await page.keyboard.press('/');
    await page.keyboard.type('发展');
    await resultsShown(page);
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/search/')), page.keyboard.press('Enter')]);
    expect(here(page)).toBe(`search/?q=${encodeURIComponent('发展')}`);
    expect((await resultsShown(page)).length).toBeGreaterThan(1);
    expect(await page.locator('#search-page-input').inputValue()).toBe('发展');
  });

  it('the search page reads ?q=, keeps the query in the URL and survives Back and Forward', async () => {
    await visit(page, `search/?q=${encodeURIComponent('发展')}`);
    const first = await resultsShown(page);
    expect(first.length).toBeGreaterThan(1);
    expect(await page.locator('[data-search-page] [role="status"]').textContent()).toMatch(/\d+/u);

    // A new query gets its own history entry.
    await page.locator('#search-page-input').fill('xuelong');
    await expect.poll(() => query(page)).toBe('xuelong');
    await expect.poll(async () => (await hits(page)).some((h) => h.href.includes('xue-long'))).toBe(true);
    await page.waitForTimeout(1200);

    // Leave through a result, and come back.
    const [hit] = await hits(page);
    await Promise.all([page.waitForURL(hit!.href), page.locator(HIT_LINKS).first().click()]);
    await page.goBack();
    expect(query(page)).toBe('xuelong');
    expect(await page.locator('#search-page-input').inputValue()).toBe('xuelong');
    expect((await resultsShown(page))[0]!.href).toBe(hit!.href);

    await page.goBack();
    expect(query(page)).toBe('发展');
    await expect.poll(() => page.locator('#search-page-input').inputValue()).toBe('发展');
    await expect.poll(async () => (await hits(page)).map((h) => h.href)).toEqual(first.map((h) => h.href));

    await page.goForward();
    expect(query(page)).toBe('xuelong');
    await expect.poll(() => page.locator('#search-page-input').inputValue()).toBe('xuelong');
    await expect.poll(async () => (await hits(page))[0]?.href).toBe(hit!.href);
    expect(session.errors).toEqual([]);
  });

  it('puts a query typed letter by letter into the URL and title once, as one new history entry', async () => {
    await visit(page, `search/?q=${encodeURIComponent('发展')}`);
    await resultsShown(page);
    await page.waitForTimeout(1200);
    const entries = await page.evaluate(() => history.length);
    const input = page.locator('#search-page-input');
    await input.fill('');
    await input.pressSequentially('xuelong', { delay: 40 });
    await expect.poll(() => query(page)).toBe('xuelong');
    await expect.poll(() => page.title()).toMatch(/^xuelong · /u);
    expect(await page.evaluate(() => history.length), 'the typed letters make one entry').toBe(entries + 1);
    await page.goBack();
    expect(query(page)).toBe('发展');
    expect(session.errors).toEqual([]);
  });

  it('finds an article by its byline, and the result opens the article itself', async () => {
    // The commentary signed 李拯 (in the seeds): the name is in its byline only.
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = 'src/content/articles';
    const file = readdirSync(dir).find((f) => /^byline: "李拯"$/mu.test(readFileSync(`${dir}/${f}`, 'utf8')));
    expect(file, 'an article signed 李拯').toBeDefined();
    await visit(page, `search/?q=${encodeURIComponent('李拯')}`);
    const [first] = await resultsShown(page);
    expect(sitePath(first!.href)).toBe(`articles/${file!.slice(0, -3)}/`);
    expect(first!.marks).toContain('李拯');
    await Promise.all([page.waitForURL(first!.href), page.locator(HIT_LINKS).first().click()]);
    expect(await page.locator('.article-byline').innerText()).toContain('李拯');
    expect(session.errors).toEqual([]);
  });

  it("finds Traditional 發展, Taiwan's 人工智慧 and pinyin xuelong", async () => {
    await visit(page, `search/?q=${encodeURIComponent('發展')}`);
    const traditional = await resultsShown(page);
    expect(traditional.length).toBeGreaterThan(1);
    expect(traditional.some((h) => h.marks.join('').includes('发展')), 'the Simplified text is marked').toBe(true);

    // A word of Taiwan: 人工智慧 is the text's 人工智能.
    await visit(page, `search/?q=${encodeURIComponent('人工智慧')}`);
    const regional = await resultsShown(page);
    expect(regional.length).toBeGreaterThan(1);
    expect(regional.every((h) => h.marks.join('').includes('人工智能'))).toBe(true);
    // Each says it found the mainland's word.
    expect(regional.every((h) => h.meta.includes('地区用词')), regional.map((h) => h.meta).join(' | ')).toBe(true);

    await visit(page, 'search/?q=xuelong');
    const pinyin = await resultsShown(page);
    expect(sitePath(pinyin[0]!.href)).toMatch(/^articles\/[^/]*xue-long/u);
    expect(pinyin[0]!.marks.join('')).toContain('雪龙');
  });

  it("reads words with the browser's word breaker, as Node's, once it has made it: 中国银行 is no near miss of 中国进行, fuxing finds 复兴 first", async () => {
    // On the page the engine makes it once the reader pauses, and marks the page's timeline
    // when it has warmed up.
    await visit(page, `search/?q=${encodeURIComponent('中国银行')}`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, WARMED_MARK, { timeout: 10_000 });
    // The list found before it was made is looked for again then, and put in its place: 中国银行
    // finds no 中国进行, nor 中美关系 中非关系 (the breaker reads 中美关系 as one word).
    await page.locator('[data-search-empty]').waitFor({ state: 'visible', timeout: 5_000 });
    expect(await hits(page)).toEqual([]);
    await visit(page, `search/?q=${encodeURIComponent('中美关系')}`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, WARMED_MARK, { timeout: 10_000 });
    await page.locator('[data-search-empty]').waitFor({ state: 'visible', timeout: 5_000 });
    expect(await hits(page)).toEqual([]);
    const search = async (query: string): Promise<Hit[]> => {
      const shown = page.evaluate(
        (q) =>
          new Promise<void>((done) =>
            document.addEventListener('search-results', (event) => {
              if ((event as CustomEvent<{ query: string }>).detail.query === q) done();
            }),
          ),
        query,
      );
      await page.locator('#search-page-input').fill(query);
      await shown;
      return hits(page);
    };
    // (Another query first: the same query again is not searched again.)
    expect((await search('雪龙')).length).toBeGreaterThan(0);
    expect(await search('中国银行')).toEqual([]);
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect((await search('fuxing'))[0]!.marks).toEqual(['复兴']);
    // The same words as Node's (the unit tests'): Chromium's word breaker.
    const crossing = await page.evaluate(() => {
      const words = (text: string): string[] => Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment(text), (s) => s.segment);
      return [words('实现了全年预期目标'), words('对中国进行国事访问'), words('帮助同学理解抽象的原理')];
    });
    expect(crossing.map((w) => w.join('/'))).toEqual(['实现/了/全年/预期/目标', '对/中国/进行/国事/访问', '帮助/同学/理解/抽象/的/原理']);
  });

  it('the header box too looks for the results it shows again once words count: 中国银行 typed at once ends with no 中国进行', async () => {
    await visit(page, '');
    await page.keyboard.press('/');
    await page.keyboard.type('中国银行');
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, WARMED_MARK, { timeout: 10_000 });
    await expect.poll(() => page.locator('[data-search-box] [data-search-hits] a').count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-search-box] [data-search-message]').isVisible()).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('shows more results on the search page on request, and continues from the first new one', async () => {
    // (报告: a longer list ranks a few of the first twenty differently; those shown stay.)
    await visit(page, `search/?q=${encodeURIComponent('报告')}`);
    const first = await resultsShown(page);
    const more = page.locator('[data-search-more]');
    await more.waitFor({ state: 'visible' });
    await more.click();
    await expect.poll(async () => (await hits(page)).length).toBeGreaterThan(first.length);
    const after = await hits(page);
    // The results shown stay as they were; the new ones follow, none of them again.
    expect(after.slice(0, first.length).map((h) => h.href)).toEqual(first.map((h) => h.href));
    const shownBefore = new Set(first.map((h) => h.href));
    expect(after.slice(first.length).filter((h) => h.href.includes('#') && shownBefore.has(h.href))).toEqual([]);
    const next = after[first.length]!;
    await expect.poll(() => activeHref(page)).toBe(next.href);
  });

  it('never blocks typing: no long task on the main thread while results come in', async () => {
    const { context, page: p, errors } = await openSession(browser);
    await visit(p, '');
    await p.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    await p.keyboard.press('/');
    for (const word of ['xuelong', '发展', '新质生产力', '經濟']) {
      await p.locator('#search-box-input').fill('');
      await p.keyboard.type(word, { delay: 20 });
      await p.locator(HIT_LINKS).first().waitFor({ state: 'visible' });
    }
    const longTasks = await p.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(longTasks, 'main-thread tasks over 50 ms while typing').toEqual([]);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('says so when nothing matches, and suggests what to try', async () => {
    await visit(page, `search/?q=${encodeURIComponent('zqxjkv')}`);
    const empty = page.locator('[data-search-empty]');
    await empty.waitFor({ state: 'visible' });
    expect(await page.locator(HIT_LINKS).count()).toBe(0);
    const text = await empty.innerText();
    expect(text).toContain('zqxjkv');
    expect(text).toContain('xuelong');
    expect(text).toContain('發展');
    expect(await empty.locator('a[href]').count(), 'a way out: the article list').toBeGreaterThan(0);
  });

  it('the search page carries the engine and the (small) index: ?q= is answered once, before the page is read to its end, with no request for either', async () => {
    // With the page's Content-Security-Policy enforced: what it carries is allowed by its hashes.
    const { context, page: p, requests, errors } = await openSession(browser, { bypassCSP: false });
    await context.addInitScript(() => {
      const w = window as unknown as { shown: string[] };
      w.shown = [];
      // When each answer was put in the page: `loading` while the parser is still reading it, so
      // before the page is first laid out (the page is laid out once, with its results).
      document.addEventListener('search-results', () => w.shown.push(document.readyState), true);
    });
    for (const root of ['', 'en/']) {
      for (const [query, found] of [['zqxjkv', false], ['雪龙', true]] as const) {
        await visit(p, `${root}search/?q=${encodeURIComponent(query)}`);
        if (found) await p.locator(HIT_LINKS).first().waitFor({ state: 'visible' });
        else await p.locator('[data-search-empty]').waitFor({ state: 'visible' });
        await p.waitForLoadState('load');
        await p.waitForTimeout(200);
        expect(await p.locator('[data-search-page] [role="status"]').textContent(), `${root}${query}`).toContain(query);
        expect(await p.evaluate(() => (window as unknown as { shown: string[] }).shown), `${root}${query}: answered once, while the page was read`).toEqual(['loading']);
      }
    }
    expect(requests.filter((r) => /_astro\/engine\.|search-index\//u.test(r)), 'requests for the engine or the index').toEqual([]);
    // A new query asks the same engine.
    await p.locator('#search-page-input').fill('秦岭站');
    await expect.poll(async () => (await p.locator(HIT_LINKS).allInnerTexts()).join('')).toContain('秦岭站');
    expect(requests.filter((r) => /_astro\/engine\.|search-index\//u.test(r)), 'requests for the engine or the index').toEqual([]);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('has the same in English: strings, English titles where there are any, links to English pages', async () => {
    await visit(page, 'en/');
    expect(await page.locator('#search-box-input').getAttribute('placeholder')).toMatch(/Search/u);
    await page.keyboard.press('/');
    await page.keyboard.type('xuelong');
    const shown = await resultsShown(page);
    expect(sitePath(shown[0]!.href)).toMatch(/^en\/articles\/[^/]*xue-long/u);
    // The 雪龙 article has an English title.
    expect(shown[0]!.title).toMatch(/[A-Za-z]/u);
    expect(shown[0]!.titleLang).toBeNull();
    expect(shown[0]!.meta).toMatch(/March \d+, 2024/u);

    await visit(page, `en/search/?q=${encodeURIComponent('发展')}`);
    const results = await resultsShown(page);
    expect(results.every((h) => sitePath(h.href).startsWith('en/articles/'))).toBe(true);
    expect(await page.locator('[data-search-page] [role="status"]').textContent()).toMatch(/results? for/u);
    expect(await page.locator('h1').innerText()).toBe('Search');
    // The language switcher keeps the query.
    expect(await page.locator('.language-switcher a[hreflang="zh-Hans"]').getAttribute('href')).toContain('q=');

    await visit(page, 'en/search/?q=zqxjkv');
    await page.locator('[data-search-empty]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-search-empty]').innerText()).toMatch(/No articles found/u);
    expect(session.errors).toEqual([]);
  });

  it('finds English words in the translations (summaries, translated paragraphs), shown as English', async () => {
    // The 雪龙 article's translation: "The ship will next call at Newcastle, Australia, …".
    await visit(page, 'en/search/?q=Newcastle');
    const [paragraph] = await resultsShown(page);
    expect(sitePath(paragraph!.href)).toMatch(/^en\/articles\/[^/]*xue-long[^/]*\/$/u);
    expect(new URL(paragraph!.href).hash).toMatch(/^#p-[0-9a-f]+$/u);
    expect(paragraph!.marks).toEqual(['Newcastle']);
    expect(paragraph!.snippetLang, 'English on the English page').toBeNull();
    // The paragraph the hit leads to is the one translated.
    await Promise.all([page.waitForURL(paragraph!.href), page.locator(HIT_LINKS).first().click()]);
    expect(await page.locator(':target').innerText()).toContain('纽卡斯尔');

    // On the Chinese page: the summary ("… Antarctica …"), marked as English text.
    await visit(page, 'search/?q=Antarctica');
    const shown = await resultsShown(page);
    const summary = shown.find((h) => h.snippet.includes('Qinling Station in Antarctica'));
    expect(summary, 'the summary is a result').toBeDefined();
    expect(sitePath(summary!.href)).toMatch(/^articles\/[^/]*xue-long[^/]*\/$/u);
    expect(new URL(summary!.href).hash, 'the summary leads to the article').toBe('');
    expect(summary!.snippetLang).toBe('en');
    expect(summary!.marks).toEqual(['Antarctica']);
    expect(session.errors).toEqual([]);
  });

  it('without JavaScript: the box is a GET form to the search page, which says search needs JavaScript', async () => {
    const { context, page: p } = await openSession(browser, { javaScriptEnabled: false });
    for (const [root, words] of [['', 'JavaScript'], ['en/', 'Search needs JavaScript']] as const) {
      await visit(p, root);
      const form = p.locator('form[role="search"]');
      expect(await form.getAttribute('method')).toBe('get');
      expect(new URL((await form.getAttribute('action'))!, p.url()).href).toBe(url(`${root}search/`));
      await p.locator('#search-box-input').fill('发展');
      await Promise.all([p.waitForURL((u) => u.pathname.endsWith('/search/')), p.locator('#search-box-input').press('Enter')]);
      expect(here(p)).toBe(`${root}search/?q=${encodeURIComponent('发展')}`);
      expect(await p.locator('main').innerText()).toContain(words);
    }
    await context.close();
  });

  it('makes no request outside the site, under its base', async () => {
    const origin = new URL(siteUrl()).origin;
    const outside = session.requests.filter((u) => !/^(data|blob|about):/u.test(u) && !u.startsWith(siteUrl()));
    expect(session.requests.some((u) => u.startsWith(origin))).toBe(true);
    expect(outside).toEqual([]);
  });
});
