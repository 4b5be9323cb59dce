import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { assertInlineSafe, bundle, clientScripts, hashedName } from '../../src/integrations/client-scripts.ts';

describe('client scripts', () => {
  it.each([
    ['site', 'src/scripts/site.ts'],
    ['engine', 'src/scripts/search-worker.ts'],
  ])('bundles %s into one classic script (no import, export or import.meta, which file: pages refuse)', async (_, entry) => {
    const code = await bundle(entry);
    // A classic script parses; a module's syntax would throw here.
    expect(() => new Script(code, { filename: entry })).not.toThrow();
    expect(code).not.toMatch(/\bimport\.meta\b|\bimport\(/u);
    expect(code.length).toBeGreaterThan(1000);
  });

  it('bundles the same way twice, and names files by content', async () => {
    const [a, b] = await Promise.all([bundle('src/scripts/site.ts'), bundle('src/scripts/site.ts')]);
    expect(a).toBe(b);
    expect(hashedName('site', a)).toMatch(/^site\.[0-9a-f]{8}\.js$/u);
    expect(hashedName('site', a)).toBe(hashedName('site', b));
    expect(hashedName('site', `${a};`)).not.toBe(hashedName('site', a));
  });

  it('keeps the search engine out of the site script', async () => {
    const site = await bundle('src/scripts/site.ts');
    const engine = await bundle('src/scripts/search-worker.ts');
    // Fuse.js is the engine's; the page script only talks to it.
    expect(engine).toMatch(/Fuse/u);
    expect(site).not.toMatch(/Fuse/u);
  });

  it('writes the search page\'s early start inline: a small classic script that cannot end its <script> element', async () => {
    const code = await bundle('src/scripts/search-boot.ts');
    expect(() => new Script(code, { filename: 'search-boot.ts' })).not.toThrow();
    expect(assertInlineSafe('searchBoot', code)).toBe(code);
    // The engine stays out of it: only the connection that loads the engine's script.
    expect(code).not.toMatch(/Fuse/u);
    expect(code.length).toBeLessThan(4000);
    expect(() => assertInlineSafe('x', 'a = "</SCRIPT>";')).toThrow(/x cannot be written inline/u);
    expect(() => assertInlineSafe('x', 'a = "<!--";')).toThrow(/x cannot be written inline/u);
    expect(() => clientScripts({ site: 'src/scripts/site.ts' }, { inline: ['boot'] })).toThrow(/boot is not among the entries/u);
  });
});
