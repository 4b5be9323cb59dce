/**
 * Records what each pass changed, ftfy-style, so `--explain` and the build report can say it.
 * A pass that changed nothing records nothing.
 */

/** One thing a pass did, at one place. */
export interface Change {
  pass: string;
  count: number;
  file?: string;
  line?: number;
  /** A short example of the change, `before → after`, when the pass can give one. */
  example?: string;
}

/** Collects changes; attribution to articles happens at report time, through the line map. */
export class Explainer {
  readonly changes: Change[] = [];

  /** Record `count` changes by `pass`; zero counts are ignored. */
  record(change: Change): void {
    if (change.count > 0) this.changes.push(change);
  }

  /** Totals per pass, in first-seen order. */
  totals(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const c of this.changes) totals.set(c.pass, (totals.get(c.pass) ?? 0) + c.count);
    return totals;
  }
}

/** Shorten a text for an example: at most `max` characters, with an ellipsis. */
export function clip(text: string, max = 24): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
