import { Form } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { applyFieldErrors } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { calendarApi, type CalendarYear, type DayKind } from './api';

export interface DayValues {
  kind: DayKind;
  name?: string;
}

/** The 工作日历 page's state: the year shown, its special days, and the day being adjusted. */
export function useCalendar() {
  const { can } = useAuth();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm<DayValues>();

  const calendar = useApiQuery(['calendar', year], (signal) => calendarApi.year(year, signal), undefined, {
    toastError: true,
  });
  const data: CalendarYear | null = calendar.error ? null : (calendar.data ?? null);
  const special = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);

  const openDay = (date: string) => {
    const s = special.get(date);
    const weekend = [0, 6].includes(dayjs(date).day());
    form.setFieldsValue({ kind: s?.kind ?? (weekend ? 'workday' : 'holiday'), name: s?.name ?? '' });
    setEditing(date);
  };

  const setDay = useApiMutation(
    ({ date, v }: { date: string; v: DayValues }) =>
      calendarApi.setDay(date, { kind: v.kind, name: v.name?.trim() || undefined }),
    {
      invalidates: [['calendar']],
      successMessage: (_, { date, v }) => `${date} 已设置为${v.kind === 'holiday' ? '节假日' : '工作日'}`,
      onSuccess: () => setEditing(null),
    },
  );
  const clearDay = useApiMutation((date: string) => calendarApi.clearDay(date), {
    invalidates: [['calendar']],
    successMessage: (_, date) => `${date} 已恢复默认`,
    onSuccess: () => setEditing(null),
  });

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    setDay.mutate({ date: editing, v }, { onError: (e) => applyFieldErrors(form, e, ['kind', 'name']) });
  };

  return {
    thisYear,
    year,
    setYear,
    data,
    loading: calendar.loading,
    special,
    today: dayjs().format('YYYY-MM-DD'),
    canWrite: can('calendar.write'),
    form,
    editing,
    editingDay: editing ? special.get(editing) : undefined,
    openDay,
    closeDay: () => setEditing(null),
    save,
    clear: () => editing && clearDay.mutate(editing),
    saving: setDay.isPending || clearDay.isPending,
  };
}
