import { Button, Card, DatePicker, Image, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { photoUrls } from '../../venues/api';
import { boardsApi, type BoardKind, type BoardReplacement, type BoardReplacementQuery } from '../api';
import { BoardHistoryDrawer } from '../components/BoardHistoryDrawer';
import { BOARD_KIND_NAMES } from '../labels';

const DAY = 'YYYY-MM-DD';

/** The page's query from its address; without a period, this month so far. */
export function replacementQueryOf(params: URLSearchParams, today: Dayjs = dayjs()): BoardReplacementQuery {
  const f = filtersFromAddress(params, { unitId: null, from: null, to: null });
  return {
    unitId: f.unitId,
    from: f.from ?? today.startOf('month').format(DAY),
    to: f.to ?? today.format(DAY),
  };
}

/**
 * 更换记录: the boards replaced (完好 with a new photo) in an area over days — what the dashboard's
 * 更换宣传牌数 counts, so 共 n 处 here is the number clicked. Unit and period live in the address.
 */
export default function BoardReplacementsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => replacementQueryOf(params), [params]);
  const set = (patch: Partial<BoardReplacementQuery>) =>
    setParams(addressOfFilters({ ...query, ...patch }), { replace: true });
  const [history, setHistory] = useState<string | null>(null);
  const page = useApiQuery(['boards', 'replacements', query], (s) => boardsApi.replacements(query, s));
  const total = page.data?.total;

  const columns: TableColumnsType<BoardReplacement> = [
    {
      title: '名称',
      dataIndex: 'name',
      key: 'name',
      ellipsis: true,
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setHistory(r.boardId)}>
          {v}
        </Button>
      ),
    },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 80, render: (k: BoardKind) => BOARD_KIND_NAMES[k] },
    {
      title: '位置',
      key: 'place',
      width: 200,
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
    { title: '更换时间', dataIndex: 'at', key: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    { title: '更换人', dataIndex: 'actorName', key: 'actor', width: 120, ellipsis: true },
    {
      title: '照片',
      key: 'photo',
      width: 64,
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
    { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];

  return (
    <Card
      title={
        <span>
          宣传牌更换记录
          {total !== undefined && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', marginLeft: 8 }}
              data-testid="replacements-total"
            >
              共 {total} 处
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Button onClick={() => navigate(query.unitId ? `/boards?unitId=${query.unitId}` : '/boards')}>
          返回宣传阵地
        </Button>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          style={{ width: 220 }}
          value={query.unitId}
          onChange={(unitId) => set({ unitId })}
          data-testid="replacements-unit"
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(query.from), dayjs(query.to)]}
          onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format(DAY), to: r[1].format(DAY) })}
          presets={[
            { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            { label: '本年', value: [dayjs().startOf('year'), dayjs()] },
          ]}
          data-testid="replacements-period"
        />
        <Typography.Text type="secondary">更换：状态改为完好并附新照片</Typography.Text>
      </Space>
      <ErrorAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<BoardReplacement>
        size="small"
        rowKey="id"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: '期间内没有更换记录' }}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          showTotal: (n) =>
            total !== undefined && total > n ? `共 ${total} 处，显示最近更换的 ${n} 处` : `共 ${n} 处`,
        }}
        data-testid="replacements-table"
      />
      <BoardHistoryDrawer id={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
