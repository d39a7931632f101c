// A briefing template, parsed and rendered (pure). A body is text with placeholders in braces —
// a measure by its code `{cases.closed}`, its Chinese label `{结案数}` or group and label
// `{问题台账·结案数}`, a rate's parts `{按期结案率.分子}` / `{….分母}`, or one of the fixed
// `{单位}{期间}{期初}{期末}` — and optional sentences in square brackets `[ … ]`, left out when every
// figure in them is 0 (a count of 0, a rate over nothing) or not readable by the caller.

export const FIXED = ['单位', '期间', '期初', '期末'] as const;
export type FixedName = (typeof FIXED)[number];
export type FigurePart = 'value' | 'numerator' | 'denominator';

export type TemplatePart =
  { t: 'text'; text: string } | { t: 'fixed'; name: FixedName } | { t: 'measure'; code: string; part: FigurePart };

/** A run of the body: a plain run, or an optional sentence `[ … ]`. */
export interface TemplateSegment {
  optional: boolean;
  parts: TemplatePart[];
}

export interface TemplateProblem {
  code: 'briefing.unknown_placeholder' | 'briefing.template_syntax';
  message: string;
  params: Record<string, string>;
}

export type Parsed = { ok: true; segments: TemplateSegment[] } | { ok: false; problem: TemplateProblem };

/** A measure as the parser knows it: its code, label and group (module name on screen). */
export interface MeasureName {
  code: string;
  label: string;
  group: string;
}

const SUFFIX: Record<string, FigurePart> = { 分子: 'numerator', 分母: 'denominator' };

/** The measure a name means: its code, its label when no other measure has it, or `group·label`. */
export function resolveMeasure(measures: readonly MeasureName[], name: string): string | undefined {
  const byCode = measures.find((m) => m.code === name);
  if (byCode) return byCode.code;
  const dot = name.indexOf('·');
  if (dot > 0) {
    const group = name.slice(0, dot);
    const label = name.slice(dot + 1);
    return measures.find((m) => m.group === group && m.label === label)?.code;
  }
  const byLabel = measures.filter((m) => m.label === name);
  return byLabel.length === 1 ? byLabel[0]!.code : undefined;
}

function placeholder(measures: readonly MeasureName[], raw: string): TemplatePart | TemplateProblem {
  const name = raw.trim();
  if ((FIXED as readonly string[]).includes(name)) return { t: 'fixed', name: name as FixedName };
  let base = name;
  let part: FigurePart = 'value';
  const m = /^(.+)\.(分子|分母)$/.exec(name);
  if (m) {
    base = m[1]!;
    part = SUFFIX[m[2]!]!;
  }
  const code = resolveMeasure(measures, base);
  if (!code)
    return {
      code: 'briefing.unknown_placeholder',
      message: `body: no measure or fixed placeholder {${name}}`,
      params: { placeholder: name },
    };
  return { t: 'measure', code, part };
}

const syntax = (message: string, at: number): TemplateProblem => ({
  code: 'briefing.template_syntax',
  message: `body: ${message} at ${at}`,
  params: { at: String(at + 1) },
});

/** Parses a body against the measures registered; the first problem found, naming the placeholder. */
export function parseTemplate(body: string, measures: readonly MeasureName[]): Parsed {
  const segments: TemplateSegment[] = [];
  let current: TemplateSegment = { optional: false, parts: [] };
  let text = '';
  const flushText = () => {
    if (text) current.parts.push({ t: 'text', text });
    text = '';
  };
  const close = (optional: boolean) => {
    flushText();
    if (current.parts.length) segments.push(current);
    current = { optional, parts: [] };
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '{') {
      const end = body.indexOf('}', i + 1);
      const inner = end < 0 ? '' : body.slice(i + 1, end);
      if (end < 0 || /[{[\]\n]/.test(inner)) return { ok: false, problem: syntax('unclosed {', i) };
      const p = placeholder(measures, inner);
      if ('code' in p && !('t' in p)) return { ok: false, problem: p };
      flushText();
      current.parts.push(p as TemplatePart);
      i = end;
    } else if (c === '}') {
      return { ok: false, problem: syntax('} without {', i) };
    } else if (c === '[') {
      if (current.optional) return { ok: false, problem: syntax('[ inside [ ]', i) };
      close(true);
    } else if (c === ']') {
      if (!current.optional) return { ok: false, problem: syntax('] without [', i) };
      close(false);
    } else text += c;
  }
  if (current.optional) return { ok: false, problem: syntax('unclosed [', body.length - 1) };
  close(false);
  return { ok: true, segments };
}

