import { Card, Col, Row, Space, Typography } from 'antd';
import { usePublicSettings } from '../../../app/settings';
import { LocateTool } from '../components/LocateTool';
import { UnitDetailPanel } from '../components/UnitDetailPanel';
import { UnitMap } from '../components/UnitMap';
import { UnitTreePanel } from '../components/UnitTreePanel';
import { useOrgPage } from '../use-org-page';

/** 组织架构: the unit tree, the selected unit's detail and its map, and finding the grid of a point. */
export default function OrgPage() {
  const settings = usePublicSettings();
  const {
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
  } = useOrgPage();

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
