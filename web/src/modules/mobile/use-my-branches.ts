import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../app/auth';
import { cycleApi, type WeeklyGrid } from '../stars/cycle-api';
import { useCachedResource } from './lib/cache';

/** The party branches under the account's unit (a community has one), and the one picked. */
export function useMyBranches() {
  const me = useMe();
  const grid = useCachedResource<WeeklyGrid>(me.id, 'stars:my-branches', () => cycleApi.grid({ unitId: me.unitId }));
  const rows = useMemo(() => grid.data?.rows ?? [], [grid.data]);
  const [branchId, setBranchId] = useState<string>();
  useEffect(() => {
    if (!branchId && rows[0]) setBranchId(rows[0].branchId);
  }, [branchId, rows]);
  return { grid, rows, branchId, setBranchId, branch: rows.find((r) => r.branchId === branchId) };
}
