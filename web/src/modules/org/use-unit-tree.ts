import { useCallback, useEffect, useRef, useState } from 'react';
import { orgApi, type Unit } from './api';

export interface UnitTreeState {
  units: Record<string, Unit>;
  /** parentId → child ids, present once the children were loaded. */
  children: Record<string, string[]>;
  /** null until the scope roots arrived. */
  roots: string[] | null;
}

const empty: UnitTreeState = { units: {}, children: {}, roots: null };

/**
 * A lazily loaded slice of the organisation tree: the caller's scope roots, and the children
 * of each unit once asked for. Shared by the 组织机构 tree and the unit pickers.
 */
export function useUnitTree(options: { includeRetired?: boolean } = {}) {
  const includeRetired = !!options.includeRetired;
  const [state, setState] = useState<UnitTreeState>(empty);
  const stateRef = useRef(state);
  stateRef.current = state;
  const inflight = useRef(new Map<string, Promise<Unit[]>>());
  const [error, setError] = useState<unknown>(null);

  const loadRoots = useCallback(async () => {
    try {
      const { items } = await orgApi.listUnits({ includeRetired });
      setState((s) => ({
        units: { ...s.units, ...Object.fromEntries(items.map((u) => [u.id, u])) },
        children: s.children,
        roots: items.map((u) => u.id),
      }));
      setError(null);
      return items;
    } catch (e) {
      setError(e);
      setState((s) => ({ ...s, roots: s.roots ?? [] }));
      return [];
    }
  }, [includeRetired]);

  useEffect(() => {
    inflight.current.clear();
    setState(empty);
    void loadRoots();
  }, [loadRoots]);

  const loadChildren = useCallback(
    async (parentId: string, force = false): Promise<Unit[]> => {
      const known = stateRef.current.children[parentId];
      if (known && !force) return known.map((id) => stateRef.current.units[id]).filter(Boolean);
      const running = inflight.current.get(parentId);
      if (running && !force) return running;
      const p = orgApi
        .listUnits({ parentId, includeRetired })
        .then(({ items }) => {
          setState((s) => ({
            units: { ...s.units, ...Object.fromEntries(items.map((u) => [u.id, u])) },
            children: { ...s.children, [parentId]: items.map((u) => u.id) },
            roots: s.roots,
          }));
          return items;
        })
        .finally(() => inflight.current.delete(parentId));
      inflight.current.set(parentId, p);
      return p;
    },
    [includeRetired],
  );

  /** Loads every level along a root-first path so its last unit shows in the tree. */
  const revealPath = useCallback(
    async (path: Unit[]) => {
      const roots = stateRef.current.roots ?? (await loadRoots()).map((u) => u.id);
      const start = path.findIndex((u) => roots.includes(u.id));
      const visible = start >= 0 ? path.slice(start) : path;
      for (const u of visible.slice(0, -1)) await loadChildren(u.id);
      return visible;
    },
    [loadChildren, loadRoots],
  );

  /** Replaces a unit that changed (renamed, retired, …) without reloading its level. */
  const upsert = useCallback((unit: Unit) => {
    setState((s) => ({ ...s, units: { ...s.units, [unit.id]: unit } }));
  }, []);

  return { ...state, error, loadRoots, loadChildren, revealPath, upsert };
}

export type UnitTree = ReturnType<typeof useUnitTree>;
