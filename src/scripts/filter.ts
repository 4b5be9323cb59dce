/**
 * Filters for the home page's article list, all in the page: every article is in the HTML, and
 * this script hides the ones that do not match the `<select>`s of the filter form. Each select
 * named N matches items by their `data-N` attribute; an empty value matches everything. The
 * state lives in the query string (`?kind=news&month=2024-03`), so a filtered list can be shared.
 * Without scripts the form stays hidden and the whole list shows.
 */

/** Whether an item matches every chosen filter value. */
export function matches(item: HTMLElement, chosen: ReadonlyMap<string, string>): boolean {
  for (const [name, value] of chosen) if (value !== '' && item.dataset[name] !== value) return false;
  return true;
}

function init(form: HTMLFormElement, list: HTMLElement): void {
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];
  const items = [...list.querySelectorAll<HTMLElement>('[data-filter-item]')];
  // Innermost groups first, so a publication is hidden only after its dates were looked at.
  const groups = [...list.querySelectorAll<HTMLElement>('[data-filter-group]')].reverse();
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const empty = list.querySelector<HTMLElement>('[data-filter-empty]');

  const chosen = (): Map<string, string> => new Map(selects.map((s) => [s.name, s.value]));

  const apply = (): void => {
    const filters = chosen();
    let shown = 0;
    for (const item of items) {
      const visible = matches(item, filters);
      item.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector('[data-filter-item]:not([hidden])');
    }
    if (empty) empty.hidden = shown > 0;
    if (status) {
      const template = status.dataset.template ?? '{shown}/{total}';
      const text = template.replace('{shown}', String(shown)).replace('{total}', String(items.length));
      // Rewriting the same words would make some screen readers announce them again.
      if (status.textContent?.trim() !== text) status.textContent = text;
    }
  };

  const writeUrl = (): void => {
    const url = new URL(window.location.href);
    for (const select of selects) {
      if (select.value) url.searchParams.set(select.name, select.value);
      else url.searchParams.delete(select.name);
    }
    history.replaceState(history.state, '', url);
  };

  const readUrl = (): void => {
    const params = new URLSearchParams(window.location.search);
    for (const select of selects) {
      const value = params.get(select.name) ?? '';
      // An unknown value (an old link, a typo) falls back to "all".
      select.value = [...select.options].some((o) => o.value === value) ? value : '';
    }
  };

  form.addEventListener('change', () => {
    apply();
    writeUrl();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  // `reset` fires before the form's values are reset: read them after.
  form.addEventListener('reset', () => {
    setTimeout(() => {
      apply();
      writeUrl();
    });
  });
  window.addEventListener('popstate', () => {
    readUrl();
    apply();
  });

  readUrl();
  apply();
  form.hidden = false;
}

const form = document.querySelector<HTMLFormElement>('[data-article-filters]');
const list = document.querySelector<HTMLElement>('[data-article-list]');
if (form && list) init(form, list);
