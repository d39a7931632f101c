import { Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format-time';
import type { BriefingFigure } from '../briefings-api';
import { periodText } from '../briefing-periods';

/** Where a number came from: the measure, its definition, its parts, the query, and the list behind it. */
export function FigureCard({ f }: { f: BriefingFigure }) {
  return (
    <div style={{ maxWidth: 360 }}>
      <Typography.Text strong>
        {f.group}·{f.label}：{f.display}
        {f.denominator !== null ? `（${f.numerator} / ${f.denominator}）` : ''}
      </Typography.Text>
      <div>口径：{f.definition}</div>
      <div>
        统计范围：{f.unitName}，{f.timing === 'now' ? '时点数' : periodText(f.from, f.to)}
      </div>
      <div>统计时间：{formatDateTime(f.asOf)}</div>
      {f.link && <Link to={f.link}>查看明细</Link>}
    </div>
  );
}

/**
 * The text as read: each footnoted number highlighted, its marker raised, and on hover the figure's
 * card. A number the writer changed loses its highlight (the server refuses it on saving anyway).
 */
export function BriefingText({ text, figures }: { text: string; figures: readonly BriefingFigure[] }) {
  return (
    <div data-testid="briefing-text" style={{ fontSize: 16, lineHeight: 2 }}>
      {text.split(/\n+/).map((line, i) => (
        <p key={i} style={{ textIndent: '2em', margin: '0 0 8px' }}>
          {lineNodes(line, figures)}
        </p>
      ))}
    </div>
  );
}

function lineNodes(line: string, figures: readonly BriefingFigure[]): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = line;
  let key = 0;
  for (const m of [...line.matchAll(/\[(\d{1,2})\]/g)].reverse()) {
    const f = figures.find((x) => x.index === Number(m[1]));
    const before = rest.slice(0, m.index);
    const after = rest.slice(m.index + m[0].length);
    const shown = f
      ? [f.display, String(f.numerator), String(f.denominator ?? '')].find((s) => s && before.endsWith(s))
      : undefined;
    const head = shown ? before.slice(0, before.length - shown.length) : before;
    const mark = (
      <Popover key={`m${key++}`} content={f ? <FigureCard f={f} /> : '没有对应的统计数据'}>
        <span style={{ cursor: 'help' }}>
          {shown && <span className="cg-briefing-figure">{shown}</span>}
          <sup style={{ color: '#1677ff' }}>[{m[1]}]</sup>
        </span>
      </Popover>
    );
    out.unshift(mark, after);
    rest = head;
  }
  out.unshift(rest);
  return out.filter((n) => n !== '');
}

/** The notes under the text: one line per footnote. */
export function BriefingFootnotes({ figures }: { figures: readonly BriefingFigure[] }) {
  if (!figures.length) return null;
  return (
    <ol style={{ listStyle: 'none', paddingLeft: 0, fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
      {figures.map((f) => (
        <li key={f.index}>
          [{f.index}] {f.group}·{f.label}：{f.display}
          {f.denominator !== null ? `（${f.numerator}/${f.denominator}）` : ''}。口径：{f.definition}。统计范围：
          {f.unitName}，{f.timing === 'now' ? '时点数' : periodText(f.from, f.to)}；统计时间：
          {formatDateTime(f.asOf)}。
          {f.link && (
            <Link to={f.link} className="cg-no-print">
              查看明细
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
