import ExcelJS from 'exceljs';

/* Test support for the screening route tests: a 协查 sheet, its upload, a campaign's fields. */

export async function checkSheet(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协查名单');
  ws.addRow(['协查名单导入表']);
  ws.addRow(['姓名', '身份证号', '电话', '住址', '社区', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function multipart(file: Buffer): { payload: Buffer; type: string } {
  const boundary = '----scr' + Date.now();
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="协查.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

export const FIELDS = [
  { key: 'origin', label: '来源地', type: 'text', required: true },
  { key: 'arrivalDate', label: '到达日期', type: 'date', required: true },
  { key: 'transport', label: '交通方式', type: 'choice', required: false, choices: ['火车', '飞机', '自驾'] },
];
