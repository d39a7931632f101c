import { describe, it, expect } from 'vitest';
import { DomainError } from '../../../kernel/errors.js';
import { assertValidTask, effectiveWeights, findCycle, reparent, rollUpProgress, taskProblems } from './task-tree.js';
import { task } from './test-fixtures.js';
import type { Task } from './task-types.js';

const TODAY = '2026-03-20';
const leaf = (id: string, percent: number, weight?: number): Task =>
  task({ id, weight, reports: [{ date: '2026-03-10', percent, evidenceCount: 0 }] });

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('progress roll-up', () => {
  it('takes a leaf’s latest report', () => {
    const t = task({
      reports: [
        { date: '2026-03-12', percent: 60, evidenceCount: 1 },
        { date: '2026-03-05', percent: 80, evidenceCount: 1 },
      ],
    });
    expect(rollUpProgress(t, TODAY)).toBe(60);
  });
  it('counts a leaf with all milestones done as 100', () => {
    expect(rollUpProgress(task({ milestones: [{ title: 'a', due: '2026-03-10', doneOn: '2026-03-10' }] }), TODAY)).toBe(
      100,
    );
  });
  it('averages sub-tasks equally when none has a weight', () => {
    expect(rollUpProgress(task({ subTasks: [leaf('a', 10), leaf('b', 50), leaf('c', 90)] }), TODAY)).toBe(50);
  });
  it('weights sub-tasks by their weights, relative to their sum', () => {
    expect(rollUpProgress(task({ subTasks: [leaf('a', 100, 3), leaf('b', 0, 1)] }), TODAY)).toBe(75);
    expect(rollUpProgress(task({ subTasks: [leaf('a', 100, 0.3), leaf('b', 0, 0.1)] }), TODAY)).toBeCloseTo(75, 10);
  });
  it('gives an unweighted sibling the mean of the given weights', () => {
    expect(effectiveWeights([4, undefined, 2])).toEqual([4, 3, 2]);
    // (100·4 + 0·3 + 100·2) / 9
    expect(rollUpProgress(task({ subTasks: [leaf('a', 100, 4), leaf('b', 0), leaf('c', 100, 2)] }), TODAY)).toBeCloseTo(
      600 / 9,
      10,
    );
  });
  it('falls back to the plain average when every weight is 0', () => {
    expect(effectiveWeights([0, 0, undefined])).toEqual([1, 1, 1]);
    expect(rollUpProgress(task({ subTasks: [leaf('a', 100, 0), leaf('b', 0, 0)] }), TODAY)).toBe(50);
  });
  it('ignores a parent’s own reports once it has sub-tasks', () => {
    const parent = task({
      reports: [{ date: '2026-03-10', percent: 100, evidenceCount: 0 }],
      subTasks: [leaf('a', 20)],
    });
    expect(rollUpProgress(parent, TODAY)).toBe(20);
  });
  it('rolls up through several levels', () => {
    const t = task({ subTasks: [task({ id: 'm', subTasks: [leaf('x', 0), leaf('y', 100)] }), leaf('b', 100)] });
    expect(rollUpProgress(t, TODAY)).toBe(75);
  });
});

describe('task validation', () => {
  it('accepts a well-formed task', () => {
    expect(
      taskProblems(
        task({
          milestones: [
            { title: 'a', due: '2026-03-02', doneOn: null },
            { title: 'b', due: '2026-03-31', doneOn: null },
          ],
        }),
      ),
    ).toEqual([]);
  });
  it('refuses a deadline before the start', () => {
    const e = caught(() => assertValidTask(task({ start: '2026-03-10', deadline: '2026-03-09' })));
    expect(e).toMatchObject({ kind: 'invalid', code: 'supervision.invalid_task' });
    expect(e.errors.map((p) => p.field)).toEqual(['deadline']);
  });
  it('names each milestone outside the task’s span', () => {
    const t = task({
      milestones: [
        { title: 'a', due: '2026-03-10', doneOn: null },
        { title: 'b', due: '2026-04-01', doneOn: null },
        { title: 'c', due: '2026-03-01', doneOn: null },
      ],
    });
    expect(taskProblems(t).map((p) => p.field)).toEqual(['milestones[1].due', 'milestones[2].due']);
  });
  it('names bad dates, percents, weights and cadences with their paths', () => {
    const t = task({
      start: '2026-02-30',
      weight: -1,
      reports: [{ date: '2026-03-05', percent: 120, evidenceCount: 1.5 }],
      milestones: [{ title: '', due: 'soon', doneOn: 'x', weight: Number.NaN }],
      cadence: { kind: 'every_n_days', days: 0, firstDue: '2026-03-05' },
    });
    expect(taskProblems(t).map((p) => p.field)).toEqual([
      'start',
      'weight',
      'milestones[0].title',
      'milestones[0].due',
      'milestones[0].doneOn',
      'milestones[0].weight',
      'reports[0].percent',
      'reports[0].evidenceCount',
      'cadence.days',
    ]);
  });
  it('refuses a first report due outside the span', () => {
    expect(taskProblems(task({ cadence: { kind: 'weekly', firstDue: '2026-04-03' } })).map((p) => p.field)).toEqual([
      'cadence.firstDue',
    ]);
  });
  it('prefixes sub-task problems with their path', () => {
    const t = task({
      subTasks: [
        task(),
        task({
          milestones: [
            { title: 'a', due: '2026-03-10', doneOn: null },
            { title: 'b', due: '2026-05-01', doneOn: null },
          ],
        }),
      ],
    });
    expect(taskProblems(t).map((p) => p.field)).toEqual(['subTasks[1].milestones[1].due']);
  });
});

describe('re-parenting', () => {
  const nodes = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
    { id: 'd', parentId: null },
  ];
  it('moves a task under another', () => {
    expect(reparent(nodes, 'd', 'c').find((n) => n.id === 'd')).toEqual({ id: 'd', parentId: 'c' });
    expect(reparent(nodes, 'c', null).find((n) => n.id === 'c')).toEqual({ id: 'c', parentId: null });
  });
  it('refuses to put a task under itself', () => {
    expect(caught(() => reparent(nodes, 'a', 'a'))).toMatchObject({
      code: 'supervision.task_cycle',
      errors: [{ field: 'parentId' }],
    });
  });
  it('refuses to put a task under its own descendant', () => {
    expect(caught(() => reparent(nodes, 'a', 'c'))).toMatchObject({
      kind: 'invalid',
      code: 'supervision.task_cycle',
      errors: [{ field: 'parentId' }],
    });
  });
  it('refuses an unknown parent and an unknown task', () => {
    expect(caught(() => reparent(nodes, 'a', 'zz'))).toMatchObject({
      code: 'supervision.parent_not_found',
      errors: [{ field: 'parentId' }],
    });
    expect(caught(() => reparent(nodes, 'zz', 'a'))).toMatchObject({ kind: 'not_found' });
  });
  it('finds a cycle in stored links', () => {
    expect(findCycle(nodes)).toBeNull();
    expect(
      findCycle([
        { id: 'x', parentId: 'y' },
        { id: 'y', parentId: 'z' },
        { id: 'z', parentId: 'x' },
        { id: 'w', parentId: 'x' },
      ])?.sort(),
    ).toEqual(['x', 'y', 'z']);
  });
});
