import { useApiMutation, useApiQuery } from '../../lib/query';
import { insightsApi } from './api';
import { briefingsApi } from './briefings-api';

/** The briefings under a unit (the caller's scope by default), newest first. */
export const useBriefingList = (unitId?: string) =>
  useApiQuery(['insights', 'briefings', 'list', unitId ?? ''], (s) => briefingsApi.list(unitId, s));

export const useBriefingTemplates = (enabled = true) =>
  useApiQuery(['insights', 'briefings', 'templates'], (s) => briefingsApi.templates(s), undefined, { enabled });

export const useMeasureCatalog = () =>
  useApiQuery(['insights', 'measures'], (s) => insightsApi.measures(s), undefined, { staleTime: 300_000 });

export const useBriefing = (id: string) =>
  useApiQuery(['insights', 'briefings', 'one', id], (s) => briefingsApi.get(id, s), undefined, { keepPrevious: false });

const refresh = { invalidates: [['insights', 'briefings']] };

/** Write, edit and issue: each refreshes the lists and the briefing shown. */
export function useBriefingActions() {
  return {
    generate: useApiMutation(briefingsApi.generate, { ...refresh, successMessage: '已生成简报草稿' }),
    edit: useApiMutation(
      (v: { id: string; title?: string; text: string }) => briefingsApi.edit(v.id, { title: v.title, text: v.text }),
      { ...refresh, successMessage: '已保存', toastError: false },
    ),
    issue: useApiMutation((id: string) => briefingsApi.issue(id), { ...refresh, successMessage: '已签发' }),
  };
}
