import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx, type XlsxSheet } from './stream-xlsx.js';

async function* rows(n: number) {
  for (let i = 1; i <= n; i++) yield { no: i, name: `问题${i}`, status: i % 2 ? '已结案' : '处置中' };
}

async function written(sheet: XlsxSheet): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  await writeXlsx(out, sheet);
  await done;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(sheet.sheetName)!;
}

const THIN_BOX = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

describe('writeXlsx', () => {
  it('writes the title, Chinese headers and every row, readable by a spreadsheet reader', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => out.on('end', r));
    const count = await writeXlsx(out, {
      sheetName: '问题台账',
      title: '川汇区问题台账',
      subtitle: '导出时间 2026-11-30',
      columns: [
        { header: '序号', key: 'no' },
        { header: '问题描述', key: 'name' },
        { header: '状态', key: 'status' },
      ],
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

  it('keeps the printed layout: a merged bold title, shaded bold bordered headers, every data cell bordered and wrapped', async () => {
    const reported = new Date(Date.UTC(2026, 10, 30, 1, 0));
    async function* mixed() {
      for (let i = 1; i <= 300; i++) yield { no: i, name: `问题${i}`, status: i % 2 ? '已结案' : '', at: reported };
    }
    const ws = await written({
      sheetName: '问题台账',
      title: '川汇区问题台账',
      subtitle: '导出时间 2026-11-30',
      columns: [
        { header: '序号', key: 'no', width: 6 },
        { header: '问题描述', key: 'name', width: 40 },
        { header: '状态', key: 'status' },
        { header: '上报时间', key: 'at' },
      ],
      rows: mixed(),
    });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('D1').isMerged).toBe(true);
    expect(ws.getCell('A2').font).toMatchObject({ size: 10, color: { argb: 'FF666666' } });
    for (const col of ['A', 'B', 'C', 'D']) {
      const head = ws.getCell(`${col}3`);
      expect(head.font).toMatchObject({ bold: true });
      expect(head.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
      expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } });
      expect(head.border).toMatchObject(THIN_BOX);
    }
    // Every data cell, empty ones too, first row to last.
    for (const r of [4, 150, 303]) {
      for (const col of ['A', 'B', 'C', 'D']) {
        const cell = ws.getCell(`${col}${r}`);
        expect(cell.border, `${col}${r}`).toMatchObject(THIN_BOX);
        expect(cell.alignment, `${col}${r}`).toMatchObject({ vertical: 'top', wrapText: true });
        expect(cell.font?.bold, `${col}${r}`).toBeFalsy();
        expect((cell.fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none', `${col}${r}`).toBe('none');
      }
    }
    expect(ws.getCell('C303').value ?? '').toBe(''); // the empty cell the loop above found bordered
    expect(ws.getCell('A303').value).toBe(300);
    // Dates keep the format a spreadsheet shows them with, numbers none.
    expect(ws.getCell('D4').value).toEqual(reported);
    expect(ws.getCell('D4').numFmt).toBe('mm-dd-yy');
    expect(ws.getCell('A4').numFmt).toBeUndefined();
    expect(ws.getColumn(2).width).toBe(40);
  });

  describe('when the workbook is read slower than rows come', () => {
    const TOTAL = 60_000;
    // Text that compresses about as poorly as real descriptions, so the zip's output fills up.
    const text = (i: number) =>
      Array.from({ length: 40 }, (_, k) => String.fromCharCode(0x4e00 + ((i * 7919 + k * 104_729) % 20_000))).join('');
    function unread() {
      let pulled = 0;
      async function* source() {
        for (let i = 1; i <= TOTAL; i++) {
          pulled++;
          yield { no: i, name: text(i), status: '处置中' };
        }
      }
      const out = new PassThrough();
      const writing = writeXlsx(out, {
        sheetName: '问题台账',
        title: '川汇区问题台账',
        columns: [
          { header: '序号', key: 'no' },
          { header: '问题描述', key: 'name' },
          { header: '状态', key: 'status' },
        ],
        rows: source(),
      });
      writing.catch(() => {});
      /** Resolves with the rows pulled once pulling stops (or all were). */
      const stalled = async () => {
        for (let last = -1; pulled !== last && pulled < TOTAL;) {
          last = pulled;
          await new Promise((r) => setTimeout(r, 150));
        }
        return pulled;
      };
      return { out, writing, stalled };
    }

    it('stops pulling rows until the output is read, then writes them all', async () => {
      const { out, writing, stalled } = unread();
      // About 4 MiB of sheet XML waits for the compressor, and some more inside the zip.
      expect(await stalled()).toBeLessThan(TOTAL / 2);
      let bytes = 0;
      out.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      expect(await writing).toBe(TOTAL);
      expect(bytes).toBeGreaterThan(0);
    });

    it('gives up instead of waiting for ever when the output is closed mid-export', async () => {
      const { out, writing, stalled } = unread();
      expect(await stalled()).toBeLessThan(TOTAL);
      out.destroy();
      await expect(writing).rejects.toThrow(/closed before the export finished/);
    });
  });
});
