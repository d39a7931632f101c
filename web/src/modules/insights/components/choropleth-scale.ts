/**
 * The choropleth's colours (pure): equal-interval classes over the areas' values, the darker the
 * worse by the measure's direction (more open cases, a lower 按期结案率); a rate over nothing has no
 * class and is drawn grey (无数据).
 */

/** Light (good) to dark (bad). */
export const SEQUENTIAL = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'] as const;
export const NO_DATA = { light: '#d9d9d9', dark: '#3a4150' } as const;

export interface ScaleClass {
  /** Inclusive lower and upper bounds of the class's values. */
  from: number;
  to: number;
  color: string;
}

export interface ChoroplethScale {
  /** In legend order: the best class first. */
  classes: ScaleClass[];
  /** The class colour of a value, or the no-data grey. */
  colorOf(value: number | null): string;
}

export function choroplethScale(
  values: readonly (number | null)[],
  better: 'higher' | 'lower',
  opts: { classes?: number; theme?: 'light' | 'dark' } = {},
): ChoroplethScale {
  const grey = NO_DATA[opts.theme ?? 'light'];
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!xs.length) return { classes: [], colorOf: () => grey };
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const distinct = new Set(xs).size;
  const n = min === max ? 1 : Math.max(1, Math.min(opts.classes ?? SEQUENTIAL.length, distinct));
  const step = (max - min) / n;
  const indexOf = (v: number) => (min === max ? 0 : Math.min(n - 1, Math.floor((v - min) / step)));
  // Class i (ascending values) to a palette shade: the worse end is the darkest.
  const shade = (i: number) => {
    const badness = better === 'lower' ? i : n - 1 - i;
    return n === 1 ? SEQUENTIAL[0] : SEQUENTIAL[Math.round((badness * (SEQUENTIAL.length - 1)) / (n - 1))]!;
  };
  const ascending: ScaleClass[] = Array.from({ length: n }, (_, i) => ({
    from: min + i * step,
    to: i === n - 1 ? max : min + (i + 1) * step,
    color: shade(i),
  }));
  return {
    classes: better === 'lower' ? ascending : [...ascending].reverse(),
    colorOf: (v) => (v === null || !Number.isFinite(v) ? grey : shade(indexOf(v))),
  };
}
