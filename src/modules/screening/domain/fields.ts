// A campaign's own fields (来源地, 到达日期, 交通方式 …): defined when the campaign is opened, each typed
// text, date or choice and required or not; an entry's values are checked against them. Pure.

export type FieldType = 'text' | 'date' | 'choice';

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** The options of a choice field (at least one). */
  choices?: string[];
}

export interface ValueProblem {
  /** The field's key, e.g. 'arrivalDate'. */
  key: string;
  code:
    | 'screening.value_required'
    | 'screening.value_not_date'
    | 'screening.value_not_choice'
    | 'screening.value_too_long'
    | 'screening.value_unknown_field';
}

export const FIELD_TEXT_MAX = 200;

/** Problems of a definition list: keys unique, a choice field with options, an option list without repeats. */
export function checkFieldDefs(defs: readonly FieldDef[]): { index: number; code: string }[] {
  const out: { index: number; code: string }[] = [];
  const keys = new Set<string>();
  const labels = new Set<string>();
  defs.forEach((d, index) => {
    if (keys.has(d.key)) out.push({ index, code: 'screening.field_key_repeated' });
    if (labels.has(d.label)) out.push({ index, code: 'screening.field_label_repeated' });
    keys.add(d.key);
    labels.add(d.label);
    if (d.type === 'choice') {
      const c = d.choices ?? [];
      if (c.length === 0) out.push({ index, code: 'screening.field_choices_required' });
      else if (new Set(c).size !== c.length) out.push({ index, code: 'screening.field_choices_repeated' });
    }
  });
  return out;
}

function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Checks an entry's values against the fields: required ones present, dates real calendar days
 * (YYYY-MM-DD), choices among the options, text at most 200 characters, no value for an unknown field.
 * Returns the cleaned values (trimmed, empty ones left out) or the problems.
 */
export function checkValues(
  defs: readonly FieldDef[],
  raw: Readonly<Record<string, string>>,
): { ok: true; values: Record<string, string> } | { ok: false; problems: ValueProblem[] } {
  const problems: ValueProblem[] = [];
  const values: Record<string, string> = {};
  const known = new Set(defs.map((d) => d.key));
  for (const key of Object.keys(raw))
    if (!known.has(key)) problems.push({ key, code: 'screening.value_unknown_field' });
  for (const d of defs) {
    const v = (raw[d.key] ?? '').trim();
    if (!v) {
      if (d.required) problems.push({ key: d.key, code: 'screening.value_required' });
      continue;
    }
    if (d.type === 'date' && !isDate(v)) problems.push({ key: d.key, code: 'screening.value_not_date' });
    else if (d.type === 'choice' && !(d.choices ?? []).includes(v))
      problems.push({ key: d.key, code: 'screening.value_not_choice' });
    else if (v.length > FIELD_TEXT_MAX) problems.push({ key: d.key, code: 'screening.value_too_long' });
    else values[d.key] = v;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
