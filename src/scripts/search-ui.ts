/**
 * Search in the browser: the header's search box (results as you type, in a panel under it)
 * and the search page (`search/?q=…`). Both are labelled search forms whose results are plain
 * links in `#search-results`; ↓ and ↑ move focus from the box through the results and back,
 * Enter follows the focused link, Esc returns to the box (and closes the panel). A live region
 * announces the number of results. `/` and Ctrl/Cmd+K focus the box from anywhere.
 *
 * The search itself runs in the engine (`search-connection.ts`: a worker over http, the page
 * itself from disk), which loads the index the first time it is asked: on the first focus of
 * the box, or at once on the search page. Nothing is loaded with the other pages. Strings and
 * URLs come from `data-*` attributes rendered by `SearchBox.astro` / `SearchResults.astro`,
 * relative to the page, so they hold under any base and from disk.
 */
import type { SearchHit } from '../lib/search/types.ts';
import { formatIsoDate } from '../lib/dates.ts';
import { diskHref } from './disk-links.ts';
import { onWarm, search, warm, type Found } from './search-connection.ts';
import { BOX_LIMIT, PAGE_SIZE } from './search-ui-limits.ts';

interface Strings {
  status: string;
  statusOne: string;
  statusMore: string;
  all: string;
  empty: string;
  loading: string;
  error: string;
  traditional: string;
  regional: string;
  pinyin: string;
  fuzzy: string;
  title: string;
}

/** What a results list needs to know about the page it is on. */
interface View {
  locale: string;
  /** The locale's root URL, with the base (`/`, `/en/`, `/archive/en/`), or relative to the page (`../en/`). */
  root: string;
  strings: Strings;
}

/** After this long without typing, a query on the search page gets its own history entry. */
const COMMIT_MS = 1000;
/** A search slower than this (the index still loading) shows the loading message. */
const LOADING_MS = 200;
/**
 * The search page puts a typed query in the URL and title once its results are shown, or after
 * this long if they are slow. Not at once: a history entry and a title are work for the browser
 * itself, which then answers the index requests the query is waiting for tens of milliseconds
 * later (measured in Chromium).
 */
const URL_LATE_MS = 300;

/**
 * Call `fn` when the reader has typed: on each input, but not while an input method is still
 * composing (the letters of 雪l… before 雪龙 is chosen), and once the composition ends.
 */
function onTyped(input: HTMLInputElement, fn: () => void): void {
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    fn();
  });
  input.addEventListener('compositionend', fn);
}

// ---------------------------------------------------------------------------------------------
// Rendering.

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The URL of a hit: the article in the page's locale, at the paragraph that matched. */
export function hitUrl(root: string, hit: SearchHit): string {
  return `${root}articles/${hit.article.slug}/${hit.paragraphId ? `#${hit.paragraphId}` : ''}`;
}

