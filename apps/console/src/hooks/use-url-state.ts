import { replaceSearch, useSearch } from '../router';

/** A list's filters and page as the address keeps them. */
export interface UrlState<F extends Record<string, string>> {
  filters: F;
  page: number;
  /** Changes some filters; a new filter starts again from the first page. */
  setFilters: (change: Partial<F>) => void;
  setPage: (page: number) => void;
}

const PAGE = 'page';

function read<F extends Record<string, string>>(search: string, defaults: F): { filters: F; page: number } {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, params.get(key) ?? fallback])) as F;
  const page = Number.parseInt(params.get(PAGE) ?? '', 10);
  return { filters, page: Number.isFinite(page) && page > 1 ? page : 1 };
}

/**
 * Filters kept in the query string (`?status=CLOSED&page=2`), so a filtered view can be bookmarked,
 * shared and reloaded, and back and forward restore it. A filter at its default is left out of the
 * address; parameters this page does not know are kept.
 */
export function useUrlState<F extends Record<string, string>>(defaults: F): UrlState<F> {
  const { filters, page } = read(useSearch(), defaults);

  const write = (next: F, nextPage: number) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) {
      if (value === defaults[key]) params.delete(key);
      else params.set(key, value);
    }
    if (nextPage > 1) params.set(PAGE, String(nextPage));
    else params.delete(PAGE);
    replaceSearch(params);
  };

  return {
    filters,
    page,
    // Read afresh from the address: two changes in one event must not undo each other.
    setFilters: (change) => write({ ...read(window.location.search, defaults).filters, ...change }, 1),
    setPage: (next) => write(read(window.location.search, defaults).filters, next),
  };
}
