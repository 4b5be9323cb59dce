/**
 * Pure ordering helpers for the article list, free of `astro:content` so tests can import them.
 */

/** The fields the order looks at. */
export interface Sortable {
  id: string;
  data: { title: string; date?: string | undefined };
}

/** An item with its neighbours in list order. */
export interface WithNeighbours<T> {
  item: T;
  /** The item before this one in the list (newer, or earlier by title), if any. */
  prev: T | undefined;
  /** The item after this one in the list (older, or later by title), if any. */
  next: T | undefined;
}

const titleCollator = new Intl.Collator('zh-Hans-CN');

/**
 * Newest first; undated items after all dated ones; then by title (Chinese collation);
 * then by id, so the order never depends on the file system.
 */
export function compareArticles(a: Sortable, b: Sortable): number {
  const da = a.data.date;
  const db = b.data.date;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? 1 : -1;
  }
  return (
    titleCollator.compare(a.data.title, b.data.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A sorted copy of `items`; the input is left as it is. */
export function sortArticles<T extends Sortable>(items: readonly T[]): T[] {
  return [...items].sort(compareArticles);
}

/** Pair every item of an already sorted list with its neighbours. */
export function withNeighbours<T>(sorted: readonly T[]): WithNeighbours<T>[] {
  return sorted.map((item, i) => ({ item, prev: sorted[i - 1], next: sorted[i + 1] }));
}
