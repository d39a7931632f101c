import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { applyVisit, foldCoverage, type HouseholdRoundState } from '../domain/coverage.js';
import { openPopulationFixture, testIdNumber, type PopulationFixture } from './test-kit.js';

const USERS = ['admin', 'leader', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'];

async function sheet(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民台账');
  ws.addRow(['居民台账导入表']);
  ws.addRow(['网格', '楼栋', '门牌', '姓名', '身份证号', '电话', '与户主关系', '人口类型', '标签', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer): { payload: Buffer; type: string } {
  const boundary = '----pop' + Date.now();
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="居民.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

for (const tdb of testDatabases()) {
  describe(`people and places API (${tdb.name})`, () => {
    let f: PopulationFixture;
    let myGrid = ''; // wgy_dehua's grid
    let otherGrid = ''; // another grid of 德化社区
    let zzGrid = ''; // a grid of 朱庄社区
    const ids = { building: '', h1: '', h2: '', h3: '', zzHousehold: '', head: '', round: '' };
    const count = async (table: 'pop_households' | 'pop_residents' | 'pop_visits') =>
      Number(
        (
          await f.h.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      myGrid = (await f.call('wgy_dehua', 'GET', '/api/v1/auth/me')).json().unitId;
      otherGrid = f.grids.dehua.find((g) => g.id !== myGrid)!.id;
      zzGrid = f.grids.zhuzhuang[0]!.id;
    }, 120_000);
    afterAll(async () => f?.h.close());

    it('places a building by the grid chosen and a household by its point, into the smallest grid', async () => {
      const grid = f.grids.dehua.find((g) => g.id === myGrid)!;
      const b = await f.call('dehua', 'POST', '/api/v1/buildings', { name: '德化街1号院1号楼', gridId: myGrid });
      expect(b.statusCode, b.body).toBe(201);
      ids.building = b.json().id;
      expect(b.json().grid).toMatchObject({ id: myGrid, communityName: '德化社区' });
      const p = await f.pointIn(grid);
      const h1 = await f.call('dehua', 'POST', '/api/v1/households', {
        address: '德化街1号院1号楼1单元101',
        buildingId: ids.building,
        location: p,
      });
      expect(h1.statusCode, h1.body).toBe(201);
      expect(h1.json()).toMatchObject({ grid: { id: myGrid }, building: { name: '德化街1号院1号楼' }, members: 0 });
      ids.h1 = h1.json().id;
      ids.h2 = (
        await f.call('wgy_dehua', 'POST', '/api/v1/households', { address: '德化街1号院1号楼1单元102', gridId: myGrid })
      ).json().id;
      ids.h3 = (
        await f.call('dehua', 'POST', '/api/v1/households', { address: '德化街2号院3单元201', gridId: otherGrid })
      ).json().id;
      ids.zzHousehold = (
        await f.call('zhuzhuang', 'POST', '/api/v1/households', { address: '朱庄路9号', gridId: zzGrid })
      ).json().id;
      expect(ids.h2 && ids.h3 && ids.zzHousehold).toBeTruthy();
    });

    it('refuses a household outside every grid, on another community’s grid, or in another grid’s building, writing nothing', async () => {
      const before = await count('pop_households');
      const outside = await f.call('dehua', 'POST', '/api/v1/households', {
        address: '海上',
        location: { lng: 120, lat: 30 },
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.headers['content-type']).toContain('application/problem+json');
      expect(outside.json().errors[0]).toMatchObject({
        field: 'location',
        message: expect.stringContaining('不在任何网格'),
      });
      const foreign = await f.call('dehua', 'POST', '/api/v1/households', { address: '朱庄路1号', gridId: zzGrid });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().errors[0].field).toBe('gridId');
      const wrongBuilding = await f.call('dehua', 'POST', '/api/v1/households', {
        address: '德化街2号院',
        gridId: otherGrid,
        buildingId: ids.building,
      });
      expect(wrongBuilding.json().errors[0].field).toBe('buildingId');
      const grid = f.grids.dehua.find((g) => g.id === myGrid)!;
      const mismatch = await f.call('dehua', 'POST', '/api/v1/households', {
        address: 'x',
        gridId: otherGrid,
        location: await f.pointIn(grid),
      });
      expect(mismatch.json().errors[0].field).toBe('location');
      expect(await count('pop_households')).toBe(before);
    });

    it('checks the ID number: checksum, birth date in the future, and derives birth date and sex', async () => {
      const before = await count('pop_residents');
      const good = testIdNumber('19560314', 123);
      const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const r1 = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '钱秀英',
        idNumber: wrongCheck,
        householdId: ids.h1,
        residenceKind: 'registered',
      });
      expect(r1.statusCode).toBe(422);
      expect(r1.json().errors[0]).toMatchObject({ field: 'idNumber', message: '身份证号校验位不正确，请核对' });
      const future = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '钱秀英',
        idNumber: testIdNumber('20301231', 124),
        householdId: ids.h1,
        residenceKind: 'registered',
      });
      expect(future.json().errors[0]).toMatchObject({ field: 'idNumber', message: '身份证号中的出生日期晚于今天' });
      expect(await count('pop_residents')).toBe(before);

      const ok = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '钱秀英',
        idNumber: good,
        phone: '13800001111',
        householdId: ids.h1,
        relation: 'head',
        residenceKind: 'registered',
        tags: ['left_behind_elderly'],
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().outcome).toBe('created');
      // Sequence 123 is odd: a man; 1956-03-14 is 70 on 2026-11-30.
      expect(ok.json().resident).toMatchObject({
        sex: 'male',
        birthDate: '1956-03-14',
        age: 70,
        idNumber: `411***********${good.slice(-4)}`,
        phone: '138****1111',
        masked: true,
        household: { id: ids.h1, address: '德化街1号院1号楼1单元101' },
      });
      ids.head = ok.json().resident.id;
      const head2 = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '孙二',
        householdId: ids.h1,
        relation: 'head',
        residenceKind: 'registered',
      });
      expect(head2.json().errors[0]).toMatchObject({ field: 'relation', message: '该户已有户主' });
    });

    it('keeps one record per ID number: the same name merges, another name waits for a review', async () => {
      const id = testIdNumber('19820705', 246);
      const first = await f.call('wgy_dehua', 'POST', '/api/v1/residents', {
        name: '周文静',
        idNumber: id,
        householdId: ids.h2,
        residenceKind: 'resident',
      });
      expect(first.json().outcome).toBe('created');
      const again = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '周 文静',
        idNumber: id,
        phone: '13900002222',
        householdId: ids.h2,
        residenceKind: 'resident',
        tags: ['subsistence'],
      });
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({
        outcome: 'merged',
        resident: { id: first.json().resident.id, tags: ['subsistence'], phone: '139****2222' },
      });
      const typo = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '周文经',
        idNumber: id,
        householdId: ids.h2,
        residenceKind: 'resident',
      });
      expect(typo.json()).toMatchObject({ outcome: 'review', resident: { name: '周文静', pendingReview: true } });
      const rows = await f.h.database.db.selectFrom('pop_residents').select('id').where('id_number', '=', id).execute();
      expect(rows).toHaveLength(1);
      const reviews = (await f.call('dehua', 'GET', '/api/v1/resident-reviews')).json().items;
      expect(reviews[0]).toMatchObject({ existingName: '周文静', proposedName: '周文经', status: 'pending' });
      // Another community neither sees the review nor may decide it.
      expect((await f.call('zhuzhuang', 'GET', '/api/v1/resident-reviews')).json().items).toHaveLength(0);
      expect(
        (await f.call('zhuzhuang', 'POST', `/api/v1/resident-reviews/${reviews[0].id}/decision`, { keep: 'proposed' }))
          .statusCode,
      ).toBe(404);
      const decided = await f.call('dehua', 'POST', `/api/v1/resident-reviews/${reviews[0].id}/decision`, {
        keep: 'proposed',
      });
      expect(decided.json()).toMatchObject({
        status: 'decided',
        keptName: 'proposed',
        decidedByName: '德化社区两委（演示）',
      });
      const person = (await f.call('dehua', 'GET', `/api/v1/residents/${first.json().resident.id}`)).json();
      expect(person).toMatchObject({ name: '周文经', pendingReview: false });
      expect(
        (await f.call('dehua', 'POST', `/api/v1/resident-reviews/${reviews[0].id}/decision`, { keep: 'existing' }))
          .statusCode,
      ).toBe(409);
      const history = (await f.call('dehua', 'GET', `/api/v1/residents/${person.id}/history`)).json().items;
      expect(history.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'merged', 'review_decided']);
    });

    it('reveals the full ID number and phone only to a role that needs them, with a reason, audited', async () => {
      const url = `/api/v1/residents/${ids.head}/reveal`;
      expect((await f.call('leader', 'GET', `${url}?reason=核实`)).statusCode).toBe(403);
      const noReason = await f.call('wgy_dehua', 'GET', url);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0].field).toBe('reason');
      const shown = await f.call('wgy_dehua', 'GET', `${url}?reason=${encodeURIComponent('电话回访')}`);
      expect(shown.json()).toMatchObject({
        idNumber: testIdNumber('19560314', 123),
        phone: '13800001111',
        masked: false,
      });
      const audit = await f.h.database.db
        .selectFrom('audit_events')
        .select(['summary', 'action'])
        .where('entity_id', '=', ids.head)
        .where('action', '=', 'resident.reveal')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.summary).toContain('电话回访');
      // The masked read stays masked for everyone, the leader included.
      expect((await f.call('leader', 'GET', `/api/v1/residents/${ids.head}`)).json().masked).toBe(true);
    });

    it('exports the residents masked, and in full only to a role that may reveal, with a reason, audited', async () => {
      const read = async (who: string, query: string) => {
        const r = await f.h.app.inject({
          method: 'GET',
          url: `/api/v1/residents/export.xlsx${query}`,
          headers: { cookie: f.cookies[who] },
        });
        if (r.statusCode !== 200) return { status: r.statusCode, body: r.json(), rows: [] as string[][] };
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
        const rows: string[][] = [];
        wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
        return { status: 200, body: null, rows };
      };
      const masked = await read('leader', `?unitId=${f.units.dehua.id}`);
      const line = masked.rows.find((r) => r[0] === '钱秀英')!;
      expect(line[3]).toBe(`411***********${testIdNumber('19560314', 123).slice(-4)}`);
      expect(line[4]).toBe('138****1111');
      expect((await read('leader', '?reveal=true&reason=x')).status).toBe(403);
      const noReason = await read('dehua', '?reveal=true');
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const full = await read('dehua', `?reveal=true&reason=${encodeURIComponent('入户核查')}`);
      expect(full.rows.find((r) => r[0] === '钱秀英')![3]).toBe(testIdNumber('19560314', 123));
      const audit = await f.h.database.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'resident.export_full')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.summary).toContain('入户核查');
    });

    it('keeps each resident to its scope: another community and another grid’s worker see nothing', async () => {
      expect((await f.call('zhuzhuang', 'GET', `/api/v1/residents/${ids.head}`)).statusCode).toBe(404);
      expect((await f.call('zhuzhuang', 'GET', `/api/v1/residents?unitId=${f.units.dehua.id}`)).statusCode).toBe(404);
      expect((await f.call('chengbei', 'GET', `/api/v1/residents/${ids.head}`)).statusCode).toBe(404);
      expect((await f.call('chenzhou', 'GET', `/api/v1/residents/${ids.head}`)).statusCode).toBe(200);
      const h3Person = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '吴建国',
        householdId: ids.h3,
        residenceKind: 'floating',
      });
      expect((await f.call('wgy_dehua', 'GET', `/api/v1/residents/${h3Person.json().resident.id}`)).statusCode).toBe(
        404,
      );
      const mine = (await f.call('wgy_dehua', 'GET', '/api/v1/residents'))
        .json()
        .items.map((r: { name: string }) => r.name);
      expect(mine).not.toContain('吴建国');
      expect(mine).toContain('钱秀英');
    });

    it('moves a resident to another door and keeps the old one in the history', async () => {
      const moved = await f.call('dehua', 'POST', `/api/v1/residents/${ids.head}/move`, {
        householdId: ids.h3,
        reason: '随子女居住',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ household: { id: ids.h3 }, grid: { id: otherGrid }, relation: null });
      const history = (await f.call('dehua', 'GET', `/api/v1/residents/${ids.head}/history`)).json().items;
      expect(history.at(-1)).toMatchObject({
        kind: 'moved',
        householdAddress: '德化街2号院3单元201',
        detail: '原住址：德化街1号院1号楼1单元101；随子女居住',
      });
      // Back home, for the door-knocking below.
      await f.call('dehua', 'POST', `/api/v1/residents/${ids.head}/move`, { householdId: ids.h1, relation: 'head' });
    });

    it('runs a door-knocking round: the phone’s list, visits with people found and gone, coverage that adds up', async () => {
      const bad = await f.call('dehua', 'POST', '/api/v1/door-knock-rounds', {
        name: '冬季走访',
        scopeUnitId: f.units.dehua.id,
        startsOn: '2026-11-30',
        endsOn: '2026-11-20',
      });
      expect(bad.json().errors[0].field).toBe('endsOn');
      expect(
        (
          await f.call('dehua', 'POST', '/api/v1/door-knock-rounds', {
            name: 'x',
            scopeUnitId: f.units.zhuzhuang.id,
            startsOn: '2026-11-28',
            endsOn: '2026-12-05',
          })
        ).statusCode,
      ).toBe(422);
      const round = await f.call('dehua', 'POST', '/api/v1/door-knock-rounds', {
        name: '冬季走访',
        scopeUnitId: f.units.dehua.id,
        startsOn: '2026-11-28',
        endsOn: '2026-12-05',
      });
      expect(round.statusCode, round.body).toBe(201);
      ids.round = round.json().id;
      expect(round.json()).toMatchObject({ phase: 'open', coverage: { households: 3, visited: 0, rate: 0 } });
      const list = (await f.call('wgy_dehua', 'GET', `/api/v1/door-knock-rounds/${ids.round}/households`)).json();
      expect(list.grid.id).toBe(myGrid);
      expect(list.items.map((x: { address: string }) => x.address)).toEqual([
        '德化街1号院1号楼1单元101',
        '德化街1号院1号楼1单元102',
      ]);
      expect(list.items[0]).toMatchObject({ headName: '钱秀英', lastResult: null, visits: 0 });

      const visits = `/api/v1/door-knock-rounds/${ids.round}/visits`;
      const before = await count('pop_visits');
      const early = await f.call('wgy_dehua', 'POST', visits, {
        householdId: ids.h1,
        result: 'verified',
        visitedAt: '2026-11-27T01:00:00Z',
      });
      expect(early.json().errors[0]).toMatchObject({ field: 'visitedAt' });
      const nobody = await f.call('wgy_dehua', 'POST', visits, {
        householdId: ids.h1,
        result: 'absent',
        presentResidentIds: [ids.head],
      });
      expect(nobody.json().errors[0].field).toBe('result');
      const foreign = await f.call('wgy_dehua', 'POST', visits, { householdId: ids.h3, result: 'verified' });
      expect(foreign.json().errors[0].field).toBe('householdId');
      const badNew = await f.call('wgy_dehua', 'POST', visits, {
        householdId: ids.h1,
        result: 'verified',
        newResidents: [
          { name: '钱小宝', idNumber: '41160220180101000X' /* the check is 0 */, residenceKind: 'registered' },
        ],
      });
      expect(badNew.json().errors[0].field).toBe('newResidents[0].idNumber');
      expect(await count('pop_visits')).toBe(before);

      const h2Members = (await f.call('wgy_dehua', 'GET', `/api/v1/residents?householdId=${ids.h2}`)).json().items;
      const key = { 'idempotency-key': 'visit-h1-1' };
      const body = {
        householdId: ids.h1,
        result: 'verified',
        presentResidentIds: [ids.head],
        newResidents: [
          {
            name: '钱小宝',
            idNumber: testIdNumber('20180101', 42),
            residenceKind: 'registered',
            relation: 'grandchild',
          },
        ],
        note: '老人身体尚可',
      };
      const v1 = await f.call('wgy_dehua', 'POST', visits, body, key);
      expect(v1.statusCode, v1.body).toBe(201);
      expect(v1.json()).toMatchObject({
        result: 'verified',
        // The head ticked at home, and the grandchild met at the door.
        presentCount: 2,
        addedNames: ['钱小宝'],
        household: { id: ids.h1 },
      });
      const replay = await f.call('wgy_dehua', 'POST', visits, body, key);
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json().id).toBe(v1.json().id);
      expect((await f.call('wgy_dehua', 'POST', visits, { ...body, note: '另一次' }, key)).statusCode).toBe(422);
      const absent = await f.call('wgy_dehua', 'POST', visits, {
        householdId: ids.h2,
        result: 'absent',
        visitedAt: '2026-11-29T02:00:00Z',
      });
      expect(absent.statusCode).toBe(201);
      const gone = await f.call('wgy_dehua', 'POST', visits, {
        householdId: ids.h2,
        result: 'verified',
        goneResidentIds: [h2Members[0].id],
      });
      expect(gone.json().goneNames).toEqual([h2Members[0].name]);
      expect((await f.call('dehua', 'GET', `/api/v1/residents/${h2Members[0].id}`)).json().status).toBe('left');
      expect(await count('pop_visits')).toBe(before + 3);

      // Coverage: 3 households in 德化社区, h1 and h2 visited, both verified; h2's first visit found nobody.
      const cov = (await f.call('dehua', 'GET', `/api/v1/door-knock-rounds/${ids.round}/coverage`)).json();
      expect(cov.total).toEqual({ households: 3, visited: 2, verified: 2, absentOnly: 0, rate: 2 / 3 });
      const gaps = (
        await f.call('wgy_dehua', 'GET', `/api/v1/door-knock-rounds/${ids.round}/households?gaps=true`)
      ).json();
      expect(gaps.items).toHaveLength(0);
      const gridRow = async (unitId: string) =>
        (await f.call('dehua', 'GET', `/api/v1/door-knock-rounds/${ids.round}/coverage?unitId=${unitId}`)).json();
      // Drill down to the grids: the rows add up to the total.
      const large = cov.rows[0].unitId;
      const byGrid = await gridRow(large);
      const sum = byGrid.rows.reduce((s: number, r: { households: number }) => s + r.households, 0);
      expect(sum).toBe(byGrid.total.households);
      // The grid worker's own view covers their grid only.
      const mineRound = (await f.call('wgy_dehua', 'GET', `/api/v1/door-knock-rounds/${ids.round}`)).json();
      expect(mineRound.coverage).toMatchObject({ households: 2, visited: 2 });
    });

    it('counts coverage exactly as folding every visit would, at two instants', async () => {
      const fold = async () => {
        const db = f.h.database.db;
        const households = await db
          .selectFrom('pop_households')
          .select('id')
          .where('grid_path', 'like', `${f.units.dehua.path}%`)
          .where('status', '=', 'active')
          .execute();
        const visits = await db
          .selectFrom('pop_visits')
          .select(['household_id', 'result', 'visited_at'])
          .where('round_id', '=', ids.round)
          .orderBy('created_at')
          .execute();
        const states = new Map<string, HouseholdRoundState>();
        for (const v of visits)
          states.set(
            v.household_id,
            applyVisit(states.get(v.household_id) ?? null, { result: v.result as 'verified', visitedAt: v.visited_at }),
          );
        return foldCoverage(
          households.map((x) => x.id),
          states,
        );
      };
      const api = async () => {
        const t = (await f.call('dehua', 'GET', `/api/v1/door-knock-rounds/${ids.round}/coverage`)).json().total;
        return { households: t.households, visited: t.visited, verified: t.verified, absentOnly: t.absentOnly };
      };
      expect(await api()).toEqual(await fold());
      await f.call('dehua', 'POST', '/api/v1/households', { address: '德化街2号院3单元202', gridId: otherGrid });
      await f.call('dehua', 'POST', `/api/v1/door-knock-rounds/${ids.round}/visits`, {
        householdId: ids.h3,
        result: 'absent',
      });
      expect(await api()).toEqual(await fold());
      expect(await api()).toEqual({ households: 4, visited: 3, verified: 2, absentOnly: 1 });
    });

    it('imports a 居民台账 sheet all or nothing, naming the row and column of every problem', async () => {
      const tpl = await f.call('dehua', 'GET', '/api/v1/households/import-template.xlsx');
      expect(tpl.statusCode).toBe(200);
      const gridName = (await f.call('wgy_dehua', 'GET', '/api/v1/auth/me')).json().unitName;
      const good = (seq: number, name: string) => [
        gridName,
        '德化街5号院1号楼',
        '德化街5号院1号楼1单元101',
        name,
        testIdNumber('19900101', seq),
        '13700000000',
        seq === 11 ? '户主' : '子女',
        '户籍人口',
        '留守儿童',
        null,
      ];
      const before = await count('pop_residents');
      const broken = multipart(
        await sheet([
          good(11, '郑大'),
          [
            gridName,
            null,
            '德化街5号院2号',
            '郑二',
            testIdNumber('19900101', 12).slice(0, 17) + 'Y',
            null,
            '表亲',
            '外来',
            '不存在的标签',
            null,
          ],
          ['没有的网格', null, '', '', null, null, null, null, null, null],
        ]),
      );
      const r = await f.h.app.inject({
        method: 'POST',
        url: '/api/v1/households/import',
        headers: { cookie: f.cookies.dehua, 'content-type': broken.type, 'sec-fetch-site': 'same-origin' },
        payload: broken.payload,
      });
      expect(r.statusCode).toBe(422);
      const fields = r.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual([
        'rows[4].身份证号',
        'rows[4].与户主关系',
        'rows[4].人口类型',
        'rows[4].标签',
        'rows[5].网格',
        'rows[5].门牌',
        'rows[5].姓名',
      ]);
      expect(r.json().errors[0].message).toBe('第 4 行：身份证号只能由 17 位数字和末位数字或 X 组成');
      expect(await count('pop_residents')).toBe(before);

      const ok = multipart(await sheet([good(11, '郑大'), good(13, '郑小三')]));
      const done = await f.h.app.inject({
        method: 'POST',
        url: '/api/v1/households/import',
        headers: { cookie: f.cookies.dehua, 'content-type': ok.type, 'sec-fetch-site': 'same-origin' },
        payload: ok.payload,
      });
      expect(done.statusCode, done.body).toBe(201);
      expect(done.json()).toEqual({ households: 1, residents: 2, merged: 0, reviews: 0 });
      const again = await f.h.app.inject({
        method: 'POST',
        url: '/api/v1/households/import',
        headers: { cookie: f.cookies.dehua, 'content-type': ok.type, 'sec-fetch-site': 'same-origin' },
        payload: ok.payload,
      });
      expect(again.json()).toEqual({ households: 0, residents: 0, merged: 2, reviews: 0 });
      expect(await count('pop_residents')).toBe(before + 2);
      // One body: its boundary is in the content type (two calls could straddle a millisecond).
      const hello = multipart(Buffer.from('hello'));
      const notXlsx = await f.h.app.inject({
        method: 'POST',
        url: '/api/v1/households/import',
        headers: { cookie: f.cookies.dehua, 'content-type': hello.type, 'sec-fetch-site': 'same-origin' },
        payload: hello.payload,
      });
      expect(notXlsx.json().errors[0]).toMatchObject({ field: 'file', message: '请上传 Excel（.xlsx）文件' });
    });

    it('moves the people and places of a community that moves to another sub-district', async () => {
      const moved = await f.call('admin', 'POST', `/api/v1/units/${f.units.dehua.id}/move`, {
        parentId: f.units.chengbei.id,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await f.call('chengbei', 'GET', `/api/v1/residents/${ids.head}`)).statusCode).toBe(200);
      expect((await f.call('chenzhou', 'GET', `/api/v1/residents/${ids.head}`)).statusCode).toBe(404);
      expect(
        (await f.call('chengbei', 'GET', `/api/v1/door-knock-rounds/${ids.round}/coverage`)).json().total.households,
      ).toBe(5);
      await f.call('admin', 'POST', `/api/v1/units/${f.units.dehua.id}/move`, { parentId: f.units.chenzhou.id });
    });
  });
}
