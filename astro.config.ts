import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { inlineAssetsStep } from './src/integrations/inline-assets.ts';
import { relativeUrls } from './src/integrations/relative-urls.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import rehypeParagraphIds from './src/lib/rehype-paragraph-ids.ts';

/**
 * Where the site is served from, e.g. `/baoku/` on a project page. Set `BASE_PATH` at build
 * time; every link in `src/` is built from `import.meta.env.BASE_URL`, which follows it.
 */
const base = process.env.BASE_PATH?.trim() || '/';

export default defineConfig({
  // The origin the site will be served from, for canonical links, feeds and the sitemap (the only
  // absolute URLs it writes): `SITE_URL=https://archive.example npm run build`, or `--site`.
  site: process.env.SITE_URL?.trim() || 'https://example.org',
  base,
  trailingSlash: 'always',
  // Chinese is the default locale, served unprefixed; English under /en/.
  i18n: {
    locales: ['zh-Hans', 'en'],
    defaultLocale: 'zh-Hans',
    routing: { prefixDefaultLocale: false },
  },
  // `sitemap-index.xml` + `sitemap-0.xml` under `base`: every page in both locales, each with
  // its `xhtml:link` language alternates.
  integrations: [
    sitemap({
      i18n: { defaultLocale: 'zh-Hans', locales: { 'zh-Hans': 'zh-Hans', en: 'en' } },
    }),
    // The browser scripts as classic script files (they also run from file://, where module
    // scripts and workers are refused): `site` on every page, `engine` the search worker; and
    // `searchBoot`, the search page's early start, written into that page's <head>.
    clientScripts({ site: 'src/scripts/site.ts', engine: 'src/scripts/search-worker.ts', searchBoot: 'src/scripts/search-boot.ts' }, { inline: ['searchBoot'] }),
    // Then every URL in the pages relative to the page: any sub-path, or straight from disk.
    relativeUrls(),
    // Then the search page's stylesheet and script written into it: a shared `search/?q=…` link
    // opens with no request to wait for but the search engine and its index.
    inlineAssetsStep(),
    // Last, over the finished pages: `sw.js`, which precaches the site for reading offline.
    serviceWorker(),
  ],
  build: {
    // `articles/<slug>/index.html`, matching `trailingSlash: 'always'`.
    format: 'directory',
    // Keep CSS in files (no inline <style>), so a strict Content-Security-Policy stays possible.
    inlineStylesheets: 'never',
  },
  // Likewise scripts: Astro inlines small bundled <script>s below this limit; 0 keeps every one
  // in a file under `_astro/`.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Astro 7's default processor (Sätteri) does not run remark plugins: use unified explicitly.
    processor: unified({
      // CommonMark will not close `**“稳中求进”**工作` (punctuation before `**`, CJK after);
      // remark-cjk-friendly makes such emphasis work.
      remarkPlugins: [remarkCjkFriendly],
      // Stable `p-…` ids (and `class="para"`) on paragraphs, `h-…` on subheads: permalinks,
      // the table of contents and translations all key on them.
      rehypePlugins: [rehypeParagraphIds],
      // The normalizer's punctuation is final: no smart quotes, dashes or ellipses on top.
      smartypants: false,
    }),
    // News text has no code blocks; skip loading a highlighter.
    syntaxHighlight: false,
  },
});
