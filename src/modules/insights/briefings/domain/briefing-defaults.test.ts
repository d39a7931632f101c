import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './briefing-defaults.js';
import { measuresOf, parseTemplate, type MeasureName } from './briefing-template.js';

const LEDGER: MeasureName[] = [
  'cases.open',
  'cases.reported',
  'cases.accepted',
  'cases.closed',
  'cases.closeRate',
  'cases.onTimeCloseRate',
  'cases.onTimeHandleRate',
  'cases.reworkRate',
  'cases.overdueOpen',
].map((code) => ({ code, label: code.slice(6), group: '问题台账' }));

describe('default briefing templates', () => {
  it('name only measures that are registered, and parse', () => {
    for (const measures of [
      LEDGER,
      LEDGER.slice(0, 4),
      [...LEDGER, { code: 'patrols.coverage', label: '巡查覆盖率', group: '巡查' }],
    ]) {
      const known = new Set(measures.map((m) => m.code));
      for (const t of defaultTemplates(measures)) {
        const p = parseTemplate(t.body, measures);
        expect(p.ok, t.body).toBe(true);
        if (p.ok) expect(measuresOf(p.segments).every((c) => known.has(c))).toBe(true);
      }
    }
  });

  it('writes the ledger in the seed’s register and offers a kind only once its module has measures', () => {
    const only = defaultTemplates(LEDGER);
    expect(only.map((t) => t.kind)).toEqual(['ledger', 'general']);
    expect(only[0]!.body).toContain('{单位}共受理问题{cases.reported}');
    const more = defaultTemplates([...LEDGER, { code: 'patrols.coverage', label: '巡查覆盖率', group: '巡查' }]);
    expect(more.map((t) => t.kind)).toEqual(['ledger', 'patrols', 'general']);
    expect(more.find((t) => t.kind === 'patrols')!.body).toContain('[巡查方面，巡查覆盖率{patrols.coverage}。]');
  });

  it('drops a hand-written ledger sentence whose measure is missing', () => {
    const body = defaultTemplates(LEDGER.filter((m) => m.code !== 'cases.reworkRate'))[0]!.body;
    expect(body).not.toContain('reworkRate');
    // 按期处置率 is then listed in the module's generic sentence, by its label.
    expect(body).toContain('[问题台账方面，onTimeHandleRate{cases.onTimeHandleRate}。]');
  });
});
