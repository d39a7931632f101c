import { ApiError, type FieldError } from '../../lib/api';

type NamePath = (string | number)[];

/** 'milestones[1].due' → ['milestones', 1, 'due']. */
export function namePath(field: string): NamePath {
  const out: NamePath = [];
  for (const part of field.split('.')) {
    const m = part.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

interface FormLike {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setFields(fields: any[]): void;
}

/**
 * Puts a problem+json reply's `errors[]` on the form fields they name, nested ones included
 * (milestones[0].due). `map` renames a server path to the form's own (or returns null to skip).
 * Returns the errors that matched no field, to show in an alert.
 */
export function applyServerErrors(
  form: FormLike,
  err: unknown,
  known: readonly string[],
  map?: (path: NamePath) => NamePath | null,
): FieldError[] {
  if (!(err instanceof ApiError) || err.errors.length === 0) return [];
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const e of err.errors) {
    let name: NamePath | null = namePath(e.field);
    if (map) name = map(name);
    if (!name || !known.includes(String(name[0]))) {
      unmatched.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    const hit = byName.get(key) ?? { name, errors: [] };
    hit.errors.push(e.message);
    byName.set(key, hit);
  }
  form.setFields([...byName.values()]);
  return unmatched;
}
