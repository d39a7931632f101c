import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { ZH, zhSentence } from './messages.zh.js';
import { toProblem } from './problem.js';

/** Modules whose sentences live in the table: every field-problem code they write must have one. */
const TABLED_MODULES = ['supervision', 'proposals', 'org', 'reporting', 'cases', 'instructions', 'population', 'duty'];

/**
 * Where no command or route may throw a Chinese sentence: the code's entry in the table says it.
 * (The kernel still writes some sentences itself: the file store's refusals, password and geometry checks.)
 */
const NO_INLINE_CHINESE = [
  'org/commands',
  'org/http',
  'cases',
  'reporting/commands',
  'reporting/http',
  'webhooks/commands',
  'webhooks/http',
  'files',
  'platform',
  'inbox',
  'instructions',
  'population',
  'duty',
];
const CHINESE_AT_THROW =
  /new (?:Invalid|Conflict|Forbidden|TooMany|DomainError)\(\s*(?:'[a-z_]+',\s*)?'[a-z_.]+',\s*[`'"][^`'"]*[\u4e00-\u9fff]|\bmessage: [`'"][^`'"]*[\u4e00-\u9fff]/g;
/** Thrown with the kernel file store's own Chinese sentence for the same code (file-store.ts). */
const KNOWN_INLINE = ['file.too_large'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `code: 'task.deadline_before_start'` as written in a field problem, and the codes of imported rows' problems. */
function fieldProblemCodes(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(/\bcode: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]),
    ...[...text.matchAll(/\browProblem\([^;]*?'([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]),
  ];
}

describe('the Chinese message table', () => {
  const root = join(import.meta.dirname, '../../modules');
  for (const mod of TABLED_MODULES) {
    it(`has a sentence for every field-problem code written in ${mod}`, () => {
      const codes = sourceFiles(join(root, mod)).flatMap(fieldProblemCodes);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.filter((c) => !Object.hasOwn(ZH, c))).toEqual([]);
    });
  }

  for (const dir of NO_INLINE_CHINESE) {
    it(`finds no Chinese sentence thrown inline in ${dir}`, () => {
      const hits = sourceFiles(join(root, dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(CHINESE_AT_THROW)]
          .map((m) => m[0])
          .filter((m) => !KNOWN_INLINE.some((c) => m.includes(`'${c}'`))),
      );
      expect(hits).toEqual([]);
    });
  }

  it('leaves the not-found codes alone: they name the entity and id in English', () => {
    expect(Object.keys(ZH).filter((c) => c.endsWith('.not_found'))).toEqual([]);
  });

  it('builds a sentence from its params', () => {
    expect(
      zhSentence('milestone.due_outside_span', { due: '2026-04-01', start: '2026-03-01', deadline: '2026-03-31' }),
    ).toBe('时间节点须在任务起止日期之内（2026-03-01..2026-03-31）');
    expect(zhSentence('task.deadline_before_start', { start: '2026-03-10', deadline: '2026-03-09' })).toBe(
      '完成时限不能早于开始日期',
    );
  });

  it('has no sentence for unknown codes, nor for names every object has', () => {
    expect(zhSentence('no.such_code')).toBeUndefined();
    expect(zhSentence('constructor')).toBeUndefined();
    expect(zhSentence(undefined)).toBeUndefined();
  });

  it('prefixes a row of an imported sheet, keeping the fallback of an untabled problem', () => {
    expect(zhSentence('import.at_row', { row: 7, of: 'date.invalid', message: 'not a date' })).toBe(
      '第 7 行：日期格式应为 YYYY-MM-DD',
    );
    expect(zhSentence('import.at_row', { row: 7, of: '', message: '单位不存在' })).toBe('第 7 行：单位不存在');
  });
});

describe('toProblem with the table', () => {
  it('turns field-problem codes into sentences and keeps code and params out of the reply', () => {
    const p = toProblem(
      new Invalid('supervision.invalid_task', 'deadline 2026-03-09 is before start 2026-03-10', [
        {
          field: 'deadline',
          code: 'task.deadline_before_start',
          params: { start: '2026-03-10', deadline: '2026-03-09' },
          message: 'deadline 2026-03-09 is before start 2026-03-10',
        },
        { field: 'leadUnitId', message: '单位不存在' },
      ]),
    );
    expect(p).toMatchObject({ status: 422, code: 'supervision.invalid_task', detail: '完成时限不能早于开始日期' });
    expect(p.errors).toEqual([
      { field: 'deadline', message: '完成时限不能早于开始日期' },
      { field: 'leadUnitId', message: '单位不存在' },
    ]);
  });

  it('keeps the message of an error not summarised by its first problem', () => {
    const p = toProblem(new Invalid('x.y', 'something else', [{ field: 'a', code: 'date.invalid', message: 'bad' }]));
    expect(p.detail).toBe('something else');
    expect(p.errors).toEqual([{ field: 'a', message: '日期格式应为 YYYY-MM-DD' }]);
  });

  it('falls back to the thrown message when the code has no sentence', () => {
    expect(toProblem(new Forbidden('no.such_code', '只有牵头单位可以报送进度')).detail).toBe(
      '只有牵头单位可以报送进度',
    );
    expect(toProblem(new NotFound('task', 't1'))).toMatchObject({
      status: 404,
      code: 'task.not_found',
      detail: 'task t1 does not exist or is outside your data scope',
    });
  });
});
