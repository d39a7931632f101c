import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
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
  /** Lines under the table, each merged across it without borders: a definition, the instant taken. */
  footer?: string[];
}

type Style = Partial<ExcelJS.Style>;

function frozen<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') frozen(v);
  return Object.freeze(o);
}

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const DATA_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

// exceljs gives every new cell a style object of its own, and its styles manager looks a style up by
// serialising it to XML unless it has seen that very object before (a WeakMap by identity). With a
// fresh object per cell, that serialising was half the time of a 100,000-row export. Every data cell
// therefore gets one of these shared objects, so the lookup is a WeakMap hit; frozen because exceljs
// writes `cell.font = …` into the cell's style object, which would restyle every cell at once. A column
// style would not help: each cell still gets its own merged copy, and the column's border would run
// past the data and across the title rows.
const DATA_ROW_STYLE: Style = frozen({ alignment: DATA_ALIGNMENT });
const DATA_CELL_STYLE: Style = frozen({ alignment: DATA_ALIGNMENT, border: BORDER });
// The number format exceljs picks for a Date in a cell without one; on a cache hit it would not look
// at the value's type, so dates need their own shared style.
const DATA_DATE_STYLE: Style = frozen({ numFmt: 'mm-dd-yy', alignment: DATA_ALIGNMENT, border: BORDER });

/** Rows between two looks at the sheet's backlog. */
const CHECK_EVERY = 500;
/** Uncompressed sheet XML allowed to wait for the zip's compressor: ~4,000 ledger rows. */
const MAX_BACKLOG = 4 * 2 ** 20;

/**
 * The stream holding the sheet's XML until the zip compresses it. exceljs's sheet stream ignores
 * backpressure and hands every row on at once to a PassThrough of archiver's; left alone, that
 * PassThrough held the uncompressed XML of the whole export (about 1 MiB per 1,000 ledger rows), as
 * compressing is slower than writing rows. Reached through exceljs 4.4 internals, hence the guards.
 */
function sheetBacklog(ws: ExcelJS.Worksheet): { stream: NodeJS.EventEmitter; length: number } | null {
  const pipe = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as
    (NodeJS.EventEmitter & { _writableState?: { length?: unknown } }) | undefined;
  const length = pipe?._writableState?.length;
  return pipe && typeof length === 'number' ? { stream: pipe, length } : null;
}

/**
 * Waits while the compressor or the reader of `out` is behind, or throws if `out` closes first (the
 * client went away). A slow reader alone would not show in the sheet's backlog: archiver keeps
 * compressing and holds the result itself until `out` takes it, so `out` is watched as well.
 */
async function caughtUp(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  for (let waited = false; ; waited = true) {
    const backlog = sheetBacklog(ws);
    const behind = backlog && backlog.length > MAX_BACKLOG ? backlog.stream : out.writableNeedDrain ? out : null;
    if (!behind) {
      // Turn the event loop even when the row source never does (SQLite answers synchronously), so
      // the compressor and the reply run while rows are written.
      if (!waited) await nextTurn();
      return;
    }
    if (out.destroyed) throw new Error('xlsx output closed before the export finished');
    const ac = new AbortController();
    try {
      await Promise.race([
        once(behind, 'drain', { signal: ac.signal }),
        once(out, 'close', { signal: ac.signal }).then(() => {
          throw new Error('xlsx output closed before the export finished');
        }),
      ]);
    } finally {
      ac.abort();
    }
  }
}

/**
 * Streams a workbook row by row (exceljs's streaming writer): memory stays bounded however many rows
 * there are, unlike a workbook built in memory, as rows wait while the compressor or the reader is
 * behind. Layout for printing: title, subtitle, bold bordered headers frozen at the top, landscape A4
 * fitted to width, headers repeated on every page, every data cell bordered, top-aligned and wrapped.
 */
export async function writeXlsx(out: Writable, sheet: XlsxSheet): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
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
    cell.border = BORDER;
  });
  head.commit();
  const keys = sheet.columns.map((c) => c.key);
  let count = 0;
  for await (const r of sheet.rows) {
    const values = keys.map((k) => r[k] ?? '');
    const row = ws.addRow(values);
    // The row's own style, as `row.alignment = …` used to set it; exceljs's types leave Row.style out.
    (row as unknown as { style: Style }).style = DATA_ROW_STYLE;
    for (let i = 0; i < n; i++)
      row.getCell(i + 1).style = values[i] instanceof Date ? DATA_DATE_STYLE : DATA_CELL_STYLE;
    row.commit();
    if (++count % CHECK_EVERY === 0) await caughtUp(ws, out);
  }
  for (const line of sheet.footer ?? []) {
    const row = ws.addRow([line]);
    row.font = { size: 10 };
    row.alignment = { wrapText: true, vertical: 'top' };
    // Excel does not grow a merged row to its wrapped text: about two width units a Chinese character.
    const across = sheet.columns.reduce((s, c) => s + (c.width ?? 14), 0);
    row.height = 15 * Math.max(1, Math.ceil((line.length * 2) / across));
    ws.mergeCells(row.number, 1, row.number, n);
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return count;
}

/** A stream to hand to the HTTP reply while writeXlsx fills it. */
export function xlsxStream(sheet: XlsxSheet, onError: (err: unknown) => void): PassThrough {
  // A MiB of compressed workbook may wait for the socket, so rows seldom stop for a brief stall.
  const out = new PassThrough({ highWaterMark: 2 ** 20 });
  writeXlsx(out, sheet).catch((err) => {
    onError(err);
    out.destroy(err as Error);
  });
  return out;
}
