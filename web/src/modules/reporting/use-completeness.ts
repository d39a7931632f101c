import { App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/auth';
import { errorText } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { reportingApi, type Completeness, type RemindersSent } from './api';
import { periodOf } from './labels';
import { useReportForms } from './use-forms';
import { useSearchParams } from 'react-router';

/** The missing list is paged by the server (a district may miss thousands of reports a day). */
export const MISSING_PAGE = 20;

/** 完成情况's state: the form, unit and periods picked, the figures, and the page of the missing list. */
export function useCompleteness() {
  const me = useMe();
  const { message } = App.useApp();
  const { forms, error: formsError } = useReportForms();
  const [formId, setFormId] = useState<string>();
  // A link from the dashboard may name the unit and the days (?unitId=&from=&to=, local days).
  const [params] = useSearchParams();
  const [unitId, setUnitId] = useState<string | undefined>(params.get('unitId') ?? me.unitId);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const from = params.get('from');
    const to = params.get('to');
    return from && to ? [dayjs(from), dayjs(to)] : [dayjs().subtract(6, 'day'), dayjs()];
  });

  useEffect(() => {
    if (forms && forms.length > 0 && !forms.some((f) => f.id === formId)) setFormId(forms[0].id);
  }, [forms, formId]);

  const form = forms?.find((f) => f.id === formId);
  const from = form ? periodOf(form.periodType, range[0]) : undefined;
  const to = form ? periodOf(form.periodType, range[1]) : undefined;

  const query = useApiQuery(
    ['reporting', 'completeness', formId ?? null, unitId ?? null, from ?? null, to ?? null],
    (signal) => reportingApi.completeness(formId!, { unitId, from, to, missingLimit: MISSING_PAGE }, signal),
    undefined,
    { enabled: !!formId && !!from && !!to, toastError: true },
  );
  const loading = query.loading;
  const error = query.error ? errorText(query.error) : null;
  const load = () => query.refetch();
  // Another page of the missing list belongs to the figures it was read with; new figures start at page 1.
  const [missingAt, setMissingAt] = useState<{ base: unknown; page: number; missing: Completeness['missing'] } | null>(
    null,
  );
  const base = query.error ? undefined : query.data;
  const turned = missingAt && missingAt.base === base ? missingAt : null;
  const data: Completeness | null = base ? (turned ? { ...base, missing: turned.missing } : base) : null;
  const missingPage = turned?.page ?? 1;

  const turnMissingPage = async (page: number) => {
    if (!formId || !from || !to) return;
    try {
      const next = await reportingApi.completeness(formId, {
        unitId,
        from,
        to,
        missingOffset: (page - 1) * MISSING_PAGE,
        missingLimit: MISSING_PAGE,
      });
      setMissingAt({ base, page, missing: next.missing });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  // 一键催报 over the range and unit shown; the result stays with the figures it was sent from.
  const [reminded, setReminded] = useState<{ base: unknown; result: RemindersSent } | null>(null);
  const remind = useApiMutation(() => reportingApi.remind(formId!, { unitId: data?.unitId, from: from!, to: to! }), {
    onSuccess: (result) => setReminded({ base, result }),
    invalidates: [['inbox']],
  });
  const remindResult = reminded && reminded.base === base ? reminded.result : null;

  return {
    remind: () => remind.mutate(),
    reminding: remind.isPending,
    remindResult,
    forms,
    formsError,
    form,
    formId,
    setFormId,
    unitId,
    setUnitId,
    range,
    setRange,
    from,
    to,
    data,
    loading,
    error,
    load,
    missingPage,
    turnMissingPage,
  };
}
