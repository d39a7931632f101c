import type { MeasureInfo } from './api';

/** A figure as people read it: a count with its unit (12 件), a rate as a percentage (87.5%), — when there is none. */
export function formatFigure(m: Pick<MeasureInfo, 'kind' | 'unit'>, value: number | null, withUnit = true): string {
  if (value === null) return '—';
  if (m.kind === 'rate') return `${(value * 100).toFixed(1)}%`;
  const n = value.toLocaleString('zh-CN');
  return withUnit && m.unit ? `${n} ${m.unit}` : n;
}

/** A rate's two counts as people check them: 12 / 15. */
export function formatParts(f: { numerator: number; denominator: number | null }): string | null {
  return f.denominator === null
    ? null
    : `${f.numerator.toLocaleString('zh-CN')} / ${f.denominator.toLocaleString('zh-CN')}`;
}
