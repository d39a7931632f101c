// An edited briefing text, checked against its figures (pure). The writer may change every word,
// but a number that keeps its footnote marker `[n]` must still be that footnote's figure: the
// marker is the promise that the number came from the query behind it.

/** What the text may show before footnote n: the figure (12件, 85.7%), or a rate's two counts. */
export interface FootnotedFigure {
  index: number;
  display: string;
  numerator: number;
  denominator: number | null;
}

export interface TextProblem {
  code: 'briefing.unknown_footnote' | 'briefing.figure_changed';
  message: string;
  params: Record<string, string>;
}

/** Footnote markers: `[1]` … `[99]`. */
export const MARKER = /\[(\d{1,2})\]/g;

/** The first footnote marker that points at no figure, or follows a number other than its figure's. */
export function checkFootnotes(text: string, figures: readonly FootnotedFigure[]): TextProblem | null {
  for (const m of text.matchAll(MARKER)) {
    const n = Number(m[1]);
    const f = figures.find((x) => x.index === n);
    if (!f)
      return {
        code: 'briefing.unknown_footnote',
        message: `text: footnote [${n}] has no figure`,
        params: { footnote: String(n) },
      };
    const before = text.slice(0, m.index);
    const allowed = [f.display, String(f.numerator), ...(f.denominator === null ? [] : [String(f.denominator)])];
    const ok = allowed.some((a) => before.endsWith(a) && !/[\d.]$/.test(before.slice(0, before.length - a.length)));
    if (!ok)
      return {
        code: 'briefing.figure_changed',
        message: `text: the number before footnote [${n}] is not its figure ${f.display}`,
        params: { footnote: String(n), figure: f.display },
      };
  }
  return null;
}

/** The text in runs, for writing it out: plain text and footnote markers. */
export function textRuns(text: string): ({ text: string } | { footnote: number })[] {
  const out: ({ text: string } | { footnote: number })[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ footnote: Number(m[1]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
