import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from './stream-xlsx.js';

async function* rows(n: number) {
  for (let i = 1; i <= n; i++) yield { no: i, name: `问题${i}`, status: i % 2 ? '已结案' : '处置中' };
}

describe('writeXlsx', () => {
  it('writes the title, Chinese headers and every row, readable by a spreadsheet reader', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => out.on('end', r));
    const count = await writeXlsx(out, {
      sheetName: '问题台账', title: '川汇区问题台账', subtitle: '导出时间 2026-11-30',
      columns: [{ header: '序号', key: 'no' }, { header: '问题描述', key: 'name' }, { header: '状态', key: 'status' }],
      rows: rows(1000),
    });
    await done;
    expect(count).toBe(1000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('问题台账')!;
    expect(ws.getCell('A1').value).toBe('川汇区问题台账');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '问题描述', '状态']);
    expect(ws.getCell('B1003').value).toBe('问题1000');
    expect(ws.rowCount).toBe(1003);
  });
});
