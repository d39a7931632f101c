import type { CheckResult, InspectionResult } from '../../../contracts/venues.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';

/** A checklist item as the district keeps it. */
export interface ChecklistItem {
  code: string;
  name: string;
  active: boolean;
}

export interface ItemFinding {
  code: string;
  result: CheckResult;
}

/** An item as an inspection records it: its name frozen as it was on the day. */
export interface RecordedItem extends ItemFinding {
  name: string;
}

/** 不合格 as soon as one item failed; items not applicable (不适用) count as neither. */
export function inspectionResult(findings: readonly Pick<ItemFinding, 'result'>[]): InspectionResult {
  return findings.some((f) => f.result === 'fail') ? 'fail' : 'pass';
}

/**
 * The problems of an inspection's findings against the district's checklist: every active item once,
 * nothing else (an unknown or retired code, a repeated one). Empty when the findings are complete.
 */
export function findingProblems(checklist: readonly ChecklistItem[], findings: readonly ItemFinding[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const active = new Map(checklist.filter((c) => c.active).map((c) => [c.code, c]));
  const seen = new Set<string>();
  findings.forEach((f, i) => {
    if (!active.has(f.code))
      problems.push({
        field: `items[${i}].code`,
        code: 'venue.check_item_unknown',
        message: `no active checklist item ${f.code}`,
        params: { code: f.code },
      });
    else if (seen.has(f.code))
      problems.push({
        field: `items[${i}].code`,
        code: 'venue.check_item_repeated',
        message: `item ${f.code} given twice`,
        params: { item: active.get(f.code)!.name },
      });
    seen.add(f.code);
  });
  for (const [code, item] of active)
    if (!seen.has(code))
      problems.push({
        field: 'items',
        code: 'venue.check_item_missing',
        message: `item ${code} has no finding`,
        params: { item: item.name },
      });
  return problems;
}

/**
 * The findings as recorded, in the checklist's order, with the overall result; refuses incomplete or
 * unknown findings (nothing is written then).
 */
export function recordFindings(
  checklist: readonly ChecklistItem[],
  findings: readonly ItemFinding[],
): { items: RecordedItem[]; result: InspectionResult } {
  const problems = findingProblems(checklist, findings);
  if (problems.length) throw new Invalid('venue.inspection_invalid', problems[0].message, problems);
  const byCode = new Map(findings.map((f) => [f.code, f.result]));
  const items = checklist
    .filter((c) => c.active)
    .map((c) => ({ code: c.code, name: c.name, result: byCode.get(c.code)! }));
  return { items, result: inspectionResult(items) };
}

/** 13812341234 → 138****1234; short numbers are starred whole. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
