import type { Executor } from '../../../kernel/db/db.js';
import type { ReportFormDefinition } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';

/** The units that must report a form under a path: a tree level or a hand-picked list, retired ones included (for past periods). */
export function reportingUnits(
  deps: ReportingDeps,
  ex: Executor,
  districtCode: string,
  path: string,
  who: ReportFormDefinition['reporters'],
) {
  return deps.org.unitsUnder(
    ex,
    districtCode,
    path,
    who.kind === 'level' ? { kind: who.unitKind } : { ids: who.unitIds },
  );
}
