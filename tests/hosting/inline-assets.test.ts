import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withSources } from '../../src/lib/csp.ts';
import { inlineAssets } from '../../src/lib/inline-assets.ts';
import { inlinePageAssets } from '../../src/integrations/inline-assets.ts';

const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policyOf = (html: string): Map<string, string[]> =>
  new Map(
    /content-security-policy" content="([^"]*)"/u
      .exec(html)![1]!
      .split('; ')
      .map((d) => d.split(' '))
      .map(([name, ...values]) => [name!, values]),
  );

const CSS = 'body{color:#111}.a>b{margin:0}';
const JS = 'document.documentElement.dataset.ran=String(1<2);';
const page = (mark = ' data-inline-assets'): string =>
  `<!DOCTYPE html><html lang="zh-Hans" data-site-root-url="../"${mark}><head><meta charset="utf-8">` +
  `<meta http-equiv="content-security-policy" content="${contentSecurityPolicy(['boot()'])}">` +
  `<script>boot()</script><script defer src="../_astro/site.1.js"></script>` +
  `<link rel="stylesheet" href="../_astro/Base.2.css"></head><body><main><p>正文</p></main></body></html>`;
const files: Record<string, string> = { '../_astro/site.1.js': `${JS}\n`, '../_astro/Base.2.css': CSS };
const read = (url: string): string | undefined => files[url];

describe('inline assets (a self-contained page)', () => {
  it('writes the stylesheet in its place and the deferred script at the end of <body>, each allowed by its hash', () => {
    const out = inlineAssets(page(), read, 'search/index.html');
    expect(out).not.toMatch(/<link rel="stylesheet"|src="\.\.\/_astro\/site|data-inline-assets/u);
    expect(out).toContain(`<style>${CSS}</style></head>`);
    expect(out).toContain(`<main><p>正文</p></main><script>${JS}</script></body>`);
    const policy = policyOf(out);
    expect(policy.get('style-src')).toEqual(["'self'", sha(CSS)]);
    expect(policy.get('script-src')).toEqual(["'self'", sha('boot()'), sha(JS)]);
    // Nothing else changed: the early inline script stays first, in <head>.
    expect(out.indexOf('<script>boot()</script>')).toBeLessThan(out.indexOf('<style>'));
  });

  it('writes a script the parser waits for in its place, allowed by its hash; one that waits (defer, async, module) is not written there', () => {
    const ENGINE = 'globalThis.engine=1;';
    const INDEX = '(globalThis.index??={})["manifest"]={"t":"\\u003c/script>"};';
    const html = page()
      .replace('<script>boot()</script>', '<script src="../_astro/engine.3.js"></script><script src="../search-index/manifest.js"></script><script>boot()</script>')
      .replace('</main>', '</main><script async src="../_astro/late.4.js"></script><script type="module" src="../_astro/m.5.js"></script>');
    const out = inlineAssets(html, (url) => ({ ...files, '../_astro/engine.3.js': ENGINE, '../search-index/manifest.js': `${INDEX}\n` })[url], 'search/index.html');
    // In order, first in <head>, before the early start that uses them.
    expect(out).toContain(`<script>${ENGINE}</script><script>${INDEX}</script><script>boot()</script>`);
    expect(out).toContain('<script async src="../_astro/late.4.js"></script><script type="module" src="../_astro/m.5.js"></script>');
    expect(out).toContain(`</main><script async src="../_astro/late.4.js"></script><script type="module" src="../_astro/m.5.js"></script><script>${JS}</script></body>`);
    expect(policyOf(out).get('script-src')).toEqual(["'self'", sha('boot()'), sha(ENGINE), sha(INDEX), sha(JS)]);
  });

  it('leaves a page without the mark as it was', () => {
    const html = page('');
    expect(inlineAssets(html, read)).toBe(html);
  });

  it('names the page and the file the build did not write', () => {
    expect(() => inlineAssets(page(), (url) => (url.endsWith('.css') ? undefined : read(url)), 'en/search/index.html')).toThrow(
      /en\/search\/index\.html refers to \.\.\/_astro\/Base\.2\.css/u,
    );
  });

  it('refuses code that would end its element early', () => {
    expect(() => inlineAssets(page(), (url) => (url.endsWith('.js') ? 'a="</script>"' : read(url)))).toThrow(/site\.1\.js cannot be written into/u);
    expect(() => inlineAssets(page(), (url) => (url.endsWith('.css') ? 'a::after{content:"</style>"}' : read(url)))).toThrow(/Base\.2\.css cannot be written into/u);
  });

  it('adds sources to a directive once, and only to a directive the policy has', () => {
    const policy = "default-src 'self'; style-src 'self'";
    expect(withSources(policy, 'style-src', ["'sha256-a'", "'sha256-a'"])).toBe("default-src 'self'; style-src 'self' 'sha256-a'");
    expect(withSources(policy, 'style-src', [])).toBe(policy);
    expect(() => withSources(policy, 'script-src', ["'sha256-a'"])).toThrow(/no script-src/u);
  });
});

describe('inline assets over a built folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites the marked pages only, reading files relative to each page', async () => {
    dir = mkdtempSync(join(tmpdir(), 'inline-assets-'));
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'search'));
    mkdirSync(join(dir, 'about'));
    writeFileSync(join(dir, '_astro/site.1.js'), JS);
    writeFileSync(join(dir, '_astro/Base.2.css'), CSS);
    writeFileSync(join(dir, 'search/index.html'), page());
    writeFileSync(join(dir, 'about/index.html'), page(''));
    expect(await inlinePageAssets(dir)).toEqual(['search/index.html']);
    expect(readFileSync(join(dir, 'search/index.html'), 'utf8')).toContain(`<style>${CSS}</style>`);
    expect(readFileSync(join(dir, 'about/index.html'), 'utf8')).toBe(page(''));
  });

  it('does not read outside the output folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'inline-assets-'));
    mkdirSync(join(dir, 'search'));
    writeFileSync(join(dir, 'search/index.html'), page().replace('../_astro/Base.2.css', '../../outside.css'));
    writeFileSync(join(dir, '..', 'outside.css'), CSS);
    try {
      await expect(inlinePageAssets(dir)).rejects.toThrow(/search\/index\.html refers to \.\.\/\.\.\/outside\.css/u);
    } finally {
      rmSync(join(dir, '..', 'outside.css'), { force: true });
    }
  });
});
