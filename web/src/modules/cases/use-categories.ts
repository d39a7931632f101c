import { useEffect, useState } from 'react';
import { casesApi, type CaseCategory } from './api';

let cache: Promise<CaseCategory[]> | null = null;

/** The case categories, fetched once per page load (call `reloadCategories` after an edit). */
export function loadCategories(force = false): Promise<CaseCategory[]> {
  if (!cache || force) {
    cache = casesApi.categories().then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export function useCategories(): { categories: CaseCategory[] | null; error: unknown; reload(): void } {
  const [categories, setCategories] = useState<CaseCategory[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [seq, setSeq] = useState(0);
  useEffect(() => {
    let stale = false;
    loadCategories(seq > 0)
      .then((c) => !stale && (setCategories(c), setError(null)))
      .catch((e) => !stale && (setError(e), setCategories([])));
    return () => {
      stale = true;
    };
  }, [seq]);
  return { categories, error, reload: () => setSeq((n) => n + 1) };
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
