import { useApiQuery, useInvalidate } from '../../lib/query';
import { casesApi, type CaseCategory } from './api';

let cache: Promise<CaseCategory[]> | null = null;

/** The case categories outside React (dialogs that load on open), fetched once per page load. */
export function loadCategories(force = false): Promise<CaseCategory[]> {
  if (!cache || force) {
    cache = casesApi.categories().then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

/** The case categories, read once and kept (call `reload` after an edit). */
export function useCategories(): { categories: CaseCategory[] | null; error: unknown; reload(): void } {
  const query = useApiQuery(['cases', 'categories'], () => loadCategories(), undefined, { staleTime: Infinity });
  const invalidate = useInvalidate();
  return {
    categories: query.error ? [] : (query.data ?? null),
    error: query.error,
    reload: () => {
      cache = null;
      void invalidate(['cases', 'categories']);
    },
  };
}

/** Tree-select data: 大类 with their 小类. */
export function categoryTree(categories: CaseCategory[], opts: { leavesOnly?: boolean; activeOnly?: boolean } = {}) {
  const list = opts.activeOnly ? categories.filter((c) => c.active) : categories;
  const tops = list.filter((c) => c.level === 1 || !c.parentCode);
  return tops.map((t) => ({
    value: t.code,
    title: `${t.code} ${t.name}`,
    label: t.name,
    selectable: !opts.leavesOnly,
    children: list
      .filter((c) => c.parentCode === t.code)
      .map((c) => ({ value: c.code, title: `${c.code} ${c.name}`, label: c.name, isLeaf: true })),
  }));
}
