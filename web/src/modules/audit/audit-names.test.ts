import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES } from '../../../../src/contracts/cases';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_TYPE_NAMES } from '../../../../src/contracts/platform';
import { OPINION_ACTIONS, PROPOSAL_COMMANDS } from '../../../../src/contracts/proposals';
import { NoticeBody } from '../../../../src/contracts/supervision';
import { actionLabel, entityTypeName } from './api';

const serverRoot = path.resolve(__dirname, '../../../../src');

/** What a template action like `case.${record.type}` can become, by its prefix. */
const TEMPLATE_SUFFIXES: Record<string, readonly string[]> = {
  case: CASE_ACTION_TYPES,
  proposal: PROPOSAL_COMMANDS,
  supervisor_opinion: OPINION_ACTIONS,
  task: NoticeBody.shape.kind.options,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The object literal passed to each recordAudit(…) call in a file. A call passing anything else (a
 * variable, a spread) could record a code this test cannot read, so it fails instead of being skipped.
 */
function auditCalls(src: string, where: string): string[] {
  const calls: string[] = [];
  for (let i = src.indexOf('recordAudit('); i >= 0; i = src.indexOf('recordAudit(', i + 1)) {
    if (/function\s+$/.test(src.slice(Math.max(0, i - 20), i))) continue; // the definition
    const comma = src.indexOf(',', i);
    const open = src.indexOf('{', i);
    if (open < 0 || comma < 0 || src.slice(comma + 1, open).trim() !== '')
      throw new Error(`${where}: recordAudit(…) without an object literal — write its action and entityType out`);
    let depth = 0;
    let end = open;
    for (; end < src.length; end++) {
      if (src[end] === '{') depth++;
      else if (src[end] === '}' && --depth === 0) break;
    }
    calls.push(src.slice(open, end + 1));
  }
  return calls;
}

/** Every code a property of the call can take: quoted strings, and templates expanded by their prefix. */
function codesOf(call: string, prop: 'action' | 'entityType', where: string): string[] {
  const m = new RegExp(`\\b${prop}:\\s*([^,\\n]+)`).exec(call);
  if (!m) throw new Error(`${where}: recordAudit without a literal ${prop}`);
  const expr = m[1];
  const codes = [...expr.matchAll(/'([^']+)'/g)].map((x) => x[1]);
  for (const t of expr.matchAll(/`([a-z_]+)\.\$\{[^}]+\}`/g)) {
    const suffixes = TEMPLATE_SUFFIXES[t[1]];
    if (!suffixes) throw new Error(`${where}: ${prop} ${t[0]} — add its prefix to TEMPLATE_SUFFIXES`);
    codes.push(...suffixes.map((s) => `${t[1]}.${s}`));
  }
  if (!codes.length) throw new Error(`${where}: cannot read the ${prop} ${expr}`);
  return codes;
}

function recorded(prop: 'action' | 'entityType'): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(serverRoot)) {
    const src = fs.readFileSync(file, 'utf8');
    for (const call of auditCalls(src, path.relative(serverRoot, file)))
      for (const c of codesOf(call, prop, path.relative(serverRoot, file))) codes.add(c);
  }
  return codes;
}

describe('audit log names', () => {
  it('name every action the server records', () => {
    const actions = recorded('action');
    expect(actions.size).toBeGreaterThan(50);
    const unnamed = [...actions].filter((a) => !Object.hasOwn(AUDIT_ACTION_NAMES, a));
    expect(unnamed, 'add these to AUDIT_ACTION_NAMES in src/contracts/platform.ts').toEqual([]);
  });

  it('name every entity type the server records', () => {
    const types = recorded('entityType');
    expect(types.size).toBeGreaterThan(10);
    const unnamed = [...types].filter((t) => !Object.hasOwn(AUDIT_ENTITY_TYPE_NAMES, t));
    expect(unnamed, 'add these to AUDIT_ENTITY_TYPE_NAMES in src/contracts/platform.ts').toEqual([]);
  });

  it('names are Chinese, and an unknown code shows a Chinese fallback', () => {
    for (const name of [...Object.values(AUDIT_ACTION_NAMES), ...Object.values(AUDIT_ENTITY_TYPE_NAMES)])
      expect(name).toMatch(/[\u4e00-\u9fff]/);
    expect(actionLabel('supervisor_opinion.close')).toBe('监督意见办结');
    expect(actionLabel('something.new')).toBe('其他操作');
    expect(entityTypeName('something_new')).toBe('其他对象');
  });
});
