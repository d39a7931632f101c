import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../../kernel/calendar/index.js';
import { expectedProgress, STATUS_RULES, statusFromFacts, taskStatus, type StatusFacts } from './task-status.js';
import { cstNoon, task } from './test-fixtures.js';

const at = (date: string) => cstNoon(date);
const facts = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  today: '2026-03-10',
  progress: 30,
  expected: 30,
  allMilestonesDone: false,
  pastDeadline: false,
  missedMilestones: [],
  missingPeriods: [],
  behindThreshold: 10,
  ...over,
});
const missed = { title: 'x', due: '2026-03-05', doneOn: null };
const period = { index: 0, from: '2026-03-02', due: '2026-03-06' };

describe('the status table', () => {
  it.each([
    ['on_track', facts(), []],
    ['done', facts({ progress: 100, pastDeadline: true }), ['progress_complete']],
    ['done', facts({ allMilestonesDone: true, expected: 100, progress: 0 }), ['milestones_complete']],
    ['overdue', facts({ pastDeadline: true }), ['past_deadline']],
    ['overdue', facts({ pastDeadline: true, missedMilestones: [missed] }), ['past_deadline', 'milestone_missed']],
    ['lagging', facts({ missedMilestones: [missed] }), ['milestone_missed']],
    ['lagging', facts({ missingPeriods: [period] }), ['report_missing']],
    ['lagging', facts({ expected: 50, progress: 39 }), ['behind_schedule']],
    ['on_track', facts({ expected: 50, progress: 40 }), []],
    [
      'lagging',
      facts({ expected: 50, progress: 0, missedMilestones: [missed], missingPeriods: [period] }),
      ['milestone_missed', 'report_missing', 'behind_schedule'],
    ],
  ] as const)('gives %s for %j', (status, f, reasons) => {
    expect(statusFromFacts(f)).toEqual({ status, reasons });
  });
  it('documents every reason once', () => {
    expect(new Set(STATUS_RULES.map((r) => r.reason)).size).toBe(STATUS_RULES.length);
  });
});

