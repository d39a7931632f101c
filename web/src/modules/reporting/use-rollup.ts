import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../app/auth';
import { errorText } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { reportingApi, type Rollup } from './api';
import { periodOf } from './labels';
import { useReportForms } from './use-forms';

/** The 数据汇总 page's state: the form, fields and range chosen, the drill-down trail, and the roll-up. */
export function useRollup() {
  const me = useMe();
  const { forms, error: formsError } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [fields, setFields] = useState<string[]>([]);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  /** Drill-down path: the units opened so far, the caller's own scope first. */
  const [trail, setTrail] = useState<{ unitId?: string; name: string }[]>([
    { unitId: undefined, name: me.unitName ?? '本级' },
  ]);

  useEffect(() => {
    if (forms && forms.length > 0 && !forms.some((f) => f.id === formId)) setFormId(forms[0].id);
  }, [forms, formId]);
  const form = forms?.find((f) => f.id === formId);
  const numeric = useMemo(
    () => (form?.fields ?? []).filter((f) => f.type === 'integer' || f.type === 'decimal'),
    [form],
  );
  useEffect(() => setFields([]), [formId]);

  const unitId = trail[trail.length - 1].unitId;
  const from = form ? periodOf(form.periodType, range[0]) : undefined;
  const to = form ? periodOf(form.periodType, range[1]) : undefined;
  const query = useMemo(
    () => (from && to ? { unitId, from, to, fields: fields.length ? fields.join(',') : undefined } : null),
    [unitId, from, to, fields],
  );

  const rollup = useApiQuery(
    ['reporting', 'rollup', formId ?? null, query],
    (signal) => reportingApi.rollup(formId!, query!, signal),
    undefined,
    { enabled: !!formId && !!query, toastError: true },
  );
  const data: Rollup | null = rollup.error ? null : (rollup.data ?? null);
  return {
    forms,
    formsError,
    form,
    formId,
    setFormId,
    numeric,
    fields,
    setFields,
    range,
    setRange,
    trail,
    /** Open a unit's children. */
    drill: (unitId: string, name: string) => setTrail((t) => [...t, { unitId, name }]),
    /** Back to the i-th unit of the trail. */
    back: (i: number) => setTrail((t) => t.slice(0, i + 1)),
    from,
    to,
    query,
    data,
    loading: rollup.loading,
    error: rollup.error ? errorText(rollup.error) : null,
    load: () => rollup.refetch(),
  };
}
