import type { CaseCategoryList } from '../../../../../src/contracts/cases';
import { useApiQuery } from '../../../lib/query';

/** The ledger's categories as select options (大类 and 小类), and a code → name lookup. */
export function useCategories() {
  const q = useApiQuery<CaseCategoryList>(['case-categories'], '/case-categories', undefined, { staleTime: 300_000 });
  const items = q.data?.items ?? [];
  const options = items.map((c) => ({ value: c.code, label: `${c.level === 1 ? '' : '　'}${c.name}` }));
  const nameOf = (code: string) => items.find((c) => c.code === code)?.name ?? code;
  return { options, nameOf };
}
