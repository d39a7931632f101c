import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { fixedOffsetMs, fromLocal, parseDay } from '../../../kernel/calendar/local-time.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import type { CampaignsDeps } from '../deps.js';

/** A problem with one field: 422 naming it, nothing written. */
export function fieldProblem(field: string, code: string, params?: Record<string, string | number>): Invalid {
  return new Invalid(code, code, [{ field, code, message: code, ...(params ? { params } : {}) }]);
}

/** The unit a request names (or the caller's own), which must lie in the caller's scope. */
export async function unitInScope(
  deps: CampaignsDeps,
  ex: Executor,
  actor: Actor,
  unitId: string | undefined,
  field = 'unitId',
): Promise<UnitRef> {
  const unit = await deps.org.unit(ex, unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw fieldProblem(field, 'indicator.unit_out_of_scope');
  return unit;
}

/** The instants of local days [firstDay, lastDay] (Asia/Shanghai): from the first's 00:00 to after the last. */
export function dayBounds(deps: CampaignsDeps, firstDay: string, lastDay: string): { from: Date; to: Date } {
  const offset = fixedOffsetMs(deps.config.timeZone);
  return { from: fromLocal(parseDay(firstDay), 0, offset), to: fromLocal(parseDay(lastDay) + 1, 0, offset) };
}

/** A period's days in order, or 422 on the field `to`. */
export function checkDays(firstDay: string, lastDay: string, field = 'to'): void {
  if (lastDay < firstDay) throw fieldProblem(field, 'indicator.period_reversed');
}
