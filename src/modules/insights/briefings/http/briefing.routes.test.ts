import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../../test-support/demo-district.js';

/** One file of a .zip (a .docx is one), read through the central directory. */
function unzipEntry(zip: Buffer, name: string): string | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const [method, size, nameLen, extraLen, commentLen, local] = [
      zip.readUInt16LE(p + 10),
      zip.readUInt32LE(p + 20),
      zip.readUInt16LE(p + 28),
      zip.readUInt16LE(p + 30),
      zip.readUInt16LE(p + 32),
      zip.readUInt32LE(p + 42),
    ];
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

interface Figure {
  index: number;
  code: string;
  numerator: number;
  denominator: number | null;
  display: string;
  link: string | null;
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: briefings`, () => {
    let f: DemoDistrict;
    let ledger: string;
    const month = { from: '2026-11-01', to: '2026-11-30' };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['chenzhou', 'duchashi', 'leader', 'dehua']);
      await f.report('wgy_dehua', f.points.dehua);
      await f.report('wgy_dehua', f.points.dehua);
      await f.report('wgy_zhuzhuang', f.points.zhuzhuang);
      const t = await f.call('chenzhou', 'GET', '/api/v1/briefings/templates');
      ledger = t.json().items.find((x: { kind: string }) => x.kind === 'ledger').id;
    });
    afterAll(() => f.h.close());

    const generate = (who: string, body: Record<string, unknown>) =>
      f.call(who, 'POST', '/api/v1/briefings', { templateId: ledger, unitId: f.units.chenzhou, ...month, ...body });

    it('seeds the default templates at start, naming only registered measures', async () => {
      const r = await f.call('duchashi', 'GET', '/api/v1/briefings/templates');
      expect(r.statusCode).toBe(200);
      const items = r.json().items as { kind: string; body: string; isDefault: boolean }[];
      expect(items.map((t) => t.kind)).toContain('ledger');
      expect(items.every((t) => t.isDefault)).toBe(true);
      expect(items.find((t) => t.kind === 'ledger')!.body).toContain('{单位}共受理问题{cases.reported}');
    });

    it('writes the numbers the dashboard shows, each footnoted, at two instants', async () => {
      for (const step of [0, 1]) {
        if (step === 1) {
          f.h.clock.set('2026-11-30T06:00:00Z');
          await f.report('wgy_zhuzhuang', f.points.zhuzhuang);
        }
        const r = await generate('chenzhou', {});
        expect(r.statusCode).toBe(201);
        const b = r.json();
        const dash = (
          await f.call(
            'chenzhou',
            'GET',
            `/api/v1/insights/dashboard?unitId=${f.units.chenzhou}&from=${month.from}&to=${month.to}`,
          )
        ).json();
        expect(b.asOf).toBe(dash.asOf);
        for (const fig of b.figures as Figure[]) {
          const d = dash.figures.find((x: { code: string }) => x.code === fig.code);
          expect([fig.code, fig.numerator, fig.denominator, fig.link]).toEqual([
            fig.code,
            d.numerator,
            d.denominator,
            d.link,
          ]);
          expect(b.text).toContain(`${fig.display}[${fig.index}]`);
        }
        // By hand: 3 cases reported in 陈州 (2 in 德化, 1 in 朱庄), then a 4th; none closed, all open.
        const reported = step === 0 ? 3 : 4;
        const byCode = (c: string) => (b.figures as Figure[]).find((x) => x.code === c)!;
        expect([byCode('cases.reported').numerator, byCode('cases.closed').numerator]).toEqual([reported, 0]);
        expect(b.text).toContain(`2026年11月1日至11月30日，陈州街道办事处共受理问题${reported}件[1]`);
        expect(b.text).toContain(`尚有在办问题${reported}件`);
        expect(b.state).toBe('draft');
      }
    });

    it('keeps issued versions as issued: an edit after issuing is the next version', async () => {
      const b = (await generate('chenzhou', {})).json();
      const bad = await f.call('chenzhou', 'PUT', `/api/v1/briefings/${b.id}`, {
        text: b.text.replace('件[1]', '0件[1]'),
      });
      expect(bad.statusCode).toBe(422);
      expect(JSON.stringify(bad.json())).toContain('"field":"text"');
      const first = `${b.text}\n接下来，将持续发力。`;
      expect((await f.call('chenzhou', 'PUT', `/api/v1/briefings/${b.id}`, { text: first })).statusCode).toBe(200);
      const issued = await f.call('chenzhou', 'POST', `/api/v1/briefings/${b.id}/issue`, {});
      expect([issued.statusCode, issued.json().state, issued.json().issuedVersion]).toEqual([200, 'issued', 1]);
      expect((await f.call('chenzhou', 'POST', `/api/v1/briefings/${b.id}/issue`, {})).statusCode).toBe(409);
      const edited = await f.call('chenzhou', 'PUT', `/api/v1/briefings/${b.id}`, { text: `${first}（第二稿）` });
      expect([edited.json().state, edited.json().issuedVersion]).toEqual(['draft', 1]);
      await f.call('chenzhou', 'POST', `/api/v1/briefings/${b.id}/issue`, {});
      const v1 = (await f.call('leader', 'GET', `/api/v1/briefings/${b.id}/versions/1`)).json();
      expect(v1.text).toBe(first);
      const leaderView = (await f.call('leader', 'GET', `/api/v1/briefings/${b.id}`)).json();
      expect([leaderView.version, leaderView.text, leaderView.versions.length]).toEqual([2, `${first}（第二稿）`, 2]);
    });

    it('shows a draft to its drafting office only: the district reads what a 街道 issues', async () => {
      const draft = (await generate('chenzhou', {})).json();
      // The leader writes briefings too, but not 陈州's: its draft is not theirs to read or issue.
      expect((await f.call('leader', 'GET', `/api/v1/briefings/${draft.id}`)).statusCode).toBe(404);
      const list = (await f.call('leader', 'GET', '/api/v1/briefings')).json().items as {
        id: string;
        issuedVersion: number;
      }[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((x) => x.issuedVersion === 0)).toEqual([]);
      // Another of 陈州's writers (the same unit) sees and may issue it; once issued, the leader reads it.
      const own = (await f.call('chenzhou', 'GET', '/api/v1/briefings')).json().items as { id: string }[];
      expect(own.map((x) => x.id)).toContain(draft.id);
      expect((await f.call('chenzhou', 'POST', `/api/v1/briefings/${draft.id}/issue`, {})).statusCode).toBe(200);
      expect((await f.call('leader', 'GET', `/api/v1/briefings/${draft.id}`)).json().version).toBe(1);
      // …but may not edit it: a new draft is the drafting office's.
      const edit = await f.call('leader', 'PUT', `/api/v1/briefings/${draft.id}`, { text: 'x' });
      expect(edit.statusCode).toBe(403);
      // The leader's own draft (for 城北) is the leader's to read and edit.
      const mine = await generate('leader', { unitId: f.units.chengbei, from: '2026-11-23', to: '2026-11-29' });
      expect(mine.statusCode).toBe(201);
      expect((await f.call('leader', 'GET', `/api/v1/briefings/${mine.json().id}`)).json().state).toBe('draft');
    });

    it('exports a valid .docx with the text, the notes and the issuer', async () => {
      const b = (await generate('chenzhou', {})).json();
      await f.call('chenzhou', 'POST', `/api/v1/briefings/${b.id}/issue`, {});
      const r = await f.call('chenzhou', 'GET', `/api/v1/briefings/${b.id}/docx?version=1`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const xml = unzipEntry(r.rawPayload, 'word/document.xml')!;
      expect(xml).toContain('陈州街道办事处问题整改工作简报');
      expect(xml).toContain('陈州街道办事处共受理问题');
      expect(xml).toContain('<w:vertAlign w:val="superscript"/>');
      expect(xml).toContain('附注');
      expect(xml).toContain('口径：');
      expect(xml).toContain('签发：');
    });

    it('refuses a unit outside the scope (403 unitId), a period backwards (400 from), an unknown template (404)', async () => {
      const out = await f.call('dehua', 'POST', '/api/v1/briefings', {
        templateId: ledger,
        unitId: f.units.chenzhou,
        ...month,
      });
      expect([out.statusCode, JSON.stringify(out.json()).includes('unitId')]).toEqual([403, true]);
      const back = await generate('chenzhou', { from: '2026-11-30', to: '2026-11-01' });
      expect([back.statusCode, JSON.stringify(back.json()).includes('"from"')]).toEqual([400, true]);
      const none = await generate('chenzhou', { templateId: '00000000-0000-4000-8000-000000000000' });
      expect(none.statusCode).toBe(404);
    });

    it('refuses a template naming an unknown figure, naming body and the placeholder, and writes nothing', async () => {
      const before = (await f.call('duchashi', 'GET', '/api/v1/briefings/templates')).json().items.length;
      const r = await f.call('duchashi', 'POST', '/api/v1/briefings/templates', {
        name: '测试',
        kind: 'ledger',
        body: '{单位}受理{cases.reported}，整改{cases.fixedSigns}。',
      });
      expect(r.statusCode).toBe(422);
      const problem = JSON.stringify(r.json());
      expect(problem).toContain('"field":"body"');
      expect(problem).toContain('cases.fixedSigns');
      expect((await f.call('duchashi', 'GET', '/api/v1/briefings/templates')).json().items.length).toBe(before);
      const chenzhou = await f.call('chenzhou', 'POST', '/api/v1/briefings/templates', {
        name: 'x',
        kind: 'ledger',
        body: 'x',
      });
      expect(chenzhou.statusCode).toBe(403);
    });

    it('saves a template written with Chinese labels as codes, and previews it without writing', async () => {
      const r = await f.call('duchashi', 'POST', '/api/v1/briefings/templates', {
        name: '周报',
        kind: 'ledger',
        body: '{期间}，{单位}受理{受理数}。[结案{问题台账·结案数}。]',
      });
      expect(r.statusCode).toBe(201);
      expect(r.json().body).toBe('{期间}，{单位}受理{cases.reported}。[结案{cases.closed}。]');
      const p = await f.call('duchashi', 'POST', '/api/v1/briefings/preview', {
        body: r.json().body,
        unitId: f.units.chenzhou,
        ...month,
      });
      expect(p.statusCode).toBe(200);
      expect([p.json().text, p.json().omitted]).toEqual(['2026年11月1日至11月30日，陈州街道办事处受理4件[1]。', 1]);
      const edit = await f.call('duchashi', 'PUT', `/api/v1/briefings/templates/${r.json().id}`, {
        name: '周报',
        kind: 'ledger',
        body: '{单位}受理{受理数}。',
        active: false,
      });
      expect(edit.json().active).toBe(false);
      const retired = await generate('chenzhou', { templateId: r.json().id });
      expect([retired.statusCode, JSON.stringify(retired.json()).includes('templateId')]).toEqual([422, true]);
    });
  });
}
