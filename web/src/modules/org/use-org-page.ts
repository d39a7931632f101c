import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../app/auth';
import { ApiError, errorText } from '../../lib/api';
import { useApiQuery, useInvalidate } from '../../lib/query';
import {
  orgApi,
  type BoundaryCollection,
  type BoundaryFeature,
  type LocateResult,
  type Unit,
  type UnitDetail,
} from './api';
import type { UnitChange } from './components/UnitActions';
import { useUnitTree } from './use-unit-tree';

const noBoundary = (e: unknown) => {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
};

/**
 * The selected unit, its boundary and its children's. Asks only for what is there: a unit without a
 * boundary, or the parent of a scope root (outside the scope), would answer 404.
 */
async function loadUnitView(id: string, atScopeRoot: boolean, signal: AbortSignal) {
  const detail = await orgApi.getUnit(id, signal);
  const [focus, childBoundaries] = await Promise.all([
    detail.hasBoundary ? orgApi.boundary(id, signal).catch(noBoundary) : null,
    orgApi.childBoundaries(id, signal).catch(noBoundary),
  ]);
  // A unit with nothing below it to draw is shown among its siblings.
  let context: BoundaryCollection | null = null;
  if (detail.parentId && !atScopeRoot && focus && !childBoundaries?.features.length) {
    const siblings = await orgApi.childBoundaries(detail.parentId, signal).catch(() => null);
    if (siblings) context = { ...siblings, features: siblings.features.filter((x) => x.properties?.id !== detail.id) };
  }
  return { detail, focus, childBoundaries, context };
}

/** The org page's state: the tree, the selected unit with its boundaries, locating a point, and changes. */
export function useOrgPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [includeRetired, setIncludeRetired] = useState(false);
  const tree = useUnitTree({ includeRetired });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);

  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<{ lng: number; lat: number; seq: number } | null>(null);
  const [locateResult, setLocateResult] = useState<LocateResult | null>(null);
  const [highlight, setHighlight] = useState<BoundaryFeature | null>(null);

  // First visit: select the first scope root and open it.
  useEffect(() => {
    if (selectedId || !tree.roots || tree.roots.length === 0) return;
    const root = tree.roots[0];
    setSelectedId(root);
    setExpandedKeys((k) => (k.includes(root) ? k : [...k, root]));
    void tree.loadChildren(root).catch(() => undefined);
  }, [tree.roots, selectedId, tree]);

  // Load the selected unit's detail and boundaries, and show them together (one map fit).
  const atScopeRoot = !!selectedId && !!tree.roots?.includes(selectedId);
  const view = useApiQuery(
    ['org', 'unit-view', selectedId, atScopeRoot],
    (signal) => loadUnitView(selectedId!, atScopeRoot, signal),
    undefined,
    { enabled: !!selectedId, toastError: true },
  );
  const invalidate = useInvalidate();
  const shown = view.error ? null : (view.data ?? null);
  const detail: UnitDetail | null = shown?.detail ?? null;
  const focus = shown?.focus ?? null;
  const childBoundaries = shown?.childBoundaries ?? null;
  const context = shown?.context ?? null;
  const detailLoading = view.loading;

  const expand = (ids: string[]) => setExpandedKeys((k) => [...new Set([...k, ...ids])]);

  const reveal = useCallback(
    async (path: Unit[]) => {
      try {
        const visible = await tree.revealPath(path);
        const last = visible[visible.length - 1];
        if (!last) return;
        expand(visible.slice(0, -1).map((u) => u.id));
        setSelectedId(last.id);
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [tree, message],
  );

  const selectById = useCallback(
    async (id: string) => {
      if (tree.units[id]) {
        setSelectedId(id);
        return;
      }
      try {
        const d = await orgApi.getUnit(id);
        await reveal([...d.ancestors, d]);
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [tree.units, reveal, message],
  );

  const onChildClick = useCallback(
    async (id: string) => {
      if (!selectedId) return;
      await tree.loadChildren(selectedId).catch(() => undefined);
      expand([selectedId]);
      setSelectedId(id);
    },
    [selectedId, tree],
  );

  const onLocateResult = useCallback((r: LocateResult | null) => {
    setLocateResult(r);
    setHighlight(null);
    if (r?.found && r.grid) {
      orgApi
        .boundary(r.grid.id)
        .then(setHighlight)
        .catch(() => setHighlight(null));
    }
  }, []);

  const refreshParentRecord = async (parentId: string | null) => {
    if (!parentId) {
      await tree.loadRoots();
      return;
    }
    try {
      const p = await orgApi.getUnit(parentId);
      tree.upsert(p);
    } catch {
      /* the parent may be outside the scope */
    }
  };

  const onChanged = async (c: UnitChange) => {
    switch (c.type) {
      case 'created':
        await tree.loadChildren(c.unit.parentId ?? '', true).catch(() => undefined);
        await refreshParentRecord(c.unit.parentId);
        expand([c.unit.parentId ?? '']);
        break;
      case 'updated':
        tree.upsert(c.unit);
        break;
      case 'retired':
        tree.upsert(c.unit);
        await tree.loadChildren(c.unit.parentId ?? '', true).catch(() => undefined);
        await refreshParentRecord(c.unit.parentId);
        if (!includeRetired && c.unit.parentId) setSelectedId(c.unit.parentId);
        break;
      case 'moved': {
        if (c.fromParentId) await tree.loadChildren(c.fromParentId, true).catch(() => undefined);
        if (c.unit.parentId) await tree.loadChildren(c.unit.parentId, true).catch(() => undefined);
        await refreshParentRecord(c.fromParentId);
        await refreshParentRecord(c.unit.parentId);
        const d = await orgApi.getUnit(c.unit.id);
        await reveal([...d.ancestors, d]);
        break;
      }
      case 'boundaries':
        if (selectedId) await tree.loadChildren(selectedId, true).catch(() => undefined);
        break;
    }
    await invalidate(['org', 'unit-view']);
  };

  const onPick = useCallback((p: { lng: number; lat: number }) => {
    setPicked({ ...p, seq: Date.now() });
  }, []);

  return {
    can,
    tree,
    includeRetired,
    setIncludeRetired,
    selectedId,
    setSelectedId,
    expandedKeys,
    setExpandedKeys,
    detail,
    detailLoading,
    focus,
    childBoundaries,
    context,
    picking,
    setPicking,
    picked,
    locateResult,
    highlight,
    reveal,
    selectById,
    onChildClick,
    onLocateResult,
    onChanged,
    onPick,
  };
}
