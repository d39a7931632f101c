import type { BriefingFigure, BriefingPreview } from '../../../../contracts/briefings.js';
import type { UnitKind } from '../../../../contracts/org.js';
import type { Actor } from '../../../../kernel/auth/actor.js';
import type { Executor } from '../../../../kernel/db/db.js';
import { DomainError, Invalid } from '../../../../kernel/errors.js';
import type { UnitRef } from '../../../org/index.js';
import { AREA_KINDS, mayRead } from '../../commands/access.js';
import { figuresOf, measureQuery } from '../../commands/measure-values.js';
import type { InsightsDeps } from '../../deps.js';
import {
  displayValue,
  fixedValues,
  measuresOf,
  parseTemplate,
  renderTemplate,
  type FigureInput,
  type MeasureName,
  type TemplateSegment,
} from '../domain/briefing-template.js';

/** The names a template may use: every measure registered (not only those the author may read). */
export const measureNames = (deps: Pick<InsightsDeps, 'measures'>): MeasureName[] =>
  deps.measures.map((m) => ({ code: m.code, label: m.label, group: m.group }));

/** A body parsed against the measures registered; a problem is a 422 naming `field` and the placeholder. */
export function parseOrRefuse(deps: Pick<InsightsDeps, 'measures'>, body: string, field: string): TemplateSegment[] {
  const parsed = parseTemplate(body, measureNames(deps));
  if (!parsed.ok)
    throw new Invalid(
      parsed.problem.code,
      parsed.problem.message.replace(/^body:/, `${field}:`),
      [{ field, code: parsed.problem.code, message: parsed.problem.message, params: parsed.problem.params }],
      parsed.problem.params,
    );
  return parsed.segments;
}

/**
 * The text of a parsed template for a unit and a period at `asOf`, and the figure behind each
 * footnote: the same query and the same sources as the dashboard (one query object for all of
 * them), so its numbers are the dashboard's. A measure the caller may not read, or that is not
 * taken at the unit's level, leaves its optional sentence out and refuses a plain one (naming `field`).
 */
export async function computeBriefing(
  deps: InsightsDeps,
  ex: Executor,
  actor: Actor,
  segments: readonly TemplateSegment[],
  unit: UnitRef,
  days: { from: string; to: string },
  asOf: Date,
  field: string,
): Promise<BriefingPreview> {
  const kind = unit.kind as UnitKind;
  const query = await measureQuery(
    deps,
    ex,
    actor.districtCode,
    [{ unitId: unit.id, unitPath: unit.path, kind }],
    days,
    asOf,
  );
  const sources = new Map(deps.measures.map((m) => [m.code, m]));
  const inputs = new Map<string, FigureInput & { link: string | null }>();
  await Promise.all(
    measuresOf(segments).map(async (code) => {
      const m = sources.get(code);
      if (!m) return;
      const available = mayRead(actor, m.permission) && (m.levels ?? AREA_KINDS).includes(kind);
      const base = { kind: m.kind, unit: m.unit ?? null, available };
      if (!available) return inputs.set(code, { ...base, numerator: 0, denominator: null, link: null });
      const [f] = await figuresOf(ex, m, query);
      inputs.set(code, { ...base, numerator: f!.numerator, denominator: f!.denominator, link: f!.link });
    }),
  );
  const rendered = renderTemplate(segments, fixedValues(unit.name, days.from, days.to), inputs);
  if (!rendered.ok) {
    const m = sources.get(rendered.code);
    if (!m)
      throw new Invalid('briefing.unknown_placeholder', `${field}: no measure ${rendered.code}`, [
        {
          field,
          code: 'briefing.unknown_placeholder',
          message: `no measure ${rendered.code}`,
          params: { placeholder: rendered.code },
        },
      ]);
    if (!mayRead(actor, m.permission))
      throw new DomainError('forbidden', 'insight.measure_forbidden', `${field}: your roles may not read ${m.code}`, [
        { field, code: 'insight.measure_forbidden', message: `your roles may not read ${m.code}` },
      ]);
    throw new Invalid('insight.level_not_measured', `${field}: ${m.code} is not measured at this level`, [
      { field, code: 'insight.level_not_measured', message: `${m.code} is not measured at ${kind}` },
    ]);
  }
  const figures: BriefingFigure[] = rendered.footnotes.map((code, i) => {
    const m = sources.get(code)!;
    const f = inputs.get(code)!;
    return {
      index: i + 1,
      code,
      label: m.label,
      group: m.group,
      kind: m.kind,
      unit: m.unit ?? null,
      numerator: f.numerator,
      denominator: m.kind === 'rate' ? (f.denominator ?? 0) : null,
      value: m.kind === 'count' ? f.numerator : f.denominator ? f.numerator / f.denominator : null,
      display: displayValue(f),
      definition: m.definition,
      timing: m.timing,
      unitId: unit.id,
      unitName: unit.name,
      from: days.from,
      to: days.to,
      asOf: asOf.toISOString(),
      link: f.link,
    };
  });
  return { text: rendered.text, figures, omitted: rendered.omitted };
}
