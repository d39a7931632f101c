import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { MAX_POINTS_PER_PATROL } from '../domain/patrol-rules.js';
import { openPatrolsFixture, walk, type PatrolsFixture } from './test-kit.js';

// Two phones (or one phone's outbox and a retry under a new key) racing on the same patrol: the end
// counts once, and concurrent track batches neither collide on a chunk's seq nor lose a total.
const T = (hhmm: string) => `2026-11-30T${hhmm}:00.000Z`;

for (const tdb of testDatabases()) {
  describe(`patrols under concurrency (${tdb.name})`, () => {
    let f: PatrolsFixture;
    beforeAll(async () => {
      f = await openPatrolsFixture(tdb, ['wgy_dehua']);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('two ends with different Idempotency-Keys: one ends it, the other is refused; coverage counts it once', async () => {
      const start = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', {
        kind: 'grid',
        gridIds: [f.grids.dehua1],
        startedAt: T('00:30'),
      });
      expect(start.statusCode, start.body).toBe(201);
      const id = start.json().id as string;
      const end = (key: string) =>
        f.call('wgy_dehua', 'POST', `/api/v1/patrols/${id}/end`, { endedAt: T('01:00') }, { 'idempotency-key': key });
      const results = await Promise.all([end('end-a'), end('end-b'), end('end-c')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const days = await f.h.database.db
        .selectFrom('patrol_unit_days')
        .select(['patrols'])
        .where('unit_id', '=', f.grids.dehua1)
        .execute();
      expect(days.map((d) => Number(d.patrols))).toEqual([1]);
      const audits = await f.h.database.db
        .selectFrom('audit_events')
        .select(sql<number>`count(*)`.as('n'))
        .where('action', '=', 'patrol.end')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(audits.n)).toBe(1);
    });

    it('concurrent track batches are all stored, each chunk its own seq, the totals adding up', async () => {
      const start = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', {
        kind: 'grid',
        gridIds: [f.grids.dehua1],
        startedAt: T('01:10'),
      });
      expect(start.statusCode, start.body).toBe(201);
      const id = start.json().id as string;
      const batches = [0, 1, 2, 3].map((i) => walk(f.inside, T(`01:${String(11 + i * 2).padStart(2, '0')}`), 3, 0.001));
      const results = await Promise.all(
        batches.map((points, i) =>
          f.call('wgy_dehua', 'POST', `/api/v1/patrols/${id}/track`, { points }, { 'idempotency-key': `t-${i}` }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const stored = results.reduce((n, r) => n + (r.json().stored as number), 0);
      const chunks = await f.h.database.db
        .selectFrom('patrol_track_chunks')
        .select(['seq', 'points'])
        .where('patrol_id', '=', id)
        .orderBy('seq')
        .execute();
      expect(chunks.map((c) => Number(c.seq))).toEqual([0, 1, 2, 3]);
      const detail = (await f.call('wgy_dehua', 'GET', `/api/v1/patrols/${id}`)).json();
      expect(detail.points).toBe(stored);
    });

    it('refuses a batch past the points one patrol keeps, naming points, and stores nothing of it', async () => {
      const under = (await f.call('wgy_dehua', 'GET', '/api/v1/patrols/active')).json().patrol;
      if (under) await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${under.id}/end`, { endedAt: T('01:25') });
      const start = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', {
        kind: 'grid',
        gridIds: [f.grids.dehua1],
        startedAt: T('01:30'),
      });
      const id = start.json().id as string;
      await f.h.database.db
        .updateTable('patrols')
        .set({ points: MAX_POINTS_PER_PATROL - 1 })
        .where('id', '=', id)
        .execute();
      const r = await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${id}/track`, {
        points: walk(f.inside, T('01:31'), 3, 0.001),
      });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors[0]).toMatchObject({
        field: 'points',
        message: zhSentence('patrol.track_full', { max: MAX_POINTS_PER_PATROL }),
      });
      const chunks = await f.h.database.db
        .selectFrom('patrol_track_chunks')
        .select('seq')
        .where('patrol_id', '=', id)
        .execute();
      expect(chunks).toHaveLength(0);
      expect((await f.call('wgy_dehua', 'GET', `/api/v1/patrols/${id}`)).json().points).toBe(MAX_POINTS_PER_PATROL - 1);
    });

    it('two starts at once (different ids and keys): one patrol under way, the other refused', async () => {
      const under = (await f.call('wgy_dehua', 'GET', '/api/v1/patrols/active')).json().patrol;
      if (under) await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${under.id}/end`, { endedAt: T('01:40') });
      const start = (key: string) =>
        f.call(
          'wgy_dehua',
          'POST',
          '/api/v1/patrols',
          { kind: 'grid', gridIds: [f.grids.dehua1], startedAt: T('01:45') },
          { 'idempotency-key': key },
        );
      const results = await Promise.all([start('s-a'), start('s-b'), start('s-c')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      const active = await f.h.database.db
        .selectFrom('patrols')
        .select('id')
        .where('recorder_id', '=', f.ids.wgy_dehua!)
        .where('status', '=', 'active')
        .execute();
      expect(active).toHaveLength(1);
    });
  });
}
