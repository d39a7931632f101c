import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../kernel/errors.js';
import { findCycle, reparent, rollUpProgress, type TaskNode } from './task-tree.js';
import { task } from './test-fixtures.js';
import type { Task } from './task-types.js';

const TODAY = '2026-03-20';
const weight = fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1000, noNaN: true })), { nil: undefined });
const percent = fc.double({ min: 0, max: 100, noNaN: true });

const tree: fc.Arbitrary<Task> = fc.letrec<{ node: Task }>((tie) => ({
  node: fc
    .record({
      percent,
      weight,
      subTasks: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant([]),
        fc.array(tie('node'), { maxLength: 4 }),
      ),
    })
    .map(({ percent: p, weight: w, subTasks }) =>
      task({ weight: w, subTasks, reports: [{ date: '2026-03-10', percent: p, evidenceCount: 0 }] }),
    ),
})).node;

describe('roll-up properties', () => {
  it('stays within 0..100 for any tree and weights', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const p = rollUpProgress(t, TODAY);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
      }),
    );
  });
  it('equals the leaf’s progress along a single-child chain', () => {
    fc.assert(
      fc.property(percent, fc.array(weight, { minLength: 0, maxLength: 8 }), (p, weights) => {
        let t = task({ reports: [{ date: '2026-03-10', percent: p, evidenceCount: 0 }] });
        for (const w of weights) t = task({ weight: w, subTasks: [t] });
        expect(rollUpProgress(t, TODAY)).toBeCloseTo(p, 9);
      }),
    );
  });
});

describe('re-parenting properties', () => {
  it('never leaves a cycle after any sequence of accepted moves', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const move = fc.record({ id: fc.constantFrom(...ids), parent: fc.option(fc.constantFrom(...ids), { nil: null }) });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        let nodes: TaskNode[] = ids.map((id) => ({ id, parentId: null }));
        for (const m of moves) {
          try {
            nodes = reparent(nodes, m.id, m.parent);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code).toBe('supervision.task_cycle');
          }
          expect(findCycle(nodes)).toBeNull();
        }
      }),
    );
  });
});
