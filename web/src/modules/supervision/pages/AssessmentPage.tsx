import { SettingOutlined, StarOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { supervisionApi, type Assessment, type UnitAssessment } from '../api';
import { MarkModal } from '../components/MarkModal';
import { NoAssessmentData } from '../components/NoAssessmentData';
import { RulesModal } from '../components/RulesModal';
import { ASSESSMENT_RULE_LABELS, currentQuarter } from '../labels';
import '../supervision.css';
import { XlsxButton } from '../../../components/XlsxButton';

function periodOptions(): { value: string; label: string }[] {
  const y = new Date().getFullYear();
  const out: { value: string; label: string }[] = [];
  for (const year of [y, y - 1]) {
    for (const q of [4, 3, 2, 1]) out.push({ value: `${year}-Q${q}`, label: `${year} 年第 ${q} 季度` });
    out.push({ value: String(year), label: `${year} 年全年` });
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const pts = (x: number) => (Math.round(x * 100) / 100).toString();

/** 考核排名: each unit scored by the district's rules for a quarter, with the breakdown; export and rules. */
export default function AssessmentPage() {
  const { can } = useAuth();
  const [period, setPeriod] = useState(currentQuarter());
  const [editingRules, setEditingRules] = useState(false);
  const [marking, setMarking] = useState(false);
  const manage = can('task.manage');
  const assessment = useApiQuery(['supervision', 'assessment', period], (signal) =>
    supervisionApi.assessment(period, signal),
  );
  const data: Assessment | null = assessment.error ? null : (assessment.data ?? null);
  const loading = assessment.loading;
  const invalidate = useInvalidate();
  const load = () => invalidate(['supervision', 'assessment']);

  const columns = useMemo<ColumnsType<UnitAssessment>>(() => {
    const rules = data?.rules ?? [];
    return [
      {
        title: '名次',
        dataIndex: 'rank',
        width: 60,
        align: 'center',
        fixed: 'left',
        render: (r: number) => <Typography.Text strong>{r}</Typography.Text>,
      },
      { title: '单位', dataIndex: 'unitName', width: 180, fixed: 'left' },
      {
        title: '总分',
        dataIndex: 'total',
        width: 80,
        align: 'right',
        render: (t: number) => <Typography.Text strong>{pts(t)}</Typography.Text>,
      },
      ...rules.map((rule) => ({
        title: ASSESSMENT_RULE_LABELS[rule.kind],
        key: rule.kind,
        width: 130,
        align: 'right' as const,
        render: (_: unknown, u: UnitAssessment) => {
          const b = u.breakdown.find((x) => x.kind === rule.kind);
          if (!b) return '—';
          const detail =
            rule.kind === 'on_time_milestone_rate'
              ? `${u.facts.milestonesOnTime}/${u.facts.milestonesDue}`
              : rule.kind === 'report_cadence_rate'
                ? `${u.facts.reportPeriodsReported}/${u.facts.reportPeriodsDue}`
                : rule.kind === 'overdue_count'
                  ? `${u.facts.overdueTasks} 项逾期`
                  : u.facts.qualityMarks.length
                    ? `${u.facts.qualityMarks.length} 次评价`
                    : '无评价';
          return (
            <Tooltip title={detail}>
              <span>
                <Typography.Text type={b.points < 0 ? 'danger' : undefined}>{pts(b.points)}</Typography.Text>
                {rule.kind !== 'overdue_count' && b.value != null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    （{pct(b.value)}）
                  </Typography.Text>
                )}
              </span>
            </Tooltip>
          );
        },
      })),
      {
        title: '节点 按期/应完成',
        width: 110,
        align: 'right',
        render: (_: unknown, u) => `${u.facts.milestonesOnTime} / ${u.facts.milestonesDue}`,
      },
      {
        title: '报告 已报/应报',
        width: 100,
        align: 'right',
        render: (_: unknown, u) => `${u.facts.reportPeriodsReported} / ${u.facts.reportPeriodsDue}`,
      },
      {
        title: '逾期任务',
        width: 80,
        align: 'right',
        render: (_: unknown, u) => (
          <Typography.Text type={u.facts.overdueTasks ? 'danger' : undefined}>{u.facts.overdueTasks}</Typography.Text>
        ),
      },
    ];
  }, [data]);

  return (
    <Card
      title="考核排名"
      data-testid="assessment-page"
      extra={
        <Space wrap>
          <Select
            value={period}
            onChange={setPeriod}
            options={periodOptions()}
            style={{ width: 170 }}
            data-testid="assessment-period"
          />
          <XlsxButton href={supervisionApi.assessmentXlsxUrl(period)} data-testid="assessment-export">
            导出 Excel
          </XlsxButton>
          {manage && (
            <Button icon={<StarOutlined />} onClick={() => setMarking(true)} data-testid="assessment-mark-button">
              质量评价
            </Button>
          )}
          {manage && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setEditingRules(true)}
              data-testid="assessment-rules-button"
            >
              考核规则
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={assessment.error} style={{ marginBottom: 16 }} />
      {data && (
        <Typography.Paragraph type="secondary">
          考核期 {data.period.from} 至 {data.period.to}，统计截至 {data.asOf}。规则：
          {data.rules
            .map((r) =>
              r.kind === 'overdue_count'
                ? `${ASSESSMENT_RULE_LABELS[r.kind]}（每项 ${r.penaltyEach} 分，最多 ${r.maxPenalty} 分）`
                : `${ASSESSMENT_RULE_LABELS[r.kind]} ${r.weight} 分`,
            )
            .join('；')}
          。
        </Typography.Paragraph>
      )}
      <Table<UnitAssessment>
        rowKey="unitId"
        size="middle"
        loading={loading}
        dataSource={data?.units ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 1120 }}
        data-testid="assessment-table"
        locale={{ emptyText: '本考核期没有应考核的单位' }}
        onRow={(u) =>
          ({ 'data-testid': 'assessment-row', 'data-unit-id': u.unitId }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <NoAssessmentData units={data?.noData ?? []} />
      <RulesModal
        open={editingRules}
        rules={data?.rules ?? []}
        onClose={() => setEditingRules(false)}
        onSaved={() => {
          setEditingRules(false);
          void load();
        }}
      />
      <MarkModal
        open={marking}
        onClose={() => setMarking(false)}
        onDone={() => {
          setMarking(false);
          void load();
        }}
      />
    </Card>
  );
}
