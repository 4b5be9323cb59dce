/** Where a page registers the service worker: `sw.js` at the site root, scoped to all of it. */
import { describe, expect, it } from 'vitest';
import { serviceWorkerTarget } from '../../src/scripts/offline.ts';

describe('serviceWorkerTarget', () => {
  it('finds sw.js at the site root from any page, under any base path', () => {
    expect(serviceWorkerTarget('../../', 'https://example.org/articles/x/')).toEqual({
      script: 'https://example.org/sw.js',
      scope: 'https://example.org/',
    });
    expect(serviceWorkerTarget('../../../', 'https://example.org/baoku/en/articles/x/#p-1a2b3c')).toEqual({
      script: 'https://example.org/baoku/sw.js',
      scope: 'https://example.org/baoku/',
    });
    expect(serviceWorkerTarget('../', 'http://127.0.0.1:4321/a/b/search/?q=%E9%9B%AA%E9%BE%99')).toEqual({
      script: 'http://127.0.0.1:4321/a/b/sw.js',
      scope: 'http://127.0.0.1:4321/a/b/',
    });
  });

  it('takes a root-relative site root as it is (404.html keeps those)', () => {
    expect(serviceWorkerTarget('/baoku/', 'https://example.org/baoku/missing/page/')).toEqual({
      script: 'https://example.org/baoku/sw.js',
      scope: 'https://example.org/baoku/',
    });
  });
});
