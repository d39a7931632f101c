import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every module's domain/ is pure: no database, no HTTP framework, no clock. Time, ids and the actor
 * come in as arguments, so the rules run in milliseconds in tests.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/from '[^']*kernel\/db\//, 'imports kernel/db'],
  [/from '(fastify|kysely|pg|better-sqlite3)[^']*'/, 'imports a server or database package'],
  [/new Date\(\)/, 'reads the clock (new Date())'],
  [/Date\.now\(\)/, 'reads the clock (Date.now())'],
];

describe('domain purity', () => {
  const root = import.meta.dirname;
  const modules = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const mod of modules) {
    const dir = join(root, mod.name, 'domain');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    } catch {
      continue;
    }
    it(`keeps ${mod.name}/domain free of the database, HTTP and the clock`, () => {
      const found = files.flatMap((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        return FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => `${f} ${what}`);
      });
      expect(found).toEqual([]);
    });
  }
});
