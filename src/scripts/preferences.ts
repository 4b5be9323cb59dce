/**
 * A reader preference shown as a group of toggle buttons (one `aria-pressed` button per value,
 * e.g. `<button data-theme-value="dark">`),
 * stored in localStorage and applied as a `data-*` attribute on <html>. The default value is
 * stored as nothing and applied as no attribute, so CSS alone decides it (e.g. the system theme).
 * `reader-prefs-init.js` applies the stored values before paint; this module wires the buttons.
 */

export interface Preference<V extends string> {
  /** localStorage key. */
  key: string;
  /** Attribute set on <html>, e.g. `data-theme`. */
  attribute: string;
  /** Attribute of each button naming its value, e.g. `data-theme-value`. */
  buttonAttribute: string;
  /** Allowed values; `fallback` among them. */
  values: readonly V[];
  /** The value that is stored as absent and applied as no attribute. */
  fallback: V;
}

export const THEME = {
  key: 'baoku:theme',
  attribute: 'data-theme',
  buttonAttribute: 'data-theme-value',
  values: ['light', 'dark', 'system'],
  fallback: 'system',
} as const satisfies Preference<string>;

export const FONT_SIZE = {
  key: 'baoku:font-size',
  attribute: 'data-font-size',
  buttonAttribute: 'data-font-size-value',
  values: ['small', 'default', 'large'],
  fallback: 'default',
} as const satisfies Preference<string>;

/** The stored value, or the fallback when none (or storage is blocked). */
export function readPreference<V extends string>(pref: Preference<V>): V {
  try {
    const value = localStorage.getItem(pref.key);
    return pref.values.find((v) => v === value) ?? pref.fallback;
  } catch {
    return pref.fallback;
  }
}

/** Sets the attribute on <html> and remembers the value. */
export function applyPreference<V extends string>(pref: Preference<V>, value: V, store = true): void {
  const root = document.documentElement;
  if (value === pref.fallback) root.removeAttribute(pref.attribute);
  else root.setAttribute(pref.attribute, value);
  if (!store) return;
  try {
    if (value === pref.fallback) localStorage.removeItem(pref.key);
    else localStorage.setItem(pref.key, value);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

/**
 * Wires a button group: each button inside `group` with `pref.buttonAttribute` selects its value. Shows the
 * group (it is rendered `hidden`, for readers without scripts) and follows changes made in other tabs.
 */
export function bindPreferenceButtons<V extends string>(group: HTMLElement, pref: Preference<V>): void {
  const buttons = [...group.querySelectorAll<HTMLButtonElement>(`button[${pref.buttonAttribute}]`)];
  const valueOf = (button: HTMLButtonElement): string | null => button.getAttribute(pref.buttonAttribute);
  const show = (value: V): void => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(valueOf(button) === value));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const value = pref.values.find((v) => v === valueOf(button));
      if (value === undefined) return;
      applyPreference(pref, value);
      show(value);
    });
  }
  window.addEventListener('storage', (event) => {
    if (event.key !== pref.key && event.key !== null) return;
    const value = readPreference(pref);
    applyPreference(pref, value, false);
    show(value);
  });
  show(readPreference(pref));
  group.hidden = false;
}