/** The snippet's text with its marked spans as <mark>, built as nodes (never as HTML). */
function snippetNodes(text: string, marks: readonly (readonly [number, number])[]): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    if (s > at) nodes.push(document.createTextNode(text.slice(at, s)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s, e);
    nodes.push(mark);
    at = e;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

function span(className: string, text?: string, lang?: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  if (text !== undefined) el.textContent = text;
  if (lang) el.lang = lang;
  return el;
}

/** One result: a link with the title, publication, date, how it matched, and the snippet. */
function renderHit(view: View, hit: SearchHit): HTMLLIElement {
  const zh = view.locale.startsWith('zh') ? undefined : 'zh-Hans';
  const english = view.locale === 'en' && hit.article.titleEn;
  const li = document.createElement('li');
  li.className = 'search-hit';
  const a = document.createElement('a');
  a.href = diskHref(hitUrl(view.root, hit));
  a.append(span('search-hit-title', english ? hit.article.titleEn : hit.article.title, english ? undefined : zh));
  const meta = span('search-hit-meta');
  if (hit.article.publication) meta.append(span('', hit.article.publication, zh));
  if (hit.article.date) {
    const time = document.createElement('time');
    time.dateTime = hit.article.date;
    time.textContent = formatIsoDate(view.locale, hit.article.date);
    meta.append(time);
  }
  const how = hit.match === 'exact' ? undefined : view.strings[hit.match];
  if (how) meta.append(span('search-hit-match', how));
  if (meta.childNodes.length > 0) a.append(meta);
  if (hit.snippet.text) {
    // English (a title, summary or translation): marked as such on the Chinese page.
    const snippet = span('search-hit-snippet', undefined, hit.lang === 'en' ? (view.locale === 'en' ? undefined : 'en') : zh);
    snippet.append(...snippetNodes(hit.snippet.text, hit.snippet.marks));
    a.append(snippet);
  }
  li.append(a);
  return li;
}

function renderHits(view: View, list: HTMLElement, hits: readonly SearchHit[]): void {
  list.replaceChildren(...hits.map((hit) => renderHit(view, hit)));
}

/** Whether two lists show the same hits: the same places, in the same order, with the same snippets. */
export function sameHits(a: readonly SearchHit[], b: readonly SearchHit[]): boolean {
  const key = (hit: SearchHit): string => JSON.stringify([hit.article.slug, hit.paragraphId ?? '', hit.match, hit.snippet.text, hit.snippet.marks]);
  return a.length === b.length && a.every((hit, i) => key(hit) === key(b[i]!));
}

function statusText(strings: Strings, query: string, count: number, more: boolean): string {
  const template = more ? strings.statusMore : count === 1 ? strings.statusOne : strings.status;
  return fill(template, { query, count });
}

/** Set a live region's text, unless it already says that (which would announce it again). */
function announce(region: HTMLElement | null, text: string): void {
  if (region && region.textContent !== text) region.textContent = text;
}

/**
 * Tells whoever listens (the benchmark, tests) that the results for `query` are on screen:
 * a `search-results` event, bubbling, with `{ query, count, ms, waited }` (see `Found`).
 */
function shown(el: HTMLElement, query: string, found: Found): void {
  const { hits, ms, waited } = found;
  el.dispatchEvent(new CustomEvent('search-results', { bubbles: true, detail: { query, count: hits.length, ms, waited } }));
}

function readView(el: HTMLElement): View {
  return {
    locale: el.dataset.locale ?? document.documentElement.lang,
    root: el.dataset.rootUrl ?? '/',
    strings: JSON.parse(el.dataset.strings ?? '{}') as Strings,
  };
}

// ---------------------------------------------------------------------------------------------
// Keyboard: ↓ ↑ between the box and the result links.

/**
 * Moves focus one step through `[input, ...links]` for ArrowDown/ArrowUp. Returns whether it
 * handled the key.
 */
function moveFocus(event: KeyboardEvent, input: HTMLInputElement, links: HTMLElement[]): boolean {
  if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey) return false;
  if (links.length === 0) return false;
  const stops: HTMLElement[] = [input, ...links];
  const at = stops.indexOf(event.target as HTMLElement);
  if (at < 0) return false;
  const step = event.key === 'ArrowDown' ? 1 : -1;
  // From the box, ↑ goes to the last result; from the last, ↓ stays there.
  const next = at === 0 && step < 0 ? stops.length - 1 : Math.min(Math.max(at + step, 0), stops.length - 1);
  event.preventDefault();
  stops[next]!.focus();
  return true;
}