/** The measures a parsed body names, each once, in order. */
export function measuresOf(segments: readonly TemplateSegment[]): string[] {
  const codes = segments.flatMap((s) => s.parts.flatMap((p) => (p.t === 'measure' ? [p.code] : [])));
  return [...new Set(codes)];
}

/** The body written with codes (how it is stored), whatever names the author typed. */
export function canonicalBody(segments: readonly TemplateSegment[]): string {
  const part = (p: TemplatePart) =>
    p.t === 'text'
      ? p.text
      : p.t === 'fixed'
        ? `{${p.name}}`
        : `{${p.code}${p.part === 'value' ? '' : `.${p.part === 'numerator' ? '分子' : '分母'}`}}`;
  return segments.map((s) => (s.optional ? `[${s.parts.map(part).join('')}]` : s.parts.map(part).join(''))).join('');
}

/** A figure as the renderer needs it; `available` false when the caller may not read it or at this level. */
export interface FigureInput {
  kind: 'count' | 'rate';
  unit: string | null;
  numerator: number;
  denominator: number | null;
  available: boolean;
}

/** A count with its unit (12件), a rate as a percentage with one decimal (85.7%), — for a rate over nothing. */
export function displayValue(f: Pick<FigureInput, 'kind' | 'unit' | 'numerator' | 'denominator'>): string {
  if (f.kind === 'count') return `${f.numerator}${f.unit ?? ''}`;
  if (!f.denominator) return '—';
  return `${((f.numerator / f.denominator) * 100).toFixed(1)}%`;
}

const partDisplay = (f: FigureInput, part: FigurePart): string =>
  part === 'value' ? displayValue(f) : String(part === 'numerator' ? f.numerator : (f.denominator ?? 0));

/** Nothing to tell: a count of 0, or a rate over nothing. */
export const isEmptyFigure = (f: FigureInput) => (f.kind === 'count' ? f.numerator === 0 : !f.denominator);

export type RenderResult =
  | {
      ok: true;
      /** Each number followed by its footnote marker `[n]`. */
      text: string;
      /** The measures footnoted, in the order of their numbers: footnote n is footnotes[n - 1]. */
      footnotes: string[];
      omitted: number;
    }
  | { ok: false; code: string };

/**
 * Writes the text: fixed placeholders by their values, each measure by its figure and a footnote
 * marker (one footnote per measure, numbered in order of first use). An optional sentence is left
 * out when all its figures are empty or one is unavailable; an unavailable figure in a plain run
 * refuses the whole (its code is answered).
 */
export function renderTemplate(
  segments: readonly TemplateSegment[],
  fixed: Record<FixedName, string>,
  figures: ReadonlyMap<string, FigureInput>,
): RenderResult {
  const footnotes: string[] = [];
  let text = '';
  let omitted = 0;
  for (const s of segments) {
    const codes = s.parts.flatMap((p) => (p.t === 'measure' ? [p.code] : []));
    const inputs = codes.map((c) => figures.get(c));
    if (
      s.optional &&
      (inputs.some((f) => !f?.available) || (codes.length > 0 && inputs.every((f) => isEmptyFigure(f!))))
    ) {
      omitted++;
      continue;
    }
    const missing = codes.find((c) => !figures.get(c)?.available);
    if (missing) return { ok: false, code: missing };
    for (const p of s.parts) {
      if (p.t === 'text') text += p.text;
      else if (p.t === 'fixed') text += fixed[p.name];
      else {
        let n = footnotes.indexOf(p.code) + 1;
        if (n === 0) n = footnotes.push(p.code);
        text += `${partDisplay(figures.get(p.code)!, p.part)}[${n}]`;
      }
    }
  }
  return { ok: true, text: text.trim(), footnotes, omitted };
}

/** A local day as written in Chinese prose: 2026年11月23日. */
export const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The fixed placeholders' values for a unit and a period: 期间 2026年11月23日至11月29日. */
export function fixedValues(unitName: string, from: string, to: string): Record<FixedName, string> {
  const end = from === to ? '' : from.slice(0, 4) === to.slice(0, 4) ? zhDate(to).slice(5) : zhDate(to);
  return {
    单位: unitName,
    期间: end ? `${zhDate(from)}至${end}` : zhDate(from),
    期初: zhDate(from),
    期末: zhDate(to),
  };
}
