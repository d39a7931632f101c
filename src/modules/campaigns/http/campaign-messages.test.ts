import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZH } from '../../../kernel/http/messages.zh.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

const CHINESE_AT_THROW =
  /new (?:Invalid|Conflict|Forbidden|TooMany|DomainError)\(\s*(?:'[a-z_]+',\s*)?'[a-z_.]+',\s*[`'"][^`'"]*[\u4e00-\u9fff]|\bmessage: [`'"][^`'"]*[\u4e00-\u9fff]/g;

// The rules messages.zh.ts states for the modules it lists, held for this one too.
describe('the campaigns module’s messages', () => {
  const files = sourceFiles(join(import.meta.dirname, '..'));

  it('has a Chinese sentence for every field-problem code and refusal it writes', () => {
    const codes = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [
        ...[...text.matchAll(/\bcode: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]),
        ...[...text.matchAll(/new (?:Conflict|Forbidden)\('([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]),
      ];
    });
    expect(codes.length).toBeGreaterThan(10);
    expect([...new Set(codes)].filter((c) => !Object.hasOwn(ZH, c))).toEqual([]);
  });

  it('throws no Chinese sentence inline', () => {
    const hits = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(CHINESE_AT_THROW)].map((m) => m[0]));
    expect(hits).toEqual([]);
  });
});
