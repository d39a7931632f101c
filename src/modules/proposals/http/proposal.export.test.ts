import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

type Json = Record<string, any>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: proposal list export (.xlsx)`, () => {
    let h: Harness;
    let admin: string;
    const ids: Record<string, string> = {};
    const who: Record<string, string> = {};

    async function account(username: string, unit: string, roles: string[]): Promise<void> {
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username, displayName: `${username}（测试）`, unitId: ids[unit], roles },
      });
      expect(acc.statusCode, acc.body).toBe(201);
      const temp = acc.json().temporaryPassword;
      const c = await h.login(username, temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: c,
        body: { currentPassword: temp, newPassword: 'Test12345' },
      });
      who[username] = await h.login(username, 'Test12345');
    }
    const post = async (url: string, body: Json, cookie: string): Promise<Json> => {
      const r = await h.call('POST', url, { cookie, body });
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };
    /** The sheet's rows below the header (row 3), as arrays of cell texts. */
    async function sheet(
      query: string,
      cookie: string,
    ): Promise<{ headers: string[]; rows: string[][]; title: string }> {
      const r = await h.call('GET', `/api/v1/proposals/export.xlsx${query}`, { cookie });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toContain(XLSX);
      expect(r.headers['content-disposition']).toContain('attachment;');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const values = (n: number) => Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(n).getCell(i + 1).text);
      const rows: string[][] = [];
      for (let n = 4; n <= ws.rowCount; n++) rows.push(values(n));
      return { title: values(1)[0], headers: values(3), rows };
    }
    const list = async (query: string, cookie: string): Promise<Json[]> =>
      (await h.call('GET', `/api/v1/proposals${query}`, { cookie })).json().items;

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      ids.root = h.districtId;
      for (const [key, name] of [
        ['cg', '城市管理局'],
        ['jt', '交通运输局'],
        ['zj', '住房和城乡建设局'],
      ]) {
        ids[key] = (await post('/api/v1/units', { parentId: h.districtId, kind: 'department', name }, admin)).id;
      }
      await account('office', 'root', ['supervision_office']);
      await account('tianwei', 'root', ['proposal_office']);
      await account('cgh', 'cg', ['unit_handler']);
      await account('jth', 'jt', ['unit_handler']);
      await account('zjh', 'zj', ['unit_handler']);
      const reg = async (title: string, proposer: string) =>
        (
          await post(
            '/api/v1/proposals',
            {
              title,
              category: '社会建设',
              content: '内容',
              submittedOn: '2026-10-01',
              proposers: [{ name: proposer }],
            },
            who.tianwei,
          )
        ).id;
      ids.p1 = await reg('关于老旧小区停车管理的建议', '委员甲');
      ids.p2 = await reg('关于优化公交线路的建议', '委员乙');
      ids.p3 = await reg('关于垃圾分类的建议', '委员丙');
      await post(
        `/api/v1/proposals/${ids.p1}/assign`,
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [ids.zj], replyDeadline: '2026-12-10' },
        who.office,
      );
      await post(
        `/api/v1/proposals/${ids.p2}/assign`,
        { mainHandlerIds: [ids.jt], assistingHandlerIds: [], replyDeadline: '2026-12-31' },
        who.office,
      );
      await post(
        `/api/v1/proposals/${ids.p1}/consultations`,
        { on: '2026-11-30', participants: '委员甲；城管局', outcome: '同意增设泊位' },
        who.cgh,
      );
      await post(`/api/v1/proposals/${ids.p1}/reply`, { summary: '拟增设泊位', replyClass: 'B' }, who.cgh);
      await post(
        `/api/v1/proposals/${ids.p1}/commitments`,
        { title: '增设泊位300个', deadline: '2027-03-31' },
        who.cgh,
      );
    });
    afterAll(async () => h?.close());

    it('answers 200 with an .xlsx whose Chinese headers are the office print layout', async () => {
      const s = await sheet('', who.office);
      expect(s.title).toContain('政协提案办理情况一览表');
      expect(s.headers).toEqual([
        '序号',
        '案号',
        '标题',
        '提案人',
        '类别',
        '重点提案',
        '主办单位',
        '协办单位',
        '交办日期',
        '答复期限',
        '见面协商',
        '答复日期',
        '答复类别',
        '是否按期',
        '满意度',
        '状态',
        '落实情况',
      ]);
    });

    it('holds the same rows, in the same order, as the list for the district-wide office', async () => {
      const s = await sheet('', who.office);
      expect(s.rows.map((r) => r[1])).toEqual((await list('', who.office)).map((p) => p.number));
      expect(s.rows[0]).toEqual([
        '1',
        '2026-001',
        '关于老旧小区停车管理的建议',
        '委员甲',
        '社会建设',
        '',
        '城市管理局',
        '住房和城乡建设局',
        '2026-11-30',
        '2026-12-10',
        '2026-11-30',
        '2026-11-30',
        'B 列入计划拟解决',
        '按期',
        '',
        '落实中',
        '0/1 项已落实；增设泊位300个（2027-03-31）',
      ]);
      expect(s.rows[2]).toMatchObject({ 1: '2026-003', 6: '', 8: '', 15: '已登记' });
      const assigned = await sheet('?status=assigned', who.office);
      expect(assigned.rows.map((r) => r[1])).toEqual((await list('?status=assigned', who.office)).map((p) => p.number));
      expect(assigned.rows.map((r) => r[1])).toEqual(['2026-002']);
    });

    it('gives a unit only the rows in its data scope, exactly like the list', async () => {
      for (const [user, numbers] of [
        ['cgh', ['2026-001']],
        ['jth', ['2026-002']],
        ['zjh', ['2026-001']],
      ] as const) {
        const s = await sheet('', who[user]);
        expect(s.rows.map((r) => r[1])).toEqual([...numbers]);
        expect((await list('', who[user])).map((p) => p.number)).toEqual([...numbers]);
      }
      expect((await sheet('?q=公交', who.cgh)).rows).toEqual([]);
    });

    it('refuses an account without proposal.read and an unknown filter', async () => {
      expect((await h.call('GET', '/api/v1/proposals/export.xlsx')).statusCode).toBe(401);
      expect((await h.call('GET', '/api/v1/proposals/export.xlsx?limit=5', { cookie: who.office })).statusCode).toBe(
        400,
      );
    });
  });
}
