/** URLs of the classic scripts bundled by src/integrations/client-scripts.ts, by entry name. */
declare module 'virtual:client-scripts' {
  const scripts: { readonly site: string; readonly engine: string; readonly searchBoot: string };
  export default scripts;
}
