import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { Completeness } from '../api';
import { percent, rateColor } from '../labels';

/** 应报、实报、按时报、零报告、缺报、上报率、及时率 as cards, each with how it is counted. */
export function CompletenessCards({ data, formName }: { data: Completeness | null; formName: string }) {
  const missingCount = data ? Math.max(0, data.expected - data.submitted) : null;
  const notDue = data?.notDue ?? 0;
  const cards: {
    key: string;
    title: string;
    value: number | string;
    note: string;
    tip?: string;
    color?: string;
    suffix?: string;
  }[] = data
    ? [
        {
          key: 'expected',
          title: '应报',
          value: data.expected,
          suffix: '份',
          note: '已到期的应报，含提前报送的',
          tip: '报送范围内单位 × 已过截止时间（含宽限）的报告期，加上截止前已提前报送的；单位在报告期内任一时刻存续即应报',
        },
        { key: 'submitted', title: '实报', value: data.submitted, suffix: '份', note: '含迟报和零报告' },
        { key: 'onTime', title: '按时报', value: data.onTime, suffix: '份', note: '截止时间（含宽限）前' },
        {
          key: 'zero',
          title: '零报告',
          value: data.zero,
          suffix: '份',
          note: '计为已报',
          tip: '“今日无新增”的零报告，计为已报',
        },
        {
          key: 'missing',
          title: '缺报',
          value: missingCount ?? 0,
          suffix: '份',
          note: '过截止时间仍未报',
          tip: '已过截止时间（含宽限天数）仍未报送：应报 − 实报',
          color: missingCount ? '#cf1322' : undefined,
        },
        {
          key: 'notDue',
          title: '未到期',
          value: notDue,
          suffix: '份',
          note: '截止时间未到，未报',
          tip: '尚未报送、截止时间（含宽限天数）还没到，不算缺报，也不计入应报',
          color: notDue ? '#1677ff' : undefined,
        },
        {
          key: 'reportingRate',
          title: '上报率',
          value: percent(data.reportingRate),
          note: '实报 ÷ 应报',
          color: rateColor(data.reportingRate),
        },
        {
          key: 'timeliness',
          title: '及时率',
          value: percent(data.timeliness),
          note: '按时报 ÷ 应报',
          color: rateColor(data.timeliness),
        },
      ]
    : [];

  return (
    <Row
      gutter={[12, 12]}
      data-testid="comp-cards"
      data-form={formName}
      data-range={data ? `${data.from ?? ''}|${data.to ?? ''}` : ''}
    >
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 118px">
          <Card size="small" className="cg-rep-card" data-testid={`comp-${c.key}`}>
            <Statistic
              title={
                <>
                  {c.title}{' '}
                  <Tooltip title={c.tip ?? c.note}>
                    <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                  </Tooltip>
                </>
              }
              value={c.value}
              suffix={typeof c.value === 'number' ? c.suffix : undefined}
              valueStyle={{ color: c.color }}
              valueRender={(node) => <span data-testid={`comp-${c.key}-value`}>{node}</span>}
            />
            <div className="cg-rep-card-note">{c.note}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
