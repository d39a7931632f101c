import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { loadConfig } from '../../../kernel/config.js';
import { createEventBus } from '../../../kernel/events/events.js';
import { LocateService, createOrgApi } from '../../org/index.js';
import {
  accumulate,
  computeCompleteness,
  emptyPartial,
  fieldsByVersion,
  finishRollup,
  rollupCompleteness,
  rollupFieldsOf,
  RollupFold,
  childKeyOf,
  type CompletenessSummary,
  type FieldRollup,
  type ReportFormDefinition,
} from '../domain/index.js';
import { rebuildRollups } from './rebuild-rollups.js';
import { completenessOfAreas } from './area-completeness.js';
import { reportStore } from '../store/report.store.js';
import type { ReportingDeps } from '../deps.js';

/*
 * The roll-up tables are kept up by every submission; this checks them against their definition, a
 * fold over the submissions as they stand, after three weeks of reports with corrections (some
 * lowering a max), late and zero reports, a new form version, and communities opened and retired
 * mid-range (one retired after reporting, before the deadline). Completeness and roll-ups read from
 * the tables must then equal the pure functions over every report. Then communities move between
 * sub-districts, and the tables must still equal the fold, with every report under its unit's new path.
 */

const FORM = {
  code: 'checks_daily',
  name: '核查日报',
  periodType: 'daily',
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 1 },
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [
    { code: 'visits', label: '走访户数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'peak', label: '最高人数', type: 'integer', required: true, min: 0, aggregation: 'max' },
    { code: 'rate', label: '满意度', type: 'decimal', min: 0, max: 100, scale: 1, aggregation: 'avg' },
    { code: 'note', label: '说明', type: 'text' },
  ],
  rules: [],
};

