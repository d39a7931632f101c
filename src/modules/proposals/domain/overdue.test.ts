import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../../kernel/calendar/index.js';
import {
  isCommitmentOverdue,
  isReplyOverdue,
  overdueOpinionItem,
  overdueProposalItems,
  pastDeadline,
  replyTimeliness,
} from './overdue.js';

const state = (over: Partial<Parameters<typeof overdueProposalItems>[0]> = {}) => ({
  status: 'assigned' as const,
  replyDeadline: '2026-11-20',
  commitments: [],
  rehandleCount: 0,
  ...over,
});

describe('overdue rule (calendar dates in Asia/Shanghai)', () => {
  it('treats the deadline day itself as still on time and the next local day as overdue', () => {
    expect(pastDeadline('2026-11-20', '2026-11-20')).toBe(false);
    expect(pastDeadline('2026-11-20', '2026-11-21')).toBe(true);
    expect(pastDeadline(null, '2026-11-21')).toBe(false);
  });

  it('turns overdue at midnight in Shanghai, not at midnight UTC', () => {
    // 2026-11-20T16:00Z is 2026-11-21 00:00 in Shanghai.
    expect(isReplyOverdue(state(), localDateOf(new Date('2026-11-20T15:59:59Z')))).toBe(false);
    expect(isReplyOverdue(state(), localDateOf(new Date('2026-11-20T16:00:00Z')))).toBe(true);
  });

  it('owes a reply only while assigned', () => {
    for (const status of ['registered', 'replied', 'implementing', 'completed'] as const)
      expect(isReplyOverdue(state({ status }), '2026-12-01')).toBe(false);
    expect(isReplyOverdue(state({ replyDeadline: null }), '2026-12-01')).toBe(false);
  });

  it('counts a commitment overdue until it is done', () => {
    expect(isCommitmentOverdue({ deadline: '2026-11-20', doneOn: null }, '2026-11-21')).toBe(true);
    expect(isCommitmentOverdue({ deadline: '2026-11-20', doneOn: '2026-11-25' }, '2026-11-26')).toBe(false);
    expect(isCommitmentOverdue({ deadline: '2026-11-20', doneOn: null }, '2026-11-20')).toBe(false);
  });

  it('names each overdue item with its round or index and deadline', () => {
    const commitments = [
      { title: '增设泊位', deadline: '2026-11-10', doneOn: null, evidenceCount: 0 },
      { title: '完善标识', deadline: '2026-11-10', doneOn: '2026-11-09', evidenceCount: 1 },
      { title: '长效机制', deadline: '2026-12-31', doneOn: null, evidenceCount: 0 },
    ];
    expect(overdueProposalItems(state({ status: 'implementing', commitments }), '2026-11-30')).toEqual([
      { what: 'commitment', item: 'commitment#0', deadline: '2026-11-10', title: '增设泊位' },
    ]);
    // Re-opened by 不满意: a new reply is owed (a new round) and the undone commitment still is.
    expect(overdueProposalItems(state({ rehandleCount: 1, commitments }), '2026-11-30')).toEqual([
      { what: 'reply', item: 'reply#1', deadline: '2026-11-20' },
      { what: 'commitment', item: 'commitment#0', deadline: '2026-11-10', title: '增设泊位' },
    ]);
    expect(overdueProposalItems(state(), '2026-11-20')).toEqual([]);
  });

  it('finds a tracked opinion overdue only while open', () => {
    expect(overdueOpinionItem({ status: 'open', deadline: '2026-11-20' }, '2026-11-21')).toEqual({
      what: 'opinion',
      item: 'opinion',
      deadline: '2026-11-20',
    });
    for (const status of ['recorded', 'answered', 'done'] as const)
      expect(overdueOpinionItem({ status, deadline: '2026-11-20' }, '2026-11-21')).toBeNull();
    expect(overdueOpinionItem({ status: 'open', deadline: '2026-11-20' }, '2026-11-20')).toBeNull();
  });

  it('judges 是否按期 by the first reply against the first deadline, as the statistics do', () => {
    const s = (replies: { on: string; summary: string }[], firstReplyDeadline: string | null = '2026-11-20') => ({
      firstReplyDeadline,
      replies,
    });
    expect(replyTimeliness(s([]), '2026-11-20')).toBeNull();
    expect(replyTimeliness(s([]), '2026-11-21')).toBe('overdue');
    expect(replyTimeliness(s([{ on: '2026-11-20', summary: '' }]), '2026-12-30')).toBe('on_time');
    expect(
      replyTimeliness(
        s([
          { on: '2026-11-21', summary: '' },
          { on: '2026-11-01', summary: '' },
        ]),
        '2026-12-30',
      ),
    ).toBe('late');
    expect(replyTimeliness(s([], null), '2026-12-30')).toBeNull();
  });
});
