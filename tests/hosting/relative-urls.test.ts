import { describe, expect, it } from 'vitest';
import { pageDirectory, relativeUrl, relativizeHtml } from '../../src/lib/relative-urls.ts';

describe('relativeUrl', () => {
  it('walks up and down from the page to the target', () => {
    expect(relativeUrl('/archive/en/', '/archive/articles/x/')).toBe('../../en/');
    expect(relativeUrl('/archive/_astro/a.css', '/archive/')).toBe('_astro/a.css');
    expect(relativeUrl('/archive/articles/y/#p-1a2b3c', '/archive/articles/x/')).toBe('../y/#p-1a2b3c');
    expect(relativeUrl('/en/search/?q=a%20b', '/en/')).toBe('search/?q=a%20b');
  });

  it('names the page itself and the root as ./ and ../', () => {
    expect(relativeUrl('/archive/articles/x/', '/archive/articles/x/')).toBe('./');
    expect(relativeUrl('/archive/articles/x/#p-1', '/archive/articles/x/')).toBe('./#p-1');
    expect(relativeUrl('/', '/en/')).toBe('../');
    expect(relativeUrl('/?q=1', '/')).toBe('./?q=1');
  });

  it('keeps folder names that only share a prefix apart', () => {
    expect(relativeUrl('/articles-old/a/', '/articles/a/')).toBe('../../articles-old/a/');
  });
});

describe('pageDirectory', () => {
  it('is the folder URL of an output file under the base', () => {
    expect(pageDirectory('/', 'index.html')).toBe('/');
    expect(pageDirectory('/archive', 'en/articles/x/index.html')).toBe('/archive/en/articles/x/');
  });
});

describe('relativizeHtml', () => {
  const page = '/archive/articles/x/';
  const base = '/archive/';

  it('rewrites href, src, action, srcset and data-…-url under the base (a bare value comes back quoted)', () => {
    const html =
      '<html data-site-root-url="/archive/" data-root="/archive/"><link rel="stylesheet" href="/archive/_astro/a.css">' +
      '<script defer src="/archive/_astro/site.1.js"></script><a href="/archive/en/articles/x/#p-1">x</a>' +
      '<form action="/archive/search/" method="get"></form><img srcset="/archive/a.png 1x, /archive/b.png 2x" src=/archive/a.png>';
    expect(relativizeHtml(html, page, base)).toBe(
      '<html data-site-root-url="../../" data-root="/archive/"><link rel="stylesheet" href="../../_astro/a.css">' +
        '<script defer src="../../_astro/site.1.js"></script><a href="../../en/articles/x/#p-1">x</a>' +
        '<form action="../../search/" method="get"></form><img srcset="../../a.png 1x, ../../b.png 2x" src="../../a.png">',
    );
  });

  it('leaves full URLs, fragments, other paths and non-URL attributes alone', () => {
    const html =
      '<link rel="canonical" href="https://example.org/archive/articles/x/"><a href="#main">skip</a>' +
      '<a href="/elsewhere/">out</a><a href="//cdn.example/archive/">cdn</a><meta content="/archive/x/" name="a"><p title="/archive/">t</p>';
    expect(relativizeHtml(html, page, base)).toBe(html);
  });

  it('does not touch text, script or style content, or comments, that look like tags', () => {
    const html =
      '<script type="application/ld+json">{"url":"/archive/x/","a":"<a href=\\"/archive/\\">"}</script>' +
      '<style>a[href="/archive/"]{color:red}</style><!-- <a href="/archive/"> --><p>&lt;a href="/archive/"&gt;</p>' +
      '<a href="/archive/">home</a>';
    expect(relativizeHtml(html, page, base)).toBe(html.replace('<a href="/archive/">home', '<a href="../../">home'));
  });

  it('reads a tag whole: a <script> inside an attribute value starts nothing', () => {
    const html = '<meta name="description" content="写下“<script>”标签"><link rel="icon" href="/archive/_astro/f.svg"><script src="/archive/_astro/a.js"></script>';
    expect(relativizeHtml(html, page, base)).toBe(html.replace('/archive/_astro/f.svg', '../../_astro/f.svg').replace('/archive/_astro/a.js', '../../_astro/a.js'));
  });

  it('reads attribute values that hold > and quotes of the other kind', () => {
    const html = `<form data-strings='{"a":"x > y"}' action="/archive/search/"><a title="a > b" href="/archive/about/">a</a></form>`;
    expect(relativizeHtml(html, page, base)).toBe(`<form data-strings='{"a":"x > y"}' action="../../search/"><a title="a > b" href="../../about/">a</a></form>`);
  });

  it('works with the root base', () => {
    expect(relativizeHtml('<a href="/en/">en</a>', '/', '/')).toBe('<a href="en/">en</a>');
  });
});