interface TableRow {
  period: string;
  area_path: string;
  submitted: number;
  on_time: number;
  zero: number;
}
interface FieldRow {
  period: string;
  area_path: string;
  field: string;
  sum: number;
  count: number;
  max: number | null;
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: roll-up tables kept by each submission`, () => {
    let h: Harness;
    let admin: string;
    let formId: string;
    let deps: ReportingDeps;
    const subs: { id: string; path: string }[] = [];
    // The app's registry of unit-move listeners, to add one that fails.
    const events = createEventBus();
    const communities: { id: string; name: string }[] = [];
    let seed = 4242;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const at = (day: string, hhmm: string) => h.clock.set(new Date(`${day}T${hhmm}:00+08:00`).toISOString());
    const days = Array.from({ length: 21 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

    // Sessions lapse while the clock jumps days ahead: log in again when told to.
    const call = async (method: string, url: string, body?: unknown) => {
      let r = await h.call(method, url, { cookie: admin, body });
      if (r.statusCode === 401) {
        admin = await h.login('admin');
        r = await h.call(method, url, { cookie: admin, body });
      }
      return r;
    };
    const mkUnit = async (parentId: string, kind: string, name: string) => {
      const r = await call('POST', '/api/v1/units', { parentId, kind, name });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; path: string };
    };
    const submit = async (unitId: string, period: string, body: Record<string, unknown>) => {
      const r = await call('POST', `/api/v1/report-forms/${formId}/submissions`, { unitId, period, ...body });
      expect([200, 201], r.body).toContain(r.statusCode);
    };
    const values = () => ({
      visits: Math.floor(rnd() * 50),
      peak: Math.floor(rnd() * 30),
      ...(rnd() < 0.7 ? { rate: Math.round(rnd() * 1000) / 10 } : {}),
    });

    beforeAll(async () => {
      h = await openHarness(tdb, {}, { events });
      h.clock.set('2026-10-20T02:00:00.000Z');
      admin = await h.login('admin');
      for (const name of ['城北街道', '城南街道']) subs.push(await mkUnit(h.districtId, 'subdistrict', name));
      for (let i = 0; i < 5; i++) {
        const c = await mkUnit(subs[i % 2].id, 'community', `社区${i + 1}`);
        communities.push({ id: c.id, name: `社区${i + 1}` });
      }
      await at('2026-10-25', '09:00');
      const f = await call('POST', '/api/v1/report-forms', FORM);
      expect(f.statusCode, f.body).toBe(201);
      formId = f.json().id;
      deps = {
        database: h.database,
        clock: h.clock,
        config: loadConfig({}),
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
      };

      for (const day of days) {
        await at(day, '08:00');
        if (day === '2026-11-06')
          communities.push({ id: (await mkUnit(subs[1].id, 'community', '新建社区')).id, name: '新建社区' });
        if (day === '2026-11-15') {
          // A new version: 'peak' leaves, 'helpers' comes in; older reports keep their own fields.
          const v2 = {
            ...FORM,
            fields: [
              FORM.fields[0],
              FORM.fields[2],
              { code: 'helpers', label: '志愿者人数', type: 'integer', min: 0, aggregation: 'sum' },
            ],
          };
          expect((await call('POST', `/api/v1/report-forms/${formId}/versions`, v2)).statusCode).toBe(201);
        }
        const v2 = day >= '2026-11-15';
        for (const c of communities) {
          const r = rnd();
          if (r < 0.15) continue; // missing
          await at(day, r > 0.85 ? '23:00' : '10:00'); // after the deadline, but within the grace day: still on time
          const body =
            rnd() < 0.2
              ? { zero: true }
              : { values: v2 ? { visits: Math.floor(rnd() * 50), helpers: Math.floor(rnd() * 9) } : values() };
          if (day === '2026-11-12' && c === communities[4]) continue;
          if (day === '2026-11-21' && c === communities[0]) continue; // owed, not due by the end: 未到期
          await submit(c.id, day, body);
        }
        // Late reports (after the grace day) for the day before, and corrections of earlier days.
        const prev = days[days.indexOf(day) - 2];
        if (prev) {
          await at(day, '11:00');
          for (const c of communities) {
            const r = rnd();
            if (r < 0.15) await submit(c.id, prev, { zero: true }).catch(() => undefined);
            else if (r < 0.35)
              await submit(
                c.id,
                prev,
                v2 && prev >= '2026-11-15' ? { values: { visits: 1, helpers: 0 } } : { values: { visits: 1, peak: 0 } },
              ).catch(() => undefined);
          }
        }
        if (day === '2026-11-12') {
          // 社区5 reports at 10:00 and is retired at 12:00, before the 16:00 deadline: it still owes that day
          // (it existed during it), and owes nothing after.
          await at(day, '10:00');
          await submit(communities[4].id, day, { values: { visits: 7, peak: 99 } });
          await at(day, '12:00');
          expect((await call('POST', `/api/v1/units/${communities[4].id}/retire`)).statusCode).toBe(200);
          communities.splice(4, 1);
        }
      }
      await at('2026-11-21', '20:00');
      admin = await h.login('admin');
    }, 120_000);
    afterAll(async () => h?.close());

    const tables = async () => {
      const db = h.database.db;
      const counts = (await db
        .selectFrom('report_rollups')
        .select(['period', 'area_path', 'submitted', 'on_time', 'zero'])
        .where('form_id', '=', formId)
        .execute()) as TableRow[];
      const fields = (await db
        .selectFrom('report_rollup_fields')
        .select(['period', 'area_path', 'field', 'sum', 'count', 'max'])
        .where('form_id', '=', formId)
        .execute()) as FieldRow[];
      const key = (r: { period: string; area_path: string; field?: string }) =>
        `${r.period}|${r.area_path}|${r.field ?? ''}`;
      return {
        counts: Object.fromEntries(
          counts.filter((r) => r.submitted !== 0).map((r) => [key(r), [r.submitted, r.on_time, r.zero]]),
        ),
        fields: Object.fromEntries(
          fields
            .filter((r) => r.count !== 0)
            .map((r) => [key(r), [Math.round(r.sum * 1000) / 1000 + 0, r.count, r.max]]),
        ),
      };
    };
    const allSubmissions = () =>
      h.database.db.selectFrom('report_submissions').selectAll().where('form_id', '=', formId).execute();

    /** The fold over every submission, each under its unit's path as org has it now (not the stored one). */
    const foldOfSubmissions = async () => {
      const rows = await allSubmissions();
      const pathOf = new Map(
        (await deps.org.unitsUnder(h.database.db, rows[0].district_code, '/', {})).map((u) => [u.id, u.path]),
      );
      const versions = (
        await h.database.db
          .selectFrom('report_form_versions')
          .select('definition')
          .where('form_id', '=', formId)
          .execute()
      ).map((v) => JSON.parse(v.definition) as ReportFormDefinition);
      const fieldsOf = fieldsByVersion(versions);
      const fold = new RollupFold();
      for (const s of rows)
        fold.add(fieldsOf.get(s.form_version) ?? [], {
          unitPath: pathOf.get(s.unit_id)!,
          period: s.period,
          onTime: s.on_time === 1,
          zero: s.zero === 1,
          values: JSON.parse(s.values),
        });
      const expected = { counts: {} as Record<string, number[]>, fields: {} as Record<string, (number | null)[]> };
      for (const r of fold.values()) {
        expected.counts[`${r.period}|${r.areaPath}|`] = [r.submitted, r.onTime, r.zero];
        for (const [f, p] of Object.entries(r.fields))
          expected.fields[`${r.period}|${r.areaPath}|${f}`] = [Math.round(p.sum * 1000) / 1000 + 0, p.count, p.max];
      }
      return expected;
    };

    it('equals the fold over every submission as it stands', async () => {
      const rows = await allSubmissions();
      expect(rows.some((r) => r.revision > 1)).toBe(true);
      expect(rows.some((r) => r.on_time === 0)).toBe(true);
      const expected = await foldOfSubmissions();
      const kept = await tables();
      expect(Object.keys(kept.counts).length).toBeGreaterThan(40);
      expect(kept).toEqual(expected);
      // The rebuild writes the same rows.
      await rebuildRollups(deps, formId);
      expect(await tables()).toEqual(kept);
    });

    const expectCompletenessAsPureRules = async () => {
      const rows = await allSubmissions();
      for (const scope of [{ id: h.districtId }, ...subs]) {
        const r = await h.call(
          'GET',
          `/api/v1/report-forms/${formId}/completeness?unitId=${scope.id}&from=2026-11-01&to=2026-11-21&missingLimit=1000`,
          { cookie: admin },
        );
        expect(r.statusCode, r.body).toBe(200);
        const got = r.json();
        const scopeUnit = (await deps.org.unit(h.database.db, scope.id))!;
        const scopePath = scopeUnit.path;
        const all = await deps.org.unitsUnder(h.database.db, scopeUnit.districtCode, scopePath, { kind: 'community' });
        const want = computeCompleteness({
          periodType: 'daily',
          deadline: FORM.deadline,
          from: '2026-11-01',
          to: '2026-11-21',
          timeZone: 'Asia/Shanghai',
          now: h.clock.now(),
          units: all.map((u) => ({
            unitId: u.id,
            activeFrom: new Date(u.createdAt),
            retiredAt: u.retiredAt ? new Date(u.retiredAt) : null,
          })),
          submissions: rows
            .filter((s) => all.some((u) => u.id === s.unit_id))
            .map((s) => ({
              unitId: s.unit_id,
              period: s.period,
              submittedAt: new Date(s.submitted_at),
              zero: s.zero === 1,
            })),
        });
        const pick = (c: CompletenessSummary) => ({
          expected: c.expected,
          submitted: c.submitted,
          onTime: c.onTime,
          late: c.late,
          zero: c.zero,
          missing: c.missing,
          notDue: c.notDue,
          reportingRate: c.reportingRate,
          timeliness: c.timeliness,
        });
        expect(pick({ ...got, missing: got.missingTotal })).toEqual(pick(want.totals));
        expect(want.totals.expected).toBeGreaterThan(want.totals.submitted);
        // 社区1 has not reported 11-21, not due at 20:00 with a grace day.
        if (scope.id === h.districtId) expect(want.totals.notDue).toBeGreaterThan(0);
        expect(got.byPeriod).toEqual(want.byPeriod);
        const pathOf = new Map(all.map((u) => [u.id, u.path]));
        const byChild = rollupCompleteness(want.units, (u) => childKeyOf(scopePath, pathOf.get(u.unitId)!));
        expect(
          Object.fromEntries(got.units.map((u: CompletenessSummary & { unitId: string }) => [u.unitId, pick(u)])),
        ).toEqual(Object.fromEntries([...byChild].map(([k, c]) => [k, pick(c)])));
        expect(got.missing.map((m: { unitId: string; period: string }) => `${m.period} ${m.unitId}`).sort()).toEqual(
          want.missing.map((m) => `${m.period} ${m.unitId}`).sort(),
        );
        const notDue = (
          await h.call(
            'GET',
            `/api/v1/report-forms/${formId}/completeness?unitId=${scope.id}&from=2026-11-01&to=2026-11-21&list=notDue&missingLimit=1000`,
            { cookie: admin },
          )
        ).json();
        expect(notDue.missingTotal).toBe(want.totals.notDue);
        expect(notDue.missing.map((m: { unitId: string; period: string }) => `${m.period} ${m.unitId}`).sort()).toEqual(
          want.notDue.map((m) => `${m.period} ${m.unitId}`).sort(),
        );
      }
      await expectAreasAsPureRules(rows);
    };

    /**
     * The insights' grouped read (completenessOfAreas: every area at once, the units alive throughout
     * counted per parent): for the district, each sub-district and each community (which reports
     * itself), over ranges that start and end before, inside and after the days units opened or
     * retired, equal to the pure rules over every unit and report under each area.
     */
    const expectAreasAsPureRules = async (rows: Awaited<ReturnType<typeof allSubmissions>>) => {
      const db = h.database.db;
      const dc = rows[0].district_code;
      const all = await deps.org.unitsUnder(db, dc, '/', {});
      const areas = all.filter((u) => u.path.split('/').length <= 5).map((u) => ({ unitId: u.id, unitPath: u.path }));
      expect(areas.length).toBeGreaterThan(8);
      const reporters = await deps.org.unitsUnder(db, dc, '/', { kind: 'community' });
      const form = (await reportStore.form(db, formId))!;
      for (const [from, to] of [
        ['2026-11-01', '2026-11-21'],
        ['2026-11-06', '2026-11-06'],
        ['2026-11-07', '2026-11-14'],
        ['2026-11-03', '2026-11-30'],
        ['2026-10-01', '2026-10-31'],
      ]) {
        const got = await completenessOfAreas(deps, db, form, areas, from, to, h.clock.now());
        const want = areas.map((a) => {
          const units = reporters.filter((u) => u.path.startsWith(a.unitPath));
          const ids = new Set(units.map((u) => u.id));
          return computeCompleteness({
            periodType: 'daily',
            deadline: FORM.deadline,
            from,
            to,
            timeZone: 'Asia/Shanghai',
            now: h.clock.now(),
            units: units.map((u) => ({
              unitId: u.id,
              activeFrom: new Date(u.createdAt),
              retiredAt: u.retiredAt ? new Date(u.retiredAt) : null,
            })),
            submissions: rows
              .filter((s) => ids.has(s.unit_id))
              .map((s) => ({
                unitId: s.unit_id,
                period: s.period,
                submittedAt: new Date(s.submitted_at),
                zero: s.zero === 1,
              })),
          }).totals;
        });
        expect(got, `${from}..${to}`).toEqual(want);
      }
    };

    it(
      'gives the completeness the pure rules give over every report, for the district and each sub-district',
      expectCompletenessAsPureRules,
    );

    it('pages the missing list, latest period first', async () => {
      const url = (o: number, l: number) =>
        `/api/v1/report-forms/${formId}/completeness?from=2026-11-01&to=2026-11-21&missingOffset=${o}&missingLimit=${l}`;
      const whole = (await h.call('GET', url(0, 1000), { cookie: admin })).json();
      expect(whole.missingTotal).toBe(whole.missing.length);
      const pages = [];
      for (let o = 0; o < whole.missingTotal; o += 7)
        pages.push(...(await h.call('GET', url(o, 7), { cookie: admin })).json().missing);
      expect(pages).toEqual(whole.missing);
      const periods = whole.missing.map((m: { period: string }) => m.period);
      expect(periods).toEqual([...periods].sort().reverse());
      const tooMany = await h.call('GET', url(0, 5000), { cookie: admin });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().errors[0].field).toBe('missingLimit');
    });

    it('rolls up each field by its rule as the pure roll-up does over the latest reports', async () => {
      const rows = await allSubmissions();
      const r = await h.call('GET', `/api/v1/report-forms/${formId}/rollup?from=2026-11-01&to=2026-11-21`, {
        cookie: admin,
      });
      expect(r.statusCode, r.body).toBe(200);
      const versions = (
        await h.database.db
          .selectFrom('report_form_versions')
          .select('definition')
          .where('form_id', '=', formId)
          .orderBy('version')
          .execute()
      ).map((v) => JSON.parse(v.definition) as ReportFormDefinition);
      const fields = rollupFieldsOf(versions.at(-1)!);
      // Each report is read with the fields of its own version: a zero report of version 1 says nothing of a field added in version 2.
      const partial = emptyPartial(fields);
      for (const v of versions) {
        const own = rows
          .filter((s) => s.form_version === v.version)
          .map((s) => ({ unitId: s.unit_id, period: s.period, zero: s.zero === 1, values: JSON.parse(s.values) }));
        accumulate(
          rollupFieldsOf(v).filter((f) => fields.some((x) => x.code === f.code)),
          own,
          partial,
        );
      }
      const want = finishRollup(fields, partial);
      const round = (x: Record<string, FieldRollup>) =>
        Object.fromEntries(
          Object.entries(x).map(([k, v]) => [
            k,
            { ...v, value: v.value === null ? null : Math.round(v.value * 1000) / 1000 },
          ]),
        );
      expect(round(r.json().total)).toEqual(round(want));
      expect(r.json().reports).toBe(rows.length);
      expect(r.json().byPeriod).toHaveLength(21);
      expect(r.json().rows.map((x: { unitName: string }) => x.unitName)).toEqual(['城北街道', '城南街道']);
      const bad = await h.call(
        'GET',
        `/api/v1/report-forms/${formId}/rollup?from=2026-11-01&to=2026-11-21&fields=visits,nope`,
        { cookie: admin },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].field).toBe('fields');
    });

    const move = (unitId: string, parentId: string) => call('POST', `/api/v1/units/${unitId}/move`, { parentId });
    const followAudits = async () =>
      await h.database.db
        .selectFrom('audit_events')
        .select(['entity_id', 'summary'])
        .where('action', '=', 'report_rollup.follow_move')
        .execute();
    const snapshot = async () => ({
      tables: await tables(),
      paths: (await allSubmissions()).map((r) => `${r.unit_id} ${r.unit_path}`).sort(),
      units: (await deps.org.unitsUnder(h.database.db, deps.config.districtCode, '/', {})).map(
        (u) => `${u.id} ${u.path}`,
      ),
    });

    it('leaves org and reporting as they were when a listener of the move fails', async () => {
      const before = await snapshot();
      expect(before.units.length).toBeGreaterThan(5);
      const off = events.on('org.unit_moved', async () => {
        throw new Error('forced failure after reporting followed');
      });
      try {
        expect((await move(communities[0].id, subs[1].id)).statusCode).toBe(500);
      } finally {
        off();
      }
      expect(await snapshot()).toEqual(before);
      expect(await followAudits()).toEqual([]);
    });

    it("counts a moved community's reports under its new sub-district as soon as the move commits", async () => {
      const moved = communities[0];
      const r = await move(moved.id, subs[1].id);
      expect(r.statusCode, r.body).toBe(200);
      const pathOf = async (id: string) => (await deps.org.unit(h.database.db, id))!.path;
      const newPath = await pathOf(moved.id);
      expect(newPath).toBe(`${await pathOf(subs[1].id)}${moved.id}/`);
      // The reports moved with the unit, and the tables equal the fold under the new paths.
      const rows = await allSubmissions();
      const mine = rows.filter((s) => s.unit_id === moved.id);
      expect(mine.length).toBeGreaterThan(10);
      expect(new Set(mine.map((s) => s.unit_path))).toEqual(new Set([newPath]));
      expect(await tables()).toEqual(await foldOfSubmissions());
      // The roll-up of the new sub-district has a row for it, and the old one none.
      const rollupOf = async (unitId: string) =>
        (
          await h.call('GET', `/api/v1/report-forms/${formId}/rollup?unitId=${unitId}&from=2026-11-01&to=2026-11-21`, {
            cookie: admin,
          })
        ).json() as { reports: number; rows: { unitId: string; reports: number }[] };
      const [north, south] = [await rollupOf(subs[0].id), await rollupOf(subs[1].id)];
      expect(north.rows.map((x) => x.unitId)).not.toContain(moved.id);
      expect(south.rows.find((x) => x.unitId === moved.id)?.reports).toBe(
        mine.filter((s) => s.period >= '2026-11-01').length,
      );
      // The district's row per sub-district is read from the tables: the moved reports count under 城南.
      const inRange = rows.filter((s) => s.period >= '2026-11-01');
      const district = await rollupOf(h.districtId);
      for (const sub of subs) {
        const under = new Set(
          (await deps.org.unitsUnder(h.database.db, deps.config.districtCode, await pathOf(sub.id), {})).map(
            (u) => u.id,
          ),
        );
        expect(district.rows.find((x) => x.unitId === sub.id)?.reports).toBe(
          inRange.filter((s) => under.has(s.unit_id)).length,
        );
      }
      expect(north.reports + south.reports).toBe(inRange.length);
      // Completeness: expected under the new parent, and every figure as the pure rules give it.
      const c = (
        await h.call(
          'GET',
          `/api/v1/report-forms/${formId}/completeness?unitId=${subs[1].id}&from=2026-11-01&to=2026-11-21`,
          { cookie: admin },
        )
      ).json();
      const row = c.units.find((u: { unitId: string }) => u.unitId === moved.id);
      expect(row.expected + row.notDue).toBe(21); // owed every day; 11-21 may still be open
      expect(row.submitted).toBe(mine.filter((s) => s.period >= '2026-11-01').length);
      await expectCompletenessAsPureRules();
      // The audit log says the reports followed, in the move's request.
      const audits = await followAudits();
      expect(audits.map((a) => a.entity_id)).toEqual([moved.id]);
      expect(audits[0].summary).toContain(`${mine.length} 份报告`);
      // And back again: still the fold.
      expect((await move(moved.id, subs[0].id)).statusCode).toBe(200);
      expect(await tables()).toEqual(await foldOfSubmissions());
      await expectCompletenessAsPureRules();
    });

    it('changes nothing in reporting when the moved unit has no reports', async () => {
      const quiet = await mkUnit(subs[0].id, 'community', '无报告社区');
      const before = await snapshot();
      const audits = (await followAudits()).length;
      expect((await move(quiet.id, subs[1].id)).statusCode).toBe(200);
      const after = await snapshot();
      expect(after.tables).toEqual(before.tables);
      expect(after.paths).toEqual(before.paths);
      expect((await followAudits()).length).toBe(audits);
    });
  });
}
