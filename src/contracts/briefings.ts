import { z } from 'zod';
import { calendarDay } from './days.js';
import { UnitKind } from './org.js';

// 工作简报 (SPEC §10, issue 15 item 6): the text a unit sends up for a period, written from templates
// whose placeholders name the measures modules offer (`{cases.closed}`, or their Chinese label
// `{结案数}`), each number followed by a footnote marker `[n]` that points at the query behind it.
// Days are local dates (YYYY-MM-DD), a period [from, to] inclusive; times are ISO UTC.

const day = calendarDay();

/** What a template is for: the menu of the template picker. */
export const BRIEFING_KINDS = ['ledger', 'reporting', 'supervision', 'people', 'patrols', 'stars', 'general'] as const;
export const BriefingKind = z.enum(BRIEFING_KINDS);
export type BriefingKind = z.infer<typeof BriefingKind>;
export const BRIEFING_KIND_NAMES: Record<BriefingKind, string> = {
  ledger: '问题台账',
  reporting: '报表报送',
  supervision: '督查督办',
  people: '人口与防控',
  patrols: '巡查与阵地',
  stars: '五星支部',
  general: '综合',
};

/** Placeholders every template may use besides the measures. */
export const FIXED_PLACEHOLDERS = ['单位', '期间', '期初', '期末'] as const;
/** `{按期结案率.分子}` / `{按期结案率.分母}`: a rate's two counts. */
export const PART_SUFFIXES = { numerator: '分子', denominator: '分母' } as const;

export const BriefingTemplate = z.object({
  id: z.string(),
  name: z.string(),
  kind: BriefingKind,
  /** Placeholders as measure codes: `{cases.closed}`; `[ … ]` marks a sentence left out when its figures are all 0. */
  body: z.string(),
  active: z.boolean(),
  /** A default the system keeps in step with the measures registered, until a person edits it. */
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type BriefingTemplate = z.infer<typeof BriefingTemplate>;
export const BriefingTemplateList = z.object({ items: z.array(BriefingTemplate) });
export type BriefingTemplateList = z.infer<typeof BriefingTemplateList>;

export const BriefingTemplateBody = z.strictObject({
  name: z.string().trim().min(1, '请填写模板名称').max(60, '模板名称不超过60字'),
  kind: BriefingKind,
  body: z.string().trim().min(1, '请填写模板正文').max(4000, '模板正文不超过4000字'),
  active: z.boolean().default(true),
});
export type BriefingTemplateBody = z.infer<typeof BriefingTemplateBody>;

const refinePeriod = <T extends { from: string; to: string }>(v: T) => v.from <= v.to;
const periodIssue = { message: '开始日期不能晚于结束日期', path: ['from'] };

export const GenerateBriefingBody = z
  .strictObject({ templateId: z.uuid('须为有效的模板编号'), unitId: z.uuid('须为有效的单位编号'), from: day, to: day })
  .refine(refinePeriod, periodIssue);
export type GenerateBriefingBody = z.infer<typeof GenerateBriefingBody>;

/** The template editor's live preview: a body not yet saved, rendered for a unit and period. Writes nothing. */
export const PreviewBriefingBody = z
  .strictObject({
    body: z.string().trim().min(1, '请填写模板正文').max(4000, '模板正文不超过4000字'),
    unitId: z.uuid('须为有效的单位编号').optional(),
    from: day,
    to: day,
  })
  .refine(refinePeriod, periodIssue);
export type PreviewBriefingBody = z.infer<typeof PreviewBriefingBody>;

/** One footnote: a number of the text, and the query behind it. */
export const BriefingFigure = z.object({
  /** The footnote's number: `[1]` in the text. */
  index: z.number().int(),
  code: z.string(),
  label: z.string(),
  group: z.string(),
  kind: z.enum(['count', 'rate']),
  unit: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  /** The count, or the rate as a fraction; null for a rate over nothing. */
  value: z.number().nullable(),
  /** As written in the text: 12件, 85.7%, —. */
  display: z.string(),
  definition: z.string(),
  /** 'now': a count at asOf (在办问题数), the period ignored. */
  timing: z.enum(['period', 'now']),
  /** The query: unit, period of local days, instant measured at. */
  unitId: z.string(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** The console list behind the number. */
  link: z.string().nullable(),
});
export type BriefingFigure = z.infer<typeof BriefingFigure>;

export const BriefingPreview = z.object({
  text: z.string(),
  figures: z.array(BriefingFigure),
  /** How many `[ … ]` sentences were left out (their figures all 0, or not readable here). */
  omitted: z.number().int(),
});
export type BriefingPreview = z.infer<typeof BriefingPreview>;

export const BRIEFING_STATES = ['draft', 'issued'] as const;
export const BRIEFING_STATE_NAMES: Record<(typeof BRIEFING_STATES)[number], string> = {
  draft: '草稿',
  issued: '已签发',
};

const AreaRef = z.object({ id: z.string(), name: z.string(), kind: UnitKind });

export const BriefingSummary = z.object({
  id: z.string(),
  title: z.string(),
  templateName: z.string(),
  unit: AreaRef,
  from: z.string(),
  to: z.string(),
  /** 'draft': the text has changes not issued yet (a first draft, or an edit after issuing). */
  state: z.enum(BRIEFING_STATES),
  /** The last issued version's number; 0 before the first issue. */
  issuedVersion: z.number().int(),
  createdBy: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type BriefingSummary = z.infer<typeof BriefingSummary>;
export const BriefingList = z.object({ items: z.array(BriefingSummary) });
export type BriefingList = z.infer<typeof BriefingList>;

export const BriefingListQuery = z.strictObject({ unitId: z.uuid('须为有效的单位编号').optional() });
export type BriefingListQuery = z.infer<typeof BriefingListQuery>;

export const BriefingVersionInfo = z.object({
  version: z.number().int(),
  issuedBy: z.string(),
  issuedAt: z.string(),
});

export const BriefingDetail = BriefingSummary.extend({
  templateId: z.string(),
  asOf: z.string(),
  /** The text with `[n]` after each number; a reader outside the drafting office gets the last issued version. */
  text: z.string(),
  figures: z.array(BriefingFigure),
  /** Which version the text is: the draft (null) or an issued one. */
  version: z.number().int().nullable(),
  issuedBy: z.string().nullable(),
  versions: z.array(BriefingVersionInfo),
  /** The caller is of its drafting office (who drafted it, or writes for its unit): sees the draft, edits, issues. */
  drafter: z.boolean(),
});
export type BriefingDetail = z.infer<typeof BriefingDetail>;

export const EditBriefingBody = z.strictObject({
  title: z.string().trim().min(1, '请填写标题').max(100, '标题不超过100字').optional(),
  text: z.string().trim().min(1, '请填写正文').max(20000, '正文不超过20000字'),
});
export type EditBriefingBody = z.infer<typeof EditBriefingBody>;

/** One issued version, as it was issued (never changed). */
export const BriefingVersion = BriefingVersionInfo.extend({
  title: z.string(),
  text: z.string(),
  figures: z.array(BriefingFigure),
});
export type BriefingVersion = z.infer<typeof BriefingVersion>;

export const BriefingVersionParams = z.strictObject({
  id: z.uuid('must be a UUID'),
  version: z.coerce.number().int().min(1),
});
export const BriefingDocxQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
