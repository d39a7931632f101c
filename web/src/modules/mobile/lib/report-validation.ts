/**
 * The phone's 上报 form checked with the server's own schema for POST /cases (ReportCaseBody), so
 * the two never disagree about what a report needs. The schema's issues come back in Chinese, keyed
 * by the form's fields; what the schema cannot see (photos not uploaded yet, a known category, the
 * 立行整改 photos, some way to place the problem) is checked here around it.
 */
import type { z } from 'zod';
import { ReportCaseBody } from '../../../../../src/contracts/cases';

export type ReportField = 'categoryCode' | 'description' | 'address' | 'location' | 'before' | 'after';
export type ReportErrors = Partial<Record<ReportField, string>>;

export interface ReportDraftCheck {
  /** The chosen category, if it is a known 小类. */
  categoryCode: string | null;
  knownCategory: boolean;
  description: string;
  address: string;
  location: { lng: number; lat: number } | null;
  fixedOnSpot: boolean;
  photoCount: number;
  beforeCount: number;
  afterCount: number;
}

const FIELD_LABELS: Record<ReportField, string> = {
  categoryCode: '问题类别',
  description: '问题描述',
  address: '地址',
  location: '位置',
  before: '整改前照片',
  after: '整改后照片',
};

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** One schema issue as a Chinese sentence (the schema's own message when it is Chinese already). */
export function issueText(issue: z.core.$ZodIssue, field: ReportField): string {
  if (issue.message && hasChinese(issue.message)) return issue.message;
  const label = FIELD_LABELS[field];
  const i = issue as { code: string; minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  const text = i.origin === 'string';
  switch (i.code) {
    case 'too_small':
      return text ? `${label}至少 ${i.minimum} 个字` : `${label}不能小于 ${i.minimum}`;
    case 'too_big':
      return text ? `${label}最多 ${i.maximum} 个字` : `${label}不能大于 ${i.maximum}`;
    case 'invalid_type':
      return `请填写${label}`;
    default:
      return `${label}格式不正确`;
  }
}

/** The fields of a report draft with their problems; empty when the report may be sent. */
export function validateReportDraft(d: ReportDraftCheck): ReportErrors {
  const body = {
    categoryCode: d.categoryCode ?? '',
    description: d.description,
    ...(d.address.trim() ? { address: d.address } : {}),
    ...(d.location ? { location: { lng: d.location.lng, lat: d.location.lat, crs: 'wgs84' as const } } : {}),
    ...(d.fixedOnSpot ? { fixedOnSpot: true } : {}),
  };
  const errors: ReportErrors = {};
  const parsed = ReportCaseBody.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as ReportField;
      if (!(field in FIELD_LABELS) || errors[field]) continue;
      errors[field] = issueText(issue, field);
    }
  }
  // A well-formed code is not enough: it must be a 小类 the phone knows.
  if (!d.knownCategory) errors.categoryCode = '请选择问题类别（小类）';
  if (d.fixedOnSpot) {
    if (!d.beforeCount) errors.before = '立行整改须有整改前照片';
    if (!d.afterCount) errors.after = '立行整改须有整改后照片';
  }
  const anyPhoto = d.photoCount + d.beforeCount + d.afterCount > 0;
  if (!d.location && !d.address.trim() && !anyPhoto) errors.location = '请定位、拍照（照片带拍摄位置）或填写地址';
  return errors;
}
