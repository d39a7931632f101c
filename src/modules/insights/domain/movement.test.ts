import { describe, expect, it } from 'vitest';
import { movementOf, type Movement } from './movement.js';

describe('movementOf (名次变化)', () => {
  const cases: [string, number | null, number | null, Movement][] = [
    ['3rd → 1st moves up two places', 1, 3, { kind: 'up', by: 2, label: '↑2' }],
    ['1st → 2nd moves down one place', 2, 1, { kind: 'down', by: 1, label: '↓1' }],
    ['7th → 1st moves up six', 1, 7, { kind: 'up', by: 6, label: '↑6' }],
    ['a shared 1st both times holds its place', 1, 1, { kind: 'same', by: 0, label: '持平' }],
    ['ranked now, not before, is new on the list', 4, null, { kind: 'new', by: 0, label: '新上榜' }],
    ['not ranked now shows a dash, whatever before', null, 2, { kind: 'none', by: 0, label: '—' }],
    ['never ranked shows a dash', null, null, { kind: 'none', by: 0, label: '—' }],
  ];
  for (const [name, rank, previous, want] of cases)
    it(name, () => {
      expect(movementOf(rank, previous)).toEqual(want);
    });
});
