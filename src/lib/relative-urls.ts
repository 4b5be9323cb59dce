/**
 * Root-relative URLs in built HTML made relative to the page, so the site works wherever its
 * folder lands: under any sub-path, and opened from disk (`file:///…/dist/index.html`), where
 * `/_astro/x.css` would mean the root of the disk.
 *
 *   relativeUrl('/archive/en/', '/archive/articles/x/')            → '../../en/'
 *   relativeUrl('/archive/_astro/a.css', '/archive/')              → '_astro/a.css'
 *   relativeUrl('/archive/articles/x/#p-1', '/archive/articles/x/') → './#p-1'
 *
 * `relativizeHtml(html, pageDir, base)` rewrites the URL attributes of every tag (`href`, `src`,
 * `action`, `poster`, `srcset` and any `data-…-url`) whose value starts with the site's `base`;
 * full URLs (`https://…`: canonical, OpenGraph), fragments and anything outside the base stay.
 * It reads tags with a scanner for the HTML Astro writes (attribute values quoted, and they may
 * hold a raw `<`; `<` in text and JSON-LD escaped), not a full parser: it is fast, and leaves
 * every other byte as it was.
 */

/** The directory URL path of a page, e.g. `/archive/articles/x/` for `articles/x/index.html`. */
export function pageDirectory(base: string, file: string): string {
  const slash = file.lastIndexOf('/');
  return `${withSlash(base)}${slash === -1 ? '' : file.slice(0, slash + 1)}`;
}

const withSlash = (path: string): string => (path.endsWith('/') ? path : `${path}/`);

/** `target` (a root-relative URL path, maybe with `?query` / `#fragment`) relative to the directory `from`. */
export function relativeUrl(target: string, from: string): string {
  const cut = target.search(/[?#]/u);
  const path = cut === -1 ? target : target.slice(0, cut);
  const rest = cut === -1 ? '' : target.slice(cut);
  const to = path.split('/');
  const file = to.pop()!; // '' for a folder
  const here = withSlash(from).split('/');
  here.pop();
  let common = 0;
  while (common < to.length && common < here.length && to[common] === here[common]) common++;
  const up = here.length - common;
  const down = to.slice(common);
  const relative = `${'../'.repeat(up)}${down.map((d) => `${d}/`).join('')}${file}`;
  return `${relative === '' ? './' : relative}${rest}`;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'srcset']);
const isUrlAttribute = (name: string): boolean => URL_ATTRIBUTES.has(name) || (name.startsWith('data-') && name.endsWith('-url'));

/** A start tag: name, then attributes (values quoted, or bare without spaces, quotes or `>`). */
const TAG = /<[a-zA-Z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gu;
const ATTRIBUTE = /(\s)([^\s"'>/=]+)(\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gu;
/**
 * A comment or a start tag, read left to right: a tag is read whole, so a `<script>` or `<!--`
 * inside an attribute value (a headline quoting code, in `<meta content>`) is not taken for one.
 */
const TOKEN = new RegExp(`<!--[\\s\\S]*?-->|${TAG.source}`, 'gu');
/** Elements whose content is raw text: skipped to their end tag, so nothing inside looks like a tag. */
const RAW_TEXT_START = /^<(script|style)\b/iu;

/** Rewrites one attribute value: root-relative URLs under `base` become relative to `from`. */
function rewriteValue(name: string, value: string, from: string, base: string): string {
  const one = (url: string): string => (url.startsWith(base) && !url.startsWith('//') ? relativeUrl(url, from) : url);
  if (name !== 'srcset') return one(value);
  return value
    .split(',')
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/u, (_, space: string, url: string) => space + one(url)))
    .join(',');
}

/** Rewrites the attributes of one start tag. */
function rewriteTag(tag: string, from: string, base: string): string {
  return tag.replace(ATTRIBUTE, (whole, space: string, rawName: string, eq: string, quoted: string, dq?: string, sq?: string, bare?: string) => {
    const name = rawName.toLowerCase();
    if (!isUrlAttribute(name)) return whole;
    const value = dq ?? sq ?? bare ?? '';
    const next = rewriteValue(name, value, from, base);
    if (next === value) return whole;
    const quote = quoted[0] === "'" ? "'" : '"';
    return `${space}${rawName}${eq}${quote}${next}${quote}`;
  });
}

/** The page's HTML with its URLs under `base` relative to `pageDir` (see `pageDirectory`). */
export function relativizeHtml(html: string, pageDir: string, base: string): string {
  const root = withSlash(base);
  const token = new RegExp(TOKEN.source, TOKEN.flags);
  let out = '';
  let at = 0;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    out += html.slice(at, m.index);
    at = token.lastIndex;
    if (m[0].startsWith('<!--')) {
      out += m[0];
      continue;
    }
    out += rewriteTag(m[0], pageDir, root);
    const raw = RAW_TEXT_START.exec(m[0]);
    if (raw) {
      const end = new RegExp(`</${raw[1]}\\s*>`, 'giu');
      end.lastIndex = at;
      const close = end.exec(html);
      token.lastIndex = close ? close.index : html.length;
      out += html.slice(at, token.lastIndex);
      at = token.lastIndex;
    }
  }
  return out + html.slice(at);
}
