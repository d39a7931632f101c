import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeState, type BoardState } from './board-rules.js';

const STATES: BoardState[] = ['good', 'damaged', 'to_replace', 'removed'];

describe('a board’s change of state', () => {
  it('counts a change to 完好 with a new photo as a replacement, from any state', () => {
    for (const from of STATES) expect(changeState(from, 'good', 'old', 'new')).toEqual({ ok: true, replaced: true });
    expect(changeState('damaged', 'good', null, 'new')).toEqual({ ok: true, replaced: true });
  });
  it('takes back to 完好 without a new photo as a repair, not a replacement', () => {
    expect(changeState('damaged', 'good', 'old', null)).toEqual({ ok: true, replaced: false });
    expect(changeState('to_replace', 'good', 'old', 'old')).toEqual({ ok: true, replaced: false });
  });
  it('refuses a change that changes nothing, naming the state', () => {
    const same = changeState('damaged', 'damaged', null, 'p');
    expect(same.ok === false && same.problem).toMatchObject({ field: 'state', code: 'board.state_unchanged' });
    const good = changeState('good', 'good', 'p', 'p');
    expect(good.ok === false && good.problem).toMatchObject({ field: 'state', code: 'board.replace_needs_photo' });
  });
  it('replaces exactly when the target is 完好 and the photo is new; refuses exactly the no-ops', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.constantFrom(...STATES),
        fc.option(fc.constantFrom('a', 'b')),
        fc.option(fc.constantFrom('a', 'b')),
        (from, to, current, next) => {
          const r = changeState(from, to, current, next);
          const fresh = next !== null && next !== current;
          if (r.ok) expect(r.replaced).toBe(to === 'good' && fresh);
          expect(r.ok).toBe(from !== to || (to === 'good' && fresh));
        },
      ),
    );
  });
});
