import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format-time';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { populationApi, type MergeReview } from '../api';
import { POP } from '../use-population';

/** 合并审核: a second entry with a known ID number but another name; the reviewer keeps one name. */
export function ReviewsTab() {
  const { can } = useAuth();
  const list = useApiQuery([POP, 'reviews'], (signal) => populationApi.reviews(signal));
  const decide = useApiMutation(
    (v: { id: string; keep: 'existing' | 'proposed' }) => populationApi.decide(v.id, { keep: v.keep }),
    { invalidates: [[POP]], successMessage: '已审核，保留所选姓名' },
  );
  const busy = (id: string) => decide.isPending && decide.variables?.id === id;
  return (
    <>
      <Typography.Paragraph type="secondary">
        同一身份证号再次登记时姓名不一致，记录已合并，需确认保留哪一个姓名。
      </Typography.Paragraph>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<MergeReview>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 条` }}
        data-testid="review-table"
        locale={{ emptyText: '没有待审核的合并' }}
        columns={[
          { title: '原姓名', dataIndex: 'existingName', width: 110 },
          { title: '新登记姓名', dataIndex: 'proposedName', width: 110 },
          {
            title: '身份证号',
            dataIndex: 'idNumber',
            width: 190,
            render: (v: string) => <span className="cg-mono">{v}</span>,
          },
          { title: '网格', key: 'grid', ellipsis: true, render: (_, r) => r.grid.name },
          {
            title: '登记',
            key: 'created',
            width: 190,
            render: (_, r) => `${r.createdByName} · ${formatDateTime(r.createdAt)}`,
          },
          {
            title: '结果',
            key: 'status',
            width: 220,
            render: (_, r) =>
              r.status === 'pending' ? (
                can('resident.write') ? (
                  <Space size={4}>
                    <Popconfirm
                      title={`保留「${r.existingName}」？`}
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() => decide.mutate({ id: r.id, keep: 'existing' })}
                    >
                      <Button size="small" loading={busy(r.id)} data-testid="review-keep-existing">
                        保留原姓名
                      </Button>
                    </Popconfirm>
                    <Popconfirm
                      title={`改为「${r.proposedName}」？`}
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() => decide.mutate({ id: r.id, keep: 'proposed' })}
                    >
                      <Button size="small" loading={busy(r.id)} data-testid="review-keep-proposed">
                        采用新姓名
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : (
                  <Tag color="orange">待审核</Tag>
                )
              ) : (
                <span>
                  <Tag color="green">已审核</Tag>
                  保留「{r.keptName === 'proposed' ? r.proposedName : r.existingName}」
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {r.decidedByName}
                  </Typography.Text>
                </span>
              ),
          },
        ]}
      />
    </>
  );
}
