import { daysBetween } from '../../../kernel/calendar/dates.js';

/** A problem with one field of a request: the command turns it into a 422 naming the field. */
export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export const MAX_CAMPAIGN_DAYS = 366;

/** A campaign's window and units, checked before anything is written. */
export function checkCampaign(c: {
  startDay: string;
  endDay: string;
  units: readonly { unitId: string }[];
}): FieldIssue | null {
  if (c.endDay < c.startDay) return { field: 'endDay', code: 'campaign.end_before_start' };
  if (daysBetween(c.startDay, c.endDay) + 1 > MAX_CAMPAIGN_DAYS)
    return { field: 'endDay', code: 'campaign.window_too_long', params: { max: MAX_CAMPAIGN_DAYS } };
  const seen = new Set<string>();
  for (const [i, u] of c.units.entries()) {
    if (seen.has(u.unitId)) return { field: `units[${i}].unitId`, code: 'campaign.unit_repeated' };
    seen.add(u.unitId);
  }
  return null;
}

/** A case may join a campaign's results only when it lies in the campaign's scope. */
export function caseInScope(scopePath: string, caseGridPath: string | null): boolean {
  return caseGridPath !== null && caseGridPath.startsWith(scopePath);
}

/** Does a campaign of these categories fall under a filter (a code matches its 小类 and its 大类)? */
export function categoriesOverlap(campaign: readonly string[], filter: readonly string[]): boolean {
  if (filter.length === 0) return true;
  return campaign.some((c) => filter.some((f) => c.startsWith(f) || f.startsWith(c)));
}

/** An entry of an entered indicator, checked before anything is written. */
export function checkEntry(e: {
  indicator: { kind: string; measureUnit: string; active: boolean };
  measureUnit: string;
  quantity: number;
  day: string;
  today: string;
  /** The campaign the entry is tagged with, and the entry's unit path. */
  campaign?: { startDay: string; endDay: string; scopePath: string } | null;
  unitPath: string;
}): FieldIssue | null {
  if (e.indicator.kind !== 'entered') return { field: 'indicatorId', code: 'entry.indicator_computed' };
  if (!e.indicator.active) return { field: 'indicatorId', code: 'entry.indicator_inactive' };
  if (e.measureUnit !== e.indicator.measureUnit)
    return { field: 'measureUnit', code: 'entry.wrong_measure_unit', params: { expected: e.indicator.measureUnit } };
  if (!(e.quantity > 0)) return { field: 'quantity', code: 'entry.quantity_not_positive' };
  if (Math.round(e.quantity * 100) !== e.quantity * 100) return { field: 'quantity', code: 'entry.quantity_decimals' };
  if (e.day > e.today) return { field: 'day', code: 'entry.future_day', params: { today: e.today } };
  if (e.campaign) {
    if (e.day < e.campaign.startDay || e.day > e.campaign.endDay)
      return {
        field: 'day',
        code: 'entry.outside_campaign_window',
        params: { start: e.campaign.startDay, end: e.campaign.endDay },
      };
    if (!e.unitPath.startsWith(e.campaign.scopePath)) return { field: 'unitId', code: 'entry.outside_campaign_scope' };
  }
  return null;
}

/** A number as the 工作成效 sentence writes it: integers plain, else up to two decimals. */
export function formatQuantity(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/**
 * The 工作成效 sentence, as the seed's articles write it: "完成问题整改39个，更换小区宣传牌21处，…。"
 * One clause per figure, in the indicators' order; empty when there is none.
 */
export function achievementSentence(
  figures: readonly { phrase: string; value: number; measureUnit: string }[],
): string {
  if (figures.length === 0) return '';
  return `${figures.map((f) => `${f.phrase}${formatQuantity(f.value)}${f.measureUnit}`).join('，')}。`;
}
