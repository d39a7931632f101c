import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { ZH, zhSentence } from './messages.zh.js';
import { toProblem } from './problem.js';

/**
 * Every module's sentences live in the table: each field-problem code, imported row's problem and
 * refusal (Conflict / Forbidden) a module writes must have one, and no command or route throws a
 * Chinese sentence of its own. A new module is held to both by being a folder under src/modules.
 */
const MODULES_ROOT = join(import.meta.dirname, '../../modules');
const MODULES = readdirSync(MODULES_ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** Refusals answered with the kernel's own sentence for the permission (problem.ts), not the table's. */
const UNTABLED = ['auth.permission_denied'];
/**
 * Files whose `code: '…'` names something else, not a problem: a report figure's code (reportFigures),
 * a measure's (insightMeasures) or a work item's (workItems).
 */
const NOT_PROBLEM_CODES = /(?:report-figures|insight-measures|work-items)\.ts$/;
/**
 * Where Chinese is written inline on purpose: demo data (the demo forms' own rule messages are the
 * forms' content), test fixtures, and two older sentences built from a row's text.
 */
const INLINE_ALLOWED = [
  /\/demo\//,
  /test-fixtures\.ts$/,
  /supervision\/commands\/work-plan-import\.ts$/,
  /proposals\/domain\/proposal-state\.ts$/,
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

/**
 * `code: 'task.deadline_before_start'` as written in a field problem, the codes of imported rows'
 * problems, and the codes of refusals (`new Conflict('…'`, `new Forbidden('…'`).
 */
function writtenCodes(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(/\bcode: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\browProblem\([^;]*?'([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!),
    ...[...text.matchAll(/new (?:Conflict|Forbidden)\('([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!),
  ];
}

describe('the Chinese message table', () => {
  it('covers every module', () => {
    expect(MODULES).toEqual(expect.arrayContaining(['cases', 'measures', 'population', 'screening', 'venues']));
  });

  for (const mod of MODULES) {
    const files = sourceFiles(join(MODULES_ROOT, mod));

    it(`has a sentence for every code written in ${mod}`, () => {
      const codes = [...new Set(files.filter((f) => !NOT_PROBLEM_CODES.test(f)).flatMap(writtenCodes))];
      expect(codes.filter((c) => !UNTABLED.includes(c) && !Object.hasOwn(ZH, c))).toEqual([]);
    });

    it(`finds no Chinese sentence thrown inline in ${mod}`, () => {
      const hits = files
        .filter((file) => !INLINE_ALLOWED.some((re) => re.test(file)))
        .flatMap((file) =>
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
