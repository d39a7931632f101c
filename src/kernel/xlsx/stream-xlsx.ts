import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface XlsxColumn {
  /** Chinese header as offices print it. */
  header: string;
  key: string;
  width?: number;
}

export interface XlsxSheet {
  sheetName: string;
  /** Merged title row above the headers, e.g. '川汇区问题台账'. */
  title: string;
  /** Second line under the title, e.g. the filters and the export time. */
  subtitle?: string;
  columns: XlsxColumn[];
  rows: AsyncIterable<Record<string, unknown>>;
}

/**
 * Streams a workbook row by row (exceljs's streaming writer): memory stays bounded however many rows
 * there are, unlike a workbook built in memory. Layout for printing: title, subtitle, bold bordered
 * headers frozen at the top, landscape A4 fitted to width, headers repeated on every page.
 */
export async function writeXlsx(out: Writable, sheet: XlsxSheet): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
  const n = sheet.columns.length;
  const title = ws.addRow([sheet.title]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, n);
  title.commit();
  const sub = ws.addRow([sheet.subtitle ?? '']);
  sub.font = { size: 10, color: { argb: 'FF666666' } };
  ws.mergeCells(2, 1, 2, n);
  sub.commit();
  const head = ws.addRow(sheet.columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  head.commit();
  let count = 0;
  for await (const r of sheet.rows) {
    const row = ws.addRow(sheet.columns.map((c) => r[c.key] ?? ''));
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((cell) => {
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    row.commit();
    count++;
  }
  ws.commit();
  await wb.commit();
  return count;
}

/** A stream to hand to the HTTP reply while writeXlsx fills it. */
export function xlsxStream(sheet: XlsxSheet, onError: (err: unknown) => void): PassThrough {
  const out = new PassThrough();
  writeXlsx(out, sheet).catch((err) => {
    onError(err);
    out.destroy(err as Error);
  });
  return out;
}
