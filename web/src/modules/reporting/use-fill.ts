import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../app/auth';
import { ApiError, errorText, type FieldError } from '../../lib/api';
import { useApiQuery, useInvalidate } from '../../lib/query';
import { reportingApi, type Submission, type UnitCompleteness } from './api';
import { formToValues, namePathOf } from './components/FieldInput';
import { periodOf } from './labels';
import { useReportForms } from './use-forms';

/** 报表填报's state: the form, unit and period picked, who still owes the report, and sending it. */
export function useFill() {
  const me = useMe();
  const { message } = App.useApp();
  const canSubmit = me.permissions.includes('report.submit');
  const { forms, error: formsError, reload: reloadForms } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const [unitId, setUnitId] = useState<string>();
  const [submitting, setSubmitting] = useState<'values' | 'zero' | null>(null);
  const [result, setResult] = useState<Submission | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [topErrors, setTopErrors] = useState<{ unitId?: string; period?: string }>({});
  const [revised, setRevised] = useState(false);
  const [antForm] = Form.useForm();

  const form = forms?.find((f) => f.id === formId);
  const period = form ? periodOf(form.periodType, date) : null;

  useEffect(() => {
    if (forms && forms.length > 0 && !forms.some((f) => f.id === formId)) setFormId(forms[0].id);
  }, [forms, formId]);

  // Which units in my scope report this form for this period, and which have already reported.
  const rowsQuery = useApiQuery(
    ['reporting', 'completeness', formId ?? null, 'fill', period],
    async (signal) => {
      const c = await reportingApi.completeness(formId!, { from: period!, to: period! }, signal);
      // Owed: due (expected) or still open (未到期); a report already in counts in expected either way.
      return c.units.filter((u) => u.expected + u.notDue > 0);
    },
    undefined,
    { enabled: !!formId && !!period, keepPrevious: false },
  );
  const rows: UnitCompleteness[] | null = useMemo(
    () => (rowsQuery.error ? [] : (rowsQuery.data ?? null)),
    [rowsQuery.error, rowsQuery.data],
  );
  const rowsLoading = rowsQuery.loading;
  const rowsError = rowsQuery.error ? errorText(rowsQuery.error) : null;
  const invalidate = useInvalidate();
  const refresh = () => invalidate(['reporting', 'completeness']);

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
  const reported = useApiQuery(
    ['reporting', 'submission', formId ?? null, unitId ?? null, period],
    (signal) => reportingApi.submission(formId!, { unitId: unitId!, period: period! }, signal),
    undefined,
    { enabled: existing && !!formId && !!unitId && !!period, keepPrevious: false },
  );
  const previous = existing ? reported.data : undefined;
  useEffect(() => {
    if (previous && !previous.zero) antForm.setFieldsValue(previous.values as never);
  }, [previous, antForm]);

  // The figures the system already counts (敲门入户数 …): a new report opens with them filled in,
  // and each such field shows the figure beside whatever the reporter types.
  const sourced = !!form?.fields.some((f) => f.source);
  const prefillQuery = useApiQuery(
    ['reporting', 'prefill', formId ?? null, unitId ?? null, period],
    (signal) => reportingApi.prefill(formId!, { unitId: unitId!, period: period! }, signal),
    undefined,
    { enabled: sourced && canSubmit && !!formId && !!unitId && !!period, keepPrevious: false },
  );
  const prefill = prefillQuery.data;
  const figures = useMemo(
    () => new Map((prefill?.figures ?? []).map((x) => [x.field, { value: x.value, label: x.label }])),
    [prefill],
  );
  useEffect(() => {
    if (!prefill || existing) return;
    // Only empty fields: never overwrite what the reporter has typed meanwhile.
    const current = antForm.getFieldsValue(Object.keys(prefill.values)) as Record<string, unknown>;
    const fill = Object.fromEntries(
      Object.entries(prefill.values).filter(([code]) => current[code] === undefined || current[code] === null),
    );
    antForm.setFieldsValue(fill as never);
  }, [prefill, existing, antForm]);

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
      void refresh();
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

  return {
    canSubmit,
    forms,
    formsError,
    form,
    formId,
    setFormId,
    date,
    setDate,
    period,
    unitId,
    setUnitId,
    rows,
    rowsLoading,
    rowsError,
    row,
    existing,
    refresh,
    submitting,
    result,
    setResult,
    problems,
    topErrors,
    revised,
    antForm,
    figures,
    submit,
    reloadRevised,
  };
}
