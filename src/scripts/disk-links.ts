/**
 * Links for a site opened from disk (`file:///…/dist/index.html`). Pages link to folders
 * (`../articles/x/`), which a web server answers with the folder's `index.html`; from disk a
 * browser shows the folder's listing instead. On `file:` pages this adds `index.html` to every
 * such link and form action, and `diskHref` does the same for links made later (search results).
 * Over http nothing changes.
 */

export const onDisk = typeof location !== 'undefined' && location.protocol === 'file:';

/**
 * `href` with `index.html` after its last `/`, when it is a relative link to a folder (keeping
 * its `?query` and `#fragment`); anything else as it is.
 *
 *   folderIndex('../articles/x/#p-1a2b3c') → '../articles/x/index.html#p-1a2b3c'
 *   folderIndex('./')                      → './index.html'
 *   folderIndex('#main'), folderIndex('?q=x'), folderIndex('https://example.org/') → unchanged
 */
export function folderIndex(href: string): string {
  if (href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/iu.test(href)) return href;
  const cut = href.search(/[?#]/u);
  const path = cut === -1 ? href : href.slice(0, cut);
  const rest = cut === -1 ? '' : href.slice(cut);
  return path.endsWith('/') ? `${path}index.html${rest}` : href;
}

/** `folderIndex(href)` on pages opened from disk, `href` elsewhere. */
export function diskHref(href: string): string {
  return onDisk ? folderIndex(href) : href;
}

if (onDisk) {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) a.setAttribute('href', folderIndex(a.getAttribute('href')!));
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action]')) form.setAttribute('action', folderIndex(form.getAttribute('action')!));
}