/** A printable key pressed on a result goes to the box, so typing goes on where it was. */
function typeIntoBox(event: KeyboardEvent, input: HTMLInputElement): void {
  if (event.target === input || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key.length === 1 || event.key === 'Backspace') input.focus();
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** `/` (outside a text field) and Ctrl/Cmd+K focus the search box. */
function bindShortcuts(input: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (!slash && !k) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

// ---------------------------------------------------------------------------------------------
// The header's search box.

function bindBox(form: HTMLFormElement): HTMLInputElement | undefined {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const list = form.querySelector<HTMLElement>('[data-search-hits]');
  const message = form.querySelector<HTMLElement>('[data-search-message]');
  const all = form.querySelector<HTMLAnchorElement>('[data-search-all]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  if (!input || !panel || !list || !message || !all) return undefined;
  const view = readView(form);
  let shownQuery = '';
  let shownHits: readonly SearchHit[] = [];
  /** Esc closed the panel: focus coming back to the box does not reopen it (typing does). */
  let dismissed = false;
  let announceTimer = 0;
  let loadingTimer = 0;

  const links = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('a'), ...(all.hidden ? [] : [all])];
  const open = (): void => {
    panel.hidden = false;
  };
  const close = (): void => {
    panel.hidden = true;
  };
  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === '';
  };
  const settle = (text: string): void => {
    window.clearTimeout(announceTimer);
    // Wait for typing to pause, so a screen reader is not told every intermediate count.
    announceTimer = window.setTimeout(() => announce(status, text), 500);
  };

  /** Search for `raw` and show the results; with `again`, only where they differ from those shown (see `onWarm` below). */
  const run = async (raw: string, again = false): Promise<void> => {
    const query = raw.trim();
    window.clearTimeout(loadingTimer);
    if (query === '') {
      shownQuery = '';
      list.replaceChildren();
      say('');
      all.hidden = true;
      close();
      settle('');
      return;
    }
    loadingTimer = window.setTimeout(() => {
      say(view.strings.loading);
      if (!dismissed) open();
    }, LOADING_MS);
    let found: Found | null;
    try {
      found = await search('box', query, BOX_LIMIT + 1);
    } catch {
      window.clearTimeout(loadingTimer);
      say(view.strings.error);
      open();
      return;
    }
    if (found === null || query !== input.value.trim()) return;
    const { hits } = found;
    window.clearTimeout(loadingTimer);
    if (again && (query !== shownQuery || sameHits(shownHits, hits))) return;
    shownQuery = query;
    shownHits = hits;
    const more = hits.length > BOX_LIMIT;
    renderHits(view, list, hits.slice(0, BOX_LIMIT));
    say(hits.length === 0 ? fill(view.strings.empty, { query }) : '');
    const url = new URL(form.action, window.location.href);
    url.searchParams.set('q', query);
    all.href = url.pathname + url.search;
    all.textContent = fill(view.strings.all, { query });
    all.hidden = hits.length === 0;
    settle(statusText(view.strings, query, Math.min(hits.length, BOX_LIMIT), more));
    if (!dismissed && form.contains(document.activeElement)) open();
    shown(form, query, found);
  };

  // Once the engine has warmed up and words count, the results shown are looked for again (see
  // the search page's), unless the reader has gone into them.
  onWarm(() => {
    if (shownQuery !== '' && shownQuery === input.value.trim() && !list.contains(document.activeElement)) void run(input.value, true);
  });

  input.addEventListener('focus', () => {
    warm();
    if (dismissed || input.value.trim() === '') return;
    if (input.value.trim() === shownQuery) open();
    else void run(input.value);
  });
  onTyped(input, () => {
    dismissed = false;
    void run(input.value);
  });

  form.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        dismissed = true;
        close();
        input.focus();
      } else if (event.target === input && input.value !== '') {
        event.preventDefault();
        input.value = '';
        void run('');
      }
      return;
    }
    if (event.key === 'ArrowDown' && event.target === input && panel.hidden && input.value.trim() !== '') {
      dismissed = false;
      open();
    }
    if (moveFocus(event, input, links())) return;
    typeIntoBox(event, input);
  });
  // Close when focus or a click goes elsewhere. (A click on a result keeps focus in the form.)
  form.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !form.contains(next)) {
      dismissed = false;
      close();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) close();
  });
  form.toggleAttribute('data-search-ready', true);
  return input;
}

// ---------------------------------------------------------------------------------------------
// The search page.

