/**
 * The Content-Security-Policy every page carries (as `<meta http-equiv>`, so it holds on any
 * static host, and from disk): everything from the site itself, nothing inline but hashed scripts and styles, no eval.
 *
 *   script-src 'self'    the classic script files under `_astro/`, and by their hashes the
 *                        inline scripts: on every page the one that applies the reader's
 *                        settings before the first paint (src/lib/inline-scripts.ts), on the
 *                        search page its early start (src/scripts/search-boot.ts); JSON-LD is
 *                        data, not script
 *   style-src 'self'     the CSS files (`build.inlineStylesheets: 'never'`), no style attributes;
 *                        by their hashes the stylesheets a self-contained page (the search page)
 *                        carries inline (src/lib/inline-assets.ts), which also moves its deferred
 *                        script inline
 *   worker-src 'self'    the search worker;  connect-src 'self'  the search index
 *   img-src 'self' data: the favicon and inline SVG data;  object-src 'none'  no plugins
 *   base-uri 'none'      no <base> can move relative links; form-action 'self'  the search forms
 *
 * `frame-ancestors` cannot be set from a meta element; a host that sends headers can add it.
 */
import { createHash } from 'node:crypto';

export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

/** `'sha256-…'`: the CSP source that allows one inline script or style whose text is exactly `text`. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The source that allows one inline script whose text is exactly `code`. */
export const scriptHash = hashSource;

/** `policy` with `sources` added to `directive` (which it must have), each once. */
export function withSources(policy: string, directive: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  let found = false;
  const next = policy.split(';').map((part) => {
    const tokens = part.trim().split(/\s+/u);
    if (tokens[0] !== directive) return part.trim();
    found = true;
    for (const source of sources) if (!tokens.includes(source)) tokens.push(source);
    return tokens.join(' ');
  });
  if (!found) throw new Error(`content security policy: no ${directive} directive to add ${sources.join(' ')} to`);
  return next.join('; ');
}

/** The policy, with `inlineScripts` (their exact text) allowed by hash. */
export function contentSecurityPolicy(inlineScripts: readonly string[] = []): string {
  const directives = { ...CSP_DIRECTIVES, 'script-src': [CSP_DIRECTIVES['script-src'], ...inlineScripts.map(scriptHash)].join(' ') };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
