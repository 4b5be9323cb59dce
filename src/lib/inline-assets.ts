/**
 * A built page made self-contained: its stylesheets and scripts written into it, so the
 * browser has nothing to fetch before it can lay the page out and run it. For a page whose first
 * view must be quick from a cold start (the search page, which links shared as `search/?q=…`
 * open): each file it waits for is a request, and on a busy machine each request costs more
 * than its bytes. Other pages keep the files, which the browser caches across pages.
 *
 *   <html data-inline-assets …>                     the mark (BaseLayout's `selfContained`), removed
 *   <link rel="stylesheet" href="X.css">            → <style>(X.css)</style>, in its place
 *   <script defer src="X.js"></script>             → <script>(X.js)</script>, at the end of <body>
 *                                                     (where the document before it is parsed, as
 *                                                     a deferred script expects)
 *   <script src="X.js"></script>                   → <script>(X.js)</script>, in its place (a
 *                                                     script that blocks the parser runs where it
 *                                                     stands: the search page's engine and index
 *                                                     manifest, in <head>, so the page's query is
 *                                                     answered before the page is first laid out)
 *
 * and the page's Content-Security-Policy (`<meta http-equiv>`) allows each by its hash, in
 * `style-src` and `script-src`: nothing else inline becomes allowed. Pages without the mark are
 * returned unchanged.
 */
import { hashSource, withSources } from './csp.ts';

export const INLINE_ASSETS_MARK = 'data-inline-assets';

/** Reads a file the page refers to (its URL as written in the page); undefined if there is none. */
export type ReadAsset = (url: string) => string | undefined;

const MARK = new RegExp(`(<html\\b[^>]*?)\\s${INLINE_ASSETS_MARK}(?:="")?(?=[\\s>])`, 'u');
const STYLESHEET = /<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="([^"]+)"[^>]*>/gu;
const DEFERRED_SCRIPT = /<script\b(?=[^>]*\sdefer\b)[^>]*\bsrc="([^"]+)"[^>]*><\/script>/gu;
/** A classic script with a source that neither waits (defer, async) nor is a module. */
const BLOCKING_SCRIPT = /<script\b(?![^>]*\s(?:defer|async)\b)(?![^>]*\stype="module")[^>]*\bsrc="([^"]+)"[^>]*><\/script>/gu;
const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/iu;

export function inlineAssets(html: string, read: ReadAsset, page = 'page'): string {
  if (!MARK.test(html)) return html;
  const asset = (url: string, kind: 'style' | 'script'): string => {
    const text = read(url);
    if (text === undefined) throw new Error(`inline assets: ${page} refers to ${url}, which the build did not write`);
    const closing = kind === 'style' ? /<\/style/iu : /<\/script|<!--/iu;
    if (closing.test(text)) throw new Error(`inline assets: ${url} cannot be written into ${page} (it contains "${kind === 'style' ? '</style' : '</script" or "<!--'}")`);
    return text.trim();
  };
  const styles: string[] = [];
  const scripts: string[] = [];
  let out = html.replace(MARK, '$1');
  out = out.replace(STYLESHEET, (_tag, url: string) => {
    const css = asset(url, 'style');
    styles.push(css);
    return `<style>${css}</style>`;
  });
  out = out.replace(BLOCKING_SCRIPT, (_tag, url: string) => {
    const code = asset(url, 'script');
    scripts.push(code);
    return `<script>${code}</script>`;
  });
  const deferred: string[] = [];
  out = out.replace(DEFERRED_SCRIPT, (_tag, url: string) => {
    deferred.push(asset(url, 'script'));
    return '';
  });
  scripts.push(...deferred);
  if (deferred.length > 0) {
    const end = out.lastIndexOf('</body>');
    if (end === -1) throw new Error(`inline assets: ${page} has no </body> to write its scripts before`);
    out = `${out.slice(0, end)}${deferred.map((code) => `<script>${code}</script>`).join('')}${out.slice(end)}`;
  }
  if (styles.length + scripts.length > 0) {
    if (!CSP_META.test(out)) throw new Error(`inline assets: ${page} has no Content-Security-Policy meta element to allow its inline code in`);
    out = out.replace(CSP_META, (_m, open: string, policy: string, close: string) => {
      let next = withSources(policy, 'style-src', styles.map(hashSource));
      next = withSources(next, 'script-src', scripts.map(hashSource));
      return `${open}${next}${close}`;
    });
  }
  return out;
}
