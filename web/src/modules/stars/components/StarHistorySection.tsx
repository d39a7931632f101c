import { StarFilled } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { quarterLabel } from '../labels';
import { ratingApi, type StarHistory } from '../rating-api';
import { RatingDetail, RatingStateTag } from './RatingDetail';

type Award = StarHistory['awards'][number];
type Rated = StarHistory['ratings'][number];

/** 星级与评定历史: the stars the branch holds, every award and withdrawal with its reason, each quarter's rating. */
export function StarHistorySection({ branchId }: { branchId: string }) {
  const history = useApiQuery(['stars', 'history', branchId], (signal) => ratingApi.history(branchId, signal));
  const [ratingId, setRatingId] = useState<string | null>(null);
  const rating = useApiQuery(
    ['stars', 'ratings', 'id', ratingId],
    (signal) => ratingApi.get(ratingId!, signal),
    undefined,
    { enabled: !!ratingId },
  );
  const h = history.data;
  return (
    <Card size="small" title="星级与评定历史" data-testid="star-history">
      <ErrorAlert error={history.error} />
      {h && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>现有星级：</Typography.Text>
            {h.held.length === 0 ? (
              <Typography.Text type="secondary">尚未评定星级</Typography.Text>
            ) : (
              h.held.map((s) => (
                <Tag key={s.key} color="gold" icon={<StarFilled />}>
                  {s.name}（{quarterLabel(s.since)}起）
                </Tag>
              ))
            )}
          </Space>
          <Table<Rated>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h.ratings}
            locale={{ emptyText: <Empty description="还没有季度评比" /> }}
            columns={[
              { title: '季度', dataIndex: 'quarter', render: (q) => quarterLabel(q) },
              { title: '状态', dataIndex: 'state', render: (s) => <RatingStateTag state={s} /> },
              { title: '星数', dataIndex: 'starsHeld', align: 'right', render: (n) => n ?? '—' },
              { title: '总分', dataIndex: 'totalScore', align: 'right', render: (n) => n ?? '—' },
              {
                title: '',
                width: 80,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setRatingId(r.id)}>
                    评比明细
                  </Button>
                ),
              },
            ]}
          />
          {h.awards.length > 0 && (
            <Table<Award>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={h.awards}
              columns={[
                { title: '星', dataIndex: 'name', width: 100 },
                {
                  title: '授星',
                  render: (_, a) => `${quarterLabel(a.awardedQuarter)}：${a.awardReason}（${a.awardedByName}确认）`,
                },
                {
                  title: '摘星',
                  render: (_, a) =>
                    a.withdrawnQuarter
                      ? `${quarterLabel(a.withdrawnQuarter)}：${a.withdrawReason ?? ''}（${a.withdrawnByName ?? ''}确认）`
                      : '—',
                },
              ]}
            />
          )}
        </Space>
      )}
      <Drawer title="季度评比明细" width={900} open={!!ratingId} onClose={() => setRatingId(null)} destroyOnHidden>
        {rating.isLoading && <Spin />}
        <ErrorAlert error={rating.error} />
        {rating.data && (
          <RatingDetail
            key={rating.data.rowVersion}
            view={rating.data}
            onChanged={() => {
              void rating.refetch();
              void history.refetch();
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}
