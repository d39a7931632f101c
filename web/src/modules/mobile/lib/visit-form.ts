import type { VisitResult } from '../../population/labels';

export interface VisitDraft {
  result: VisitResult | null;
  present: string[];
  newcomers: number;
}

/** Why a visit cannot be saved yet (shown under its field), or nothing. */
export function visitProblems(d: VisitDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.result) e.result = '请选择走访结果';
  else if (d.result === 'verified' && d.present.length === 0 && d.newcomers === 0)
    e.present = '在家已核实：请勾选在家的人员，或新增在家的人员';
  return e;
}

/** Marking someone 迁出 takes them off 在家; unmarking leaves 在家 as it is. */
export function toggleGone(
  s: { present: string[]; gone: string[] },
  id: string,
): { present: string[]; gone: string[] } {
  if (s.gone.includes(id)) return { present: s.present, gone: s.gone.filter((g) => g !== id) };
  return { present: s.present.filter((p) => p !== id), gone: [...s.gone, id] };
}
