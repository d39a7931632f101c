import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../contracts/cases.js';
import type { ActionRecord } from './case-types.js';
import { rectificationFacts, rectificationProgress, type RectificationAction } from './rectification.js';

const at = new Date('2026-12-01T02:00:00Z');
function act(
  type: ActionRecord['type'],
  actorName: string | null,
  unitId: string,
  comment: string | null,
  payload: unknown = {},
): RectificationAction {
  return {
    actorName,
    record: {
      type,
      at,
      actorId: `acc-${actorName}`,
      roles: [],
      unitId,
      comment,
      attachments: [],
      payload,
    } as ActionRecord,
  };
}
const report = (fixedOnSpot = false, comment: string | null = null) =>
  act('report', '王网格', 'grid', comment, { fixedOnSpot, description: '垃圾堆放' });
const dispatch = (unitId: string) => act('dispatch', '李街道', 'sub', null, { unitId });

describe('rectificationProgress', () => {
  it('names every status', () => {
    for (const s of CASE_STATUSES) expect(rectificationProgress(s)).toBeTruthy();
    expect(rectificationProgress('closed')).toBe('done');
    expect(rectificationProgress('pending_verification')).toBe('awaiting_verification');
    expect(rectificationProgress('dispatched')).toBe('awaiting_sign');
  });
});

describe('rectificationFacts', () => {
  it('has nothing before anyone handles the case', () => {
    expect(rectificationFacts([report(), dispatch('cg')])).toEqual({
      measures: null,
      fixedOnSpot: false,
      responsible: null,
    });
  });

  it('takes who signed while the unit works on it', () => {
    const f = rectificationFacts([report(), dispatch('cg'), act('start', '赵城管', 'cg', '已安排')]);
    expect(f).toEqual({ measures: null, fixedOnSpot: false, responsible: { name: '赵城管', unitId: 'cg' } });
  });

  it('takes the latest feedback: its words and who gave it', () => {
    const f = rectificationFacts([
      report(),
      dispatch('cg'),
      act('start', '赵城管', 'cg', null),
      act('feedback', '钱队员', 'cg', '已清运垃圾 2 车'),
      act('verify_fail', '王网格', 'grid', '仍有残留'),
      act('start', '孙队员', 'cg', null),
      act('feedback', '孙队员', 'cg', '再次清运并冲洗路面'),
    ]);
    expect(f).toEqual({
      measures: '再次清运并冲洗路面',
      fixedOnSpot: false,
      responsible: { name: '孙队员', unitId: 'cg' },
    });
  });

  it('after a rework the earlier measures stay until new feedback, and the new signer is responsible', () => {
    const f = rectificationFacts([
      report(),
      dispatch('cg'),
      act('feedback', '钱队员', 'cg', '已清运'),
      act('verify_fail', '王网格', 'grid', '仍有残留'),
      act('start', '孙队员', 'cg', null),
    ]);
    expect(f.measures).toBe('已清运');
    expect(f.responsible).toEqual({ name: '孙队员', unitId: 'cg' });
  });

  it('a re-dispatch after a return forgets the unit that returned it', () => {
    const f = rectificationFacts([
      report(),
      dispatch('cg'),
      act('start', '赵城管', 'cg', null),
      act('return', '赵城管', 'cg', '不属本单位'),
      dispatch('sw'),
    ]);
    expect(f.responsible).toBeNull();
  });

  it('a fix on the spot is the reporter’s measure', () => {
    const f = rectificationFacts([report(true, '现场清理完毕')]);
    expect(f).toEqual({ measures: '现场清理完毕', fixedOnSpot: true, responsible: { name: '王网格', unitId: 'grid' } });
  });
});
