import type { FieldProblem } from '../errors.js';
import { zhSentence } from './messages.zh.js';
import { fieldPath } from './problem.js';

// C0 controls and DEL. Tab, line feed and carriage return are text in a body (a multi-line description);
// in a query string or a path every one of them is refused.
// eslint-disable-next-line no-control-regex -- finding them is the point
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- finding them is the point
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The string fields of a request's body, query or params that hold control characters, each named as
 * zod names fields. PostgreSQL refuses U+0000 in text ("invalid byte sequence") and FTS5 ends a string
 * at it, and no form of the console types the others; one check here covers every schema of every route.
 */
export function controlCharProblems(value: unknown, where: 'body' | 'query' | 'params'): FieldProblem[] {
  const bad = where === 'body' ? BODY_CONTROL : LINE_CONTROL;
  const out: FieldProblem[] = [];
  const walk = (v: unknown, path: PropertyKey[], depth: number): void => {
    if (typeof v === 'string') {
      const m = bad.exec(v);
      if (!m) return;
      const code = where !== 'body' && /[\t\n\r]/.test(m[0]) ? 'text.line_break' : 'text.control_character';
      out.push({ field: fieldPath(path), message: zhSentence(code, {}) ?? 'contains a control character' });
    } else if (Array.isArray(v)) {
      if (depth < 32) v.forEach((x, i) => walk(x, [...path, i], depth + 1));
    } else if (v && typeof v === 'object') {
      if (depth < 32) for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  return out;
}
