/**
 * Compile-time check (run by `npm run check`) that the content schema in
 * `src/content.config.ts` and the normalizer's `ArticleMeta` / `SourceRef` agree both ways.
 * Type-only: nothing here exists at run time.
 */
import type { ArticleMeta, SourceRef } from '../../scripts/normalize/types.ts';
import type { Article } from './articles.ts';

type Written = ArticleMeta & { sources: SourceRef[] };
type Read = Article['data'];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails to compile when a field is added, removed or retyped on one side only. */
export const schemaMatchesNormalizer: Same<Written, Read> = true;
