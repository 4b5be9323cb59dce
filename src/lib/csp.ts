/**
 * The Content-Security-Policy every page carries (as `<meta http-equiv>`, so it holds on any
 * static host, and from disk): everything from the site itself, nothing inline, no eval.
 *
 *   script-src 'self'    the classic script files under `_astro/` (none inline: the reader's
 *                        settings are applied by a file too); JSON-LD is data, not script
 *   style-src 'self'     the CSS files (`build.inlineStylesheets: 'never'`), no style attributes
 *   worker-src 'self'    the search worker;  connect-src 'self'  the search index
 *   img-src 'self' data: the favicon and inline SVG data;  object-src 'none'  no plugins
 *   base-uri 'none'      no <base> can move relative links; form-action 'self'  the search forms
 *
 * `frame-ancestors` cannot be set from a meta element; a host that sends headers can add it.
 */
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

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
