/**
 * The reader's choice of Chinese, English or both in parallel text, as a group of `aria-pressed`
 * buttons; remembered in localStorage and applied as `data-parallel-view` on <html> (absent means
 * both, which is also what readers without scripts see). Built on the site's reader preferences.
 */
import { applyPreference, bindPreferenceButtons, readPreference, type Preference } from './preferences.ts';

export const PARALLEL_VIEW = {
  key: 'baoku:parallel-view',
  attribute: 'data-parallel-view',
  buttonAttribute: 'data-parallel-view-value',
  values: ['both', 'zh', 'en'],
  fallback: 'both',
} as const satisfies Preference<string>;

const group = document.querySelector<HTMLElement>('[data-parallel-view-control]');
if (group) {
  applyPreference(PARALLEL_VIEW, readPreference(PARALLEL_VIEW), false);
  bindPreferenceButtons(group, PARALLEL_VIEW);
}
