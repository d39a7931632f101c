import { api } from '../../lib/api';
import type {
  BriefingDetail,
  BriefingFigure,
  BriefingKind,
  BriefingList,
  BriefingPreview,
  BriefingSummary,
  BriefingTemplate,
  BriefingTemplateBody,
  BriefingTemplateList,
  BriefingVersion,
  EditBriefingBody,
  GenerateBriefingBody,
  PreviewBriefingBody,
} from '../../../../src/contracts/briefings';
import type { MeasureInfo } from './api';

export type { BriefingDetail, BriefingFigure, BriefingKind, BriefingPreview, BriefingSummary, BriefingTemplate };
export {
  BRIEFING_KIND_NAMES,
  BRIEFING_KINDS,
  BRIEFING_STATE_NAMES,
  FIXED_PLACEHOLDERS,
} from '../../../../src/contracts/briefings';

/** 工作简报: the server's contract (src/contracts/briefings.ts). */
export const briefingsApi = {
  templates: (signal?: AbortSignal) => api.get<BriefingTemplateList>('/briefings/templates', undefined, { signal }),
  createTemplate: (b: BriefingTemplateBody) => api.post<BriefingTemplate>('/briefings/templates', b),
  updateTemplate: (id: string, b: BriefingTemplateBody) => api.put<BriefingTemplate>(`/briefings/templates/${id}`, b),
  preview: (b: PreviewBriefingBody, signal?: AbortSignal) =>
    api.post<BriefingPreview>('/briefings/preview', b, { signal }),
  list: (unitId: string | undefined, signal?: AbortSignal) =>
    api.get<BriefingList>('/briefings', { unitId }, { signal }),
  generate: (b: GenerateBriefingBody) => api.post<BriefingDetail>('/briefings', b),
  get: (id: string, signal?: AbortSignal) => api.get<BriefingDetail>(`/briefings/${id}`, undefined, { signal }),
  version: (id: string, version: number, signal?: AbortSignal) =>
    api.get<BriefingVersion>(`/briefings/${id}/versions/${version}`, undefined, { signal }),
  edit: (id: string, b: EditBriefingBody) => api.put<BriefingDetail>(`/briefings/${id}`, b),
  issue: (id: string) => api.post<BriefingDetail>(`/briefings/${id}/issue`, {}),
  docxUrl: (id: string, version?: number | null) =>
    `/api/v1/briefings/${id}/docx${version ? `?version=${version}` : ''}`,
};

/** What the editor shows for a measure: its label, or group·label when another measure has the same label. */
export function measureName(m: MeasureInfo, all: readonly MeasureInfo[]): string {
  return all.filter((x) => x.label === m.label).length > 1 ? `${m.group}·${m.label}` : m.label;
}

/** A stored body (codes) as the editor shows it (Chinese names); the server reads both. */
export function bodyForEditing(body: string, measures: readonly MeasureInfo[]): string {
  return body.replace(/\{([a-z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+?)(\.分子|\.分母)?\}/g, (whole, code: string, part = '') => {
    const m = measures.find((x) => x.code === code);
    return m ? `{${measureName(m, measures)}${part}}` : whole;
  });
}
