import { CheckCircleOutlined, ClockCircleOutlined, FileDoneOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Divider,
  Empty,
  Form,
  Popconfirm,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { ApiError, errorText, type FieldError } from '../../../lib/api';
import { reportingApi, type ReportForm, type Submission, type UnitCompleteness } from '../api';
import { FieldInput, formToValues, namePathOf } from '../components/FieldInput';
import { FormSelect } from '../components/FormSelect';
import { deadlineText, periodLabel, periodOf, periodTypeLabel } from '../labels';
import { useReportForms } from '../use-forms';
import '../reporting.css';

const OP_TEXT: Record<string, string> = { '<=': '≤', '<': '<', '=': '=', '>=': '≥', '>': '>' };

function ruleText(form: ReportForm, r: ReportForm['rules'][number]): string {
  const label = (code: string | number) =>
    typeof code === 'number' ? String(code) : (form.fields.find((f) => f.code === code)?.label ?? code);
  return `${label(r.left)} ${OP_TEXT[r.op] ?? r.op} ${label(r.right)}`;
}

function pickerOf(form: ReportForm | undefined): 'date' | 'week' | 'month' {
  return form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date';
}

export default function FillPage() {
  const me = useMe();
  const { message } = App.useApp();
  const canSubmit = me.permissions.includes('report.submit');
  const { forms, error: formsError, reload: reloadForms } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const [unitId, setUnitId] = useState<string>();
  const [rows, setRows] = useState<UnitCompleteness[] | null>(null);
  const [rowsLoading, setRowsLoading] = useState(false);
  const [rowsError, setRowsError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState<'values' | 'zero' | null>(null);
  const [result, setResult] = useState<Submission | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [topErrors, setTopErrors] = useState<{ unitId?: string; period?: string }>({});
  const [revised, setRevised] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [antForm] = Form.useForm();

  const form = forms?.find((f) => f.id === formId);
  const period = form ? periodOf(form.periodType, date) : null;

  useEffect(() => {
    if (forms && forms.length > 0 && !forms.some((f) => f.id === formId)) setFormId(forms[0].id);
  }, [forms, formId]);

  // Which units in my scope report this form for this period, and which have already reported.
  const loadRows = useCallback(
    async (signal?: AbortSignal) => {
      if (!formId || !period) return;
      setRowsLoading(true);
      try {
        const c = await reportingApi.completeness(formId, { from: period, to: period }, signal);
        setRows(c.units.filter((u) => u.expected > 0));
        setRowsError(null);
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        setRows([]);
        setRowsError(errorText(e));
      } finally {
        setRowsLoading(false);
      }
    },
    [formId, period],
  );

  useEffect(() => {
    const ac = new AbortController();
    void loadRows(ac.signal);
    return () => ac.abort();
  }, [loadRows, refresh]);

  // Default unit: my own when it reports, else the only one in my scope.
  useEffect(() => {
    if (!rows) return;
    if (unitId && rows.some((r) => r.unitId === unitId)) return;
    const own = rows.find((r) => r.unitId === me.unitId);
    setUnitId(own ? own.unitId : rows.length === 1 ? rows[0].unitId : undefined);
  }, [rows, unitId, me.unitId]);

  // A different form, unit or period starts a fresh sheet.
  useEffect(() => {
    antForm.resetFields();
    setResult(null);
    setProblems([]);
    setTopErrors({});
  }, [formId, unitId, period, antForm]);

  useEffect(() => {
    setRevised(false);
  }, [formId]);

  const row = rows?.find((r) => r.unitId === unitId);
  const existing = !!row && row.submitted > 0;

  // A correction starts from what was reported, not from an empty sheet.
  useEffect(() => {
    if (!existing || !formId || !unitId || !period) return;
    let stale = false;
    reportingApi
      .submission(formId, { unitId, period })
      .then((s) => {
        if (!stale && !s.zero) antForm.setFieldsValue(s.values as never);
      })
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [existing, formId, unitId, period, antForm]);

  const tableCodes = useMemo(
    () => new Set((form?.fields ?? []).filter((f) => f.type === 'table').map((f) => f.code)),
    [form],
  );
  const fieldCodes = useMemo(() => new Set((form?.fields ?? []).map((f) => f.code)), [form]);

  function showErrors(e: unknown) {
    if (!(e instanceof ApiError)) {
      message.error(errorText(e));
      return;
    }
    if (e.status === 409 && (e.errors.some((x) => x.field === 'formVersion') || e.errors.length === 0)) {
      setRevised(true);
      message.error('报表已被修订，请重新加载后再填写');
      return;
    }
    const setters: { name: (string | number)[]; errors: string[] }[] = [];
    const unmatched: FieldError[] = [];
    const top: { unitId?: string; period?: string } = {};
    for (const fe of e.errors) {
      if (fe.field === 'unitId' || fe.field === 'period') {
        top[fe.field] = fe.message;
        continue;
      }
      const name = namePathOf(fe.field);
      const root = name?.[0];
      const cell = name && typeof root === 'string' && tableCodes.has(root) && name.length === 3;
      const plain =
        name && typeof root === 'string' && !tableCodes.has(root) && fieldCodes.has(root) && name.length === 1;
      if (name && (cell || plain)) {
        const hit = setters.find((s) => s.name.join('.') === name.join('.'));
        if (hit) hit.errors.push(fe.message);
        else setters.push({ name, errors: [fe.message] });
      } else {
        const label = root !== undefined ? form?.fields.find((f) => f.code === root)?.label : undefined;
        unmatched.push(label ? { field: label, message: fe.message } : fe);
      }
    }
    antForm.setFields(setters);
    setTopErrors(top);
    setProblems(unmatched);
    message.error(e.errors.length ? '提交的数据有误，请按提示修改' : errorText(e));
  }

  async function submit(zero: boolean) {
    if (!form || !period) return;
    if (!unitId) {
      setTopErrors({ unitId: '请选择报送单位' });
      return;
    }
    setProblems([]);
    setTopErrors({});
    let values: Record<string, unknown> | undefined;
    if (!zero) {
      try {
        values = formToValues(form.fields, await antForm.validateFields());
      } catch {
        message.warning('请先填写必填项');
        return;
      }
    }
    setSubmitting(zero ? 'zero' : 'values');
    try {
      const s = await reportingApi.submit(form.id, {
        unitId,
        period,
        formVersion: form.version,
        ...(zero ? { zero: true as const } : { values }),
      });
      setResult(s);
      message.success(s.revision > 1 ? '已提交更正' : zero ? '零报告已报送' : '报告已报送');
      setRefresh((n) => n + 1);
    } catch (e) {
      showErrors(e);
    } finally {
      setSubmitting(null);
    }
  }

  async function reloadRevised() {
    const items = await reloadForms();
    if (!items.some((f) => f.id === formId)) setFormId(items[0]?.id);
    antForm.resetFields();
    setRevised(false);
    setProblems([]);
  }

  if (forms && forms.length === 0) {
    return (
      <Card title="报表填报" data-testid="reporting-fill-page">
        {formsError ? (
          <Alert type="error" showIcon message={errorText(formsError)} />
        ) : (
          <Empty description="暂无需要填报的报表" />
        )}
      </Card>
    );
  }

  const unitOptions = (rows ?? []).map((r) => ({
    value: r.unitId,
    label: r.unitName,
    status: r.submitted > 0 ? 'done' : 'todo',
  }));

  return (
    <Card title="报表填报" data-testid="reporting-fill-page">
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Form.Item label="报表" style={{ marginBottom: 0 }}>
          <FormSelect forms={forms} value={formId} onChange={setFormId} data-testid="fill-form-select" />
        </Form.Item>
        <Form.Item
          label="报送单位"
          style={{ marginBottom: 0 }}
          validateStatus={topErrors.unitId ? 'error' : undefined}
          help={topErrors.unitId}
        >
          <Select
            value={unitId}
            onChange={setUnitId}
            loading={rowsLoading && rows === null}
            placeholder="请选择报送单位"
            style={{ width: 240 }}
            showSearch
            optionFilterProp="label"
            notFoundContent="本期没有需要报送的单位"
            options={unitOptions}
            optionRender={(o) => (
              <span>
                {o.label}
                {o.data.status === 'done' ? (
                  <Tag color="success" style={{ marginLeft: 8 }}>
                    已报
                  </Tag>
                ) : (
                  <Tag style={{ marginLeft: 8 }}>未报</Tag>
                )}
              </span>
            )}
            data-testid="fill-unit-select"
          />
        </Form.Item>
        <Form.Item
          label={form ? `报告期（${periodTypeLabel[form.periodType]}）` : '报告期'}
          style={{ marginBottom: 0 }}
          validateStatus={topErrors.period ? 'error' : undefined}
          help={topErrors.period}
        >
          <DatePicker
            picker={pickerOf(form)}
            value={date}
            allowClear={false}
            onChange={(d) => d && setDate(d)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="fill-period"
          />
        </Form.Item>
        <Button icon={<ReloadOutlined />} onClick={() => setRefresh((n) => n + 1)}>
          刷新
        </Button>
      </Space>

      {form && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }} data-testid="fill-form-info">
          <Descriptions.Item label="报告期">
            <span data-testid="fill-period-label">{period ? periodLabel(period) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="截止时间">{deadlineText(form)}</Descriptions.Item>
          <Descriptions.Item label="版本">第 {form.version} 版</Descriptions.Item>
        </Descriptions>
      )}

      {!canSubmit && (
        <Alert type="info" showIcon message="您只有查看权限，不能报送报表。" style={{ marginBottom: 12 }} />
      )}
      {formsError ? <Alert type="error" showIcon message={errorText(formsError)} style={{ marginBottom: 12 }} /> : null}
      {rowsError && <Alert type="error" showIcon message={rowsError} style={{ marginBottom: 12 }} />}
      {revised && (
        <Alert
          type="warning"
          showIcon
          data-testid="fill-form-revised"
          message="该报表已发布新版本"
          description="您填写时报表的字段有调整，本次内容未保存。请重新加载报表后再填写。"
          action={
            <Button size="small" type="primary" onClick={() => void reloadRevised()}>
              重新加载报表
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {rows && rows.length === 0 && !rowsError && (
        <Alert
          type="info"
          showIcon
          message="本期没有需要您报送此报表的单位"
          description="该报表由其他单位报送，或所选报告期内本单位不在报送范围内。"
          style={{ marginBottom: 12 }}
          data-testid="fill-not-expected"
        />
      )}
      {row && existing && !result && (
        <Alert
          type="info"
          showIcon
          icon={<FileDoneOutlined />}
          data-testid="fill-existing"
          message={`${row.unitName}${period ? ` ${periodLabel(period)}` : ''}已报送${row.zero > 0 ? '（零报告）' : ''}${row.late > 0 ? '，迟报' : ''}`}
          description="再次提交将更正已报送的报告，原数据和修改人会保留在修改记录中。"
          style={{ marginBottom: 12 }}
        />
      )}
      {row && !existing && !result && (
        <Alert
          type="warning"
          showIcon
          data-testid="fill-pending"
          message={`${row.unitName}${period ? ` ${periodLabel(period)}` : ''}尚未报送`}
          style={{ marginBottom: 12 }}
        />
      )}

      {result && (
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
                  {result.unitName} · {periodLabel(result.period)} · 提交于{' '}
                  {dayjs(result.submittedAt).format('YYYY-MM-DD HH:mm')}
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
              <Button onClick={() => setResult(null)} data-testid="fill-correct">
                更正本期报告
              </Button>
            }
          />
        </div>
      )}

      <Spin spinning={!forms || (rowsLoading && rows === null)}>
        {form && !result && rows && rows.length > 0 && (
          <>
            {form.allowZero && (
              <div className="cg-zero-box">
                <Popconfirm
                  title="提交零报告"
                  description={`确认${period ? periodLabel(period) : '本期'}无新增情况，提交零报告？`}
                  okText="确认报送"
                  cancelText="取消"
                  onConfirm={() => void submit(true)}
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
              onFinish={() => void submit(false)}
            >
              {form.fields.map((f) => (
                <FieldInput key={f.code} field={f} />
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
        )}
      </Spin>
    </Card>
  );
}
