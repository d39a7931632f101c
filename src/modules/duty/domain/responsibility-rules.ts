import type { HolderType, ResponsibilityKind } from '../../../contracts/duty.js';
import type { FieldProblem } from '../../../kernel/errors.js';

/**
 * What each kind of responsibility may be held by and attached to: a district leader 分包 a community or
 * village (主责), a section-level cadre 分包 a party branch, an office cadre 下沉 to a community, a
 * department or outside unit 包联 a community, a 网格长 and a 网格指导员 per grid. `exclusive`: at most one
 * holder of that kind per target on any day (one 主责 leader per community, one 网格长 per grid).
 */
export const KIND_RULES: Record<
  ResponsibilityKind,
  { targets: readonly string[]; holder: HolderType; holderUnitKinds?: readonly string[]; exclusive: boolean }
> = {
  lead: { targets: ['community', 'village'], holder: 'account', exclusive: true },
  branch_lead: { targets: ['party_branch'], holder: 'account', exclusive: false },
  embed: { targets: ['community', 'village'], holder: 'account', exclusive: false },
  pair: {
    targets: ['community', 'village'],
    holder: 'unit',
    holderUnitKinds: ['department', 'outside_unit'],
    exclusive: false,
  },
  grid_head: { targets: ['grid_large', 'grid_small'], holder: 'account', exclusive: true },
  grid_instructor: { targets: ['grid_large', 'grid_small'], holder: 'account', exclusive: false },
};

/** A dated span: `to` inclusive, null while open-ended. Dates are 'YYYY-MM-DD' and compare as strings. */
export interface Span {
  from: string;
  to: string | null;
}

/** Whether two spans share a day. */
export function overlaps(a: Span, b: Span): boolean {
  return (b.to === null || a.from <= b.to) && (a.to === null || b.from <= a.to);
}

/** Whether a span is in force on a day. */
export function inForce(s: Span, day: string): boolean {
  return s.from <= day && (s.to === null || day <= s.to);
}

/**
 * The field problems of a new responsibility against the target's kind, the holder and the ones the
 * target already has (`existing`: same target, same kind): wrong target kind, wrong holder, a span
 * ending before it starts, and for an exclusive kind a span sharing a day with another holder's.
 */
export function responsibilityProblems(input: {
  kind: ResponsibilityKind;
  targetKind: string;
  holderType: HolderType;
  /** The holder unit's kind, when the holder is a unit. */
  holderUnitKind?: string;
  span: Span;
  existing: readonly (Span & { id: string })[];
}): FieldProblem[] {
  const rule = KIND_RULES[input.kind];
  const out: FieldProblem[] = [];
  if (!rule.targets.includes(input.targetKind))
    out.push({
      field: 'targetUnitId',
      code: 'duty.kind_target_mismatch',
      message: `a ${input.kind} responsibility is for ${rule.targets.join(' or ')}, not ${input.targetKind}`,
      params: { kind: input.kind },
    });
  if (input.holderType !== rule.holder)
    out.push({
      field: 'holder.type',
      code: rule.holder === 'unit' ? 'duty.holder_must_be_unit' : 'duty.holder_must_be_account',
      message: `a ${input.kind} responsibility is held by a ${rule.holder}`,
    });
  else if (rule.holderUnitKinds && !rule.holderUnitKinds.includes(input.holderUnitKind ?? ''))
    out.push({
      field: 'holder.id',
      code: 'duty.holder_unit_kind',
      message: `a ${input.kind} responsibility is held by a department or outside unit`,
    });
  if (input.span.to !== null && input.span.to < input.span.from)
    out.push({ field: 'to', code: 'duty.ends_before_start', message: 'to is before from' });
  else if (rule.exclusive) {
    const clash = input.existing.find((e) => overlaps(e, input.span));
    if (clash)
      out.push({
        field: 'from',
        code: input.kind === 'lead' ? 'duty.lead_overlap' : 'duty.exclusive_overlap',
        message: `overlaps responsibility ${clash.id} (${clash.from} – ${clash.to ?? 'open'})`,
        params: { from: clash.from, to: clash.to ?? '' },
      });
  }
  return out;
}
