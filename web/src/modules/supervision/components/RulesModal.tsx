import { App, InputNumber, Modal, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import { supervisionApi, type AssessmentRule } from '../api';
import { ASSESSMENT_RULE_LABELS } from '../labels';
import { ErrorAlert } from '../../../components/ErrorAlert';

type Kind = AssessmentRule['kind'];
interface Row {
  kind: Kind;
  on: boolean;
  weight: number;
  penaltyEach: number;
  maxPenalty: number;
}

const KINDS: Kind[] = ['on_time_milestone_rate', 'report_cadence_rate', 'overdue_count', 'quality_marks'];
const HELP: Record<Kind, string> = {
  on_time_milestone_rate: '得分 = 权重 × 按期完成的时间节点 / 应完成的时间节点',
  report_cadence_rate: '得分 = 权重 × 按期报送的期数 / 应报送的期数',
  overdue_count: '每项逾期任务扣分，扣满为止',
  quality_marks: '得分 = 权重 × 质量评价均分 / 100（无评价按满分）',
};

function toRows(rules: AssessmentRule[]): Row[] {
  return KINDS.map((kind) => {
    const r = rules.find((x) => x.kind === kind);
    return {
      kind,
      on: !!r,
      weight: r && 'weight' in r ? r.weight : kind === 'on_time_milestone_rate' ? 40 : 30,
      penaltyEach: r && r.kind === 'overdue_count' ? r.penaltyEach : 2,
      maxPenalty: r && r.kind === 'overdue_count' ? r.maxPenalty : 20,
    };
  });
}

interface Props {
  open: boolean;
  rules: AssessmentRule[];
  onClose: () => void;
  onSaved: () => void;
}

/** 考核规则: which rules count and their weights / penalty. */
export function RulesModal({ open, rules, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>(toRows(rules));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setRows(toRows(rules));
      setFailure(null);
    }
  }, [open, rules]);

  const patch = (kind: Kind, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, ...p } : r)));
  const maxTotal = rows.filter((r) => r.on && r.kind !== 'overdue_count').reduce((n, r) => n + r.weight, 0);

  const save = async () => {
    const out: AssessmentRule[] = rows
      .filter((r) => r.on)
      .map((r) =>
        r.kind === 'overdue_count'
          ? { kind: r.kind, penaltyEach: r.penaltyEach, maxPenalty: r.maxPenalty }
          : { kind: r.kind, weight: r.weight },
      );
    if (out.length === 0) {
      setFailure('至少保留一条考核规则');
      return;
    }
    setSaving(true);
    try {
      await supervisionApi.saveRules(out);
      message.success('考核规则已保存');
      onSaved();
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="考核规则"
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      confirmLoading={saving}
      width={720}
      okButtonProps={{ 'data-testid': 'rules-submit' }}
      data-testid="rules-modal"
    >
      {failure && <ErrorAlert error={failure} style={{ marginBottom: 12 }} />}
      <Table<Row>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '计入',
            width: 60,
            render: (_: unknown, r) => (
              <Switch
                size="small"
                checked={r.on}
                onChange={(on) => patch(r.kind, { on })}
                data-testid={`rule-on-${r.kind}`}
              />
            ),
          },
          {
            title: '规则',
            render: (_: unknown, r) => (
              <div>
                <div>{ASSESSMENT_RULE_LABELS[r.kind]}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {HELP[r.kind]}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '参数',
            width: 260,
            render: (_: unknown, r) =>
              r.kind === 'overdue_count' ? (
                <Space>
                  <InputNumber
                    size="small"
                    min={0}
                    value={r.penaltyEach}
                    disabled={!r.on}
                    addonBefore="每项"
                    addonAfter="分"
                    style={{ width: 130 }}
                    onChange={(v) => patch(r.kind, { penaltyEach: v ?? 0 })}
                  />
                  <InputNumber
                    size="small"
                    min={0}
                    value={r.maxPenalty}
                    disabled={!r.on}
                    addonBefore="最多"
                    style={{ width: 110 }}
                    onChange={(v) => patch(r.kind, { maxPenalty: v ?? 0 })}
                  />
                </Space>
              ) : (
                <InputNumber
                  size="small"
                  min={0}
                  value={r.weight}
                  disabled={!r.on}
                  addonBefore="权重"
                  style={{ width: 140 }}
                  onChange={(v) => patch(r.kind, { weight: v ?? 0 })}
                  data-testid={`rule-weight-${r.kind}`}
                />
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        满分 {maxTotal} 分（逾期扣分另计）。
      </Typography.Paragraph>
    </Modal>
  );
}
