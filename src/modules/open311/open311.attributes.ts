import { hasNonXmlChar } from './open311.document.js';
import { badRequest } from './open311.errors.js';
import type { RawAttribute } from './open311.params.js';
import { formatDateTime, parseDateTime } from './open311.time.js';
import type { Open311Service } from './open311.types.js';

export const MAX_STRING_ATTRIBUTE = 500;
export const MAX_TEXT_ATTRIBUTE = 4000;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks attribute[code] values against the service definition: only variable attributes of the
 * definition, one value unless a multivaluelist, list keys that the definition names, values of the
 * datatype, every required attribute present. Returns them as the backend receives them.
 */
export function validateAttributes(
  service: Open311Service,
  raw: Map<string, RawAttribute>,
  offsetMs: number,
): Record<string, string | string[]> {
  const problems: string[] = [];
  const out: Record<string, string | string[]> = {};
  const defs = new Map(service.attributes.map((a) => [a.code, a]));
  for (const [code, given] of raw) {
    const a = defs.get(code);
    const name = `attribute[${code}]`;
    if (!a) {
      problems.push(`${name} is not an attribute of service ${service.service_code}`);
      continue;
    }
    if (!a.variable) {
      problems.push(`${name} is shown for information only and takes no value`);
      continue;
    }
    const values = given.values;
    if (!values.length) continue;
    if (values.some(hasNonXmlChar)) {
      problems.push(`${name} contains control characters`);
      continue;
    }
    if (a.datatype === 'multivaluelist') {
      const keys = [...new Set(values)];
      const unknown = keys.filter((k) => !a.values.some((v) => v.key === k));
      if (unknown.length)
        problems.push(
          `${name}: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not values' : 'is not a value'} of the list`,
        );
      else out[code] = keys;
      continue;
    }
    if (given.bracketed || values.length > 1) {
      problems.push(`${name} takes one value (only a multivaluelist takes several)`);
      continue;
    }
    const v = values[0];
    switch (a.datatype) {
      case 'string':
        if (/[\r\n]/.test(v)) problems.push(`${name} is a string and may not contain line breaks`);
        else if ([...v].length > MAX_STRING_ATTRIBUTE)
          problems.push(`${name} may have at most ${MAX_STRING_ATTRIBUTE} characters`);
        else out[code] = v;
        break;
      case 'text':
        if ([...v].length > MAX_TEXT_ATTRIBUTE)
          problems.push(`${name} may have at most ${MAX_TEXT_ATTRIBUTE} characters`);
        else out[code] = v;
        break;
      case 'number':
        if (!NUMBER_RE.test(v) || !Number.isFinite(Number(v))) problems.push(`${name} must be a number`);
        else out[code] = v;
        break;
      case 'datetime': {
        const r = parseDateTime(v, offsetMs, { zoneOptional: true });
        if (!r.ok) problems.push(`${name} must be an ISO 8601 date or datetime, e.g. 2026-11-30T10:00:00+08:00`);
        else out[code] = formatDateTime(r.date, offsetMs);
        break;
      }
      case 'singlevaluelist':
        if (!a.values.some((x) => x.key === v)) problems.push(`${name}: ${v} is not a value of the list`);
        else out[code] = v;
        break;
    }
  }
  for (const a of [...service.attributes].sort((x, y) => x.order - y.order)) {
    if (a.variable && a.required && out[a.code] === undefined && !raw.get(a.code)?.values.length) {
      problems.push(`attribute[${a.code}] is required (${a.description})`);
    }
  }
  if (problems.length) throw badRequest(...problems);
  return out;
}
