import ExcelJS from 'exceljs';
import { Invalid, type FieldProblem } from '../errors.js';

// Reading an uploaded .xlsx sheet for an import that is all or nothing (工作要点, 居民台账 …): the
// header row is found by a column every sheet of its kind has, the columns by their headers, and
// every problem names the row (and the import's own checks name the column).

export interface SheetColumn<K extends string> {
  header: string;
  key: K;
  width?: number;
  /** The import refuses a sheet without this column. */
  required?: boolean;
}

export interface SheetRow<K extends string> {
  /** The row's number as Excel shows it. */
  rowNumber: number;
  cells: Record<K, string>;
}

/** A cell as the text a person typed: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v).trim();
}

/** A problem of one row: its sentence (code `of`) follows the row's number (see 'import.at_row'). */
export function rowProblem(field: string, row: number, of: string, params: Record<string, string> = {}): FieldProblem {
  const message = `row ${row}: ${of} ${JSON.stringify(params)}`;
  return { field, code: 'import.at_row', params: { ...params, row, of, message }, message };
}

/** The field a row's problem is reported under: `rows[<row>].<column header>`. */
export const cellField = (row: number, header: string) => `rows[${row}].${header}`;

function refuse(code: string, message: string, params: Record<string, string | number> = {}): never {
  throw new Invalid('import.bad_file', message, [{ field: 'file', code, params, message }], params);
}

/**
 * Reads the first sheet's data rows under the header row (the first row with `marker` among its
 * cells). Refuses, naming the problem: a file that is no workbook, a sheet without the header or a
 * required column, no data rows, more than `maxRows`. Empty rows are skipped.
 */
export async function readSheet<K extends string>(
  buffer: Buffer,
  columns: readonly SheetColumn<K>[],
  opts: { marker: string; maxRows: number },
): Promise<SheetRow<K>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    refuse('import.not_xlsx', 'not an .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) refuse('import.no_sheet', 'the workbook has no sheet');
  let headerRow = 0;
  const colOf = new Map<K, number>();
  ws.eachRow((row, n) => {
    if (headerRow) return;
    const texts = (row.values as ExcelJS.CellValue[]).map(cellText);
    if (!texts.includes(opts.marker)) return;
    headerRow = n;
    for (const c of columns) {
      const i = texts.indexOf(c.header);
      if (i > 0) colOf.set(c.key, i);
    }
  });
  if (!headerRow) refuse('import.no_header', `no header row (with ${opts.marker})`, { marker: opts.marker });
  for (const c of columns)
    if (c.required && !colOf.has(c.key)) refuse('import.missing_column', `no column ${c.header}`, { column: c.header });
  const out: SheetRow<K>[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const cells = Object.fromEntries(
      columns.map((c) => [c.key, colOf.has(c.key) ? cellText(row.getCell(colOf.get(c.key)!).value) : '']),
    ) as Record<K, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    out.push({ rowNumber: n, cells });
  });
  if (out.length === 0) refuse('import.no_rows', 'the sheet has no data row');
  if (out.length > opts.maxRows)
    refuse('import.too_many_rows', `${out.length} rows, at most ${opts.maxRows}`, { max: opts.maxRows });
  return out;
}
