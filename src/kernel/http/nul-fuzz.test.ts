import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  $ref?: string;
};
type Path = (string | number)[];

const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';
const NUL = 'a\u0000b';

/** One plausible value of a JSON schema, every property filled (optional ones too), so each string is reached. */
function sample(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], depth);
  if (s.allOf) return sample(s.allOf[0], depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]));
    case 'array':
      return [sample(s.items, depth + 1)];
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return SAMPLE_ID;
      if (s.format === 'date-time') return '2026-11-30T02:00:00.000Z';
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-11-30';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return 'x';
  }
}

/** The paths of every string leaf of a value. */
function stringPaths(v: unknown, path: Path = []): Path[] {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]));
  return [];
}

function withAt(v: unknown, path: Path, value: string): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]] = withAt(copy[path[0]], path.slice(1), value);
  return copy;
}

interface Operation {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

// Generated from the OpenAPI document: a NUL byte in each string field of every JSON body and query string.
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: a NUL byte in every string field of the OpenAPI document`, () => {
    let h: Harness;
    let admin: string;
    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
    });
    afterAll(() => h.close());

    it('answers no 5xx, and 400 naming the field wherever the request reaches validation', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json() as {
        paths: Record<string, Record<string, Operation>>;
      };
      let tried = 0;
      const fiveXx: string[] = [];
      const unnamed: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        // Logging out or changing the admin's own password would end the sweep's session.
        if (path === '/api/v1/auth/logout') continue;
        for (const [method, op] of Object.entries(ops)) {
          const url = path.replace(/\{id\}/g, h.districtId).replace(/\{(\w+)\}/g, 'x');
          const query = (op.parameters ?? []).filter((p) => p.in === 'query');
          const baseQuery = Object.fromEntries(query.map((p) => [p.name, String(sample(p.schema))]));
          const json = op.requestBody?.content['application/json']?.schema;
          const base = json ? sample(json) : undefined;
          const cases: { label: string; field: string; qs: Record<string, string>; body: unknown }[] = [];
          for (const p of query)
            if (stringPaths(sample(p.schema)).length)
              cases.push({ label: `?${p.name}`, field: p.name, qs: { ...baseQuery, [p.name]: NUL }, body: base });
          for (const sp of stringPaths(base))
            cases.push({
              label: sp.join('.'),
              field: sp.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join(''),
              qs: baseQuery,
              body: withAt(base, sp, NUL),
            });
          for (const c of cases) {
            tried++;
            const qs = new URLSearchParams(c.qs).toString();
            const r = await h.call(method.toUpperCase(), `${url}${qs ? `?${qs}` : ''}`, {
              cookie: admin,
              ...(c.body !== undefined ? { body: c.body } : {}),
            });
            const where = `${method.toUpperCase()} ${path} ${c.label} → ${r.statusCode}`;
            if (r.statusCode >= 500) fiveXx.push(`${where} ${r.body.slice(0, 200)}`);
            else if (
              r.statusCode === 400 &&
              !(r.json().errors ?? []).some((e: { field: string }) => e.field === c.field)
            )
              unnamed.push(`${where} ${r.body.slice(0, 200)}`);
          }
        }
      }
      console.log(
        `${tdb.name}: NUL sweep tried ${tried} requests, ${fiveXx.length} 5xx, ${unnamed.length} 400 without the field`,
      );
      expect(tried).toBeGreaterThan(500);
      expect(fiveXx).toEqual([]);
      expect(unnamed).toEqual([]);
    }, 240_000);
  });
}
