import { Table, Typography } from 'antd';
import type { Assessment } from '../api';

type NoDataUnit = Assessment['noData'][number];

/**
 * 无考核数据: units with something due in the period but nothing the rules can judge (no time node
 * due, no progress report due, no quality mark). They are not scored, so they do not rank above
 * units that did their work; an overdue task still shows here.
 */
export function NoAssessmentData({ units }: { units: NoDataUnit[] }) {
  if (units.length === 0) return null;
  return (
    <div style={{ marginTop: 24 }} data-testid="assessment-no-data">
      <Typography.Title level={5}>无考核数据（{units.length}）</Typography.Title>
      <Typography.Paragraph type="secondary">
        以下单位本考核期内没有到期的时间节点、应报的进度报告或质量评价，无法计分，不参加排名。
      </Typography.Paragraph>
      <Table<NoDataUnit>
        rowKey="unitId"
        size="small"
        dataSource={units}
        pagination={false}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 240 },
          {
            title: '考核结果',
            key: 'result',
            width: 120,
            render: () => <Typography.Text type="secondary">无考核数据</Typography.Text>,
          },
          {
            title: '逾期任务',
            key: 'overdue',
            width: 100,
            align: 'right',
            render: (_: unknown, u) => (
              <Typography.Text type={u.facts.overdueTasks ? 'danger' : undefined}>
                {u.facts.overdueTasks}
              </Typography.Text>
            ),
          },
        ]}
        onRow={(u) =>
          ({ 'data-testid': 'assessment-no-data-row', 'data-unit-id': u.unitId }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
