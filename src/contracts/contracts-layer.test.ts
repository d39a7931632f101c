import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(fileURLToPath(import.meta.url));

// Contracts are the bottom layer: the web console imports them, so they must not pull in server code.
describe('contracts', () => {
  it('import nothing but zod and each other', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      const specifiers = [...src.matchAll(/(?:import|export)[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]);
      for (const s of specifiers) expect(s === 'zod' || /^\.\/[\w-]+\.js$/.test(s), `${f} imports ${s}`).toBe(true);
    }
  });
});