describe('task status', () => {
  it('is on track on the first day', () => {
    expect(taskStatus(task(), at('2026-03-02')).status).toBe('on_track');
  });
  it('is done at 100 % even after the deadline', () => {
    const t = task({ reports: [{ date: '2026-03-20', percent: 100, evidenceCount: 2 }] });
    expect(taskStatus(t, at('2026-04-10'))).toMatchObject({ status: 'done', reasons: ['progress_complete'] });
  });
  it('is done when every milestone is done, whatever the reported percent', () => {
    const t = task({
      milestones: [
        { title: 'a', due: '2026-03-10', doneOn: '2026-03-09' },
        { title: 'b', due: '2026-03-20', doneOn: '2026-03-12' },
      ],
    });
    expect(taskStatus(t, at('2026-03-13')).status).toBe('done');
  });
  it('is not done with no milestones and no reports', () => {
    expect(taskStatus(task(), at('2026-04-01')).status).toBe('overdue');
  });
  it('is overdue from the day after the deadline, not on it', () => {
    const t = task({ reports: [{ date: '2026-03-30', percent: 95, evidenceCount: 0 }] });
    expect(taskStatus(t, at('2026-03-31')).status).toBe('on_track');
    expect(taskStatus(t, at('2026-04-01'))).toMatchObject({ status: 'overdue', reasons: ['past_deadline'] });
  });
  it('lags from the day after a milestone is missed', () => {
    const t = task({
      milestones: [{ title: '方案报审', due: '2026-03-10', doneOn: null }],
      reports: [{ date: '2026-03-09', percent: 30, evidenceCount: 1 }],
    });
    expect(taskStatus(t, at('2026-03-10')).status).toBe('on_track');
    expect(taskStatus(t, at('2026-03-11'))).toMatchObject({ status: 'lagging', reasons: ['milestone_missed'] });
  });
  it('counts a milestone done late as missed until it is done', () => {
    const t = task({
      milestones: [
        { title: 'a', due: '2026-03-10', doneOn: '2026-03-12' },
        { title: 'b', due: '2026-03-30', doneOn: null },
      ],
      reports: [{ date: '2026-03-09', percent: 40, evidenceCount: 1 }],
    });
    expect(taskStatus(t, at('2026-03-11')).reasons).toEqual(['milestone_missed']);
    expect(taskStatus(t, at('2026-03-12')).status).toBe('on_track');
  });
  it('lags when a weekly report is missing', () => {
    const t = task({
      cadence: { kind: 'weekly', firstDue: '2026-03-06' },
      reports: [{ date: '2026-03-05', percent: 35, evidenceCount: 1 }],
    });
    expect(taskStatus(t, at('2026-03-13')).status).toBe('on_track');
    expect(taskStatus(t, at('2026-03-14'))).toMatchObject({ status: 'lagging', reasons: ['report_missing'] });
  });
  it('lags when progress trails the linear plan by more than the threshold', () => {
    // 2026-03-02..31 is 29 days; on 03-17 the plan expects 15/29 ≈ 51.7 %.
    const t = task({ reports: [{ date: '2026-03-16', percent: 42, evidenceCount: 0 }] });
    expect(taskStatus(t, at('2026-03-17'))).toMatchObject({ status: 'on_track' });
    expect(taskStatus(t, at('2026-03-17'), undefined, { behindThreshold: 5 })).toMatchObject({
      status: 'lagging',
      reasons: ['behind_schedule'],
    });
  });
  it('does not see reports dated after today', () => {
    const t = task({ reports: [{ date: '2026-03-20', percent: 100, evidenceCount: 0 }] });
    expect(taskStatus(t, at('2026-03-04')).status).toBe('on_track');
  });
  it('takes the date in Asia/Shanghai', () => {
    const t = task({ milestones: [{ title: 'a', due: '2026-03-10', doneOn: null }] });
    // 16:30 UTC on 10 March is 00:30 on 11 March in Shanghai.
    expect(taskStatus(t, new Date('2026-03-10T16:30:00Z')).status).toBe('lagging');
  });
  it('rolls sub-task progress up into the parent’s status', () => {
    const sub = (id: string, percent: number) =>
      task({ id, reports: [{ date: '2026-03-05', percent, evidenceCount: 0 }] });
    expect(taskStatus(task({ subTasks: [sub('a', 100), sub('b', 100)] }), at('2026-03-06')).status).toBe('done');
    expect(taskStatus(task({ subTasks: [sub('a', 0), sub('b', 20)] }), at('2026-03-20')).reasons).toEqual([
      'behind_schedule',
    ]);
  });
});

describe('the linear plan', () => {
  it('runs from 0 on the start date to 100 on the deadline', () => {
    const t = task();
    expect(expectedProgress(t, '2026-03-01')).toBe(0);
    expect(expectedProgress(t, '2026-03-02')).toBe(0);
    expect(expectedProgress(t, '2026-03-31')).toBe(100);
    expect(expectedProgress(task({ start: '2026-03-02', deadline: '2026-03-02' }), '2026-03-02')).toBe(0);
  });
  it('counts working days with a calendar, so the National Day holiday is not time lost', () => {
    const calendar = createCalendar();
    const t = task({ start: '2025-09-29', deadline: '2025-10-13' });
    // 2025-10-01..08 are off; after 9/29 the working days are 9/30, 10/9, 10/10, 10/11 (make-up Saturday), 10/13.
    const onHoliday = expectedProgress(t, '2025-10-08', calendar);
    expect(onHoliday).toBeCloseTo((100 * 1) / 5, 5);
    expect(expectedProgress(t, '2025-10-08')).toBeCloseTo((100 * 9) / 14, 5);
  });
});
