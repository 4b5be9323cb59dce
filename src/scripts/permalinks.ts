/**
 * Paragraph permalinks on article pages. Without scripts each paragraph has its `¶` link and
 * `:target` marks the paragraph a `#p-…` link leads to; this adds a copy-link button next to
 * every `¶` and, on arrival at a paragraph or subhead (page load or `hashchange`), moves focus
 * to it so keyboard and screen-reader users continue reading from there.
 */

const COPY_ICON =
  '<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1"/></svg>';

/** Ids the page gives paragraphs (`p-…`) and subheads (`h-…`). */
const BLOCK_ID = /^[ph]-[0-9a-f]{6}(?:-\d+)?$/u;

const article = document.querySelector<HTMLElement>('.article');

/** The absolute URL of a paragraph: this page without its query or current hash, plus `#id`. */
function permalink(id: string): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = id;
  return url.href;
}

function announce(message: string): void {
  const status = article?.querySelector<HTMLElement>('[data-permalink-status]');
  if (!status) return;
  // Clear first so the same message is announced again on a second copy.
  status.textContent = '';
  window.setTimeout(() => (status.textContent = message), 50);
}

async function copyLink(id: string, button: HTMLButtonElement): Promise<void> {
  const url = permalink(id);
  try {
    await navigator.clipboard.writeText(url);
    button.classList.add('is-copied');
    window.setTimeout(() => button.classList.remove('is-copied'), 1500);
    announce(article?.dataset.copied ?? '');
  } catch {
    // No clipboard (e.g. not a secure context): put the link where the reader can copy it.
    window.location.hash = id;
    announce(article?.dataset.copyFailed ?? '');
  }
}

function addCopyButtons(root: HTMLElement): void {
  for (const tools of root.querySelectorAll<HTMLElement>('.para-tools')) {
    const id = tools.closest<HTMLElement>('.para')?.id;
    if (!id || tools.querySelector('.para-copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'para-copy';
    button.setAttribute('aria-label', tools.dataset.copyLabel ?? '');
    button.innerHTML = COPY_ICON;
    button.addEventListener('click', () => void copyLink(id, button));
    tools.append(button);
  }
}

let marked: HTMLElement | undefined;

/** Mark and focus the paragraph or subhead named by the URL's hash, if it is one. */
function arrive(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  marked?.classList.remove('is-target');
  marked = undefined;
  if (!BLOCK_ID.test(id)) return;
  const target = document.getElementById(id);
  if (!target) return;
  marked = target;
  // Restart the arrival highlight even when the same paragraph is linked twice.
  void target.offsetWidth;
  target.classList.add('is-target');
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

if (article) {
  addCopyButtons(article);
  window.addEventListener('hashchange', arrive);
  arrive();
}
