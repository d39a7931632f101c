import { describe, expect, it } from 'vitest';
import { Conflict, DomainError } from '../../../kernel/errors.js';
import { toProblem } from '../../../kernel/http/problem.js';
import { canTakeAction } from '../domain/case-policy.js';
import { actor, SYSTEM, stateFor } from '../domain/case-test-fixtures.js';
import { guardFailure } from '../domain/case-transitions.js';
import { InvalidTransition } from '../domain/case-workflow.js';

/** What clients read when the workflow refuses: the sentences the API has always given. */
const refusal = (...args: Parameters<typeof canTakeAction>) => {
  const r = canTakeAction(...args);
  if (r.ok) throw new Error('expected a refusal');
  return toProblem(new DomainError('forbidden', r.code, r.reason, [], {}, r.params)).detail;
};

describe('workflow refusals as clients read them', () => {
  it('names the role, the scope and who triages', () => {
    expect(refusal(actor('grid_worker'), 'dispatch', stateFor('accepted'))).toBe('您的角色（网格员）不能「派遣」');
    expect(refusal(actor('subdistrict_staff', '/d/s2/'), 'accept', stateFor('escalated'))).toBe(
      '该问题不在您的数据权限范围内',
    );
    expect(refusal(actor('subdistrict_staff'), 'accept', stateFor('escalated_district'))).toBe(
      '该问题已上报区级研判，街道不能「立案」',
    );
    expect(refusal(SYSTEM, 'accept', stateFor('escalated'))).toBe('系统不能「立案」');
  });

  it('says which transitions are illegal', () => {
    expect(refusal(actor('grid_worker'), 'verify_pass', stateFor('closed'))).toBe(
      '问题当前状态为「已结案」，不能执行「核查通过」',
    );
    expect(toProblem(new InvalidTransition({ from: null, action: 'accept' })).detail).toBe(
      '问题尚未上报，不能执行「立案」',
    );
    expect(toProblem(new InvalidTransition({ from: 'reported', action: 'report' })).detail).toBe(
      '问题已经上报，不能重复上报',
    );
    expect(toProblem(new InvalidTransition({ from: 'closed', action: 'verify_pass' }))).toMatchObject({
      code: 'case.invalid_transition',
      detail: '问题当前状态为「已结案」，不能执行「核查通过」',
      from: 'closed',
      action: 'verify_pass',
    });
  });

  it('says why a guard refuses', () => {
    const said = (code: string) => toProblem(new Conflict(code, 'refused')).detail;
    expect(said('case.no_subdistrict')).toBe('问题不在任何街道的网格内，由区级研判');
    expect(said('case.already_district')).toBe('问题已在区级研判');
    expect(said('case.extension_pending')).toBe('已有待审批的延期申请');
    expect(said('case.no_pending_extension')).toBe('没有待审批的延期申请');
    const g = guardFailure({ ...stateFor('escalated_district'), triageLevel: 'district' }, 'escalate_district');
    expect(g?.code).toBe('case.already_district');
  });
});
