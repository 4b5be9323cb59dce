import { expect } from 'vitest';
import type { TextFix } from '../../../scripts/normalize/types.ts';

/**
 * Check a text fix on a very large input: the output and the count are right. A mismatch is
 * reported as a short summary (same / length / count), not as a megabyte-long diff.
 */
export function expectFixOnBigInput(fix: TextFix, input: string, text: string, count: number): void {
  const got = fix(input);
  expect({ same: got.text === text, length: got.text.length, count: got.count }).toEqual({ same: true, length: text.length, count });
}
