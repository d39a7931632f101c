import { Button, List, Space, Table, Tag } from 'antd';
import type { Assignment } from '../api';
import type { SupervisionDialog } from '../use-supervision';

/** 民主监督员 and the units they supervise, with each one's visits. */
export function AssignmentsTable({
  assignments,
  visitor,
  onDialog,
}: {
  assignments: Assignment[];
  /** The caller is a supervisor: their own rows get 记录走访 and 提出意见. */
  visitor: boolean;
  onDialog(d: SupervisionDialog): void;
}) {
  return (
    <Table<Assignment>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={assignments}
      data-testid="supervisor-assignments"
      expandable={{
        expandedRowRender: (a) => (
          <List
            size="small"
            header="走访记录"
            dataSource={a.visits}
            locale={{ emptyText: '尚无走访' }}
            renderItem={(v) => (
              <List.Item>
                <Space align="start">
                  <Tag>{v.visitedOn}</Tag>
                  {v.notes}
                </Space>
              </List.Item>
            )}
          />
        ),
      }}
      columns={[
        { title: '民主监督员', key: 'sup', render: (_: unknown, a) => a.supervisor.name },
        { title: '监督单位', key: 'unit', render: (_: unknown, a) => a.unit.name },
        {
          title: '任期',
          key: 'term',
          render: (_: unknown, a) => (
            <Space>
              {`${a.termStart} 至 ${a.termEnd}`}
              {a.active ? <Tag color="green">任期内</Tag> : <Tag>不在任期</Tag>}
            </Space>
          ),
        },
        {
          title: '走访',
          key: 'visits',
          align: 'right' as const,
          render: (_: unknown, a) => `${a.visits.length} 次`,
        },
        {
          title: '',
          key: 'op',
          width: 200,
          render: (_: unknown, a) =>
            a.mine &&
            visitor && (
              <Space>
                <Button size="small" onClick={() => onDialog({ kind: 'visit', a })}>
                  记录走访
                </Button>
                <Button size="small" onClick={() => onDialog({ kind: 'opinion', a })}>
                  提出意见
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}