/** The hits of `found` that `shown` does not have (the same place: article and paragraph). */
export function newHits(shown: readonly SearchHit[], found: readonly SearchHit[]): SearchHit[] {
  const place = (hit: SearchHit): string => `${hit.article.slug}#${hit.paragraphId ?? ''}`;
  const seen = new Set(shown.map(place));
  return found.filter((hit) => !seen.has(place(hit)));
}

function bindPage(root: HTMLElement): HTMLInputElement | undefined {
  const form = root.querySelector<HTMLFormElement>('form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const list = root.querySelector<HTMLElement>('[data-search-hits]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const prompt = root.querySelector<HTMLElement>('[data-search-prompt]');
  const empty = root.querySelector<HTMLElement>('[data-search-empty]');
  const emptyText = root.querySelector<HTMLElement>('[data-search-empty-text]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !list || !status || !prompt || !empty || !emptyText || !more) return undefined;
  const view = readView(root);
  const baseTitle = document.title;
  let loadingTimer = 0;
  let commitTimer = 0;
  /** How many results to show: PAGE_SIZE more each time "more" is pressed, reset by a new query. */
  let limit = PAGE_SIZE;
  /** The results on the page, and their query: "more" keeps them as they are and adds to them. */
  let listed: { query: string; hits: SearchHit[] } = { query: '', hits: [] };
  /** Whether the current history entry holds a finished query (the next edit gets a new one). */
  let committed = false;
  /** A typed query not in the URL yet, and whether it gets a new history entry. */
  let unwritten: { push: boolean } | undefined;
  let unwrittenTimer = 0;

  const queryFromUrl = (): string => new URLSearchParams(window.location.search).get('q')?.trim() ?? '';

  /** Put `query` in the URL (and the language switcher's links), as a new entry or in place. */
  const writeUrl = (query: string, push: boolean): void => {
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    url.hash = '';
    if (url.href !== window.location.href) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.language-switcher a[href]')) {
      const other = new URL(a.href);
      if (query) other.searchParams.set('q', query);
      else other.searchParams.delete('q');
      a.href = other.pathname + other.search;
    }
    document.title = query ? `${query} · ${baseTitle}` : baseTitle;
  };

  /** Write the typed query into the URL now, if it is not there yet. */
  const writeTyped = (): void => {
    window.clearTimeout(unwrittenTimer);
    if (!unwritten) return;
    const { push } = unwritten;
    unwritten = undefined;
    writeUrl(input.value.trim(), push);
  };
  /** The query was typed: into the URL after its results are on screen (see URL_LATE_MS). */
  const typed = (): void => {
    // The first edit after a finished query starts a new history entry; later ones amend it.
    unwritten = { push: (unwritten?.push ?? false) || committed };
    window.clearTimeout(unwrittenTimer);
    unwrittenTimer = window.setTimeout(writeTyped, URL_LATE_MS);
  };
  /** After the next frame: the results first. */
  const writeTypedSoon = (): void => {
    if (unwritten) requestAnimationFrame(() => window.setTimeout(writeTyped, 0));
  };

  const run = async (raw: string): Promise<void> => {
    const query = raw.trim();
    window.clearTimeout(loadingTimer);
    if (query === '') {
      writeTyped();
      list.replaceChildren();
      listed = { query: '', hits: [] };
      empty.hidden = true;
      more.hidden = true;
      prompt.hidden = false;
      announce(status, '');
      return;
    }
    prompt.hidden = true;
    loadingTimer = window.setTimeout(() => announce(status, view.strings.loading), LOADING_MS);
    let found: Found | null;
    try {
      found = await search('page', query, limit + 1);
    } catch {
      window.clearTimeout(loadingTimer);
      announce(status, view.strings.error);
      writeTyped();
      return;
    }
    if (found === null || query !== input.value.trim()) return;
    // More of the same query: the results shown stay where they are (a longer list may rank
    // a few differently), and the new ones follow.
    const hits = query === listed.query && listed.hits.length > 0 && listed.hits.length < limit ? [...listed.hits, ...newHits(listed.hits, found.hits)] : found.hits;
    window.clearTimeout(loadingTimer);
    writeTypedSoon();
    show(query, hits, found);
  };

  /** Put `hits` (the first `limit`, and whether there are more) on the page for `query`. */
  const show = (query: string, hits: SearchHit[], found: Found): void => {
    const hasMore = hits.length > limit;
    listed = { query, hits: hits.slice(0, limit) };
    renderHits(view, list, listed.hits);
    more.hidden = !hasMore;
    emptyText.textContent = fill(view.strings.empty, { query });
    empty.hidden = hits.length > 0;
    announce(status, statusText(view.strings, query, Math.min(hits.length, limit), hasMore));
    shown(root, query, found);
  };

  // Once the engine has warmed up, words count (its word breaker is made then, see
  // src/lib/search/words.ts): the first page of results, found before, is looked for again and
  // put in its place where it differs (中国银行 finds no 中国进行 then), unless the reader has
  // gone into the list, asked for more or typed since.
  let touched = false;
  list.addEventListener('focusin', () => (touched = true));
  list.addEventListener('pointerdown', () => (touched = true));
  more.addEventListener('click', () => (touched = true));
  onWarm(() => {
    const query = listed.query;
    if (touched || query === '' || query !== input.value.trim() || limit !== PAGE_SIZE) return;
    const before = listed.hits;
    void search('page', query, limit + 1).then(
      (found) => {
        if (!found || touched || listed.hits !== before || query !== input.value.trim()) return;
        if (sameHits(before, found.hits.slice(0, limit)) && (found.hits.length > limit) === !more.hidden) return;
        show(query, found.hits, found);
      },
      () => undefined,
    );
  });

  const commit = (): void => {
    window.clearTimeout(commitTimer);
    writeTyped();
    committed = input.value.trim() !== '';
  };

  more.addEventListener('click', () => {
    const from = list.children.length;
    limit += PAGE_SIZE;
    void run(input.value).then(() => {
      // Continue from the first new result (the button may be gone now).
      list.children[from]?.querySelector('a')?.focus();
    });
  });

  onTyped(input, () => {
    limit = PAGE_SIZE;
    // The query goes to the engine first; the URL and title follow its results.
    void run(input.value);
    typed();
    committed = false;
    window.clearTimeout(commitTimer);
    commitTimer = window.setTimeout(commit, COMMIT_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    writeTyped();
    writeUrl(input.value.trim(), false);
    commit();
    void run(input.value);
  });
  window.addEventListener('popstate', () => {
    window.clearTimeout(commitTimer);
    // The URL is the one gone back to; a typed query not written yet is dropped.
    window.clearTimeout(unwrittenTimer);
    unwritten = undefined;
    limit = PAGE_SIZE;
    input.value = queryFromUrl();
    committed = input.value !== '';
    writeUrl(input.value, false);
    void run(input.value);
  });
  // Coming back through the back/forward cache: the page is as it was left; nothing to do.

  root.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const links = [...list.querySelectorAll<HTMLElement>('a')];
    if (event.key === 'Escape' && event.target !== input && links.includes(event.target as HTMLElement)) {
      event.preventDefault();
      input.focus();
      return;
    }
    if (moveFocus(event, input, links)) return;
    if (links.includes(event.target as HTMLElement)) typeIntoBox(event, input);
  });

  input.value = queryFromUrl();
  committed = input.value !== '';
  writeUrl(input.value, false);
  warm();
  void run(input.value);
  if (input.value === '') input.focus();
  return input;
}

// ---------------------------------------------------------------------------------------------

const page = document.querySelector<HTMLElement>('[data-search-page]');
const box = document.querySelector<HTMLFormElement>('[data-search-box]');
const pageInput = page ? bindPage(page) : undefined;
const boxInput = box ? bindBox(box) : undefined;
// On the search page the shortcuts go to its own form.
const shortcutTarget = pageInput ?? boxInput;
if (shortcutTarget) bindShortcuts(shortcutTarget);
