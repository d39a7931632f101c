import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { BriefingDetail, BriefingFigure } from '../../../../contracts/briefings.js';
import { zhDate } from '../domain/briefing-template.js';
import { textRuns } from '../domain/briefing-text.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Sizes in half-points: 二号 22pt for the title, 三号 16pt for the text, 四号 14pt for the notes.
const BODY = { font: { ascii: 'FangSong', eastAsia: '仿宋' }, size: 32 };
const NOTE = { font: { ascii: 'FangSong', eastAsia: '仿宋' }, size: 24 };
const TITLE = { font: { ascii: 'SimHei', eastAsia: '方正小标宋简体' }, size: 44 };

/** A local instant as written in the notes: 2026年11月30日 10:00 (the district's time zone). */
function zhInstant(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${zhDate(`${p('year')}-${p('month')}-${p('day')}`)} ${p('hour')}:${p('minute')}`;
}

/** The footnote's line: 指标（口径）, the figure, the query's unit, period and instant. */
export function footnoteLine(f: BriefingFigure, timeZone: string): string {
  const parts = f.denominator === null ? '' : `（${f.numerator}/${f.denominator}）`;
  const period = f.timing === 'now' ? '时点数' : `${zhDate(f.from)}至${zhDate(f.to)}`;
  return (
    `[${f.index}] ${f.group}·${f.label}：${f.display}${parts}。口径：${f.definition}。` +
    `统计范围：${f.unitName}，${period}；统计时间：${zhInstant(f.asOf, timeZone)}。`
  );
}

/**
 * The briefing as a Word document: title, period, the text with superscript footnote markers, the
 * notes (指标、口径、统计时间), and who issued it when (or 草稿 for a draft).
 */
export async function briefingDocx(b: BriefingDetail, timeZone: string): Promise<Buffer> {
  const period = `（${zhDate(b.from)}至${zhDate(b.to)}）`;
  const issued =
    b.version !== null
      ? (() => {
          const v = b.versions.find((x) => x.version === b.version)!;
          return `签发：${v.issuedBy}\u3000\u3000第${v.version}版\u3000\u3000${zhInstant(v.issuedAt, timeZone).slice(0, -6)}`;
        })()
      : '草稿（未签发）';
  const paragraphs = b.text.split(/\n+/).filter((l) => l.trim());
  const doc = new Document({
    creator: 'CivicGrid',
    title: b.title,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.title, ...TITLE })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: period, ...BODY })],
          }),
          ...paragraphs.map(
            (line) =>
              new Paragraph({
                indent: { firstLine: 640 },
                spacing: { line: 560 },
                children: textRuns(line).map((r) =>
                  'text' in r
                    ? new TextRun({ text: r.text, ...BODY })
                    : new TextRun({ text: `[${r.footnote}]`, superScript: true, ...BODY }),
                ),
              }),
          ),
          new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: '附注：', bold: true, ...NOTE })] }),
          ...b.figures.map(
            (f) => new Paragraph({ children: [new TextRun({ text: footnoteLine(f, timeZone), ...NOTE })] }),
          ),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 400 },
            children: [new TextRun({ text: issued, ...BODY })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
