import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { usePublicSettings } from '../../../app/settings';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { UnitMap } from '../../org/components/UnitMap';
import type { BoundaryCollection } from '../../org/api';
import { farmlandApi, type VillageRow } from '../api';
import { FarmlandCaseTable } from '../components/FarmlandCaseTable';
import { ParcelImportModal } from '../components/ParcelImportModal';
import { orgApi } from '../../org/api';
import { CASE_POINT_COLORS, PARCEL_KIND_COLORS } from '../labels';

const FINISHED = new Set(['closed', 'rejected', 'merged']);

/** 耕地保护: the village table, the parcels and cases on the map, the farmland cases. */
export default function FarmlandPage() {
  const { can } = useAuth();
  const settings = usePublicSettings();
  const invalidate = useInvalidate();
  const [unitId, setUnitId] = useState<string>();
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<string>();
  const villages = useApiQuery(['farmland', 'villages', unitId], (s) => farmlandApi.villages(unitId, s));
  const parcels = useApiQuery(['farmland', 'parcels', unitId], (s) => farmlandApi.parcels(unitId, s));
  const cases = useApiQuery(['farmland', 'cases', unitId], (s) => farmlandApi.cases(unitId, s));
  // The chosen unit's outline around its parcels.
  const outline = useApiQuery(
    ['org', 'boundary', unitId],
    (s) => orgApi.boundary(unitId!, s).catch(() => null),
    undefined,
    { enabled: !!unitId },
  );

  // Parcels drawn as the map's shapes: named by kind and code, filled by kind.
  const shapes = useMemo(
    () =>
      parcels.data
        ? ({
            type: 'FeatureCollection',
            features: parcels.data.features.map((f) => ({
              ...f,
              properties: {
                ...f.properties,
                // Short: the labels sit on the parcels; kind and area are in the table and the legend.
                name: `${f.properties.code}${f.properties.outsideVillage ? '（超界）' : ''}`,
              },
            })),
          } as unknown as BoundaryCollection)
        : null,
    [parcels.data],
  );
  const points = useMemo(
    () =>
      (cases.data?.items ?? []).map((c) => ({
        id: c.caseId,
        lng: c.location.lng,
        lat: c.location.lat,
        color: c.status && FINISHED.has(c.status) ? CASE_POINT_COLORS.finished : CASE_POINT_COLORS.open,
        label: c.caseNumber,
      })),
    [cases.data],
  );
  const marker = cases.data?.items.find((c) => c.caseId === selected)?.location ?? null;

  const columns: TableColumnsType<VillageRow> = [
    { title: '行政村（社区）', dataIndex: 'villageName', key: 'name', width: 150, ellipsis: true },
    { title: '耕地（亩）', dataIndex: 'farmlandMu', key: 'farmland', width: 100, align: 'right' },
    { title: '永久基本农田（亩）', dataIndex: 'permanentBasicMu', key: 'pbf', width: 140, align: 'right' },
    {
      title: '图斑',
      key: 'parcels',
      width: 90,
      align: 'right',
      render: (_: unknown, r) => (
        <>
          {r.parcels}
          {r.outsideParcels > 0 && (
            <Typography.Text type="warning" title="部分超出村界的图斑">
              （{r.outsideParcels} 超界）
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '案卷', dataIndex: 'cases', key: 'cases', width: 70, align: 'right' },
    { title: '在办', dataIndex: 'openCases', key: 'open', width: 70, align: 'right' },
    { title: '已结案', dataIndex: 'closedCases', key: 'closed', width: 80, align: 'right' },
    { title: '不予立案', dataIndex: 'rejectedCases', key: 'rejected', width: 90, align: 'right' },
    {
      title: '占用面积（亩）',
      key: 'occupied',
      width: 120,
      align: 'right',
      render: (_: unknown, r) => (r.casesWithArea ? r.occupiedMu : '—'),
    },
  ];
  const total = villages.data?.total;

  return (
    <Card
      title="耕地保护"
      extra={
        can('farmland.write') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="parcel-import-open">
            导入图斑
          </Button>
        )
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          style={{ width: 220 }}
          value={unitId}
          onChange={setUnitId}
          data-testid="farmland-filter-unit"
        />
        <Typography.Text type="secondary">面积按图斑图形计算（球面面积，1 亩 = 666.67 平方米）</Typography.Text>
      </Space>
      <ErrorAlert error={villages.error ?? parcels.error ?? cases.error} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey="villageId"
        loading={villages.isLoading}
        dataSource={villages.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        scroll={{ x: 920 }}
        locale={{ emptyText: '辖区内没有行政村' }}
        data-testid="farmland-villages"
        summary={() =>
          total ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {total.farmlandMu}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {total.permanentBasicMu}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {total.parcels}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {total.cases}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {total.openCases}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {total.closedCases}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {total.rejectedCases}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                {total.casesWithArea ? total.occupiedMu : '—'}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <UnitMap
            tileUrl={settings.mapTileUrl}
            focus={unitId ? (outline.data ?? null) : null}
            childBoundaries={shapes}
            childColor={(p) => PARCEL_KIND_COLORS[String(p.kind)] ?? '#95de64'}
            highlight={null}
            marker={marker}
            picking={false}
            points={points}
            onPointClick={setSelected}
            onChildClick={() => undefined}
            onPick={() => undefined}
            height={340}
          />
          <Space size={16} style={{ marginTop: 6, fontSize: 12 }}>
            <span style={{ color: PARCEL_KIND_COLORS.farmland }}>■ 耕地</span>
            <span style={{ color: PARCEL_KIND_COLORS.permanent_basic }}>■ 永久基本农田</span>
            <span style={{ color: CASE_POINT_COLORS.open }}>● 在办案卷</span>
            <span style={{ color: CASE_POINT_COLORS.finished }}>● 已办结</span>
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            违法占用耕地案卷
          </Typography.Title>
          <FarmlandCaseTable
            items={cases.data?.items ?? []}
            loading={cases.isLoading}
            canApprove={cases.data?.canApprove ?? false}
            canWrite={can('farmland.write')}
            selected={selected}
            onSelect={setSelected}
          />
        </Col>
      </Row>
      <ParcelImportModal
        open={importing}
        villages={(villages.data?.items ?? []).map((v) => ({ id: v.villageId, name: v.villageName }))}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          void invalidate(['farmland']);
        }}
      />
    </Card>
  );
}
