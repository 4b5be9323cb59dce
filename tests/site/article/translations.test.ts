import { describe, expect, it, vi } from 'vitest';
import { sourceHash } from '../../../src/lib/paragraph-id.ts';

// The loader half of translations.ts needs Astro; the logic under test does not.
vi.mock('astro:content', () => ({ getCollection: vi.fn() }));

const { checkTranslationFiles, outdatedWarnings, resolveTranslation } = await import('../../../src/data/translations.ts');
type TranslationFile = import('../../../src/data/translations.ts').TranslationFile;

const FILE = 'src/content/translations/en/a-1.json';
const paragraphs = [
  { id: 'p-aaaaaa', text: '第一段。' },
  { id: 'p-bbbbbb', text: '第二段。' },
  { id: 'p-cccccc', text: '第三段。' },
];

function file(entries: TranslationFile['data']['paragraphs'], extra: Partial<TranslationFile['data']> = {}): TranslationFile {
  return { file: FILE, data: { article: 'a-1', lang: 'en', paragraphs: entries, ...extra } };
}

describe('resolveTranslation', () => {
  it('marks a paragraph current when its hash is that of the Chinese now', () => {
    const t = resolveTranslation(file([{ id: 'p-aaaaaa', sourceHash: sourceHash('第一段。'), text: 'The first.' }]), paragraphs);
    expect(t.paragraphs.get('p-aaaaaa')).toEqual({ text: 'The first.', status: 'current' });
  });

  it('marks a paragraph outdated when the Chinese has changed since', () => {
    const t = resolveTranslation(file([{ id: 'p-bbbbbb', sourceHash: sourceHash('第二段，旧的。'), text: 'The second.' }]), paragraphs);
    expect(t.paragraphs.get('p-bbbbbb')?.status).toBe('outdated');
    expect(outdatedWarnings(t)).toEqual([`${FILE}: translation of p-bbbbbb is outdated (the Chinese paragraph has changed since)`]);
  });

  it('counts an entry with empty text as not translated', () => {
    const t = resolveTranslation(file([{ id: 'p-cccccc', sourceHash: sourceHash('第三段。'), text: '' }]), paragraphs);
    expect(t.paragraphs.size).toBe(0);
  });

  it('keeps title and summary, and leaves untranslated paragraphs out', () => {
    const t = resolveTranslation(file([], { title: 'A title', summary: 'In short.' }), paragraphs);
    expect(t).toMatchObject({ file: FILE, lang: 'en', title: 'A title', summary: 'In short.' });
    expect(t.paragraphs.has('p-aaaaaa')).toBe(false);
  });

  it('fails on a paragraph id the article does not have, naming the file and the id', () => {
    expect(() => resolveTranslation(file([{ id: 'p-dddddd', sourceHash: '00000000', text: 'Lost.' }]), paragraphs)).toThrowError(
      new RegExp(`^${FILE}: paragraph id "p-dddddd" is not in article "a-1"`, 'u'),
    );
  });

  it('fails on an unknown id even when its text is empty', () => {
    expect(() => resolveTranslation(file([{ id: 'p-dddddd', sourceHash: '00000000', text: '' }]), paragraphs)).toThrowError(/p-dddddd/u);
  });
});

describe('checkTranslationFiles', () => {
  it('accepts files that name existing articles in their own file and folder', () => {
    expect(() => checkTranslationFiles([file([])], new Set(['a-1']))).not.toThrow();
  });

  it('fails on a translation of an unknown article, naming the file and the slug', () => {
    expect(() => checkTranslationFiles([file([])], new Set(['b-2']))).toThrowError(`${FILE}: translation of unknown article "a-1"`);
  });

  it('fails when the file name and "article" disagree', () => {
    const wrong = { ...file([]), file: 'src/content/translations/en/b-2.json' };
    expect(() => checkTranslationFiles([wrong], new Set(['a-1', 'b-2']))).toThrowError(/b-2\.json: "article" is "a-1"/u);
  });

  it('fails when the folder and "lang" disagree', () => {
    const wrong = { ...file([]), file: 'src/content/translations/fr/a-1.json' };
    expect(() => checkTranslationFiles([wrong], new Set(['a-1']))).toThrowError(/folder "fr\/"/u);
  });
});
