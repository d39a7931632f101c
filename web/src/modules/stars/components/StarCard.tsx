import { Card, Table, Tag, Typography } from 'antd';
import type { StarDefinition, StarIndicator } from '../api';
import { pct, STAR_INDICATOR_KIND_LABELS } from '../labels';

/** One star of a set: its threshold and indicators, with where each computed one reads its rate. */
export function StarCard({ star, sourceLabel }: { star: StarDefinition; sourceLabel: (code: string) => string }) {
  const total = star.indicators.reduce((s, i) => s + i.maxScore, 0);
  return (
    <Card
      size="small"
      title={<span data-testid={`star-${star.key}`}>★ {star.name}</span>}
      extra={
        <Typography.Text type="secondary">
          满分 {total} 分，达标 {star.threshold} 分
        </Typography.Text>
      }
    >
      <Table<StarIndicator>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={star.indicators}
        columns={[
          { title: '指标', dataIndex: 'name' },
          {
            title: '评分方式',
            width: 96,
            render: (_, i) => (
              <Tag color={i.kind === 'computed' ? 'blue' : 'default'}>{STAR_INDICATOR_KIND_LABELS[i.kind]}</Tag>
            ),
          },
          { title: '满分', dataIndex: 'maxScore', width: 60, align: 'right' },
          {
            title: '计分规则',
            render: (_, i) =>
              i.kind === 'computed'
                ? `${sourceLabel(i.source ?? '')}：达到 ${pct(i.fullAt)} 得满分，${pct(i.zeroAt ?? 0)} 及以下不得分`
                : '评比小组打分',
          },
          {
            title: '佐证材料',
            width: 180,
            render: (_, i) =>
              i.evidence ? (
                <span>
                  {i.evidence}
                  {i.evidenceRequired && (
                    <Tag color="orange" style={{ marginLeft: 4 }}>
                      必备
                    </Tag>
                  )}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
