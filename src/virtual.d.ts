/** The classic scripts bundled by src/integrations/client-scripts.ts, by entry name. */
declare module 'virtual:client-scripts' {
  /** URLs of the scripts loaded from files. */
  const scripts: { readonly site: string; readonly engine: string };
  export default scripts;
  /** The code of the scripts written into pages (allowed by hash in the Content-Security-Policy). */
  export const inline: { readonly searchBoot: string };
}
