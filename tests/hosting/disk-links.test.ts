import { describe, expect, it } from 'vitest';
import { folderIndex } from '../../src/scripts/disk-links.ts';

describe('folderIndex (links for a site opened from disk)', () => {
  it('adds index.html to relative folder links, keeping query and fragment', () => {
    expect(folderIndex('../articles/x/#p-1a2b3c')).toBe('../articles/x/index.html#p-1a2b3c');
    expect(folderIndex('./')).toBe('./index.html');
    expect(folderIndex('../../')).toBe('../../index.html');
    expect(folderIndex('search/?q=雪龙')).toBe('search/index.html?q=雪龙');
  });

  it('leaves files, fragments, queries and full URLs as they are', () => {
    for (const href of ['#main', '?q=x', '../rss.xml', '_astro/a.css', 'https://example.org/', 'mailto:a@b.c', 'file:///x/', '']) {
      expect(folderIndex(href)).toBe(href);
    }
  });
});
