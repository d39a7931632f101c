import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Divider,
  Form,
  Popconfirm,
  Result,
  Space,
  Tag,
  Typography,
  type ButtonProps,
  type FormInstance,
} from 'antd';
import type { FieldError } from '../../../lib/api';
import type { ReportForm, Submission } from '../api';
import { periodLabel } from '../labels';
import { FieldInput, type SystemFigure } from './FieldInput';
import { formatDateTime } from '../../../lib/format-time';

const OP_TEXT: Record<string, string> = { '<=': '≤', '<': '<', '=': '=', '>=': '≥', '>': '>' };

function ruleText(form: ReportForm, r: ReportForm['rules'][number]): string {
  const label = (code: string | number) =>
    typeof code === 'number' ? String(code) : (form.fields.find((f) => f.code === code)?.label ?? code);
  return `${label(r.left)} ${OP_TEXT[r.op] ?? r.op} ${label(r.right)}`;
}

/** What the server made of a report just sent: on time or late, first report or a correction. */
export function FillResult({ result, onCorrect }: { result: Submission; onCorrect: () => void }) {
  return (
    <div data-testid="fill-result" data-late={result.late ? 'true' : 'false'}>
      <Result
        status={result.late ? 'warning' : 'success'}
        icon={result.late ? <ClockCircleOutlined /> : <CheckCircleOutlined />}
        title={
          <span data-testid="fill-result-title">
            {result.late ? '迟报' : '已报送'}
            {result.zero ? '（零报告）' : ''}
          </span>
        }
        subTitle={
          <Space direction="vertical" size={4}>
            <span>
              {result.unitName} · {periodLabel(result.period)} · 提交于 {formatDateTime(result.submittedAt)}
            </span>
            <span>
              <Tag color={result.late ? 'orange' : 'green'} data-testid="fill-result-status">
                {result.late ? '迟报' : '按时报送'}
              </Tag>
              <Tag color={result.revision > 1 ? 'blue' : 'default'} data-testid="fill-result-revision">
                {result.revision > 1 ? `第 ${result.revision} 次报送（更正）` : '首次报送'}
              </Tag>
            </span>
          </Space>
        }
        extra={
          <Button onClick={onCorrect} data-testid="fill-correct">
            更正本期报告
          </Button>
        }
      />
    </div>
  );
}

/**
 * The sheet of one form: a zero-report button when the form allows it, the server's problems that
 * match no field, and one input per field (FieldInput) with the form's cross-field rules spelled out.
 */
export function FillSheet({
  form,
  antForm,
  period,
  canSubmit,
  unitId,
  existing,
  submitting,
  problems,
  figures,
  onSubmit,
}: {
  form: ReportForm;
  antForm: FormInstance;
  period: string | null;
  canSubmit: boolean;
  unitId: string | undefined;
  /** The unit has reported this period already: sending again is a correction. */
  existing: boolean;
  submitting: 'values' | 'zero' | null;
  problems: FieldError[];
  /** The system's figure for each field that names a source, by field code. */
  figures?: ReadonlyMap<string, SystemFigure>;
  onSubmit: (zero: boolean) => void;
}) {
  return (
    <>
      {form.allowZero && (
        <div className="cg-zero-box">
          <Popconfirm
            title="提交零报告"
            description={`确认${period ? periodLabel(period) : '本期'}无新增情况，提交零报告？`}
            okText="确认报送"
            cancelText="取消"
            onConfirm={() => onSubmit(true)}
            okButtonProps={{ 'data-testid': 'fill-zero-confirm' } as ButtonProps}
            disabled={!canSubmit || !unitId}
          >
            <Button
              size="large"
              type="primary"
              ghost
              className="cg-zero-button"
              loading={submitting === 'zero'}
              disabled={!canSubmit || !unitId || submitting !== null}
              data-testid="fill-zero"
            >
              今日无新增（零报告）
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            没有需要填报的新情况时，点此报送零报告，同样计为已报。
          </Typography.Text>
        </div>
      )}
      {form.allowZero && <Divider plain>或填写报表</Divider>}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="提交的数据有误"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.field}：{p.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="fill-problems"
        />
      )}
      <Form
        form={antForm}
        layout="vertical"
        disabled={!canSubmit}
        style={{ maxWidth: 720 }}
        data-testid="fill-form"
        onFinish={() => onSubmit(false)}
      >
        {form.fields.map((f) => (
          <FieldInput key={f.code} field={f} figure={figures?.get(f.code)} />
        ))}
        {form.rules.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            校验规则：{form.rules.map((r) => r.message ?? ruleText(form, r)).join('；')}
          </Typography.Paragraph>
        )}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={submitting === 'values'}
            disabled={!unitId || submitting !== null}
            data-testid="fill-submit"
          >
            {existing ? '提交更正' : '提交报告'}
          </Button>
          <Button htmlType="button" onClick={() => antForm.resetFields()}>
            清空
          </Button>
        </Space>
      </Form>
    </>
  );
}
