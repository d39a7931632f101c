import { App, Card, Col, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { usePublicSettings } from '../../../app/settings';
import { ApiError, errorText } from '../../../lib/api';
import {
  orgApi,
  type BoundaryCollection,
  type BoundaryFeature,
  type LocateResult,
  type Unit,
  type UnitDetail,
} from '../api';
import { LocateTool } from '../components/LocateTool';
import type { UnitChange } from '../components/UnitActions';
import { UnitDetailPanel } from '../components/UnitDetailPanel';
import { UnitMap } from '../components/UnitMap';
import { UnitTreePanel } from '../components/UnitTreePanel';
import { useUnitTree } from '../use-unit-tree';

export default function OrgPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const settings = usePublicSettings();
  const [includeRetired, setIncludeRetired] = useState(false);
  const tree = useUnitTree({ includeRetired });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [detail, setDetail] = useState<UnitDetail | null>(null);
  const [detailLoading, setDetailLoading] = useState(false);
  const [focus, setFocus] = useState<BoundaryFeature | null>(null);
  const [childBoundaries, setChildBoundaries] = useState<BoundaryCollection | null>(null);
  const [context, setContext] = useState<BoundaryCollection | null>(null);
  const [reloadSeq, setReloadSeq] = useState(0);

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
  useEffect(() => {
    if (!selectedId) return;
    let stale = false;
    setDetailLoading(true);
    const noBoundary = (e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    };
    (async () => {
      try {
        const [d, f, fc] = await Promise.all([
          orgApi.getUnit(selectedId),
          orgApi.boundary(selectedId).catch(noBoundary),
          orgApi.childBoundaries(selectedId).catch(noBoundary),
        ]);
        // A unit with nothing below it to draw is shown among its siblings.
        let ctx: BoundaryCollection | null = null;
        if (d.parentId && f && !fc?.features.length) {
          const siblings = await orgApi.childBoundaries(d.parentId).catch(() => null);
          if (siblings) ctx = { ...siblings, features: siblings.features.filter((x) => x.properties?.id !== d.id) };
        }
        if (stale) return;
        setDetail(d);
        setFocus(f);
        setChildBoundaries(fc);
        setContext(ctx);
      } catch (e) {
        if (stale) return;
        setDetail(null);
        message.error(errorText(e));
      } finally {
        if (!stale) setDetailLoading(false);
      }
    })();
    return () => {
      stale = true;
    };
  }, [selectedId, reloadSeq, message]);

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
    setReloadSeq((n) => n + 1);
  };

  const onPick = useCallback((p: { lng: number; lat: number }) => {
    setPicked({ ...p, seq: Date.now() });
  }, []);

  return (
    <div data-testid="org-page">
      <Row gutter={16} wrap={false}>
        <Col flex="360px" style={{ minWidth: 300 }}>
          <UnitTreePanel
            tree={tree}
            selectedId={selectedId}
            expandedKeys={expandedKeys}
            onExpandedKeysChange={setExpandedKeys}
            onSelect={(id) => setSelectedId(id)}
            onSearchPick={(id) => void selectById(id)}
            includeRetired={includeRetired}
            onIncludeRetiredChange={(v) => {
              setIncludeRetired(v);
              setExpandedKeys([]);
              setSelectedId(null);
            }}
            height={Math.max(420, window.innerHeight - 250)}
          />
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={
                <Space>
                  <span>地图</span>
                  {detail && (
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                      {detail.name}
                      {childBoundaries ? ` · 下级边界 ${childBoundaries.features.length} 个` : ''}
                    </Typography.Text>
                  )}
                </Space>
              }
              styles={{ body: { padding: 0 } }}
            >
              <div style={{ padding: 12 }}>
                <UnitMap
                  tileUrl={settings.mapTileUrl}
                  focus={focus}
                  childBoundaries={childBoundaries}
                  context={context}
                  highlight={highlight}
                  marker={locateResult?.point ?? null}
                  picking={picking}
                  onChildClick={(id) =>
                    void (tree.units[id] && tree.units[id].parentId !== selectedId ? selectById(id) : onChildClick(id))
                  }
                  onPick={onPick}
                  height={Math.max(480, window.innerHeight - 420)}
                  overlay={
                    <LocateTool
                      picking={picking}
                      onPickingChange={setPicking}
                      picked={picked}
                      onResult={onLocateResult}
                      onReveal={(path) => void reveal(path)}
                    />
                  }
                />
              </div>
            </Card>
            <UnitDetailPanel
              unit={detail}
              loading={detailLoading}
              canWrite={can('unit.write')}
              canWriteBoundary={can('boundary.write')}
              onSelect={(id) => void selectById(id)}
              onChanged={(c) => void onChanged(c)}
            />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
