import { describe, expect, it } from 'vitest';
import { toggleGone, visitProblems } from './visit-form';

describe('the visit form', () => {
  it('wants a result', () => {
    expect(visitProblems({ result: null, present: [], newcomers: 0 })).toEqual({ result: '请选择走访结果' });
  });

  it('wants someone at home for 在家已核实, a present member or a newcomer', () => {
    expect(visitProblems({ result: 'verified', present: [], newcomers: 0 })).toHaveProperty('present');
    expect(visitProblems({ result: 'verified', present: ['a'], newcomers: 0 })).toEqual({});
    expect(visitProblems({ result: 'verified', present: [], newcomers: 1 })).toEqual({});
  });

  it('takes 不在家 or 空置 with nobody at home', () => {
    expect(visitProblems({ result: 'absent', present: [], newcomers: 0 })).toEqual({});
    expect(visitProblems({ result: 'vacant', present: [], newcomers: 0 })).toEqual({});
  });

  it('takes a member marked 迁出 off 在家, and back without ticking 在家 again', () => {
    const marked = toggleGone({ present: ['a', 'b'], gone: [] }, 'b');
    expect(marked).toEqual({ present: ['a'], gone: ['b'] });
    expect(toggleGone(marked, 'b')).toEqual({ present: ['a'], gone: [] });
  });
});
