import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Image, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { usePublicSettings } from '../../../app/settings';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { useApiQuery } from '../../../lib/query';
import { UnitMap } from '../../org/components/UnitMap';
import { orgApi } from '../../org/api';
import { photoUrls } from '../../venues/api';
import { boardsApi, type Board, type BoardDetail, type BoardKind, type BoardQuery, type BoardState } from '../api';
import { BoardFormModal } from '../components/BoardFormModal';
import { BoardHistoryDrawer } from '../components/BoardHistoryDrawer';
import { BoardStateModal } from '../components/BoardStateModal';
import {
  BOARD_KIND_NAMES,
  BOARD_KINDS,
  BOARD_POINT_COLORS,
  BOARD_STATE_COLORS,
  BOARD_STATE_NAMES,
  BOARD_STATES,
} from '../labels';

const FILTERS = { unitId: null, kind: BOARD_KINDS, state: BOARD_STATES, q: null } as const;

/** 宣传阵地: the boards in scope on a list and a map; register, edit, change state, history. Filters live in the address. */
export default function BoardsPage() {
  const settings = usePublicSettings();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: BoardQuery = useMemo(() => filtersFromAddress(params, FILTERS), [params]);
  const [editing, setEditing] = useState<BoardDetail | null | undefined>(undefined);
  const [changing, setChanging] = useState<Board | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const list = useApiQuery(['boards', 'list', query], (s) => boardsApi.list(query, s));
  // The area listed (the unit chosen, else the account's own) outlined around the boards.
  const areaId = query.unitId ?? me.unitId;
  const outline = useApiQuery(['org', 'boundary', areaId], (s) => orgApi.boundary(areaId, s).catch(() => null));
  const set = (patch: Partial<BoardQuery>) => setParams(addressOfFilters({ ...query, ...patch }), { replace: true });
  const canWrite = list.data?.canWrite ?? false;

  const points = useMemo(
    () =>
      (list.data?.items ?? []).flatMap((b) =>
        b.location
          ? [{ id: b.id, lng: b.location.lng, lat: b.location.lat, color: BOARD_POINT_COLORS[b.state], label: b.name }]
          : [],
      ),
    [list.data],
  );

  const columns: TableColumnsType<Board> = [
    {
      title: '名称',
      dataIndex: 'name',
      key: 'name',
      ellipsis: true,
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setHistory(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 72, render: (k: BoardKind) => BOARD_KIND_NAMES[k] },
    {
      title: '位置',
      key: 'place',
      width: 150,
      ellipsis: true,
      render: (_: unknown, r) => (
        <>
          {r.unitName}
          {r.address && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.address}
              </Typography.Text>
            </>
          )}
        </>
      ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      width: 76,
      render: (s: BoardState) => <Tag color={BOARD_STATE_COLORS[s]}>{BOARD_STATE_NAMES[s]}</Tag>,
    },
    {
      title: '照片',
      key: 'photo',
      width: 56,
      render: (_: unknown, r) =>
        r.photoId ? (
          <Image
            src={photoUrls(r.photoId).thumb}
            preview={{ src: photoUrls(r.photoId).full }}
            width={40}
            height={40}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt="照片"
          />
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'ops',
      width: canWrite ? 140 : 60,
      render: (_: unknown, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setHistory(r.id)}>
            记录
          </Button>
          {canWrite && (
            <>
              <Button
                type="link"
                size="small"
                onClick={async () => setEditing(await boardsApi.get(r.id))}
                data-testid={`board-edit-${r.id}`}
              >
                修改
              </Button>
              <Button type="link" size="small" onClick={() => setChanging(r)} data-testid={`board-state-${r.id}`}>
                状态
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  const byState = list.data?.byState ?? {};
  return (
    <Card
      title="宣传阵地"
      extra={
        <Space>
          <Button
            icon={<HistoryOutlined />}
            onClick={() => navigate(`/boards/replacements${query.unitId ? `?unitId=${query.unitId}` : ''}`)}
            data-testid="board-replacements"
          >
            更换记录
          </Button>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="board-create">
              登记宣传阵地
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          style={{ width: 200 }}
          value={query.unitId}
          onChange={(unitId) => set({ unitId })}
        />
        <Select<BoardKind>
          allowClear
          placeholder="全部类型"
          style={{ width: 120 }}
          value={query.kind}
          onChange={(kind) => set({ kind })}
          options={BOARD_KINDS.map((k) => ({ value: k, label: BOARD_KIND_NAMES[k] }))}
        />
        <Select<BoardState>
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={query.state}
          onChange={(state) => set({ state })}
          options={BOARD_STATES.map((s) => ({ value: s, label: BOARD_STATE_NAMES[s] }))}
          data-testid="board-filter-state"
        />
        <Input.Search
          allowClear
          placeholder="名称或地址"
          style={{ width: 180 }}
          defaultValue={query.q}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Space size={6}>
          {BOARD_STATES.map((s) => (
            <Tag key={s} color={BOARD_STATE_COLORS[s]}>
              {BOARD_STATE_NAMES[s]} {byState[s] ?? 0}
            </Tag>
          ))}
        </Space>
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Table
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无宣传阵地' }}
            data-testid="boards-table"
          />
        </Col>
        <Col xs={24} xl={9}>
          <UnitMap
            tileUrl={settings.mapTileUrl}
            focus={outline.data ?? null}
            childBoundaries={null}
            highlight={null}
            marker={null}
            picking={false}
            points={points}
            onPointClick={setHistory}
            onChildClick={() => undefined}
            onPick={() => undefined}
            height={420}
          />
        </Col>
      </Row>
      {editing !== undefined && (
        <BoardFormModal
          open
          board={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => setEditing(undefined)}
        />
      )}
      <BoardStateModal board={changing} onClose={() => setChanging(null)} />
      <BoardHistoryDrawer id={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
