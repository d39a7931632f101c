import { describe, expect, it } from 'vitest';
import { Invalid } from '../../../kernel/errors.js';
import { toProblem } from '../../../kernel/http/problem.js';
import { taskProblems } from '../domain/task-tree.js';
import { task } from '../domain/test-fixtures.js';

/** What clients read for the task tree's problems: the sentences the API has always given. */
function readable(t: Parameters<typeof taskProblems>[0]) {
  const problems = taskProblems(t);
  return toProblem(new Invalid('supervision.invalid_task', problems[0].message, problems));
}

describe('task problems as clients read them', () => {
  it('says a deadline before the start in Chinese, as detail and as field message', () => {
    const p = readable(task({ start: '2026-03-10', deadline: '2026-03-09' }));
    expect(p.detail).toBe('完成时限不能早于开始日期');
    expect(p.errors).toEqual([{ field: 'deadline', message: '完成时限不能早于开始日期' }]);
  });

  it('names the task span of a milestone outside it, and a missing title', () => {
    const p = readable(
      task({
        milestones: [
          { title: ' ', due: '2026-03-10', doneOn: null },
          { title: 'b', due: '2026-04-01', doneOn: null },
        ],
      }),
    );
    expect(p.errors).toEqual([
      { field: 'milestones[0].title', message: '请填写名称' },
      { field: 'milestones[1].due', message: '时间节点须在任务起止日期之内（2026-03-02..2026-03-31）' },
    ]);
    expect(p.detail).toBe('请填写名称');
  });

  it('says bad dates, a first due date outside the span and too many periods in Chinese', () => {
    expect(readable(task({ start: '2026-02-30' })).errors).toEqual([
      { field: 'start', message: '日期格式应为 YYYY-MM-DD' },
    ]);
    expect(readable(task({ cadence: { kind: 'weekly', firstDue: '2026-04-03' } })).errors).toEqual([
      { field: 'cadence.firstDue', message: '首次报送日期须在任务起止日期之内' },
    ]);
    expect(
      readable(task({ deadline: '2099-12-31', cadence: { kind: 'every_n_days', days: 1, firstDue: '2026-03-02' } }))
        .errors,
    ).toEqual([{ field: 'cadence', message: '报送周期过多' }]);
  });
});
